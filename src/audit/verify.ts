import { z } from 'zod';
import { AuditRecordSchema, canonicalJson, hashRecord, type AuditHead, type AuditRecord } from './record.js';

/** One stored record as its exact text, with where it is kept (e.g. `audit.jsonl:12`). */
export interface StoredEntry {
  text: string;
  where: string;
  /** The file's last line lacks its newline: a write was interrupted. */
  incomplete?: boolean;
}

/** The first record that breaks the chain; seq and id are absent when the entry is not a readable record. */
export interface BrokenRecord {
  /** 0-based position in the order the store returned the records. */
  position: number;
  seq?: number;
  id?: string;
  where?: string;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Records verified before the first break (all of them when ok). */
  checked: number;
  /** The last verified record: give it to a later `verify` as an anchor to catch removal from the end. */
  head?: AuditHead;
  broken?: BrokenRecord;
}

export interface VerifyOptions {
  /**
   * A record known from an earlier verification (seq and hash). A chain cut after its last
   * record still links up, so only a remembered head reveals records removed from the end.
   */
  anchor?: AuditHead;
}

export interface ChainVerifier {
  /** Checks the next record; returns the break, if this record is the first one. Ignores records after a break. */
  push(entry: StoredEntry | { value: unknown; where?: string }): BrokenRecord | undefined;
  finish(): ChainVerification;
}

/**
 * A streaming verifier, so a long chain is checked in constant memory. Each record must
 * be valid, hash to its `hash`, have seq equal to its position, and link to the record
 * before it with `prev` (null for the first). Stored text must be the record's canonical
 * JSON, so that no parser can read a stored record differently from the one verified.
 */
export function createChainVerifier(options: VerifyOptions = {}): ChainVerifier {
  let position = 0;
  let last: { seq: number; hash: string; id: string } | undefined;
  let broken: BrokenRecord | undefined;
  let anchorSeen = false;

  const check = (entry: StoredEntry | { value: unknown; where?: string }): BrokenRecord | undefined => {
    const where = entry.where;
    const fail = (reason: string, value?: unknown): BrokenRecord => {
      const record = isObject(value) ? value : {};
      return {
        position,
        ...(typeof record.seq === 'number' && { seq: record.seq }),
        ...(typeof record.id === 'string' && { id: record.id }),
        ...(where !== undefined && { where }),
        reason,
      };
    };

    const checked = checkRecord(entry);
    if ('reason' in checked) return fail(checked.reason, checked.value);
    const { record, value } = checked;

    const expectedSeq = last ? last.seq + 1 : 0;
    if (record.seq !== expectedSeq) {
      let why: string;
      if (!last) why = 'the chain does not start at its first record';
      else if (record.seq === last.seq) why = 'duplicate seq';
      else if (record.seq > expectedSeq) why = 'records were deleted or moved';
      else why = 'records are out of order';
      return fail(`expected seq ${expectedSeq}, found seq ${record.seq}: ${why}`, value);
    }
    if (!last && record.prev !== null) {
      return fail(`the first record must have prev null, but it links to ${record.prev}: the chain does not start here`, value);
    }
    if (last && record.prev !== last.hash) {
      return fail(`prev does not match the hash of the record before it (seq ${last.seq}, id ${last.id}): a record was changed or replaced`, value);
    }
    if (options.anchor && record.seq === options.anchor.seq) {
      if (record.hash !== options.anchor.hash) {
        return fail(`the hash differs from the anchor ${options.anchor.seq}:${options.anchor.hash}: the chain was rewritten up to here`, value);
      }
      anchorSeen = true;
    }
    last = { seq: record.seq, hash: record.hash, id: record.id };
    return undefined;
  };

  return {
    push(entry) {
      if (broken) return undefined;
      broken = check(entry);
      if (!broken) position += 1;
      return broken;
    },
    finish() {
      const head = last && { seq: last.seq, hash: last.hash };
      if (!broken && options.anchor && !anchorSeen) {
        const end = last ? `ends at seq ${last.seq}` : 'is empty';
        broken = {
          position,
          reason: `the chain ${end}, but the anchor names seq ${options.anchor.seq}: records were removed from the end`,
        };
      }
      return { ok: !broken, checked: position, ...(head && { head }), ...(broken && { broken }) };
    },
  };
}

export type RecordCheck = { record: AuditRecord; value: unknown } | { reason: string; value?: unknown };

/**
 * Checks one record on its own, without its neighbours: readable, valid, its hash matches its
 * content and, for stored text, the text is its canonical JSON. Stores use it on the head
 * before linking a new record to it.
 */
export function checkRecord(entry: StoredEntry | { value: unknown }): RecordCheck {
  let value: unknown;
  if ('text' in entry) {
    if (entry.incomplete) return { reason: 'the last line has no newline at its end: an interrupted write left it incomplete' };
    if (entry.text.trim() === '') return { reason: 'empty line where a record should be' };
    try {
      value = JSON.parse(entry.text);
    } catch (error) {
      return { reason: `not JSON (${(error as Error).message}): a damaged or partly written record` };
    }
  } else {
    value = entry.value;
  }
  if (!isObject(value)) return { reason: 'not a JSON object', value };
  const parsed = AuditRecordSchema.safeParse(value);
  if (!parsed.success) return { reason: `not a valid record: ${summarizeIssues(parsed.error)}`, value };
  if (hashRecord(value) !== parsed.data.hash) return { reason: "the hash does not match the record's content: the record was edited", value };
  if ('text' in entry && canonicalJson(value) !== entry.text) {
    return { reason: 'the stored text is not the canonical JSON (RFC 8785) of the record: it was rewritten', value };
  }
  return { record: parsed.data, value };
}

/** Verifies records held in memory (values, or stored text). */
export function verifyChain(records: Iterable<unknown>, options: VerifyOptions = {}): ChainVerification {
  const verifier = createChainVerifier(options);
  let index = 0;
  for (const record of records) {
    index += 1;
    if (verifier.push({ value: record, where: `record ${index}` })) break;
  }
  return verifier.finish();
}

/** Verifies a store's entries as they stream in, stopping at the first break. */
export async function verifyEntries(entries: AsyncIterable<StoredEntry>, options: VerifyOptions = {}): Promise<ChainVerification> {
  const verifier = createChainVerifier(options);
  for await (const entry of entries) {
    if (verifier.push(entry)) break;
  }
  return verifier.finish();
}

/** `<seq>:<hash>`, the form `audit verify` prints and reads as `--anchor`. */
export function formatAnchor(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

export function parseAnchor(value: string): AuditHead | undefined {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
  if (!match) return undefined;
  return { seq: Number(match[1]), hash: match[2]! };
}

/** One line naming the record and why it breaks the chain. */
export function describeBroken(broken: BrokenRecord): string {
  const what = broken.seq !== undefined ? `record seq ${broken.seq}${broken.id ? ` (id ${broken.id})` : ''}` : `the entry at position ${broken.position}`;
  return `${what}${broken.where ? ` at ${broken.where}` : ''}: ${broken.reason}`;
}

function summarizeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'record'}: ${issue.message}`);
  return issues.join('; ') + (error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
