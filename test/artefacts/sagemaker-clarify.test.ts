import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bias, BiasMetric, Evidence } from '../../src/artefacts/evidence.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { clarifyMetricName, SAGEMAKER_CLARIFY_FORMAT } from '../../src/artefacts/formats/sagemaker-clarify.js';
import { SAGEMAKER_MODEL_MONITOR_FORMAT } from '../../src/artefacts/formats/sagemaker-model-monitor.js';
import { readArtefact } from '../../src/artefacts/read.js';
import type { Subject } from '../../src/engine/decision.js';
import { compilePolicy } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { ModelgateError } from '../../src/errors.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { expectModelgateError, lineOf, makeRepo, testFixtureFolder, type RefusedFixture } from '../helpers.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = 'fixtures/formats/sagemaker-clarify';
const FORMATS = [SAGEMAKER_CLARIFY_FORMAT, ...NATIVE_FORMATS];
const PATH = 'analysis.json';

function textOf(document: unknown): string {
  return typeof document === 'string' ? document : JSON.stringify(document, null, 2);
}

function read(document: unknown, file = PATH, formats = FORMATS): Evidence {
  return readArtefact({ path: file, text: textOf(document), sha256: 'ab'.repeat(32) }, { formats });
}

function readBias(document: unknown, file = PATH): Bias {
  const evidence = read(document, file);
  expect(evidence.kind).toBe('bias');
  expect(evidence.sources[0]?.format).toBe('sagemaker-clarify');
  return evidence.data as Bias;
}

function readError(document: unknown, file = PATH, formats = FORMATS): ModelgateError {
  return expectModelgateError(() => read(document, file, formats));
}

/** 1-based line of the first line containing `needle`, searching from the line holding `after` when given. */

function metric(bias: Bias, name: string, attribute: string, stage?: string): BiasMetric {
  const found = bias.metrics.find((m) => m.name === name && m.attribute === attribute && (stage === undefined || m.stage === stage));
  if (!found) throw new Error(`no ${name} for ${attribute}`);
  return found;
}

const metricsOf = (entries: Record<string, unknown>) => Object.entries(entries).map(([name, value]) => ({ name, description: `${name} description`, value }));

const analysis = (post: Record<string, unknown> = { DI: 0.71, DPPL: 0.12 }, extra: Record<string, unknown> = {}) => ({
  version: '1.0',
  post_training_bias_metrics: {
    label: 'target',
    label_value_or_threshold: '1',
    facets: { sex: [{ value_or_threshold: 'Female', metrics: metricsOf(post) }] },
  },
  ...extra,
});


/** Concrete values for the fixtures known today; files added later get the generic checks. */
const EXPECTED: Record<string, (bias: Bias, text: string, evidence: Evidence) => void> = {
  'analysis-bias-and-explanations.json': (bias, text, evidence) => {
    expect(bias.protected_attributes).toEqual(['ForeignWorker', 'Age']);
    expect(bias.metrics).toHaveLength(8 + 8 + 13 + 4);
    const di = metric(bias, 'disparate_impact', 'ForeignWorker');
    expect(di).toMatchObject({
      original_name: 'DI',
      group: '1',
      stage: 'post_training',
      value: 0.7728768926925609,
      extra: { description: 'Disparate Impact (DI)', label: 'Class1Good2Bad', label_value_or_threshold: '1' },
    });
    expect(di.reference_group).toBeUndefined();
    // The metric's line is the line of its object, just above its name.
    expect(di.location?.line).toBe(lineOf(text, '"name": "DI"', '"post_training_bias_metrics"') - 1);
    expect(metric(bias, 'statistical_parity_difference', 'ForeignWorker')).toMatchObject({ original_name: 'DPPL', value: 0.19873271889400923 });
    expect(metric(bias, 'class_imbalance', 'ForeignWorker')).toMatchObject({ original_name: 'CI', stage: 'pre_training', value: -0.9288888888888889 });
    expect(metric(bias, 'disparate_impact', 'Age')).toMatchObject({ group: '(40, 75]', value: 1.0467 });
    expect(new Set(bias.metrics.filter((m) => m.stage === 'pre_training').map((m) => m.name))).toEqual(
      new Set([
        'conditional_demographic_disparity_labels',
        'class_imbalance',
        'difference_in_proportions_of_labels',
        'js_divergence',
        'kl_divergence',
        'kolmogorov_smirnov',
        'lp_norm',
        'total_variation_distance',
      ]),
    );
    expect(bias.extra).toMatchObject({ version: '1.0', explanations: { kernel_shap: { label0: { expected_value: 0.6893 } } } });
    expect(evidence.fieldLocations.metrics?.line).toBe(lineOf(text, '"pre_training_bias_metrics"'));
    expect(evidence.fieldLocations.protected_attributes?.line).toBe(lineOf(text, '"facets"', '"pre_training_bias_metrics"'));
  },
  'data-bias-pre-training.json': (bias) => {
    expect(bias.protected_attributes).toEqual(['gender']);
    expect(bias.metrics).toHaveLength(12);
    expect([...new Set(bias.metrics.map((m) => m.group))]).toEqual(['female', 'male', 'non-binary']);
    expect(bias.metrics.every((m) => m.stage === 'pre_training' && m.extra?.label === 'approved')).toBe(true);
    expect(bias.metrics.filter((m) => m.name === 'class_imbalance').map((m) => m.value)).toEqual([0.2142857142857143, -0.2857142857142857, 0.9285714285714286]);
  },
  'model-bias-baseline-regression.json': (bias) => {
    expect(bias.protected_attributes).toEqual(['city']);
    expect(bias.metrics.map((m) => [m.name, m.value])).toEqual([
      ['accuracy_difference', 0.008775168751768203],
      ['disparate_impact', 0.9613],
      ['statistical_parity_difference', 0.0152],
      ['treatment_equality', 0],
    ]);
    expect(bias.metrics[0]).toMatchObject({ group: '(100.0, 2278.0]', stage: 'post_training', extra: { label: 'value', label_value_or_threshold: '(1.0, 130.24536736711912]' } });
  },
};

/** Why each malformed fixture is refused, and the line the error names. */
const REFUSED: Record<string, RefusedFixture> = {
  'malformed/flip-test-not-computed.json': {
    message: /bias metric FT for facet "ForeignWorker" = "1" \(post_training_bias_metrics\) was not computed by Clarify: "FlipTest does not support non-numeric columns"/,
    line: (text) => lineOf(text, '"value": null'),
  },
  'malformed/explanations-only.json': { message: /no bias metrics \(pre_training_bias_metrics \/ post_training_bias_metrics\)$/ },
  'malformed/infinite-disparate-impact.json': {
    message: /bias metric DI for facet "region" = "north" .* has value "Infinity", which is not a finite number/,
    line: (text) => lineOf(text, '"value": "Infinity"'),
  },
};

describe('SageMaker Clarify fixtures', () => {
  testFixtureFolder({
    folder: FIXTURES,
    minimum: 6,
    named: Object.keys(EXPECTED),
    refused: REFUSED,
    readError: (text, file) => readError(text, file),
    check: (text, file, name) => {
      const evidence = read(text, file);
    expect(evidence.sources[0]?.format).toBe('sagemaker-clarify');
    const bias = evidence.data as Bias;
    expect(bias.metrics.length).toBeGreaterThan(0);
    for (const m of bias.metrics) {
      expect(Number.isFinite(m.value)).toBe(true);
      expect(m.original_name).toBeTruthy();
      expect(bias.protected_attributes).toContain(m.attribute);
      expect(m.location).toMatchObject({ path: file, line: expect.any(Number) });
    }
    EXPECTED[name]?.(bias, text, evidence);
    },
  });
});

describe('SageMaker Clarify metric names', () => {
  const NAMES: [string, string][] = [
    ['CI', 'class_imbalance'],
    ['DPL', 'difference_in_proportions_of_labels'],
    ['KL', 'kl_divergence'],
    ['JS', 'js_divergence'],
    ['LP', 'lp_norm'],
    ['TVD', 'total_variation_distance'],
    ['KS', 'kolmogorov_smirnov'],
    ['CDDL', 'conditional_demographic_disparity_labels'],
    ['DPPL', 'statistical_parity_difference'],
    ['DI', 'disparate_impact'],
    ['DCA', 'difference_in_conditional_acceptance'],
    ['DCAcc', 'difference_in_conditional_acceptance'],
    ['DCR', 'difference_in_conditional_rejection'],
    ['DCO', 'difference_in_conditional_outcomes'],
    ['RD', 'recall_difference'],
    ['SD', 'specificity_difference'],
    ['DAR', 'difference_in_acceptance_rates'],
    ['DRR', 'difference_in_rejection_rates'],
    ['AD', 'accuracy_difference'],
    ['CDDPL', 'conditional_demographic_disparity_predicted_labels'],
    ['TE', 'treatment_equality'],
    ['FT', 'flip_test'],
    ['GE', 'generalized_entropy'],
  ];

  it.each(NAMES)('maps %s to %s and keeps the code as original_name', (code, name) => {
    expect(clarifyMetricName(code)).toBe(name);
    const bias = readBias(analysis({ [code]: 0.25 }));
    expect(bias.metrics).toEqual([
      expect.objectContaining({ name, original_name: code, attribute: 'sex', group: 'Female', stage: 'post_training', value: 0.25 }),
    ]);
  });

  it('keeps an unknown code as a metric under its own name, or a shared alias', () => {
    const bias = readBias(analysis({ XYZ: 0.5, SPD: -0.1, toString: 0.2 }));
    expect(bias.metrics.map((m) => [m.name, m.original_name, m.value])).toEqual([
      ['XYZ', 'XYZ', 0.5],
      ['statistical_parity_difference', 'SPD', -0.1],
      ['toString', 'toString', 0.2],
    ]);
  });
});

describe('SageMaker Clarify mapping', () => {
  it('reads both stages and lists each facet once', () => {
    const doc = {
      pre_training_bias_metrics: {
        label: 'y',
        label_value_or_threshold: '1',
        facets: { sex: [{ value_or_threshold: 'F', metrics: metricsOf({ CI: 0.1 }) }], age: [{ value_or_threshold: '(40, 90]', metrics: metricsOf({ DPL: 0.2 }) }] },
      },
      post_training_bias_metrics: { label: 'y', label_value_or_threshold: '1', facets: { sex: [{ value_or_threshold: 'F', metrics: metricsOf({ DI: 0.9 }) }] } },
    };
    const bias = readBias(doc);
    expect(bias.protected_attributes).toEqual(['sex', 'age']);
    expect(bias.metrics.map((m) => [m.stage, m.attribute, m.name])).toEqual([
      ['pre_training', 'sex', 'class_imbalance'],
      ['pre_training', 'age', 'difference_in_proportions_of_labels'],
      ['post_training', 'sex', 'disparate_impact'],
    ]);
  });

  it('turns a facet value given as a number or a list into the group string Clarify writes', () => {
    const doc = analysis();
    doc.post_training_bias_metrics.facets = {
      sex: [
        { value_or_threshold: 1 as unknown as string, metrics: metricsOf({ DI: 0.8 }) },
        { value_or_threshold: [1, 2] as unknown as string, metrics: metricsOf({ DI: 0.9 }) },
      ],
    };
    expect(readBias(doc).metrics.map((m) => m.group)).toEqual(['1', '1,2']);
  });

  it('keeps fields it does not map in extra, at the level they were written', () => {
    const doc = {
      version: '1.0',
      job: { name: 'clarify-bias-2025' },
      post_training_bias_metrics: {
        label: 'target',
        label_value_or_threshold: '1',
        predicted_label: 'score',
        facets: { sex: [{ value_or_threshold: 'Female', sample_count: 420, metrics: [{ name: 'DI', description: 'Disparate Impact (DI)', value: 0.7, ci: [0.6, 0.8] }] }] },
      },
    };
    const bias = readBias(doc);
    expect(bias.extra).toEqual({ version: '1.0', job: { name: 'clarify-bias-2025' }, post_training_bias_metrics: { predicted_label: 'score' } });
    expect(bias.metrics[0]?.extra).toEqual({
      description: 'Disparate Impact (DI)',
      ci: [0.6, 0.8],
      label: 'target',
      label_value_or_threshold: '1',
      facet_entry: { sample_count: 420 },
    });
  });

  it('gives every metric the extra of its own fields when metrics of one code differ in them, in the order written', () => {
    const entry = (group: string, metrics: Record<string, unknown>[]) => ({ value_or_threshold: group, metrics });
    const doc = {
      version: '1.0',
      post_training_bias_metrics: {
        label: 'target',
        label_value_or_threshold: '1',
        facets: {
          sex: [
            entry('a', [{ name: 'DI', description: 'Disparate Impact (DI)', value: 0.9 }]),
            entry('b', [{ name: 'DI', description: 'Disparate Impact (DI)', value: 0.8 }]),
            entry('c', [{ name: 'DI', description: 'Disparate impact', value: 0.85 }]),
            entry('d', [{ name: 'DI', value: 0.95, description: 'Disparate Impact (DI)', error: 'warning only' }]),
            entry('e', [{ name: 'DI', value: 0.91 }]),
            entry('f', [{ description: 'Disparate Impact (DI)', name: 'DI', value: 0.92, label: 'other' }]),
            entry('g', [{ name: 'DI', description: 'Disparate Impact (DI)', value: 0.93, ci: [0.9, 0.96] }]),
            entry('h', [{ name: 'DI', description: 'Disparate Impact (DI)', value: 0.94 }]),
          ],
        },
      },
    };
    const labels = { label: 'target', label_value_or_threshold: '1' };
    const extras = readBias(doc).metrics.map((m) => m.extra);
    expect(extras).toEqual([
      { description: 'Disparate Impact (DI)', ...labels },
      { description: 'Disparate Impact (DI)', ...labels },
      { description: 'Disparate impact', ...labels },
      { description: 'Disparate Impact (DI)', error: 'warning only', ...labels },
      labels,
      { description: 'Disparate Impact (DI)', label: 'target', label_value_or_threshold: '1' },
      { description: 'Disparate Impact (DI)', ci: [0.9, 0.96], ...labels },
      { description: 'Disparate Impact (DI)', ...labels },
    ]);
    // Key order is part of what a report shows.
    expect(Object.keys(extras[3]!)).toEqual(['description', 'error', 'label', 'label_value_or_threshold']);
    expect(Object.keys(extras[5]!)).toEqual(['description', 'label', 'label_value_or_threshold']);
  });

  it('keeps an error string next to a computed value in extra', () => {
    const doc = analysis();
    doc.post_training_bias_metrics.facets.sex[0]!.metrics = [{ name: 'DI', description: 'DI', value: 0.9, error: 'warning only' } as never];
    expect(readBias(doc).metrics[0]?.extra).toMatchObject({ error: 'warning only' });
  });
});

describe('SageMaker Clarify errors', () => {
  it('refuses a metric Clarify could not compute, naming the metric, facet and line', () => {
    const doc = analysis({ DI: 0.7, FT: null });
    (doc.post_training_bias_metrics.facets.sex[0]!.metrics[1] as Record<string, unknown>).error = 'Facet set is empty';
    const text = textOf(doc);
    const error = readError(text);
    const line = lineOf(text, '"value": null');
    const column = text.split('\n')[line - 1]!.indexOf('"value"') + 1;
    expect(error.message).toBe(
      `analysis.json:${line}:${column}: bias metric FT for facet "sex" = "Female" (post_training_bias_metrics) was not computed by Clarify: ` +
        '"Facet set is empty". A metric without a value cannot be checked: fix the data or configuration, or leave FT out of the analysis methods',
    );
  });

  it('refuses a null value without an error, and a missing value', () => {
    expect(readError(analysis({ DI: null })).reason).toMatch(/bias metric DI .* was not computed by Clarify \(no value and no error given\)/);
    const doc = analysis();
    delete (doc.post_training_bias_metrics.facets.sex[0]!.metrics[0] as Record<string, unknown>).value;
    const text = textOf(doc);
    const error = readError(text);
    expect(error.reason).toMatch(/bias metric DI .* was not computed/);
    expect(error.location?.line).toBe(lineOf(text, '"name": "DI"'));
  });

  it.each([['Infinity'], ['-Infinity'], ['∞'], ['-∞'], ['NaN'], ['inf']])('refuses the non-finite value %j', (value) => {
    expect(readError(analysis({ DI: value })).reason).toMatch(/has value ".*", which is not a finite number$/);
  });

  it('refuses a number too large to be finite', () => {
    const text = textOf(analysis({ DI: 0.5 })).replace('"value": 0.5', '"value": 1e999');
    const error = readError(text);
    expect(error.reason).toMatch(/bias metric DI .* has value Infinity, which is not a finite number/);
    expect(error.location?.line).toBe(lineOf(text, '1e999'));
  });

  it.each([['"0.5"', '0.5'], ['"high"', 'high'], ['true', true], ['[0.5]', [0.5]], ['{}', {}]])('refuses the non-numeric value %s', (shown, value) => {
    expect(readError(analysis({ DI: value })).reason).toContain(`has value ${shown}, which is not a number`);
  });

  it('refuses a metric with no name', () => {
    const doc = analysis();
    doc.post_training_bias_metrics.facets.sex[0]!.metrics[0]!.name = ' ';
    expect(readError(doc).reason).toBe('a metric of facet "sex" = "Female" in post_training_bias_metrics has no name');
  });

  it('refuses bias sections of the wrong shape, at their line', () => {
    const noFacets = analysis();
    delete (noFacets.post_training_bias_metrics as Record<string, unknown>).facets;
    expect(readError(noFacets).reason).toBe('post_training_bias_metrics has no facets');

    const listFacets = analysis();
    (listFacets.post_training_bias_metrics as Record<string, unknown>).facets = [{ name_or_index: 'sex' }];
    const text = textOf(listFacets);
    const error = readError(text);
    expect(error.reason).toMatch(/facets must be an object/);
    expect(error.location?.line).toBe(lineOf(text, '"facets"'));

    expect(readError({ pre_training_bias_metrics: 'all' }).reason).toBe('pre_training_bias_metrics must be an object');
    expect(readError({ post_training_bias_metrics: { facets: { sex: { value_or_threshold: 'F' } } } }).reason).toMatch(/facet "sex" in post_training_bias_metrics must be a list/);
    expect(readError({ post_training_bias_metrics: { facets: { sex: [{ metrics: [] }] } } }).reason).toMatch(/entry of facet "sex" .* has no value_or_threshold/);
    expect(readError({ post_training_bias_metrics: { facets: { sex: [{ value_or_threshold: { a: 1 }, metrics: [] }] } } }).reason).toMatch(
      /value_or_threshold that is not a string/,
    );
    expect(readError({ post_training_bias_metrics: { facets: { sex: [{ value_or_threshold: 'F' }] } } }).reason).toMatch(/facet "sex" = "F" .* has no metrics list/);
    expect(readError({ post_training_bias_metrics: { facets: { '': [] } } }).reason).toMatch(/a facet with an empty name/);
    expect(readError({ post_training_bias_metrics: { facets: { sex: [{ value_or_threshold: 'F', metrics: [3] }] } } }).reason).toMatch(/must be an object/);
  });

  it('refuses an analysis whose bias sections hold no metric', () => {
    const error = readError({ pre_training_bias_metrics: { label: 'y', facets: {} }, post_training_bias_metrics: { label: 'y', facets: { sex: [] } } });
    expect(error.reason).toBe(
      'no bias metrics (pre_training_bias_metrics / post_training_bias_metrics): the bias sections list no metric for any facet',
    );
  });

  it('refuses an explainability-only analysis, saying what is missing', () => {
    const error = readError({ version: '1.0', explanations: { pdp: [{ feature_name: 'Age', data_type: 'numerical' }] } });
    expect(error.reason).toBe('no bias metrics (pre_training_bias_metrics / post_training_bias_metrics)');
    expect(error.location).toMatchObject({ path: PATH, line: 1 });
  });

  it('refuses a forbidden key, naming its line', () => {
    const text = textOf(analysis()).replace('"label": "target"', '"__proto__": { "polluted": true }');
    const error = readError(text);
    expect(error.reason).toBe('forbidden key "__proto__"');
    expect(error.location?.line).toBe(lineOf(text, '__proto__'));
  });

  it('refuses malformed JSON with file, line and column', () => {
    const text = textOf(analysis()).replace('"label": "target",', '"label": "target",,');
    const error = readError(text);
    expect(error.message).toMatch(new RegExp(`^analysis\\.json:${lineOf(text, ',,')}:\\d+: invalid JSON`));
  });
});

describe('SageMaker Clarify detection', () => {
  const ALL = [SAGEMAKER_CLARIFY_FORMAT, SAGEMAKER_MODEL_MONITOR_FORMAT, ...NATIVE_FORMATS];

  it('is detected by its bias sections, whatever the file is called', () => {
    expect(read(analysis(), 'reports/bias.json', ALL).sources[0]?.format).toBe('sagemaker-clarify');
    expect(readBias({ pre_training_bias_metrics: { facets: { sex: [{ value_or_threshold: 'F', metrics: metricsOf({ CI: 0.1 }) }] } } }).metrics).toHaveLength(1);
  });

  it('leaves native bias files to the native reader, and is not read by it', () => {
    const native = { apiVersion: 'modelgate/v1', kind: 'bias', protected_attributes: ['sex'], metrics: [{ name: 'DI', attribute: 'sex', group: 'F', value: 0.9 }] };
    const evidence = read(native, 'bias.json', ALL);
    expect(evidence.sources[0]?.format).toBe('modelgate-bias');
    expect((evidence.data as Bias).metrics[0]).toMatchObject({ name: 'disparate_impact', original_name: 'DI' });
    expect(readError(analysis(), PATH, NATIVE_FORMATS).reason).toMatch(/^unknown format/);
  });

  it('does not claim Model Monitor violations, other JSON, or non-JSON files', () => {
    const violations = { violations: [{ feature_name: 'age', constraint_check_type: 'baseline_drift_check', description: 'x' }] };
    expect(readError(violations, 'constraint_violations.json').reason).toMatch(/^unknown format/);
    expect(read(violations, 'constraint_violations.json', ALL).sources[0]?.format).toBe('sagemaker-model-monitor');
    expect(readError([analysis()]).reason).toMatch(/^unknown format/);
    expect(readError({ explanations: { custom_method: {} } }).reason).toMatch(/^unknown format/);
    expect(readError({ bias: { post_training_bias_metrics: {} } }).reason).toMatch(/^unknown format/);
    expect(readError(textOf(analysis()), 'analysis.yaml').reason).toMatch(/^unknown format/);
  });

  it('is read as the bias kind only', () => {
    const file = { path: PATH, text: textOf(analysis()), sha256: 'ab'.repeat(32) };
    expect(readArtefact(file, { kind: 'bias', formats: FORMATS }).kind).toBe('bias');
    expect(() => readArtefact(file, { kind: 'drift', formats: FORMATS })).toThrow(/unknown format: not a drift format/);
  });
});

describe('SageMaker Clarify evidence under a policy', () => {
  it('fails the disparate impact rule at the line of the failing metric only', () => {
    const file = `${FIXTURES}/analysis-bias-and-explanations.json`;
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    const policy = compilePolicy(
      loadPolicy(
        'p.yaml',
        createFsPolicySource(
          makeRepo({
            'p.yaml': `apiVersion: modelgate/v1
kind: Policy
metadata: { name: t, version: 1.0.0 }
rules:
  - id: bias.disparate-impact
    description: DI within bounds
    requires: [bias]
    for_each: bias.metrics.filter(m, m.name == "disparate_impact")
    check: item.value >= 0.8 && item.value <= 1.25
    message: '"DI for " + item.attribute + "=" + item.group + " (" + item.original_name + ") is " + string(item.value)'
`,
          }),
        ),
      ),
    );
    const subject: Subject = {
      model: { name: 'credit', path: 'models/credit', risk: 'high' },
      location: { path: '.modelgate.yml', line: 3 },
      evidence: { bias: read(text, file) as Evidence<'bias'> },
      problems: {},
      approvals: [],
    };
    const results = evaluate(policy, [subject], { now: new Date('2026-06-15T12:00:00Z') }).models[0]!.results;
    // Age's DI (1.0467) is within bounds: only ForeignWorker's fails.
    expect(results.map((r) => [r.status, r.message])).toEqual([['fail', 'DI for ForeignWorker=1 (DI) is 0.7728768926925609']]);
    expect(results[0]?.location).toMatchObject({ path: file, line: lineOf(text, '"name": "DI"', '"post_training_bias_metrics"') - 1 });
  });
});
