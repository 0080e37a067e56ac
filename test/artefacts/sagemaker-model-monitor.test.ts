import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Drift, Evidence } from '../../src/artefacts/evidence.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { SAGEMAKER_CLARIFY_FORMAT } from '../../src/artefacts/formats/sagemaker-clarify.js';
import { SAGEMAKER_MODEL_MONITOR_FORMAT } from '../../src/artefacts/formats/sagemaker-model-monitor.js';
import { mergeEvidence, readArtefact } from '../../src/artefacts/read.js';
import { compilePolicy } from '../../src/engine/compile.js';
import type { Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { ModelgateError } from '../../src/errors.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { expectModelgateError, lineOf, makeRepo, testFixtureFolder, type RefusedFixture } from '../helpers.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = 'fixtures/formats/sagemaker-model-monitor';
const FORMATS = [SAGEMAKER_MODEL_MONITOR_FORMAT, ...NATIVE_FORMATS];
const PATH = 'constraint_violations.json';

function textOf(document: unknown): string {
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}

function read(document: unknown, file = PATH, formats = FORMATS): Evidence {
  return readArtefact({ path: file, text: textOf(document), sha256: 'ab'.repeat(32) }, { formats });
}

function readDrift(document: unknown, file = PATH): Drift {
  const evidence = read(document, file);
  expect(evidence.kind).toBe('drift');
  expect(evidence.sources[0]?.format).toBe('sagemaker-model-monitor');
  return evidence.data as Drift;
}

function readError(document: unknown, file = PATH, formats = FORMATS): ModelgateError {
  return expectModelgateError(() => read(document, file, formats));
}



const violation = (feature_name: string, constraint_check_type: string, description: string) => ({ feature_name, constraint_check_type, description });

type Violations = { violations: Record<string, unknown>[] };
const violationsOf = (drift: Drift) => drift.extra?.violations as Record<string, unknown>[];

/** Concrete values for the fixtures known today; files added later get the generic checks. */
const EXPECTED: Record<string, (drift: Drift, text: string, evidence: Evidence) => void> = {
  'data-quality-drift.json': (drift, text, evidence) => {
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 1 });
    expect(drift.features).toEqual([
      {
        name: 'Account Length',
        test: 'baseline_drift_check',
        score: 0.7165234375,
        threshold: 0.1,
        drifted: true,
        // Jackson writes `}, {` on the line before the feature name: that is where the violation opens.
        location: { path: `${FIXTURES}/data-quality-drift.json`, line: lineOf(text, '"Account Length"') - 1, column: expect.any(Number) },
        extra: { description: 'Baseline drift distance: 0.7165234375 exceeds threshold: 0.1' },
      },
      expect.objectContaining({ name: 'Day Mins', score: 0.2711598746081505, threshold: 0.1, drifted: true, location: expect.objectContaining({ line: lineOf(text, '"Day Mins"') - 1 }) }),
    ]);
    const others = violationsOf(drift);
    expect(others.map((v) => [v.feature_name, v.constraint_check_type, v.monitor])).toEqual([
      ['State_MI', 'data_type_check', 'data_quality'],
      ['Intl Plan', 'completeness_check', 'data_quality'],
      ['Area Code', 'categorical_values_check', 'data_quality'],
      ['VMail Plan', 'missing_column_check', 'data_quality'],
    ]);
    expect(others[1]?.location).toMatchObject({ line: lineOf(text, '"Intl Plan"') - 1 });
    expect(drift.extra).toMatchObject({
      violation_counts: { baseline_drift_check: 2, data_type_check: 1, completeness_check: 1, categorical_values_check: 1, missing_column_check: 1 },
      share_drifted_basis: 'upper_bound',
    });
    expect(evidence.fieldLocations.dataset_drift?.line).toBe(lineOf(text, '"violations"'));
  },
  'data-quality-no-drift.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0, features: [] });
    expect(violationsOf(drift).map((v) => v.feature_name)).toEqual(['Churn', 'Intl Plan']);
    expect(drift.extra?.share_drifted_basis).toBe('exact');
  },
  'no-violations.json': (drift) => {
    expect(drift).toEqual({
      dataset_drift: false,
      share_drifted: 0,
      features: [],
      extra: { violations: [], violation_counts: {}, share_drifted_basis: 'exact' },
    });
  },
  'model-quality.json': (drift, text) => {
    expect(drift).toMatchObject({ dataset_drift: false, share_drifted: 0, features: [] });
    expect(violationsOf(drift)).toEqual([
      expect.objectContaining({
        metric_name: 'weightedF2',
        constraint_check_type: 'LessThanThreshold',
        monitor: 'model_quality',
        value: 0.5615654205607477,
        standard_deviation: 0.005353563020858487,
        threshold: 0.8155061682721028,
        location: expect.objectContaining({ line: lineOf(text, '"LessThanThreshold"') - 1 }),
      }),
      expect.objectContaining({ metric_name: 'accuracy', value: 0.5604, threshold: 0.8152 }),
    ]);
  },
  'bias-drift.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: false, features: [], extra: { version: '1.0', violation_counts: { bias_drift_check: 2 } } });
    expect(violationsOf(drift).map((v) => [v.facet, v.facet_value, v.metric_name, v.monitor])).toEqual([
      ['Age', '40', 'CI', 'model_bias'],
      ['Age', '40', 'DPPL', 'model_bias'],
    ]);
  },
  'feature-attribution-drift.json': (drift) => {
    expect(drift).toMatchObject({ dataset_drift: false, features: [] });
    expect(violationsOf(drift)).toEqual([expect.objectContaining({ label: 'label0', metric_name: 'shap', monitor: 'model_explainability' })]);
  },
};

const REFUSED: Record<string, RefusedFixture> = {
  'malformed/statistics.json': { message: /statistics\.json or constraints\.json: .*not a drift verdict; read the monitoring execution's constraint_violations\.json/ },
  'malformed/drift-without-feature-name.json': {
    message: /^a baseline_drift_check violation names no feature_name$/,
    line: (text) => lineOf(text, '"violations"'),
  },
};

describe('SageMaker Model Monitor fixtures', () => {
  testFixtureFolder({
    folder: FIXTURES,
    minimum: 8,
    named: Object.keys(EXPECTED),
    refused: REFUSED,
    readError: (text, file) => readError(text, file),
    check: (text, file, name) => {
      const evidence = read(text, file);
    expect(evidence.sources[0]?.format).toBe('sagemaker-model-monitor');
    const drift = evidence.data as Drift;
    expect(drift.dataset_drift).toBe(drift.features.some((feature) => feature.drifted));
    expect(drift.share_drifted).toBe(drift.dataset_drift ? 1 : 0);
    for (const feature of drift.features) expect(feature.location).toMatchObject({ path: file, line: expect.any(Number) });
    for (const other of violationsOf(drift)) expect(other.location).toMatchObject({ path: file, line: expect.any(Number) });
    EXPECTED[name]?.(drift, text, evidence);
    },
  });
});

describe('SageMaker Model Monitor mapping', () => {
  it('reads the distance and threshold of each documented drift message, and none from other wording', () => {
    const drift = readDrift({
      violations: [
        violation('a', 'baseline_drift_check', 'Baseline drift distance: 0.35 exceeds threshold: 0.1'),
        violation('b', 'baseline_drift_check', 'Categorical distance: 1.2E-1 exceeds categorical threshold: 1e-1'),
        violation('c', 'baseline_drift_check', 'Distribution of the feature changed'),
        violation('d', 'baseline_drift_check', 'Baseline drift distance: NaN exceeds threshold: 0.1'),
      ],
    });
    expect(drift.features.map((f) => [f.name, f.score, f.threshold, f.drifted])).toEqual([
      ['a', 0.35, 0.1, true],
      ['b', 0.12, 0.1, true],
      ['c', undefined, undefined, true],
      ['d', undefined, undefined, true],
    ]);
    expect(drift.features[2]?.extra).toEqual({ description: 'Distribution of the feature changed' });
    expect(drift).toMatchObject({ dataset_drift: true, share_drifted: 1 });
  });

  it('keeps one feature per name; a repeated drift violation stays among the others', () => {
    const drift = readDrift({
      violations: [violation('age', 'baseline_drift_check', 'Baseline drift distance: 0.3 exceeds threshold: 0.1'), violation('age', 'baseline_drift_check', 'Baseline drift distance: 0.4 exceeds threshold: 0.1')],
    });
    expect(drift.features).toHaveLength(1);
    expect(drift.features[0]?.score).toBe(0.3);
    expect(violationsOf(drift)).toEqual([expect.objectContaining({ feature_name: 'age', duplicate: true, monitor: 'data_quality' })]);
    expect(drift.extra?.violation_counts).toEqual({ baseline_drift_check: 2 });
  });

  it('keeps unknown check types and unknown fields', () => {
    const drift = readDrift({
      version: '1.0',
      job_name: 'monitor-2025-06-01',
      violations: [
        { feature_name: 'age', constraint_check_type: 'baseline_drift_check', description: 'Baseline drift distance: 0.2 exceeds threshold: 0.1', severity: 'high' },
        { feature_name: 'income', constraint_check_type: 'custom_range_check', description: 'out of range' },
        { constraint_check_type: '__proto__', description: 'a check type is a value, not a key' },
      ],
    });
    expect(drift.features[0]?.extra).toEqual({ description: 'Baseline drift distance: 0.2 exceeds threshold: 0.1', severity: 'high' });
    expect(violationsOf(drift)[0]).toMatchObject({ feature_name: 'income', constraint_check_type: 'custom_range_check' });
    expect(violationsOf(drift)[0]).not.toHaveProperty('monitor');
    expect(drift.extra).toMatchObject({ version: '1.0', job_name: 'monitor-2025-06-01' });
    const counts = drift.extra?.violation_counts as Record<string, number>;
    expect(Object.getPrototypeOf(counts)).toBe(Object.prototype);
    expect(Object.entries(counts)).toEqual([
      ['baseline_drift_check', 1],
      ['custom_range_check', 1],
      ['__proto__', 1],
    ]);
  });

  it('merges with another drift report: drifted when either is', () => {
    const drifted = read({ violations: [violation('age', 'baseline_drift_check', 'Baseline drift distance: 0.2 exceeds threshold: 0.1')] });
    const clean = read({ violations: [] }, 'other/constraint_violations.json');
    const merged = mergeEvidence('drift', [clean, drifted]).data as Drift;
    expect(merged).toMatchObject({ dataset_drift: true, share_drifted: 1, features: [expect.objectContaining({ name: 'age' })] });
  });
});

describe('SageMaker Model Monitor errors', () => {
  it('refuses violations of the wrong shape, at their line', () => {
    const cases: [Violations, RegExp][] = [
      [{ violations: [{ constraint_check_type: 'baseline_drift_check' }, 'age' as never] }, /^a baseline_drift_check violation names no feature_name$/],
      [{ violations: [violation('age', 'data_type_check', 'x'), { feature_name: 'b', constraint_check_type: ' ' }] }, /^a violation has no constraint_check_type$/],
      [{ violations: [violation('age', 'data_type_check', 'x'), { feature_name: 'b', description: 'x' }] }, /^a violation has no constraint_check_type$/],
      [{ violations: [violation('age', 'data_type_check', 'x'), 3 as never] }, /^a violation must be an object$/],
      [{ violations: [{ feature_name: 'age', constraint_check_type: 'baseline_drift_check', description: 0.3 }] }, /^the description of a baseline_drift_check violation must be a string$/],
      [{ violations: [{ feature_name: '  ', constraint_check_type: 'baseline_drift_check', description: 'x' }] }, /names no feature_name/],
    ];
    for (const [document, message] of cases) {
      const text = textOf(document);
      const error = readError(text);
      expect(error.reason).toMatch(message);
      expect(error.location?.line).toBeGreaterThan(1);
    }
  });

  it('names the line of the offending field', () => {
    const text = textOf({ violations: [violation('age', 'data_type_check', 'x'), { feature_name: 7, constraint_check_type: 'baseline_drift_check', description: 'x' }] });
    expect(readError(text).location?.line).toBe(lineOf(text, '"feature_name": 7'));
  });

  it('refuses a constraints.json, saying which file to read instead', () => {
    const constraints = {
      version: 0,
      features: [{ name: 'age', inferred_type: 'Integral', completeness: 1.0, num_constraints: { is_non_negative: true } }],
      monitoring_config: { evaluate_constraints: 'Enabled', distribution_constraints: { comparison_threshold: 0.1 } },
    };
    expect(readError(constraints, 'constraints.json').reason).toMatch(/constraints\.json: it holds per-feature statistics, not a drift verdict/);
  });

  it('refuses a forbidden key, naming its line', () => {
    const text = textOf({ violations: [violation('age', 'data_type_check', 'x')] }).replace('"feature_name": "age"', '"__proto__": "age"');
    const error = readError(text);
    expect(error.reason).toBe('forbidden key "__proto__"');
    expect(error.location?.line).toBe(lineOf(text, '__proto__'));
  });

  it('refuses malformed JSON with file, line and column', () => {
    const text = '{\n  "violations" : [ {\n    "feature_name" : "age"\n    "constraint_check_type" : "baseline_drift_check"\n  } ]\n}\n';
    expect(readError(text).message).toMatch(/^constraint_violations\.json:4:5: invalid JSON/);
  });
});

describe('SageMaker Model Monitor detection', () => {
  const ALL = [SAGEMAKER_CLARIFY_FORMAT, SAGEMAKER_MODEL_MONITOR_FORMAT, ...NATIVE_FORMATS];

  it('is detected by its violations list, whatever the file is called', () => {
    expect(read({ violations: [violation('age', 'data_type_check', 'x')] }, 'monitoring/latest.json', ALL).sources[0]?.format).toBe('sagemaker-model-monitor');
    expect(read({ version: '1.0', violations: [] }, 'x.json', ALL).sources[0]?.format).toBe('sagemaker-model-monitor');
  });

  it('leaves native drift files to the native reader, and is not read by it', () => {
    const native = { apiVersion: 'modelgate/v1', kind: 'drift', dataset_drift: false, features: [{ name: 'age', drifted: false }] };
    expect(read(native, 'drift.json', ALL).sources[0]?.format).toBe('modelgate-drift');
    expect(readError({ violations: [violation('age', 'data_type_check', 'x')] }, PATH, NATIVE_FORMATS).reason).toMatch(/^unknown format/);
  });

  it('does not claim other tools’ violation lists, Clarify output, or non-JSON files', () => {
    // An empty list is only claimed when nothing else is said, so a foreign report cannot read as "no drift".
    expect(readError({ violations: [], tool: 'some-linter' }).reason).toMatch(/^unknown format/);
    expect(readError({ violations: [{ rule: 'no-pii', message: 'x' }] }).reason).toMatch(/^unknown format/);
    expect(readError({ violations: 'none' }).reason).toMatch(/^unknown format/);
    expect(readError({ features: [{ name: 'age', inferred_type: 'Integral' }] }).reason).toMatch(/^unknown format/);
    const clarify = { post_training_bias_metrics: { facets: { sex: [{ value_or_threshold: 'F', metrics: [{ name: 'DI', value: 0.9 }] }] } } };
    expect(readError(clarify, 'analysis.json').reason).toMatch(/^unknown format/);
    expect(read(clarify, 'analysis.json', ALL).sources[0]?.format).toBe('sagemaker-clarify');
    expect(readError(textOf({ violations: [] }), 'constraint_violations.yaml').reason).toMatch(/^unknown format/);
  });

  it('is read as the drift kind only', () => {
    const file = { path: PATH, text: textOf({ violations: [] }), sha256: 'ab'.repeat(32) };
    expect(readArtefact(file, { kind: 'drift', formats: FORMATS }).kind).toBe('drift');
    expect(() => readArtefact(file, { kind: 'bias', formats: FORMATS })).toThrow(/unknown format: not a bias format/);
  });
});

describe('SageMaker Model Monitor evidence under a policy', () => {
  const RULES = `apiVersion: modelgate/v1
kind: Policy
metadata: { name: t, version: 1.0.0 }
rules:
  - id: drift.dataset
    description: no dataset drift
    requires: [drift]
    check: '!drift.dataset_drift'
  - id: drift.share
    description: under 30% drifted
    requires: [drift]
    check: drift.share_drifted < 0.3
    message: drift.features.filter(f, f.drifted).map(f, f.name).join(", ")
  - id: drift.feature
    description: no drifted feature
    requires: [drift]
    for_each: drift.features.filter(f, f.drifted)
    check: 'false'
    message: 'item.name + " drifted: " + string(item.score) + " > " + string(item.threshold)'
  - id: quality.monitor
    description: no model quality violation
    requires: [drift]
    check: '!drift.extra.violations.exists(v, v.monitor == "model_quality")'
`;
  const policy = compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': RULES }))));

  function resultsFor(name: string) {
    const file = `${FIXTURES}/${name}`;
    const subject: Subject = {
      model: { name: 'churn', path: 'models/churn', risk: 'low' },
      location: { path: '.modelgate.yml', line: 3 },
      evidence: { drift: read(readFileSync(path.join(REPO_ROOT, file), 'utf8'), file) as Evidence<'drift'> },
      problems: {},
      approvals: [],
    };
    return evaluate(policy, [subject], { now: new Date('2026-06-15T12:00:00Z') }).models[0]!.results;
  }

  it('fails the drift rules for drifted features, each at its own line', () => {
    const text = readFileSync(path.join(REPO_ROOT, FIXTURES, 'data-quality-drift.json'), 'utf8');
    const results = resultsFor('data-quality-drift.json');
    expect(results.map((r) => [r.rule, r.status, r.message])).toEqual([
      ['drift.dataset', 'fail', expect.any(String)],
      ['drift.share', 'fail', 'Account Length, Day Mins'],
      ['drift.feature', 'fail', 'Account Length drifted: 0.7165234375 > 0.1'],
      ['drift.feature', 'fail', 'Day Mins drifted: 0.2711598746081505 > 0.1'],
      ['quality.monitor', 'pass', expect.any(String)],
    ]);
    expect(results[2]?.location?.line).toBe(lineOf(text, '"Account Length"') - 1);
  });

  it('passes the drift rules without drift, and the other violations stay reachable', () => {
    expect(resultsFor('data-quality-no-drift.json').map((r) => [r.rule, r.status])).toEqual([
      ['drift.dataset', 'pass'],
      ['drift.share', 'pass'],
      ['drift.feature', 'pass'],
      ['quality.monitor', 'pass'],
    ]);
    expect(resultsFor('model-quality.json').find((r) => r.rule === 'quality.monitor')?.status).toBe('fail');
  });
});
