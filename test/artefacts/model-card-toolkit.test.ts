import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Evidence, ModelCard } from '../../src/artefacts/evidence.js';
import { CYCLONEDX_MLBOM_FORMAT } from '../../src/artefacts/formats/cyclonedx.js';
import { MODEL_CARD_TOOLKIT_FORMAT } from '../../src/artefacts/formats/model-card-toolkit.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError, lineOf } from '../helpers.js';

const FORMATS = [MODEL_CARD_TOOLKIT_FORMAT, CYCLONEDX_MLBOM_FORMAT, ...NATIVE_FORMATS];
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/formats/model-card-toolkit');
const PATH = 'model_card.json';

function read(card: unknown, file = PATH): { card: ModelCard; evidence: Evidence } {
  const text = typeof card === 'string' ? card : JSON.stringify(card, null, 2);
  const evidence = readArtefact({ path: file, text, sha256: 'ab'.repeat(32) }, { formats: FORMATS });
  return { card: evidence.data as ModelCard, evidence };
}

function readError(card: unknown, file = PATH): ModelgateError {
  const text = typeof card === 'string' ? card : JSON.stringify(card, null, 2);
  return expectModelgateError(() => readArtefact({ path: file, text, sha256: 'ab'.repeat(32) }, { formats: FORMATS }));
}


/** Concrete values for the fixtures known today; files added later get the generic checks only. */
const EXPECTED: Record<string, (card: ModelCard, evidence: Evidence, text: string) => void> = {
  'census-income-classifier.json': (card, evidence, text) => {
    expect(card).toMatchObject({
      name: 'Census Income Classifier',
      version: '1.4.0',
      license: 'Apache-2.0',
      owners: ['Income Modeling Team', 'Responsible ML Review Board'],
      training_data: ['census-income-train-2023', 'census-income-eval-2023'],
      intended_use:
        'Research on income prediction from public census attributes.\nDemonstrating sliced evaluation with fairness indicators.',
      limitations:
        'Trained on 1994 census data re-weighted to 2023; not representative of current incomes.\nNot intended for decisions about individuals (credit, hiring, housing).',
      ethical_considerations:
        'The false positive rate differs between men and women. (mitigation: Report sliced metrics with every release and review them before deployment.)\nRace and sex are input features.',
    });
    expect(card.evaluation).toEqual([
      {
        metric: 'accuracy',
        value: 0.853,
        location: { path: expect.any(String), line: lineOf(text, '"type": "accuracy"'), column: 7 },
        extra: { confidence_interval: { lower_bound: 0.847, upper_bound: 0.859 } },
      },
      { metric: 'auc', value: 0.905, location: expect.objectContaining({ line: lineOf(text, '"type": "auc"') }) },
      { metric: 'false_positive_rate', value: 0.061, split: 'sex:Female', location: expect.any(Object) },
      { metric: 'false_positive_rate', value: 0.112, split: 'sex:Male', location: expect.any(Object) },
      { metric: 'recall', value: 0.583, split: 'race:Black', location: expect.any(Object) },
    ]);
    expect(card.sections).toEqual(['training_data', 'evaluation', 'intended_use', 'limitations', 'ethical_considerations', 'users', 'tradeoffs']);
    expect(card.extra).toMatchObject({
      schema_version: '0.0.2',
      version_date: '2024-03-18',
      model_architecture: 'Logistic regression with hashed categorical crosses',
      owner_contacts: [{ name: 'Income Modeling Team', contact: 'income-models@example.com' }],
      references: ['https://archive.ics.uci.edu/dataset/2/adult'],
      users: ['Analysts studying income distribution', 'Teaching material for fairness evaluation'],
      tradeoffs: ['A lower decision threshold raises recall for under-represented groups at the cost of precision.'],
      performance_graphics: { description: 'Metrics sliced by sex and race.', names: ['FPR by sex'] },
      model_path: 'gs://example-models/census-income/1.4.0',
    });
    const datasets = card.extra?.datasets as Record<string, unknown>[];
    expect(datasets[0]).toMatchObject({ name: 'census-income-train-2023', sensitive_data: ['sex', 'race', 'native-country'] });
    // Images are not evidence: only their names and description are kept.
    expect(JSON.stringify(card)).not.toContain('iVBORw0KGgo');
    expect(evidence.fieldLocations.name?.line).toBe(lineOf(text, '"name": "Census Income Classifier"'));
    expect(evidence.fieldLocations.version?.line).toBe(lineOf(text, '"name": "1.4.0"'));
    expect(evidence.fieldLocations.license?.line).toBe(lineOf(text, '"licenses"'));
    expect(evidence.fieldLocations.evaluation?.line).toBe(lineOf(text, '"performance_metrics"'));
    expect(evidence.fieldLocations.intended_use?.line).toBe(lineOf(text, '"use_cases"'));
  },
  'minimal.json': (card, evidence) => {
    expect(card).toEqual({
      name: 'churn-baseline',
      owners: [],
      training_data: [],
      evaluation: [],
      sections: [],
      extra: { schema_version: '0.0.2' },
    });
    expect(evidence.fieldLocations.name?.line).toBe(4);
  },
  'legacy-v0.0.1.json': (card) => {
    expect(card).toMatchObject({
      name: 'Cats vs Dogs Classifier',
      version: '0.3',
      license: 'Apache-2.0',
      owners: ['Vision Prototypes'],
      training_data: ['cats_vs_dogs/train[:80%]'],
      intended_use: 'Showing how a model card is generated.',
      limitations: 'Photographs of other animals are classified as cats or dogs.',
      ethical_considerations: 'No people appear in the data. (mitigation: None needed.)',
    });
    expect(card.evaluation.map(({ metric, value, split, extra }) => ({ metric, value, split, extra }))).toEqual([
      { metric: 'accuracy', value: 0.94, split: undefined, extra: { threshold: 0.5 } },
      { metric: 'accuracy', value: 0.96, split: 'cat', extra: undefined },
      { metric: 'accuracy', value: 0.92, split: 'dog', extra: undefined },
    ]);
    expect(card.extra).toMatchObject({
      schema_version: '0.0.1',
      users: ['Demonstration notebooks'],
      references: ['https://www.tensorflow.org/datasets/catalog/cats_vs_dogs'],
      datasets: [
        { name: 'cats_vs_dogs/train[:80%]', role: 'train', sensitive: false },
        { name: 'cats_vs_dogs/train[80%:]', role: 'eval', sensitive: false },
      ],
    });
    expect((card.extra?.citations as string[])[0]).toMatch(/^Elson, J\./);
  },
};

const fixtureFiles = readdirSync(FIXTURES).filter((name) => name !== 'README.md').sort();

describe('Model Card Toolkit fixtures', () => {
  it('has fixtures to read', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtureFiles)('reads %s', (name) => {
    const file = `fixtures/formats/model-card-toolkit/${name}`;
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    const { card, evidence } = read(text, file);
    expect(evidence.kind).toBe('model_card');
    expect(evidence.sources[0]?.format).toBe('model-card-toolkit');
    for (const item of card.evaluation) expect(item.location?.path).toBe(file);
    EXPECTED[name]?.(card, evidence, text);
  });
});

const CARD = () => ({
  schema_version: '0.0.2',
  model_details: { name: 'scorer', licenses: [{ identifier: 'MIT' }, { custom_text: 'Internal use only' }] },
  quantitative_analysis: { performance_metrics: [{ type: 'auc', value: '0.91' }] },
});

describe('Model Card Toolkit mapping', () => {
  it('joins several licenses and keeps a custom text as written', () => {
    const { card } = read(CARD());
    expect(card.license).toBe('MIT AND (Internal use only)');
    expect(card.extra?.custom_licenses).toEqual(['Internal use only']);
  });

  it('keeps fields the schema does not name, by their path', () => {
    const card = { ...CARD(), deployment: { region: 'eu' }, model_details: { name: 'scorer', risk_tier: 'high' } };
    const { card: read_ } = read(card);
    expect(read_.extra?.unmapped).toEqual({ deployment: { region: 'eu' }, 'model_details.risk_tier': 'high' });
  });

  it('keeps unknown metric fields and reads a metric named by the tool as written', () => {
    const card = CARD();
    card.quantitative_analysis.performance_metrics = [{ type: 'Custom Calibration Error', value: '0.02', description: 'ECE, 15 bins' } as never];
    const { card: result } = read(card);
    expect(result.evaluation[0]).toMatchObject({ metric: 'Custom Calibration Error', value: 0.02, extra: { description: 'ECE, 15 bins' } });
  });
});

describe('Model Card Toolkit detection', () => {
  it('claims a JSON file with a model_details object, and nothing else', () => {
    expect(read(CARD(), 'anything.json').evidence.sources[0]?.format).toBe('model-card-toolkit');
    expect(readError(CARD(), 'model_card.yaml').message).toMatch(/unknown format/);
    expect(readError({ schema_version: '0.0.2', model_details: 'scorer' }).message).toMatch(/unknown format/);
    expect(readError({ bomFormat: 'CycloneDX', model_details: {} }).message).not.toMatch(/model-card-toolkit/);
  });

  it('leaves native cards to the native reader, which does not claim toolkit cards', () => {
    const native = { apiVersion: 'modelgate/v1', kind: 'model_card', name: 'scorer', model_details: { name: 'x' } };
    const nativeInput = toArtefactInput({ path: 'card.json', text: JSON.stringify(native) });
    expect(MODEL_CARD_TOOLKIT_FORMAT.detect(nativeInput)).toBe(false);
    const plain = { apiVersion: 'modelgate/v1', kind: 'model_card', name: 'scorer' };
    expect(read(plain, 'card.json').evidence.sources[0]?.format).toBe('modelgate-model-card');
    const toolkitInput = toArtefactInput({ path: PATH, text: JSON.stringify(CARD()) });
    for (const format of NATIVE_FORMATS) expect(format.detect(toolkitInput)).toBe(false);
  });
});

describe('Model Card Toolkit errors', () => {
  it('rejects a non-numeric metric value, naming its line', () => {
    const card = CARD();
    card.quantitative_analysis.performance_metrics[0]!.value = 'excellent';
    const text = JSON.stringify(card, null, 2);
    const error = readError(text);
    const line = lineOf(text, '"value": "excellent"');
    expect(error.location?.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^model_card\\.json:${line}:\\d+: performance metric "auc" has value "excellent", which is not a finite number$`));
  });

  it('rejects NaN and Infinity spelled as strings', () => {
    for (const value of ['NaN', 'Infinity', '-inf', '1e999']) {
      const card = CARD();
      card.quantitative_analysis.performance_metrics[0]!.value = value;
      expect(readError(card).message).toMatch(/not a finite number/);
    }
  });

  it('rejects a metric without a value or a type', () => {
    const noValue = CARD();
    noValue.quantitative_analysis.performance_metrics = [{ type: 'auc' } as never];
    expect(readError(noValue).message).toMatch(/performance metric "auc" has no value/);
    const noType = CARD();
    noType.quantitative_analysis.performance_metrics = [{ value: '0.9' } as never];
    expect(readError(noType).message).toMatch(/a performance metric has no type/);
  });

  it('rejects a non-numeric confidence bound', () => {
    const card = CARD();
    card.quantitative_analysis.performance_metrics = [{ type: 'auc', value: '0.9', confidence_interval: { lower_bound: 'low' } } as never];
    expect(readError(card).message).toMatch(/confidence interval lower_bound "low", which is not a finite number/);
  });

  it('rejects wrong types where the schema expects lists and objects', () => {
    const notList = { ...CARD(), quantitative_analysis: { performance_metrics: { type: 'auc' } } };
    expect(readError(notList).message).toMatch(/quantitative_analysis\.performance_metrics must be a list/);
    const notObject = { ...CARD(), considerations: ['use it'] };
    expect(readError(notObject).message).toMatch(/considerations must be an object/);
    const badUseCase = { ...CARD(), considerations: { use_cases: [{ description: 42 }] } };
    const error = readError(badUseCase);
    expect(error.message).toMatch(/considerations\.use_cases\.0\.description must be a string/);
    expect(error.location?.line).toBeGreaterThan(1);
  });

  it('rejects a forbidden key', () => {
    const text = JSON.stringify(CARD(), null, 2).replace('"name": "scorer"', '"__proto__": {"polluted": true}');
    expect(readError(text).message).toMatch(/forbidden key "__proto__"/);
  });

  it('rejects malformed JSON with file:line:column', () => {
    const text = '{\n  "schema_version": "0.0.2",\n  "model_details": {"name": "x",}\n}\n';
    expect(readError(text).message).toMatch(/^model_card\.json:3:\d+: invalid JSON/);
  });
});
