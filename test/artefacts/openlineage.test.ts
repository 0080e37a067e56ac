import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evidence, Lineage } from '../../src/artefacts/evidence.js';
import { NATIVE_FORMATS } from '../../src/artefacts/formats/native.js';
import { OPENLINEAGE_FORMAT } from '../../src/artefacts/formats/openlineage.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { compilePolicy } from '../../src/engine/compile.js';
import type { Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { ModelgateError } from '../../src/errors.js';
import { expectModelgateError, makeRepo, REPO_ROOT } from '../helpers.js';

const FORMATS = [OPENLINEAGE_FORMAT, ...NATIVE_FORMATS];
const FIXTURES = path.join(REPO_ROOT, 'fixtures/formats/openlineage');
const RUN_SCHEMA = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent';
const NOW = new Date('2026-06-15T12:00:00Z');

function read(path: string, text: string): Evidence {
  return readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { formats: FORMATS });
}

function lineage(path: string, text: string): Lineage {
  const evidence = read(path, text);
  expect(evidence).toMatchObject({ kind: 'lineage', sources: [{ path, format: 'openlineage' }] });
  return evidence.data as Lineage;
}

function readError(path: string, text: string, format?: string): ModelgateError {
  return expectModelgateError(() => readArtefact({ path, text, sha256: 'ab'.repeat(32) }, { formats: FORMATS, format }));
}

/** 1-based line of the first line containing `needle` at or after line `from`. */
function lineOf(text: string, needle: string, from = 1): number {
  const index = text.split('\n').findIndex((line, i) => i + 1 >= from && line.includes(needle));
  if (index === -1) throw new Error(`no line contains ${needle}`);
  return index + 1;
}

type Events = Record<string, unknown>[];
const eventsOf = (data: Lineage): Events => (data.extra?.events ?? []) as Events;
const facetsOf = (data: Lineage, index: number) => data.datasets[index]?.extra?.facets as Record<string, Record<string, unknown>>;

const event = (overrides: Record<string, unknown> = {}) => ({
  eventType: 'COMPLETE',
  eventTime: '2025-06-02T02:04:51.093Z',
  run: { runId: '01972f3e-8b1c-7d2a-9f41-5c0e2b7a9d13' },
  job: { namespace: 'default', name: 'dag.task' },
  inputs: [{ namespace: 'postgres://db:5432', name: 'public.transactions', facets: {} }],
  outputs: [],
  producer: 'https://github.com/apache/airflow/tree/providers-openlineage/1.14.0',
  schemaURL: RUN_SCHEMA,
  ...overrides,
});
const ndjson = (...events: unknown[]) => events.map((value) => JSON.stringify(value)).join('\n') + '\n';

/** Concrete values for the fixtures known today; files added later get the generic checks only. */
const EXPECTED: Record<string, (evidence: Evidence, text: string) => void> = {
  'airflow-start-complete.ndjson': (evidence, text) => {
    const data = evidence.data as Lineage;
    const start = text.split('\n')[0]!;
    expect(data.datasets).toMatchObject([
      {
        name: 'analytics.public.card_transactions',
        namespace: 'postgres://analytics-db:5432',
        role: 'input',
        // version and owners arrive with COMPLETE, on line 3; the item stays where START first named it.
        version: '2025-06-01',
        source: 'postgres://analytics-db:5432',
        owners: ['team:payments-data', 'user:dpo'],
        location: { path: 'airflow-start-complete.ndjson', line: 1, column: start.indexOf('{"namespace": "postgres') + 1 },
      },
      { name: 'analytics.public.merchants', role: 'input', source: 'postgres://analytics-db:5432', owners: [], location: { line: 1 } },
      { name: 'fraud/training/2025-06-01', namespace: 's3://ml-features', role: 'output', source: 's3://ml-features', location: { line: 3 } },
    ]);
    expect(data.datasets[1]?.version).toBeUndefined();
    expect(facetsOf(data, 0).schema?.fields).toHaveLength(5);
    expect(facetsOf(data, 0).documentation?.description).toBe('Settled card transactions, one row per authorisation.');
    expect(data.datasets[2]?.extra).toMatchObject({ outputFacets: { outputStatistics: { rowCount: 1843211 } } });
    expect(data.jobs).toEqual([{ name: 'fraud_features.build_training_set', namespace: 'default' }]);
    expect(eventsOf(data)).toMatchObject([
      { kind: 'RunEvent', eventType: 'START', runId: '01972f3e-8b1c-7d2a-9f41-5c0e2b7a9d13', eventTime: '2025-06-02T02:00:07.412Z', location: { line: 1, column: 1 } },
      { kind: 'RunEvent', eventType: 'COMPLETE', job: { namespace: 'default', name: 'fraud_features.build_training_set' }, location: { line: 3, column: 1 } },
    ]);
    expect(eventsOf(data)[0]).toMatchObject({ runFacets: { processing_engine: { name: 'Airflow' } }, jobFacets: { jobType: { integration: 'AIRFLOW' } } });
    expect(evidence.fieldLocations.jobs?.line).toBe(1);
  },
  'no-datasets.ndjson': (evidence) => {
    const data = evidence.data as Lineage;
    expect(data.datasets).toEqual([]);
    expect(data.jobs).toEqual([{ name: 'fraud_features.notify_owners', namespace: 'default' }]);
    expect(eventsOf(data).map((record) => record.eventType)).toEqual(['START', 'COMPLETE']);
    expect(evidence.fieldLocations.datasets).toEqual({ path: 'no-datasets.ndjson', line: 1, column: 1 });
  },
  'spark-column-lineage.json': (evidence, text) => {
    const data = evidence.data as Lineage;
    const transactionsAt = lineOf(text, '"name": "transactions",') - 2;
    expect(data.datasets).toMatchObject([
      { name: 'transactions', namespace: 's3://lake-raw', role: 'input', version: '412', source: 's3://lake-raw', owners: [], location: { line: transactionsAt } },
      { name: 'merchants', role: 'input', source: 's3://lake-raw', location: { line: lineOf(text, '"name": "merchants",') - 2 } },
      { name: 'fraud/features_v3', namespace: 's3://lake-features', role: 'output', source: 's3://lake-features' },
    ]);
    expect(text.split('\n')[transactionsAt - 1]?.trim()).toBe('{');
    expect(data.datasets[0]?.extra).toMatchObject({ inputFacets: { inputStatistics: { rowCount: 52110394 } }, facets: { storage: { storageLayer: 'delta' } } });
    // An empty inputFacets object adds nothing.
    expect(data.datasets[1]?.extra?.inputFacets).toBeUndefined();
    const output = facetsOf(data, 2);
    expect(Object.keys((output.columnLineage?.fields ?? {}) as object)).toEqual(['card_hash', 'mcc', 'amount_7d_sum', 'country']);
    expect(output.schema?.fields).toHaveLength(4);
    expect(data.jobs).toEqual([{ name: 'feature_build.execute_insert_into_hadoop_fs_relation_command.lake_features_fraud_features_v3', namespace: 'spark-lake' }]);
    expect(eventsOf(data)).toMatchObject([{ eventType: 'COMPLETE', location: { line: 1, column: 1 } }]);
  },
  'training-run-failed.json': (evidence, text) => {
    const data = evidence.data as Lineage;
    expect(data.datasets).toHaveLength(1);
    expect(data.datasets[0]).toMatchObject({
      name: 'fraud/features_v3',
      role: 'input',
      // The FAIL event's version facet replaces the START event's one.
      version: '3.1',
      owners: ['team:ml-features'],
      location: { line: lineOf(text, '"namespace": "s3://lake-features"') - 1 },
      extra: { inputFacets: { dataQualityMetrics: { rowCount: 1843211 } }, facets: { tags: { tags: [{ key: 'classification', value: 'PII' }] } } },
    });
    expect(data.datasets[0]?.source).toBeUndefined();
    expect(eventsOf(data)).toMatchObject([
      { eventType: 'START', location: { line: 2 } },
      { eventType: 'FAIL', runId: '01972fa2-9d40-7f03-8c6e-2e51b7a04c38', runFacets: { errorMessage: { programmingLanguage: 'python' } }, location: { line: lineOf(text, '"eventType": "FAIL"') - 4 } },
    ]);
    expect(eventsOf(data)[1]?.jobFacets).toMatchObject({ sourceCodeLocation: { version: '9f1c2e7' } });
  },
  'legacy-spec-1-0-5.json': (evidence) => {
    const data = evidence.data as Lineage;
    expect(data.datasets).toMatchObject([
      { name: 'risk-prod.bureau.scores_2023q2', namespace: 'bigquery', role: 'input', version: '1691994600000', source: 'bigquery' },
      { name: 'risk-prod.features.bureau_scores', role: 'output', owners: [], extra: { facets: {} } },
    ]);
    expect(eventsOf(data)).toMatchObject([{ eventType: 'COMPLETE', schemaURL: 'https://openlineage.io/spec/1-0-5/OpenLineage.json#/$defs/RunEvent' }]);
  },
  'static-lineage.jsonl': (evidence) => {
    const data = evidence.data as Lineage;
    expect(data.datasets).toMatchObject([
      // Facets of the DatasetEvent on line 2 reach the dataset the JobEvent on line 1 names.
      { name: 'fraud/features_v3', role: 'input', version: '3', source: 's3://lake-features', owners: ['team:ml-features'], location: { line: 1 } },
      { name: 'fraud-scorer/2.1.0', namespace: 's3://models', role: 'output', owners: [] },
    ]);
    expect(data.jobs).toEqual([{ name: 'fraud_scorer.train', namespace: 'ml-platform' }]);
    const events = eventsOf(data);
    expect(events).toMatchObject([
      { kind: 'JobEvent', job: { name: 'fraud_scorer.train' }, jobFacets: { documentation: {} }, location: { line: 1 } },
      { kind: 'DatasetEvent', dataset: { namespace: 's3://lake-features', name: 'fraud/features_v3' }, location: { line: 2 } },
      { kind: 'DatasetEvent', dataset: { name: 'chargebacks' }, datasetFacets: { ownership: { owners: [{ name: 'team:payments-data' }] } }, location: { line: 3 } },
    ]);
    // Named by a job: its facets are on the dataset, not repeated on the event.
    expect(events[1]?.datasetFacets).toBeUndefined();
    expect(events[0]?.runId).toBeUndefined();
  },
};

describe('OpenLineage fixtures', () => {
  const files = readdirSync(FIXTURES).filter((file) => file !== 'README.md').sort();

  it('finds every fixture this test knows about', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it.each(files)('reads %s', (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8');
    const evidence = read(file, text);
    expect(evidence).toMatchObject({ kind: 'lineage', sources: [{ path: file, format: 'openlineage' }] });
    const data = evidence.data as Lineage;
    expect(eventsOf(data).length).toBeGreaterThan(0);
    for (const dataset of data.datasets) {
      expect(dataset.location?.path).toBe(file);
      expect(dataset.location?.line).toBeGreaterThan(0);
      expect(dataset.extra?.facets).toBeTypeOf('object');
    }
    EXPECTED[file]?.(evidence, text);
  });
});

describe('OpenLineage reading', () => {
  it('reads a bare object, an array and NDJSON alike', () => {
    const one = event();
    for (const [path, text] of [
      ['event.json', JSON.stringify(one)],
      ['events.json', JSON.stringify([one])],
      ['events.ndjson', ndjson(one)],
      ['events.jsonl', ndjson(one)],
    ] as const) {
      expect(lineage(path, text).datasets).toMatchObject([{ name: 'public.transactions', namespace: 'postgres://db:5432', role: 'input' }]);
    }
  });

  it('names the real line of an NDJSON file, across blank and CRLF lines', () => {
    const text = ['', JSON.stringify(event()), '   ', '', JSON.stringify(event({ eventType: 'FAIL' })), ''].join('\r\n');
    const data = lineage('events.ndjson', text);
    expect(eventsOf(data).map((record) => record.location)).toEqual([
      { path: 'events.ndjson', line: 2, column: 1 },
      { path: 'events.ndjson', line: 5, column: 1 },
    ]);
    expect(data.datasets[0]?.location?.line).toBe(2);
  });

  it('keeps one item per dataset and role; facets describe the dataset across roles and events', () => {
    const table = (facets: Record<string, unknown>) => ({ namespace: 's3://lake', name: 'features', facets });
    const writer = event({
      job: { namespace: 'default', name: 'dag.build' },
      inputs: [],
      outputs: [table({ ownership: { owners: [{ name: 'team:features' }] }, schema: { fields: [{ name: 'a' }] } })],
    });
    const reader = event({
      run: { runId: '01972f3e-0000-7000-8000-000000000002' },
      job: { namespace: 'default', name: 'dag.train' },
      inputs: [table({ version: { datasetVersion: '7' } }), table({ schema: { fields: [{ name: 'a' }, { name: 'b' }] } })],
    });
    const data = lineage('events.ndjson', ndjson(writer, reader));
    expect(data.datasets.map((dataset) => [dataset.role, dataset.name, dataset.location?.line])).toEqual([
      ['output', 'features', 1],
      ['input', 'features', 2],
    ]);
    for (const dataset of data.datasets) {
      expect(dataset).toMatchObject({ version: '7', owners: ['team:features'] });
      // A later facet of the same name replaces the earlier one whole.
      expect((dataset.extra?.facets as Record<string, { fields: unknown[] }>).schema?.fields).toHaveLength(2);
    }
    expect(data.jobs).toEqual([
      { name: 'dag.build', namespace: 'default' },
      { name: 'dag.train', namespace: 'default' },
    ]);
  });

  it('prefers the dataSource uri to its name and keeps unmapped dataset fields', () => {
    const data = lineage(
      'e.json',
      JSON.stringify(event({ inputs: [{ namespace: 'n', name: 'd', facets: { dataSource: { name: 'warehouse', uri: 'postgres://wh:5432' } }, custom: { tier: 'gold' } }] })),
    );
    expect(data.datasets[0]).toMatchObject({ source: 'postgres://wh:5432', extra: { custom: { tier: 'gold' } } });
  });

  it('maps no licence, PII flag, legal basis or digest: the spec has no facet for them', () => {
    const tagged = { namespace: 'n', name: 'd', facets: { tags: { tags: [{ key: 'classification', value: 'PII' }] }, documentation: { description: 'MIT licensed' } } };
    const dataset = lineage('e.json', JSON.stringify(event({ inputs: [tagged] }))).datasets[0]!;
    for (const field of ['license', 'contains_pii', 'legal_basis', 'digest'] as const) expect(dataset[field]).toBeUndefined();
    expect(dataset.extra?.facets).toMatchObject({ tags: { tags: [{ value: 'PII' }] } });
  });

  it('keeps unknown event types and top-level fields on the event record', () => {
    const data = lineage('e.json', JSON.stringify(event({ eventType: 'PAUSED', run: { runId: 'r1' }, customField: 1 })));
    expect(eventsOf(data)[0]).toMatchObject({ eventType: 'PAUSED', runId: 'r1', customField: 1 });
  });
});

describe('OpenLineage detection', () => {
  const detects = (path: string, text: string) => OPENLINEAGE_FORMAT.detect(toArtefactInput({ path, text }));

  it('claims run, job and dataset events by their documented fields', () => {
    expect(detects('e.json', JSON.stringify(event()))).toBe(true);
    const { eventType: _type, ...withoutType } = event();
    expect(detects('e.json', JSON.stringify(withoutType))).toBe(true);
    const { run: _run, ...withoutRun } = event();
    expect(detects('e.json', JSON.stringify(withoutRun))).toBe(true);
    expect(detects('e.json', JSON.stringify({ ...withoutRun, eventType: 'OTHER', schemaURL: undefined }))).toBe(true);
    const jobEvent = { eventTime: 't', producer: 'p', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent', job: { namespace: 'n', name: 'j' } };
    expect(detects('e.jsonl', JSON.stringify(jobEvent))).toBe(true);
    const datasetEvent = { ...jobEvent, schemaURL: jobEvent.schemaURL.replace('JobEvent', 'DatasetEvent'), job: undefined, dataset: { namespace: 'n', name: 'd' } };
    expect(detects('e.json', JSON.stringify(datasetEvent))).toBe(true);
  });

  it('does not claim other JSON, even when it looks a little like an event', () => {
    expect(detects('e.json', JSON.stringify([1, 2, 3]))).toBe(false);
    expect(detects('e.json', JSON.stringify([]))).toBe(false);
    expect(detects('e.json', JSON.stringify({ job: { name: 'j', namespace: 'n' }, run: { runId: 'r' } }))).toBe(false);
    expect(detects('e.json', JSON.stringify({ eventType: 'START', producer: 'p', job: 'train' }))).toBe(false);
    expect(detects('e.json', JSON.stringify({ eventType: 'DONE', producer: 'p', job: { name: 'j', namespace: 'n' } }))).toBe(false);
    expect(detects('e.json', JSON.stringify({ producer: 'p', job: { name: 'j' }, run: { runId: 'r' } }))).toBe(false);
    expect(detects('e.json', JSON.stringify({ apiVersion: 'modelgate/v1', kind: 'lineage', datasets: [] }))).toBe(false);
    expect(detects('e.ndjson', '[1, 2]\n')).toBe(false);
    expect(detects('e.ndjson', '{"a": 1}\n{"b": 2}\n')).toBe(false);
    expect(detects('e.ndjson', '\n\n')).toBe(false);
    // Neither JSON nor JSON Lines by name: never parsed.
    expect(detects('e.yaml', 'eventType: START\n')).toBe(false);
    expect(detects('e.txt', JSON.stringify(event()))).toBe(false);
  });

  it('leaves native lineage to the native adapter, and the native adapter leaves events alone', () => {
    const native = 'apiVersion: modelgate/v1\nkind: lineage\ndatasets:\n  - name: d\n    version: "1"\n';
    expect(read('lineage.yaml', native).sources[0]?.format).toBe('modelgate-lineage');
    expect(NATIVE_FORMATS.some((format) => format.detect(toArtefactInput({ path: 'e.json', text: JSON.stringify(event()) })))).toBe(false);
  });
});

describe('OpenLineage errors', () => {
  it('names file:line:column of a malformed NDJSON line', () => {
    const text = ndjson(event()) + '\n' + '{"eventType": "COMPLETE", "run": {"runId": "r"},}\n';
    const error = readError('events.ndjson', text);
    expect(error.location).toMatchObject({ path: 'events.ndjson', line: 3 });
    expect(error.message).toMatch(/^events\.ndjson:3:\d+: invalid JSON: .*one whole event/);
  });

  it('refuses NaN, which Python writes but JSON does not allow, at its line', () => {
    const line = JSON.stringify(event({ inputs: [{ namespace: 'n', name: 'd', inputFacets: { dataQualityMetrics: { rowCount: 0 } } }] })).replace('"rowCount":0', '"rowCount":NaN');
    const error = readError('events.jsonl', ndjson(event()) + line + '\n');
    expect(error.message).toMatch(/^events\.jsonl:2:\d+: invalid JSON/);
    expect(error.location?.column).toBe(line.indexOf('NaN') + 1);
  });

  it('names file:line:column of malformed JSON', () => {
    const error = readError('events.json', '[\n  {"eventType": "START",\n  ]\n');
    expect(error.message).toMatch(/^events\.json:3:\d+: invalid JSON/);
  });

  it('refuses a forbidden key, in JSON and on the right NDJSON line', () => {
    const hostile = JSON.stringify(event()).replace('"facets":{}', '"facets":{"__proto__":{"polluted":true}}');
    expect(readError('e.json', hostile).message).toMatch(/forbidden key "__proto__"/);
    const error = readError('e.ndjson', ndjson(event(), event()).replace(/\n$/, '') + '\n' + hostile + '\n');
    expect(error.message).toMatch(/^e\.ndjson:3:\d+: forbidden key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an NDJSON line nested beyond the limit, naming its line', () => {
    const deep = '['.repeat(100) + ']'.repeat(100);
    const error = readError('e.ndjson', ndjson(event()) + `{"producer": "p", "x": ${deep}}\n`);
    expect(error.message).toMatch(/^e\.ndjson:2:\d+: nesting deeper than the limit/);
  });

  it('refuses a file without any event', () => {
    expect(readError('e.json', '[]', 'openlineage').message).toMatch(/^e\.json:1:1: no OpenLineage event in the file/);
    expect(readError('e.ndjson', '\n  \n', 'openlineage').message).toMatch(/^e\.ndjson: no OpenLineage event in the file/);
    expect(readError('e.ndjson', '\n\n').message).toMatch(/unknown format/);
  });

  it('refuses a later element that is not an event, where it stands', () => {
    const text = JSON.stringify([event(), { producer: 'p', job: { namespace: 'n' } }], null, 2);
    const error = readError('e.json', text);
    expect(error.message).toMatch(/no job with a namespace and a name/);
    expect(error.location?.line).toBe(lineOf(text, '"job": {', lineOf(text, '"producer": "p"')));
    expect(readError('e.ndjson', ndjson(event(), [1])).message).toMatch(/^e\.ndjson:2:1: an event must be a JSON object, not a list/);
    expect(readError('e.ndjson', ndjson(event(), { job: { namespace: 'n', name: 'j' } })).message).toMatch(/neither a producer nor a schemaURL/);
    expect(readError('e.ndjson', ndjson(event(), { producer: 'p', job: { namespace: 'n', name: 'j' } })).message).toMatch(/neither run\.runId nor a known eventType/);
  });

  it('refuses a run event without a runId', () => {
    const { run: _run, ...withoutRun } = event();
    expect(readError('e.json', JSON.stringify(withoutRun)).message).toMatch(/a run event must have a run with a runId/);
    const text = JSON.stringify(event({ run: { runId: 42 }, eventType: 'START' }), null, 2);
    const error = readError('e.json', text);
    expect(error.message).toMatch(/a run event must have a run with a runId/);
    expect(error.location?.line).toBe(lineOf(text, '"run"'));
  });

  it('refuses datasets without a name or a namespace, naming the line', () => {
    const text = JSON.stringify(event({ inputs: [{ namespace: 'n', name: 'ok' }, { namespace: 'n', name: '  ' }] }), null, 2);
    const error = readError('e.json', text);
    expect(error.message).toMatch(/input dataset has no name/);
    expect(error.location?.line).toBe(lineOf(text, '"name": "  "'));
    expect(readError('e.json', JSON.stringify(event({ outputs: [{ name: 'd' }] }))).message).toMatch(/output dataset "d" has no namespace/);
    expect(readError('e.json', JSON.stringify(event({ outputs: [{ name: 'd', namespace: 3 }] }))).message).toMatch(/namespace number 3, not a string/);
    expect(readError('e.json', JSON.stringify(event({ inputs: ['table'] }))).message).toMatch(/input dataset must be an object, not string "table"/);
    expect(readError('e.json', JSON.stringify(event({ inputs: { name: 'd' } }))).message).toMatch(/inputs must be a list of datasets, not an object/);
  });

  it('refuses wrong types in the facets it maps, at their line', () => {
    const withFacets = (facets: unknown) => JSON.stringify(event({ inputs: [{ namespace: 'n', name: 'd', facets }] }), null, 2);
    // An Iceberg snapshot id written as a number has already lost digits when parsed.
    const version = withFacets({ version: { datasetVersion: 0 } }).replace('"datasetVersion": 0', '"datasetVersion": 12345678901234567890');
    const error = readError('e.json', version);
    expect(error.message).toMatch(/version facet datasetVersion must be a string, not number/);
    expect(error.location?.line).toBe(lineOf(version, '"datasetVersion"'));
    expect(readError('e.json', withFacets({ ownership: { owners: 'team:a' } })).message).toMatch(/ownership facet owners must be a list/);
    expect(readError('e.json', withFacets({ ownership: { owners: [{ type: 'MAINTAINER' }] } })).message).toMatch(/an owner of the ownership facet has no name/);
    expect(readError('e.json', withFacets({ dataSource: { uri: ['s3://a'] } })).message).toMatch(/dataSource facet uri must be a string, not a list/);
    expect(readError('e.json', withFacets({ schema: 'id int' })).message).toMatch(/facet "schema" must be an object, not string/);
    expect(readError('e.json', withFacets([])).message).toMatch(/facets must be an object, not a list/);
    expect(readError('e.json', JSON.stringify(event({ eventType: 7 }))).message).toMatch(/eventType must be a string, not number 7/);
  });

  it('refuses an empty job name, which the lineage schema would refuse without a line', () => {
    const error = readError('e.ndjson', ndjson(event(), event({ job: { namespace: 'n', name: ' ' } })));
    expect(error.message).toMatch(/^e\.ndjson:2:\d+: the job has an empty name/);
  });
});

describe('OpenLineage under policies', () => {
  const subjectOf = (evidence: Evidence): Subject => ({
    model: { name: 'fraud-scorer', path: 'models/fraud-scorer', risk: 'high' },
    location: { path: '.modelgate.yml', line: 3 },
    evidence: { lineage: evidence as Evidence<'lineage'> },
    problems: {},
    approvals: [],
  });
  const fixture = (file: string) => read(file, readFileSync(path.join(FIXTURES, file), 'utf8'));

  it('gives the starter pack "no input dataset" for events without datasets', () => {
    const starter = compilePolicy(loadPolicy('starter', createFsPolicySource(REPO_ROOT)));
    const results = evaluate(starter, [subjectOf(fixture('no-datasets.ndjson'))], { now: NOW }).models[0]!.results;
    expect(results.find((result) => result.rule === 'lineage.inputs')).toMatchObject({
      status: 'fail',
      message: 'the lineage lists no input dataset',
      location: { path: 'no-datasets.ndjson', line: 1 },
    });
  });

  it('lets a policy refuse lineage from a failed run and reach facets of a dataset', () => {
    const policyText = `apiVersion: modelgate/v1
kind: Policy
metadata: { name: lineage-runs, version: 1.0.0 }
rules:
  - id: lineage.no-failed-run
    description: No lineage event reports a failed or aborted run
    requires: [lineage]
    for_each: lineage.extra.events.filter(e, has(e.eventType) && (e.eventType == "FAIL" || e.eventType == "ABORT"))
    check: "false"
    message: '"run " + item.runId + " of " + item.job.name + " ended with " + item.eventType'
  - id: lineage.schema
    description: Every dataset states its schema
    requires: [lineage]
    for_each: lineage.datasets
    check: has(item.extra.facets.schema) && size(item.extra.facets.schema.fields) > 0
    message: '"dataset " + item.name + " states no schema"'
`;
    const policy = compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': policyText }))));
    const failed = fixture('training-run-failed.json');
    const results = evaluate(policy, [subjectOf(failed)], { now: NOW }).models[0]!.results;
    const events = (failed.data as Lineage).extra!.events as Events;
    expect(results).toEqual([
      expect.objectContaining({ rule: 'lineage.no-failed-run', status: 'fail', message: 'run 01972fa2-9d40-7f03-8c6e-2e51b7a04c38 of fraud_scorer.train ended with FAIL', location: events[1]!.location }),
      expect.objectContaining({ rule: 'lineage.schema', status: 'fail', message: 'dataset fraud/features_v3 states no schema' }),
    ]);
    const spark = evaluate(policy, [subjectOf(fixture('spark-column-lineage.json'))], { now: NOW }).models[0]!.results;
    expect(spark.map((result) => result.status)).toEqual(['pass', 'pass']);
  });
});
