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
 * the bytes `q":` can only end a key whose name ends in `q`; the record schema has one such
 * key at any depth, `seq` (checked against the schema when this module loads: for each link
 * key the shortest ending no other key shares). So in a sealed record the first `q":` is the
 * record's own `seq`, and likewise for `hash` and `prev`. A search for a short, rare ending
 * is several times faster than for the whole member. Whatever is not a sealed line (every
 * byte changed since sealing included) gives undefined, and the caller runs the full check,
 * which says what is wrong.
 */
export interface SealedLinks {
  seq: number;
  prev: string | null;
  hash: string;
  id: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DIGEST_LENGTH = 64;
/** Longer `seq` values are left to the full check, which knows where integers stop being exact. */
const MAX_SEQ_DIGITS = 15;
const NULL = Buffer.from('null');

/** For `hash`, `prev`, `seq`: the member's opening (`,"seq":`) and the ending searched for (`q":`); undefined when a schema change left a link key without an ending of its own. */
const MEMBERS = membersOf(AuditRecordSchema);

/** Reused for the bytes that are hashed, so a long chain does not allocate one buffer per record. */
let scratch = Buffer.alloc(16 * 1024);

/** The links of a stored line whose bytes are a sealed record and hash to its `hash`; undefined otherwise. */
export function sealedLinks(line: Buffer): SealedLinks | undefined {
  if (!MEMBERS || line.length < 2 || line[0] !== OPEN_BRACE || line[line.length - 1] !== CLOSE_BRACE) return undefined;
  const hashStart = memberValue(line, MEMBERS.hash, 0);
  const hashEnd = hashStart + 1 + DIGEST_LENGTH;
  if (hashStart < 0 || line[hashStart] !== QUOTE || line[hashEnd] !== QUOTE) return undefined;
  const stored = line.toString('latin1', hashStart + 1, hashEnd);
  const memberStart = hashStart - MEMBERS.hash.opening.length;
  if (digestWithout(line, memberStart, hashEnd + 1) !== stored) return undefined;

  // The bytes are the sealed ones. In canonical order `id` comes right after `hash`, then `prev`, then `seq`.
  const idStart = hashEnd + 1 + ID_OPENING.length + 1;
  if (!bytesAt(line, hashEnd + 1, ID_OPENING) || line[idStart - 1] !== QUOTE) return undefined;
  const prevStart = memberValue(line, MEMBERS.prev, idStart);
  if (prevStart < 0) return undefined;
  const seqStart = memberValue(line, MEMBERS.seq, prevStart);
  const seq = seqStart < 0 ? undefined : integerAt(line, seqStart);
  let prev: string | null;
  if (bytesAt(line, prevStart, NULL) && line[prevStart + NULL.length] === COMMA) prev = null;
  else if (line[prevStart] === QUOTE && line[prevStart + 1 + DIGEST_LENGTH] === QUOTE) prev = line.toString('latin1', prevStart + 1, prevStart + 1 + DIGEST_LENGTH);
  else return undefined;
  if (seq === undefined) return undefined;
  return new SealedLine(seq, prev, stored, line, idStart);
}

const ID_OPENING = Buffer.from(',"id":');

/** The links, with the id read from the line only when a message needs it. */
class SealedLine implements SealedLinks {
  constructor(
    readonly seq: number,
    readonly prev: string | null,
    readonly hash: string,
    private readonly line: Buffer,
    private readonly idStart: number,
  ) {}

  get id(): string {
    let end = this.idStart;
    while (end < this.line.length && this.line[end] !== QUOTE) end += this.line[end] === BACKSLASH ? 2 : 1;
    const raw = this.line.toString('utf8', this.idStart, end);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }
}

interface Member {
  /** `,"seq":` */
  opening: Buffer;
  /** `q":` */
  ending: Buffer;
}

/** Where the value of the first `member` at or after `from` starts; -1 when there is none. */
function memberValue(line: Buffer, member: Member, from: number): number {
  const ending = line.indexOf(member.ending, from);
  if (ending < 0) return -1;
  const valueStart = ending + member.ending.length;
  return bytesAt(line, valueStart - member.opening.length, member.opening) ? valueStart : -1;
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
  if (digits < 1 || digits > MAX_SEQ_DIGITS || (digits > 1 && line[start] === DIGIT_0) || (next !== COMMA && next !== CLOSE_BRACE)) return undefined;
  return value;
}

function bytesAt(line: Buffer, at: number, expected: Buffer): boolean {
  if (at < 0 || at + expected.length > line.length) return false;
  for (let index = 0; index < expected.length; index += 1) {
    if (line[at + index] !== expected[index]) return false;
  }
  return true;
}

/**
 * For each link key, its member opening and the shortest ending of its name that no other key
 * of a record, at any depth, ends with. Undefined when there is none, or when some nested
 * object may have keys of any name.
 */
function membersOf(schema: z.ZodType): Record<'hash' | 'prev' | 'seq', Member> | undefined {
  const keys = keysOf(schema);
  if (!keys) return undefined;
  const member = (key: string): Member | undefined => {
    for (let length = 1; length <= key.length; length += 1) {
      const ending = key.slice(-length);
      if (keys.every((other) => other === key || !other.endsWith(ending))) return { opening: Buffer.from(`,"${key}":`), ending: Buffer.from(`${ending}":`) };
    }
    return undefined;
  };
  const [hash, prev, seq] = [member('hash'), member('prev'), member('seq')];
  return hash && prev && seq ? { hash, prev, seq } : undefined;
}

/** Every key of every object in a record, at any depth; undefined when some object may have keys of any name. */
function keysOf(schema: z.ZodType): string[] | undefined {
  const keys = new Set<string>();
  const walk = (node: z.ZodType): boolean => {
    const def = node.def as { type: string; shape?: Record<string, z.ZodType>; catchall?: z.ZodType; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[] };
    switch (def.type) {
      case 'object':
        if (def.catchall && def.catchall.def.type !== 'never') return false;
        return Object.entries(def.shape!).every(([key, value]) => {
          keys.add(key);
          return walk(value);
        });
      case 'array':
        return walk(def.element!);
      case 'optional':
      case 'nullable':
        return walk(def.innerType!);
      case 'union':
        return def.options!.every((option) => walk(option));
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
  return walk(schema) ? [...keys] : undefined;
}
