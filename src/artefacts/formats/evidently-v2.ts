import type { JsonPointer } from '../../document/parse.js';
import {
  DriftCollector,
  RANK,
  Reader,
  driftRuleOf,
  isObject,
  jsonObjectOf,
  nonEmpty,
  statusFailed,
  typeName,
  type Json,
} from './evidently-common.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * Evidently's current API (`evidently.future` in 0.6, the default `Report` in 0.7): metrics
 * such as `DriftedColumnsCount` and `ValueDrift(column=...)` hold one value each. Two files
 * come out of it: the run's `dict()`/`json()`/`save_json()` and the snapshot dump that
 * `dumps()`/`dump_dict()` and the workspace write.
 */

/** One metric of either file, reduced to what drift needs. */
interface MetricItem {
  id: string | undefined;
  /** `DriftedColumnsCount`, `ValueDrift`, ... */
  type: string | undefined;
  /** The metric's parameters (`column`, `method`, `threshold`, `drift_share`, ...). */
  params: Json;
  /** Where the metric stands and where each value stands. */
  pointer: JsonPointer;
  single: { value: unknown; pointer: JsonPointer };
  count: { value: unknown; pointer: JsonPointer };
  share: { value: unknown; pointer: JsonPointer };
  tests: { test: Json; pointer: JsonPointer }[];
  /** What the other-metrics list keeps of it. */
  kept: Json;
}

/** A parameter value written in a metric label: numbers read as numbers. */
function labelValue(text: string): unknown {
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  return text.length <= 64 && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
}

/**
 * `ValueDrift(column=age,method=Wasserstein distance (normed),threshold=0.1)` → type and
 * parameters. 0.6 writes only this label (`metric_id`); 0.7 adds a `config` object.
 */
export function parseMetricLabel(label: string): { type: string; params: Json } | undefined {
  const match = /^([A-Za-z_][\w]*)\((.*)\)$/s.exec(label.trim());
  if (!match) return undefined;
  const params: Json = {};
  // Values may hold commas and parentheses ("Wasserstein distance (normed)"): split only before the next `name=`.
  for (const part of match[2]!.split(/,(?=[A-Za-z_]\w*=)/)) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq)] = labelValue(part.slice(eq + 1));
  }
  return { type: match[1]!, params };
}

function paramsOf(config: unknown): Json {
  if (!isObject(config)) return {};
  const { type: _type, ...params } = config;
  return params;
}

function readRunMetrics(reader: Reader, run: Json): { items: MetricItem[]; looseTests: { test: Json; pointer: JsonPointer }[] } {
  if (!Array.isArray(run.metrics)) reader.fail('"metrics" must be a list', ['metrics']);
  const items = run.metrics.map((metric: unknown, index): MetricItem => {
    const pointer = ['metrics', index];
    if (!isObject(metric)) reader.fail('a metric must be an object', pointer);
    const label = nonEmpty(metric.metric_name) ?? nonEmpty(metric.metric_id);
    const parsed = label !== undefined ? parseMetricLabel(label) : undefined;
    const config = isObject(metric.config) ? metric.config : undefined;
    const value = metric.value;
    return {
      id: nonEmpty(metric.id),
      type: typeName(config?.type) ?? parsed?.type,
      params: { ...parsed?.params, ...paramsOf(config) },
      pointer,
      single: { value, pointer: [...pointer, 'value'] },
      count: { value: isObject(value) ? value.count : undefined, pointer: [...pointer, 'value', 'count'] },
      share: { value: isObject(value) ? value.share : undefined, pointer: [...pointer, 'value', 'share'] },
      tests: [],
      kept: metric,
    };
  });
  const looseTests = (Array.isArray(run.tests) ? run.tests : []).flatMap((test: unknown, index) =>
    isObject(test) ? [{ test, pointer: ['tests', index] as JsonPointer }] : [],
  );
  // A test names its metric by the metric's `id` in `metric_config.metric_id`.
  const byId = new Map(items.filter((item) => item.id !== undefined).map((item) => [item.id!, item]));
  const unattached: { test: Json; pointer: JsonPointer }[] = [];
  for (const entry of looseTests) {
    const metricId = isObject(entry.test.metric_config) ? nonEmpty(entry.test.metric_config.metric_id) : undefined;
    const owner = metricId !== undefined ? byId.get(metricId) : undefined;
    if (owner) owner.tests.push(entry);
    else unattached.push(entry);
  }
  return { items, looseTests: unattached };
}

function readSnapshotMetrics(reader: Reader, snapshot: Json): MetricItem[] {
  if (!isObject(snapshot.metric_results)) reader.fail('"metric_results" must be an object of results by metric id', ['metric_results']);
  return Object.entries(snapshot.metric_results).map(([key, result]): MetricItem => {
    const pointer = ['metric_results', key];
    if (!isObject(result)) reader.fail('a metric result must be an object', pointer);
    const location = isObject(result.metric_value_location) ? result.metric_value_location : {};
    const metric = isObject(location.metric) ? location.metric : {};
    const config = isObject(metric.params) ? metric.params : {};
    const count = isObject(result.count) ? result.count : {};
    const share = isObject(result.share) ? result.share : {};
    const tests = Array.isArray(result.tests) ? result.tests : [];
    const type = typeName(config.type);
    const params = paramsOf(config);
    return {
      id: nonEmpty(metric.metric_id) ?? key,
      type,
      params,
      pointer,
      single: { value: result.value, pointer: [...pointer, 'value'] },
      count: { value: count.value, pointer: [...pointer, 'count', 'value'] },
      share: { value: share.value, pointer: [...pointer, 'share', 'value'] },
      tests: tests.flatMap((test: unknown, index) => (isObject(test) ? [{ test, pointer: [...pointer, 'tests', index] as JsonPointer }] : [])),
      // Snapshot results embed rendering widgets: other metrics keep their id, type, parameters and value only.
      kept: {
        id: key,
        metric: type ?? nonEmpty(result.display_name) ?? key,
        config: params,
        ...(result.value !== undefined ? { value: result.value } : {}),
        ...(count.value !== undefined ? { count: count.value } : {}),
        ...(share.value !== undefined ? { share: share.value } : {}),
      },
    };
  });
}

function testSummary(test: Json): Json {
  const summary: Json = {};
  for (const key of ['id', 'name', 'description', 'status']) if (test[key] !== undefined) summary[key] = test[key];
  if (isObject(test.metric_config) && test.metric_config.metric_id !== undefined) summary.metric_id = test.metric_config.metric_id;
  return summary;
}

/** The drift test Evidently adds to a ValueDrift when a report runs with `include_tests=True`. */
function isValueDriftTest(test: Json): boolean {
  return test.id === 'drift' || (typeof test.name === 'string' && /^value drift for column /i.test(test.name));
}

function readDriftedColumnsCount(collector: DriftCollector, item: MetricItem): void {
  const reader: Reader = collector.reader;
  const share = reader.share(item.share.value, item.share.pointer, 'the share of DriftedColumnsCount');
  const count = reader.optionalNumber(item.count.value, item.count.pointer, 'the count of DriftedColumnsCount');
  collector.stateShare(share, item.share.pointer, 'DriftedColumnsCount.share', RANK.datasetMetric);
  const driftShare = item.params.drift_share;
  if (driftShare !== undefined) collector.stateDriftShare(reader.share(driftShare, item.pointer, 'drift_share of DriftedColumnsCount'), item.pointer, 'DriftedColumnsCount drift_share');
  collector.driftMetrics.push({
    metric: 'DriftedColumnsCount',
    ...(item.id !== undefined ? { id: item.id } : {}),
    ...(count !== undefined ? { count } : {}),
    share,
    config: item.params,
  });
  for (const { test } of item.tests) collector.otherTests.push(testSummary(test));
}

/**
 * A ValueDrift holds only the column's score. Whether it drifted is the verdict of its
 * drift test when the report ran with tests, else the score against the threshold in the
 * direction of the method (p-values below, distances at or above), as Evidently decides.
 */
function readValueDrift(collector: DriftCollector, item: MetricItem): void {
  const reader: Reader = collector.reader;
  const name = nonEmpty(item.params.column);
  if (name === undefined) reader.fail('ValueDrift names no column', item.pointer);
  const score = reader.number(item.single.value, item.single.pointer, `the drift score of column "${name}"`);
  const method = nonEmpty(item.params.method);
  const threshold = reader.optionalNumber(item.params.threshold, item.pointer, `threshold of ValueDrift for column "${name}"`);
  const extra: Json = { source: 'ValueDrift' };
  if (item.id !== undefined) extra.metric_id = item.id;

  let drifted: boolean | undefined;
  const driftTest = item.tests.find(({ test }) => isValueDriftTest(test));
  if (driftTest) {
    if (driftTest.test.status === 'ERROR') reader.fail(`the drift test of column "${name}" ended in ERROR when Evidently ran it`, [...driftTest.pointer, 'status']);
    drifted = statusFailed(driftTest.test.status);
    extra.decided_by = `test status ${String(driftTest.test.status)}`;
  }
  const rule = method !== undefined ? driftRuleOf(method) : undefined;
  if (drifted === undefined && rule !== undefined && threshold !== undefined) {
    drifted = rule(score, threshold);
    extra.decided_by = `score against threshold (${method})`;
  }
  if (drifted === undefined) {
    const why = method === undefined || threshold === undefined ? 'states no method and threshold' : `uses "${method}", whose drift direction modelgate does not know`;
    reader.fail(`ValueDrift for column "${name}" ${why} and has no drift test result: run the Report with include_tests=True, or set method and threshold`, item.pointer);
  }
  for (const { test } of item.tests) if (test !== driftTest?.test) collector.otherTests.push(testSummary(test));
  collector.addFeature({ name, test: method, score, threshold, drifted, pointer: item.pointer, source: 'ValueDrift', extra });
}

function readItems(collector: DriftCollector, items: readonly MetricItem[], listAt: JsonPointer): string[] {
  const found: string[] = [];
  collector.featuresAt(listAt);
  for (const item of items) {
    if (item.type !== undefined) found.push(item.type);
    if (item.type === 'DriftedColumnsCount') readDriftedColumnsCount(collector, item);
    else if (item.type === 'ValueDrift') readValueDrift(collector, item);
    else {
      collector.otherMetrics.push(item.kept);
      for (const { test } of item.tests) collector.otherTests.push(testSummary(test));
    }
  }
  return found;
}

function adaptRun(input: ArtefactInput): AdaptedEvidence {
  const reader: Reader = new Reader(input.structured());
  const collector = new DriftCollector(reader);
  const { items, looseTests } = readRunMetrics(reader, reader.topLevel('an Evidently report'));
  const found = readItems(collector, items, ['metrics']);
  for (const { test } of looseTests) collector.otherTests.push(testSummary(test));
  return collector.finish({ what: 'Evidently report', pointer: ['metrics'], found });
}

function adaptSnapshot(input: ArtefactInput): AdaptedEvidence {
  const reader: Reader = new Reader(input.structured());
  const snapshot = reader.topLevel('an Evidently snapshot', 'metric_results');
  const collector = new DriftCollector(reader);
  const found = readItems(collector, readSnapshotMetrics(reader, snapshot), ['metric_results']);
  for (const key of ['name', 'timestamp', 'metadata', 'tags']) if (snapshot[key] !== undefined && snapshot[key] !== null) collector.extra[key] = snapshot[key];
  collector.readWindows(snapshot.metadata, ['metadata'], snapshot.timestamp, ['timestamp']);
  return collector.finish({ what: 'Evidently snapshot', pointer: ['metric_results'], found });
}

/** A 0.6/0.7 `{id, metric_id | metric_name | config, value}` entry. */
function isRunMetricEntry(entry: unknown): boolean {
  return isObject(entry) && 'value' in entry && (typeof entry.metric_id === 'string' || typeof entry.metric_name === 'string' || isObject(entry.config));
}

export const EVIDENTLY_REPORT_FORMAT: FormatAdapter = {
  id: 'evidently-report',
  kind: 'drift',
  description:
    'Evidently Report run JSON of the current API: 0.6 (`evidently.future`, metrics[].id/metric_id/value) and 0.7 (metrics[].id/metric_name/config/value) from `Snapshot.dict()`/`json()`/`save_json()`, with tests[] (DriftedColumnsCount, ValueDrift, ...)',
  detect: (input) => {
    const value = jsonObjectOf(input);
    if (!value || !Array.isArray(value.metrics)) return false;
    return value.metrics.some(isRunMetricEntry) || (value.metrics.length === 0 && Array.isArray(value.tests));
  },
  adapt: adaptRun,
};

export const EVIDENTLY_SNAPSHOT_FORMAT: FormatAdapter = {
  id: 'evidently-snapshot',
  kind: 'drift',
  description:
    'Evidently Snapshot dump of the current API, 0.6–0.7: `Snapshot.dumps()`/`dump_dict()` and workspace runs (metric_results by metric id, top_level_metrics, timestamp, metadata, tags)',
  detect: (input) => {
    const value = jsonObjectOf(input);
    return !!value && isObject(value.metric_results) && Array.isArray(value.top_level_metrics);
  },
  adapt: adaptSnapshot,
};
