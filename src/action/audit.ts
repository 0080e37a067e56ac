import { buildDecisionRecord, type AuditRecord, type Trigger } from '../audit/record.js';
import { openAuditStore } from '../audit/stores/open.js';
import type { Decision, Subject } from '../engine/decision.js';

/** A decision that could not be recorded: the step fails with this message. */
export class AuditFailure extends Error {
  override readonly name = 'AuditFailure';
}

export interface AuditContext {
  url: string;
  /** Where relative `file:` store paths start: the workspace. */
  cwd: string;
  actor: string;
  trigger: Trigger;
  now: Date;
}

/**
 * Appends one decision record per model. Any failure is thrown: the caller fails the step, so a
 * gate decision is never left unrecorded without a word.
 */
export async function recordDecisions(decision: Decision, subjects: readonly Subject[], context: AuditContext): Promise<{ records: AuditRecord[]; store: string }> {
  const store = await openAuditStore(context.url, { cwd: context.cwd });
  const records: AuditRecord[] = [];
  try {
    for (const model of decision.models) {
      const subject = subjects.find((candidate) => candidate.model.name === model.name);
      const artefacts = Object.values(subject?.evidence ?? {}).flatMap((evidence) =>
        (evidence?.sources ?? []).map((source) => ({ path: source.path, sha256: source.sha256.replace(/^sha256:/, '') })),
      );
      const entry = { model, policy: decision.policy, artefacts, approvals: subject?.approvals ?? [] };
      records.push(await store.append((head) => buildDecisionRecord(entry, head, { time: context.now, actor: context.actor, trigger: context.trigger })));
    }
  } catch (error) {
    const partly = records.length > 0 ? ` (${records.length} of ${decision.models.length} model decisions were recorded, up to seq ${records.at(-1)!.seq})` : '';
    throw new AuditFailure(`audit: the decision was not recorded in ${store.description}${partly}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await store.close().catch(() => undefined);
  }
  return { records, store: store.description };
}
