import { policyReads, type CompiledPolicy } from '../engine/compile.js';
import type { PreviousDecision, PreviousDecisionLookup } from '../engine/decision.js';
import { describeError, isModelgateError } from '../errors.js';
import type { AuditRecord } from './record.js';
import { AuditStoreError, type AuditStore } from './store.js';
import { auditStoreKind, openAuditStore, type OpenAuditStoreOptions } from './stores/open.js';
import { createChainVerifier, describeBroken, type StoredEntry } from './verify.js';

/**
 * The previous approved decision of each model, for the CEL variable `previous`: the latest
 * decision record of the model whose verdict let it through. `warn` counts as well as `pass`:
 * a warning does not block, so the data of a `warn` decision was released too, and leaving it
 * out would let a model that always warns escape every comparison.
 */
export const APPROVED_VERDICTS: readonly string[] = ['pass', 'warn'];

type DecisionRecord = Extract<AuditRecord, { kind: 'decision' }>;

/** What a policy sees of a decision record; a record written before observations has no datasets and a null digest. */
export function previousDecisionOf(record: DecisionRecord): PreviousDecision {
  return {
    decision_id: record.id,
    seq: record.seq,
    time: record.time,
    verdict: record.verdict as PreviousDecision['verdict'],
    version: record.subject.version,
    datasets: record.observations?.datasets ?? [],
    datasets_digest: record.observations?.datasets_digest ?? null,
    datasets_total: record.observations?.datasets_total ?? 0,
  };
}

/**
 * Reads the whole chain through the verifier, keeping each model's latest approved decision.
 * A chain that does not verify gives no answer rather than an older one: a record edited or
 * removed after the break could be exactly the decision a rule needs.
 */
export async function findPreviousDecisions(batches: AsyncIterable<readonly StoredEntry[]>): Promise<PreviousDecisionLookup> {
  const verifier = createChainVerifier();
  const decisions = new Map<string, PreviousDecision>();
  for await (const batch of batches) {
    for (const entry of batch) {
      const { record, broken } = verifier.read(entry);
      if (!record) return { unavailable: `the audit trail does not verify: ${describeBroken(broken!)}` };
      if (record.kind === 'decision' && APPROVED_VERDICTS.includes(record.verdict)) decisions.set(record.subject.model, previousDecisionOf(record));
    }
  }
  return { decisions };
}

/**
 * The edges' one call (CLI `check --audit`, the Action's `audit` input): reads the previous
 * approved decisions from the store the decision will be recorded in, when the policy has a
 * rule that reads `previous`. Undefined when there is no store or no such rule. Never throws
 * for the store itself: a store that cannot be read makes `previous` unknown, and the rules
 * that read it give `error`. An unsupported URL is still a usage error.
 */
export async function lookupPreviousDecisions(
  policy: CompiledPolicy,
  url: string | undefined,
  options: { cwd: string; github?: OpenAuditStoreOptions['github'] },
): Promise<PreviousDecisionLookup | undefined> {
  if (url === undefined || !policyReads(policy, 'previous')) return undefined;
  auditStoreKind(url);
  let store: AuditStore | undefined;
  try {
    store = await openAuditStore(url, { cwd: options.cwd, ...(options.github && { github: options.github }) });
    return await readPreviousDecisions(policy, store);
  } catch (error) {
    if (isModelgateError(error) && error.code === 'usage') throw error;
    return unreadable(error, store);
  } finally {
    await store?.close().catch(() => undefined);
  }
}

/**
 * The same lookup in a store that is already open (the hook server keeps one for its life).
 * Undefined when no rule reads `previous`; never throws.
 */
export async function readPreviousDecisions(policy: CompiledPolicy, store: AuditStore): Promise<PreviousDecisionLookup | undefined> {
  if (!policyReads(policy, 'previous')) return undefined;
  try {
    return await findPreviousDecisions(store.readEntries());
  } catch (error) {
    return unreadable(error, store);
  }
}

function unreadable(error: unknown, store: AuditStore | undefined): PreviousDecisionLookup {
  // A trail that does not exist yet is an empty trail: its first append creates it.
  if (isMissingTrailFile(error)) return { decisions: new Map() };
  return { unavailable: `the audit trail${store ? ` ${store.description}` : ''} cannot be read: ${describeError(error)}` };
}

function isMissingTrailFile(error: unknown): boolean {
  return error instanceof AuditStoreError && error.trailMissing;
}
