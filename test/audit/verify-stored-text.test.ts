import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashRecord, type AuditRecord } from '../../src/audit/record.js';
import { checkRecord, verifyChain, verifyEntries, type StoredEntry } from '../../src/audit/verify.js';
import { decisionEntry, makeChain } from './records.js';

/**
 * Stored lines are verified from their own text: the hash over the text without its `hash`
 * member, and the text against the record's RFC 8785 canonical JSON. These cases pin what
 * that must still catch, whichever way the canonical form is worked out.
 */
async function verifyLines(lines: readonly string[]) {
  async function* entries(): AsyncGenerator<StoredEntry[]> {
    for (const [index, text] of lines.entries()) yield [{ text, where: `audit.jsonl:${index + 1}` }];
  }
  return verifyEntries(entries());
}

/** The record's canonical line with its top-level members in another order: same content, same hash. */
function reordered(record: AuditRecord): string {
  const entries = Object.entries(record).reverse();
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${canonicalJson(value)}`).join(',')}}`;
}

describe('verifying stored lines', () => {
  const chain = makeChain(5);
  const lines = chain.map((record) => canonicalJson(record));

  it('accepts the canonical lines of an intact chain', async () => {
    expect(await verifyLines(lines)).toEqual({ ok: true, checked: 5, head: { seq: 4, hash: chain[4]!.hash } });
  });

  const rewritten: [string, (line: string, record: AuditRecord) => string, RegExp][] = [
    ['members in another order', (_, record) => reordered(record), /the stored text is not the canonical JSON \(RFC 8785\)/],
    ['a key of a nested object out of order', (line) => line.replace('"policy":{"digest":', '"policy":{"version":"1.0.0","digest":').replace(',"version":"1.0.0"},"prev"', '},"prev"'), /not the canonical JSON/],
    ['a letter written as an escape', (line) => line.replace('"actor":"ci-bot"', '"actor":"ci-bo\\u0074"'), /not the canonical JSON/],
    ['an escaped slash', (line) => line.replace('"models/', '"models\\/'), /not the canonical JSON/],
    ['a number written another way', (line) => line.replace(/"seq":(\d+)/, '"seq":$1.0'), /not the canonical JSON/],
    ['a space after a colon', (line) => line.replace('"kind":', '"kind": '), /not the canonical JSON/],
    ['an edited value, written canonically', (_, record) => canonicalJson({ ...record, actor: 'someone-else' }), /the hash does not match the record's content/],
    ['an edited hash', (_, record) => canonicalJson({ ...record, hash: 'f'.repeat(64) }), /the hash does not match the record's content/],
    ['a key added at the end', (line) => `${line.slice(0, -1)},"zzz":1}`, /not a valid record: record: Unrecognized key: "zzz"/],
  ];

  it.each(rewritten)('catches %s', async (_, rewrite, reason) => {
    const tampered = lines.map((line, index) => (index === 2 ? rewrite(line, chain[2]!) : line));
    expect(tampered[2]).not.toBe(lines[2]);
    const result = await verifyLines(tampered);
    expect(result).toMatchObject({ ok: false, checked: 2, broken: { position: 2, seq: 2, where: 'audit.jsonl:3' } });
    expect(result.broken!.reason).toMatch(reason);
  });

  // An unpaired surrogate has no canonical form (and no UTF-8): reported, never thrown.
  it('reports a record holding an unpaired surrogate instead of failing', async () => {
    const tampered = lines.map((line, index) => (index === 1 ? line.replace('"actor":"ci-bot"', '"actor":"ci-bot\\ud800"') : line));
    const result = await verifyLines(tampered);
    expect(result.broken).toMatchObject({ position: 1, seq: 1, reason: expect.stringMatching(/^the record has no canonical JSON \(RFC 8785\): /) });
    const values = chain.map((record, index) => (index === 1 ? { ...record, actor: 'ci-bot\ud800' } : record));
    expect(verifyChain(values).broken).toMatchObject({ position: 1, seq: 1, reason: expect.stringMatching(/^the record has no canonical JSON/) });
  });

  it('verifies records whose text needs escapes or is not ASCII', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), (actor, message) => {
        const [record] = makeChain(1, () => {
          const entry = decisionEntry('model-0');
          return { ...entry, model: { ...entry.model, results: [{ ...entry.model.results[0]!, message }] } };
        });
        const withActor = { ...record!, actor: `a${actor}` };
        const sealed = { ...withActor, hash: hashRecord(withActor) };
        const text = canonicalJson(sealed);
        const checked = checkRecord({ text, where: 'x' });
        expect('reason' in checked ? checked.reason : undefined).toBeUndefined();
        // The same record written with its keys in another order is refused.
        expect(checkRecord({ text: reordered(sealed), where: 'x' })).toMatchObject({ reason: expect.stringMatching(/not the canonical JSON/) });
      }),
      { numRuns: 200 },
    );
  });
});
