import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Decision } from '../src/engine/decision.js';
import { DEMO_REPO, makeRepo, NATIVE_CARD, REPO_ROOT, runCli } from './helpers.js';

const expected = JSON.parse(readFileSync(path.join(DEMO_REPO, 'expected.json'), 'utf8')) as { verdict: string; models: Record<string, string> };
const demoArgs = ['check', '--config', 'fixtures/demo-repo/.modelgate.yml', '--approvals', 'fixtures/demo-repo/approvals.yaml'];

describe('the CLI bundle', () => {
  it('prints the Decision contract as JSON and exits 1 when a model is blocked', () => {
    const run = runCli([...demoArgs, '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const decision = JSON.parse(run.stdout) as Decision;
    expect(decision.verdict).toBe(expected.verdict);
    expect(Object.fromEntries(decision.models.map((model) => [model.name, model.verdict]))).toEqual(expected.models);
    expect(decision.policy).toEqual({ name: 'starter', version: '1.0.0', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    for (const model of decision.models) {
      expect(Object.keys(model).sort()).toEqual(['controls', 'name', 'results', 'verdict', 'version']);
      for (const result of model.results) {
        expect(['pass', 'fail', 'warn', 'waived', 'skipped', 'error']).toContain(result.status);
        expect(result).toEqual(expect.objectContaining({ rule: expect.any(String), severity: expect.any(String), message: expect.any(String), controls: expect.any(Array) }));
      }
    }
    const churn = decision.models.find((model) => model.name === 'churn-predictor')!;
    expect(churn.results.filter((result) => result.status === 'fail')).toEqual([
      expect.objectContaining({
        rule: 'bias.disparate-impact',
        message: 'disparate impact for age_band=65+ is 0.71, outside [0.8, 1.25]',
        location: { path: 'fixtures/demo-repo/models/churn-predictor/reports/bias.yaml', line: 10, column: 5 },
      }),
      expect.objectContaining({ rule: 'bias.parity-difference', message: expect.stringContaining('age_band=65+ is -0.14') }),
    ]);
  });

  it('prints text with rule, message and file:line, without colour when not a terminal', () => {
    const run = runCli(demoArgs);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('FAIL   bias.disparate-impact: disparate impact for age_band=65+ is 0.71, outside [0.8, 1.25]');
    expect(run.stdout).toContain('fixtures/demo-repo/models/churn-predictor/reports/bias.yaml:10:5');
    expect(run.stdout).toMatch(/verdict: fail — 4 of 8 models blocked/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('checks only the models named, and exits 0 when they pass', () => {
    const run = runCli([...demoArgs, '--model', 'fraud-scorer', '--model', 'support-router', '--format', 'json']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Decision).models.map((model) => model.name)).toEqual(['fraud-scorer', 'support-router']);
  });

  it('writes markdown to a file with --out', () => {
    const out = path.join(makeRepo({}), 'report.md');
    const run = runCli([...demoArgs, '--format', 'markdown', '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`fail: report written to ${out}\n`);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown).toContain('## modelgate: FAIL');
    expect(markdown).toContain('| churn-predictor | 3.1.0 | fail |');
  });

  it('emits GitHub annotations through the bundled @actions/core on a runner', () => {
    const run = runCli(demoArgs, { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=modelgate bias\.disparate-impact \(churn-predictor\),file=fixtures\/demo-repo\/models\/churn-predictor\/reports\/bias\.yaml,line=10::disparate impact/m);
  });

  it('answers --version and --help with exit 0', () => {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    for (const args of [['--help'], ['check', '--help'], ['inspect', '--help'], ['policy', 'validate', '--help'], ['policy', 'explain', '--help']]) {
      const run = runCli(args);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage: modelgate/);
    }
  });

  it('exits 2 with a one-line reason and no stack trace for usage and configuration errors', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--frobnicate'], /unknown option '--frobnicate'/],
      [['check', '--config', 'nope.yml'], /^modelgate: config file not found: nope\.yml$/m],
      [['check', '--config', 'fixtures/demo-repo/.modelgate.yml', '--policy', 'no-such-pack'], /^modelgate: unknown policy pack "no-such-pack" \(shipped packs: .*starter.*\)$/m],
      [[...demoArgs, '--model', 'ghost'], /^modelgate: unknown model "ghost" \(models: fraud-scorer, churn-predictor, demand-forecast, credit-limit, review-sentiment, census-income, ticket-triage, support-router\)$/m],
      [['check', '--format', 'xml'], /argument 'xml' is invalid/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('exits 2 naming file, line and rule for a policy whose CEL does not compile', () => {
    const repo = makeRepo({
      '.modelgate.yml': 'policy: policy.yaml\nmodels:\n  - { name: m, path: models/m }\n',
      'policy.yaml': 'apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: p, version: 1.0.0 }\nrules:\n  - id: bad\n    description: d\n    check: model_card.license = "mit"\n',
      'models/m/model_card.yaml': NATIVE_CARD,
    });
    const run = runCli(['check'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^modelgate: policy\.yaml:7:5: rule "bad": check: /);
  });

  it('blocks, naming the file and line, when an artefact is malformed, hostile or binary', () => {
    const cases: Record<string, [string | Uint8Array, RegExp]> = {
      'drift.json': ['{\n  "apiVersion": "modelgate/v1",\n  "kind": "drift",\n}\n', /drift\.json:4:1: invalid JSON/],
      'drift.yaml': ['apiVersion: modelgate/v1\nkind: drift\n__proto__: { dataset_drift: false }\ndataset_drift: false\n', /drift\.yaml:3:1: forbidden key "__proto__"/],
      'bias.yaml': [new Uint8Array([0x00, 0x01, 0x02]), /bias\.yaml: binary file/],
    };
    for (const [file, [content, message]] of Object.entries(cases)) {
      const repo = makeRepo({ [`models/m/${file}`]: content, 'models/m/model_card.yaml': NATIVE_CARD });
      const run = runCli(['check', '--format', 'json'], { cwd: repo });
      expect(run.status, file).toBe(1);
      const decision = JSON.parse(run.stdout) as Decision;
      const error = decision.models[0]!.results.find((result) => result.rule.startsWith('artefact.'))!;
      expect(error.status).toBe('error');
      const { path: where, line, column } = error.location!;
      expect(`${[where, line, column].filter((part) => part !== undefined).join(':')}: ${error.message}`).toMatch(message);
    }
  });

  it('inspects an artefact: detected format and normalized evidence', () => {
    const run = runCli(['inspect', 'fixtures/demo-repo/models/demand-forecast/reports/drift.json', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ kind: 'drift', format: 'modelgate-drift', evidence: { dataset_drift: true, share_drifted: 0.6 } });
    const text = runCli(['inspect', 'fixtures/demo-repo/models/fraud-scorer/model_card.yaml']);
    expect(text.stdout).toMatch(/^fixtures\/demo-repo\/models\/fraud-scorer\/model_card\.yaml: model_card, read as modelgate-model-card/);
    const bad = runCli(['inspect', 'package.json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^modelgate: package\.json: unknown format/);
  });

  it('validates and explains policies', () => {
    const valid = runCli(['policy', 'validate', 'starter']);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toMatch(/^ok: policy starter 1\.0\.0: 13 rules, \d+ CEL expressions compiled, 0 waivers/);
    const explain = runCli(['policy', 'explain', 'starter']);
    expect(explain.stdout).toContain('bias.disparate-impact [error: blocks when it fails]');
    expect(explain.stdout).toContain('evidences: ISO42001:A.5.4, ISO42001:A.6.2.4, ISO42001:A.7.4');
    expect(runCli(['policy', 'validate', 'fixtures/demo-repo/.modelgate.yml']).status).toBe(2);
  });

  it('gives up within seconds on an alias bomb in the config', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...'bcdefghij'.split('').map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(',')}]`)];
    const repo = makeRepo({ '.modelgate.yml': `${bomb.join('\n')}\n` });
    const run = runCli(['check'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^modelgate: \.modelgate\.yml: cannot read YAML: .*alias/i);
  });
});

describe('model discovery', () => {
  it('refuses two discovered folders of the same name instead of checking only one', () => {
    const repo = makeRepo({
      '.modelgate.yml': 'discover: { roots: ["models/*", "experimental/*"] }\n',
      'models/m/model_card.yaml': NATIVE_CARD,
      'experimental/m/model_card.yaml': NATIVE_CARD,
    });
    const run = runCli(['check'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^modelgate: \.modelgate\.yml: two models are named "m" \(experimental\/m and models\/m\)/);
  });
});

describe('an unreadable config', () => {
  it('is a configuration error, never the starter pack', () => {
    const repo = makeRepo({ 'models/m/model_card.yaml': NATIVE_CARD });
    mkdirSync(path.join(repo, '.modelgate.yml'));
    const run = runCli(['check'], { cwd: repo });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^modelgate: cannot read the config \.modelgate\.yml: EISDIR/);
    const dangling = makeRepo({ 'models/m/model_card.yaml': NATIVE_CARD });
    symlinkSync(path.join(dangling, 'nowhere.yml'), path.join(dangling, '.modelgate.yml'));
    expect(runCli(['check'], { cwd: dangling }).status).toBe(2);
  });
});
