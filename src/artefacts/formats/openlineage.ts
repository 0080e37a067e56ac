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
/** Where the value at `pointer` (then `last`, when given) stands in the file. */
type Locate = (pointer: JsonPointer, last?: string | number) => SourceLocation;

/** One event of the file, with a locator that names the file's own line. */
interface EventEntry {
  value: unknown;
  locate: Locate;
}

/** What the file says about one dataset (namespace and name), whichever job read or wrote it. */
interface DatasetEntry {
  /** Its facets, later ones replacing earlier ones of the same name: the file's own object until a second event adds to it. */
  facets: Readonly<Record<string, Record<string, unknown>>>;
  /** `facets` is a merged copy, which may be changed. */
  merged: boolean;
  /** The dataset as read and as written by the runs and jobs. */
  input?: DatasetItem;
  output?: DatasetItem;
}

interface DatasetItem {
  role: Role;
  entry: DatasetEntry;
  namespace: string;
  name: string;
  location: SourceLocation;
  /** inputFacets and outputFacets (per run, not per dataset), merged over the events in file order; each made when first given. */
  inputFacets: Record<string, Record<string, unknown>> | undefined;
  outputFacets: Record<string, Record<string, unknown>> | undefined;
  /** Fields of the dataset no normalized field took; made when first given. */
  others: Record<string, unknown> | undefined;
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

/**
 * NDJSON: every line is parsed on its own by the project's JSON parser (limits and forbidden
 * keys apply), told the line it stands on so that locations name the file's line (still
 * worked out only when read). `firstOnly` serves detection.
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
      doc = parseJson(content, path, { limits, errorCode: 'artefact', startLine: line });
    } catch (error) {
      if (!(error instanceof ModelgateError) || !error.location) throw error;
      const hint = error.reason.startsWith('invalid JSON') ? ' (each line of an NDJSON file must hold one whole event)' : '';
      throw artefactError(`${error.reason}${hint}`, error.location.line === undefined ? { path: error.location.path, line } : error.location);
    }
    entries.push({ value: doc.value, locate: (pointer, last) => doc.locate(pointer, last) });
    if (firstOnly) break;
  }
  return entries;
}

function readEvents(input: ArtefactInput): { entries: EventEntry[]; fileLocation: SourceLocation } {
  if (LINES_FILE.test(input.path)) return { entries: readLines(input, false), fileLocation: { path: input.path } };
  const doc = input.structured();
  const value = doc.value;
  const entries: EventEntry[] = Array.isArray(value)
    ? value.map((item: unknown, index) => ({ value: item, locate: (pointer: JsonPointer, last?: string | number) => doc.locate([index, ...pointer], last) }))
    : [{ value, locate: (pointer, last) => doc.locate(pointer, last) }];
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

const NO_FACETS: Readonly<Record<string, Record<string, unknown>>> = Object.freeze({});

/**
 * Facets by name; a facet is an object by the spec, so anything else is refused. The
 * file's own object is returned (read, never changed) unless a null facet must be left out.
 */
function facetsOf(owner: Record<string, unknown>, key: string, at: Locate, pointer: JsonPointer): Readonly<Record<string, Record<string, unknown>>> {
  const facets = optionalObject(owner, key, at, pointer, key);
  if (!facets) return NO_FACETS;
  let withoutNulls: Record<string, Record<string, unknown>> | undefined;
  for (const name of Object.keys(facets)) {
    const facet = facets[name];
    // A null facet is how some clients write "not set".
    if (facet === null) {
      withoutNulls ??= { ...(facets as Record<string, Record<string, unknown>>) };
      delete withoutNulls[name];
      continue;
    }
    if (!isObject(facet)) throw artefactError(`facet "${name}" must be an object, not ${describeValue(facet)}`, at([...pointer, key, name]));
  }
  return withoutNulls ?? (facets as Record<string, Record<string, unknown>>);
}

/** Absent, null or a string: what optionalString accepts without a word. */
function isOptionalString(value: unknown): boolean {
  return value === undefined || value === null || typeof value === 'string';
}

/**
 * Checks the documented facets modelgate maps (version, dataSource, ownership) where they
 * stand, so a wrong type is reported at its own line even when a later event replaces it.
 * Runs for every dataset: pointers are only built for a value that is refused.
 */
function checkMappedFacets(facets: Readonly<Record<string, Record<string, unknown>>>, at: Locate, pointer: JsonPointer): void {
  const { version, dataSource, ownership } = facets;
  if (version && !isOptionalString(version.datasetVersion)) {
    optionalString(version, 'datasetVersion', at, [...pointer, 'facets', 'version'], 'version facet datasetVersion');
  }
  if (dataSource && !(isOptionalString(dataSource.uri) && isOptionalString(dataSource.name))) {
    optionalString(dataSource, 'uri', at, [...pointer, 'facets', 'dataSource'], 'dataSource facet uri');
    optionalString(dataSource, 'name', at, [...pointer, 'facets', 'dataSource'], 'dataSource facet name');
  }
  const owners = ownership?.owners;
  if (owners === undefined || owners === null) return;
  if (!Array.isArray(owners)) {
    throw artefactError(`ownership facet owners must be a list, not ${describeValue(owners)}`, at([...pointer, 'facets', 'ownership', 'owners']));
  }
  for (let index = 0; index < owners.length; index++) {
    const owner: unknown = owners[index];
    if (!isObject(owner) || typeof owner.name !== 'string' || owner.name.trim() === '') {
      throw artefactError('an owner of the ownership facet has no name', at([...pointer, 'facets', 'ownership', 'owners', index]));
    }
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
  /** Datasets by namespace, then name: kept by the strings the file holds, without building a key per dataset. */
  private readonly datasets = new Map<string, Map<string, DatasetEntry>>();
  /** Datasets as read or written, in the order first named. */
  readonly items: DatasetItem[] = [];
  readonly jobs = new Map<string, { namespace: string; name: string }>();
  readonly events: Record<string, unknown>[] = [];
  /** Dataset events, to keep their facets on the record when no run names the dataset. */
  readonly datasetEvents: { record: Record<string, unknown>; entry: DatasetEntry; facets: Readonly<Record<string, unknown>> }[] = [];
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
      // The list's pointer is shared by its datasets' locations, each adding its index.
      const listAt = [key];
      for (let index = 0; index < list.length; index++) this.addDataset(list[index], role, at, listAt, index);
    }
  }

  /** Refuses a dataset without a name and a namespace; `role` names it in the message. */
  private identify(dataset: unknown, at: Locate, pointer: JsonPointer, role: Role | undefined): asserts dataset is { namespace: string; name: string } & Record<string, unknown> {
    if (isNamed(dataset) && dataset.name.trim() !== '') return;
    const what = role === undefined ? 'the dataset of a dataset event' : `${role} dataset`;
    if (!isObject(dataset)) throw artefactError(`${what} must be an object, not ${describeValue(dataset)}`, at(pointer));
    if (typeof dataset.name !== 'string' || dataset.name.trim() === '') {
      throw artefactError(`${what} has no name`, at(dataset.name === undefined ? pointer : [...pointer, 'name']));
    }
    if (typeof dataset.namespace !== 'string') {
      const found = dataset.namespace === undefined ? 'no namespace' : `namespace ${describeValue(dataset.namespace)}, not a string`;
      throw artefactError(`${what} "${dataset.name}" has ${found}`, at(dataset.namespace === undefined ? pointer : [...pointer, 'namespace']));
    }
  }

  private entryOf(namespace: string, name: string): DatasetEntry {
    let byName = this.datasets.get(namespace);
    if (!byName) this.datasets.set(namespace, (byName = new Map()));
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { facets: NO_FACETS, merged: false }));
    return entry;
  }

  /** Later facets replace earlier ones of the same name, as the spec says a newly emitted facet does. */
  private mergeFacets(entry: DatasetEntry, facets: Readonly<Record<string, Record<string, unknown>>>): void {
    if (entry.facets === NO_FACETS) {
      entry.facets = facets;
      return;
    }
    if (Object.keys(facets).length === 0) return;
    if (!entry.merged) {
      entry.facets = { ...entry.facets };
      entry.merged = true;
    }
    Object.assign(entry.facets, facets);
  }

  private addDataset(value: unknown, role: Role, at: Locate, listAt: JsonPointer, index: number): void {
    const pointer = [...listAt, index];
    this.identify(value, at, pointer, role);
    const { namespace, name } = value;
    const facets = facetsOf(value, 'facets', at, pointer);
    checkMappedFacets(facets, at, pointer);
    const entry = this.entryOf(namespace, name);
    this.mergeFacets(entry, facets);
    let item = entry[role];
    if (!item) {
      item = { role, entry, namespace, name, location: at(listAt, index), inputFacets: undefined, outputFacets: undefined, others: undefined };
      entry[role] = item;
      this.items.push(item);
    }
    for (const group of FACET_GROUPS) {
      if (value[group] === undefined) continue;
      const groupFacets = facetsOf(value, group, at, pointer);
      if (Object.keys(groupFacets).length > 0) Object.assign((item[group] ??= {}), groupFacets);
    }
    for (const field in value) if (!DATASET_KEYS.has(field) && Object.hasOwn(value, field)) (item.others ??= {})[field] = value[field];
  }

  private addDatasetEvent(value: Record<string, unknown>, at: Locate, record: Record<string, unknown>): void {
    this.identify(value, at, ['dataset'], undefined);
    const { namespace, name } = value;
    const facets = facetsOf(value, 'facets', at, ['dataset']);
    checkMappedFacets(facets, at, ['dataset']);
    const entry = this.entryOf(namespace, name);
    this.mergeFacets(entry, facets);
    record.dataset = { namespace, name };
    this.datasetEvents.push({ record, entry, facets });
  }

  toData(): Record<string, unknown> {
    const datasets = this.items.map((item) => {
      // The dataset's facets, shared by its input and output items: nothing changes them after this.
      const facets = item.entry.facets;
      const { name, namespace, role, location } = item;
      const version = nonEmpty(facets.version?.datasetVersion);
      const source = nonEmpty(facets.dataSource?.uri) ?? nonEmpty(facets.dataSource?.name);
      const owners = ownersOf(facets);
      const extra: Record<string, unknown> = item.others ? { ...item.others, facets } : { facets };
      for (const group of FACET_GROUPS) if (item[group]) extra[group] = item[group];
      // One literal per shape, fields in the schema's order: added one by one, they would spill into a second store.
      if (version === undefined) {
        return source === undefined ? { name, namespace, role, owners, location, extra } : { name, namespace, role, source, owners, location, extra };
      }
      return source === undefined ? { name, namespace, role, version, owners, location, extra } : { name, namespace, role, version, source, owners, location, extra };
    });
    // A dataset event about a dataset no run or job names keeps its facets on its own record.
    for (const { record, entry, facets } of this.datasetEvents) if (!entry.input && !entry.output) record.datasetFacets = facets;
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
  const firstDataset = collector.items[0];
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
