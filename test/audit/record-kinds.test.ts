import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendDecisionRecords, DecisionNotRecorded } from '../../src/audit/record-decisions.js';
import { sealedLinks } from '../../src/audit/sealed-line.js';
import { verifyChain } from '../../src/audit/verify.js';
import { createFileStore } from '../../src/audit/stores/file-store.js';
import type { AuditStore } from '../../src/audit/store.js';
import type { Decision, Subject } from '../../src/engine/decision.js';
import { makeRepo } from '../helpers.js';

const POLICY = { name: 'starter', version: '1.1.0', digest: `sha256:${'c'.repeat(64)}` };

function subject(name: string, approvals: Subject['approvals'] = []): Subject {
  return { model: { name, version: '2.0.0', path: `models/${name}` }, location: { path: `models/${name}` }, evidence: {}, problems: {}, approvals };
}

const decision: Decision = {
  verdict: 'pass',
  policy: POLICY,
  notices: [],
  models: [
    {
      name: 'fraud-scorer',
      version: '2.0.0',
      verdict: 'pass',
      results: [
        { rule: 'model-card.license', status: 'pass', severity: 'error', message: 'licence stated', controls: ['ISO42001:A.6.2.7'] },
        {
          rule: 'bias.disparate-impact',
          status: 'waived',
          severity: 'error',
          message: 'disparate impact 0.78 — waived until 2026-12-31 by risk-officer: retraining scheduled',
          controls: ['ISO42001:A.7.4'],
          location: { path: 'models/fraud-scorer/bias.yaml', line: 7 },
          waiver: { reason: 'retraining scheduled', approved_by: 'risk-officer', expires: '2026-12-31' },
        },
      ],
    },
    { name: 'churn-predictor', version: '2.0.0', verdict: 'pass', results: [] },
  ],
};

const subjects = [
  subject('fraud-scorer', [
    { user: 'release-manager', teams: ['release-managers'], state: 'approved', at: '2026-11-20T09:00:00Z', source: 'github-review' },
    { user: 'ml-engineer', teams: [], state: 'commented', source: 'github-review' },
  ]),
  subject('churn-predictor'),
];
const context = { now: () => new Date('2026-11-22T10:00:00Z'), actor: 'release-bot', trigger: { type: 'pull_request' as const, ref: 'refs/pull/7/merge' } };

async function readBack(store: AuditStore) {
  const records = [];
  for await (const record of store.readAll()) records.push(record);
  return records;
}

describe('appendDecisionRecords: approvals, waivers and policy changes join the chain', () => {
  it('writes the policy change first, then per model its decision, the waivers it used and the approvals it relied on', async () => {
    const dir = makeRepo({});
    const store = createFileStore(path.join(dir, 'audit.jsonl'));
    const previous = { name: 'starter', version: '1.0.0', digest: `sha256:${'b'.repeat(64)}` };
    const appended = await appendDecisionRecords(store, decision, subjects, context, undefined, { policyChange: { previous, paths: ['policies/team.yaml', '.modelgate.yml'] } });
    const records = await readBack(store);
    await store.close();
    expect(records).toEqual(appended);
    expect(records.map((record) => [record.seq, record.kind, record.subject?.model ?? null])).toEqual([
      [0, 'policy_change', null],
      [1, 'decision', 'fraud-scorer'],
      [2, 'waiver', 'fraud-scorer'],
      [3, 'approval', 'fraud-scorer'],
      [4, 'decision', 'churn-predictor'],
    ]);
    expect(records[0]).toMatchObject({ change: { previous, paths: ['.modelgate.yml', 'policies/team.yaml'] }, policy: POLICY, verdict: null });
    expect(records[0]!.approvals.map((approval) => approval.user)).toEqual(['release-manager']);
    expect(records[2]).toMatchObject({
      waiver: { rule: 'bias.disparate-impact', reason: 'retraining scheduled', approver: 'risk-officer', expires: '2026-12-31' },
      results: [{ rule: 'bias.disparate-impact', status: 'waived', location: { path: 'models/fraud-scorer/bias.yaml', line: 7 } }],
      subject: records[1]!.subject,
    });
    // Only the approval in the `approved` state is an approval given; the comment is not.
    expect(records[3]).toMatchObject({ approvals: [{ user: 'release-manager', state: 'approved', at: '2026-11-20T09:00:00Z', source: 'github-review' }], results: [] });
    expect(verifyChain(records).ok).toBe(true);
    // Every kind's stored line is verified from its bytes, without parsing (src/audit/sealed-line.ts).
    const lines = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => sealedLinks(Buffer.from(line))?.seq)).toEqual([0, 1, 2, 3, 4]);
  });

  it('says how far it got when an append fails, counting model decisions', async () => {
    const dir = makeRepo({});
    const inner = createFileStore(path.join(dir, 'audit.jsonl'));
    let appends = 0;
    const failing: AuditStore = {
      ...inner,
      description: inner.description,
      readAll: () => inner.readAll(),
      readEntries: () => inner.readEntries(),
      close: () => inner.close(),
      // The fourth append (churn-predictor's decision) fails.
      append: async (build) => {
        appends += 1;
        if (appends === 4) throw new Error('disk full');
        return inner.append(build);
      },
    };
    await expect(appendDecisionRecords(failing, decision, subjects, context)).rejects.toThrow(DecisionNotRecorded);
    await expect(appendDecisionRecords(createFileStore(path.join(makeRepo({}), 'a.jsonl')), decision, subjects, context)).resolves.toHaveLength(4);
    appends = 0;
    const error = await appendDecisionRecords(failing, decision, subjects, context).then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
    expect(error?.message).toMatch(/\(1 of 2 model decisions were recorded, up to seq \d+\): disk full$/);
    await inner.close();
  });
});
