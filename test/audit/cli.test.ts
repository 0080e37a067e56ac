import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, hashRecord, type AuditRecord } from '../../src/audit/record.js';
import { CSV_COLUMNS } from '../../src/audit/render.js';
import type { Decision } from '../../src/engine/decision.js';
import { CLI_BUNDLE, DEMO_REPO, makeRepo, NATIVE_CARD, runCli, type CliRun } from '../helpers.js';
import { chainUrl, POSTGRES_URL, requirePostgres, shownUrl } from './postgres.js';

const DEMO_MODELS = ['fraud-scorer', 'churn-predictor', 'demand-forecast', 'credit-limit', 'support-router'];
// Five models named, so models added to the demo later do not change these records.
const demo = ['check', '--config', path.join(DEMO_REPO, '.modelgate.yml'), '--approvals', path.join(DEMO_REPO, 'approvals.yaml'), ...DEMO_MODELS.flatMap((model) => ['--model', model])];

/** A folder holding `audit.jsonl`, filled by one `check` of the demo repository's five models. */
function demoTrail(): { dir: string; file: string; lines: string[]; records: AuditRecord[] } {
  const dir = makeRepo({});
  const run = runCli([...demo, '--audit', 'file:audit.jsonl', '--actor', 'release-bot'], { cwd: dir });
  expect(run.status, run.stderr).toBe(1);
  const file = path.join(dir, 'audit.jsonl');
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return { dir, file, lines, records: lines.map((line) => JSON.parse(line) as AuditRecord) };
}

function audit(args: string[], dir: string, env: Record<string, string> = {}): CliRun {
  return runCli(['audit', ...args], { cwd: dir, env });
}

function runCliAsync(args: string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('check --audit', () => {
  it('appends one decision record per model, with artefact digests, and says so after the verdict', () => {
    const { dir, records } = demoTrail();
    // The approval from approvals.yaml that fraud-scorer's decision relied on follows that decision.
    expect(records.map((record) => [record.seq, record.kind, record.subject?.model, record.verdict])).toEqual([
      [0, 'decision', 'fraud-scorer', 'pass'],
      [1, 'approval', 'fraud-scorer', null],
      [2, 'decision', 'churn-predictor', 'fail'],
      [3, 'decision', 'demand-forecast', 'fail'],
      [4, 'decision', 'credit-limit', 'fail'],
      [5, 'decision', 'support-router', 'pass'],
    ]);
    const fraud = records[0]!;
    expect(fraud).toMatchObject({ kind: 'decision', actor: 'release-bot', trigger: { type: 'cli' }, policy: { name: 'starter', version: '1.0.0' }, prev: null });
    expect(fraud.subject!.artefacts.map((artefact) => artefact.path)).toEqual([
      'models/fraud-scorer/lineage/training.yaml',
      'models/fraud-scorer/model_card.yaml',
      'models/fraud-scorer/reports/bias.yaml',
      'models/fraud-scorer/reports/drift.yaml',
    ]);
    const card = readFileSync(path.join(DEMO_REPO, 'models/fraud-scorer/model_card.yaml'));
    expect(fraud.subject!.artefacts[1]!.sha256).toBe(createHash('sha256').update(card).digest('hex'));
    expect(fraud.approvals).toEqual([expect.objectContaining({ state: 'approved', source: expect.any(String) })]);
    expect(records[1]).toMatchObject({ approvals: [{ user: 'release-manager', state: 'approved', source: 'change-ticket CHG-1042' }], subject: records[0]!.subject, results: [] });
    const churn = records[2]!;
    expect(churn.results.find((result) => result.rule === 'bias.disparate-impact')).toMatchObject({ status: 'fail', location: { path: expect.stringMatching(/reports\/bias\.yaml$/), line: 10 } });

    const fraudOnly = ['check', '--config', path.join(DEMO_REPO, '.modelgate.yml'), '--approvals', path.join(DEMO_REPO, 'approvals.yaml'), '--model', 'fraud-scorer'];
    const again = runCli([...fraudOnly, '--audit', 'file:audit.jsonl'], { cwd: dir, env: { USER: 'local-user' } });
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/verdict: pass[^\n]*\naudit: 1 decision record and 1 approval record appended to file:audit\.jsonl \(seq 6-7\)\n$/);
    const ci = runCli([...fraudOnly, '--audit', 'file:audit.jsonl', '--format', 'json'], { cwd: dir, env: { USER: 'runner', GITHUB_ACTOR: 'octo-dev' } });
    expect(ci.status).toBe(0);
    // A JSON report stays exactly the Decision: the confirmation is not printed into it.
    expect((JSON.parse(ci.stdout) as Decision).verdict).toBe('pass');
    const lines = readFileSync(path.join(dir, 'audit.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as AuditRecord).actor).slice(6)).toEqual(['local-user', 'local-user', 'octo-dev', 'octo-dev']);
  });

  it('fails the run with exit 2 and the reason when the record cannot be appended, still printing the verdict', () => {
    const { dir, file } = demoTrail();
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"torn":`);
    const run = runCli(['check', '--config', path.join(DEMO_REPO, '.modelgate.yml'), '--approvals', path.join(DEMO_REPO, 'approvals.yaml'), '--model', 'fraud-scorer', '--audit', 'file:audit.jsonl'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/verdict: pass/);
    expect(run.stderr).toBe(
      'modelgate: audit: the decision was not recorded in file:audit.jsonl: audit.jsonl:7: the last line is incomplete (no newline at its end): ' +
        'an earlier write was interrupted. Nothing was appended; see "Recovering from a torn line" in docs/audit.md\n',
    );
  });

  it('refuses an unsupported store before doing any work', () => {
    for (const [url, message] of [
      ['s3://bucket/trail', /^modelgate: --audit s3:\/\/bucket\/trail: unsupported audit store; use file:PATH .* or postgres:\/\/.*$/m],
      ['github:acme', /--audit github:acme: "acme" is not OWNER\/REPO/],
    ] as const) {
      const run = runCli([...demo, '--audit', url]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
  });

  it('keeps 50 concurrent processes in one chain: exactly 50 records, valid', async () => {
    const repo = makeRepo({ '.modelgate.yml': 'models:\n  - { name: solo, path: models/solo }\n', 'models/solo/model_card.yaml': NATIVE_CARD });
    // A lock left by a writer that died: all 50 find it stale at once, and only one may break it.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(path.join(repo, 'trail'));
    writeFileSync(path.join(repo, 'trail/audit.jsonl.lock'), JSON.stringify({ pid: dead, host: hostname(), token: 'dead', since: '2026-01-01T00:00:00Z' }));
    const runs = await Promise.all(
      Array.from({ length: 50 }, () => runCliAsync(['check', '--config', '.modelgate.yml', '--audit', 'file:trail/audit.jsonl', '--format', 'json'], repo)),
    );
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.status);
    }
    const records = readFileSync(path.join(repo, 'trail/audit.jsonl'), 'utf8').trimEnd().split('\n');
    expect(records).toHaveLength(50);
    const verify = audit(['verify', '--audit', 'file:trail/audit.jsonl'], repo);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^ok: 50 records verified in file:trail\/audit\.jsonl\nhead: 49:[0-9a-f]{64}\n$/);
    expect(existsSync(path.join(repo, 'trail/audit.jsonl.lock'))).toBe(false);
  }, 180_000);
});

describe('audit verify', () => {
  let trail: ReturnType<typeof demoTrail>;
  beforeAll(() => {
    trail = demoTrail();
  });

  /** A copy of the trail with its lines changed, verified by the CLI. */
  function verifyTampered(change: (lines: string[]) => string[], extra: string[] = []): CliRun {
    const dir = makeRepo({});
    writeFileSync(path.join(dir, 'audit.jsonl'), change([...trail.lines]).map((line) => `${line}\n`).join(''));
    return audit(['verify', '--audit', 'file:audit.jsonl', ...extra], dir);
  }

  it('reports an intact chain with its count and head', () => {
    const run = audit(['verify', '--audit', 'file:audit.jsonl'], trail.dir);
    expect(run).toEqual({ status: 0, stdout: `ok: 6 records verified in file:audit.jsonl\nhead: 5:${trail.records[5]!.hash}\n`, stderr: '' });
    const json = JSON.parse(audit(['verify', '--audit', 'file:audit.jsonl', '--format', 'json'], trail.dir).stdout) as Record<string, unknown>;
    expect(json).toEqual({ store: 'file:audit.jsonl', ok: true, checked: 6, head: { seq: 5, hash: trail.records[5]!.hash }, anchor: `5:${trail.records[5]!.hash}` });
  });

  const id = (seq: number) => trail.records[seq]!.id;
  const cases: [string, (lines: string[]) => string[], () => RegExp][] = [
    ['an edited field', (lines) => lines.map((line, index) => (index === 2 ? line.replace('"verdict":"fail"', '"verdict":"pass"') : line)), () => new RegExp(`^broken: record seq 2 \\(id ${id(2)}\\) at audit\\.jsonl:3: the hash does not match the record's content: the record was edited\\n`)],
    ['a deleted line', (lines) => lines.filter((_, index) => index !== 2), () => new RegExp(`^broken: record seq 3 \\(id ${id(3)}\\) at audit\\.jsonl:3: expected seq 2, found seq 3: records were deleted or moved\\n`)],
    ['two swapped lines', (lines) => [lines[0]!, lines[2]!, lines[1]!, ...lines.slice(3)], () => new RegExp(`^broken: record seq 2 \\(id ${id(2)}\\) at audit\\.jsonl:2: expected seq 1, found seq 2`)],
    ['a middle cut out', (lines) => [lines[0]!, lines[4]!], () => new RegExp(`^broken: record seq 4 \\(id ${id(4)}\\) at audit\\.jsonl:2: expected seq 1, found seq 4`)],
    ['a deleted first line', (lines) => lines.slice(1), () => /^broken: record seq 1 .* at audit\.jsonl:1: expected seq 0, found seq 1: the chain does not start at its first record\n/],
    [
      'an edit with its hash recomputed',
      (lines) =>
        lines.map((line, index) => {
          if (index !== 2) return line;
          const record = { ...(JSON.parse(line) as AuditRecord), actor: 'someone-else' };
          return canonicalJson({ ...record, hash: hashRecord(record) });
        }),
      () => new RegExp(`^broken: record seq 3 \\(id ${id(3)}\\) at audit\\.jsonl:4: prev does not match the hash of the record before it \\(seq 2, id ${id(2)}\\)`),
    ],
    ['a reformatted line', (lines) => lines.map((line, index) => (index === 3 ? JSON.stringify(JSON.parse(line), null, 1).replace(/\n/g, '') : line)), () => /^broken: record seq 3 .* at audit\.jsonl:4: the stored text is not the canonical JSON/],
    ['a line that is not JSON', (lines) => [...lines.slice(0, 2), 'garbage', ...lines.slice(2)], () => /^broken: the entry at position 2 at audit\.jsonl:3: not JSON/],
  ];

  it.each(cases)('exits 1 naming the first broken record for %s', (_name, change, expected) => {
    const run = verifyTampered(change);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(expected());
    expect(run.stderr).toBe('');
  });

  it('exits 1 for a torn last line, naming its line', () => {
    const dir = makeRepo({});
    writeFileSync(path.join(dir, 'audit.jsonl'), `${trail.lines.join('\n')}\n${trail.lines[0]!.slice(0, 50)}`);
    const run = audit(['verify', '--audit', 'file:audit.jsonl'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^broken: the entry at position 6 at audit\.jsonl:7: the last line has no newline at its end/);
  });

  it('catches records cut from the end when given the head from an earlier verify', () => {
    const anchor = `5:${trail.records[5]!.hash}`;
    expect(verifyTampered((lines) => lines, ['--anchor', anchor]).status).toBe(0);
    expect(verifyTampered((lines) => lines.slice(0, 3)).status).toBe(0);
    const cut = verifyTampered((lines) => lines.slice(0, 3), ['--anchor', anchor]);
    expect(cut.status).toBe(1);
    expect(cut.stdout).toMatch(/^broken: the entry at position 3: the chain ends at seq 2, but the anchor names seq 5: records were removed from the end\n/);
    expect(audit(['verify', '--audit', 'file:audit.jsonl', '--anchor', 'latest'], trail.dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/--anchor latest: expected <seq>:<sha256 hex>/) });
  });

  it('exits 2 for a missing file or store URL', () => {
    expect(audit(['verify', '--audit', 'file:nope.jsonl'], trail.dir)).toMatchObject({ status: 2, stderr: 'modelgate: audit file not found: nope.jsonl\n' });
    expect(audit(['verify'], trail.dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/required option '--audit <url>' not specified/) });
  });
});

describe('audit log and export', () => {
  let trail: ReturnType<typeof demoTrail>;
  beforeAll(() => {
    trail = demoTrail();
  });
  const store = () => ['--audit', 'file:audit.jsonl'];

  it('lists records with filters', () => {
    const seqs = (args: string[]) => {
      const run = audit(['log', ...store(), '--format', 'json', ...args], trail.dir);
      expect(run.status, run.stderr).toBe(0);
      return run.stdout === '' ? [] : run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as AuditRecord).seq);
    };
    expect(seqs([])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seqs(['--model', 'churn-predictor', '--model', 'support-router'])).toEqual([2, 5]);
    expect(seqs(['--verdict', 'pass'])).toEqual([0, 5]);
    expect(seqs(['--kind', 'decision', '--verdict', 'fail'])).toEqual([2, 3, 4]);
    expect(seqs(['--kind', 'approval'])).toEqual([1]);
    expect(seqs(['--kind', 'waiver'])).toEqual([]);
    const approver = trail.records[0]!.approvals[0]!.user;
    expect(seqs(['--approver', approver.toUpperCase()])).toEqual(trail.records.filter((r) => r.approvals.some((a) => a.user === approver && a.state === 'approved')).map((r) => r.seq));
    expect(seqs(['--approver', 'nobody-at-all'])).toEqual([]);
    expect(seqs(['--since', '2000-01-01', '--until', '2999-12-31'])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(seqs(['--until', '2000-01-01'])).toEqual([]);
    expect(seqs(['--since', trail.records[3]!.time])).toEqual([3, 4, 5]);

    const text = audit(['log', ...store(), '--model', 'churn-predictor'], trail.dir);
    expect(text.stdout).toMatch(/^#2 \S+ decision churn-predictor 3\.1\.0 fail by release-bot \(cli\) policy starter 1\.0\.0 .*hash [0-9a-f]{12}\n {4}fail {3}bias\.disparate-impact: disparate impact for age_band=65\+ is 0\.71/);
    expect(audit(['log', ...store(), '--model', 'nobody'], trail.dir).stdout).toBe('no matching records\n');
  });

  it('refuses bad filter values with exit 2', () => {
    expect(audit(['log', ...store(), '--since', 'last week'], trail.dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/--since last week: expected an ISO 8601 date/) });
    expect(audit(['log', ...store(), '--verdict', 'maybe'], trail.dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/Allowed choices are pass, warn, fail/) });
    expect(audit(['log', ...store(), '--kind', 'opinion'], trail.dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/Allowed choices are decision, approval, waiver, policy_change/) });
  });

  it('exports CSV with the documented columns to a file', () => {
    const run = audit(['export', ...store(), '--format', 'csv', '--out', 'trail.csv', '--verdict', 'fail'], trail.dir);
    expect(run).toMatchObject({ status: 0, stdout: 'exported 3 records to trail.csv\n' });
    const rows = parse(readFileSync(path.join(trail.dir, 'trail.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((row) => row.model)).toEqual(['churn-predictor', 'demand-forecast', 'credit-limit']);
    expect(rows[0]).toMatchObject({ seq: '2', verdict: 'fail', actor: 'release-bot', failed_rules: 'bias.disparate-impact; bias.parity-difference', hash: trail.records[2]!.hash, prev: trail.records[1]!.hash });
  });

  it('exports JSON to standard output', () => {
    const run = audit(['export', ...store(), '--format', 'json'], trail.dir);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(trail.records);
  });

  it('exports a self-contained HTML report of the selected records', () => {
    const run = audit(['export', ...store(), '--format', 'html', '--out', 'report.html', '--verdict', 'fail'], trail.dir);
    expect(run).toMatchObject({ status: 0, stderr: '', stdout: `exported 3 records to report.html (chain verified, head 5:${trail.records[5]!.hash})\n` });
    const html = readFileSync(path.join(trail.dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src /);
    expect([...html.matchAll(/<tr data-row="\d+"><td class="num" title="hash [0-9a-f]{64}">(\d+)<\/td>/g)].map((match) => Number(match[1]))).toEqual([2, 3, 4]);
    expect(html).toContain('3 records selected with <code>--verdict fail</code>.');
    expect(html).toContain('<h2>Chain verified</h2>');
    // The chart library is inside the bundle: nothing is loaded from anywhere at view time.
    expect(html).toContain('Chart.js v4.');
    expect(html).not.toMatch(/<script[^>]*\ssrc=|<link\b/);

    const printed = audit(['export', ...store(), '--format', 'html', '--model', 'fraud-scorer'], trail.dir);
    expect(printed.status).toBe(0);
    expect(printed.stdout.startsWith('<!doctype html>\n')).toBe(true);
    expect(printed.stdout).toContain('2 records selected with <code>--model fraud-scorer</code>.');
  });

  it('writes the HTML report of a broken chain naming the first broken record, and exits 1', () => {
    const dir = makeRepo({});
    writeFileSync(path.join(dir, 'audit.jsonl'), `${[trail.lines[0], trail.lines[2]].join('\n')}\n`);
    const run = audit(['export', ...store(), '--format', 'html', '--out', 'report.html'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('exported 1 record to report.html (chain broken at seq 2)\n');
    expect(run.stderr).toMatch(/^modelgate: audit chain broken: record seq 2 .* at audit\.jsonl:2: expected seq 1, found seq 2/);
    const html = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Chain broken</h2>');
    expect(html).toContain(`record seq 2 (id ${trail.records[2]!.id}) at audit.jsonl:2: expected seq 1, found seq 2: records were deleted or moved`);
  });

  it('refuses to log or export a broken chain, and leaves no export file', () => {
    const dir = makeRepo({});
    writeFileSync(path.join(dir, 'audit.jsonl'), `${[trail.lines[0], trail.lines[2]].join('\n')}\n`);
    const exported = audit(['export', ...store(), '--format', 'csv', '--out', 'trail.csv'], dir);
    expect(exported.status).toBe(1);
    expect(exported.stderr).toMatch(/^modelgate: audit chain broken: record seq 2 .* at audit\.jsonl:2: expected seq 1, found seq 2/);
    expect(existsSync(path.join(dir, 'trail.csv'))).toBe(false);
    const log = audit(['log', ...store()], dir);
    expect(log.status).toBe(1);
    expect(log.stdout).toMatch(/^#0 /);
  });

  it('says a file store needs no migration', () => {
    expect(audit(['migrate', ...store()], trail.dir)).toMatchObject({ status: 2, stderr: 'modelgate: audit migrate applies to postgres:// stores; a file: or github: store needs no migration\n' });
  });

  it('shows the audit commands in help', () => {
    for (const command of ['verify', 'log', 'export', 'pack', 'migrate']) {
      const run = runCli(['audit', command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: modelgate audit ${command} \\[options\\]`));
    }
  });
});

requirePostgres('the PostgreSQL CLI tests');

describe.runIf(POSTGRES_URL)('the CLI with a postgres:// store', () => {
  it('migrates, records decisions, verifies, logs and exports', () => {
    const dir = makeRepo({});
    const url = chainUrl();
    const migrate = audit(['migrate', '--audit', url], dir);
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/(migrated|schema up to date)/);
    expect(migrate.stdout).not.toContain(new URL(POSTGRES_URL!).password);
    const check = runCli([...demo, '--audit', url, '--actor', 'registry-hook'], { cwd: dir });
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`audit: 5 decision records and 1 approval record appended to ${escape(shownUrl())} \\(chain [^)]+\\) \\(seq 0-5\\)\\n$`));
    const verify = audit(['verify', '--audit', url], dir);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/^ok: 6 records verified in postgres:\/\/.*\nhead: 5:[0-9a-f]{64}\n$/);
    const log = audit(['log', '--audit', url, '--format', 'json', '--verdict', 'pass'], dir);
    expect(log.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as AuditRecord).subject?.model)).toEqual(['fraud-scorer', 'support-router']);
    const exported = JSON.parse(audit(['export', '--audit', url, '--format', 'json'], dir).stdout) as AuditRecord[];
    expect(exported.filter((record) => record.kind === 'decision').map((record) => record.subject?.model)).toEqual(DEMO_MODELS);
  });

  it('fails the check with exit 2 naming the server, not the password, when the store cannot be reached', () => {
    const dir = makeRepo({});
    const url = new URL(POSTGRES_URL!);
    url.password = 'wrong-password';
    const run = runCli(['check', '--config', path.join(DEMO_REPO, '.modelgate.yml'), '--approvals', path.join(DEMO_REPO, 'approvals.yaml'), '--model', 'fraud-scorer', '--audit', url.toString()], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/verdict: pass/);
    expect(run.stderr).toMatch(new RegExp(`^modelgate: audit: the decision was not recorded in ${escape(shownUrl())}: PostgreSQL ${escape(shownUrl())}: cannot append a record: password authentication failed`));
    expect(run.stderr).not.toContain('wrong-password');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
