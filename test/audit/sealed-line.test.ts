import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/record.js';
import { sealedLinks } from '../../src/audit/sealed-line.js';
import { checkRecord, createChainVerifier } from '../../src/audit/verify.js';
import { decisionEntry, makeChain } from './records.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The links of a line as plain values (the id is read from the line when asked for). */
function linksOf(text: string) {
  const links = sealedLinks(bytes(text));
  return links && { seq: links.seq, prev: links.prev, hash: links.hash, id: links.id };
}

describe('reading a sealed line without parsing it', () => {
  const chain = makeChain(3);
  const lines = chain.map((record) => canonicalJson(record));

  it('gives the links of every sealed canonical line', () => {
    expect(lines.map(linksOf)).toEqual(chain.map(({ seq, prev, hash, id }) => ({ seq, prev, hash, id })));
  });

  const notSealed: [string, (line: string) => string][] = [
    ['an edited value', (line) => line.replace('"actor":"ci-bot"', '"actor":"ci-bod"')],
    ['an edited hash', (line) => line.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${'f'.repeat(64)}"`)],
    ['the hash in capitals', (line) => line.replace(/"hash":"([0-9a-f]{64})"/, (_, hex: string) => `"hash":"${hex.toUpperCase()}"`)],
    ['a space after a colon', (line) => line.replace('"kind":', '"kind": ')],
    ['a space before a number', (line) => line.replace(/"seq":/, '"seq": ')],
    ['a newline before the end', (line) => `${line.slice(0, -1)}\n}`],
    ['a number written another way', (line) => line.replace(/"seq":(\d+)/, '"seq":$1.0')],
    ['a key out of order', (line) => line.replace(/^\{("actor":"[^"]*"),("approvals":\[.*?\]),/, '{$2,$1,')],
    ['a key twice', (line) => line.replace('"actor":"ci-bot",', '"actor":"ci-bot","actor":"ci-bot",')],
    ['an unknown key', (line) => `${line.slice(0, -1)},"zzz":1}`],
    ['a required key missing', (line) => line.replace(/"trigger":\{[^}]*\},/, '')],
    ['a key written with an escape', (line) => line.replace('"actor":', '"act\\u006fr":')],
    ['a string left open', (line) => line.replace('"ci-bot"', '"ci-bot')],
    ['a cut line', (line) => line.slice(0, line.length >> 1)],
    ['not an object', (line) => `[${line}]`],
    ['an empty line', () => ''],
  ];

  it.each(notSealed)('gives nothing for %s, so the full check judges it', (_, rewrite) => {
    const line = rewrite(lines[1]!);
    expect(line).not.toBe(lines[1]);
    expect(sealedLinks(bytes(line))).toBeUndefined();
    expect(checkRecord({ text: line, where: 'audit.jsonl:2' })).toHaveProperty('reason');
  });

  it('finds the top-level members past strings holding quotes, backslashes and look-alike members', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('', '\\', '"', '","hash":"', '"seq":7,"prev":null', 'sh":"', 'v":null,', 'q":7,', '{[', ']}'), (message, trap) => {
        const [record] = makeChain(1, () => {
          const entry = decisionEntry('model-0');
          return { ...entry, model: { ...entry.model, results: [{ ...entry.model.results[0]!, message: `${trap}${message}${trap}` }] } };
        });
        const line = canonicalJson(record);
        if (line.includes('\\ud8') || line.includes('\\udc')) return; // no canonical form: the full check reports it
        expect(linksOf(line)).toEqual({ seq: 0, prev: null, hash: record!.hash, id: record!.id });
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the full check on every line it accepts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: lines.length - 1 }), fc.integer({ min: 0, max: 400 }), fc.string({ maxLength: 3 }), (index, at, insert) => {
        const line = lines[index]!;
        const position = at % (line.length + 1);
        const mutated = line.slice(0, position) + insert + line.slice(position);
        const links = linksOf(mutated);
        if (links === undefined) return;
        const checked = checkRecord({ text: mutated, where: 'x' });
        expect('record' in checked && { seq: checked.record.seq, prev: checked.record.prev, hash: checked.record.hash, id: checked.record.id }).toEqual(links);
      }),
      { numRuns: 2000 },
    );
  });

  // Only a writer that computes hashes itself can seal other text; `audit verify` checks bytes
  // and links, and every command that reads records validates them (docs/audit.md).
  it('accepts bytes sealed over non-canonical text at the byte level; reading refuses them', () => {
    const { hash: _hash, ...unsigned } = chain[0]!;
    const text = canonicalJson(unsigned).replace('"policy":{"digest"', '"policy":{ "digest"');
    const line = text.replace('"id":', `"hash":"${createHash('sha256').update(text).digest('hex')}","id":`);
    expect(sealedLinks(bytes(line))).toMatchObject({ seq: 0, prev: null });
    expect(createChainVerifier().push({ text: line, where: 'audit.jsonl:1' })).toBeUndefined();
    expect(createChainVerifier().read({ text: line, where: 'audit.jsonl:1' }).broken).toMatchObject({
      seq: 0,
      reason: 'the stored text is not the canonical JSON (RFC 8785) of the record: it was rewritten',
    });
  });
});
