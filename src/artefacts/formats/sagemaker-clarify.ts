import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import { normalizeBiasMetricName } from '../metrics.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * SageMaker Clarify bias analysis output (`analysis.json`, analysis schema version 1.0):
 * `pre_training_bias_metrics` and `post_training_bias_metrics`, each holding, per facet, one
 * entry per facet value or threshold with Clarify's metrics.
 */
export const SAGEMAKER_CLARIFY_FORMAT_ID = 'sagemaker-clarify';

type Stage = 'pre_training' | 'post_training';

const SECTIONS: readonly { key: string; stage: Stage }[] = [
  { key: 'pre_training_bias_metrics', stage: 'pre_training' },
  { key: 'post_training_bias_metrics', stage: 'post_training' },
];

/** What is reported when a Clarify file has no bias section to read. */
const NO_BIAS = 'no bias metrics (pre_training_bias_metrics / post_training_bias_metrics)';

/** Explainability sections of analysis.json: such a file is Clarify output, but holds no bias metric. */
const EXPLANATION_METHODS = ['kernel_shap', 'pdp', 'asymmetric_shapley_value'];

/**
 * Clarify's short codes (as written in `metrics[].name`) and the names policies use. DI and
 * DPPL take the names other tools share (see ../metrics.ts); the others are spelled out.
 * Keys are upper case: codes are matched without regard to case (the docs write `DCAcc`).
 */
export const CLARIFY_METRIC_NAMES: ReadonlyMap<string, string> = new Map([
  // pre-training
  ['CI', 'class_imbalance'],
  ['DPL', 'difference_in_proportions_of_labels'],
  ['KL', 'kl_divergence'],
  ['JS', 'js_divergence'],
  ['LP', 'lp_norm'],
  ['TVD', 'total_variation_distance'],
  ['KS', 'kolmogorov_smirnov'],
  ['CDDL', 'conditional_demographic_disparity_labels'],
  // post-training
  ['DPPL', 'statistical_parity_difference'],
  ['DI', 'disparate_impact'],
  ['DCA', 'difference_in_conditional_acceptance'],
  ['DCACC', 'difference_in_conditional_acceptance'],
  ['DCR', 'difference_in_conditional_rejection'],
  ['DCO', 'difference_in_conditional_outcomes'],
  ['RD', 'recall_difference'],
  ['SD', 'specificity_difference'],
  ['DAR', 'difference_in_acceptance_rates'],
  ['DRR', 'difference_in_rejection_rates'],
  ['AD', 'accuracy_difference'],
  ['CDDPL', 'conditional_demographic_disparity_predicted_labels'],
  ['TE', 'treatment_equality'],
  ['FT', 'flip_test'],
  ['GE', 'generalized_entropy'],
]);

/** The normalized name of a Clarify code; an unknown code keeps its own name (or a shared alias). */
export function clarifyMetricName(code: string): string {
  return CLARIFY_METRIC_NAMES.get(code.trim().toUpperCase()) ?? normalizeBiasMetricName(code).name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of `record` other than `keys`, in a new object (undefined when there are none). */
function rest(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  let kept: Record<string, unknown> | undefined;
  for (const key in record) {
    if (keys.includes(key) || !Object.hasOwn(record, key)) continue;
    kept ??= {};
    kept[key] = record[key];
  }
  return kept;
}

/** The own fields of `record` other than `keys`, in order. */
function ownFieldsBesides(record: Record<string, unknown>, keys: readonly string[]): string[] {
  const fields: string[] = [];
  for (const key in record) if (!keys.includes(key) && Object.hasOwn(record, key)) fields.push(key);
  return fields;
}

/** Clarify writes the group as a string; a hand-made or older file may hold a number or a list. */
function groupOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (Array.isArray(raw) && raw.length > 0 && raw.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    return raw.map(String).join(',');
  }
  return undefined;
}

/** The spellings of ±∞ and NaN Clarify and its JSON encoders write in place of a number. */
const NOT_FINITE = /^[+-]?(inf|infinity|∞|nan)$/i;

interface MetricContext {
  doc: ParsedDocument;
  pointer: (string | number)[];
  code: string;
  stage: Stage;
  sectionKey: string;
  facet: string;
  group: string;
}

function describeMetric({ code, facet, group, sectionKey }: MetricContext): string {
  return `bias metric ${code} for facet "${facet}" = "${group}" (${sectionKey})`;
}

/**
 * A metric's value as a finite number. A metric Clarify could not compute (`value: null`
 * with an `error`) is refused rather than skipped: a policy over the remaining metrics could
 * otherwise pass without ever seeing the group the metric was about.
 */
function metricValue(metric: Record<string, unknown>, context: MetricContext): number {
  const raw = metric.value;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  const { doc, pointer, code } = context;
  const at = doc.locate([...pointer, raw === undefined ? 'name' : 'value']);
  if (typeof raw === 'number') throw artefactError(`${describeMetric(context)} has value ${raw}, which is not a finite number`, at);
  if (raw === null || raw === undefined) {
    const reason = typeof metric.error === 'string' && metric.error.trim() !== '' ? `: "${metric.error.trim()}"` : ' (no value and no error given)';
    throw artefactError(
      `${describeMetric(context)} was not computed by Clarify${reason}. A metric without a value cannot be checked: ` +
        `fix the data or configuration, or leave ${code} out of the analysis methods`,
      at,
    );
  }
  const shown = JSON.stringify(raw);
  if (typeof raw === 'string' && NOT_FINITE.test(raw.trim())) {
    throw artefactError(`${describeMetric(context)} has value ${shown}, which is not a finite number`, at);
  }
  throw artefactError(`${describeMetric(context)} has value ${shown}, which is not a number`, at);
}

const METRIC_FIELDS = ['name', 'value'];
const ENTRY_FIELDS = ['value_or_threshold', 'metrics'];
const SECTION_FIELDS = ['label', 'label_value_or_threshold', 'facets'];

/**
 * The `extra` first built for a metric code in one section, and the metric's own fields it was
 * built from, in order. Clarify writes the same fields for every metric of a code (its
 * description), so most metrics can share that `extra` instead of each holding a copy.
 */
interface SharedExtra {
  extra: Record<string, unknown>;
  keys: readonly string[];
}

/**
 * Whether `metric` would give exactly `shared.extra`: the same fields besides name and value,
 * in the same order, with the same values. (A field whose value is an object never matches,
 * since no two parsed metrics share one.)
 */
function givesSharedExtra(metric: Record<string, unknown>, shared: SharedExtra): boolean {
  let index = 0;
  for (const key in metric) {
    if (METRIC_FIELDS.includes(key) || !Object.hasOwn(metric, key)) continue;
    if (shared.keys[index] !== key || !Object.is(shared.extra[key], metric[key])) return false;
    index++;
  }
  return index === shared.keys.length;
}

/**
 * Adds the metrics of one bias section to `metrics`. Large analyses hold tens of thousands of
 * metrics, and everything built stays alive while the rest is read (the garbage collector
 * copies it, more than once), so each metric costs only itself and its lazily resolved
 * location: the location shares its entry's pointer, an `extra` equal to the first one
 * of the same code is shared (evidence is read, never written), and names are normalized
 * once per distinct code.
 */
function readSection(
  doc: ParsedDocument,
  sectionKey: string,
  stage: Stage,
  section: unknown,
  names: Map<string, string>,
  metrics: Record<string, unknown>[],
): { facets: string[]; extra?: Record<string, unknown> } {
  const sectionAt: (string | number)[] = [sectionKey];
  if (!isObject(section)) throw artefactError(`${sectionKey} must be an object`, doc.locate(sectionAt));
  const facets = section.facets;
  if (facets === undefined) throw artefactError(`${sectionKey} has no facets`, doc.locate(sectionAt));
  if (!isObject(facets)) {
    throw artefactError(`${sectionKey}.facets must be an object of facet names to lists of facet values`, doc.locate([...sectionAt, 'facets']));
  }
  const label = section.label;
  const labelValue = section.label_value_or_threshold;
  const sharedExtras = new Map<string, SharedExtra>();
  const facetNames: string[] = [];
  for (const facet of Object.keys(facets)) {
    const entries = facets[facet];
    const facetAt = [...sectionAt, 'facets', facet];
    if (facet.trim() === '') throw artefactError(`${sectionKey} has a facet with an empty name`, doc.locate(facetAt));
    if (!Array.isArray(entries)) {
      throw artefactError(`facet "${facet}" in ${sectionKey} must be a list of facet values with their metrics`, doc.locate(facetAt));
    }
    facetNames.push(facet);
    for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
      const entry: unknown = entries[entryIndex];
      if (!isObject(entry)) throw artefactError(`an entry of facet "${facet}" in ${sectionKey} must be an object`, doc.locate([...facetAt, entryIndex]));
      const group = groupOf(entry.value_or_threshold);
      if (group === undefined) {
        const why = entry.value_or_threshold === undefined ? 'has no value_or_threshold' : 'has a value_or_threshold that is not a string';
        throw artefactError(`an entry of facet "${facet}" in ${sectionKey} ${why}`, doc.locate(entry.value_or_threshold === undefined ? [...facetAt, entryIndex] : [...facetAt, entryIndex, 'value_or_threshold']));
      }
      const entryMetrics = entry.metrics;
      if (!Array.isArray(entryMetrics)) {
        throw artefactError(`facet "${facet}" = "${group}" in ${sectionKey} has no metrics list`, doc.locate(entryMetrics === undefined ? [...facetAt, entryIndex] : [...facetAt, entryIndex, 'metrics']));
      }
      const entryExtra = rest(entry, ENTRY_FIELDS);
      // Shared by the entry's metrics, whose locations each add their index; a literal, as a
      // spread would reserve room to grow in each of thousands of pointers kept until read.
      const metricsAt: (string | number)[] = [sectionKey, 'facets', facet, entryIndex, 'metrics'];
      for (let metricIndex = 0; metricIndex < entryMetrics.length; metricIndex++) {
        const metric: unknown = entryMetrics[metricIndex];
        if (!isObject(metric)) throw artefactError(`a metric of facet "${facet}" = "${group}" in ${sectionKey} must be an object`, doc.locate(metricsAt, metricIndex));
        const code = typeof metric.name === 'string' ? metric.name.trim() : '';
        if (code === '') throw artefactError(`a metric of facet "${facet}" = "${group}" in ${sectionKey} has no name`, doc.locate(metricsAt, metricIndex));
        const raw = metric.value;
        // JSON.parse turns 1e999 into Infinity.
        const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : metricValue(metric, { doc, pointer: [...metricsAt, metricIndex], code, stage, sectionKey, facet, group });
        let name = names.get(code);
        if (name === undefined) names.set(code, (name = clarifyMetricName(code)));
        // An entry's own fields make its metrics' extras differ from other entries': never shared.
        const shared = entryExtra ? undefined : sharedExtras.get(code);
        let extra: Record<string, unknown> | undefined;
        if (shared && givesSharedExtra(metric, shared)) {
          extra = shared.extra;
        } else {
          extra = rest(metric, METRIC_FIELDS);
          if (label !== undefined || labelValue !== undefined || entryExtra) {
            extra ??= {};
            if (label !== undefined) extra.label = label;
            if (labelValue !== undefined) extra.label_value_or_threshold = labelValue;
            if (entryExtra) extra.facet_entry = entryExtra;
          }
          // The first extra of each code is offered for sharing; one that differs stays the metric's own.
          if (extra && !entryExtra && !shared) sharedExtras.set(code, { extra, keys: ownFieldsBesides(metric, METRIC_FIELDS) });
        }
        const location = doc.locate(metricsAt, metricIndex);
        // One literal each way: a field added later would move to a separate, larger store.
        metrics.push(
          extra
            ? { name, original_name: code, attribute: facet, group, stage, value, location, extra }
            : { name, original_name: code, attribute: facet, group, stage, value, location },
        );
      }
    }
  }
  const sectionExtra = rest(section, SECTION_FIELDS);
  return { facets: facetNames, ...(sectionExtra ? { extra: sectionExtra } : {}) };
}

function adaptClarify(input: ArtefactInput): AdaptedEvidence {
  const doc = input.structured();
  const root = doc.value;
  if (!isObject(root)) throw artefactError('expected a JSON object at the top level', doc.locate([]));
  const present = SECTIONS.filter(({ key }) => Object.hasOwn(root, key));
  if (present.length === 0) throw artefactError(NO_BIAS, doc.locate([]));

  const metrics: Record<string, unknown>[] = [];
  const attributes: string[] = [];
  const extra: Record<string, unknown> = rest(root, SECTIONS.map(({ key }) => key)) ?? {};
  const names = new Map<string, string>();
  for (const { key, stage } of present) {
    const section = readSection(doc, key, stage, root[key], names, metrics);
    for (const facet of section.facets) if (!attributes.includes(facet)) attributes.push(facet);
    if (section.extra) extra[key] = section.extra;
  }
  const first = present[0]!.key;
  if (metrics.length === 0) throw artefactError(`${NO_BIAS}: the bias sections list no metric for any facet`, doc.locate([first]));

  const data: Record<string, unknown> = { protected_attributes: attributes, metrics };
  if (Object.keys(extra).length > 0) data.extra = extra;
  const fieldLocations: Record<string, SourceLocation> = {
    protected_attributes: doc.locate([first, 'facets']),
    metrics: doc.locate([first]),
  };
  if (data.extra !== undefined) fieldLocations.extra = doc.locate([]);
  const locate = (path: JsonPointer): SourceLocation => {
    const [field, index] = path;
    if (field === 'metrics' && typeof index === 'number' && metrics[index]) return metrics[index].location as SourceLocation;
    if (typeof field === 'string' && fieldLocations[field]) return fieldLocations[field];
    return doc.locate([]);
  };
  return { data, fieldLocations, locate };
}

function looksLikeClarify(input: ArtefactInput): boolean {
  if (!/\.json$/i.test(input.path)) return false;
  const value = input.structured().value;
  if (!isObject(value)) return false;
  if (SECTIONS.some(({ key }) => Object.hasOwn(value, key))) return true;
  // An explainability-only analysis.json is claimed so that reading it as bias says what is missing.
  const explanations = value.explanations;
  return isObject(explanations) && EXPLANATION_METHODS.some((method) => Object.hasOwn(explanations, method));
}

export const SAGEMAKER_CLARIFY_FORMAT: FormatAdapter = {
  id: SAGEMAKER_CLARIFY_FORMAT_ID,
  kind: 'bias',
  description:
    'SageMaker Clarify bias analysis analysis.json (analysis schema 1.0: pre_training_bias_metrics / post_training_bias_metrics, ' +
    'as written by the Clarify processing container and by smclarify up to 0.5; also the Model Monitor model-bias baseline of the same shape)',
  detect: looksLikeClarify,
  adapt: adaptClarify,
};
