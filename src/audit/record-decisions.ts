import type { Decision, Subject } from '../engine/decision.js';
import { buildDecisionRecord, observeEvidence, type ArtefactDigest, type AuditRecord, type RecordContext } from './record.js';
import type { AuditStore } from './store.js';

/** A decision that was not (fully) recorded; the message says how far the appends got. */
export class DecisionNotRecorded extends Error {
  override readonly name = 'DecisionNotRecorded';
}

/**
 * Appends one decision record per model of `decision`, with the digests of the files its
 * evidence was read from (`pathOf` turns a source's shown path into the recorded path).
 * The CLI and the Action both record through here, so a record means the same wherever it
 * was made. Throws DecisionNotRecorded on the first failed append.
 */
export async function appendDecisionRecords(
  store: AuditStore,
  decision: Decision,
  subjects: readonly Subject[],
  context: Omit<RecordContext, 'newId' | 'time'> & { now: () => Date },
  pathOf: (shownPath: string) => string = (shown) => shown,
): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  try {
    for (const model of decision.models) {
      const subject = subjects.find((candidate) => candidate.model.name === model.name);
      const artefacts: ArtefactDigest[] = Object.values(subject?.evidence ?? {}).flatMap((evidence) =>
        (evidence?.sources ?? []).map((source) => ({ path: pathOf(source.path), sha256: source.sha256.replace(/^sha256:/, '') })),
      );
      const entry = { model, policy: decision.policy, artefacts, approvals: subject?.approvals ?? [], observations: observeEvidence(subject?.evidence ?? {}) };
      // Each record carries the time it was appended.
      const recordContext = { time: context.now(), actor: context.actor, trigger: context.trigger };
      records.push(await store.append((head) => buildDecisionRecord(entry, head, recordContext)));
    }
  } catch (error) {
    const partly = records.length > 0 ? ` (${records.length} of ${decision.models.length} model decisions were recorded, up to seq ${records.at(-1)!.seq})` : '';
    throw new DecisionNotRecorded(`the decision was not recorded in ${store.description}${partly}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return records;
}
