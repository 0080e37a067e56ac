import type { Decision, Subject } from '../engine/decision.js';
import { approvalsGiven, buildApprovalRecord, buildPolicyChangeRecord, buildWaiverRecord, waivedResults } from './record-kinds.js';
import { observeEvidence } from '../engine/observe.js';
import { buildDecisionRecord, canonicalJson, snapshotApproval, type ArtefactDigest, type AuditRecord, type DecisionEntry, type PolicyRef, type RecordContext } from './record.js';
import type { AuditStore } from './store.js';

/** A decision that was not (fully) recorded; the message says how far the appends got. */
export class DecisionNotRecorded extends Error {
  override readonly name = 'DecisionNotRecorded';
}

/** A change of the policy that this run judged with, recorded once before the decisions. */
export interface PolicyChange {
  previous: PolicyRef | null;
  /** The policy after the change; the decision's policy when not given. */
  policy?: PolicyRef;
  paths: readonly string[];
}

/**
 * What each model's decision record is built from: the model's results, the digests of the
 * files its evidence was read from (`pathOf` turns a source's shown path into the recorded
 * path), the approvals and a summary of the evidence.
 */
export function decisionEntries(decision: Decision, subjects: readonly Subject[], pathOf: (shownPath: string) => string = (shown) => shown): DecisionEntry[] {
  return decision.models.map((model) => {
    const subject = subjects.find((candidate) => candidate.model.name === model.name);
    const artefacts: ArtefactDigest[] = Object.values(subject?.evidence ?? {}).flatMap((evidence) =>
      (evidence?.sources ?? []).map((source) => ({ path: pathOf(source.path), sha256: source.sha256.replace(/^sha256:/, '') })),
    );
    return { model, policy: decision.policy, artefacts, approvals: subject?.approvals ?? [], observations: observeEvidence(subject?.evidence ?? {}) };
  });
}

/**
 * Appends one decision record per model of `decision`, with the digests of the files its
 * evidence was read from (`pathOf` turns a source's shown path into the recorded path); after
 * each decision, one `waiver` record per waiver it used and one `approval` record per approval
 * it relied on; before them all, a `policy_change` record when `policyChange` is given.
 * The CLI, the Action and the hook server all record through here, so a record means the same
 * wherever it was made. Returns the records in chain order; throws DecisionNotRecorded on the
 * first failed append.
 */
export async function appendDecisionRecords(
  store: AuditStore,
  decision: Decision,
  subjects: readonly Subject[],
  context: Omit<RecordContext, 'newId' | 'time'> & { now: () => Date },
  pathOf: (shownPath: string) => string = (shown) => shown,
  options: { policyChange?: PolicyChange } = {},
): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  let decisions = 0;
  // Each record carries the time it was appended.
  const recordContext = () => ({ time: context.now(), actor: context.actor, trigger: context.trigger });
  try {
    if (options.policyChange) {
      const change = options.policyChange;
      const approvals = approvalsGiven(subjects.flatMap((subject) => subject.approvals)).map(snapshotApproval);
      const unique = [...new Map(approvals.map((approval) => [canonicalJson(approval), approval])).values()];
      records.push(await store.append((head) => buildPolicyChangeRecord(change, change.policy ?? decision.policy, unique, head, recordContext())));
    }
    for (const entry of decisionEntries(decision, subjects, pathOf)) {
      const { model } = entry;
      const sealed = await store.append((head) => buildDecisionRecord(entry, head, recordContext()));
      records.push(sealed);
      decisions += 1;
      const approvals = sealed.approvals;
      for (const waived of waivedResults(model)) {
        records.push(await store.append((head) => buildWaiverRecord(waived, sealed.subject!, decision.policy, approvals, head, recordContext())));
      }
      for (const approval of approvalsGiven(entry.approvals)) {
        records.push(await store.append((head) => buildApprovalRecord(snapshotApproval(approval), sealed.subject!, decision.policy, head, recordContext())));
      }
    }
  } catch (error) {
    const partly = records.length > 0 ? ` (${decisions} of ${decision.models.length} model decisions were recorded, up to seq ${records.at(-1)!.seq})` : '';
    throw new DecisionNotRecorded(`the decision was not recorded in ${store.description}${partly}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return records;
}
