import { describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/artefacts/read.js';
import type { ModelCard } from '../../src/artefacts/evidence.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError } from '../helpers.js';

const PATH = 'bom.cdx.json';

function read(bom: unknown, path = PATH) {
  const text = typeof bom === 'string' ? bom : JSON.stringify(bom, null, 2);
  const evidence = readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { kind: 'model_card' });
  expect(evidence.sources[0]?.format).toBe('cyclonedx-mlbom');
  return { card: evidence.data as ModelCard, locations: evidence.fieldLocations };
}

function readError(bom: unknown, path = PATH): ModelgateError {
  const text = typeof bom === 'string' ? bom : JSON.stringify(bom, null, 2);
  return expectModelgateError(() => readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { kind: 'model_card' }));
}

const model = (extra: Record<string, unknown> = {}) => ({
  type: 'machine-learning-model',
  'bom-ref': 'model-1',
  name: 'fraud-scorer',
  version: '2.1.0',
  licenses: [{ license: { id: 'Apache-2.0' } }],
  modelCard: {
    modelParameters: {
      datasets: [{ ref: 'data-train' }, { ref: 'urn:cdx:other-bom/1#data' }, { type: 'dataset', name: 'inline-holdout' }],
    },
    quantitativeAnalysis: {
      performanceMetrics: [
        { type: 'auc', value: '0.94', slice: 'holdout' },
        { type: 'recall', value: 0.8 },
      ],
    },
    considerations: {
      users: ['fraud analysts'],
      useCases: ['Score card transactions for review.', 'Rank alerts.'],
      technicalLimitations: ['Not calibrated for new merchants.'],
      ethicalConsiderations: [{ name: 'unequal false positives', mitigationStrategy: 'Monthly parity review.' }, { name: 'opacity' }],
      fairnessAssessments: [{ groupAtRisk: 'young cardholders' }],
    },
  },
  ...extra,
});

const bom = (components: unknown[], metadataComponent?: unknown) => ({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: metadataComponent === undefined ? {} : { component: metadataComponent },
  components,
});

const DATA = { type: 'data', 'bom-ref': 'data-train', name: 'transactions-2025', data: [{ type: 'dataset', 'bom-ref': 'ds-1', name: 'Transactions' }] };

describe('CycloneDX ML-BOM model card', () => {
  it('maps the model component and its modelCard', () => {
    const { card } = read(bom([model(), DATA]));
    expect(card).toMatchObject({
      name: 'fraud-scorer',
      version: '2.1.0',
      license: 'Apache-2.0',
      owners: [],
      training_data: ['transactions-2025', 'urn:cdx:other-bom/1#data', 'inline-holdout'],
      evaluation: [
        { metric: 'auc', value: 0.94, split: 'holdout' },
        { metric: 'recall', value: 0.8 },
      ],
      intended_use: 'Score card transactions for review.\nRank alerts.',
      limitations: 'Not calibrated for new merchants.',
      ethical_considerations: 'unequal false positives (mitigation: Monthly parity review.)\nopacity',
    });
    expect(card.sections).toEqual(['training_data', 'evaluation', 'intended_use', 'limitations', 'ethical_considerations', 'fairness_assessments']);
    // users say who the model serves, not what it is for.
    expect(card.intended_use).not.toContain('fraud analysts');
  });

  it('points each field and each metric at its line', () => {
    const text = JSON.stringify(bom([model(), DATA]), null, 2);
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const { card, locations } = read(text);
    expect(locations.name).toMatchObject({ path: PATH, line: lineOf('"name": "fraud-scorer"') });
    expect(locations.version?.line).toBe(lineOf('"version": "2.1.0"'));
    expect(locations.license?.line).toBe(lineOf('"licenses"'));
    expect(locations.evaluation?.line).toBe(lineOf('"performanceMetrics"'));
    expect(locations.intended_use?.line).toBe(lineOf('"useCases"'));
    expect(card.evaluation[0]?.location?.line).toBe(lineOf('"type": "auc"') - 1);
  });

  it('reads a license name or an expression', () => {
    expect(read(bom([model({ licenses: [{ license: { name: 'Acme Model License' } }] })])).card.license).toBe('Acme Model License');
    expect(read(bom([model({ licenses: [{ expression: 'MIT OR Apache-2.0' }] })])).card.license).toBe('MIT OR Apache-2.0');
    expect(read(bom([model({ licenses: [{ license: { id: 'MIT' } }, { license: { id: 'CC-BY-4.0' } }] })])).card.license).toBe('MIT AND CC-BY-4.0');
    expect(read(bom([model({ licenses: undefined })])).card.license).toBeUndefined();
  });

  it('resolves a dataset ref to a data entry when no component has that bom-ref', () => {
    const card = model();
    card.modelCard.modelParameters.datasets = [{ ref: 'ds-1' }];
    expect(read(bom([card, DATA])).card.training_data).toEqual(['Transactions']);
  });

  it('takes metadata.component first, then the first model with a modelCard', () => {
    const main = model({ name: 'main-model', 'bom-ref': 'main' });
    expect(read(bom([model()], main)).card.name).toBe('main-model');
    const bare = { type: 'machine-learning-model', name: 'no-card' };
    expect(read(bom([bare, { type: 'application', name: 'app', components: [model({ name: 'nested' })] }])).card.name).toBe('nested');
  });

  it('rejects a non-numeric metric value, naming its line', () => {
    const card = model();
    card.modelCard.quantitativeAnalysis.performanceMetrics[0]!.value = 'high';
    const text = JSON.stringify(bom([card]), null, 2);
    const error = readError(text);
    const line = text.split('\n').findIndex((candidate) => candidate.includes('"value": "high"')) + 1;
    expect(error.location?.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^bom\\.cdx\\.json:${line}:\\d+: performance metric "auc" has value "high", which is not a finite number`));
  });

  it('rejects a BOM with no machine-learning model that has a modelCard', () => {
    expect(readError(bom([DATA])).message).toMatch(/no component of type "machine-learning-model"/);
    const error = readError(bom([DATA, { type: 'machine-learning-model', name: 'bare' }]));
    expect(error.message).toMatch(/no "machine-learning-model" component has a modelCard/);
    expect(error.location?.line).toBeGreaterThan(1);
  });

  it('is detected by bomFormat, never by the file name alone', () => {
    expect(readError({ bomFormat: 'SPDX', components: [model()] }).message).toMatch(/unknown format/);
    expect(readError(bom([model()]), 'bom.xml').message).toMatch(/unknown format/);
    expect(read(bom([model()]), 'anything.json').card.name).toBe('fraud-scorer');
  });

  it('rejects a forbidden key', () => {
    const text = JSON.stringify(bom([model()]), null, 2).replace('"version": "2.1.0"', '"__proto__": {"x": 1}');
    expect(readError(text).message).toMatch(/forbidden key "__proto__"/);
  });
});
