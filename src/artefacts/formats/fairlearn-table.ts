import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { ParsedDocument } from '../../document/parse.js';
import { normalizeBiasMetricName } from '../metrics.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * A Fairlearn metric table: the shape `MetricFrame.by_group` exports (rows are groups of
 * one or more sensitive features, columns are metrics), as CSV or JSON. Fairlearn has no
 * file format of its own, so the exact rules are modelgate's, documented in
 * docs/formats/fairlearn-table.md.
 */
export const FAIRLEARN_TABLE_FORMAT_ID = 'fairlearn-table';

/** Joins the values of several sensitive features into one group key, and their names into one attribute. */
const JOIN = ',';
const SELECTION_RATE = 'selection_rate';
/** Rows read to decide whether a CSV file is a metric table; the whole file is read by `adapt`. */
const DETECT_RECORDS = 50;

const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Spellings of values that are numbers gone wrong: they keep a column a metric column, and then fail. */
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

interface Cell {
  raw: unknown;
  location: SourceLocation;
}

interface Row {
  group: string;
  values: Map<string, Cell>;
  location: SourceLocation;
}

interface Table {
  features: string[];
  metricNames: string[];
  rows: Row[];
  referenceGroup?: { value: string; location: SourceLocation } | undefined;
  fieldLocations: Record<string, SourceLocation>;
  extra: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberText(text: string): boolean {
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  return text.length <= 64 && NUMBER.test(text);
}

/** Whether a value belongs in a metric column: a number, or a string that spells one (finite or not). */
function looksNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return isNumberText(text) || NOT_FINITE.test(text);
}

function isMetricName(name: string, canonical: string): boolean {
  return normalizeBiasMetricName(name).name === canonical || name.trim().toLowerCase().replace(/[\s-]+/g, '_') === canonical;
}

/** A cell's value as a finite number, or an error naming the metric, the group and the line. */
function valueOf(cell: Cell, metric: string, group: string, allowText: boolean): number {
  const { raw } = cell;
  const where = `metric "${metric}" for group "${group}"`;
  if (raw === undefined || raw === null || raw === '') throw artefactError(`${where} has no value`, cell.location);
  if (typeof raw === 'number') {
    if (Number.isFinite(raw)) return raw;
  } else if (typeof raw === 'string' && allowText && isNumberText(raw.trim())) {
    const value = Number(raw.trim());
    if (Number.isFinite(value)) return value;
  } else if (typeof raw === 'string' && !allowText && looksNumeric(raw)) {
    throw artefactError(`${where} is the string ${JSON.stringify(raw)}; a metric value must be a JSON number`, cell.location);
  }
  throw artefactError(`${where} has value ${JSON.stringify(raw)}, which is not a finite number`, cell.location);
}

// ---------------------------------------------------------------------------------------------
// CSV

interface CsvPreamble {
  /** Lines before the header: comments (`#`) and blank lines. */
  lines: number;
  sensitiveFeatures?: { names: string[]; line: number } | undefined;
  referenceGroup?: { value: string; line: number } | undefined;
  comments: string[];
}

/**
 * Leading comment lines hold the directives. They come before the header, so no CSV
 * record (and no quoted field) can span them: reading them line by line is safe.
 */
function readPreamble(text: string): CsvPreamble {
  const preamble: CsvPreamble = { lines: 0, comments: [] };
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
    const trimmed = line.trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) break;
    preamble.lines++;
    if (trimmed.startsWith('#')) {
      const directive = /^#\s*(sensitive_features|reference_group)\s*:(.*)$/i.exec(trimmed);
      const lineNumber = preamble.lines;
      if (directive?.[1]!.toLowerCase() === 'sensitive_features') {
        const names = directive[2]!.split(JOIN).map((name) => name.trim()).filter((name) => name !== '');
        preamble.sensitiveFeatures = { names, line: lineNumber };
      } else if (directive) {
        preamble.referenceGroup = { value: directive[2]!.trim(), line: lineNumber };
      } else {
        preamble.comments.push(trimmed.replace(/^#\s?/, ''));
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return preamble;
}

interface CsvRecord {
  cells: string[];
  line: number;
}

function readCsvRecords(input: ArtefactInput, text: string, fromLine: number, limit?: number): CsvRecord[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      from_line: fromLine,
      info: true,
      trim: true,
      skip_empty_lines: true,
      ...(limit === undefined ? {} : { to: limit }),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const reason = error.message.replace(/ (on|at) line \d+.*$/, '');
      throw artefactError(`invalid CSV: ${reason}`, line ? { path: input.path, line } : { path: input.path });
    }
    throw error;
  }
  return records.map(({ record, info }) => {
    // info.lines is the line a record ends on; a quoted field may span several lines.
    const breaks = record.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return { cells: record, line: info.lines - breaks };
  });
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Fairlearn names an unnamed sensitive feature `sensitive_feature_<i>`; an empty header cell gets that name. */
function headerOf(input: ArtefactInput, record: CsvRecord): string[] {
  const names = record.cells.map((cell, index) => (cell === '' ? `sensitive_feature_${index}` : cell));
  const seen = new Set<string>();
  for (const name of names) {
    const at = { path: input.path, line: record.line };
    // The same names a JSON or YAML artefact may not use as keys: code downstream may copy them into objects.
    if (FORBIDDEN_NAMES.has(name)) throw artefactError(`forbidden column name "${name}"`, at);
    if (seen.has(name)) throw artefactError(`the header names column "${name}" twice`, at);
    seen.add(name);
  }
  return names;
}

/** Which columns are sensitive features: the declared ones, else those holding any non-numeric value. */
function featureColumns(input: ArtefactInput, header: string[], rows: CsvRecord[], preamble: CsvPreamble): Set<number> {
  if (preamble.sensitiveFeatures) {
    return new Set(preamble.sensitiveFeatures.names.map((name) => header.indexOf(name)).filter((index) => index >= 0));
  }
  const features = new Set<number>();
  header.forEach((name, column) => {
    const cells = rows.map((row) => row.cells[column] ?? '').filter((cell) => cell !== '');
    const text = cells.filter((cell) => !looksNumeric(cell));
    if (text.length === 0) return;
    // One stray "NA" must not turn a metric column into a group column whose numbers are never checked.
    if (text.length < cells.length || isKnownMetric(name)) {
      const row = rows.find((candidate) => candidate.cells[column] !== '' && !looksNumeric(candidate.cells[column]));
      throw artefactError(
        `column "${name}" mixes numbers and text ("${text[0]}"): a metric value must be a number; if the column is a sensitive feature, declare it in a "# sensitive_features:" line`,
        { path: input.path, line: row?.line ?? 1 },
      );
    }
    features.add(column);
  });
  return features;
}

/** Metric names of Fairlearn's `MetricFrame` and of bias reports: such a column is never a group column. */
const KNOWN_METRICS = new Set([
  'selection_rate', 'count', 'accuracy', 'accuracy_score', 'balanced_accuracy', 'precision', 'precision_score', 'recall', 'recall_score',
  'f1', 'f1_score', 'roc_auc', 'roc_auc_score', 'false_positive_rate', 'false_negative_rate', 'true_positive_rate', 'true_negative_rate',
  'mean_prediction', 'mean_absolute_error', 'mean_squared_error', 'disparate_impact', 'statistical_parity_difference',
  'demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio',
]);

/** A column named like a bias metric is a metric, whatever its cells hold. */
function isKnownMetric(name: string): boolean {
  return normalizeBiasMetricName(name).name !== name.trim() || KNOWN_METRICS.has(name.trim().toLowerCase());
}

function detectCsv(input: ArtefactInput): boolean {
  const text = stripBom(input.text);
  const preamble = readPreamble(text);
  const records = readCsvRecords(input, text, preamble.lines + 1, DETECT_RECORDS);
  if (records.length < 2) return false;
  const header = headerOf(input, records[0]!);
  const rows = records.slice(1);
  const features = featureColumns(input, header, rows, preamble);
  // A metric column: not a feature, with at least one number in the rows read.
  return header.some((_, column) => !features.has(column) && rows.some((row) => isNumberText(row.cells[column] ?? '')));
}

function readCsvTable(input: ArtefactInput): Table {
  if (input.text.length > input.limits.max_file_bytes) {
    throw artefactError(`file is larger than the limit of ${input.limits.max_file_bytes} bytes`, { path: input.path });
  }
  const text = stripBom(input.text);
  const preamble = readPreamble(text);
  const records = readCsvRecords(input, text, preamble.lines + 1);
  const at = (line: number): SourceLocation => ({ path: input.path, line });
  if (records.length === 0) throw artefactError('the metric table is empty: no header and no rows', { path: input.path });
  const headerRecord = records[0]!;
  const header = headerOf(input, headerRecord);
  const rows = records.slice(1);
  if (rows.length === 0) throw artefactError('the metric table has a header but no rows', at(headerRecord.line));

  if (preamble.sensitiveFeatures) {
    const { names, line } = preamble.sensitiveFeatures;
    if (names.length === 0) throw artefactError('the sensitive_features comment names no column', at(line));
    const missing = names.filter((name) => !header.includes(name));
    if (missing.length > 0) {
      throw artefactError(`the sensitive_features comment names ${missing.map((name) => `"${name}"`).join(', ')}, which the header does not have`, at(line));
    }
  }
  const featureIndexes = featureColumns(input, header, rows, preamble);
  // Header order for both the attribute name and the group key, whatever order a comment declares.
  const featureOrder = header.map((_, column) => column).filter((column) => featureIndexes.has(column));
  const features = featureOrder.map((column) => header[column]!);
  const metricIndexes = header.map((_, column) => column).filter((column) => !featureIndexes.has(column));
  if (features.length === 0) {
    throw artefactError(
      'no sensitive-feature column: every column is numeric; name the group columns in a leading "# sensitive_features: a,b" line',
      at(headerRecord.line),
    );
  }
  if (metricIndexes.length === 0) throw artefactError('no metric column: every column holds text', at(headerRecord.line));

  const table: Table = {
    features,
    metricNames: metricIndexes.map((column) => header[column]!),
    rows: rows.map((record) => {
      const group = featureOrder.map((column) => record.cells[column]!).join(JOIN);
      const values = new Map<string, Cell>();
      for (const column of metricIndexes) values.set(header[column]!, { raw: record.cells[column], location: at(record.line) });
      return { group, values, location: at(record.line) };
    }),
    fieldLocations: {
      protected_attributes: at(preamble.sensitiveFeatures?.line ?? headerRecord.line),
      metrics: at(headerRecord.line),
    },
    extra: preamble.comments.length > 0 ? { comments: preamble.comments } : {},
  };
  if (preamble.referenceGroup) {
    table.referenceGroup = { value: preamble.referenceGroup.value, location: at(preamble.referenceGroup.line) };
  }
  return table;
}

// ---------------------------------------------------------------------------------------------
// JSON

function featuresOf(doc: ParsedDocument, value: unknown): string[] {
  const names = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string' && name.trim() !== '')) {
    throw artefactError('sensitive_features must be a non-empty list of column names', doc.locate(['sensitive_features']));
  }
  return names.map((name: string) => name.trim());
}

/** Rows as objects (`to_json(orient="records")` after `reset_index()`), at `pointer` in the document. */
function readRecordRows(doc: ParsedDocument, list: unknown[], pointer: (string | number)[], declared?: string[]): Omit<Table, 'fieldLocations' | 'extra'> {
  const rows = list.map((row: unknown, index) => {
    if (!isObject(row)) throw artefactError('a row must be an object of column values', doc.locate([...pointer, index]));
    return row;
  });
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const features = declared ?? columns.filter((column) => isTextColumn(doc, rows, column, pointer));
  if (declared) {
    const missing = declared.filter((name) => !columns.includes(name));
    if (missing.length > 0) {
      throw artefactError(`sensitive_features names ${missing.map((name) => `"${name}"`).join(', ')}, which no row has`, doc.locate(['sensitive_features']));
    }
  }
  if (features.length === 0) {
    throw artefactError('no sensitive-feature column: every column is numeric; declare them in "sensitive_features"', doc.locate(pointer));
  }
  const metricNames = columns.filter((column) => !features.includes(column));
  if (metricNames.length === 0) throw artefactError('no metric column: every column holds text', doc.locate(pointer));
  return {
    features,
    metricNames,
    rows: rows.map((row, index) => {
      const location = doc.locate([...pointer, index]);
      const group = features
        .map((feature) => {
          const value = row[feature];
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
            throw artefactError(`row has no value for sensitive feature "${feature}"`, location);
          }
          return String(value);
        })
        .join(JOIN);
      const values = new Map<string, Cell>();
      for (const metric of metricNames) {
        // An absent value is treated like null (an error), never as a group without that metric.
        values.set(metric, Object.hasOwn(row, metric) ? { raw: row[metric], location: doc.locate([...pointer, index, metric]) } : { raw: null, location });
      }
      return { group, values, location };
    }),
  };
}

/** A JSON column of text only is a sensitive feature; one that mixes numbers and text is an error (see featureColumns). */
function isTextColumn(doc: ParsedDocument, rows: Record<string, unknown>[], column: string, pointer: (string | number)[]): boolean {
  const present = rows.map((row, index) => ({ value: row[column], index })).filter(({ value }) => value !== undefined && value !== null);
  const text = present.filter(({ value }) => !looksNumeric(value));
  if (text.length === 0) return false;
  if (text.length < present.length || isKnownMetric(column)) {
    throw artefactError(
      `column "${column}" mixes numbers and text: a metric value must be a number; if the column is a sensitive feature, declare it in "sensitive_features"`,
      doc.locate([...pointer, text[0]!.index, column]),
    );
  }
  return true;
}

/** The by-metric mapping (`by_group.to_json()`): `{metric: {group: value}}`. */
function readMetricMap(doc: ParsedDocument, metrics: Record<string, unknown>, features: string[]): Omit<Table, 'fieldLocations' | 'extra'> {
  const rows = new Map<string, Row>();
  for (const [metric, byGroup] of Object.entries(metrics)) {
    if (!isObject(byGroup)) {
      throw artefactError(`metrics.${metric} must map each group to its value`, doc.locate(['metrics', metric]));
    }
    for (const [group, raw] of Object.entries(byGroup)) {
      const location = doc.locate(['metrics', metric, group]);
      if (features.length > 1 && group.split(JOIN).length !== features.length) {
        throw artefactError(
          `group "${group}" of metric "${metric}" does not have one value for each of the ${features.length} sensitive features (${features.join(JOIN)}), joined by ","`,
          location,
        );
      }
      const key = features.length > 1 ? group.split(JOIN).map((part) => part.trim()).join(JOIN) : group;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { group: key, values: new Map(), location }));
      // "Female,Black" and "Female, Black" are one group: a second value for it is ambiguous.
      if (row.values.has(metric)) throw artefactError(`group "${key}" of metric "${metric}" appears twice`, location);
      row.values.set(metric, { raw, location });
    }
  }
  return { features, metricNames: Object.keys(metrics), rows: [...rows.values()] };
}

function readJsonTable(input: ArtefactInput): Table {
  const doc = input.structured();
  const root = doc.value;
  if (Array.isArray(root)) {
    if (root.length === 0) throw artefactError('the metric table has no rows', doc.locate([]));
    return { ...readRecordRows(doc, root, []), fieldLocations: { metrics: doc.locate([]), protected_attributes: doc.locate([]) }, extra: {} };
  }
  if (!isObject(root) || root.sensitive_features === undefined || root.metrics === undefined) {
    throw artefactError('not a Fairlearn metric table: expected "sensitive_features" and "metrics"', doc.locate([]));
  }
  const features = featuresOf(doc, root.sensitive_features);
  let body: Omit<Table, 'fieldLocations' | 'extra'>;
  if (Array.isArray(root.metrics)) {
    if (root.metrics.length === 0) throw artefactError('metrics has no rows', doc.locate(['metrics']));
    body = readRecordRows(doc, root.metrics, ['metrics'], features);
  } else if (isObject(root.metrics)) {
    if (Object.keys(root.metrics).length === 0) throw artefactError('metrics names no metric', doc.locate(['metrics']));
    body = readMetricMap(doc, root.metrics, features);
  } else {
    throw artefactError('metrics must map each metric to its values by group, or list rows', doc.locate(['metrics']));
  }
  const table: Table = {
    ...body,
    fieldLocations: { metrics: doc.locate(['metrics']), protected_attributes: doc.locate(['sensitive_features']) },
    extra: {},
  };
  const reference = root.reference_group;
  if (reference !== undefined && reference !== null) {
    const value = Array.isArray(reference) && reference.every((part) => typeof part === 'string' || typeof part === 'number')
      ? reference.map(String).join(JOIN)
      : typeof reference === 'string' || typeof reference === 'number'
        ? String(reference)
        : undefined;
    if (value === undefined) {
      throw artefactError('reference_group must be a group name, or a list of one value per sensitive feature', doc.locate(['reference_group']));
    }
    table.referenceGroup = { value, location: doc.locate(['reference_group']) };
  }
  for (const [key, value] of Object.entries(root)) {
    if (!['sensitive_features', 'metrics', 'reference_group'].includes(key)) table.extra[key] = value;
  }
  return table;
}

function looksLikeJsonTable(value: unknown): boolean {
  if (isObject(value)) {
    const features = value.sensitive_features;
    const namesFeatures = typeof features === 'string' || (Array.isArray(features) && features.every((name) => typeof name === 'string'));
    return namesFeatures && (isObject(value.metrics) || Array.isArray(value.metrics));
  }
  // A bare list of flat rows, each with at least one text (group) and one number (metric).
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every(
    (row) =>
      isObject(row) &&
      Object.values(row).every((cell) => cell === null || ['string', 'number', 'boolean'].includes(typeof cell)) &&
      Object.values(row).some((cell) => typeof cell === 'number') &&
      Object.values(row).some((cell) => typeof cell === 'string' && !looksNumeric(cell)),
  );
}

// ---------------------------------------------------------------------------------------------
// Normalized evidence

/**
 * The reference group for derived metrics: the one the file names, else the group with
 * the highest selection rate (the most favoured group; the first such row on a tie).
 */
function referenceOf(table: Table, rates: { row: Row; rate: number }[]): { group: string; rate: number; rule: string } {
  if (table.referenceGroup) {
    const { location } = table.referenceGroup;
    // Written by hand, the group may have spaces around its parts: rows are compared without them.
    const written = table.referenceGroup.value;
    const value = table.features.length > 1 ? written.split(JOIN).map((part) => part.trim()).join(JOIN) : written.trim();
    const found = rates.find(({ row }) => row.group === value);
    if (!found) {
      const known = rates.map(({ row }) => `"${row.group}"`).join(', ');
      throw artefactError(`reference group "${value}" has no selection_rate row (groups: ${known})`, location);
    }
    return { group: value, rate: found.rate, rule: 'declared' };
  }
  const best = rates.reduce((top, candidate) => (candidate.rate > top.rate ? candidate : top));
  return { group: best.row.group, rate: best.rate, rule: 'highest_selection_rate' };
}

function toEvidence(table: Table, allowText: boolean): AdaptedEvidence {
  const attribute = table.features.join(JOIN);
  const seen = new Map<string, SourceLocation>();
  for (const row of table.rows) {
    const first = seen.get(row.group);
    if (first) {
      throw artefactError(`group "${row.group}" appears twice (first at line ${first.line ?? '?'})`, row.location);
    }
    seen.set(row.group, row.location);
  }

  const metrics: Record<string, unknown>[] = [];
  const numbers = new Map<Row, Map<string, number>>();
  for (const row of table.rows) {
    const values = new Map<string, number>();
    for (const metric of table.metricNames) {
      const cell = row.values.get(metric);
      if (!cell) continue;
      const value = valueOf(cell, metric, row.group, allowText);
      values.set(metric, value);
      metrics.push({ ...normalizeBiasMetricName(metric), attribute, group: row.group, value, location: cell.location });
    }
    numbers.set(row, values);
  }

  const extra: Record<string, unknown> = { ...table.extra };
  const rateColumn = table.metricNames.find((name) => isMetricName(name, SELECTION_RATE));
  const rates = rateColumn === undefined ? [] : table.rows.flatMap((row) => {
    const rate = numbers.get(row)?.get(rateColumn);
    return rate === undefined ? [] : [{ row, rate }];
  });
  if (rateColumn !== undefined && rates.length > 0) {
    const reference = referenceOf(table, rates);
    extra.reference_group = reference.group;
    extra.reference_group_rule = reference.rule;
    // A column the table already has is the tool's own number: it is not derived again.
    const has = (canonical: string) => table.metricNames.some((name) => isMetricName(name, canonical));
    const deriveRatio = !has('disparate_impact');
    const deriveDifference = !has('statistical_parity_difference');
    if (deriveRatio && reference.rate === 0 && rates.some(({ rate }) => rate > 0)) {
      // Every other group's ratio to a zero rate is unbounded: far outside any threshold, never "0 checked".
      throw artefactError(
        `the selection rate of reference group "${reference.group}" is 0, so the disparate impact of the other groups is unbounded`,
        rates.find(({ row }) => row.group === reference.group)!.row.location,
      );
    }
    if (deriveRatio && reference.rate === 0) {
      extra.not_derived = { disparate_impact: `every selection rate is 0, including that of reference group "${reference.group}"` };
    }
    for (const { row, rate } of rates) {
      if (row.group === reference.group) continue;
      const base = {
        original_name: `derived from ${rateColumn}`,
        attribute,
        group: row.group,
        reference_group: reference.group,
        location: row.values.get(rateColumn)!.location,
        extra: { reference_selection_rate: reference.rate, selection_rate: rate },
      };
      if (deriveRatio && reference.rate !== 0) metrics.push({ name: 'disparate_impact', value: rate / reference.rate, ...base });
      if (deriveDifference) metrics.push({ name: 'statistical_parity_difference', value: rate - reference.rate, ...base });
    }
  }

  const data: Record<string, unknown> = { protected_attributes: table.features, metrics };
  if (Object.keys(extra).length > 0) data.extra = extra;
  return { data, fieldLocations: table.fieldLocations };
}

function adaptFairlearnTable(input: ArtefactInput): AdaptedEvidence {
  if (/\.csv$/i.test(input.path)) return toEvidence(readCsvTable(input), true);
  return toEvidence(readJsonTable(input), false);
}

export const FAIRLEARN_TABLE_FORMAT: FormatAdapter = {
  id: FAIRLEARN_TABLE_FORMAT_ID,
  kind: 'bias',
  description:
    'Fairlearn metric table (MetricFrame.by_group of Fairlearn 0.7+ exported as CSV, or as JSON with sensitive_features and metrics); modelgate-defined layout',
  detect: (input) => {
    if (/\.csv$/i.test(input.path)) return detectCsv(input);
    if (!/\.json$/i.test(input.path)) return false;
    return looksLikeJsonTable(input.structured().value);
  },
  adapt: adaptFairlearnTable,
};
