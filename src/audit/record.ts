import { hash, randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import { z } from 'zod';
import type { Approval } from '../artefacts/evidence.js';
import type { Decision, ModelDecision, RuleResult } from '../engine/decision.js';


export { canonicalJson };
/**
 * Audit records: one JSON object per event, chained by hash. Everything here is pure:
 * stores decide where records live, this module decides what a record is and how it is sealed.
 */

/** Written into every record, so a later format can change fields without old records becoming ambiguous. */
export const AUDIT_RECORD_FORMAT = 'modelgate.audit/v1';

export const RECORD_KINDS = ['decision', 'approval', 'waiver', 'policy_change'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const TRIGGER_TYPES = ['cli', 'pull_request', 'release', 'registry'] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');
const text = z.string().min(1);

export const ArtefactDigestSchema = z.strictObject({ path: text, sha256: sha256Hex });
export type ArtefactDigest = z.infer<typeof ArtefactDigestSchema>;

export const RecordSubjectSchema = z.strictObject({
  model: text,
  version: z.string().nullable(),
  /** Every artefact file the decision read, by repository-relative path, sorted by path. */
  artefacts: z.array(ArtefactDigestSchema),
});
export type RecordSubject = z.infer<typeof RecordSubjectSchema>;

export const REGISTRY_NAMES = ['mlflow', 'huggingface', 'sagemaker'] as const;
export type RegistryName = (typeof REGISTRY_NAMES)[number];

/**
 * What a registry hook did to the registry because of the decision, before recording it:
 * a blocked promotion's alias removed, or moved back to the version that last passed the
 * gate for it; `alias_unchanged` when the alias had already moved on.
 */
export const EnforcementSchema = z.strictObject({
  action: z.enum(['alias_removed', 'alias_restored', 'alias_unchanged']),
  alias: text,
  /** The version the alias was moved back to (`alias_restored`). */
  version: z.string().optional(),
  /** Why, in words. */
  reason: z.string(),
});
export type Enforcement = z.infer<typeof EnforcementSchema>;

/**
 * The optional fields came with the registry hooks; records written before them lack them,
 * so each stays optional and old records keep their hashes.
 */
export const TriggerSchema = z.strictObject({
  type: z.enum(TRIGGER_TYPES),
  ref: z.string().optional(),
  url: z.string().optional(),
  /** The registry whose event started the check (type `registry`). */
  registry: z.enum(REGISTRY_NAMES).optional(),
  /** The registry's name for the event, e.g. `model_version_alias.created`. */
  event: z.string().optional(),
  /** The delivery's idempotency key: a redelivered event finds its record by it. */
  delivery: z.string().optional(),
  /** The alias a promotion set (MLflow). */
  alias: z.string().optional(),
  enforcement: EnforcementSchema.optional(),
});
export type Trigger = z.infer<typeof TriggerSchema>;

export const PolicyRefSchema = z.strictObject({ name: text, version: text, digest: text });
export type PolicyRef = z.infer<typeof PolicyRefSchema>;

const RecordLocationSchema = z.strictObject({
  path: z.string(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});

export const RecordResultSchema = z.strictObject({
  rule: text,
  status: z.enum(['pass', 'fail', 'warn', 'waived', 'skipped', 'error']),
  severity: z.enum(['error', 'warn']),
  message: z.string(),
  controls: z.array(z.string()),
  location: RecordLocationSchema.optional(),
});
export type RecordResult = z.infer<typeof RecordResultSchema>;

export const ApprovalSnapshotSchema = z.strictObject({
  user: text,
  teams: z.array(z.string()),
  state: z.enum(['approved', 'changes_requested', 'commented', 'dismissed']),
  at: z.string().optional(),
  source: z.string(),
});
export type ApprovalSnapshot = z.infer<typeof ApprovalSnapshotSchema>;

export const WaiverDetailSchema = z.strictObject({ rule: text, reason: text, approver: text, expires: text });
/**
 * What the evidence measured, kept with the decision so that history can be charted and
 * compared without the artefacts: one summary per metric (min/max over groups, so a bias
 * report with thousands of groups stays small) and the model's input datasets.
 */
export const ObservedMetricSchema = z.strictObject({
  kind: z.enum(['bias', 'drift', 'evaluation']),
  name: text,
  /** The protected attribute (bias) or dataset (evaluation) the metric is about. */
  attribute: z.string().optional(),
  min: z.number(),
  max: z.number(),
  /** How many values (groups, splits) the summary covers. */
  count: z.number().int().positive(),
});
export type ObservedMetric = z.infer<typeof ObservedMetricSchema>;

export const ObservedDatasetSchema = z.strictObject({
  name: text,
  namespace: z.string().optional(),
  version: z.string().optional(),
  digest: z.string().optional(),
});
export type ObservedDataset = z.infer<typeof ObservedDatasetSchema>;

export const ObservationsSchema = z.strictObject({
  metrics: z.array(ObservedMetricSchema),
  /** Input datasets of the lineage, sorted; at most MAX_LISTED_DATASETS (engine/observe.ts) of them. */
  datasets: z.array(ObservedDatasetSchema),
  /** sha256 over the canonical JSON of every input dataset (all of them): equal digests, same training data. */
  datasets_digest: sha256Hex.nullable(),
  datasets_total: z.number().int().nonnegative(),
});
export type Observations = z.infer<typeof ObservationsSchema>;

export const PolicyChangeDetailSchema = z.strictObject({
  previous: PolicyRefSchema.nullable(),
  paths: z.array(z.string()),
});

/** Fields every kind carries, so exports and filters treat all kinds alike. */
const envelope = {
  format: z.literal(AUDIT_RECORD_FORMAT),
  id: z.uuid(),
  seq: z.number().int().nonnegative(),
  time: z.iso.datetime(),
  trigger: TriggerSchema,
  actor: text,
  policy: PolicyRefSchema,
  results: z.array(RecordResultSchema),
  approvals: z.array(ApprovalSnapshotSchema),
  prev: sha256Hex.nullable(),
  hash: sha256Hex,
};

/**
 * Strict objects without defaults or transforms: a record that parses is returned unchanged,
 * so what is hashed, stored and shown is one and the same value.
 */
export const AuditRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...envelope,
    kind: z.literal('decision'),
    subject: RecordSubjectSchema,
    verdict: z.enum(['pass', 'warn', 'fail']),
    /** Added after the first records were written; absent from those, so optional. */
    observations: ObservationsSchema.optional(),
  }),
  z.strictObject({ ...envelope, kind: z.literal('approval'), subject: RecordSubjectSchema, verdict: z.null() }),
  z.strictObject({ ...envelope, kind: z.literal('waiver'), subject: RecordSubjectSchema, verdict: z.null(), waiver: WaiverDetailSchema }),
  z.strictObject({ ...envelope, kind: z.literal('policy_change'), subject: RecordSubjectSchema.nullable(), verdict: z.null(), change: PolicyChangeDetailSchema }),
]);
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A record before the store seals it: `hash` is computed from everything else. */
export type UnsignedRecord = DistributiveOmit<AuditRecord, 'hash'>;

/** The last record of a chain, which the next record links to. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** `seq` and `prev` for the record that follows `head` (undefined for an empty chain). */
export function nextLink(head: AuditHead | undefined): { seq: number; prev: string | null } {
  return head ? { seq: head.seq + 1, prev: head.hash } : { seq: 0, prev: null };
}

/** The record's hash: sha256 (hex) over the RFC 8785 canonical JSON of the record without `hash`. */
export function hashRecord(record: object): string {
  const { hash: _hash, ...rest } = record as Record<string, unknown>;
  return sha256OfCanonicalText(canonicalJson(rest));
}

/** sha256 (lowercase hex) of a record's canonical text, UTF-8 encoded: the one definition of a record hash. */
export function sha256OfCanonicalText(text: string): string {
  return hash('sha256', text, 'hex');
}


/**
 * Seals a record: checks it links to `head` and is a valid record, then adds its hash.
 * Stores call this inside their serialization, so a builder that ignores the head is caught here.
 */
export function sealRecord(unsigned: UnsignedRecord, head: AuditHead | undefined): AuditRecord {
  const expected = nextLink(head);
  if (unsigned.seq !== expected.seq || unsigned.prev !== expected.prev) {
    throw new Error(`record does not follow the chain head: seq ${unsigned.seq}, prev ${unsigned.prev} (expected seq ${expected.seq}, prev ${expected.prev})`);
  }
  // A JSON round trip drops `undefined` fields, so the hash covers exactly what is stored.
  const plain = JSON.parse(JSON.stringify(unsigned)) as UnsignedRecord;
  const parsed = AuditRecordSchema.safeParse({ ...plain, hash: hashRecord(plain) });
  if (!parsed.success) throw new Error(`invalid audit record: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export interface RecordContext {
  time: Date;
  actor: string;
  trigger: Trigger;
  /** Record ids; injected so that building stays deterministic in tests. */
  newId?: () => string;
}

/** What a decision record says about one model, before it is placed in a chain. */
export interface DecisionEntry {
  model: ModelDecision;
  policy: Decision['policy'];
  artefacts: readonly ArtefactDigest[];
  approvals: readonly Approval[];
  /** The evidence judged, summarized; see `observeEvidence`. */
  observations?: Observations;
}

/** Builds the unsigned decision record for one model, linked to `head`. */
export function buildDecisionRecord(entry: DecisionEntry, head: AuditHead | undefined, context: RecordContext): UnsignedRecord {
  return {
    format: AUDIT_RECORD_FORMAT,
    id: (context.newId ?? randomUUID)(),
    ...nextLink(head),
    time: context.time.toISOString(),
    kind: 'decision',
    subject: { model: entry.model.name, version: entry.model.version, artefacts: normalizeArtefacts(entry.artefacts) },
    trigger: context.trigger,
    actor: context.actor,
    policy: { name: entry.policy.name, version: entry.policy.version, digest: entry.policy.digest },
    results: entry.model.results.map(snapshotResult),
    verdict: entry.model.verdict,
    approvals: entry.approvals.map(snapshotApproval),
    ...(entry.observations && { observations: entry.observations }),
  };
}


/** Sorted by path and without repeats: the same files judged give the same subject, whatever the glob order. */
export function normalizeArtefacts(artefacts: readonly ArtefactDigest[]): ArtefactDigest[] {
  const byPath = new Map<string, ArtefactDigest>();
  for (const artefact of artefacts) byPath.set(`${artefact.path}\u0000${artefact.sha256}`, { path: artefact.path, sha256: artefact.sha256 });
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.sha256 < b.sha256 ? -1 : 1));
}

/** Copies only the contract fields, so engine-internal additions never leak into a signed record. */
export function snapshotResult(result: RuleResult): z.infer<typeof RecordResultSchema> {
  const snapshot: z.infer<typeof RecordResultSchema> = {
    rule: result.rule,
    status: result.status,
    severity: result.severity,
    message: result.message,
    controls: [...result.controls],
  };
  if (result.location) {
    const { path, line, column } = result.location;
    snapshot.location = { path, ...(line !== undefined && { line }), ...(column !== undefined && { column }) };
  }
  return snapshot;
}

export function snapshotApproval(approval: Approval): ApprovalSnapshot {
  return {
    user: approval.user,
    teams: [...approval.teams],
    state: approval.state,
    ...(approval.at !== undefined && { at: approval.at }),
    source: approval.source,
  };
}
