import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { ParsedDocument } from '../../document/parse.js';
import { normalizeBiasMetricName } from '../metrics.js';
import { ARTEFACT_KINDS, type ArtefactKind } from '../evidence.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

export const NATIVE_API_VERSION = 'modelgate/v1';

/** Lists whose items carry their own line, so a failing item is reported where it stands. */
const ITEM_LISTS: Record<ArtefactKind, string[]> = {
  model_card: ['evaluation'],
  lineage: ['datasets'],
  bias: ['metrics'],
  drift: ['features'],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looksNative(input: ArtefactInput, kind: ArtefactKind): boolean {
  if (!/\.(ya?ml|json)$/i.test(input.path)) return false;
  const value = input.structured().value;
  return isObject(value) && value.apiVersion === NATIVE_API_VERSION && value.kind === kind;
}

function adaptNative(input: ArtefactInput, kind: ArtefactKind): AdaptedEvidence {
  const doc: ParsedDocument = input.structured();
  const value = doc.value;
  if (!isObject(value)) throw artefactError('expected a mapping at the top level', doc.locate([]));
  const { apiVersion: _apiVersion, kind: _kind, ...fields } = value;
  const data: Record<string, unknown> = { ...fields };
  const fieldLocations: Record<string, SourceLocation> = {};
  for (const key of Object.keys(fields)) fieldLocations[key] = doc.locate([key]);
  for (const list of ITEM_LISTS[kind]) {
    const items = data[list];
    if (!Array.isArray(items)) continue;
    data[list] = items.map((item, index) =>
      isObject(item) ? { ...item, location: doc.locate([list, index]) } : item,
    );
  }
  if (kind === 'drift') deriveDriftShare(data);
  if (kind === 'bias' && Array.isArray(data.metrics)) {
    data.metrics = data.metrics.map((metric: unknown) =>
      isObject(metric) && typeof metric.name === 'string' && metric.original_name === undefined
        ? { ...metric, ...normalizeBiasMetricName(metric.name) }
        : metric,
    );
  }
  return { data, fieldLocations, locate: (path) => doc.locate(path) };
}

/** The share of drifted features is implied by the feature list when a report does not state it. */
export function deriveDriftShare(data: Record<string, unknown>): void {
  const features = data.features;
  if (data.share_drifted !== undefined || !Array.isArray(features) || features.length === 0) return;
  const drifted = features.filter((feature) => isObject(feature) && feature.drifted === true).length;
  data.share_drifted = drifted / features.length;
}

export const NATIVE_FORMATS: FormatAdapter[] = ARTEFACT_KINDS.map((kind) => ({
  id: `modelgate-${kind.replace('_', '-')}`,
  kind,
  description: `modelgate native ${kind} (YAML or JSON, apiVersion ${NATIVE_API_VERSION}, kind ${kind})`,
  detect: (input) => looksNative(input, kind),
  adapt: (input) => adaptNative(input, kind),
}));
