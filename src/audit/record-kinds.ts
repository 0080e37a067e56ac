import { randomUUID } from 'node:crypto';
import type { Approval } from '../artefacts/evidence.js';
import type { Decision, ModelDecision, RuleResult } from '../engine/decision.js';
import {
  AUDIT_RECORD_FORMAT,
  nextLink,
  type ApprovalSnapshot,
  type AuditHead,
  type PolicyRef,
  type RecordContext,
  snapshotResult,
  type RecordResult,
  type RecordSubject,
  type UnsignedRecord,
} from './record.js';

/**
 * The records that join decisions in the chain: an approval a decision relied on, a waiver a
 * decision used, and a change of the policy. Pure, like the decision record: the store seals them.
 */

function envelope(head: AuditHead | undefined, context: RecordContext, policy: Decision['policy']) {
  return {
    format: AUDIT_RECORD_FORMAT as typeof AUDIT_RECORD_FORMAT,
    id: (context.newId ?? randomUUID)(),
    ...nextLink(head),
    time: context.time.toISOString(),
    trigger: context.trigger,
    actor: context.actor,
    policy: { name: policy.name, version: policy.version, digest: policy.digest },
  };
}

/** One `approval` record: `approvals` holds the approval given, `subject` the model (and files) it was given for. */
export function buildApprovalRecord(
  approval: ApprovalSnapshot,
  subject: RecordSubject,
  policy: Decision['policy'],
  head: AuditHead | undefined,
  context: RecordContext,
): UnsignedRecord {
  return { ...envelope(head, context, policy), kind: 'approval', subject, results: [], verdict: null, approvals: [approval] };
}

/** One `waiver` record for a result a waiver turned into `waived`; `results` holds that result. */
export function buildWaiverRecord(
  waived: { record: RecordResult; waiver: NonNullable<RuleResult['waiver']> },
  subject: RecordSubject,
  policy: Decision['policy'],
  approvals: readonly ApprovalSnapshot[],
  head: AuditHead | undefined,
  context: RecordContext,
): UnsignedRecord {
  return {
    ...envelope(head, context, policy),
    kind: 'waiver',
    subject,
    results: [waived.record],
    verdict: null,
    approvals: [...approvals],
    waiver: { rule: waived.record.rule, reason: waived.waiver.reason, approver: waived.waiver.approved_by, expires: waived.waiver.expires },
  };
}

/** One `policy_change` record: the policy judged now, the one before (if known) and the files that changed. */
export function buildPolicyChangeRecord(
  change: { previous: PolicyRef | null; paths: readonly string[] },
  policy: Decision['policy'],
  approvals: readonly ApprovalSnapshot[],
  head: AuditHead | undefined,
  context: RecordContext,
): UnsignedRecord {
  return {
    ...envelope(head, context, policy),
    kind: 'policy_change',
    subject: null,
    results: [],
    verdict: null,
    approvals: [...approvals],
    change: { previous: change.previous, paths: [...change.paths].sort() },
  };
}

/** The waived results of a model decision, each with its waiver. */
export function waivedResults(model: ModelDecision): Array<{ record: RecordResult; waiver: NonNullable<RuleResult['waiver']> }> {
  return model.results.flatMap((result) => (result.status === 'waived' && result.waiver ? [{ record: snapshotResult(result), waiver: result.waiver }] : []));
}

/** Approvals a decision relied on: those in the `approved` state. */
export function approvalsGiven(approvals: readonly Approval[]): Approval[] {
  return approvals.filter((approval) => approval.state === 'approved');
}
