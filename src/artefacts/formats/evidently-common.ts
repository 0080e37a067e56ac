import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput } from './types.js';

/**
 * What every Evidently generation shares once read: per-column drift results, the
 * dataset-level statements a report makes, and the rules that fill in what a
 * generation leaves unsaid. Each generation's reader only finds these pieces.
 */

/** Evidently's default share of drifted columns at which a dataset counts as drifted (DatasetDriftMetric, DriftedColumnsCount). */
export const DEFAULT_DRIFT_SHARE = 0.5;

export const NO_DRIFT_METRIC = 'no drift metric (DatasetDriftMetric, DataDriftTable, DriftedColumnsCount, ...)';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `evidently:metric:DataDriftTable`, `evidently.metrics.data_drift.data_drift_table.DataDriftTable` → `DataDriftTable`. */
export function typeName(type: unknown): string | undefined {
  const text = nonEmpty(type);
  if (text === undefined) return undefined;
  return text.split(/[:.]/).pop() || undefined;
}

/** True for a `.json` file whose top level is an object; only then may a detector look inside. */
export function jsonObjectOf(input: ArtefactInput): Json | undefined {
  if (!/\.json$/i.test(input.path)) return undefined;
  const value = input.structured().value;
  // A native modelgate file names its apiVersion; Evidently never writes one.
  if (!isObject(value) || typeof value.apiVersion === 'string') return undefined;
  return value;
}

/** Reads numbers, booleans and strings at a pointer, refusing anything else with the line it stands on. */
export class Reader {
  constructor(readonly doc: ParsedDocument) {}

  locate(pointer: JsonPointer, last?: string | number): SourceLocation {
    return this.doc.locate(pointer, last);
  }

  fail(message: string, pointer: JsonPointer): never {
    throw artefactError(message, this.doc.locate(pointer));
  }

  /** A finite number; absent (or null, which Evidently writes for an unset optional) gives undefined. */
  optionalNumber(value: unknown, pointer: JsonPointer, what: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.fail(`${what} is ${JSON.stringify(value)}, which is not a finite number`, pointer);
  }

  number(value: unknown, pointer: JsonPointer, what: string): number {
    if (value === null) this.fail(`${what} is null, which is not a finite number`, pointer);
    const number = this.optionalNumber(value, pointer, what);
    if (number === undefined) this.fail(`${what} is missing`, pointer);
    return number;
  }

  /** A share of columns, 0..1. */
  share(value: unknown, pointer: JsonPointer, what: string): number {
    const share = this.number(value, pointer, what);
    if (share < 0 || share > 1) this.fail(`${what} is ${share}, which is not a share between 0 and 1`, pointer);
    return share;
  }

  /** The top-level object of a file: an adapter can be chosen by `--format` without detection, so it checks again. */
  topLevel(what: string, required?: string): Json {
    const value = this.doc.value;
    if (!isObject(value)) this.fail(`not ${what}: expected a JSON object at the top level`, []);
    if (required !== undefined && !isObject(value[required])) this.fail(`not ${what}: it has no "${required}" object`, []);
    return value;
  }

  boolean(value: unknown, pointer: JsonPointer, what: string): boolean {
    if (typeof value === 'boolean') return value;
    this.fail(`${what} is ${value === undefined ? 'missing' : `${JSON.stringify(value)}, not true or false`}`, pointer);
  }

  /**
   * `owner[key]` as an optional finite number, for the fields of every column, whose entry is
   * at `at` (then `last`, when given): the pointer and the message ("<key> of column "<name>"")
   * are only built when the value is refused.
   */
  columnNumber(owner: Json, key: string, column: string, at: JsonPointer, last?: string | number): number | undefined {
    const value = owner[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value === undefined || value === null) return undefined;
    return this.optionalNumber(value, [...joined(at, last), key], `${key} of column "${column}"`);
  }

  /** `owner[key]` as a boolean, built like columnNumber. */
  columnBoolean(owner: Json, key: string, column: string, at: JsonPointer, last?: string | number): boolean {
    const value = owner[key];
    if (typeof value === 'boolean') return value;
    return this.boolean(value, [...joined(at, last), key], `${key} of column "${column}"`);
  }
}

/** `pointer`, then `last` when given. */
export function joined(pointer: JsonPointer, last: string | number | undefined): JsonPointer {
  return last === undefined ? pointer : [...pointer, last];
}

export interface FeatureInput {
  name: string;
  test?: string | undefined;
  score?: number | undefined;
  threshold?: number | undefined;
  drifted: boolean;
  /** Where the column's entry stands: `pointer`, then `last` when given (the columns of one table share its pointer). */
  pointer: JsonPointer;
  last?: string | number | undefined;
  /** The metric or test that reported the column. */
  source: string;
  /** Kept as the feature's `extra` (taken over, not copied): `source` first, see featureExtra. */
  extra: Json;
}

interface Stated<T> {
  value: T;
  location: SourceLocation;
  source: string;
  /** Statements of a higher rank hide lower ones: the dataset-level metric over a table's own verdict, a team's test over both. */
  rank: number;
}

/** Ranks of dataset-level statements, lowest first. */
export const RANK = { table: 1, datasetMetric: 2, numberTest: 3, shareTest: 4 } as const;

interface Feature {
  name: string;
  test?: string;
  score?: number;
  threshold?: number;
  drifted: boolean;
  location: SourceLocation;
  extra: Json;
}

/**
 * Collects what one Evidently file says about drift and turns it into normalized drift
 * evidence: stated values win; unstated ones are derived the way Evidently derives them.
 */
export class DriftCollector {
  private readonly features = new Map<string, Feature>();
  private featuresLocation: SourceLocation | undefined;
  private readonly datasetDrift: Stated<boolean>[] = [];
  private readonly shares: Stated<number>[] = [];
  private driftShare: Stated<number> | undefined;
  readonly extra: Json = {};
  readonly driftMetrics: Json[] = [];
  readonly otherMetrics: unknown[] = [];
  readonly otherTests: unknown[] = [];
  private readonly windows: { reference?: Json; current?: Json } = {};
  private readonly windowLocations: { reference?: SourceLocation; current?: SourceLocation } = {};

  constructor(readonly reader: Reader) {}

  /** Where the per-column results are, for `fieldLocations.features` (the first list seen). */
  featuresAt(pointer: JsonPointer): void {
    this.featuresLocation ??= this.reader.locate(pointer);
  }

  /**
   * One column's result. A column reported twice (e.g. by DataDriftTable and by a
   * ColumnDriftMetric) stays one feature, the first report's, and counts as drifted if
   * any report says so: a gate must not miss a drift one of two metrics found.
   */
  addFeature(input: FeatureInput): void {
    const existing = this.features.get(input.name);
    if (existing) {
      existing.drifted ||= input.drifted;
      const also = Array.isArray(existing.extra.also_reported_by) ? existing.extra.also_reported_by : [];
      existing.extra.also_reported_by = [...also, input.source];
      return;
    }
    if (this.featuresLocation === undefined) this.featuresAt(input.last === undefined ? input.pointer.slice(0, -1) : input.pointer);
    // Fields in the order of the drift schema, as the evidence is shown.
    const feature = { name: input.name } as Feature;
    if (input.test !== undefined) feature.test = input.test;
    if (input.score !== undefined) feature.score = input.score;
    if (input.threshold !== undefined) feature.threshold = input.threshold;
    feature.drifted = input.drifted;
    feature.location = this.reader.locate(input.pointer, input.last);
    feature.extra = input.extra;
    this.features.set(input.name, feature);
  }

  stateDatasetDrift(value: boolean, pointer: JsonPointer, source: string, rank: number): void {
    this.datasetDrift.push({ value, location: this.reader.locate(pointer), source, rank });
  }

  stateShare(value: number, pointer: JsonPointer, source: string, rank: number): void {
    this.shares.push({ value, location: this.reader.locate(pointer), source, rank });
  }

  /** The share of drifted columns at which the tool calls the dataset drifted; the first stated wins. */
  stateDriftShare(value: number, pointer: JsonPointer, source: string): void {
    this.driftShare ??= { value, location: this.reader.locate(pointer), source, rank: 0 };
  }

  /** Reference and current windows: Evidently has no fields for them, so they come from run metadata and the timestamp. */
  readWindows(metadata: unknown, metadataPointer: JsonPointer, timestamp: unknown, timestampPointer: JsonPointer): void {
    for (const side of ['reference', 'current'] as const) {
      const window: Json = {};
      let at: JsonPointer | undefined;
      if (isObject(metadata)) {
        const nested = metadata[side];
        for (const bound of ['start', 'end'] as const) {
          const fromNested = isObject(nested) ? nonEmpty(nested[bound]) : undefined;
          const flat = nonEmpty(metadata[`${side}_${bound}`]);
          if (fromNested !== undefined) {
            window[bound] = fromNested;
            at ??= [...metadataPointer, side];
          } else if (flat !== undefined) {
            window[bound] = flat;
            at ??= [...metadataPointer, `${side}_${bound}`];
          }
        }
      }
      // Evidently's timestamp is the time the current data refers to (the run time when not set): the current window ends there.
      const stamp = nonEmpty(timestamp);
      if (side === 'current' && window.end === undefined && stamp !== undefined) {
        window.end = stamp;
        at ??= timestampPointer;
      }
      if (at !== undefined) {
        this.windows[side] = window;
        this.windowLocations[side] = this.reader.locate(at);
      }
    }
  }

  hasDriftEvidence(): boolean {
    return this.features.size > 0 || this.shares.length > 0 || this.datasetDrift.length > 0;
  }

  /** Normalized drift evidence; `missing` says what the file lacks when it holds no drift result at all. */
  finish(missing: { what: string; pointer: JsonPointer; found: string[] }): AdaptedEvidence {
    if (!this.hasDriftEvidence()) {
      const found = missing.found.length > 0 ? `; it has: ${[...new Set(missing.found)].join(', ')}` : '';
      this.reader.fail(`${NO_DRIFT_METRIC} in this ${missing.what}${found}`, missing.pointer);
    }
    const features = [...this.features.values()];
    const fieldLocations: Record<string, SourceLocation> = {};

    // Several statements of one rank (e.g. metrics over different column sets) read as one, as mergeEvidence merges files.
    const shares = topRanked(this.shares);
    const statedDrift = topRanked(this.datasetDrift);
    let share: Stated<number>;
    if (shares.length > 0) {
      share = shares.reduce((max, next) => (next.value > max.value ? next : max));
    } else if (features.length > 0) {
      const drifted = features.filter((feature) => feature.drifted).length;
      share = { value: drifted / features.length, location: this.featuresLocation!, source: 'derived from the columns', rank: 0 };
    } else {
      const stated = statedDrift[0]!;
      throw artefactError(`${stated.source} states dataset drift but neither the share of drifted columns nor any column's result`, stated.location);
    }
    fieldLocations.share_drifted = share.location;

    let datasetDrift: boolean;
    if (statedDrift.length > 0) {
      datasetDrift = statedDrift.some((stated) => stated.value);
      const deciding = statedDrift.find((stated) => stated.value === datasetDrift)!;
      fieldLocations.dataset_drift = deciding.location;
      this.extra.dataset_drift_from = deciding.source;
    } else {
      // Not stated by this generation: decided as Evidently's DatasetDriftMetric decides (share >= drift_share).
      const threshold = this.driftShare?.value ?? DEFAULT_DRIFT_SHARE;
      datasetDrift = share.value >= threshold;
      fieldLocations.dataset_drift = this.driftShare?.location ?? share.location;
      this.extra.dataset_drift_from = `derived: share of drifted columns >= drift_share (${threshold}${this.driftShare ? `, from ${this.driftShare.source}` : ', Evidently default'})`;
    }
    if (this.featuresLocation) fieldLocations.features = this.featuresLocation;

    const extra: Json = { ...this.extra };
    if (this.driftMetrics.length > 0) extra.drift_metrics = this.driftMetrics;
    if (this.otherMetrics.length > 0) extra.other_metrics = this.otherMetrics;
    if (this.otherTests.length > 0) extra.other_tests = this.otherTests;

    const data: Json = { dataset_drift: datasetDrift, share_drifted: share.value, features };
    for (const side of ['reference', 'current'] as const) {
      if (this.windows[side]) {
        data[side] = this.windows[side];
        fieldLocations[side] = this.windowLocations[side]!;
      }
    }
    data.extra = extra;
    const locate = (path: readonly (string | number)[]): SourceLocation => {
      const [field, index] = path;
      if (field === 'features' && typeof index === 'number') return features[index]?.location ?? fieldLocations.features ?? { path: this.reader.doc.path };
      return (typeof field === 'string' ? fieldLocations[field] : undefined) ?? { path: this.reader.doc.path };
    };
    return { data, fieldLocations, locate };
  }
}

function topRanked<T>(statements: readonly Stated<T>[]): Stated<T>[] {
  const top = Math.max(...statements.map((statement) => statement.rank));
  return statements.filter((statement) => statement.rank === top);
}

/** Fields of a per-column result that are plot data (histograms, scatter, correlations), not findings: not carried. */
const PLOT_FIELDS = new Set([
  'current',
  'reference',
  'scatter',
  'current_distribution',
  'reference_distribution',
  'current_small_distribution',
  'reference_small_distribution',
  'current_correlations',
  'reference_correlations',
  'current_scatter',
  'x_name',
  'plot_shape',
]);

/**
 * The fields of an entry that no normalized field took, minus plot data and the `type`
 * tag pydantic writes to tell classes apart (the metric's name is kept instead).
 */
export function unmapped(entry: Json, mapped: readonly string[], into: Json = {}): Json {
  for (const key in entry) {
    if (!mapped.includes(key) && !PLOT_FIELDS.has(key) && key !== 'type' && Object.hasOwn(entry, key)) into[key] = entry[key];
  }
  return into;
}

/** A column's `extra`: the metric or test that reported it, then its fields no normalized field took. */
export function featureExtra(source: string, entry: Json, mapped: readonly string[]): Json {
  return unmapped(entry, mapped, { source });
}

/**
 * How a statistical test decides drift, from its Evidently name or display name: p-value
 * tests drift below the threshold, distances at or above it (each as in Evidently's stattests).
 * Only needed where a generation states a score but not whether it drifted.
 */
// No prototype: a test named `constructor` or `toString` must find nothing.
const STATTEST_RULES: Record<string, (score: number, threshold: number) => boolean> = Object.create(null) as Record<string, (score: number, threshold: number) => boolean>;
const pValueBelow = (score: number, threshold: number): boolean => score < threshold;
const distanceAtLeast = (score: number, threshold: number): boolean => score >= threshold;
for (const name of ['chisquare', 'chi-square p_value', 'z', 'z-test p_value', 'anderson', 'anderson-darling', 'tvd', 'total-variation-distance', 'mannw', 'mann-whitney u-rank test', 'fisher_exact', "fisher's exact test", 'empirical_mmd', 'cramer_von_mises', 'epps_singleton', 'g_test', 't_test']) {
  STATTEST_RULES[name] = pValueBelow;
}
for (const name of ['wasserstein', 'wasserstein distance (normed)', 'psi', 'jensenshannon', 'jensen-shannon distance', 'kl_div', 'kullback-leibler divergence', 'hellinger', 'hellinger distance']) {
  STATTEST_RULES[name] = distanceAtLeast;
}
STATTEST_RULES.ks = STATTEST_RULES['k-s p_value'] = (score, threshold) => score <= threshold;
STATTEST_RULES.ed = STATTEST_RULES['energy-distance'] = (score, threshold) => score > threshold;

export function driftRuleOf(test: string): ((score: number, threshold: number) => boolean) | undefined {
  const key = test.trim().toLowerCase();
  return STATTEST_RULES[key] ?? (/p[_-]value/.test(key) ? pValueBelow : undefined);
}

/** A test status that says its condition failed: FAIL, or WARNING for a non-critical test. */
export function statusFailed(status: unknown): boolean | undefined {
  if (status === 'FAIL' || status === 'WARNING') return true;
  if (status === 'SUCCESS') return false;
  return undefined;
}
