import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_RECORD_FORMAT,
  AuditRecordSchema,
  buildDecisionRecord,
  canonicalJson,
  hashRecord,
  nextLink,
  sealRecord,
  type AuditRecord,
} from '../../src/audit/record.js';
import type { Evidence } from '../../src/artefacts/evidence.js';
import { observeEvidence } from '../../src/engine/observe.js';
import { readArtefact } from '../../src/artefacts/read.js';
import { describeBroken, formatAnchor, parseAnchor, verifyChain } from '../../src/audit/verify.js';
import { context, decisionEntry, makeChain } from './records.js';

const ID = '0b7e4c52-7f6a-4d43-9a1e-1f2a3b4c5d6e';

describe('audit records', () => {
  it('builds a decision record with every field of the format', () => {
    const entry = decisionEntry('fraud-scorer', 'fail', {
      artefacts: [
        { path: 'models/fraud-scorer/reports/bias.yaml', sha256: 'c'.repeat(64) },
        { path: 'models/fraud-scorer/model_card.yaml', sha256: 'b'.repeat(64) },
        { path: 'models/fraud-scorer/model_card.yaml', sha256: 'b'.repeat(64) },
      ],
    });
    const record = sealRecord(buildDecisionRecord(entry, undefined, context(undefined, { newId: () => ID })), undefined);
    expect(record).toEqual({
      format: AUDIT_RECORD_FORMAT,
      id: ID,
      seq: 0,
      time: '2026-03-01T12:00:00.000Z',
      kind: 'decision',
      subject: {
        model: 'fraud-scorer',
        version: '1.0.0',
        artefacts: [
          { path: 'models/fraud-scorer/model_card.yaml', sha256: 'b'.repeat(64) },
          { path: 'models/fraud-scorer/reports/bias.yaml', sha256: 'c'.repeat(64) },
        ],
      },
      trigger: { type: 'cli' },
      actor: 'ci-bot',
      policy: { name: 'starter', version: '1.0.0', digest: `sha256:${'a'.repeat(64)}` },
      results: entry.model.results,
      verdict: 'fail',
      approvals: [{ user: 'release-manager', teams: ['release-managers'], state: 'approved', at: '2026-03-01T10:00:00Z', source: 'file' }],
      prev: null,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(AuditRecordSchema.parse(record)).toEqual(record);
  });

  it('hashes the RFC 8785 canonical JSON of the record without its hash', () => {
    const [record] = makeChain(1);
    const { hash, ...rest } = record!;
    // Keys sorted by code unit, no whitespace: what any RFC 8785 canonicalizer prints.
    const canonical = canonicalJson(rest);
    expect(canonical.startsWith('{"actor":"ci-bot","approvals":[{"at":"2026-03-01T10:00:00Z","source":"file","state":"approved"')).toBe(true);
    expect(canonical).not.toMatch(/\s"|":\s/);
    expect(hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(hashRecord(record!)).toBe(hash);
    expect(canonicalJson({ b: 1, a: [true, null, 'é\n'], '\u00e9': 0, A: 2 })).toBe('{"A":2,"a":[true,null,"é\\n"],"b":1,"é":0}');
  });

  it('keeps a stable hash for a fixed record, so the format cannot drift unnoticed', () => {
    const record = sealRecord(buildDecisionRecord(decisionEntry('fraud-scorer'), undefined, context(undefined, { newId: () => ID })), undefined);
    expect(record.hash).toBe('f50ffb61f4362629eb8b63ca0133679edeb97e66d4067469d9e3c7692ab7b394');
  });

  it('links each record to the one before it', () => {
    const chain = makeChain(3);
    expect(chain.map((record) => record.seq)).toEqual([0, 1, 2]);
    expect(chain[0]!.prev).toBeNull();
    expect(chain[1]!.prev).toBe(chain[0]!.hash);
    expect(chain[2]!.prev).toBe(chain[1]!.hash);
    expect(nextLink({ seq: 2, hash: chain[2]!.hash })).toEqual({ seq: 3, prev: chain[2]!.hash });
  });

  it('refuses to seal a record that does not follow the head, or is not a valid record', () => {
    const [first] = makeChain(1);
    const head = { seq: first!.seq, hash: first!.hash };
    expect(() => sealRecord(buildDecisionRecord(decisionEntry('m'), undefined, context()), head)).toThrow(/does not follow the chain head: seq 0, prev null \(expected seq 1/);
    const bad = { ...buildDecisionRecord(decisionEntry('m'), undefined, context()), actor: '' };
    expect(() => sealRecord(bad, undefined)).toThrow(/invalid audit record[\s\S]*actor/);
  });

  it('drops undefined fields before hashing, so the hash matches the stored JSON', () => {
    const unsigned = { ...buildDecisionRecord(decisionEntry('m'), undefined, context()), trigger: { type: 'cli' as const, ref: undefined } };
    const record = sealRecord(unsigned, undefined);
    expect('ref' in record.trigger).toBe(false);
    expect(hashRecord(JSON.parse(JSON.stringify(record)) as object)).toBe(record.hash);
  });
});

describe('verifyChain', () => {
  const tamper = (chain: AuditRecord[], change: (records: AuditRecord[]) => AuditRecord[]) => change(structuredClone(chain));
  const chain = makeChain(6);

  it('accepts an intact chain and returns its head', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, checked: 6, head: { seq: 5, hash: chain[5]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, checked: 0 });
  });

  const cases: [string, (records: AuditRecord[]) => AuditRecord[], { position: number; seq?: number; reason: RegExp }][] = [
    ['an edited field', (r) => ((r[2]!.verdict as string) = 'fail', r), { position: 2, seq: 2, reason: /hash does not match the record's content/ }],
    ['a deleted record', (r) => (r.splice(3, 1), r), { position: 3, seq: 4, reason: /expected seq 3, found seq 4: records were deleted or moved/ }],
    ['two swapped records', (r) => ([r[1], r[2]] = [r[2]!, r[1]!], r), { position: 1, seq: 2, reason: /expected seq 1, found seq 2/ }],
    ['records cut from the middle', (r) => (r.splice(1, 3), r), { position: 1, seq: 4, reason: /expected seq 1, found seq 4/ }],
    ['a deleted first record', (r) => r.slice(1), { position: 0, seq: 1, reason: /expected seq 0, found seq 1: the chain does not start at its first record/ }],
    ['a duplicated record', (r) => (r.splice(3, 0, r[2]!), r), { position: 3, seq: 2, reason: /expected seq 3, found seq 2: duplicate seq/ }],
    ['a record moved back', (r) => (r.splice(4, 0, r[1]!), r), { position: 4, seq: 1, reason: /records are out of order/ }],
    [
      'an edit with its hash recomputed',
      (r) => {
        r[2]!.actor = 'someone-else';
        r[2]!.hash = hashRecord(r[2]!);
        return r;
      },
      { position: 3, seq: 3, reason: /prev does not match the hash of the record before it \(seq 2, id / },
    ],
    [
      'a wrong genesis',
      (r) => {
        const first = { ...r[0]!, prev: 'f'.repeat(64) };
        return [{ ...first, hash: hashRecord(first) }];
      },
      { position: 0, seq: 0, reason: /the first record must have prev null/ },
    ],
    ['a record that is not valid', (r) => ((r[1] as unknown as Record<string, unknown>).kind = 'opinion', r), { position: 1, seq: 1, reason: /not a valid record: kind/ }],
    ['something that is not a record', (r) => [r[0]!, 'hello' as unknown as AuditRecord], { position: 1, reason: /not a JSON object/ }],
  ];

  it.each(cases)('names the first broken record for %s', (_name, change, expected) => {
    const result = verifyChain(tamper(chain, change));
    expect(result.ok).toBe(false);
    expect(result.checked).toBe(expected.position);
    expect(result.broken).toMatchObject({ position: expected.position, ...(expected.seq !== undefined && { seq: expected.seq }) });
    expect(result.broken!.reason).toMatch(expected.reason);
    if (expected.seq !== undefined) expect(describeBroken(result.broken!)).toMatch(new RegExp(`^record seq ${expected.seq} \\(id [0-9a-f-]{36}\\) at record \\d+: `));
  });

  it('catches records removed from the end only against an anchor', () => {
    const anchor = { seq: 5, hash: chain[5]!.hash };
    expect(verifyChain(chain.slice(0, 4)).ok).toBe(true);
    expect(verifyChain(chain.slice(0, 4), { anchor }).broken).toEqual({
      position: 4,
      reason: 'the chain ends at seq 3, but the anchor names seq 5: records were removed from the end',
    });
    expect(verifyChain(chain, { anchor }).ok).toBe(true);
    const rewritten = makeChain(6, (index) => decisionEntry(`other-${index}`));
    expect(verifyChain(rewritten, { anchor }).broken).toMatchObject({ seq: 5, reason: expect.stringMatching(/differs from the anchor/) });
  });

  it('reads and writes anchors as seq:hash', () => {
    const head = { seq: 12, hash: 'ab'.repeat(32) };
    expect(parseAnchor(formatAnchor(head))).toEqual(head);
    expect(parseAnchor('12')).toBeUndefined();
    expect(parseAnchor(`x:${'ab'.repeat(32)}`)).toBeUndefined();
  });
});

describe('observeEvidence', () => {
  const read = (path: string) => {
    const text = readFileSync(path, 'utf8');
    return readArtefact({ path, text, sha256: createHash('sha256').update(text).digest('hex') });
  };

  it('summarizes a Clarify report per metric and attribute, and an OpenLineage run by its input datasets', () => {
    const bias = read('fixtures/formats/sagemaker-clarify/data-bias-pre-training.json');
    const lineage = read('fixtures/formats/openlineage/spark-column-lineage.json');
    const observations = observeEvidence({ bias: bias as Evidence<'bias'>, lineage: lineage as Evidence<'lineage'> });

    const biasMetrics = (bias as Evidence<'bias'>).data.metrics;
    expect(biasMetrics.length).toBeGreaterThan(0);
    const first = biasMetrics[0]!;
    const summary = observations.metrics.find((metric) => metric.kind === 'bias' && metric.name === first.name && metric.attribute === first.attribute);
    const values = biasMetrics.filter((metric) => metric.name === first.name && metric.attribute === first.attribute).map((metric) => metric.value);
    expect(summary).toEqual({ kind: 'bias', name: first.name, attribute: first.attribute, min: Math.min(...values), max: Math.max(...values), count: values.length });
    expect(observations.metrics.reduce((sum, metric) => sum + metric.count, 0)).toBe(biasMetrics.length);

    const inputs = (lineage as Evidence<'lineage'>).data.datasets.filter((dataset) => dataset.role === 'input');
    expect(inputs.length).toBeGreaterThan(0);
    expect(observations.datasets_total).toBe(new Set(inputs.map((dataset) => JSON.stringify([dataset.namespace, dataset.name, dataset.version, dataset.digest]))).size);
    expect(observations.datasets.map((dataset) => dataset.name).sort()).toEqual([...new Set(inputs.map((dataset) => dataset.name))].sort());
    expect(observations.datasets_digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same datasets digest whatever the order, and a different one when a dataset version changes', () => {
    const lineageOf = (datasets: Array<{ name: string; version: string }>) =>
      ({ kind: 'lineage', sources: [], fieldLocations: {}, data: { datasets: datasets.map((dataset) => ({ ...dataset, role: 'input', owners: [] })), jobs: [] } }) as unknown as Evidence<'lineage'>;
    const a = observeEvidence({ lineage: lineageOf([{ name: 'loans', version: '3' }, { name: 'bureau', version: '7' }]) });
    const b = observeEvidence({ lineage: lineageOf([{ name: 'bureau', version: '7' }, { name: 'loans', version: '3' }]) });
    const c = observeEvidence({ lineage: lineageOf([{ name: 'bureau', version: '7' }, { name: 'loans', version: '4' }]) });
    expect(a.datasets_digest).toBe(b.datasets_digest);
    expect(c.datasets_digest).not.toBe(a.datasets_digest);
    expect(observeEvidence({}).datasets_digest).toBeNull();
  });

  it('records observations in the sealed decision record, and old records without them stay valid', () => {
    const observations = observeEvidence({});
    const withObservations = sealRecord(buildDecisionRecord({ ...decisionEntry('m'), observations }, undefined, context()), undefined);
    expect(withObservations).toMatchObject({ kind: 'decision', observations: { metrics: [], datasets: [], datasets_digest: null, datasets_total: 0 } });
    const old = sealRecord(buildDecisionRecord(decisionEntry('m'), undefined, context()), undefined);
    expect('observations' in old).toBe(false);
    expect(AuditRecordSchema.safeParse(old).success).toBe(true);
  });
});
