import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lookupPreviousDecisions } from '../src/audit/previous.js';
import { appendDecisionRecords } from '../src/audit/record-decisions.js';
import { buildDecisionRecord, canonicalJson, type AuditRecord } from '../src/audit/record.js';
import { observeEvidence } from '../src/engine/observe.js';
import { createFileStore } from '../src/audit/stores/file-store.js';
import { createPostgresStore } from '../src/audit/stores/postgres-store.js';
import { check, gatherSubjects, type CheckRequest } from '../src/check.js';
import { compilePolicy } from '../src/engine/compile.js';
import type { Decision, PreviousDecisionLookup } from '../src/engine/decision.js';
import { evaluate } from '../src/engine/evaluate.js';
import { ModelgateError } from '../src/errors.js';
import { createFsPolicySource } from '../src/io/policy-source.js';
import { createFsWorkspace } from '../src/io/workspace.js';
import { parseRepoConfig } from '../src/policy/config.js';
import { loadPolicy } from '../src/policy/load.js';
import { context, decisionEntry } from './audit/records.js';
import { chainUrl, POSTGRES_URL, requirePostgres } from './audit/postgres.js';
import { REPO_ROOT, runCli } from './helpers.js';

const FIXTURE = path.join(REPO_ROOT, 'fixtures/previous-decision');
const MODEL = 'models/claims-triage';
const euPack = compilePolicy(loadPolicy('eu-ai-act-high-risk', createFsPolicySource(REPO_ROOT)));
const starter = compilePolicy(loadPolicy('starter', createFsPolicySource(REPO_ROOT)));

/** A private copy of the fixture repository, which the steps below change as a team would. */
function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-previous-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function decisions(lookup: PreviousDecisionLookup | undefined): ReadonlyMap<string, unknown> {
  expect(lookup && 'decisions' in lookup, JSON.stringify(lookup)).toBe(true);
  return (lookup as { decisions: ReadonlyMap<string, unknown> }).decisions;
}

describe('lookupPreviousDecisions: the previous approved decision of each model from the audit trail', () => {
  it('looks nothing up without a store or when no rule of the policy reads previous', async () => {
    const dir = copyFixture();
    expect(await lookupPreviousDecisions(euPack, undefined, { cwd: dir })).toBeUndefined();
    // Even a trail that does not exist is not opened for a policy that never reads it.
    expect(await lookupPreviousDecisions(starter, 'file:nowhere/audit.jsonl', { cwd: dir })).toBeUndefined();
    await expect(lookupPreviousDecisions(euPack, 's3://bucket/trail', { cwd: dir })).rejects.toThrow(ModelgateError);
  });

  it('finds none in a trail that does not exist yet, and the latest pass or warn decision per model in one that does', async () => {
    const dir = copyFixture();
    expect(decisions(await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir })).size).toBe(0);

    const store = createFileStore(path.join(dir, 'audit.jsonl'));
    const observations = observeEvidence({});
    const entries = [
      decisionEntry('claims-triage', 'pass', { observations }),
      decisionEntry('claims-triage', 'warn'),
      decisionEntry('claims-triage', 'fail', { observations }),
      decisionEntry('fraud-scorer', 'pass', { observations }),
    ];
    const records: AuditRecord[] = [];
    for (const [index, entry] of entries.entries()) {
      records.push(await store.append((head) => buildDecisionRecord(entry, head, context(`2026-03-0${index + 1}T12:00:00.000Z`))));
    }
    const found = decisions(await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir }));
    // The failed decision does not count; the warn decision before it does, and it was written without observations.
    expect(found.get('claims-triage')).toEqual({
      decision_id: records[1]!.id,
      seq: 1,
      time: '2026-03-02T12:00:00.000Z',
      verdict: 'warn',
      version: '1.0.0',
      datasets: [],
      datasets_digest: null,
      datasets_total: 0,
    });
    expect(found.get('fraud-scorer')).toMatchObject({ decision_id: records[3]!.id, seq: 3, verdict: 'pass', datasets_digest: null, datasets_total: 0 });
    expect([...found.keys()].sort()).toEqual(['claims-triage', 'fraud-scorer']);
  });

  it('gives no answer, saying why, for a chain that does not verify or cannot be read', async () => {
    const dir = copyFixture();
    const file = path.join(dir, 'audit.jsonl');
    const store = createFileStore(file);
    for (const model of ['claims-triage', 'claims-triage']) await store.append((head) => buildDecisionRecord(decisionEntry(model), head, context()));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const edited = JSON.parse(lines[0]!) as AuditRecord;
    writeFileSync(file, `${canonicalJson({ ...edited, verdict: 'fail' })}\n${lines[1]}\n`);
    expect(await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir })).toEqual({
      unavailable: `the audit trail does not verify: record seq 0 (id ${edited.id}) at audit.jsonl:1: the hash does not match the record's content: the record was edited`,
    });

    writeFileSync(file, `${lines.join('\n')}\n{"torn":`);
    const torn = await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir });
    expect(torn).toEqual({ unavailable: expect.stringMatching(/^the audit trail does not verify: the entry at position 2 at audit\.jsonl:3: the last line has no newline/) });

    // A path that is a folder: the store opens, reading fails.
    expect(await lookupPreviousDecisions(euPack, 'file:models', { cwd: dir })).toEqual({ unavailable: expect.stringMatching(/^the audit trail file:models cannot be read: .*EISDIR/) });
    writeFileSync(file, '');
    expect(decisions(await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir })).size).toBe(0);
  });

  requirePostgres('the previous-decision lookup in a postgres:// store');

  it.runIf(POSTGRES_URL)('reads the same from a PostgreSQL store, and no answer from one that cannot be reached', async () => {
    const url = chainUrl();
    const store = createPostgresStore(url);
    try {
      await store.migrate();
      const first = await store.append((head) => buildDecisionRecord(decisionEntry('claims-triage', 'pass', { observations: observeEvidence({}) }), head, context()));
      await store.append((head) => buildDecisionRecord(decisionEntry('claims-triage', 'fail'), head, context()));
      expect(decisions(await lookupPreviousDecisions(euPack, url, { cwd: tmpdir() })).get('claims-triage')).toMatchObject({ decision_id: first.id, seq: 0, verdict: 'pass' });
    } finally {
      await store.close();
    }
    const unreachable = new URL(url);
    unreachable.password = 'wrong-password';
    const lookup = await lookupPreviousDecisions(euPack, unreachable.toString(), { cwd: tmpdir() });
    expect(lookup).toEqual({ unavailable: expect.stringMatching(/^the audit trail postgres:\/\/.* cannot be read: /) });
    expect(JSON.stringify(lookup)).not.toContain('wrong-password');
  });
});

describe('check() with the previous approved decisions', () => {
  async function request(dir: string, previousDecisions?: PreviousDecisionLookup): Promise<CheckRequest> {
    const configPath = '.modelgate.yml';
    const repoConfig = parseRepoConfig(readFileSync(path.join(dir, configPath), 'utf8'), configPath);
    const approvals = [{ user: 'release-manager', teams: ['release-managers'], state: 'approved' as const, source: 'file' }];
    return { repoConfig, policy: euPack, workspace: createFsWorkspace(dir, ''), approvals, now: new Date('2026-05-10T00:00:00Z'), ...(previousDecisions && { previousDecisions }) };
  }

  it('passes a first decision, then blocks new training data without a minor bump and passes it with one', async () => {
    const dir = copyFixture();
    const rule = (decision: Decision) => decision.models[0]!.results.find((result) => result.rule === 'records.data-change-needs-version-bump')!;
    const store = createFileStore(path.join(dir, 'audit.jsonl'));
    const judgeAndRecord = async () => {
      const previousDecisions = await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir });
      const subjects = await gatherSubjects(await request(dir, previousDecisions));
      const decision = evaluate(euPack, subjects, { now: new Date('2026-05-10T00:00:00Z') });
      const [record] = await appendDecisionRecords(store, decision, subjects, { now: () => new Date('2026-05-10T00:00:00Z'), actor: 'ml-engineer', trigger: { type: 'cli' } });
      return { decision, record: record! };
    };

    const first = await judgeAndRecord();
    expect(first.decision.verdict).toBe('pass');
    expect(rule(first.decision)).toMatchObject({ status: 'skipped' });

    cpSync(path.join(dir, 'changes/lineage-2026-06-30.yaml'), path.join(dir, MODEL, 'lineage.yaml'));
    const second = await judgeAndRecord();
    expect(second.decision.verdict).toBe('fail');
    expect(rule(second.decision)).toMatchObject({
      status: 'fail',
      message:
        `the training data changed since the previous approved decision ${first.record.id} (seq 0, version 2.3.0, 2026-05-10T00:00:00.000Z): ` +
        'input datasets now claims-history@2026-06-30 (before: claims-history@2026-03-31); version 2.3.0 is not higher than 2.3.0, ' +
        'but a training-data change needs a major or minor version bump',
      location: { path: `${MODEL}/lineage.yaml` },
    });

    cpSync(path.join(dir, 'changes/model_card-2.4.0.yaml'), path.join(dir, MODEL, 'model_card.yaml'));
    const third = await judgeAndRecord();
    expect(third.decision.verdict).toBe('pass');
    expect(rule(third.decision).status).toBe('pass');
    // The next lookup finds this decision, with the digest its record observed.
    const next = (await lookupPreviousDecisions(euPack, 'file:audit.jsonl', { cwd: dir }).then(decisions)).get('claims-triage');
    const digestOf = (record: AuditRecord) => (record.kind === 'decision' ? record.observations?.datasets_digest : undefined);
    // Each decision is followed by the record of the approval it relied on: decisions are at seq 0, 2, 4.
    expect(next).toMatchObject({ decision_id: third.record.id, seq: 4, version: '2.4.0', datasets_digest: digestOf(third.record), datasets_total: 2 });
    expect(digestOf(third.record)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(third.record)).not.toBe(digestOf(first.record));
  });

  it('keeps check() pure: without a lookup, previous is null to policies', async () => {
    const dir = copyFixture();
    cpSync(path.join(dir, 'changes/lineage-2026-06-30.yaml'), path.join(dir, MODEL, 'lineage.yaml'));
    const decision = await check(await request(dir));
    expect(decision.models[0]!.results.find((result) => result.rule === 'records.data-change-needs-version-bump')).toMatchObject({ status: 'skipped' });
    const unknown = await check(await request(dir, { unavailable: 'the audit trail x cannot be read: gone' }));
    expect(unknown.models[0]!.results.find((result) => result.rule === 'records.data-change-needs-version-bump')).toMatchObject({
      status: 'error',
      message: 'the previous approved decision is unknown: the audit trail x cannot be read: gone',
    });
  });
});

describe('modelgate check --audit, run twice (CLI bundle)', () => {
  const checkArgs = ['check', '--config', '.modelgate.yml', '--approvals', 'approvals.yaml', '--audit', 'file:audit.jsonl'];

  it('fails the second run when a lineage dataset version changed without a version bump, naming the previous decision', () => {
    const dir = copyFixture();
    const first = runCli(checkArgs, { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/✓ pass {2}claims-triage 2\.3\.0 .*\naudit: 1 decision record and 1 approval record appended to file:audit\.jsonl \(seq 0-1\)\n$/s);
    const approved = JSON.parse(readFileSync(path.join(dir, 'audit.jsonl'), 'utf8').split('\n')[0]!) as AuditRecord;

    cpSync(path.join(dir, 'changes/lineage-2026-06-30.yaml'), path.join(dir, MODEL, 'lineage.yaml'));
    const second = runCli(checkArgs, { cwd: dir });
    expect(second.stderr).toBe('');
    expect(second.status).toBe(1);
    expect(second.stdout).toContain(
      `    FAIL   records.data-change-needs-version-bump: the training data changed since the previous approved decision ${approved.id} ` +
        `(seq 0, version 2.3.0, ${approved.time}): input datasets now claims-history@2026-06-30 (before: claims-history@2026-03-31); ` +
        'version 2.3.0 is not higher than 2.3.0, but a training-data change needs a major or minor version bump\n' +
        `           ${MODEL}/lineage.yaml\n`,
    );
    expect(second.stdout).toMatch(/audit: 1 decision record and 1 approval record appended to file:audit\.jsonl \(seq 2-3\)\n$/);

    // A patch release is still compared with the last approved decision, not with the failed one.
    cpSync(path.join(dir, 'changes/model_card-2.3.1.yaml'), path.join(dir, MODEL, 'model_card.yaml'));
    const patch = runCli([...checkArgs, '--format', 'json'], { cwd: dir });
    expect(patch.status).toBe(1);
    const patchResult = (JSON.parse(patch.stdout) as Decision).models[0]!.results.find((result) => result.rule === 'records.data-change-needs-version-bump');
    expect(patchResult).toMatchObject({ status: 'fail', message: expect.stringContaining(`decision ${approved.id} (seq 0, version 2.3.0,`) });
    expect(patchResult!.message).toContain('version 2.3.1 only changes the patch or pre-release of 2.3.0');

    cpSync(path.join(dir, 'changes/model_card-2.4.0.yaml'), path.join(dir, MODEL, 'model_card.yaml'));
    expect(runCli(checkArgs, { cwd: dir })).toMatchObject({ status: 0, stdout: expect.stringContaining('✓ pass  claims-triage 2.4.0') });
    expect(runCli(['audit', 'verify', '--audit', 'file:audit.jsonl'], { cwd: dir })).toMatchObject({ status: 0, stdout: expect.stringMatching(/^ok: 8 records verified/) });
  });

  it('blocks, saying why, when the audit trail no longer verifies', () => {
    const dir = copyFixture();
    for (const _run of [1, 2]) expect(runCli(checkArgs, { cwd: dir }).status).toBe(0);
    const file = path.join(dir, 'audit.jsonl');
    const [first, ...rest] = readFileSync(file, 'utf8').trimEnd().split('\n');
    const record = JSON.parse(first!) as AuditRecord;
    writeFileSync(file, `${canonicalJson({ ...record, actor: 'someone-else' })}\n${rest.join('\n')}\n`);
    const run = runCli(checkArgs, { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `ERROR  records.data-change-needs-version-bump: the previous approved decision is unknown: the audit trail does not verify: record seq 0 (id ${record.id}) at audit.jsonl:1: the hash does not match the record's content: the record was edited`,
    );
  });
});
