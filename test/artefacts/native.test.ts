import { describe, expect, it } from 'vitest';
import { mergeEvidence, readArtefact } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';
import { NATIVE_CARD } from '../helpers.js';

const read = (path: string, text: string, kind?: 'model_card' | 'lineage' | 'bias' | 'drift') =>
  readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { kind });

function readError(path: string, text: string, kind?: 'model_card' | 'lineage' | 'bias' | 'drift'): string {
  try {
    read(path, text, kind);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelgateError);
    expect((error as ModelgateError).code).toBe('artefact');
    return (error as ModelgateError).message;
  }
  throw new Error('expected an artefact error');
}

const bias = (value: string) => `apiVersion: modelgate/v1
kind: bias
metrics:
  - name: disparate_impact
    attribute: sex
    group: f
    value: ${value}
`;

describe('native formats', () => {
  it('reads each kind and detects it without being told', () => {
    const card = read('model_card.yaml', NATIVE_CARD);
    expect(card).toMatchObject({ kind: 'model_card', sources: [{ path: 'model_card.yaml', format: 'modelgate-model-card' }] });
    expect(card.data).toMatchObject({ license: 'mit', evaluation: [{ metric: 'auc', value: 0.9 }] });
    expect(card.fieldLocations.license).toEqual({ path: 'model_card.yaml', line: 5, column: 1 });

    const drift = read('drift.json', JSON.stringify({ apiVersion: 'modelgate/v1', kind: 'drift', dataset_drift: false, features: [{ name: 'a', drifted: true }, { name: 'b', drifted: false }] }));
    expect(drift.data).toMatchObject({ dataset_drift: false, share_drifted: 0.5 });
  });

  it('keeps the tool name of an aliased metric', () => {
    const evidence = read('bias.yaml', bias('0.9').replace('disparate_impact', 'demographic_parity_difference'));
    expect(evidence.data).toMatchObject({ metrics: [{ name: 'statistical_parity_difference', original_name: 'demographic_parity_difference' }] });
  });

  it('never accepts NaN, Infinity or a non-numeric metric value', () => {
    expect(readError('bias.yaml', bias('.nan'))).toMatch(/^bias\.yaml:7:5: not a valid bias \(modelgate-bias\): metrics\.0\.value: .*(finite|NaN)/);
    expect(readError('bias.yaml', bias('.inf'))).toMatch(/metrics\.0\.value: .*(finite|Infinity)/);
    expect(readError('bias.yaml', bias('"0.9"'))).toMatch(/metrics\.0\.value: .*expected number/);
    expect(readError('bias.json', JSON.stringify({ apiVersion: 'modelgate/v1', kind: 'bias', metrics: [{ name: 'di', attribute: 'a', group: 'g', value: null }] }))).toMatch(
      /metrics\.0\.value/,
    );
  });

  it('refuses a file of unknown format or of another kind', () => {
    expect(readError('notes.yaml', 'hello: world\n')).toMatch(/^notes\.yaml: unknown format: not a known artefact format/);
    expect(readError('card.yaml', NATIVE_CARD, 'drift')).toMatch(/^card\.yaml: unknown format: not a drift format/);
    expect(readError('x.bin', 'just text')).toMatch(/unknown format/);
  });

  it('merges several lineage files and refuses two model cards', () => {
    const lineage = (name: string) => `apiVersion: modelgate/v1\nkind: lineage\ndatasets:\n  - { name: ${name}, version: "1", owners: [o] }\n`;
    const merged = mergeEvidence('lineage', [read('a.yaml', lineage('a')), read('b.yaml', lineage('b'))]);
    expect(merged.data).toMatchObject({ datasets: [{ name: 'a' }, { name: 'b' }] });
    expect(merged.sources.map((source) => source.path)).toEqual(['a.yaml', 'b.yaml']);
    expect(() => mergeEvidence('model_card', [read('a.yaml', NATIVE_CARD), read('b.yaml', NATIVE_CARD)])).toThrow(/a model has one model card, but 2 files matched: a\.yaml, b\.yaml/);
  });

  it('refuses a drift share outside 0..1', () => {
    expect(readError('d.yaml', 'apiVersion: modelgate/v1\nkind: drift\ndataset_drift: false\nshare_drifted: 1.5\n')).toMatch(/^d\.yaml:4:1: .*share_drifted/);
  });
});

describe('native format strictness', () => {
  it('refuses a misspelt field instead of dropping it', () => {
    expect(readError('card.yaml', NATIVE_CARD.replace('license: mit', 'licence: mit'))).toMatch(/^card\.yaml:5:1: not a valid model_card \(modelgate-model-card\): .*licence/);
  });

  it('keeps extra fields as an object of named values, at top level and per item, and refuses anything else', () => {
    const withExtra = (top: string, item: string) => `${bias('0.9')}    extra: ${item}\nextra: ${top}\n`;
    expect(read('b.yaml', withExtra('{ run: 7, tags: [a] }', '{ note: kept, detail: { n: 1 } }')).data).toMatchObject({
      metrics: [{ extra: { note: 'kept', detail: { n: 1 } } }],
      extra: { run: 7, tags: ['a'] },
    });
    expect(readError('b.yaml', withExtra('[1, 2]', '{}'))).toMatch(/^b\.yaml:9:1: not a valid bias \(modelgate-bias\): extra: Invalid input: expected an object of named values$/);
    expect(readError('b.yaml', withExtra('{}', 'text'))).toMatch(/^b\.yaml:8:5: not a valid bias \(modelgate-bias\): metrics\.0\.extra: Invalid input: expected an object of named values$/);
    expect(readError('b.yaml', withExtra('{}', '7'))).toMatch(/metrics\.0\.extra: Invalid input: expected an object of named values$/);
  });

  it('normalizes a canonical metric name written in another case, keeping the original', () => {
    expect(read('b.yaml', bias('0.9').replace('disparate_impact', 'Disparate_Impact')).data).toMatchObject({
      metrics: [{ name: 'disparate_impact', original_name: 'Disparate_Impact' }],
    });
  });
});

describe('merging several files of one kind', () => {
  it('joins unmapped lists, de-duplicates jobs and keeps drift windows', () => {
    const lineage = (job: string, event: string) =>
      `apiVersion: modelgate/v1\nkind: lineage\njobs: [{ name: ${job} }]\ndatasets: []\nextra: { events: [{ eventType: ${event} }] }\n`;
    const merged = mergeEvidence('lineage', [read('a.yaml', lineage('train', 'COMPLETE')), read('b.yaml', lineage('train', 'FAIL'))]);
    expect(merged.data).toMatchObject({ jobs: [{ name: 'train' }], extra: { events: [{ eventType: 'COMPLETE' }, { eventType: 'FAIL' }] } });

    const drift = (window: string) => `apiVersion: modelgate/v1\nkind: drift\ndataset_drift: false\nshare_drifted: 0.1\nreference: { start: "${window}" }\ncurrent: { end: "${window}" }\n`;
    const windows = mergeEvidence('drift', [read('a.yaml', drift('2025-01-01')), read('b.yaml', drift('2025-02-01'))]);
    expect(windows.data).toMatchObject({ reference: { start: '2025-01-01' }, current: { end: '2025-02-01' } });
  });
});
