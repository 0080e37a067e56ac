import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bias, BiasMetric, Evidence } from '../../src/artefacts/evidence.js';
import { FAIRLEARN_TABLE_FORMAT } from '../../src/artefacts/formats/fairlearn-table.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { DEFAULT_LIMITS } from '../../src/document/limits.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError } from '../helpers.js';

const FORMATS = [FAIRLEARN_TABLE_FORMAT, ...NATIVE_FORMATS];
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/formats/fairlearn-table');

function textOf(table: unknown): string {
  return typeof table === 'string' ? table : JSON.stringify(table, null, 2);
}

function read(table: unknown, file = 'fairness.csv'): { bias: Bias; evidence: Evidence } {
  const evidence = readArtefact({ path: file, text: textOf(table), sha256: 'ab'.repeat(32) }, { formats: FORMATS });
  return { bias: evidence.data as Bias, evidence };
}

function readError(table: unknown, file = 'fairness.csv'): ModelgateError {
  return expectModelgateError(() => readArtefact({ path: file, text: textOf(table), sha256: 'ab'.repeat(32) }, { formats: FORMATS }));
}

function find(bias: Bias, name: string, group: string): BiasMetric {
  const metric = bias.metrics.find((candidate) => candidate.name === name && candidate.group === group);
  expect(metric, `${name} for ${group}`).toBeDefined();
  return metric!;
}

const EXPECTED: Record<string, (bias: Bias, evidence: Evidence) => void> = {
  'by-group-sex.csv': (bias, evidence) => {
    expect(bias.protected_attributes).toEqual(['sex']);
    // Four metric columns for two groups, then the two derived metrics for the one non-reference group.
    expect(bias.metrics).toHaveLength(10);
    expect(bias.metrics[0]).toEqual({ name: 'selection_rate', attribute: 'sex', group: 'Female', value: 0.1093, location: { path: expect.any(String), line: 2 } });
    expect(find(bias, 'count', 'Male')).toMatchObject({ value: 21790, location: { line: 3 } });
    const ratio = find(bias, 'disparate_impact', 'Female');
    expect(ratio).toMatchObject({ attribute: 'sex', reference_group: 'Male', original_name: 'derived from selection_rate', location: { line: 2 } });
    expect(ratio.value).toBeCloseTo(0.1093 / 0.2589, 12);
    expect(find(bias, 'statistical_parity_difference', 'Female').value).toBeCloseTo(-0.1496, 12);
    expect(bias.metrics.some((metric) => metric.name === 'disparate_impact' && metric.group === 'Male')).toBe(false);
    expect(bias.extra).toEqual({ reference_group: 'Male', reference_group_rule: 'highest_selection_rate' });
    expect(evidence.fieldLocations.metrics).toMatchObject({ line: 1 });
  },
  'by-group-sex-race.csv': (bias, evidence) => {
    expect(bias.protected_attributes).toEqual(['sex', 'race']);
    expect(find(bias, 'true_positive_rate', 'Female,Black')).toMatchObject({ attribute: 'sex,race', value: 0.512, location: { line: 4 } });
    // demographic_parity_difference is an alias: renamed, the tool's name kept, and not derived a second time.
    const parity = bias.metrics.filter((metric) => metric.name === 'statistical_parity_difference');
    expect(parity).toHaveLength(4);
    expect(parity[0]).toMatchObject({ original_name: 'demographic_parity_difference', group: 'Female,Black', value: -0.221 });
    const ratios = bias.metrics.filter((metric) => metric.name === 'disparate_impact');
    expect(ratios.map((metric) => metric.group)).toEqual(['Female,Black', 'Female,White', 'Male,Black']);
    expect(ratios[0]!.value).toBeCloseTo(0.081 / 0.302, 12);
    expect(ratios[0]!.reference_group).toBe('Male,White');
    expect(bias.extra).toEqual({
      comments: ['MetricFrame.by_group of a credit approval model, holdout 2025-Q1'],
      reference_group: 'Male,White',
      reference_group_rule: 'declared',
    });
    expect(evidence.fieldLocations.metrics).toMatchObject({ line: 3 });
  },
  'numeric-age-band.csv': (bias) => {
    expect(bias.protected_attributes).toEqual(['age_band']);
    expect(find(bias, 'recall', '3')).toMatchObject({ value: 0.69, location: { line: 5 } });
    expect(find(bias, 'disparate_impact', '3').value).toBeCloseTo(0.27 / 0.42, 12);
    expect(bias.extra).toMatchObject({ reference_group: '1' });
  },
  'by-group.json': (bias, evidence) => {
    expect(bias.protected_attributes).toEqual(['sex']);
    expect(find(bias, 'accuracy', 'Non-binary')).toMatchObject({ value: 0.865, location: { line: 6 } });
    expect(find(bias, 'disparate_impact', 'Non-binary').value).toBeCloseTo(0.187 / 0.2589, 12);
    expect(find(bias, 'disparate_impact', 'Female')).toMatchObject({ reference_group: 'Male', location: { line: 5 } });
    expect(bias.extra).toEqual({
      overall: { selection_rate: 0.198, accuracy: 0.8466 },
      fairlearn_version: '0.12.0',
      reference_group: 'Male',
      reference_group_rule: 'declared',
    });
    expect(evidence.fieldLocations.protected_attributes).toMatchObject({ line: 2 });
  },
  'rows.json': (bias) => {
    expect(bias.protected_attributes).toEqual(['race']);
    expect(find(bias, 'balanced_accuracy', 'Black')).toMatchObject({ value: 0.7802, location: { line: 3 } });
    expect(find(bias, 'disparate_impact', 'Black').value).toBeCloseTo(0.0902 / 0.2651, 12);
    expect(bias.extra).toMatchObject({ reference_group: 'Asian-Pac-Islander', reference_group_rule: 'highest_selection_rate' });
  },
};

const fixtureFiles = readdirSync(FIXTURES).filter((name) => name !== 'README.md').sort();

describe('Fairlearn table fixtures', () => {
  it('has fixtures to read', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(5);
  });

  it.each(fixtureFiles)('reads %s', (name) => {
    const file = `fixtures/formats/fairlearn-table/${name}`;
    const { bias, evidence } = read(readFileSync(path.join(FIXTURES, name), 'utf8'), file);
    expect(evidence.kind).toBe('bias');
    expect(evidence.sources[0]?.format).toBe('fairlearn-table');
    for (const metric of bias.metrics) expect(metric.location?.path).toBe(file);
    EXPECTED[name]?.(bias, evidence);
  });
});

describe('Fairlearn table CSV', () => {
  it('points a row that spans lines at its first line', () => {
    const { bias } = read('group,selection_rate\n"multi\nline",0.2\nother,0.4\n');
    expect(find(bias, 'selection_rate', 'multi\nline').location?.line).toBe(2);
    expect(find(bias, 'selection_rate', 'other').location?.line).toBe(4);
  });

  it('names an unnamed index column as Fairlearn does', () => {
    expect(read(',selection_rate\na,0.2\nb,0.4\n').bias.protected_attributes).toEqual(['sensitive_feature_0']);
  });

  it('keeps an unknown metric under its own name', () => {
    expect(find(read('sex,my_custom_gap\nf,0.03\nm,0.01\n').bias, 'my_custom_gap', 'f').value).toBe(0.03);
  });

  it('matches a declared reference group written with spaces', () => {
    const { bias } = read('# reference_group: m, b\nsex,race,selection_rate\nf,a,0.2\nm,b,0.4\n');
    expect(find(bias, 'disparate_impact', 'f,a')).toMatchObject({ reference_group: 'm,b', value: 0.5 });
  });

  it('does not derive a disparate impact from a zero reference rate', () => {
    const { bias } = read('sex,selection_rate\nf,0\nm,0\n');
    expect(bias.metrics.map((metric) => metric.name)).toEqual(['selection_rate', 'selection_rate', 'statistical_parity_difference']);
    expect(bias.extra?.not_derived).toEqual({ disparate_impact: 'every selection rate is 0, including that of reference group "f"' });
  });

  it('refuses a zero reference rate when another group is selected: the disparate impact is unbounded', () => {
    const error = readError('# reference_group: M\nsex,selection_rate\nF,0.05\nM,0\n');
    expect(error.message).toMatch(/reference group "M" is 0, so the disparate impact of the other groups is unbounded/);
    expect(error.location?.line).toBe(4);
  });

  it('refuses a metric column with a stray text cell instead of reading it as a group column', () => {
    const error = readError('sex,accuracy,disparate_impact\nF,0.9,0.5\nM,0.8,NA\n');
    expect(error.message).toMatch(/column "disparate_impact" mixes numbers and text \("NA"\)/);
    expect(error.location?.line).toBe(3);
    expect(readError('sex,disparate_impact\nF,n/a\nM,none\n').message).toMatch(/column "disparate_impact" mixes numbers and text/);
  });
});

describe('Fairlearn table detection', () => {
  it('claims a CSV with a metric column, not one without', () => {
    expect(FAIRLEARN_TABLE_FORMAT.detect(toArtefactInput({ path: 't.csv', text: 'sex,selection_rate\nf,0.2\n' }))).toBe(true);
    expect(FAIRLEARN_TABLE_FORMAT.detect(toArtefactInput({ path: 't.csv', text: 'name,team\nann,risk\n' }))).toBe(false);
    expect(FAIRLEARN_TABLE_FORMAT.detect(toArtefactInput({ path: 't.csv', text: 'sex,selection_rate\n' }))).toBe(false);
    expect(FAIRLEARN_TABLE_FORMAT.detect(toArtefactInput({ path: 't.txt', text: 'sex,selection_rate\nf,0.2\n' }))).toBe(false);
    expect(readError('name,team\nann,risk\n').message).toMatch(/unknown format/);
  });

  it('claims JSON with sensitive_features and metrics, or a list of flat rows', () => {
    const detect = (value: unknown) => FAIRLEARN_TABLE_FORMAT.detect(toArtefactInput({ path: 't.json', text: JSON.stringify(value) }));
    expect(detect({ sensitive_features: ['sex'], metrics: { selection_rate: { f: 0.2 } } })).toBe(true);
    expect(detect([{ sex: 'f', selection_rate: 0.2 }])).toBe(true);
    expect(detect({ metrics: { selection_rate: { f: 0.2 } } })).toBe(false);
    expect(detect([{ sex: 'f', nested: { a: 1 }, selection_rate: 0.2 }])).toBe(false);
    expect(detect([{ a: 1, b: 2 }])).toBe(false);
    expect(detect({ eventType: 'COMPLETE', run: {}, job: {} })).toBe(false);
  });

  it('leaves native bias files to the native reader, which does not claim tables', () => {
    const native = { apiVersion: 'modelgate/v1', kind: 'bias', protected_attributes: ['sex'], metrics: [] };
    expect(read(native, 'bias.json').evidence.sources[0]?.format).toBe('modelgate-bias');
    const table = toArtefactInput({ path: 't.json', text: JSON.stringify({ sensitive_features: ['sex'], metrics: { sr: { f: 0.2 } } }) });
    for (const format of NATIVE_FORMATS) expect(format.detect(table)).toBe(false);
  });
});

describe('Fairlearn table errors', () => {
  it('rejects a non-numeric, empty, NaN or infinite metric cell, naming its line', () => {
    expect(readError('sex,selection_rate\nf,0.2\nm,NaN\n').message).toMatch(/^fairness\.csv:3: metric "selection_rate" for group "m" has value "NaN", which is not a finite number$/);
    expect(readError('sex,selection_rate\nf,0.2\nm,\n').message).toMatch(/^fairness\.csv:3: metric "selection_rate" for group "m" has no value$/);
    expect(readError('sex,selection_rate\nf,inf\nm,0.3\n').message).toMatch(/^fairness\.csv:2: .*not a finite number/);
    const declared = '# sensitive_features: sex\nsex,selection_rate\nf,0.2\nm,high\n';
    expect(readError(declared).message).toMatch(/^fairness\.csv:4: metric "selection_rate" for group "m" has value "high"/);
  });

  it('rejects a declared sensitive feature the header does not have', () => {
    expect(readError('# sensitive_features: gender\nsex,selection_rate\nf,0.2\n').message).toMatch(/^fairness\.csv:1: the sensitive_features comment names "gender"/);
  });

  it('rejects a table whose every column is numeric unless its features are declared', () => {
    const csv = readError('age,selection_rate\n1,0.2\n2,0.3\n');
    expect(csv.message).toMatch(/^fairness\.csv:1: no sensitive-feature column: every column is numeric/);
    expect(readError([{ age: 1, selection_rate: 0.2 }], 't.json').message).toMatch(/unknown format/);
    const declared = { sensitive_features: ['age'], metrics: [{ age: 1, selection_rate: 0.2 }] };
    expect(read(declared, 't.json').bias.protected_attributes).toEqual(['age']);
  });

  it('rejects a group given twice', () => {
    const spaced = { sensitive_features: ['sex', 'race'], metrics: { selection_rate: { 'f,a': 0.2, 'f, a': 0.3 } } };
    expect(readError(spaced, 't.json').message).toMatch(/group "f,a" of metric "selection_rate" appears twice/);
    expect(readError([{ a: 'x', b: 1 }, { a: 'x', b: 2 }], 't.json').message).toMatch(/^t\.json:\d+:\d+: group "x" appears twice \(first at line 2\)/);
    expect(readError('sex,selection_rate\nf,0.2\nf,0.3\n').message).toMatch(/^fairness\.csv:3: group "f" appears twice/);
  });

  it('rejects an unknown reference group', () => {
    const table = { sensitive_features: ['sex'], reference_group: 'x', metrics: { selection_rate: { f: 0.2, m: 0.3 } } };
    expect(readError(table, 't.json').message).toMatch(/^t\.json:5:\d+: reference group "x" has no selection_rate row \(groups: "f", "m"\)/);
  });

  it('rejects wrong types in the JSON forms', () => {
    const stringValue = { sensitive_features: ['sex'], metrics: { selection_rate: { f: '0.2' } } };
    expect(readError(stringValue, 't.json').message).toMatch(/is the string "0\.2"; a metric value must be a JSON number/);
    const nullValue = { sensitive_features: ['sex'], metrics: { selection_rate: { f: null } } };
    expect(readError(nullValue, 't.json').message).toMatch(/metric "selection_rate" for group "f" has no value/);
    const notMap = { sensitive_features: ['sex'], metrics: { selection_rate: 0.2 } };
    expect(readError(notMap, 't.json').message).toMatch(/metrics\.selection_rate must map each group to its value/);
    const badFeatures = { sensitive_features: [], metrics: { selection_rate: { f: 0.2 } } };
    expect(readError(badFeatures, 't.json').message).toMatch(/sensitive_features must be a non-empty list/);
    const wrongParts = { sensitive_features: ['sex', 'race'], metrics: { selection_rate: { f: 0.2 } } };
    expect(readError(wrongParts, 't.json').message).toMatch(/group "f" of metric "selection_rate" does not have one value for each of the 2 sensitive features/);
  });

  it('rejects malformed CSV and malformed JSON with their line', () => {
    expect(readError('sex,selection_rate\nf,0.2,9\n').message).toMatch(/^fairness\.csv:2: invalid CSV: Invalid Record Length/);
    expect(readError('sex,selection_rate\n"f,0.2\n').message).toMatch(/^fairness\.csv:2: invalid CSV: Quote Not Closed/);
    expect(readError('{\n  "sensitive_features": ["sex"],\n  "metrics": {,}\n}\n', 't.json').message).toMatch(/^t\.json:3:\d+: invalid JSON/);
  });

  it('rejects a forbidden key or column name', () => {
    const text = '{\n  "sensitive_features": ["sex"],\n  "metrics": {"__proto__": {"f": 0.2}}\n}\n';
    expect(readError(text, 't.json').message).toMatch(/^t\.json:3:\d+: forbidden key "__proto__"/);
    expect(readError('# note\nsex,constructor\nf,0.2\n').message).toMatch(/^fairness\.csv:2: forbidden column name "constructor"/);
  });

  it('rejects a CSV larger than the file limit', () => {
    const limits = { ...DEFAULT_LIMITS, max_file_bytes: 10 };
    const file = { path: 't.csv', text: 'sex,selection_rate\nf,0.2\n', sha256: 'ab'.repeat(32) };
    expect(() => readArtefact(file, { formats: FORMATS, limits, format: 'fairlearn-table' })).toThrow(/larger than the limit of 10 bytes/);
  });
});

describe('Fairlearn table JSON rows, hostile', () => {
  it('treats a row without a metric key like a null value, never as a group without that metric', () => {
    const rows = [
      { sex: 'F', accuracy: 0.9 },
      { sex: 'M', disparate_impact: 1, accuracy: 0.8 },
    ];
    expect(readError(rows, 'fairness.json').message).toMatch(/disparate_impact/);
  });

  it('refuses a metric column that mixes numbers and text', () => {
    const rows = [
      { sex: 'F', disparate_impact: 0.5, accuracy: 0.9 },
      { sex: 'M', disparate_impact: 'NA', accuracy: 0.8 },
    ];
    expect(readError(rows, 'fairness.json').message).toMatch(/column "disparate_impact" mixes numbers and text/);
  });
});
