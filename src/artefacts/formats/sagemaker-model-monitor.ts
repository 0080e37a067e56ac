import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * SageMaker Model Monitor `constraint_violations.json`, the output of a monitoring execution:
 * `{ violations: [{ feature_name, constraint_check_type, description }] }`. Features with a
 * `baseline_drift_check` violation are the drifted features; every other violation (data
 * quality, model quality, bias drift, feature attribution drift) is kept in `extra.violations`.
 */
export const SAGEMAKER_MODEL_MONITOR_FORMAT_ID = 'sagemaker-model-monitor';

const DRIFT_CHECK = 'baseline_drift_check';

/** The check types of the data quality monitor, whose violations name a feature. */
const DATA_QUALITY_CHECKS = new Set([
  'data_type_check',
  'completeness_check',
  DRIFT_CHECK,
  'missing_column_check',
  'extra_column_check',
  'categorical_values_check',
]);

/** The inferred types of Model Monitor's statistics.json and constraints.json features. */
const INFERRED_TYPES = new Set(['Integral', 'Fractional', 'String', 'Unknown']);

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
/**
 * The drift message of the prebuilt container, e.g. "Baseline drift distance: 0.72 exceeds
 * threshold: 0.1" (older containers: "Numerical distance: 0.27 exceeds numerical threshold: 0").
 */
const DRIFT_MESSAGE = new RegExp(`distance:\\s*(${NUMBER})\\s+exceeds\\s+(?:[a-z]+\\s+)?threshold:\\s*(${NUMBER})`, 'i');
/** The model quality message, e.g. "Metric weightedF2 with 0.56 +/- 0.005 was LessThanThreshold '0.8'". */
const QUALITY_MESSAGE = new RegExp(`with\\s+(${NUMBER})(?:\\s*\\+/-\\s*(${NUMBER}))?\\s+was\\s+[A-Za-z]+\\s+'?(${NUMBER})'?`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number the message spells, when it is finite; descriptions are prose, so an odd one is left unparsed. */
function finiteNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

function parseDrift(description: string | undefined): { score?: number; threshold?: number } {
  // Bounded before the pattern runs: the message is one short sentence.
  const match = description !== undefined && description.length <= 1000 ? DRIFT_MESSAGE.exec(description) : null;
  if (!match) return {};
  const score = finiteNumber(match[1]);
  const threshold = finiteNumber(match[2]);
  return { ...(score === undefined ? {} : { score }), ...(threshold === undefined ? {} : { threshold }) };
}

function parseQuality(description: string | undefined): Record<string, number> {
  const match = description !== undefined && description.length <= 1000 ? QUALITY_MESSAGE.exec(description) : null;
  if (!match) return {};
  const parsed: Record<string, number> = {};
  const value = finiteNumber(match[1]);
  const deviation = finiteNumber(match[2]);
  const threshold = finiteNumber(match[3]);
  if (value !== undefined) parsed.value = value;
  if (deviation !== undefined) parsed.standard_deviation = deviation;
  if (threshold !== undefined) parsed.threshold = threshold;
  return parsed;
}

/** Which Model Monitor job writes a violation of this check type. */
function monitorOf(check: string): string | undefined {
  if (DATA_QUALITY_CHECKS.has(check)) return 'data_quality';
  if (check === 'bias_drift_check') return 'model_bias';
  if (check === 'feature_attribution_drift_check') return 'model_explainability';
  // Model quality violations are named after their comparison operator (LessThanThreshold, ...).
  if (/Threshold$/.test(check)) return 'model_quality';
  return undefined;
}

/** A data quality statistics.json or constraints.json: per-feature baseline facts, not a verdict. */
function isBaselineFile(value: Record<string, unknown>): boolean {
  const features = value.features;
  return (
    Object.hasOwn(value, 'version') &&
    Array.isArray(features) &&
    features.length > 0 &&
    features.every((feature) => isObject(feature) && typeof feature.name === 'string' && typeof feature.inferred_type === 'string' && INFERRED_TYPES.has(feature.inferred_type))
  );
}

function isViolationsFile(value: Record<string, unknown>): boolean {
  const violations = value.violations;
  if (!Array.isArray(violations)) return false;
  // An empty list is only Model Monitor's when nothing else is said: `{"violations": []}` alone is too common a shape.
  if (violations.length === 0) return Object.keys(value).every((key) => key === 'violations' || key === 'version');
  return violations.some((item) => isObject(item) && Object.hasOwn(item, 'constraint_check_type'));
}

interface Feature {
  data: Record<string, unknown>;
  pointer: (string | number)[];
}

function readViolation(doc: ParsedDocument, item: unknown, pointer: (string | number)[]): { check: string; item: Record<string, unknown>; description?: string } {
  if (!isObject(item)) throw artefactError('a violation must be an object', doc.locate(pointer));
  const check = item.constraint_check_type;
  if (typeof check !== 'string' || check.trim() === '') {
    throw artefactError('a violation has no constraint_check_type', doc.locate(check === undefined ? pointer : [...pointer, 'constraint_check_type']));
  }
  const description = item.description;
  if (description !== undefined && typeof description !== 'string') {
    throw artefactError(`the description of a ${check} violation must be a string`, doc.locate([...pointer, 'description']));
  }
  return { check: check.trim(), item, ...(description === undefined ? {} : { description }) };
}

function adaptModelMonitor(input: ArtefactInput): AdaptedEvidence {
  const doc = input.structured();
  const root = doc.value;
  if (!isObject(root)) throw artefactError('expected a JSON object at the top level', doc.locate([]));
  if (!Object.hasOwn(root, 'violations') && isBaselineFile(root)) {
    throw artefactError(
      'this is a Model Monitor statistics.json or constraints.json: it holds per-feature statistics, not a drift verdict; ' +
        "read the monitoring execution's constraint_violations.json as drift instead",
      doc.locate([]),
    );
  }
  const violations = root.violations;
  if (!Array.isArray(violations)) throw artefactError('violations must be a list', doc.locate(Object.hasOwn(root, 'violations') ? ['violations'] : []));

  const features: Feature[] = [];
  const others: Record<string, unknown>[] = [];
  const counts = new Map<string, number>();
  violations.forEach((raw: unknown, index) => {
    const pointer = ['violations', index];
    const { check, item, description } = readViolation(doc, raw, pointer);
    counts.set(check, (counts.get(check) ?? 0) + 1);
    const location = doc.locate(pointer);
    const monitor = monitorOf(check);
    if (check !== DRIFT_CHECK) {
      const parsed = monitor === 'model_quality' ? parseQuality(description) : {};
      others.push({ ...item, ...parsed, ...(monitor === undefined ? {} : { monitor }), location });
      return;
    }
    const name = typeof item.feature_name === 'string' ? item.feature_name.trim() : '';
    if (name === '') {
      throw artefactError(`a ${DRIFT_CHECK} violation names no feature_name`, doc.locate(item.feature_name === undefined ? pointer : [...pointer, 'feature_name']));
    }
    // One feature, one entry; a repeated drift violation stays visible among the other violations.
    if (features.some((feature) => feature.data.name === name)) {
      others.push({ ...item, monitor, duplicate: true, location });
      return;
    }
    const extra: Record<string, unknown> = Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'feature_name' && key !== 'constraint_check_type'));
    features.push({
      pointer,
      data: {
        name,
        test: DRIFT_CHECK,
        ...parseDrift(description),
        drifted: true,
        location,
        ...(Object.keys(extra).length > 0 ? { extra } : {}),
      },
    });
  });

  const drifted = features.length;
  const extra: Record<string, unknown> = Object.fromEntries(Object.entries(root).filter(([key]) => key !== 'violations'));
  extra.violations = others;
  extra.violation_counts = Object.fromEntries(counts);
  // The file lists violations only: how many features were compared is not stated, so the
  // share is exact only when nothing drifted; otherwise 1 is the one bound that is never too low.
  extra.share_drifted_basis = drifted === 0 ? 'exact' : 'upper_bound';
  const data: Record<string, unknown> = {
    dataset_drift: drifted > 0,
    share_drifted: drifted > 0 ? 1 : 0,
    features: features.map((feature) => feature.data),
    extra,
  };
  const at = doc.locate(['violations']);
  const fieldLocations: Record<string, SourceLocation> = { dataset_drift: at, share_drifted: at, features: at, extra: doc.locate([]) };
  const locate = (path: JsonPointer): SourceLocation => {
    const [field, index] = path;
    if (field === 'features' && typeof index === 'number' && features[index]) return doc.locate(features[index].pointer);
    if (typeof field === 'string' && fieldLocations[field]) return fieldLocations[field];
    return doc.locate([]);
  };
  return { data, fieldLocations, locate };
}

function looksLikeModelMonitor(input: ArtefactInput): boolean {
  if (!/\.json$/i.test(input.path)) return false;
  const value = input.structured().value;
  // statistics.json and constraints.json are claimed so that reading one as drift says which file to read instead.
  return isObject(value) && (isViolationsFile(value) || isBaselineFile(value));
}

export const SAGEMAKER_MODEL_MONITOR_FORMAT: FormatAdapter = {
  id: SAGEMAKER_MODEL_MONITOR_FORMAT_ID,
  kind: 'drift',
  description:
    'SageMaker Model Monitor constraint_violations.json (prebuilt sagemaker-model-monitor-analyzer container: data quality ' +
    'violations, with baseline_drift_check as feature drift; model quality, bias drift and feature attribution drift violations kept as extra)',
  detect: looksLikeModelMonitor,
  adapt: adaptModelMonitor,
};
