import { ModelgateError } from '../errors.js';
import type { AuditHead, AuditRecord, UnsignedRecord } from './record.js';
import { checkRecord, type StoredEntry } from './verify.js';

/**
 * Where audit records are kept. Every store serializes appends per chain, so the builder
 * sees the true head and two writers can never link to the same record (no fork, no loss).
 */
export interface AuditStore {
  /** The store as a person may see it: a path, or a URL without its password. */
  readonly description: string;
  /**
   * Appends one record. `build` runs while the store holds the chain, with the current head
   * (undefined for an empty chain); the store checks the link, seals the record with its
   * hash and makes it durable before returning it. A failure leaves nothing half-written
   * that a later append could link to. A store may write appends made at once together (the
   * file and PostgreSQL stores do): each `build` still sees the record before its own, and
   * each call still gets its own record or error.
   */
  append(build: (head: AuditHead | undefined) => UnsignedRecord): Promise<AuditRecord>;
  /** Records in chain order, validated; a record that is not valid ends the iteration with an error. */
  readAll(): AsyncIterable<AuditRecord>;
  /**
   * Records in chain order as the exact stored text, for `verify`, which judges each one; in
   * batches as the store reads them (a chunk of a file, a page of rows), so a long chain costs
   * one await per batch, not per record.
   */
  readEntries(): AsyncIterable<readonly StoredEntry[]>;
  close(): Promise<void>;
}

/** Stores that need their schema created before first use. */
export interface MigratableStore extends AuditStore {
  migrate(): Promise<{ applied: number[]; version: number }>;
}

export function isMigratable(store: AuditStore): store is MigratableStore {
  return typeof (store as Partial<MigratableStore>).migrate === 'function';
}

/**
 * A store that cannot be used (unreachable, locked, damaged). A configuration-class error:
 * the run ends with exit code 2 and this message, so nothing is lost without a word.
 */
export class AuditStoreError extends ModelgateError {
  /** The trail does not exist yet (no file, no branch): nothing was ever recorded there. */
  readonly trailMissing: boolean;

  constructor(message: string, options: { trailMissing?: boolean } = {}) {
    super('config', message);
    this.name = 'AuditStoreError';
    this.trailMissing = options.trailMissing ?? false;
  }
}

/**
 * Records from stored entries, each checked on its own (valid, hash matches). Links between
 * records are `verify`'s job; a record that is damaged by itself stops the reading here,
 * so a log or an export never shows an edited record as if it were sound.
 */
export async function* parseEntries(batches: AsyncIterable<readonly StoredEntry[]>): AsyncGenerator<AuditRecord> {
  for await (const batch of batches) {
    for (const entry of batch) {
      const checked = checkRecord(entry);
      if ('reason' in checked) throw new AuditStoreError(`${entry.where}: ${checked.reason} (run \`modelgate audit verify\` to check the whole chain)`);
      yield checked.record;
    }
  }
}
