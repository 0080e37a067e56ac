import type { AuditRecord, Trigger } from '../audit/record.js';
import type { PolicyChange } from '../audit/record-decisions.js';
import type { AuditStore } from '../audit/store.js';
import type { Decision, Subject } from '../engine/decision.js';
import type { GitHubClient } from '../github/client.js';
import type { Repository } from '../github/event.js';

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
  /**
   * The Action's client and repository: a `github:` store writes with the Action's token, and
   * `github:` alone means the repository the workflow runs in.
   */
  github?: { client: GitHubClient; repository: Repository };
  /** A pull request that changes the policy: recorded before the decisions. */
  policyChange?: PolicyChange;
}

/**
 * Appends one decision record per model (with the waivers, approvals and policy change that go
 * with it; see appendDecisionRecords). Any failure is thrown: the caller fails the step, so a
 * gate decision is never left unrecorded without a word.
 */
export async function recordDecisions(decision: Decision, subjects: readonly Subject[], context: AuditContext): Promise<{ records: AuditRecord[]; store: string }> {
  let store: AuditStore | undefined;
  try {
    // Loaded only by runs that record: most pull-request runs have no audit store.
    const [{ openAuditStore }, { appendDecisionRecords }] = await Promise.all([import('../audit/stores/open.js'), import('../audit/record-decisions.js')]);
    store = await openAuditStore(context.url, { cwd: context.cwd, ...(context.github && { github: context.github }) });
    const records = await appendDecisionRecords(store, decision, subjects, { now: () => context.now, actor: context.actor, trigger: context.trigger }, undefined, {
      ...(context.policyChange && { policyChange: context.policyChange }),
    });
    return { records, store: store.description };
  } catch (error) {
    throw new AuditFailure(`audit: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await store?.close().catch(() => undefined);
  }
}
