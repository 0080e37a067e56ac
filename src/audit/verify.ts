import { z } from 'zod';
import { safeParseUnchanged } from '../document/validate.js';
import { AuditRecordSchema, canonicalJson, sha256OfCanonicalText, type AuditHead, type AuditRecord } from './record.js';
import { sealedLinks, type SealedLinks } from './sealed-line.js';

/** One stored record as its exact text, with where it is kept (e.g. `audit.jsonl:12`). */
export interface StoredEntry {
  readonly text: string;
  /** The same record as the stored UTF-8 bytes, when the store read bytes: verified without decoding them. */
  readonly bytes?: Buffer;
  readonly where: string;
  /** The file's last line lacks its newline: a write was interrupted. */
  readonly incomplete?: boolean;
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

type VerifierEntry = StoredEntry | { value: unknown; where?: string };

/** What `read` gives for one entry: the record when it is sound, the break when it is the first one, else nothing. */
export interface ReadOutcome {
  record?: AuditRecord;
  broken?: BrokenRecord;
}

export interface ChainVerifier {
  /**
   * Checks the next record's integrity: its bytes hash to its `hash`, its seq follows, its
   * `prev` links to the record before. Returns the break, if this record is the first one;
   * ignores records after a break.
   */
  push(entry: VerifierEntry): BrokenRecord | undefined;
  /** As `push`, and also validates the record's content and returns it: for commands that show or use records. */
  read(entry: VerifierEntry): ReadOutcome;
  finish(): ChainVerification;
}

/**
 * A streaming verifier, so a long chain is checked in constant memory. Each record must hash
 * to its `hash`, have seq equal to its position, and link to the record before it with
 * `prev` (null for the first). Stored text must be the record's canonical JSON, so that no
 * parser can read a stored record differently from the one verified.
 *
 * `push` takes a stored line whose bytes are a sealed record (`sealedLinks`) without parsing
 * it: bytes identical to the sealed ones were valid when they were sealed. Any other entry,
 * and every entry given to `read`, gets the full check (parsed, validated, canonical), which
 * also names what is wrong with a damaged one.
 */
export function createChainVerifier(options: VerifyOptions = {}): ChainVerifier {
  let position = 0;
  let last: SealedLinks | undefined;
  let broken: BrokenRecord | undefined;
  let anchorSeen = false;

  /** Why this record breaks the chain, if it does; undefined when it links up. */
  const whyBroken = (record: SealedLinks): string | undefined => {
    const expectedSeq = last ? last.seq + 1 : 0;
    if (record.seq !== expectedSeq) {
      let why: string;
      if (!last) why = 'the chain does not start at its first record';
      else if (record.seq === last.seq) why = 'duplicate seq';
      else if (record.seq > expectedSeq) why = 'records were deleted or moved';
      else why = 'records are out of order';
      return `expected seq ${expectedSeq}, found seq ${record.seq}: ${why}`;
    }
    if (!last && record.prev !== null) {
      return `the first record must have prev null, but it links to ${record.prev}: the chain does not start here`;
    }
    if (last && record.prev !== last.hash) {
      return `prev does not match the hash of the record before it (seq ${last.seq}, id ${last.id}): a record was changed or replaced`;
    }
    if (options.anchor && record.seq === options.anchor.seq) {
      if (record.hash !== options.anchor.hash) {
        return `the hash differs from the anchor ${options.anchor.seq}:${options.anchor.hash}: the chain was rewritten up to here`;
      }
      anchorSeen = true;
    }
    last = record;
    return undefined;
  };

  /** Links the checked record into the chain; the break when it is the first one. */
  const link = (entry: VerifierEntry, checked: RecordCheck | { links: SealedLinks }): BrokenRecord | undefined => {
    let reason: string | undefined;
    let value: unknown;
    if ('reason' in checked) {
      reason = checked.reason;
      value = checked.value;
    } else if ('links' in checked) {
      reason = whyBroken(checked.links);
      value = checked.links;
    } else {
      reason = whyBroken(checked.record);
      value = checked.record;
    }
    if (reason === undefined) {
      position += 1;
      return undefined;
    }
    broken = brokenRecord(position, entry.where, reason, value);
    return broken;
  };

  return {
    push(entry) {
      if (broken) return undefined;
      const links = 'text' in entry && !entry.incomplete ? sealedLinks(entry.bytes ?? Buffer.from(entry.text)) : undefined;
      return link(entry, links ? { links } : checkRecord(entry));
    },
    read(entry) {
      if (broken) return {};
      const checked = checkRecord(entry);
      const breaks = link(entry, checked);
      return breaks ? { broken: breaks } : { record: (checked as { record: AuditRecord }).record };
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

function brokenRecord(position: number, where: string | undefined, reason: string, value: unknown): BrokenRecord {
  const record = isObject(value) ? value : {};
  return {
    position,
    ...(typeof record.seq === 'number' && { seq: record.seq }),
    ...(typeof record.id === 'string' && { id: record.id }),
    ...(where !== undefined && { where }),
    reason,
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
  // Stored records are exactly what the schema describes: checked without zod copying each one.
  const parsed = safeParseUnchanged(AuditRecordSchema, value);
  if (!parsed.success) return { reason: `not a valid record: ${summarizeIssues(parsed.error)}`, value };
  const canonical = canonicalForm(value, parsed.data.hash, 'text' in entry ? entry.text : undefined);
  if ('reason' in canonical) return { reason: canonical.reason, value };
  // Before the hash: a line hashed as it stands, by a writer that is not a store, is named for what it is.
  if (!canonical.textIsCanonical) {
    return { reason: 'the stored text is not the canonical JSON (RFC 8785) of the record: it was rewritten', value };
  }
  if (sha256OfCanonicalText(canonical.unsigned) !== parsed.data.hash) return { reason: "the hash does not match the record's content: the record was edited", value };
  return { record: parsed.data, value };
}

/**
 * The record's RFC 8785 canonical JSON without its `hash` (what `hashRecord` hashes), and
 * whether the stored text (if any) is the record's canonical JSON.
 *
 * Canonical JSON is JSON.stringify with every object's keys sorted by UTF-16 code units. A
 * record parsed from text whose keys already stand in that order is serialized by
 * JSON.stringify itself, which is native and many times faster than canonicalizing again;
 * when that equals the text, the text is canonical, and the text without its `"hash":"…"`
 * member is the canonical JSON that was hashed, so it is hashed as stored. (The first such
 * member is the top-level one: in canonical text `"hash":"` only stands as a key, a record
 * has no other `hash` key, and one holding its own hash would be a sha256 fixed point.)
 * Anything else (keys out of order, integer-like keys that JSON.parse reorders, a possible
 * unpaired surrogate, which has no canonical form, or a record given as a value) takes the
 * canonicalizer.
 */
function canonicalForm(record: Record<string, unknown>, hash: string, text: string | undefined): { unsigned: string; textIsCanonical: boolean } | { reason: string } {
  if (text !== undefined && !text.includes('\\ud') && keysInCanonicalOrder(record)) {
    const member = `"hash":${JSON.stringify(hash)}`;
    const at = JSON.stringify(record) === text ? text.indexOf(member) : -1;
    if (at > 0) {
      // The member and the comma that joins it to its neighbour.
      const unsigned = text[at - 1] === ',' ? text.slice(0, at - 1) + text.slice(at + member.length) : text.slice(0, at) + text.slice(at + member.length + 1);
      return { unsigned, textIsCanonical: true };
    }
    // JSON.stringify leaves out a property whose value is undefined, in place.
    return { unsigned: JSON.stringify({ ...record, hash: undefined }), textIsCanonical: false };
  }
  try {
    const { hash: _hash, ...unsigned } = record;
    return { unsigned: canonicalJson(unsigned), textIsCanonical: text === undefined || canonicalJson(record) === text };
  } catch (error) {
    return { reason: `the record has no canonical JSON (RFC 8785): ${(error as Error).message}` };
  }
}

/** Whether every object in a JSON value has its keys in ascending UTF-16 code unit order. */
function keysInCanonicalOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysInCanonicalOrder);
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysInCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
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
export async function verifyEntries(batches: AsyncIterable<readonly StoredEntry[]>, options: VerifyOptions = {}): Promise<ChainVerification> {
  const verifier = createChainVerifier(options);
  for await (const batch of batches) {
    if (batch.some((entry) => verifier.push(entry))) break;
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
