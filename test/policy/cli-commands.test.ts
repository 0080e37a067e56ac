import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/decision.js';
import { makeRepo, REPO_ROOT, runCli } from '../helpers.js';

const demo = ['--config', 'fixtures/demo-repo/.modelgate.yml', '--approvals', 'fixtures/demo-repo/approvals.yaml'];

describe('policy test, policy diff and controls (CLI bundle)', () => {
  it('runs the tests of every shipped pack and exits 0', () => {
    const run = runCli(['policy', 'test', 'policies/tests']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const [pack, version] of [['eu-ai-act-high-risk', '1.1.0'], ['iso42001', '1.1.0'], ['nist-ai-rmf', '1.1.0'], ['starter', '1.0.0']]) {
      expect(run.stdout).toContain(`policies/tests/${pack}.test.yaml (policy ${pack} ${version})`);
    }
    expect(run.stdout).toMatch(/\nok: \d+ passed, 0 failed \(\d+ cases in 4 files\)\n$/);
  });

  it('exits 1 naming the case and the unmet expectation, and 2 for an invalid test file', () => {
    const repo = makeRepo({
      'tests/p.test.yaml': `apiVersion: modelgate/v1
kind: PolicyTest
policy: ../policy.yaml
now: 2026-06-15T00:00:00Z
cases:
  - name: card without licence
    evidence:
      model_card: card.yaml
    expect:
      results: { licence: pass }
`,
      'tests/card.yaml': 'apiVersion: modelgate/v1\nkind: model_card\nname: m\n',
      'policy.yaml': 'apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: p, version: 1.0.0 }\nrules:\n  - id: licence\n    description: licence stated\n    requires: [model_card]\n    check: has(model_card.license)\n',
      'bad/x.test.yaml': 'apiVersion: modelgate/v1\nkind: PolicyTest\npolicy: starter\nnow: yesterday\ncases: []\n',
    });
    const run = runCli(['policy', 'test', 'tests'], { cwd: repo });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('  ✗ card without licence  (tests/p.test.yaml:6:5)\n      licence: expected pass, got fail (licence stated)\n');
    expect(run.stdout).toMatch(/FAILED: 0 passed, 1 failed \(1 cases in 1 file\)\n$/);
    const invalid = runCli(['policy', 'test', 'bad'], { cwd: repo });
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toMatch(/^modelgate: bad\/x\.test\.yaml:4:\d+: invalid policy test: now: /);
    expect(runCli(['policy', 'test', 'nowhere'], { cwd: repo })).toMatchObject({ status: 2, stderr: 'modelgate: no such file or folder: nowhere\n' });
  });

  it('explains a threshold change between two policy files', () => {
    const starter = readFileSync(path.join(REPO_ROOT, 'policies/starter.yaml'), 'utf8');
    const repo = makeRepo({
      'old.yaml': starter,
      'new.yaml': starter.replace('version: 1.0.0', 'version: 1.1.0').replace('check: drift.share_drifted < 0.3', 'check: drift.share_drifted < 0.2'),
    });
    const run = runCli(['policy', 'diff', 'old.yaml', 'new.yaml'], { cwd: repo });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'policy starter 1.0.0 → starter 1.1.0: 2 changes\n  - version: 1.0.0 → 1.1.0\n  - rule drift.share: check threshold 0.3 → 0.2 (lowered): drift.share_drifted < 0.2\n',
    );
    expect(runCli(['policy', 'diff', 'starter', 'old.yaml'], { cwd: repo }).stdout).toBe('policy starter 1.0.0 → starter 1.0.0: no change to rules or waivers\n');
  });

  it('prints control coverage for the demo models and adds it to the Decision', () => {
    const json = runCli(['controls', ...demo, '--format', 'json', '--model', 'churn-predictor']);
    expect(json.status).toBe(0);
    const table = JSON.parse(json.stdout) as { models: { name: string; controls: { control: string; state: string }[] }[] };
    const rows = Object.fromEntries(table.models[0]!.controls.map((row) => [row.control, row.state]));
    expect(rows).toMatchObject({ 'ISO42001:A.5.4': 'violated', 'ISO42001:A.6.2.6': 'evidenced', 'ISO42001:A.6.2.5': 'not covered', 'ISO42001:A.2.2': 'not covered' });
    expect(Object.keys(rows)).toHaveLength(38);

    const text = runCli(['controls', ...demo, '--policy', 'iso42001', '--model', 'fraud-scorer']);
    expect(text.stdout).toMatch(/^policy iso42001 1\.1\.0\n\nfraud-scorer 1\.4\.0: \d+ evidenced, 3 violated, \d+ not covered\n/);
    expect(text.stdout).toMatch(/✗ violated\s+ISO42001:A\.6\.2\.6\s+AI system operation and monitoring\s+← drift\.dataset \(pass\), drift\.share \(pass\), drift\.fresh \(fail\)/);
    expect(runCli(['controls', ...demo, '--format', 'csv']).stdout.split('\r\n')[0]).toBe('"model","version","control","title","state","rules"');
    expect(runCli(['controls', ...demo, '--format', 'markdown']).stdout).toContain('| `ISO42001:A.9.4` | Intended use of the AI system | evidenced | model-card.intended-use (pass) |');

    const check = JSON.parse(runCli(['check', ...demo, '--format', 'json', '--model', 'fraud-scorer']).stdout) as Decision;
    expect(check.models[0]!.controls).toMatchObject({ violated: [], evidenced: expect.arrayContaining(['ISO42001:A.6.2.5']) });
    expect(runCli(['check', ...demo, '--format', 'markdown']).stdout).toMatch(/\nControls \(evidenced\/violated\/not covered\): fraud-scorer 12\/0\/26, churn-predictor /);
  });

  it('documents the new commands in --help', () => {
    for (const args of [['policy', 'test', '--help'], ['policy', 'diff', '--help'], ['controls', '--help']]) {
      expect(runCli(args)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Usage: modelgate/) });
    }
  });
});
