import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRecord } from '../../src/audit/record.js';
import { pointersOf, replaceAt, type Pointer } from './arbitraries.js';

/**
 * The audit chain relies on the record hash meaning "this content, whatever its layout":
 * the same record with its keys in another order hashes the same, and any change to a
 * value gives another hash.
 */

const RUNS = 300;

/**
 * JSON values with strings of any Unicode code point. (An unpaired surrogate is not Unicode
 * text and has no canonical form; the parsers refuse it, see parsers.test.ts.)
 */
const json = fc.jsonValue({ maxDepth: 4, depthSize: 'small', stringUnit: 'binary' });
const key = fc.string({ unit: 'binary', maxLength: 8 });
const record = fc.dictionary(key, json, { maxKeys: 8 });

/** A copy with the keys of every object put in another order, chosen by `seed`. */
function reorder(value: unknown, seed: number): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    // xorshift32: a deterministic permutation per seed, independent of the test runner.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const visit = (current: unknown): unknown => {
    if (Array.isArray(current)) return current.map(visit);
    if (current === null || typeof current !== 'object') return current;
    const entries = Object.entries(current).map(([key, item]) => [key, visit(item)] as const);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    // fromEntries defines own properties, so a "__proto__" key stays a key.
    return Object.fromEntries(entries);
  };
  return visit(value);
}

function valueAt(value: unknown, pointer: Pointer): unknown {
  return pointer.reduce<unknown>((current, segment) => (current as Record<string | number, unknown>)[segment], value);
}

describe('canonical hashing of audit records', () => {
  it('is the sha256 of the canonical JSON without the top-level hash', () => {
    fc.assert(
      fc.property(record, fc.string({ maxLength: 64 }), (value, hash) => {
        const expected = createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
        const withoutHash = Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'hash'));
        expect(hashRecord({ ...withoutHash, hash })).toBe(createHash('sha256').update(canonicalJson(withoutHash), 'utf8').digest('hex'));
        if (!('hash' in value)) expect(hashRecord(value)).toBe(expected);
        // Canonical JSON is JSON that reads back as the same value.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: RUNS },
    );
  });

  it('is stable when the keys of any object are reordered, at any depth', () => {
    fc.assert(
      fc.property(record, fc.integer(), (value, seed) => {
        const reordered = reorder(value, seed);
        expect(canonicalJson(reordered)).toBe(canonicalJson(value));
        expect(hashRecord(reordered as object)).toBe(hashRecord(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('differs when any value is changed, at any depth', () => {
    const changed = record
      .filter((value) => pointersOf(value).length > 1)
      .chain((value) =>
        fc.record({
          value: fc.constant(value),
          // The top-level `hash` is what the hash is written to, so it is not hashed.
          pointer: fc.constantFrom(...pointersOf(value).filter((pointer) => pointer.length > 0 && !(pointer.length === 1 && pointer[0] === 'hash'))),
          replacement: json,
        }),
      )
      // A change is a different JSON value (0 and -0, for instance, are one JSON number).
      .filter(({ value, pointer, replacement }) => canonicalJson(valueAt(value, pointer)) !== canonicalJson(replacement));
    fc.assert(
      fc.property(changed, fc.integer(), ({ value, pointer, replacement }, seed) => {
        const edited = replaceAt(value, pointer, replacement) as object;
        expect(hashRecord(edited)).not.toBe(hashRecord(value));
        // Reordering the edited record does not bring the original hash back either.
        expect(hashRecord(reorder(edited, seed) as object)).not.toBe(hashRecord(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('differs when a key is renamed, added or removed', () => {
    const edits = record.chain((value) =>
      fc.record({
        value: fc.constant(value),
        key: key.filter((name) => name !== 'hash' && !Object.hasOwn(value, name)),
        existing: Object.keys(value).filter((key) => key !== 'hash').length > 0
          ? fc.constantFrom(...Object.keys(value).filter((key) => key !== 'hash'))
          : fc.constant(undefined),
      }),
    );
    fc.assert(
      fc.property(edits, ({ value, key, existing }) => {
        const original = hashRecord(value);
        expect(hashRecord(Object.fromEntries([...Object.entries(value), [key, null]]))).not.toBe(original);
        if (existing === undefined) return;
        const renamed = Object.fromEntries(Object.entries(value).map(([name, item]) => [name === existing ? key : name, item]));
        expect(hashRecord(renamed)).not.toBe(original);
        const removed = Object.fromEntries(Object.entries(value).filter(([name]) => name !== existing));
        expect(hashRecord(removed)).not.toBe(original);
      }),
      { numRuns: RUNS },
    );
  });
});
