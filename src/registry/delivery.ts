import type { Enforcement, Trigger } from '../audit/record.js';
import { appendDecisionRecords } from '../audit/record-decisions.js';
import type { AuditStore } from '../audit/store.js';
import { describeError } from '../errors.js';
import type { Source } from './config.js';
import type { Judgement } from './judge.js';
import { outcomeOfRecord, type DeliveryLedger, type RecordedOutcome } from './ledger.js';
import type { DeliveryOutcome, HookMetrics } from './metrics.js';

/**
 * One delivery from judging to writing back, the same for every registry:
 *
 * 1. claim the delivery key (a redelivery of a recorded event only repeats the write-back);
 * 2. judge the model version (a registry that cannot be read gives blocking `error` results);
 * 3. enforce (MLflow: a protected alias is removed or restored) and note it in the ledger;
 * 4. append the decision record, with the event and the enforcement as its trigger;
 * 5. write the verdict back to the registry.
 *
 * A failure in 1–4 releases the claim and answers 503, so the registry delivers again and
 * nothing is recorded twice; a failure in 5 answers 503 too, and the redelivery repeats only
 * the write-back. A delivery is never answered 2xx before its record is durable.
 */

export interface HookReply {
  status: number;
  body: Record<string, unknown>;
  /** Seconds, for the Retry-After header of a 429 or 503. */
  retryAfter?: number;
  outcome: DeliveryOutcome;
}

export interface DeliveryWork {
  source: Source;
  /** The idempotency key, e.g. `mlflow:<delivery id>`. */
  key: string;
  /** The model's name as recorded (the audit subject). */
  model: string;
  /** Judges the model version; or says, having looked at the registry, that the event needs no decision. */
  judge(): Promise<{ judgement: Judgement; trigger: Trigger } | { ignored: string }>;
  /** What the decision requires done to the registry before it is recorded (MLflow protected aliases). */
  enforce?(judgement: Judgement): Promise<Enforcement | undefined>;
  /** Writes the recorded verdict to the registry; repeated on redelivery, so it must be idempotent. */
  writeBack(outcome: RecordedOutcome): Promise<void>;
}

export interface DeliveryServices {
  ledger: DeliveryLedger;
  store: AuditStore;
  actor: string;
  now: () => Date;
  metrics: HookMetrics;
  log: { error(object: object, message: string): void; info(object: object, message: string): void };
}

/** Seconds a registry is asked to wait before delivering again. */
const RETRY_AFTER_SECONDS = 5;

export async function runDelivery(work: DeliveryWork, services: DeliveryServices): Promise<HookReply> {
  const { ledger, log } = services;
  const retry = (reason: string, error?: unknown): HookReply => {
    if (error !== undefined) log.error({ delivery: work.key, err: describeError(error) }, reason);
    return { status: 503, body: { result: 'retry', reason }, retryAfter: RETRY_AFTER_SECONDS, outcome: error === undefined ? 'busy' : 'failed' };
  };

  let claim;
  try {
    claim = await ledger.claim(work.key, work.model);
  } catch (error) {
    return retry('the audit store cannot be reached', error);
  }
  if (claim.state === 'busy') return retry('this delivery is being handled (by another replica or request)');
  if (claim.state === 'done') {
    return { status: 200, body: { result: 'duplicate', delivery: work.key, ...(claim.outcome && summary(claim.outcome)), ...(claim.ignored && { ignored: claim.ignored }) }, outcome: 'duplicate' };
  }
  if (claim.state === 'recorded') {
    try {
      await work.writeBack(claim.outcome);
      await ledger.done(work.key);
    } catch (error) {
      return retry('the decision is recorded, but writing it back to the registry failed', error);
    }
    return { status: 200, body: { result: 'duplicate', delivery: work.key, ...summary(claim.outcome) }, outcome: 'duplicate' };
  }

  let outcome: RecordedOutcome;
  try {
    const judged = await work.judge();
    if ('ignored' in judged) {
      await ledger.done(work.key, judged.ignored);
      return { status: 200, body: { result: 'ignored', reason: judged.ignored }, outcome: 'ignored' };
    }
    // An earlier try may already have changed the registry: record what it did rather than doing it again.
    let enforcement = claim.enforcement;
    if (!enforcement && work.enforce) {
      enforcement = await work.enforce(judged.judgement);
      if (enforcement) await ledger.noteEnforcement(work.key, enforcement);
    }
    const trigger: Trigger = { ...judged.trigger, delivery: work.key, ...(enforcement && { enforcement }) };
    const { decision, subjects } = judged.judgement;
    const [record] = await appendDecisionRecords(services.store, decision, subjects, { now: services.now, actor: services.actor, trigger });
    outcome = outcomeOfRecord(record!)!;
    await ledger.recorded(work.key, outcome, record!);
    services.metrics.decisions.inc({ source: work.source, verdict: outcome.verdict });
    log.info({ delivery: work.key, model: outcome.model, version: outcome.version, verdict: outcome.verdict, decision: outcome.decision_id, seq: outcome.seq }, 'decision recorded');
  } catch (error) {
    await ledger.release(work.key).catch(() => undefined);
    return retry('the delivery could not be judged and recorded; nothing was recorded', error);
  }

  try {
    await work.writeBack(outcome);
    await ledger.done(work.key);
  } catch (error) {
    return retry('the decision is recorded, but writing it back to the registry failed', error);
  }
  return { status: 200, body: { result: 'recorded', delivery: work.key, ...summary(outcome) }, outcome: 'recorded' };
}

function summary(outcome: RecordedOutcome): Record<string, unknown> {
  return {
    model: outcome.model,
    version: outcome.version,
    verdict: outcome.verdict,
    decision_id: outcome.decision_id,
    failed_rules: outcome.failed_rules,
    ...(outcome.enforcement && { enforcement: outcome.enforcement }),
  };
}
