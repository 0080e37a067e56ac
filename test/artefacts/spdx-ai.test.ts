import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Evidence, ModelCard } from '../../src/artefacts/evidence.js';
import { CYCLONEDX_MLBOM_FORMAT } from '../../src/artefacts/formats/cyclonedx.js';
import { MODEL_CARD_TOOLKIT_FORMAT } from '../../src/artefacts/formats/model-card-toolkit.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { SPDX_AI_FORMAT } from '../../src/artefacts/formats/spdx-ai.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError, lineOf } from '../helpers.js';

const FORMATS = [SPDX_AI_FORMAT, MODEL_CARD_TOOLKIT_FORMAT, CYCLONEDX_MLBOM_FORMAT, ...NATIVE_FORMATS];
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/formats/spdx-ai');
const PATH = 'model.spdx3.json';
const CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';

function textOf(doc: unknown): string {
  return typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2);
}

function read(doc: unknown, file = PATH): { card: ModelCard; evidence: Evidence } {
  const evidence = readArtefact({ path: file, text: textOf(doc), sha256: 'ab'.repeat(32) }, { formats: FORMATS });
  return { card: evidence.data as ModelCard, evidence };
}

function readError(doc: unknown, file = PATH): ModelgateError {
  return expectModelgateError(() => readArtefact({ path: file, text: textOf(doc), sha256: 'ab'.repeat(32) }, { formats: FORMATS }));
}


/** The first line holding `needle` after the line holding `after`. */
function lineAfter(text: string, after: string, needle: string): number {
  const start = lineOf(text, after);
  const index = text.split('\n').findIndex((line, at) => at >= start && line.includes(needle));
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

const EXPECTED: Record<string, (card: ModelCard, evidence: Evidence, text: string) => void> = {
  'fraud-scorer.spdx3.json': (card, evidence, text) => {
    expect(card).toMatchObject({
      name: 'fraud-scorer',
      version: '2.1.0',
      license: 'Apache-2.0',
      owners: ['Risk ML Platform'],
      risk: 'high',
      intended_use: 'Scores card-not-present transactions; scores above the review threshold are queued for a human analyst.',
      limitations: 'Not calibrated for merchants with fewer than 30 days of history.',
      training_data: ['transactions-2024'],
    });
    expect(card.evaluation).toEqual([
      { metric: 'auc', value: 0.947, location: expect.objectContaining({ line: lineOf(text, '"key": "auc"') }) },
      { metric: 'recall', value: 0.81, location: expect.any(Object), extra: { decision_threshold: 0.35 } },
      { metric: 'precision_at_review_threshold', value: 0.62, location: expect.any(Object) },
    ]);
    expect(card.sections).toEqual(['intended_use', 'limitations', 'training_data', 'evaluation']);
    expect(card.extra).toMatchObject({
      declared_license: 'Apache-2.0',
      concluded_license: 'Apache-2.0 AND LicenseRef-transactions-terms',
      tested_on: ['transactions-2025-q1-holdout'],
      non_numeric_metrics: [{ key: 'confusion_matrix', value: '[[98120, 402], [311, 1167]]' }],
      ai_domain: ['financial services', 'fraud detection'],
      ai_typeOfModel: ['gradient boosted decision trees'],
      ai_autonomyType: 'no',
      ai_standardCompliance: ['ISO/IEC 42001:2023'],
      ai_useSensitivePersonalInformation: 'yes',
      ai_informationAboutTraining: 'Trained on twelve months of labelled transactions with time-based validation splits.',
      ai_energyConsumption: { ai_trainingEnergyConsumption: [{ ai_energyQuantity: '41.5', ai_energyUnit: 'kilowattHour' }] },
      software_downloadLocation: 'https://models.example.com/registry/fraud-scorer/2.1.0',
      suppliedBy: 'https://models.example.com/spdx/Organization/risk-ml',
      spec_version: '3.0.1',
    });
    expect(card.extra?.ai_hyperparameter).toHaveLength(3);
    expect(evidence.fieldLocations.name?.line).toBe(lineOf(text, '"name": "fraud-scorer"'));
    expect(evidence.fieldLocations.risk?.line).toBe(lineOf(text, '"ai_safetyRiskAssessment"'));
    // A relationship's targets are what a reader edits.
    expect(evidence.fieldLocations.license?.line).toBe(lineAfter(text, 'rel/declared-license', '"to"'));
    expect(evidence.fieldLocations.training_data?.line).toBe(lineAfter(text, 'rel/trained-on', '"to"'));
  },
  'handwriting-two-models.spdx3.json': (card) => {
    // The document's root element is the line model, though the word model comes first.
    expect(card).toMatchObject({
      name: 'line-model',
      version: '0.0',
      license: 'MIT',
      owners: ['HTR maintainers'],
      risk: 'low',
      intended_use: 'Transcribes scanned lines of handwritten English text.',
      training_data: ['IAM Handwriting Database'],
    });
    expect(card.evaluation.map(({ metric, value }) => [metric, value])).toEqual([
      ['characterErrorRate', 0.0547],
      ['wordAccuracy', 0.8112],
    ]);
    expect(card.extra).toMatchObject({
      concluded_license: 'NOASSERTION',
      other_ai_packages: ['word-model'],
      relationships: [{ type: 'dependsOn', to: ['https://pypi.org/project/tensorflow/2.4.0/'] }],
      non_numeric_metrics: [{ key: 'charErrorRatesPerEpoch', value: '[0.98, 0.52, 0.29, 0.18, 0.12]' }],
      spec_version: '3.0.0',
    });
  },
  'single-element.spdx3.json': (card, evidence) => {
    expect(card).toEqual({
      name: 'sentiment-small',
      version: '0.9.1',
      owners: [],
      training_data: [],
      evaluation: [],
      sections: [],
      extra: expect.objectContaining({
        '@context': CONTEXT,
        spdxId: 'urn:example:models:sentiment-small',
        ai_typeOfModel: ['distilled transformer encoder'],
      }),
    });
    expect(evidence.fieldLocations.version?.line).toBe(12);
  },
};

const fixtureFiles = readdirSync(FIXTURES).filter((name) => name !== 'README.md').sort();

describe('SPDX 3 AI fixtures', () => {
  it('has fixtures to read', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(fixtureFiles)('reads %s', (name) => {
    const file = `fixtures/formats/spdx-ai/${name}`;
    const text = readFileSync(path.join(FIXTURES, name), 'utf8');
    const { card, evidence } = read(text, file);
    expect(evidence.sources[0]?.format).toBe('spdx-ai');
    for (const item of card.evaluation) expect(item.location?.path).toBe(file);
    EXPECTED[name]?.(card, evidence, text);
  });
});

const PKG = 'urn:example:model';
const doc = (pkg: Record<string, unknown> = {}, more: unknown[] = []) => ({
  '@context': CONTEXT,
  '@graph': [
    { type: 'CreationInfo', '@id': '_:ci', specVersion: '3.0.1', createdBy: ['urn:example:me'], created: '2025-01-01T00:00:00Z' },
    { type: 'ai_AIPackage', spdxId: PKG, creationInfo: '_:ci', name: 'scorer', software_packageVersion: '1.0', ...pkg },
    ...more,
  ],
});
const relationship = (relationshipType: string, to: unknown) => ({
  type: 'Relationship',
  spdxId: `urn:example:rel:${relationshipType}`,
  creationInfo: '_:ci',
  from: PKG,
  relationshipType,
  to,
});

describe('SPDX 3 AI mapping', () => {
  it('falls back to the concluded license, and reads NONE', () => {
    expect(read(doc({}, [relationship('hasConcludedLicense', ['urn:lic'])])).card.license).toBe('urn:lic');
    const expression = { type: 'simplelicensing_LicenseExpression', spdxId: 'urn:lic', creationInfo: '_:ci', simplelicensing_licenseExpression: 'MIT OR Apache-2.0' };
    expect(read(doc({}, [expression, relationship('hasConcludedLicense', ['urn:lic'])])).card.license).toBe('MIT OR Apache-2.0');
    expect(read(doc({}, [relationship('hasDeclaredLicense', ['expandedlicensing_NoneLicense'])])).card.license).toBe('NONE');
  });

  it('accepts the bare AIPackage type name and a full type IRI', () => {
    const bare = doc();
    (bare['@graph'][1] as Record<string, unknown>).type = 'AIPackage';
    expect(read(bare).card.name).toBe('scorer');
    const iri = doc();
    (iri['@graph'][1] as Record<string, unknown>).type = 'https://spdx.org/rdf/3.0.1/terms/AI/AIPackage';
    expect(read(iri).card.name).toBe('scorer');
  });

  it('reads a risk level written as an IRI', () => {
    expect(read(doc({ ai_safetyRiskAssessment: 'spdx:AI/SafetyRiskAssessmentType/serious' })).card.risk).toBe('serious');
  });
});

describe('SPDX 3 AI detection', () => {
  it('claims JSON-LD whose @context names SPDX 3, and nothing else', () => {
    expect(read(doc(), 'anything.json').evidence.sources[0]?.format).toBe('spdx-ai');
    expect(read(doc(), 'model.jsonld').evidence.sources[0]?.format).toBe('spdx-ai');
    const spdx2 = { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages: [] };
    expect(readError(spdx2).message).toMatch(/unknown format/);
    const otherContext = { ...doc(), '@context': 'https://schema.org' };
    expect(readError(otherContext).message).toMatch(/unknown format/);
    expect(readError(doc(), 'model.yaml').message).toMatch(/unknown format/);
  });

  it('does not claim native or toolkit cards, and they do not claim SPDX', () => {
    const native = toArtefactInput({ path: 'card.json', text: JSON.stringify({ apiVersion: 'modelgate/v1', kind: 'model_card' }) });
    const toolkit = toArtefactInput({ path: 'card.json', text: JSON.stringify({ model_details: { name: 'x' } }) });
    expect(SPDX_AI_FORMAT.detect(native)).toBe(false);
    expect(SPDX_AI_FORMAT.detect(toolkit)).toBe(false);
    const spdx = toArtefactInput({ path: PATH, text: JSON.stringify(doc()) });
    for (const format of [...NATIVE_FORMATS, MODEL_CARD_TOOLKIT_FORMAT, CYCLONEDX_MLBOM_FORMAT]) expect(format.detect(spdx)).toBe(false);
  });
});

describe('SPDX 3 AI errors', () => {
  it('rejects an SPDX document with no AI package, saying so', () => {
    const software = doc();
    software['@graph'][1] = { type: 'software_Package', spdxId: 'urn:pkg', creationInfo: '_:ci', name: 'lib' };
    const error = readError(software);
    expect(error.message).toMatch(/^model\.spdx3\.json:3:\d+: not an AI model card: the SPDX document has no ai_AIPackage element$/);
  });

  it('rejects an unknown safety risk level, naming its line', () => {
    const text = textOf(doc({ ai_safetyRiskAssessment: 'critical' }));
    const error = readError(text);
    expect(error.location?.line).toBe(lineOf(text, '"ai_safetyRiskAssessment"'));
    expect(error.message).toMatch(/ai_safetyRiskAssessment is "critical", not one of serious, high, medium, low/);
  });

  it('rejects a metric spelled NaN or Infinity, and a metric entry without a key', () => {
    const text = textOf(doc({ ai_metric: [{ type: 'DictionaryEntry', key: 'auc', value: 'NaN' }] }));
    const error = readError(text);
    expect(error.location?.line).toBe(lineOf(text, '"value": "NaN"'));
    expect(error.message).toMatch(/ai_metric "auc" has value "NaN", which is not a finite number/);
    expect(readError(doc({ ai_metric: [{ type: 'DictionaryEntry', key: 'auc', value: '-Infinity' }] })).message).toMatch(/not a finite number/);
    expect(readError(doc({ ai_metric: [{ type: 'DictionaryEntry', value: '0.9' }] })).message).toMatch(/has no key/);
    expect(readError(doc({ ai_metric: [42] })).message).toMatch(/must be a DictionaryEntry/);
  });

  it('rejects a @graph that is not a list', () => {
    expect(readError({ '@context': CONTEXT, '@graph': { type: 'ai_AIPackage' } }).message).toMatch(/@graph must be a list/);
  });

  it('rejects a forbidden key', () => {
    const text = textOf(doc()).replace('"name": "scorer"', '"__proto__": {"polluted": true}');
    expect(readError(text).message).toMatch(/forbidden key "__proto__"/);
  });

  it('rejects malformed JSON with file:line:column', () => {
    const text = `{\n  "@context": "${CONTEXT}",\n  "@graph": [\n    {"type": "ai_AIPackage" "name": "x"}\n  ]\n}\n`;
    expect(readError(text).message).toMatch(/^model\.spdx3\.json:4:\d+: invalid JSON/);
  });
});
