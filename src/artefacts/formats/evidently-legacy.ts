import type { JsonPointer } from '../../document/parse.js';
import {
  DriftCollector,
  RANK,
  Reader,
  featureExtra,
  isObject,
  joined,
  jsonObjectOf,
  nonEmpty,
  statusFailed,
  typeName,
  unmapped,
  type Json,
} from './evidently-common.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * Evidently's legacy API: `Report` and `TestSuite` of 0.2–0.4 (module `evidently`), kept
 * as `evidently.legacy` in 0.5–0.7. Three files come out of it: the report JSON
 * (`json()`/`as_dict()`/`save_json()`), the test suite JSON, and the snapshot that
 * `save()` and the 0.4 workspace write.
 */

const COLUMN_FIELDS = ['column_name', 'stattest_name', 'stattest_threshold', 'threshold', 'drift_score', 'drift_detected'];

/**
 * One column's drift result: a DataDriftTable `drift_by_columns` entry (at `at`, then its
 * `key`, so the table's columns share its pointer) or a ColumnDriftMetric result (at `at`).
 */
function readColumn(collector: DriftCollector, entry: unknown, at: JsonPointer, source: string, key?: string): void {
  const reader: Reader = collector.reader;
  if (!isObject(entry)) reader.fail(`a ${source} column result must be an object`, joined(at, key));
  const name = nonEmpty(entry.column_name) ?? key;
  if (name === undefined) reader.fail(`a ${source} column result has no column_name`, joined(at, key));
  // 0.2 wrote `threshold`; 0.3 and later `stattest_threshold`.
  const thresholdKey = entry.stattest_threshold !== undefined ? 'stattest_threshold' : 'threshold';
  collector.addFeature({
    name,
    test: nonEmpty(entry.stattest_name),
    score: reader.columnNumber(entry, 'drift_score', name, at, key),
    threshold: reader.columnNumber(entry, thresholdKey, name, at, key),
    drifted: reader.columnBoolean(entry, 'drift_detected', name, at, key),
    pointer: at,
    last: key,
    source,
    extra: featureExtra(source, entry, COLUMN_FIELDS),
  });
}

const DATASET_METRICS = new Set(['DatasetDriftMetric']);
const TABLE_METRICS = new Set(['DataDriftTable', 'TextDescriptorsDriftMetric']);
const COLUMN_METRICS = new Set(['ColumnDriftMetric']);
const EMBEDDING_METRICS = new Set(['EmbeddingsDriftMetric']);

/** Result types of the snapshot, for a metric whose own config lost its type. */
// No prototype: a name such as `toString` from the report must find nothing.
const METRIC_OF_RESULT: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  DatasetDriftMetricResults: 'DatasetDriftMetric',
  DataDriftTableResults: 'DataDriftTable',
  ColumnDataDriftMetrics: 'ColumnDriftMetric',
  ColumnDriftMetricResults: 'ColumnDriftMetric',
  EmbeddingsDriftMetricResults: 'EmbeddingsDriftMetric',
  TextDescriptorsDriftMetricResults: 'TextDescriptorsDriftMetric',
});

export function isLegacyDriftMetric(name: string): boolean {
  return DATASET_METRICS.has(name) || TABLE_METRICS.has(name) || COLUMN_METRICS.has(name) || EMBEDDING_METRICS.has(name);
}

/**
 * One legacy metric result. Returns false for a metric that says nothing about drift.
 * `config` is the metric's own parameters where the file keeps them (snapshots).
 */
function readLegacyMetric(collector: DriftCollector, name: string, result: unknown, pointer: JsonPointer, config?: Json): boolean {
  if (!isLegacyDriftMetric(name)) return false;
  const reader: Reader = collector.reader;
  if (!isObject(result)) reader.fail(`the result of ${name} must be an object`, pointer);
  if (typeName(result.type) === 'ErrorResult') reader.fail(`${name} ended in an error when Evidently ran it: no drift result`, pointer);

  if (COLUMN_METRICS.has(name)) {
    readColumn(collector, result, pointer, name);
    return true;
  }
  if (EMBEDDING_METRICS.has(name)) {
    const embeddings = nonEmpty(result.embeddings_name) ?? 'embeddings';
    collector.addFeature({
      name: embeddings,
      test: nonEmpty(result.method_name),
      score: reader.optionalNumber(result.drift_score, [...pointer, 'drift_score'], `drift_score of embeddings "${embeddings}"`),
      drifted: reader.boolean(result.drift_detected, [...pointer, 'drift_detected'], `drift_detected of embeddings "${embeddings}"`),
      pointer,
      source: name,
      extra: featureExtra(name, result, ['embeddings_name', 'method_name', 'drift_score', 'drift_detected']),
    });
    return true;
  }

  const rank = DATASET_METRICS.has(name) ? RANK.datasetMetric : RANK.table;
  collector.stateDatasetDrift(reader.boolean(result.dataset_drift, [...pointer, 'dataset_drift'], `dataset_drift of ${name}`), [...pointer, 'dataset_drift'], `${name}.dataset_drift`, rank);
  const share = reader.share(result.share_of_drifted_columns, [...pointer, 'share_of_drifted_columns'], `share_of_drifted_columns of ${name}`);
  collector.stateShare(share, [...pointer, 'share_of_drifted_columns'], `${name}.share_of_drifted_columns`, rank);
  for (const count of ['number_of_columns', 'number_of_drifted_columns']) {
    reader.optionalNumber(result[count], [...pointer, count], `${count} of ${name}`);
  }
  // 0.2 named DatasetDriftMetric's threshold `threshold`; 0.3 and later `drift_share`.
  const driftShareKey = result.drift_share !== undefined ? 'drift_share' : result.threshold !== undefined ? 'threshold' : undefined;
  if (driftShareKey !== undefined) {
    const driftShare = reader.share(result[driftShareKey], [...pointer, driftShareKey], `${driftShareKey} of ${name}`);
    collector.stateDriftShare(driftShare, [...pointer, driftShareKey], `${name}.${driftShareKey}`);
  }
  const summary: Json = { metric: name, ...unmapped(result, ['drift_by_columns']) };
  if (config !== undefined) summary.config = config;
  collector.driftMetrics.push(summary);

  const columns = result.drift_by_columns;
  if (columns !== undefined) {
    if (!isObject(columns)) reader.fail(`drift_by_columns of ${name} must be an object of columns`, [...pointer, 'drift_by_columns']);
    const columnsAt = [...pointer, 'drift_by_columns'];
    collector.featuresAt(columnsAt);
    for (const key of Object.keys(columns)) readColumn(collector, columns[key], columnsAt, name, key);
  }
  return true;
}

type TestKind = 'share' | 'number' | 'column';

/** Legacy drift tests by class (snapshots) or by the display name the JSON keeps (0.1 names included). */
// No prototype: a name such as `toString` from the report must find nothing.
const TEST_KINDS: Record<string, TestKind> = Object.assign(Object.create(null) as Record<string, TestKind>, {
  TestShareOfDriftedColumns: 'share',
  TestShareOfDriftedFeatures: 'share',
  'Share of Drifted Columns': 'share',
  'Share of Drifted Features': 'share',
  TestNumberOfDriftedColumns: 'number',
  TestNumberOfDriftedFeatures: 'number',
  'Number of Drifted Features': 'number',
  'Number of Drifted Columns': 'number',
  TestColumnDrift: 'column',
  TestFeatureValueDrift: 'column',
  'Drift per Column': 'column',
  'Drift per Feature': 'column',
});

/** A column's drift flag in test parameters: `detected` (0.2+) or `data_drift` (0.1: a boolean or "Detected"/"Not Detected"). */
function detectedOf(reader: Reader, parameters: Json, pointer: JsonPointer, column: string): boolean | undefined {
  const key = parameters.detected !== undefined ? 'detected' : parameters.data_drift !== undefined ? 'data_drift' : undefined;
  if (key === undefined) return undefined;
  const value = parameters[key];
  if (value === 'Detected') return true;
  if (value === 'Not Detected') return false;
  return reader.columnBoolean(parameters, key, column, pointer);
}

/** A column of a drift test; `at` is where its fields are, `pointer` where the column's entry (or its test) stands. */
function readTestColumn(collector: DriftCollector, name: string, parameters: Json, pointer: JsonPointer, at: JsonPointer, source: string, fallbackDrifted?: boolean): void {
  const reader: Reader = collector.reader;
  const drifted = detectedOf(reader, parameters, at, name) ?? fallbackDrifted;
  if (drifted === undefined) reader.fail(`the drift test result of column "${name}" says neither "detected" nor a status`, pointer);
  collector.addFeature({
    name,
    test: nonEmpty(parameters.stattest),
    score: reader.columnNumber(parameters, 'score', name, at),
    threshold: reader.columnNumber(parameters, 'threshold', name, at),
    drifted,
    pointer,
    source,
    extra: featureExtra(source, parameters, ['column_name', 'stattest', 'score', 'threshold', 'detected', 'data_drift', 'type']),
  });
}

/**
 * One legacy test result `{name, description, status, group, parameters}`. Column tests
 * become features; the share (or number) test's verdict is the dataset's drift, as the
 * team's own gate decided it. Returns false for a test that is not about drift.
 */
function readLegacyTest(collector: DriftCollector, test: unknown, pointer: JsonPointer, className?: string): boolean {
  const reader: Reader = collector.reader;
  if (!isObject(test)) return false;
  const title = nonEmpty(test.name) ?? className ?? 'test';
  const kind = (className !== undefined ? TEST_KINDS[className] : undefined) ?? TEST_KINDS[title];
  if (kind === undefined) return false;
  const status = test.status;
  const description = typeof test.description === 'string' ? test.description : undefined;
  if (status === 'ERROR') {
    reader.fail(`drift test "${title}" ended in ERROR when Evidently ran it${description ? `: ${description}` : ''}`, [...pointer, 'status']);
  }
  const failed = statusFailed(status);
  const parameters = isObject(test.parameters) ? test.parameters : {};
  const parametersAt = [...pointer, 'parameters'];
  const summary: Json = { test: title, status };
  if (description !== undefined) summary.description = description;
  if (parameters.condition !== undefined) summary.condition = parameters.condition;
  const tests = Array.isArray(collector.extra.drift_tests) ? collector.extra.drift_tests : [];
  collector.extra.drift_tests = [...tests, summary];
  // A skipped test computed nothing: it is listed, and says nothing about drift.
  if (status === 'SKIPPED') return true;

  if (kind === 'column') {
    // 0.1 kept the one column under `features`; later versions flatten it with its name.
    const nested = isObject(parameters.features) ? Object.entries(parameters.features) : [];
    if (nested.length > 0) {
      for (const [name, entry] of nested) {
        if (!isObject(entry)) reader.fail(`the drift test result of column "${name}" must be an object`, [...parametersAt, 'features', name]);
        readTestColumn(collector, name, entry, [...parametersAt, 'features', name], [...parametersAt, 'features', name], title, failed);
      }
      return true;
    }
    const name = nonEmpty(parameters.column_name) ?? description?.match(/\*\*(.+?)\*\*/)?.[1];
    if (name === undefined) reader.fail(`drift test "${title}" names no column`, pointer);
    readTestColumn(collector, name, parameters, pointer, parametersAt, title, failed);
    return true;
  }

  if (isObject(parameters.features)) {
    collector.featuresAt([...parametersAt, 'features']);
    for (const [name, entry] of Object.entries(parameters.features)) {
      if (!isObject(entry)) reader.fail(`the drift test result of column "${name}" must be an object`, [...parametersAt, 'features', name]);
      readTestColumn(collector, name, entry, [...parametersAt, 'features', name], [...parametersAt, 'features', name], title);
    }
  } else {
    // Without the column table the description still says "... (2 out of 5)" or "... for 2 out of 5 features".
    const counts = description?.match(/(\d+) out of (\d+)/);
    const total = counts ? Number(counts[2]) : 0;
    if (counts && total > 0) collector.stateShare(Number(counts[1]) / total, [...pointer, 'description'], `test "${title}" description`, kind === 'share' ? RANK.shareTest : RANK.numberTest);
  }
  if (failed !== undefined) {
    const condition = parameters.condition !== undefined ? ` (condition ${JSON.stringify(parameters.condition)})` : '';
    collector.stateDatasetDrift(failed, [...pointer, 'status'], `test "${title}" status ${String(status)}${condition}`, kind === 'share' ? RANK.shareTest : RANK.numberTest);
  }
  return true;
}

function metricList(reader: Reader, value: unknown, pointer: JsonPointer): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) reader.fail(`"${String(pointer[pointer.length - 1])}" must be a list`, pointer);
  return value;
}

/** `{metric, result}` entries of a report JSON (or of a test suite's `metric_results`). */
function readLegacyMetricEntries(collector: DriftCollector, entries: readonly unknown[], at: JsonPointer, found: string[]): void {
  entries.forEach((entry, index) => {
    const pointer = [...at, index];
    if (!isObject(entry) || typeof entry.metric !== 'string') collector.reader.fail('a report metric must be an object with a "metric" name', pointer);
    found.push(entry.metric);
    if (!readLegacyMetric(collector, entry.metric, entry.result, [...pointer, 'result'])) collector.otherMetrics.push(entry);
  });
}

/** Top-level fields worth keeping (version, timestamp, run metadata); unset ones (null) are left out. */
function keepFields(collector: DriftCollector, source: Json, keys: readonly string[]): void {
  for (const key of keys) if (source[key] !== undefined && source[key] !== null) collector.extra[key] = source[key];
}

function adaptLegacyReport(input: ArtefactInput): AdaptedEvidence {
  const reader: Reader = new Reader(input.structured());
  const report = reader.topLevel('an Evidently report');
  const collector = new DriftCollector(reader);
  const found: string[] = [];
  readLegacyMetricEntries(collector, metricList(reader, report.metrics, ['metrics']), ['metrics'], found);
  keepFields(collector, report, ['version', 'timestamp']);
  collector.readWindows(undefined, [], report.timestamp, ['timestamp']);
  return collector.finish({ what: 'Evidently report', pointer: ['metrics'], found });
}

function adaptLegacyTestSuite(input: ArtefactInput): AdaptedEvidence {
  const reader: Reader = new Reader(input.structured());
  const suite = reader.topLevel('an Evidently test suite');
  const collector = new DriftCollector(reader);
  const found: string[] = [];
  // `json(include_metrics=True)` adds the metrics the tests ran on: read first, their scores are not rounded.
  readLegacyMetricEntries(collector, metricList(reader, suite.metric_results, ['metric_results']), ['metric_results'], found);
  metricList(reader, suite.tests, ['tests']).forEach((test, index) => {
    if (!readLegacyTest(collector, test, ['tests', index])) collector.otherTests.push(test);
    if (isObject(test) && typeof test.name === 'string') found.push(test.name);
  });
  keepFields(collector, suite, ['version', 'timestamp', 'summary']);
  collector.readWindows(undefined, [], suite.timestamp, ['timestamp']);
  return collector.finish({ what: 'Evidently test suite', pointer: ['tests'], found });
}

function adaptLegacySnapshot(input: ArtefactInput): AdaptedEvidence {
  const reader: Reader = new Reader(input.structured());
  const snapshot = reader.topLevel('an Evidently snapshot', 'suite');
  const collector = new DriftCollector(reader);
  const suite = snapshot.suite as Json;
  const found: string[] = [];

  const metrics = metricList(reader, suite.metrics, ['suite', 'metrics']);
  metricList(reader, suite.metric_results, ['suite', 'metric_results']).forEach((result, index) => {
    const config = isObject(metrics[index]) ? (metrics[index] as Json) : undefined;
    const name = typeName(config?.type) ?? (isObject(result) ? METRIC_OF_RESULT[typeName(result.type) ?? ''] : undefined);
    if (name === undefined) return;
    found.push(name);
    const params = config ? unmapped(config, ['type']) : undefined;
    if (!readLegacyMetric(collector, name, result, ['suite', 'metric_results', index], params)) {
      // Snapshot results embed rendering data: other metrics are listed by name and configuration only.
      collector.otherMetrics.push({ metric: name, ...(params ? { config: params } : {}) });
    }
  });

  const tests = metricList(reader, suite.tests, ['suite', 'tests']);
  metricList(reader, suite.test_results, ['suite', 'test_results']).forEach((result, index) => {
    const config = tests[index];
    const className = isObject(config) ? typeName(config.type) : undefined;
    if (!readLegacyTest(collector, result, ['suite', 'test_results', index], className)) collector.otherTests.push(result);
    if (isObject(result) && typeof result.name === 'string') found.push(result.name);
  });

  keepFields(collector, snapshot, ['id', 'name', 'timestamp', 'metadata', 'tags']);
  collector.readWindows(snapshot.metadata, ['metadata'], snapshot.timestamp, ['timestamp']);
  return collector.finish({ what: 'Evidently snapshot', pointer: ['suite'], found });
}

/** A legacy `{metric: "Name", result: {...}}` entry, as opposed to a 0.6+ `{id, value}` one. */
function isLegacyMetricEntry(entry: unknown): boolean {
  return isObject(entry) && typeof entry.metric === 'string' && 'result' in entry;
}

function isLegacyTestEntry(entry: unknown): boolean {
  return isObject(entry) && typeof entry.name === 'string' && typeof entry.status === 'string' && entry.metric_config === undefined;
}

export const EVIDENTLY_LEGACY_REPORT_FORMAT: FormatAdapter = {
  id: 'evidently-legacy-report',
  kind: 'drift',
  description:
    'Evidently Report JSON of the legacy API: 0.2–0.4 `Report.json()`/`as_dict()`/`save_json()` and `evidently.legacy.report.Report` in 0.5–0.7 (metrics[].metric/result: DatasetDriftMetric, DataDriftTable, ColumnDriftMetric, ...)',
  detect: (input) => {
    const value = jsonObjectOf(input);
    if (!value || !Array.isArray(value.metrics)) return false;
    // An empty report still reads (as "no drift metric") when it carries the legacy version stamp.
    return value.metrics.some(isLegacyMetricEntry) || (value.metrics.length === 0 && typeof value.version === 'string' && value.tests === undefined);
  },
  adapt: adaptLegacyReport,
};

export const EVIDENTLY_LEGACY_TEST_SUITE_FORMAT: FormatAdapter = {
  id: 'evidently-legacy-test-suite',
  kind: 'drift',
  description:
    'Evidently TestSuite JSON of the legacy API: 0.2–0.4 `TestSuite.json()`/`as_dict()`/`save_json()` and `evidently.legacy.test_suite.TestSuite` in 0.5–0.7 (tests[].name/status/parameters: TestShareOfDriftedColumns, TestNumberOfDriftedColumns, TestColumnDrift, ...)',
  detect: (input) => {
    const value = jsonObjectOf(input);
    if (!value || !Array.isArray(value.tests) || value.metrics !== undefined) return false;
    return value.tests.some(isLegacyTestEntry) || (value.tests.length === 0 && isObject(value.summary));
  },
  adapt: adaptLegacyTestSuite,
};

export const EVIDENTLY_LEGACY_SNAPSHOT_FORMAT: FormatAdapter = {
  id: 'evidently-legacy-snapshot',
  kind: 'drift',
  description:
    'Evidently legacy Snapshot JSON: `Report.save()`/`TestSuite.save()` and workspace snapshots of 0.4, `evidently.legacy` in 0.5–0.7 (suite.metrics/metric_results/tests/test_results, metadata, tags, timestamp)',
  detect: (input) => {
    const value = jsonObjectOf(input);
    return !!value && isObject(value.suite) && (Array.isArray(value.suite.metric_results) || Array.isArray(value.suite.test_results));
  },
  adapt: adaptLegacySnapshot,
};
