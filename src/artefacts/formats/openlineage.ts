import { artefactError, ModelgateError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import { parseJson, type JsonPointer } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * OpenLineage events (spec 1-0-x and 2-0-x, https://openlineage.io/spec/2-0-2/OpenLineage.json):
 * run events, and the static-lineage job and dataset events of 2-0-x, as one JSON object, a
 * JSON array, or NDJSON / JSON Lines (what the OpenLineage file transport writes).
 */
export const OPENLINEAGE_FORMAT_ID = 'openlineage';

type EventKind = 'RunEvent' | 'JobEvent' | 'DatasetEvent';

/** The run states of spec 2-0-2, whose enum includes RUNNING; other strings are kept as written. */
const EVENT_TYPES: ReadonlySet<string> = new Set(['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER']);
/** The schemaURL fragment names the event kind, in `$defs` (1-0-x and later) or `definitions` (older). */
const EVENT_SCHEMA = /OpenLineage\.json#\/(?:\$defs|definitions)\/(RunEvent|JobEvent|DatasetEvent)$/;
const LINES_FILE = /\.(ndjson|jsonl)$/i;
/** Top-level keys each event kind maps to a normalized field or its event record; others are kept as written. */
const COMMON_KEYS = ['eventType', 'eventTime', 'producer', 'schemaURL'];
const MAPPED_KEYS: Record<EventKind, ReadonlySet<string>> = {
  RunEvent: new Set([...COMMON_KEYS, 'run', 'job', 'inputs', 'outputs']),
  JobEvent: new Set([...COMMON_KEYS, 'job', 'inputs', 'outputs']),
  DatasetEvent: new Set([...COMMON_KEYS, 'dataset']),
};
const FACET_GROUPS = ['inputFacets', 'outputFacets'] as const;
const DATASET_KEYS = new Set(['namespace', 'name', 'facets', 'inputFacets', 'outputFacets']);

type Role = 'input' | 'output';
type FacetGroup = 'inputFacets' | 'outputFacets';
type Locate = (pointer: JsonPointer) => SourceLocation;

/** One event of the file, with a locator that names the file's own line. */
interface EventEntry {
  value: unknown;
  locate: Locate;
}

interface DatasetItem {
  role: Role;
  identity: string;
  namespace: string;
  name: string;
  location: SourceLocation;
  /** inputFacets and outputFacets (per run, not per dataset), merged over the events in file order. */
  runFacets: Record<FacetGroup, Record<string, Record<string, unknown>>>;
  others: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNamed(value: unknown): value is { namespace: string; name: string } & Record<string, unknown> {
  return isObject(value) && typeof value.namespace === 'string' && typeof value.name === 'string';
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** The event kind, or undefined for anything that is not an OpenLineage event. */
function kindOf(value: unknown): EventKind | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.producer !== 'string' && typeof value.schemaURL !== 'string') return undefined;
  const declared = typeof value.schemaURL === 'string' ? EVENT_SCHEMA.exec(value.schemaURL)?.[1] : undefined;
  if (declared === 'DatasetEvent') return isNamed(value.dataset) ? 'DatasetEvent' : undefined;
  if (!isNamed(value.job)) return undefined;
  if (declared === 'JobEvent') return 'JobEvent';
  const hasRunId = isObject(value.run) && typeof value.run.runId === 'string';
  const hasEventType = typeof value.eventType === 'string' && EVENT_TYPES.has(value.eventType);
  return hasRunId || hasEventType ? 'RunEvent' : undefined;
}

/** Says which required part a would-be event lacks, for the error that refuses it. */
function whyNotEvent(value: unknown): { reason: string; pointer: JsonPointer } {
  if (!isObject(value)) return { reason: `an event must be a JSON object, not ${describeValue(value)}`, pointer: [] };
  if (typeof value.producer !== 'string' && typeof value.schemaURL !== 'string') {
    return { reason: 'not an OpenLineage event: it has neither a producer nor a schemaURL', pointer: [] };
  }
  if (!isNamed(value.job)) {
    return { reason: 'not an OpenLineage event: it has no job with a namespace and a name', pointer: value.job === undefined ? [] : ['job'] };
  }
  return { reason: 'not an OpenLineage run event: it has neither run.runId nor a known eventType', pointer: [] };
}

function shiftLocation(location: SourceLocation, line: number): SourceLocation {
  if (location.line === undefined) return { path: location.path, line };
  const shifted: SourceLocation = { path: location.path, line: location.line + line - 1 };
  if (location.column !== undefined) shifted.column = location.column;
  return shifted;
}

/**
 * NDJSON: every line is parsed on its own by the project's JSON parser (limits and forbidden
 * keys apply), and locations are moved to the line of the file. `firstOnly` serves detection.
 */
function readLines(input: ArtefactInput, firstOnly: boolean): EventEntry[] {
  const { path, text, limits } = input;
  if (text.length > limits.max_file_bytes) {
    throw artefactError(`file is larger than the limit of ${limits.max_file_bytes} bytes`, { path });
  }
  const entries: EventEntry[] = [];
  let start = 0;
  for (let line = 1; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    // A byte order mark becomes a space, so columns stay those of the file.
    const raw = text.slice(start, end);
    const content = line === 1 ? raw.replace(/^\uFEFF/, ' ') : raw;
    start = end + 1;
    if (content.trim() === '') continue;
    if (firstOnly && !content.trimStart().startsWith('{')) return [];
    let doc;
    try {
      doc = parseJson(content, path, { limits, errorCode: 'artefact' });
    } catch (error) {
      if (!(error instanceof ModelgateError) || !error.location) throw error;
      const hint = error.reason.startsWith('invalid JSON') ? ' (each line of an NDJSON file must hold one whole event)' : '';
      throw artefactError(`${error.reason}${hint}`, shiftLocation(error.location, line));
    }
    const parsed = doc;
    entries.push({ value: parsed.value, locate: (pointer) => shiftLocation(parsed.locate(pointer), line) });
    if (firstOnly) break;
  }
  return entries;
}

function readEvents(input: ArtefactInput): { entries: EventEntry[]; fileLocation: SourceLocation } {
  if (LINES_FILE.test(input.path)) return { entries: readLines(input, false), fileLocation: { path: input.path } };
  const doc = input.structured();
  const value = doc.value;
  const entries: EventEntry[] = Array.isArray(value)
    ? value.map((item: unknown, index) => ({ value: item, locate: (pointer: JsonPointer) => doc.locate([index, ...pointer]) }))
    : [{ value, locate: (pointer: JsonPointer) => doc.locate(pointer) }];
  return { entries, fileLocation: doc.locate([]) };
}

function detectOpenLineage(input: ArtefactInput): boolean {
  if (LINES_FILE.test(input.path)) return kindOf(readLines(input, true)[0]?.value) !== undefined;
  if (!/\.json$/i.test(input.path)) return false;
  const value = input.structured().value;
  return kindOf(Array.isArray(value) ? value[0] : value) !== undefined;
}

/** A string the spec requires or allows; any other type is refused where it stands. */
function optionalString(owner: Record<string, unknown>, key: string, at: Locate, pointer: JsonPointer, what: string): string | undefined {
  const value = owner[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw artefactError(`${what} must be a string, not ${describeValue(value)}`, at([...pointer, key]));
  return value;
}

function optionalObject(owner: Record<string, unknown>, key: string, at: Locate, pointer: JsonPointer, what: string): Record<string, unknown> | undefined {
  const value = owner[key];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw artefactError(`${what} must be an object, not ${describeValue(value)}`, at([...pointer, key]));
  return value;
}

/** Facets by name; a facet is an object by the spec, so anything else is refused. */
function facetsOf(owner: Record<string, unknown>, key: string, at: Locate, pointer: JsonPointer): Record<string, Record<string, unknown>> {
  const facets = optionalObject(owner, key, at, pointer, key);
  const result: Record<string, Record<string, unknown>> = {};
  if (!facets) return result;
  for (const [name, facet] of Object.entries(facets)) {
    // A null facet is how some clients write "not set".
    if (facet === null) continue;
    if (!isObject(facet)) throw artefactError(`facet "${name}" must be an object, not ${describeValue(facet)}`, at([...pointer, key, name]));
    result[name] = facet;
  }
  return result;
}

/**
 * Checks the documented facets modelgate maps (version, dataSource, ownership) where they
 * stand, so a wrong type is reported at its own line even when a later event replaces it.
 */
function checkMappedFacets(facets: Record<string, Record<string, unknown>>, at: Locate, pointer: JsonPointer): void {
  const facetsAt = [...pointer, 'facets'];
  if (facets.version) optionalString(facets.version, 'datasetVersion', at, [...facetsAt, 'version'], 'version facet datasetVersion');
  if (facets.dataSource) {
    optionalString(facets.dataSource, 'uri', at, [...facetsAt, 'dataSource'], 'dataSource facet uri');
    optionalString(facets.dataSource, 'name', at, [...facetsAt, 'dataSource'], 'dataSource facet name');
  }
  const ownership = facets.ownership;
  if (ownership && ownership.owners !== undefined && ownership.owners !== null) {
    const ownersAt = [...facetsAt, 'ownership', 'owners'];
    if (!Array.isArray(ownership.owners)) throw artefactError(`ownership facet owners must be a list, not ${describeValue(ownership.owners)}`, at(ownersAt));
    ownership.owners.forEach((owner: unknown, index) => {
      if (!isObject(owner) || typeof owner.name !== 'string' || owner.name.trim() === '') {
        throw artefactError('an owner of the ownership facet has no name', at([...ownersAt, index]));
      }
    });
  }
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function ownersOf(facets: Record<string, Record<string, unknown>>): string[] {
  const owners = facets.ownership?.owners;
  if (!Array.isArray(owners)) return [];
  const names: string[] = [];
  for (const owner of owners) {
    const name = isObject(owner) ? nonEmpty(owner.name) : undefined;
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

class LineageCollector {
  /** Dataset facets by dataset identity: they describe the dataset, whichever job read or wrote it. */
  readonly datasetFacets = new Map<string, Record<string, Record<string, unknown>>>();
  readonly items = new Map<string, DatasetItem>();
  readonly jobs = new Map<string, { namespace: string; name: string }>();
  readonly events: Record<string, unknown>[] = [];
  /** Dataset events, to keep their facets on the record when no run names the dataset. */
  readonly datasetEvents: { record: Record<string, unknown>; identity: string; facets: Record<string, unknown> }[] = [];
  firstJobLocation: SourceLocation | undefined;

  addEvent(entry: EventEntry): void {
    const kind = kindOf(entry.value);
    if (kind === undefined) {
      const { reason, pointer } = whyNotEvent(entry.value);
      throw artefactError(reason, entry.locate(pointer));
    }
    const event = entry.value as Record<string, unknown>;
    const at = entry.locate;
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(event)) if (!MAPPED_KEYS[kind].has(key)) record[key] = value;
    record.kind = kind;
    const eventType = optionalString(event, 'eventType', at, [], 'eventType');
    if (eventType !== undefined) record.eventType = eventType;
    const eventTime = optionalString(event, 'eventTime', at, [], 'eventTime');
    if (eventTime !== undefined) record.eventTime = eventTime;
    const producer = optionalString(event, 'producer', at, [], 'producer');
    if (producer !== undefined) record.producer = producer;
    const schemaURL = optionalString(event, 'schemaURL', at, [], 'schemaURL');
    if (schemaURL !== undefined) record.schemaURL = schemaURL;
    record.location = at([]);
    this.events.push(record);

    if (kind === 'DatasetEvent') {
      this.addDatasetEvent(event.dataset as Record<string, unknown>, at, record);
      return;
    }
    if (kind === 'RunEvent') {
      const run = event.run;
      if (!isObject(run) || typeof run.runId !== 'string') {
        throw artefactError('a run event must have a run with a runId', at(run === undefined ? [] : ['run']));
      }
      record.runId = run.runId;
      const runFacets = facetsOf(run, 'facets', at, ['run']);
      if (Object.keys(runFacets).length > 0) record.runFacets = runFacets;
    }
    const job = event.job as { namespace: string; name: string } & Record<string, unknown>;
    if (job.name.trim() === '') throw artefactError('the job has an empty name', at(['job', 'name']));
    record.job = { namespace: job.namespace, name: job.name };
    const jobFacets = facetsOf(job, 'facets', at, ['job']);
    if (Object.keys(jobFacets).length > 0) record.jobFacets = jobFacets;
    const jobKey = JSON.stringify([job.namespace, job.name]);
    if (!this.jobs.has(jobKey)) this.jobs.set(jobKey, { namespace: job.namespace, name: job.name });
    this.firstJobLocation ??= at(['job']);

    for (const [key, role] of [['inputs', 'input'], ['outputs', 'output']] as const) {
      const list = event[key];
      if (list === undefined || list === null) continue;
      if (!Array.isArray(list)) throw artefactError(`${key} must be a list of datasets, not ${describeValue(list)}`, at([key]));
      list.forEach((dataset: unknown, index) => this.addDataset(dataset, role, at, [key, index]));
    }
  }

  private identify(dataset: unknown, at: Locate, pointer: JsonPointer, what: string): { namespace: string; name: string; value: Record<string, unknown> } {
    if (!isObject(dataset)) throw artefactError(`${what} must be an object, not ${describeValue(dataset)}`, at(pointer));
    if (typeof dataset.name !== 'string' || dataset.name.trim() === '') {
      throw artefactError(`${what} has no name`, at(dataset.name === undefined ? pointer : [...pointer, 'name']));
    }
    if (typeof dataset.namespace !== 'string') {
      const found = dataset.namespace === undefined ? 'no namespace' : `namespace ${describeValue(dataset.namespace)}, not a string`;
      throw artefactError(`${what} "${dataset.name}" has ${found}`, at(dataset.namespace === undefined ? pointer : [...pointer, 'namespace']));
    }
    return { namespace: dataset.namespace, name: dataset.name, value: dataset };
  }

  /** Later facets replace earlier ones of the same name, as the spec says a newly emitted facet does. */
  private mergeFacets(identity: string, facets: Record<string, Record<string, unknown>>): void {
    const merged = this.datasetFacets.get(identity) ?? {};
    Object.assign(merged, facets);
    this.datasetFacets.set(identity, merged);
  }

  private addDataset(raw: unknown, role: Role, at: Locate, pointer: JsonPointer): void {
    const { namespace, name, value } = this.identify(raw, at, pointer, `${role} dataset`);
    const facets = facetsOf(value, 'facets', at, pointer);
    checkMappedFacets(facets, at, pointer);
    const identity = JSON.stringify([namespace, name]);
    this.mergeFacets(identity, facets);
    const key = `${role} ${identity}`;
    let item = this.items.get(key);
    if (!item) {
      item = { role, identity, namespace, name, location: at(pointer), runFacets: { inputFacets: {}, outputFacets: {} }, others: {} };
      this.items.set(key, item);
    }
    for (const group of FACET_GROUPS) Object.assign(item.runFacets[group], facetsOf(value, group, at, pointer));
    for (const [field, fieldValue] of Object.entries(value)) if (!DATASET_KEYS.has(field)) item.others[field] = fieldValue;
  }

  private addDatasetEvent(raw: Record<string, unknown>, at: Locate, record: Record<string, unknown>): void {
    const { namespace, name, value } = this.identify(raw, at, ['dataset'], 'the dataset of a dataset event');
    const facets = facetsOf(value, 'facets', at, ['dataset']);
    checkMappedFacets(facets, at, ['dataset']);
    const identity = JSON.stringify([namespace, name]);
    this.mergeFacets(identity, facets);
    record.dataset = { namespace, name };
    this.datasetEvents.push({ record, identity, facets });
  }

  toData(): Record<string, unknown> {
    const datasets = [...this.items.values()].map((item) => {
      const facets = { ...(this.datasetFacets.get(item.identity) ?? {}) };
      const dataset: Record<string, unknown> = { name: item.name, namespace: item.namespace, role: item.role };
      const version = nonEmpty(facets.version?.datasetVersion);
      if (version !== undefined) dataset.version = version;
      const source = nonEmpty(facets.dataSource?.uri) ?? nonEmpty(facets.dataSource?.name);
      if (source !== undefined) dataset.source = source;
      dataset.owners = ownersOf(facets);
      dataset.location = item.location;
      const extra: Record<string, unknown> = { ...item.others, facets };
      for (const group of FACET_GROUPS) if (Object.keys(item.runFacets[group]).length > 0) extra[group] = item.runFacets[group];
      dataset.extra = extra;
      return dataset;
    });
    const named = new Set([...this.items.values()].map((item) => item.identity));
    // A dataset event about a dataset no run or job names keeps its facets on its own record.
    for (const { record, identity, facets } of this.datasetEvents) if (!named.has(identity)) record.datasetFacets = facets;
    return { datasets, jobs: [...this.jobs.values()].map(({ name, namespace }) => ({ name, namespace })), extra: { events: this.events } };
  }
}

function adaptOpenLineage(input: ArtefactInput): AdaptedEvidence {
  const { entries, fileLocation } = readEvents(input);
  if (entries.length === 0) throw artefactError('no OpenLineage event in the file', fileLocation);
  const collector = new LineageCollector();
  for (const entry of entries) collector.addEvent(entry);
  const data = collector.toData();
  const firstEvent = entries[0]!.locate([]);
  const firstDataset = [...collector.items.values()][0];
  const fieldLocations: Record<string, SourceLocation> = {
    datasets: firstDataset?.location ?? firstEvent,
    jobs: collector.firstJobLocation ?? firstEvent,
    extra: firstEvent,
  };
  return { data, fieldLocations };
}

export const OPENLINEAGE_FORMAT: FormatAdapter = {
  id: OPENLINEAGE_FORMAT_ID,
  kind: 'lineage',
  description:
    'OpenLineage events, spec 1-0-x and 2-0-x (RunEvent; JobEvent and DatasetEvent of 2-0-x): one JSON object, a JSON array (.json), or NDJSON / JSON Lines (.ndjson, .jsonl)',
  detect: detectOpenLineage,
  adapt: adaptOpenLineage,
};
