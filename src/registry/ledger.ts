import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { AuditRecord, Enforcement } from '../audit/record.js';
import { AuditStoreError, type AuditStore } from '../audit/store.js';
import type { Verdict } from '../engine/decision.js';

/**
 * Deliveries by idempotency key, so a redelivered event never makes a second record, and so
 * replicas do not handle the same delivery at once. The audit trail is the truth: the ledger
 * remembers, per key, whether its record was appended and what the write-back must say.
 */

/** What a recorded delivery decided: enough to finish, or repeat, the write-back without judging again. */
export interface RecordedOutcome {
  model: string;
  version: string | null;
  verdict: Verdict;
  decision_id: string;
  seq: number;
  failed_rules: string[];
  policy: { name: string; version: string };
  enforcement?: Enforcement;
}

export type Claim =
  /** Nobody has recorded this delivery: judge it. `enforcement` is what an earlier, unfinished try already did to the registry. */
  | { state: 'new'; enforcement?: Enforcement }
  /** Recorded: only the write-back may be left to do. */
  | { state: 'recorded'; outcome: RecordedOutcome }
  /** Finished (recorded and written back, or acknowledged and ignored). */
  | { state: 'done'; outcome?: RecordedOutcome; ignored?: string }
  /** Another replica (or request) is handling it now. */
  | { state: 'busy' };

export interface DeliveryLedger {
  readonly description: string;
  claim(key: string, model: string): Promise<Claim>;
  /** Keeps what was done to the registry before the record exists, so a retry records it instead of doing it again. */
  noteEnforcement(key: string, enforcement: Enforcement): Promise<void>;
  recorded(key: string, outcome: RecordedOutcome, record: AuditRecord): Promise<void>;
  done(key: string, ignored?: string): Promise<void>;
  /** Gives the delivery up after a failure before its record was appended: the next delivery judges it again. */
  release(key: string): Promise<void>;
  /** The latest version other than `except` whose promotion to `alias` passed the gate (MLflow). */
  lastApprovedHolder(model: string, alias: string, except: string): Promise<string | undefined>;
  /** Throws when the store cannot take records (for /readyz). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** The outcome a record stands for; what a ledger rebuilds from the audit trail. */
export function outcomeOfRecord(record: AuditRecord): RecordedOutcome | undefined {
  if (record.kind !== 'decision') return undefined;
  const failed = [...new Set(record.results.filter((result) => result.status === 'fail' || result.status === 'error').map((result) => result.rule))];
  return {
    model: record.subject.model,
    version: record.subject.version,
    verdict: record.verdict,
    decision_id: record.id,
    seq: record.seq,
    failed_rules: failed,
    policy: { name: record.policy.name, version: record.policy.version },
    ...(record.trigger.enforcement && { enforcement: record.trigger.enforcement }),
  };
}

/** A decision that let a promotion to an alias through (pass or warn), recorded from an MLflow alias event. */
export function approvedAliasOf(record: AuditRecord): { model: string; alias: string; version: string } | undefined {
  if (record.kind !== 'decision' || record.verdict === 'fail') return undefined;
  const { registry, alias } = record.trigger;
  if (registry !== 'mlflow' || alias === undefined || record.subject.version === null) return undefined;
  return { model: record.subject.model, alias, version: record.subject.version };
}

interface MemoryEntry {
  state: 'processing' | 'free' | 'recorded' | 'done';
  leaseUntil: number;
  enforcement?: Enforcement;
  outcome?: RecordedOutcome;
  ignored?: string;
}

/**
 * The ledger of a hook server with a `file:` audit store, which serves one replica: the
 * records are scanned once at start (every record with a delivery key), then kept in memory
 * as records are appended. A restart scans again, so a record appended just before a crash
 * is still found.
 */
export async function createFileLedger(store: AuditStore, file: string, options: { leaseMs: number; now?: () => number }): Promise<DeliveryLedger> {
  const now = options.now ?? Date.now;
  const entries = new Map<string, MemoryEntry>();
  const approved = new Map<string, string[]>();
  const remember = (record: AuditRecord) => {
    const delivery = record.trigger.delivery;
    const outcome = outcomeOfRecord(record);
    if (delivery !== undefined && outcome) entries.set(delivery, { state: 'recorded', leaseUntil: 0, outcome });
    const alias = approvedAliasOf(record);
    if (alias) {
      const key = `${alias.model}\u0000${alias.alias}`;
      approved.set(key, [...(approved.get(key) ?? []).filter((version) => version !== alias.version), alias.version]);
    }
  };
  try {
    for await (const record of store.readAll()) remember(record);
  } catch (error) {
    // No file yet: the first append creates it.
    if (!(error instanceof AuditStoreError && error.message.startsWith('audit file not found'))) throw error;
  }

  const entry = (key: string) => entries.get(key);
  return {
    description: store.description,

    async claim(key) {
      const known = entry(key);
      if (!known || known.state === 'free' || (known.state === 'processing' && known.leaseUntil <= now())) {
        entries.set(key, { state: 'processing', leaseUntil: now() + options.leaseMs, ...(known?.enforcement && { enforcement: known.enforcement }) });
        return { state: 'new', ...(known?.enforcement && { enforcement: known.enforcement }) };
      }
      if (known.state === 'processing') return { state: 'busy' };
      if (known.state === 'recorded') return { state: 'recorded', outcome: known.outcome! };
      return { state: 'done', ...(known.outcome && { outcome: known.outcome }), ...(known.ignored !== undefined && { ignored: known.ignored }) };
    },

    async noteEnforcement(key, enforcement) {
      const known = entry(key);
      if (known) known.enforcement = enforcement;
    },

    async recorded(key, outcome, record) {
      remember(record);
      entries.set(key, { state: 'recorded', leaseUntil: 0, outcome });
    },

    async done(key, ignored) {
      const known = entry(key);
      entries.set(key, { state: 'done', leaseUntil: 0, ...(known?.outcome && { outcome: known.outcome }), ...(ignored !== undefined && { ignored }) });
    },

    async release(key) {
      const known = entry(key);
      if (known?.state === 'processing') known.state = 'free';
    },

    async lastApprovedHolder(model, alias, except) {
      const versions = approved.get(`${model}\u0000${alias}`) ?? [];
      return versions.filter((version) => version !== except).at(-1);
    },

    async ready() {
      // The first append creates missing folders: the nearest folder that exists must be writable.
      let folder = path.dirname(file);
      while (!(await access(folder).then(() => true, () => false)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
      await access(folder, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
        throw new AuditStoreError(`the folder of the audit file ${store.description} cannot be written: ${error.code ?? error.message}`);
      });
    },

    async close() {
      // The store is the server's to close.
    },
  };
}
