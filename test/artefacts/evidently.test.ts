import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Drift, Evidence } from '../../src/artefacts/evidence.js';
import { EVIDENTLY_FORMATS } from '../../src/artefacts/formats/evidently.js';
import { NO_DRIFT_METRIC } from '../../src/artefacts/formats/evidently-common.js';
import { parseMetricLabel } from '../../src/artefacts/formats/evidently-v2.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError } from '../helpers.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FORMATS = [...EVIDENTLY_FORMATS, ...NATIVE_FORMATS];
const PATH = 'reports/drift.json';

function textOf(document: unknown): string {
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}

function read(document: unknown, file = PATH, formats = FORMATS): Evidence {
  return readArtefact({ path: file, text: textOf(document), sha256: 'ab'.repeat(32) }, { formats });
}

function readDrift(document: unknown, format: string, file = PATH): Drift {
  const evidence = read(document, file);
  expect(evidence.kind).toBe('drift');
  expect(evidence.sources[0]?.format).toBe(format);
  return evidence.data as Drift;
}

function readError(document: unknown, file = PATH, formats = FORMATS): ModelgateError {
  return expectModelgateError(() => read(document, file, formats));
}

function lineOf(text: string, needle: string, from = 1): number {
  const index = text.split('\n').findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(path.join(REPO_ROOT, dir))
    .sort()
    .flatMap((name) => {
      const relative = `${dir}/${name}`;
      if (statSync(path.join(REPO_ROOT, relative)).isDirectory()) return filesUnder(relative, keep);
      return keep(name) ? [relative] : [];
    });
}

const FORMATS_DIR = 'fixtures/formats';
/** Every Evidently fixture folder is named by the format id that must read its files. */
const FIXTURE_DIRS = readdirSync(path.join(REPO_ROOT, FORMATS_DIR)).filter((name) => name.startsWith('evidently-')).sort();
const FIXTURES = FIXTURE_DIRS.flatMap((dir) => filesUnder(`${FORMATS_DIR}/${dir}`, (name) => name.endsWith('.json')));

const textAt = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const drifted = (drift: Drift) => drift.features.filter((feature) => feature.drifted).map((feature) => feature.name);
const names = (drift: Drift) => drift.features.map((feature) => feature.name);

/** Concrete values for the fixtures known today; files added later get the generic checks. */
const EXPECTED: Record<string, (drift: Drift, text: string, evidence: Evidence) => void> = {
  'evidently-legacy-report/data-drift-preset-0.4.json': (drift, text, evidence) => {
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0.4, current: { end: '2024-03-04 10:15:22.123456' } });
    expect(drift.reference).toBeUndefined();
    expect(names(drift)).toEqual(['age', 'income', 'tenure_months', 'region', 'channel']);
    expect(drifted(drift)).toEqual(['age', 'tenure_months']);
    expect(drift.features[0]).toEqual({
      name: 'age',
      test: 'Wasserstein distance (normed)',
      score: 0.183412,
      threshold: 0.1,
      drifted: true,
      location: { path: evidence.sources[0]!.path, line: lineOf(text, '"age": {'), column: expect.any(Number) },
      // Histograms are plot data, not findings: not carried.
      extra: { source: 'DataDriftTable', column_type: 'num' },
    });
    expect(drift.extra).toMatchObject({ version: '0.4.16', dataset_drift_from: 'DatasetDriftMetric.dataset_drift' });
    expect(drift.extra?.drift_metrics).toEqual([
      { metric: 'DatasetDriftMetric', drift_share: 0.5, number_of_columns: 5, number_of_drifted_columns: 2, share_of_drifted_columns: 0.4, dataset_drift: false },
      { metric: 'DataDriftTable', number_of_columns: 5, number_of_drifted_columns: 2, share_of_drifted_columns: 0.4, dataset_drift: false },
    ]);
    expect(evidence.fieldLocations.dataset_drift?.line).toBe(lineOf(text, '"dataset_drift": false'));
    expect(evidence.fieldLocations.share_drifted?.line).toBe(lineOf(text, '"share_of_drifted_columns": 0.4'));
    expect(evidence.fieldLocations.features?.line).toBe(lineOf(text, '"drift_by_columns"'));
    expect(evidence.fieldLocations.current?.line).toBe(lineOf(text, '"timestamp"'));
  },
  'evidently-legacy-report/target-and-dataset-drift-0.2.json': (drift, _text, evidence) => {
    // One line, as `Report.json()` writes it: every location is on line 1, told apart by column.
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 1 / 3 });
    expect(drift.features).toEqual([
      expect.objectContaining({ name: 'target', test: 'chi-square p_value', score: 0.0021, threshold: 0.05, drifted: true }),
      expect.objectContaining({ name: 'prediction', test: 'K-S p_value', score: 0.3312, threshold: 0.05, drifted: false }),
    ]);
    expect(drift.features[0]!.location).toMatchObject({ line: 1 });
    expect(drift.features[1]!.location!.column).toBeGreaterThan(drift.features[0]!.location!.column!);
    expect((drift.extra?.drift_metrics as object[])[0]).toMatchObject({ metric: 'DatasetDriftMetric', threshold: 0.3 });
    expect(drift.extra?.other_metrics).toEqual([expect.objectContaining({ metric: 'ColumnSummaryMetric' })]);
    expect(evidence.fieldLocations.dataset_drift).toMatchObject({ line: 1 });
  },
  'evidently-legacy-report/column-drift-only-0.4.json': (drift, text) => {
    expect(names(drift)).toEqual(['amount', 'merchant_category', 'description_embeddings']);
    expect(drifted(drift)).toEqual(['amount', 'description_embeddings']);
    expect(drift.share_drifted).toBeCloseTo(2 / 3);
    // No dataset-level metric: derived as DatasetDriftMetric would (2/3 >= 0.5).
    expect(drift.dataset_drift).toBe(true);
    expect(drift.extra?.dataset_drift_from).toBe('derived: share of drifted columns >= drift_share (0.5, Evidently default)');
    expect(drift.features[2]).toMatchObject({ test: 'model', score: 0.61, extra: { source: 'EmbeddingsDriftMetric' } });
    expect(drift.features[2]!.location?.line).toBe(lineOf(text, '"embeddings_name"') - 1);
  },
  'evidently-legacy-test-suite/data-drift-test-preset-0.4.json': (drift, text, evidence) => {
    // The share test failed its condition (lt=0.3 at 40%): the team's gate says drift.
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 0.4, current: { end: '2024-03-04 10:16:02.551020' } });
    expect(drifted(drift)).toEqual(['age', 'tenure_months']);
    expect(drift.features[0]).toMatchObject({ name: 'age', test: 'Wasserstein distance (normed)', score: 0.183, threshold: 0.1, extra: { source: 'Share of Drifted Columns', also_reported_by: ['Drift per Column'] } });
    expect(drift.extra?.dataset_drift_from).toBe('test "Share of Drifted Columns" status FAIL (condition {"lt":0.3})');
    expect(evidence.fieldLocations.dataset_drift?.line).toBe(lineOf(text, '"status": "FAIL"'));
    expect(drift.extra?.summary).toMatchObject({ all_passed: false, total_tests: 6 });
    expect(drift.extra?.drift_tests).toHaveLength(6);
  },
  'evidently-legacy-test-suite/number-of-drifted-features-0.2.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0.25 });
    expect(drifted(drift)).toEqual(['sepal length (cm)']);
    expect(drift.extra?.dataset_drift_from).toBe('test "Number of Drifted Features" status SUCCESS (condition {"lt":2})');
    // The integrity test is no drift test, but it is kept.
    expect(drift.extra?.other_tests).toEqual([expect.objectContaining({ name: 'Number of Rows', status: 'WARNING' })]);
  },
  'evidently-legacy-test-suite/share-test-with-metrics-0.4.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0 });
    // The metrics' scores are not rounded, unlike the tests' parameters: they are read first.
    expect(drift.features.map((feature) => feature.score)).toEqual([0.0213, 0.6401]);
    expect(drift.features[0]!.extra).toMatchObject({ source: 'DataDriftTable', also_reported_by: ['Share of Drifted Columns'] });
  },
  'evidently-legacy-snapshot/report-snapshot-0.4.json': (drift, text, evidence) => {
    expect(drift).toMatchObject({
      dataset_drift: true,
      share_drifted: 2 / 3,
      reference: { start: '2024-01-01', end: '2024-03-31' },
      current: { start: '2024-06-30', end: '2024-06-30T23:00:00' },
    });
    expect(drifted(drift)).toEqual(['age', 'income']);
    expect(drift.features[2]).toMatchObject({ name: 'region', test: 'Jensen-Shannon distance', score: 0.0871, threshold: 0.1, extra: { source: 'DataDriftTable', column_type: 'cat' } });
    expect(drift.extra).toMatchObject({ id: '0190f1e2-3c4d-7e8f-9a0b-1c2d3e4f5a6b', tags: ['production', 'daily'], metadata: { model_id: 'fraud-scorer' } });
    expect(drift.extra).not.toHaveProperty('name');
    expect((drift.extra?.drift_metrics as object[])[0]).toMatchObject({ metric: 'DatasetDriftMetric', config: { drift_share: 0.5 } });
    expect(evidence.fieldLocations.reference?.line).toBe(lineOf(text, '"reference": {'));
    expect(evidence.fieldLocations.current?.line).toBe(lineOf(text, '"current_start"'));
  },
  'evidently-legacy-snapshot/test-suite-snapshot-0.4.json': (drift) => {
    // Class paths of 0.4 before type aliases; the share test (lt=0.6) passed at 50%.
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0.5, current: { end: '2023-12-01T06:00:00' } });
    expect(drifted(drift)).toEqual(['plan']);
    expect(drift.features[1]).toMatchObject({ name: 'monthly_spend', score: 0.2761, extra: { source: 'DataDriftTable', also_reported_by: ['Share of Drifted Columns'] } });
    expect(drift.extra?.other_tests).toEqual([expect.objectContaining({ name: 'Number of Columns' })]);
  },
  'evidently-report/data-drift-preset-0.7.json': (drift, text) => {
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 0.6 });
    expect(drifted(drift)).toEqual(['age', 'tenure_months', 'channel']);
    expect(drift.features[4]).toMatchObject({ name: 'channel', test: 'chi-square p_value', score: 0.0312, threshold: 0.05, drifted: true });
    expect(drift.features[0]!.location?.line).toBe(lineOf(text, '"id": "bfc6e8246d39abff41fc2e002575d9a3"') - 1);
    expect(drift.extra?.dataset_drift_from).toBe('derived: share of drifted columns >= drift_share (0.5, from DriftedColumnsCount drift_share)');
    expect(drift.extra?.other_metrics).toEqual([expect.objectContaining({ metric_name: 'MissingValueCount(column=income)' })]);
  },
  'evidently-report/with-tests-0.7.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 1 / 3 });
    // "custom_drift" has no known direction: its drift test decides.
    expect(drift.features.map(({ name, drifted: d, extra }) => [name, d, extra?.decided_by])).toEqual([
      ['score', false, 'test status SUCCESS'],
      ['country', true, 'test status FAIL'],
      ['device', false, 'test status SUCCESS'],
    ]);
    expect(drift.extra?.other_tests).toEqual([expect.objectContaining({ name: 'Share of Drifted Columns: Less 0.3', status: 'FAIL' })]);
  },
  'evidently-report/metric-id-labels-0.6.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 0.5 });
    expect(drift.features).toEqual([
      expect.objectContaining({ name: 'temperature', test: 'K-S p_value', score: 0.0131, threshold: 0.05, drifted: true }),
      expect.objectContaining({ name: 'humidity', score: 0.4402, drifted: false }),
    ]);
  },
  'evidently-snapshot/workspace-run-0.7.json': (drift, text, evidence) => {
    expect(drift).toMatchObject({
      dataset_drift: true,
      share_drifted: 0.5,
      reference: { start: '2025-03-01', end: '2025-03-31' },
      current: { start: '2025-05-11', end: '2025-05-12' },
    });
    expect(drifted(drift)).toEqual(['basket_size']);
    expect(drift.extra).toMatchObject({ name: 'nightly drift', timestamp: '2025-05-12T02:00:00', tags: ['nightly'] });
    expect(drift.extra?.other_metrics).toEqual([{ id: '2c3d4e5f', metric: 'RowCount', config: { tests: null }, value: 50210 }]);
    expect(evidence.fieldLocations.share_drifted?.line).toBe(lineOf(text, '"value": 0.5'));
    expect(drift.features[0]!.location?.line).toBe(lineOf(text, '"3b4a5c6d": {'));
  },
};

describe('Evidently fixtures', () => {
  it('has fixtures for every Evidently format', () => {
    expect(FIXTURE_DIRS).toEqual(expect.arrayContaining(EVIDENTLY_FORMATS.map((format) => format.id)));
  });

  it.each(FIXTURES)('reads %s with the format its folder names', (file) => {
    const text = textAt(file);
    const folder = file.split('/')[2]!;
    const evidence = readArtefact({ path: file, text, sha256: 'ab'.repeat(32) }, { formats: FORMATS });
    expect(evidence.kind).toBe('drift');
    expect(evidence.sources[0]?.format).toBe(folder);
    const drift = evidence.data as Drift;
    expect(drift.share_drifted).toBeGreaterThanOrEqual(0);
    expect(drift.share_drifted).toBeLessThanOrEqual(1);
    for (const feature of drift.features) expect(feature.location).toMatchObject({ path: file, line: expect.any(Number) });
    expect(typeof drift.extra?.dataset_drift_from).toBe('string');
    expect(evidence.fieldLocations.dataset_drift?.path).toBe(file);
    EXPECTED[file.slice(FORMATS_DIR.length + 1)]?.(drift, text, evidence);
  });

  it('checks every fixture it has expectations for', () => {
    expect(Object.keys(EXPECTED).map((file) => `${FORMATS_DIR}/${file}`).filter((file) => !FIXTURES.includes(file))).toEqual([]);
  });

  it('is claimed by exactly one Evidently format each', () => {
    for (const file of FIXTURES) {
      const input = toArtefactInput({ path: file, text: textAt(file) });
      expect(EVIDENTLY_FORMATS.filter((format) => format.detect(input)).map((format) => format.id), file).toEqual([file.split('/')[2]]);
    }
  });
});

const columnEntry = (name: string, score: number, detected: boolean, extra: Record<string, unknown> = {}) => ({
  column_name: name,
  column_type: 'num',
  stattest_name: 'K-S p_value',
  stattest_threshold: 0.05,
  drift_score: score,
  drift_detected: detected,
  ...extra,
});

const legacyReport = (...metrics: unknown[]) => ({ version: '0.4.16', timestamp: '2024-03-04 10:00:00', metrics });
const datasetDrift = (result: Record<string, unknown> = {}) => ({
  metric: 'DatasetDriftMetric',
  result: { drift_share: 0.5, number_of_columns: 2, number_of_drifted_columns: 1, share_of_drifted_columns: 0.5, dataset_drift: true, ...result },
});
const dataDriftTable = (columns: Record<string, unknown>, result: Record<string, unknown> = {}) => ({
  metric: 'DataDriftTable',
  result: { number_of_columns: 2, number_of_drifted_columns: 1, share_of_drifted_columns: 0.5, dataset_drift: true, drift_by_columns: columns, ...result },
});

describe('Evidently legacy report (0.2–0.4)', () => {
  it('lets DatasetDriftMetric decide over the table, whose verdict uses the default drift share', () => {
    const drift = readDrift(
      legacyReport(
        datasetDrift({ drift_share: 0.7, share_of_drifted_columns: 0.6, dataset_drift: false }),
        dataDriftTable({ a: columnEntry('a', 0.01, true) }, { share_of_drifted_columns: 0.6, dataset_drift: true }),
      ),
      'evidently-legacy-report',
    );
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0.6 });
    expect(drift.extra?.dataset_drift_from).toBe('DatasetDriftMetric.dataset_drift');
  });

  it('reads several dataset metrics as one: drifted if any says so, the largest share', () => {
    const drift = readDrift(
      legacyReport(datasetDrift({ share_of_drifted_columns: 0.2, dataset_drift: false }), datasetDrift({ share_of_drifted_columns: 0.75, dataset_drift: true })),
      'evidently-legacy-report',
    );
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 0.75, features: [] });
  });

  it('keeps one feature per column, drifted if any metric found drift in it', () => {
    const drift = readDrift(
      legacyReport(dataDriftTable({ a: columnEntry('a', 0.2, false) }), { metric: 'ColumnDriftMetric', result: columnEntry('a', 0.01, true) }),
      'evidently-legacy-report',
    );
    expect(drift.features).toEqual([expect.objectContaining({ name: 'a', score: 0.2, drifted: true, extra: { source: 'DataDriftTable', column_type: 'num', also_reported_by: ['ColumnDriftMetric'] } })]);
  });

  it('derives dataset drift from the columns when no dataset metric states it', () => {
    const drift = readDrift(
      legacyReport(
        { metric: 'ColumnDriftMetric', result: columnEntry('a', 0.01, true) },
        { metric: 'ColumnDriftMetric', result: columnEntry('b', 0.4, false) },
        { metric: 'ColumnDriftMetric', result: columnEntry('c', 0.5, false) },
      ),
      'evidently-legacy-report',
    );
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 1 / 3 });
  });

  it('keeps unknown fields of a column result, without plot data', () => {
    const drift = readDrift(
      legacyReport(dataDriftTable({ a: columnEntry('a', 0.01, true, { new_field: 'kept', current: { small_distribution: { x: [1], y: [2] } }, scatter: {} }) })),
      'evidently-legacy-report',
    );
    expect(drift.features[0]!.extra).toEqual({ source: 'DataDriftTable', column_type: 'num', new_field: 'kept' });
  });

  it('refuses a report with no drift metric, naming what it has', () => {
    const text = textOf(legacyReport({ metric: 'DatasetSummaryMetric', result: { current: { number_of_rows: 10 } } }, { metric: 'ColumnSummaryMetric', result: {} }));
    const error = readError(text);
    expect(error.message).toContain(NO_DRIFT_METRIC);
    expect(error.message).toBe(`${PATH}:${lineOf(text, '"metrics"')}:3: ${NO_DRIFT_METRIC} in this Evidently report; it has: DatasetSummaryMetric, ColumnSummaryMetric`);
    expect(readError({ version: '0.4.1', timestamp: 'x', metrics: [] }).message).toContain(NO_DRIFT_METRIC);
  });

  it('refuses a non-numeric score, naming its line', () => {
    const text = textOf(legacyReport(dataDriftTable({ a: columnEntry('a', 0.01, true), b: { ...columnEntry('b', 0, false), drift_score: '0.3' } })));
    const error = readError(text);
    expect(error.message).toBe(`${PATH}:${lineOf(text, '"drift_score": "0.3"')}:13: drift_score of column "b" is "0.3", which is not a finite number`);
  });

  it('refuses a dataset verdict that is not a boolean and a share outside 0..1', () => {
    let text = textOf(legacyReport(datasetDrift({ dataset_drift: 'yes' })));
    expect(readError(text).message).toBe(`${PATH}:${lineOf(text, '"dataset_drift": "yes"')}:9: dataset_drift of DatasetDriftMetric is "yes", not true or false`);
    text = textOf(legacyReport(datasetDrift({ share_of_drifted_columns: 1.5 })));
    expect(readError(text).message).toMatch(/share_of_drifted_columns of DatasetDriftMetric is 1\.5, which is not a share between 0 and 1/);
    expect(readError(legacyReport(dataDriftTable({ a: columnEntry('a', 0.1, true, { drift_detected: 'Detected' }) }))).message).toMatch(
      /drift_detected of column "a" is "Detected", not true or false/,
    );
  });

  it('refuses NaN, which Python writes into JSON, with file, line and column', () => {
    const text = textOf(legacyReport(dataDriftTable({ a: columnEntry('a', 0.1, true) }))).replace('"drift_score": 0.1', '"drift_score": NaN');
    const error = readError(text);
    expect(error.message).toMatch(new RegExp(`^reports/drift\\.json:${lineOf(text, 'NaN')}:\\d+: invalid JSON`));
  });

  it('refuses malformed JSON and forbidden keys', () => {
    const text = textOf(legacyReport(datasetDrift()));
    const broken = text.replace('"dataset_drift": true', '"dataset_drift": true,');
    expect(readError(broken).message).toMatch(new RegExp(`^reports/drift\\.json:${lineOf(broken, '"dataset_drift": true,') + 1}:\\d+: invalid JSON`));
    const polluted = text.replace('"drift_share": 0.5', '"__proto__": {"polluted": true}');
    expect(readError(polluted).message).toMatch(/forbidden key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a drift metric Evidently could not compute', () => {
    expect(readError(legacyReport(dataDriftTable({ a: 'oops' }))).message).toMatch(/a DataDriftTable column result must be an object/);
    expect(readError(legacyReport({ metric: 'DataDriftTable', result: [] })).message).toMatch(/the result of DataDriftTable must be an object/);
  });
});

const shareTest = (status: string, parameters: Record<string, unknown> = {}, description = 'The drift is detected for 50% features (1 out of 2). The test threshold is lt=0.3') => ({
  name: 'Share of Drifted Columns',
  description,
  status,
  group: 'data_drift',
  parameters,
});
const columnTest = (status: string, parameters: Record<string, unknown>, description = 'The drift score for the feature **x** is 0.01.') => ({
  name: 'Drift per Column',
  description,
  status,
  group: 'data_drift',
  parameters,
});
const testSuite = (...tests: unknown[]) => ({ version: '0.4.16', timestamp: '2024-03-04 10:00:00', tests, summary: { all_passed: false, total_tests: tests.length } });

describe('Evidently legacy test suite (0.2–0.4)', () => {
  it('takes the share from the description when the test keeps no column table', () => {
    const drift = readDrift(testSuite(shareTest('FAIL')), 'evidently-legacy-test-suite');
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 0.5, features: [] });
  });

  it('reads 0.1 column tables ("data_drift": "Detected") and names a column from the description', () => {
    const drift = readDrift(
      testSuite(
        shareTest('SUCCESS', { condition: { lt: 0.6 }, features: { a: { stattest: 'K-S p_value', score: 0.01, threshold: 0.05, data_drift: 'Detected' }, b: { stattest: 'K-S p_value', score: 0.3, threshold: 0.05, data_drift: 'Not Detected' } } }),
        columnTest('FAIL', { stattest: 'PSI', score: 0.4, threshold: 0.1 }),
      ),
      'evidently-legacy-test-suite',
    );
    // The share test passed (lt=0.6): not drifted, though two of the three columns drifted.
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 2 / 3 });
    expect(drift.features.map(({ name, drifted: d }) => [name, d])).toEqual([
      ['a', true],
      ['b', false],
      ['x', true],
    ]);
  });

  it('counts a non-critical failed test (WARNING) as failed', () => {
    const drift = readDrift(testSuite(shareTest('WARNING', { condition: { lt: 0.3 }, features: { a: { stattest: 'PSI', score: 0.3, threshold: 0.1, detected: true }, b: { stattest: 'PSI', score: 0.01, threshold: 0.1, detected: false } } })), 'evidently-legacy-test-suite');
    expect(drift.dataset_drift).toBe(true);
  });

  it('lists a skipped drift test without reading drift from it', () => {
    const drift = readDrift(
      testSuite(columnTest('SKIPPED', {}, 'Test skipped'), columnTest('FAIL', { column_name: 'a', stattest: 'PSI', score: 0.3, threshold: 0.1, detected: true })),
      'evidently-legacy-test-suite',
    );
    expect(names(drift)).toEqual(['a']);
    expect(drift.extra?.drift_tests).toEqual([
      { test: 'Drift per Column', status: 'SKIPPED', description: 'Test skipped' },
      { test: 'Drift per Column', status: 'FAIL', description: 'The drift score for the feature **x** is 0.01.' },
    ]);
  });

  it('derives dataset drift from column tests alone', () => {
    const drift = readDrift(testSuite(columnTest('SUCCESS', { column_name: 'a', stattest: 'PSI', score: 0.05, threshold: 0.1, detected: false })), 'evidently-legacy-test-suite');
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0 });
    expect(drift.extra?.dataset_drift_from).toMatch(/^derived: /);
  });

  it('refuses a drift test that ended in ERROR, naming its line', () => {
    const text = textOf(testSuite(columnTest('ERROR', {}, 'Test failed with exceptions: column "x" not found')));
    const error = readError(text);
    expect(error.location?.line).toBe(lineOf(text, '"status": "ERROR"'));
    expect(error.message).toMatch(/drift test "Drift per Column" ended in ERROR when Evidently ran it: Test failed with exceptions/);
  });

  it('refuses a test suite with no drift test', () => {
    const error = readError(testSuite({ name: 'Number of Rows', description: 'ok', status: 'SUCCESS', group: 'data_integrity', parameters: {} }));
    expect(error.message).toContain(`${NO_DRIFT_METRIC} in this Evidently test suite; it has: Number of Rows`);
  });

  it('refuses a share test that states neither columns nor counts', () => {
    expect(readError(testSuite(shareTest('FAIL', {}, 'Drift is detected.'))).message).toMatch(/states dataset drift but neither the share of drifted columns nor any column's result/);
  });

  it('refuses a non-numeric score in a column test', () => {
    const text = textOf(testSuite(columnTest('FAIL', { column_name: 'a', stattest: 'PSI', score: 'high', threshold: 0.1, detected: true })));
    expect(readError(text).message).toBe(`${PATH}:${lineOf(text, '"score": "high"')}:9: score of column "a" is "high", which is not a finite number`);
  });
});

const legacySnapshot = (metrics: unknown[], results: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'snap-1',
  timestamp: '2024-05-01T00:00:00',
  metadata: {},
  tags: [],
  suite: { metrics, metric_results: results, tests: [], test_results: [] },
  metrics_ids: [0],
  test_ids: [],
  options: {},
  ...extra,
});

describe('Evidently legacy snapshot (0.4)', () => {
  it('names a metric by its result type when its config lost the type', () => {
    const drift = readDrift(
      legacySnapshot([{}], [{ type: 'evidently:metric_result:DatasetDriftMetricResults', drift_share: 0.5, number_of_columns: 4, number_of_drifted_columns: 1, share_of_drifted_columns: 0.25, dataset_drift: false }]),
      'evidently-legacy-snapshot',
    );
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0.25, current: { end: '2024-05-01T00:00:00' } });
  });

  it('refuses a drift metric that ended in an error', () => {
    const text = textOf(legacySnapshot([{ type: 'evidently:metric:DataDriftTable' }], [{ type: 'evidently:metric_result:ErrorResult' }]));
    const error = readError(text);
    expect(error.message).toMatch(/DataDriftTable ended in an error when Evidently ran it/);
    expect(error.location?.line).toBe(lineOf(text, '"metric_results"') + 1);
  });

  it('refuses a snapshot with no drift metric, listing other metrics by name', () => {
    const error = readError(legacySnapshot([{ type: 'evidently:metric:ColumnSummaryMetric', column_name: 'a' }], [{ type: 'evidently:metric_result:ColumnSummaryResult' }]));
    expect(error.message).toContain(`${NO_DRIFT_METRIC} in this Evidently snapshot; it has: ColumnSummaryMetric`);
  });

  it('reads windows from metadata, nested or flat', () => {
    const results = [{ type: 'evidently:metric_result:DatasetDriftMetricResults', number_of_columns: 1, number_of_drifted_columns: 0, share_of_drifted_columns: 0, dataset_drift: false }];
    const drift = readDrift(
      legacySnapshot([{ type: 'evidently:metric:DatasetDriftMetric' }], results, { metadata: { reference_start: '2024-01-01', reference_end: '2024-01-31', current: { start: '2024-04-01', end: '2024-04-30' } } }),
      'evidently-legacy-snapshot',
    );
    expect(drift.reference).toEqual({ start: '2024-01-01', end: '2024-01-31' });
    // A stated end wins over the snapshot timestamp.
    expect(drift.current).toEqual({ start: '2024-04-01', end: '2024-04-30' });
  });
});

const run = (...metrics: unknown[]) => ({ metrics, tests: [] as unknown[] });
const driftedCount = (share: number, config: Record<string, unknown> = { drift_share: 0.5 }) => ({
  id: 'dcc',
  metric_name: config.drift_share === undefined ? 'DriftedColumnsCount()' : `DriftedColumnsCount(drift_share=${String(config.drift_share)})`,
  config: { type: 'evidently:metric_v2:DriftedColumnsCount', ...config },
  value: { count: 1, share },
});
const valueDrift = (id: string, column: string, value: unknown, method?: string, threshold?: number) => ({
  id,
  metric_name: `ValueDrift(column=${column}${method ? `,method=${method}` : ''}${threshold !== undefined ? `,threshold=${threshold}` : ''})`,
  config: { type: 'evidently:metric_v2:ValueDrift', column, ...(method ? { method } : {}), ...(threshold !== undefined ? { threshold } : {}) },
  value,
});

describe('Evidently report run JSON (0.6–0.7)', () => {
  it('parses metric labels whose values hold commas and parentheses', () => {
    expect(parseMetricLabel('ValueDrift(column=a,b,method=Wasserstein distance (normed),threshold=0.1)')).toEqual({
      type: 'ValueDrift',
      params: { column: 'a,b', method: 'Wasserstein distance (normed)', threshold: 0.1 },
    });
    expect(parseMetricLabel('RowCount()')).toEqual({ type: 'RowCount', params: {} });
    expect(parseMetricLabel('not a label')).toBeUndefined();
  });

  it('decides a column by the direction of its method: p-values below, distances at or above the threshold', () => {
    const drift = readDrift(
      run(
        driftedCount(0.5),
        valueDrift('1', 'p', 0.05, 'K-S p_value', 0.05),
        valueDrift('2', 'q', 0.05, 'chi-square p_value', 0.05),
        valueDrift('3', 'd', 0.1, 'PSI', 0.1),
        valueDrift('4', 'e', 0.1, 'ed', 0.1),
        valueDrift('5', 'g', 0.01, 'Cramer-von-Mises p_value', 0.05),
      ),
      'evidently-report',
    );
    expect(drift.features.map(({ name, drifted: d }) => [name, d])).toEqual([
      ['p', true],
      ['q', false],
      ['d', true],
      ['e', false],
      ['g', true],
    ]);
  });

  it('uses DriftedColumnsCount drift_share, or Evidently default 0.5, to derive dataset drift', () => {
    expect(readDrift(run(driftedCount(0.4, { drift_share: 0.3 })), 'evidently-report').dataset_drift).toBe(true);
    expect(readDrift(run(driftedCount(0.4, {})), 'evidently-report')).toMatchObject({ dataset_drift: false, extra: { dataset_drift_from: 'derived: share of drifted columns >= drift_share (0.5, Evidently default)' } });
  });

  it('refuses a ValueDrift it cannot decide, and says how to fix it', () => {
    const text = textOf(run(driftedCount(0), valueDrift('1', 'text', 0.7, 'Percentile text content drift', 0.95)));
    const error = readError(text);
    expect(error.location?.line).toBe(lineOf(text, '"id": "1"') - 1);
    expect(error.message).toMatch(/ValueDrift for column "text" uses "Percentile text content drift", whose drift direction modelgate does not know and has no drift test result: run the Report with include_tests=True/);
    expect(readError(run(valueDrift('1', 'a', 0.7))).message).toMatch(/ValueDrift for column "a" states no method and threshold/);
  });

  it('refuses a missing or non-numeric drift score and a share outside 0..1', () => {
    let text = textOf(run(valueDrift('1', 'a', null, 'PSI', 0.1)));
    expect(readError(text).message).toBe(`${PATH}:${lineOf(text, '"value": null')}:7: the drift score of column "a" is null, which is not a finite number`);
    text = textOf(run(valueDrift('1', 'a', 'Infinity', 'PSI', 0.1)));
    expect(readError(text).message).toMatch(/the drift score of column "a" is "Infinity", which is not a finite number/);
    text = textOf(run(driftedCount(1.2)));
    expect(readError(text).message).toBe(`${PATH}:${lineOf(text, '"share": 1.2')}:9: the share of DriftedColumnsCount is 1.2, which is not a share between 0 and 1`);
  });

  it('refuses a drift test in ERROR', () => {
    const report = run(valueDrift('1', 'a', 0.2, 'PSI', 0.1));
    report.tests.push({ id: 'drift', name: 'Value Drift for column a', description: 'failed', metric_config: { metric_id: '1', params: {} }, test_config: {}, status: 'ERROR' });
    expect(readError(report).message).toMatch(/the drift test of column "a" ended in ERROR/);
  });

  it('refuses a report with no drift metric', () => {
    const error = readError(run({ id: 'r', metric_name: 'RowCount()', config: { type: 'evidently:metric_v2:RowCount' }, value: 10 }));
    expect(error.message).toContain(`${NO_DRIFT_METRIC} in this Evidently report; it has: RowCount`);
    expect(readError({ metrics: [], tests: [] }).message).toContain(NO_DRIFT_METRIC);
  });
});

describe('Evidently snapshot dump (0.6–0.7)', () => {
  const snapshot = (metricResults: Record<string, unknown>) => ({ timestamp: '2025-01-01T00:00:00', metadata: {}, tags: [], metric_results: metricResults, top_level_metrics: Object.keys(metricResults), widgets: [], tests_widgets: [] });
  const location = (params: Record<string, unknown>) => ({ metric: { metric_id: 'm', params }, param: {} });

  it('decides a column by its own drift test when there is one', () => {
    const drift = readDrift(
      snapshot({
        a: {
          type: 'evidently:metric_result_v2:SingleValue',
          metric_value_location: location({ type: 'evidently:metric_v2:ValueDrift', column: 'a', method: 'custom', threshold: 0.2 }),
          tests: [{ id: 'drift', name: 'Value Drift for column a', description: '', metric_config: {}, test_config: {}, status: 'FAIL' }],
          value: 0.1,
        },
      }),
      'evidently-snapshot',
    );
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 1, current: { end: '2025-01-01T00:00:00' } });
    expect(drift.features[0]).toMatchObject({ name: 'a', test: 'custom', score: 0.1, threshold: 0.2, drifted: true, extra: { decided_by: 'test status FAIL' } });
  });

  it('refuses a snapshot with no drift metric and a share that is not a number', () => {
    const rows = { r: { type: 'evidently:metric_result_v2:SingleValue', metric_value_location: location({ type: 'evidently:metric_v2:RowCount' }), value: 3 } };
    expect(readError(snapshot(rows)).message).toContain(`${NO_DRIFT_METRIC} in this Evidently snapshot; it has: RowCount`);
    const text = textOf(snapshot({ d: { metric_value_location: location({ type: 'evidently:metric_v2:DriftedColumnsCount', drift_share: 0.5 }), count: { value: 1 }, share: { value: '50%' } } }));
    expect(readError(text).message).toBe(`${PATH}:${lineOf(text, '"value": "50%"')}:9: the share of DriftedColumnsCount is "50%", which is not a finite number`);
  });
});

describe('Evidently detection', () => {
  const nativeDrift = ['apiVersion: modelgate/v1', 'kind: drift', 'dataset_drift: false', 'share_drifted: 0', 'features: []', ''].join('\n');
  const nativeBias = { apiVersion: 'modelgate/v1', kind: 'bias', metrics: [{ name: 'disparate_impact', attribute: 'sex', group: 'female', value: 0.9 }] };

  it('leaves native files to the native formats', () => {
    expect(read(nativeDrift, 'drift.yaml').sources[0]?.format).toBe('modelgate-drift');
    expect(read(nativeBias, 'bias.json').sources[0]?.format).toBe('modelgate-bias');
    // A native file with an Evidently-looking list is still native (and refused by the native schema).
    const nativeWithMetrics = { apiVersion: 'modelgate/v1', kind: 'drift', dataset_drift: true, share_drifted: 1, metrics: [{ metric: 'DataDriftTable', result: {} }] };
    expect(readError(nativeWithMetrics, 'drift.json').message).toMatch(/not a valid drift \(modelgate-drift\): metrics: Unrecognized key/);
  });

  it('is not claimed by the native formats', () => {
    for (const file of FIXTURES) expect(readError(textAt(file), file, NATIVE_FORMATS).message).toMatch(/unknown format/);
  });

  it('reads JSON files only, whatever their name', () => {
    const report = legacyReport(datasetDrift());
    expect(readError(report, 'drift.yaml').message).toMatch(/unknown format/);
    expect(read(report, 'anything.JSON').sources[0]?.format).toBe('evidently-legacy-report');
  });

  it('claims no other format of the fixtures or the shared corpus, and never throws on well-formed files', () => {
    const corpus = path.resolve(REPO_ROOT, '../shared/corpus');
    const others = [
      ...filesUnder(FORMATS_DIR, (name) => /\.(json|ya?ml)$/i.test(name)).filter((file) => !file.startsWith(`${FORMATS_DIR}/evidently-`)),
      // The demo's Evidently report is the one file there this format must claim.
      ...filesUnder('fixtures/demo-repo', (name) => /\.(json|ya?ml)$/i.test(name)).filter((file) => !file.endsWith('review-sentiment/reports/drift.json')),
    ].map((file) => ({ file, text: textAt(file) }));
    try {
      for (const file of filesUnder(path.relative(REPO_ROOT, corpus), (name) => /\.json$/i.test(name))) others.push({ file, text: textAt(file) });
    } catch {
      // The shared corpus is not part of every checkout.
    }
    expect(others.length).toBeGreaterThan(0);
    for (const { file, text } of others) {
      const input = toArtefactInput({ path: file, text });
      for (const format of EVIDENTLY_FORMATS) {
        let claimed: boolean;
        try {
          claimed = format.detect(input);
        } catch (error) {
          // Only a file that cannot be parsed at all may make detection throw.
          expect(error, file).toBeInstanceOf(ModelgateError);
          expect((error as ModelgateError).message, file).toMatch(/invalid JSON|invalid YAML|forbidden key|nesting/);
          continue;
        }
        expect(claimed, `${format.id} claimed ${file}`).toBe(false);
      }
    }
  });

  it('refuses a foreign file forced onto an Evidently format with an artefact error, not a crash', () => {
    for (const format of EVIDENTLY_FORMATS) {
      for (const text of ['[1, 2]', '{"suite": 3, "metric_results": [], "metrics": {}, "tests": 7}']) {
        let error: unknown;
        try {
          readArtefact({ path: 'other.json', text, sha256: 'ab'.repeat(32) }, { formats: FORMATS, format: format.id });
        } catch (caught) {
          error = caught;
        }
        expect(error, `${format.id} on ${text}`).toBeInstanceOf(ModelgateError);
        expect((error as ModelgateError).code).toBe('artefact');
      }
    }
  });

  it('tells the legacy and current report layouts apart', () => {
    expect(read(legacyReport(datasetDrift())).sources[0]?.format).toBe('evidently-legacy-report');
    expect(read(run(driftedCount(0.1))).sources[0]?.format).toBe('evidently-report');
    expect(read({ tests: [shareTest('FAIL')], summary: {} }).sources[0]?.format).toBe('evidently-legacy-test-suite');
    expect(readError({ metrics: [{ name: 'accuracy', value: 0.9 }] }).message).toMatch(/unknown format/);
  });
});

describe('Evidently name tables', () => {
  it('finds nothing for names that are properties of every object', async () => {
    const { driftRuleOf } = await import('../../src/artefacts/formats/evidently-common.js');
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(driftRuleOf(name)).toBeUndefined();
    expect(driftRuleOf('psi')?.(0.3, 0.2)).toBe(true);
  });
});
