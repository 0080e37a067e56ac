import { hash } from 'node:crypto';
import type { z } from 'zod';
import { AuditRecordSchema } from './record.js';

/**
 * A sealed record's links read straight from its stored bytes, without parsing the record.
 *
 * Stores write each record as its RFC 8785 canonical JSON, and `hash` is the sha256 of that
 * text without the `hash` member. So the stored bytes with that member cut out can be hashed
 * as they are: when the result equals the stored hash, the bytes are exactly the ones that
 * were sealed. This is what lets `audit verify` run at a large fraction of the speed of
 * hashing the file.
 *
 * Finding the members needs no parse either. In JSON a quote inside a string is escaped, so
 * `,"seq":` outside a key position cannot occur; and no object nested in a record has a key
 * named `hash`, `id`, `prev` or `seq` (checked against the schema when this module loads), so
 * in a sealed record the first `,"seq":` is the record's own. Whatever is not a sealed line
 * (every byte changed since sealing included) gives undefined, and the caller runs the full
 * check, which says what is wrong.
 */
export interface SealedLinks {
  seq: number;
  prev: string | null;
  hash: string;
  id: string;
}

const LINK_KEYS = ['hash', 'id', 'prev', 'seq'];
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DIGEST_LENGTH = 64;
/** Longer `seq` values are left to the full check, which knows where integers stop being exact. */
const MAX_SEQ_DIGITS = 15;

/** False if a schema change gave a nested object a link key (or keys of any name): then every line takes the full check. */
const LINK_KEYS_ARE_UNIQUE = nestedKeysOf(AuditRecordSchema)?.every((key) => !LINK_KEYS.includes(key)) ?? false;

/** Reused for the bytes that are hashed, so a long chain does not allocate one buffer per record. */
let scratch = Buffer.alloc(4096);

/** The links of a stored line whose bytes are a sealed record and hash to its `hash`; undefined otherwise. */
export function sealedLinks(line: Buffer): SealedLinks | undefined {
  if (!LINK_KEYS_ARE_UNIQUE || line.length < 2 || line[0] !== OPEN_BRACE || line[line.length - 1] !== CLOSE_BRACE) return undefined;
  // One byte per character, so positions in the text are positions in the bytes.
  const text = line.toString('latin1');
  const hashMember = text.indexOf(',"hash":"');
  if (hashMember < 0) return undefined;
  const hashStart = hashMember + ',"hash":"'.length;
  const hashEnd = hashStart + DIGEST_LENGTH;
  if (text.charCodeAt(hashEnd) !== QUOTE) return undefined;
  const stored = text.slice(hashStart, hashEnd);
  if (digestWithout(line, hashMember, hashEnd + 1) !== stored) return undefined;

  // The bytes are the sealed ones; `id`, `prev` and `seq` sort after `hash`.
  const idStart = text.indexOf(',"id":"', hashEnd) + ',"id":"'.length;
  const idEnd = text.indexOf('"', idStart);
  const prevStart = text.indexOf(',"prev":', hashEnd) + ',"prev":'.length;
  const seqStart = text.indexOf(',"seq":', hashEnd) + ',"seq":'.length;
  const seq = integerAt(line, seqStart);
  const prev = digestOrNullAt(text, prevStart);
  if (idStart < ',"id":"'.length || idEnd < 0 || text.charCodeAt(idEnd - 1) === BACKSLASH || seq === undefined || prev === undefined) return undefined;
  return { seq, prev, hash: stored, id: line.toString('utf8', idStart, idEnd) };
}

/** sha256 (hex) of the line without the bytes [cutStart, cutEnd). */
function digestWithout(line: Buffer, cutStart: number, cutEnd: number): string {
  const length = line.length - (cutEnd - cutStart);
  if (scratch.length < length) scratch = Buffer.alloc(Math.max(length, scratch.length * 2));
  line.copy(scratch, 0, 0, cutStart);
  line.copy(scratch, cutStart, cutEnd);
  return hash('sha256', scratch.subarray(0, length), 'hex');
}

/** A non-negative integer as canonical JSON writes it (no sign, no leading zero, no fraction), ending the member. */
function integerAt(line: Buffer, start: number): number | undefined {
  let value = 0;
  let at = start;
  for (; at < line.length && at - start <= MAX_SEQ_DIGITS; at += 1) {
    const byte = line[at]!;
    if (byte < DIGIT_0 || byte > DIGIT_9) break;
    value = value * 10 + (byte - DIGIT_0);
  }
  const digits = at - start;
  const next = line[at];
  if (digits < 1 || digits > MAX_SEQ_DIGITS || (digits > 1 && line[start] === DIGIT_0) || (next !== 0x2c && next !== CLOSE_BRACE)) return undefined;
  return value;
}

/**
 * `null` or the quoted digest at `start`. Its digits need no check of their own: a link must
 * equal the hash of the record before, which was just computed.
 */
function digestOrNullAt(text: string, start: number): string | null | undefined {
  if (text.startsWith('null', start)) return null;
  if (text.charCodeAt(start) !== QUOTE || text.charCodeAt(start + 1 + DIGEST_LENGTH) !== QUOTE) return undefined;
  return text.slice(start + 1, start + 1 + DIGEST_LENGTH);
}

/** Every key of every object nested in a record; undefined when some nested object may have keys of any name. */
function nestedKeysOf(schema: z.ZodType): string[] | undefined {
  const keys = new Set<string>();
  const walk = (node: z.ZodType, nested: boolean): boolean => {
    const def = node.def as { type: string; shape?: Record<string, z.ZodType>; catchall?: z.ZodType; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] };
    switch (def.type) {
      case 'object':
        if (def.catchall && def.catchall.def.type !== 'never') return false;
        return Object.entries(def.shape!).every(([key, value]) => {
          if (nested) keys.add(key);
          return walk(value, true);
        });
      case 'array':
        return walk(def.element!, nested);
      case 'optional':
      case 'nullable':
        return walk(def.innerType!, nested);
      case 'union':
        return def.options!.every((option) => walk(option, nested));
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'literal':
      case 'enum':
        return true;
      default:
        return false;
    }
  };
  return walk(schema, false) ? [...keys] : undefined;
}
