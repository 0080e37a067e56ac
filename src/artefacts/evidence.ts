import { z } from 'zod';
import type { SourceLocation } from '../document/location.js';

/**
 * The normalized evidence every adapter produces. Policies are written against
 * these shapes only, so a new real-world format never changes a policy or the engine.
 */
export const ARTEFACT_KINDS = ['model_card', 'lineage', 'bias', 'drift'] as const;
export const ArtefactKindSchema = z.enum(ARTEFACT_KINDS);
export type ArtefactKind = z.infer<typeof ArtefactKindSchema>;

/**
 * A source location. Checked by shape only (its `path`), never read field by field:
 * parsers hand out locations whose line is computed on first use, so validating
 * evidence must not force every item's line to be worked out.
 */
export const LocationSchema = z.custom<SourceLocation>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { path?: unknown }).path === 'string',
  { message: 'must be a source location' },
);

/** A finite number: NaN and ±Infinity are never accepted as a metric, so they can never pass a threshold. */
const finite = z.number().refine(Number.isFinite, { message: 'must be a finite number (not NaN or Infinity)' });
const text = z.string().trim().min(1);

/**
 * A plain object of named values. (Its keys are strings: JSON and YAML give no symbol keys,
 * and a symbol-keyed property is invisible to JSON, CEL and reports alike.)
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === null || prototype === Object.prototype) && !Object.hasOwn(value, '__proto__');
}

/**
 * What a tool wrote that has no normalized field: kept, so a policy can still reach it
 * (e.g. `has(item.extra.facets.ownership)`), instead of being dropped. Checked as a record
 * but kept by reference: a zod record copies every key of every item's `extra`, which cost
 * more than the rest of validating a large artefact. Described as the record it is.
 */
const extra = z
  .custom<Record<string, unknown>>(isRecord, { message: 'Invalid input: expected an object of named values' })
  .meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} })
  .optional();

export const SourceFileSchema = z.strictObject({
  path: z.string(),
  format: z.string(),
  sha256: z.string(),
});
export type SourceFile = z.infer<typeof SourceFileSchema>;

export const EvaluationResultSchema = z.strictObject({
  metric: text,
  value: finite,
  dataset: z.string().optional(),
  split: z.string().optional(),
  location: LocationSchema.optional(),
  extra,
});

export const ModelCardSchema = z.strictObject({
  name: z.string().optional(),
  version: z.string().optional(),
  license: z.string().optional(),
  owners: z.array(z.string()).default([]),
  risk: z.string().optional(),
  intended_use: z.string().optional(),
  out_of_scope_use: z.string().optional(),
  limitations: z.string().optional(),
  risks: z.string().optional(),
  ethical_considerations: z.string().optional(),
  training_data: z.array(z.string()).default([]),
  evaluation: z.array(EvaluationResultSchema).default([]),
  /** Names of the documented sections present, normalized to the field names above. */
  sections: z.array(z.string()).default([]),
  extra,
});
export type ModelCard = z.infer<typeof ModelCardSchema>;

export const DatasetSchema = z.strictObject({
  name: text,
  namespace: z.string().optional(),
  role: z.enum(['input', 'output']).default('input'),
  version: z.string().optional(),
  digest: z.string().optional(),
  source: z.string().optional(),
  license: z.string().optional(),
  contains_pii: z.boolean().optional(),
  legal_basis: z.string().optional(),
  owners: z.array(z.string()).default([]),
  location: LocationSchema.optional(),
  extra,
});
export type Dataset = z.infer<typeof DatasetSchema>;

export const LineageSchema = z.strictObject({
  datasets: z.array(DatasetSchema).default([]),
  jobs: z.array(z.strictObject({ name: text, namespace: z.string().optional() })).default([]),
  extra,
});
export type Lineage = z.infer<typeof LineageSchema>;

export const BiasMetricSchema = z.strictObject({
  /** Normalized name, e.g. `disparate_impact`; the tool's own name is kept in `original_name`. */
  name: text,
  original_name: z.string().optional(),
  attribute: text,
  group: z.string(),
  reference_group: z.string().optional(),
  stage: z.enum(['pre_training', 'post_training']).optional(),
  value: finite,
  location: LocationSchema.optional(),
  extra,
});
export type BiasMetric = z.infer<typeof BiasMetricSchema>;

export const BiasSchema = z.strictObject({
  protected_attributes: z.array(z.string()).default([]),
  metrics: z.array(BiasMetricSchema).default([]),
  extra,
});
export type Bias = z.infer<typeof BiasSchema>;

export const WindowSchema = z.strictObject({ start: z.string().optional(), end: z.string().optional() });

export const DriftFeatureSchema = z.strictObject({
  name: text,
  test: z.string().optional(),
  score: finite.optional(),
  threshold: finite.optional(),
  drifted: z.boolean(),
  location: LocationSchema.optional(),
  extra,
});
export type DriftFeature = z.infer<typeof DriftFeatureSchema>;

export const DriftSchema = z.strictObject({
  dataset_drift: z.boolean(),
  /** Share of features that drifted, 0..1; derived from `features` when the tool does not state it. */
  share_drifted: finite.pipe(z.number().min(0).max(1)),
  features: z.array(DriftFeatureSchema).default([]),
  reference: WindowSchema.optional(),
  current: WindowSchema.optional(),
  extra,
});
export type Drift = z.infer<typeof DriftSchema>;

export const EVIDENCE_SCHEMAS = {
  model_card: ModelCardSchema,
  lineage: LineageSchema,
  bias: BiasSchema,
  drift: DriftSchema,
} as const satisfies Record<ArtefactKind, z.ZodType>;

export interface EvidenceByKind {
  model_card: ModelCard;
  lineage: Lineage;
  bias: Bias;
  drift: Drift;
}

/** Evidence of one kind for one model, with the files it was read from. */
export interface Evidence<K extends ArtefactKind = ArtefactKind> {
  kind: K;
  data: EvidenceByKind[K];
  sources: SourceFile[];
  /** Where each top-level field was read, by field name: findings about a field point here. */
  fieldLocations: Record<string, SourceLocation>;
}

export const ApprovalSchema = z.strictObject({
  user: text,
  teams: z.array(z.string()).default([]),
  state: z.enum(['approved', 'changes_requested', 'commented', 'dismissed']).default('approved'),
  at: z.string().optional(),
  source: z.string().default('file'),
});
export type Approval = z.infer<typeof ApprovalSchema>;
