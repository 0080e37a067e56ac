import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionIo } from '../../src/action/run.js';
import type { Decision } from '../../src/engine/decision.js';
import { fixture, serverError, startFakeGitHub, type FakeGitHub, type Json } from '../github/fake-github.js';
import { BASE_SHA, calls, checkout, defaultScenario, HEAD_SHA, MODEL_REPO, OWNER, readTree, REPO, serveModelRepo, type Scenario } from '../github/model-repo.js';
import { collectLog, testClient } from '../github/test-client.js';
import { runnerFiles, writeEvent } from './runner.js';

/** runAction in this process, with GitHub on loopback and retry waits of a millisecond. */

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

interface InProcess {
  inputs?: Record<string, string>;
  eventName?: string;
  payload?: Json;
  scenario: Scenario;
  workspace?: string;
  actor?: string;
  env?: Record<string, string>;
}

async function runInProcess(spec: InProcess) {
  github = await startFakeGitHub();
  const published = serveModelRepo(github, spec.scenario);
  const files = runnerFiles();
  const workspace = spec.workspace ?? checkout();
  const payload = spec.payload ?? fixture<Json>('events/pull_request.opened.json');
  const outputs: Record<string, string> = {};
  const annotations: string[] = [];
  const summaries: string[] = [];
  const log = collectLog();
  const io: ActionIo = {
    getInput: (name) => ({ 'github-token': 'ghs_token', ...spec.inputs })[name] ?? '',
    env: {
      GITHUB_EVENT_NAME: spec.eventName ?? 'pull_request',
      GITHUB_EVENT_PATH: writeEvent(files, payload),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: github.url,
      GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      GITHUB_REF: 'refs/pull/2/merge',
      GITHUB_RUN_ID: String(spec.scenario.runId),
      GITHUB_ACTOR: spec.actor ?? 'Codertocat',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: files.temp,
      ...spec.env,
    },
    log: { ...log, error: (message) => log.lines.push(`error: ${message}`) },
    annotate: (level, message, properties) => annotations.push(`${level} ${properties.file ?? '-'}:${properties.startLine ?? '-'} ${properties.title}: ${message}`),
    summary: async (markdown) => {
      summaries.push(markdown);
    },
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setSecret: () => undefined,
    createClient: (_token, baseUrl, options) => testClient(baseUrl, log, 2, options),
    now: () => new Date('2026-11-22T12:00:00Z'),
  };
  const result = await runAction(io);
  const decision = outputs['report-json'] ? (JSON.parse(readFileSync(outputs['report-json'], 'utf8')) as Decision) : undefined;
  return { ...result, outputs, annotations, summary: summaries.join('\n'), log: log.lines, decision, published, requests: github.requests, workspace };
}

const ALL_OUTPUTS = ['verdict', 'blocked-models', 'failed-rules', 'report-json', 'decision-id', 'attestations'];

describe('runAction on pull requests', () => {
  it('on a fork\'s read-only token, skips the check run and the comment, says why, and still reports through annotations, summary and outputs', async () => {
    const payload = fixture<Json>('events/pull_request.opened.json');
    const head = (payload.pull_request as Json).head as Json;
    head.repo = { ...(head.repo as Json), full_name: 'hubot/Hello-World', fork: true };
    const run = await runInProcess({ payload, scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] }) });

    expect(run.failure).toMatch(/^modelgate: verdict fail: blocked churn-predictor/);
    expect(calls(run.requests).filter((call) => !call.startsWith('GET'))).toEqual([]);
    expect(run.log).toContain(
      'info: The check run and the pull-request comment were skipped: this pull request comes from a fork, and GitHub gives such runs a read-only token. The job summary, the annotations and the outputs carry the result.',
    );
    expect(run.annotations[0]).toBe('error models/churn-predictor/reports/bias.yaml:10 modelgate bias.disparate-impact (churn-predictor): disparate impact for age_band=65+ is 0.71, outside [0.8, 1.25]');
    expect(run.summary).toContain('## modelgate: FAIL');
    expect(run.summary).toContain('were skipped: this pull request comes from a fork');
    expect(run.outputs.verdict).toBe('fail');
  });

  it('fails closed, with outputs set, when the API keeps failing after retries', async () => {
    const scenario = defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }] });
    github = await startFakeGitHub();
    const faulty = github;
    // The files API answers 503 to every try.
    faulty.fail('GET', /\/pulls\/2\/files$/, 100, serverError(503));
    const result = await runWithServer(faulty, scenario);
    expect(result.failure).toBe(
      `modelgate: the GitHub API did not answer as needed (GET /repos/${OWNER}/${REPO}/pulls/2/files: HTTP 503 Service Unavailable), also after retries; the gate fails closed because it cannot judge without it`,
    );
    expect(Object.keys(result.outputs).sort()).toEqual([...ALL_OUTPUTS].sort());
    expect(result.outputs.verdict).toBe('error');
    expect(faulty.requests.filter((request) => request.pathname.endsWith('/files'))).toHaveLength(3);
  });

  it('fails the step when the check run cannot be published for a reason other than a permission, after reporting the verdict', async () => {
    github = await startFakeGitHub();
    github.fail('POST', /\/check-runs$/, 100, serverError(500));
    const result = await runWithServer(github, defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }], reviews: [{ user: 'octocat', state: 'APPROVED' }, { user: 'hubot', state: 'APPROVED' }] }));
    expect(result.outputs.verdict).toBe('pass');
    expect(result.failure).toBe(`modelgate: verdict pass; but the result could not be published: check run: POST /repos/${OWNER}/${REPO}/check-runs: HTTP 500 Internal Server Error`);
  });

  it('goes on with workflow annotations when the token may not create check runs', async () => {
    github = await startFakeGitHub();
    github.fail('POST', /\/check-runs$/, 100, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run', status: '403' } });
    const result = await runWithServer(github, defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] }));
    expect(result.log).toContainEqual(expect.stringMatching(/^warning: the check run was not published \(POST .*check-runs: HTTP 403 Resource not accessible by integration\): give the job "permissions: checks: write"$/));
    expect(result.annotations).toHaveLength(2);
    expect(result.failure).toMatch(/^modelgate: verdict fail/);
  });

  it('passes a policy change once a policy owner (not the author) approved it', async () => {
    const run = await runInProcess({
      scenario: defaultScenario({
        prFiles: [{ filename: '.modelgate.yml' }],
        reviews: [
          { user: 'monalisa', state: 'APPROVED' },
          { user: 'octocat', state: 'APPROVED' },
          { user: 'hubot', state: 'APPROVED' },
        ],
      }),
    });
    const changed = run.decision!.models[0]!.results.find((result) => result.rule === 'policy.changed')!;
    expect(changed).toMatchObject({ status: 'pass', message: 'this pull request changes the policy (.modelgate.yml); approved by monalisa' });
    expect(run.decision!.models.map((model) => model.name)).toEqual(['fraud-scorer', 'churn-predictor']);
    // churn-predictor still fails its bias thresholds under the base policy.
    expect(run.outputs.verdict).toBe('fail');
  });

  it('does not let one person in both teams satisfy separation of duties', async () => {
    const run = await runInProcess({
      scenario: defaultScenario({
        prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }],
        reviews: [{ user: 'octocat', state: 'APPROVED' }],
        teams: { 'ml-risk': ['octocat'], 'release-managers': ['octocat'], 'ml-governance': [] },
      }),
    });
    expect(JSON.parse(run.outputs['failed-rules']!)).toEqual(['approval.separation-of-duties']);
    expect(run.decision!.models[0]!.results.find((result) => result.rule === 'approval.high-risk')!.status).toBe('pass');
  });

  it('without team access, warns and judges approvals without teams, so team rules fail rather than pass', async () => {
    const run = await runInProcess({
      scenario: defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }], reviews: [{ user: 'octocat', state: 'APPROVED' }, { user: 'hubot', state: 'APPROVED' }], teamsForbidden: true }),
    });
    expect(run.log.filter((line) => line.startsWith('warning: members of team'))).toHaveLength(3);
    expect(JSON.parse(run.outputs['failed-rules']!)).toEqual(['approval.separation-of-duties']);
  });

  it('passes a pull request that changes no model, publishing the check run but no new comment', async () => {
    const run = await runInProcess({ scenario: defaultScenario({ prFiles: [{ filename: 'docs/notes.md' }] }) });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('pass');
    expect(run.published.checkRuns[0]).toMatchObject({ conclusion: 'success', output: expect.objectContaining({ title: 'No model to check' }) });
    expect(calls(run.requests).filter((call) => call.includes('comments') && !call.startsWith('GET'))).toEqual([]);
    expect(run.summary).toContain('No model is changed by this pull request: nothing to check.');
  });

  it('on a pull request, fail-on: never from the pull request\'s workflow does not make a blocked verdict pass: the check run fails', async () => {
    const run = await runInProcess({ inputs: { 'fail-on': 'never' }, scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/model_card.yaml' }] }) });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.published.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
    expect(run.failure).toMatch(/^modelgate: verdict fail: blocked churn-predictor/);
    expect(run.log).toContain('warning: fail-on: never is not applied on pull_request events (the pull request\'s workflow sets it): a blocked verdict fails the step and the check run');
  });

  it('on other events, with fail-on: never, reports a blocked model without failing the step; the check run is neutral', async () => {
    const run = await runInProcess({ eventName: 'workflow_dispatch', payload: dispatch('churn-predictor'), inputs: { 'fail-on': 'never' }, scenario: defaultScenario() });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('fail');
    expect(run.published.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
  });

  it('checks the models named by the models input, whatever changed', async () => {
    const run = await runInProcess({ inputs: { models: 'churn-predictor' }, scenario: defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }] }) });
    expect(run.decision!.models.map((model) => model.name)).toEqual(['churn-predictor']);
  });
});

describe('runAction: who approves a pull request', () => {
  const policyChange = (overrides: Partial<Scenario>) => defaultScenario({ prFiles: [{ filename: '.modelgate.yml' }], ...overrides });
  const policyChanged = (decision: Decision | undefined) => decision!.models[0]!.results.find((result) => result.rule === 'policy.changed')!;

  it('does not count the approval of someone who authored or committed a commit of the pull request', async () => {
    const run = await runInProcess({
      scenario: policyChange({ reviews: [{ user: 'monalisa', state: 'APPROVED' }], commits: [{ author: 'Codertocat', committer: 'Codertocat' }, { author: 'hubot', committer: 'monalisa' }] }),
    });
    expect(policyChanged(run.decision)).toMatchObject({ status: 'fail' });
    expect(run.log).toContain('info: the approval by monalisa is not counted: monalisa authored or committed a commit of this pull request');
    expect(calls(run.requests)).toContain(`GET /repos/${OWNER}/${REPO}/pulls/2/commits`);
  });

  it('when the commits cannot be listed, says so and leaves out only the author', async () => {
    const run = await runInProcess({ scenario: policyChange({ reviews: [{ user: 'monalisa', state: 'APPROVED' }], commits: 'forbidden' }) });
    expect(run.log).toContainEqual(expect.stringMatching(/^warning: the commits of this pull request could not be listed \(GET .*\/pulls\/2\/commits: HTTP 403 .*\): only the author's approval is left out/));
    expect(policyChanged(run.decision)).toMatchObject({ status: 'pass' });
  });

  it('does not count approvals by bots or by people without write access', async () => {
    const run = await runInProcess({
      scenario: policyChange({
        reviews: [
          { user: 'monalisa', state: 'APPROVED', association: 'CONTRIBUTOR' },
          { user: 'monalisa-bot', state: 'APPROVED', type: 'Bot' },
        ],
        teams: { 'ml-risk': ['octocat'], 'release-managers': ['hubot'], 'ml-governance': ['monalisa', 'monalisa-bot'] },
      }),
    });
    expect(policyChanged(run.decision)).toMatchObject({ status: 'fail' });
  });

  it('approves a policy change only with a review of the head commit, whatever require_latest_head says', async () => {
    const run = await runInProcess({ scenario: policyChange({ reviews: [{ user: 'monalisa', state: 'APPROVED', commit: '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e' }] }) });
    expect(policyChanged(run.decision)).toMatchObject({ status: 'fail' });
  });

  it('does not count the approval of whoever re-ran the run (GITHUB_TRIGGERING_ACTOR)', async () => {
    const run = await runInProcess({ env: { GITHUB_TRIGGERING_ACTOR: 'monalisa' }, scenario: policyChange({ reviews: [{ user: 'monalisa', state: 'APPROVED' }] }) });
    expect(policyChanged(run.decision)).toMatchObject({ status: 'fail' });
    expect(run.log).toContain('info: the approval by monalisa is not counted: monalisa re-ran this run');
  });

  it('on other events, does not count the environment approval of whoever re-ran the run', async () => {
    const scenario = defaultScenario({
      environmentApprovals: [
        { user: 'octocat', state: 'approved', environment: 'production' },
        { user: 'hubot', state: 'approved', environment: 'production' },
      ],
    });
    const run = await runInProcess({ eventName: 'workflow_dispatch', payload: dispatch('fraud-scorer'), env: { GITHUB_TRIGGERING_ACTOR: 'hubot' }, scenario });
    expect(JSON.parse(run.outputs['failed-rules']!)).toEqual(['approval.separation-of-duties']);
    expect(run.log).toContain('info: the environment approval by hubot is not counted: hubot re-ran this run');
  });
});

describe('runAction: what counts as a policy change', () => {
  const manyFiles = Array.from({ length: 3000 }, (_, index) => ({ filename: `data/part-${index}.csv` }));
  const bigPullRequest = () => {
    const payload = fixture<Json>('events/pull_request.opened.json');
    (payload.pull_request as Json).changed_files = 3500;
    return payload;
  };

  it('with more than 3000 changed files, finds a policy change the file list misses by comparing the base and head trees', async () => {
    const head = { ...readTree(MODEL_REPO), 'policies/model-policy.yaml': 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: anything-goes\n  version: 9.9.9\n' };
    const run = await runInProcess({ payload: bigPullRequest(), scenario: defaultScenario({ prFiles: manyFiles, refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: head } }) });
    const changed = run.decision!.models[0]!.results.find((result) => result.rule === 'policy.changed');
    expect(changed).toMatchObject({ status: 'fail', location: { path: 'policies/model-policy.yaml' } });
    expect(calls(run.requests)).toEqual(expect.arrayContaining([`GET /repos/${OWNER}/${REPO}/git/trees/${BASE_SHA}`, `GET /repos/${OWNER}/${REPO}/git/trees/${HEAD_SHA}`]));
  });

  it('with more than 3000 changed files and trees that cannot be compared, fails policy.changed: it cannot rule out a policy change', async () => {
    const run = await runInProcess({
      payload: bigPullRequest(),
      scenario: defaultScenario({ prFiles: manyFiles, reviews: [{ user: 'monalisa', state: 'APPROVED' }], refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: readTree(MODEL_REPO) }, truncatedTrees: [HEAD_SHA] }),
    });
    const changed = run.decision!.models[0]!.results.find((result) => result.rule === 'policy.changed');
    expect(changed).toMatchObject({ status: 'fail', location: { path: '.modelgate.yml' } });
    expect(changed!.message).toMatch(/^cannot rule out a policy change: /);
    expect(run.outputs.verdict).toBe('fail');
  });

  it('with more than 3000 changed files and the same policy files at base and head, adds no finding', async () => {
    const run = await runInProcess({ payload: bigPullRequest(), scenario: defaultScenario({ prFiles: manyFiles, refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: readTree(MODEL_REPO) } }) });
    expect(run.decision!.models.flatMap((model) => model.results).some((result) => result.rule === 'policy.changed')).toBe(false);
  });

  it('says in the summary why the pull request\'s policy cannot be compared when it does not load, and judges with the base policy', async () => {
    const head = { ...readTree(MODEL_REPO), 'policies/thresholds.yaml': 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: thresholds\n  version: 1.0.0\nrulez: []\n' };
    const run = await runInProcess({ scenario: defaultScenario({ prFiles: [{ filename: 'policies/thresholds.yaml' }], refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: head } }) });
    expect(run.decision!.policy).toMatchObject({ name: 'model-policy', version: '2.0.0' });
    expect(run.decision!.models[0]!.results.find((result) => result.rule === 'policy.changed')).toMatchObject({ status: 'fail' });
    expect(run.summary).toContain(`### Policy diff\n\nThe policy of this pull request cannot be compared with model-policy 2.0.0 (the base commit ${BASE_SHA.slice(0, 12)}): policies/thresholds.yaml:6:1:`);
  });

  it('on a change of the workflows only, the policy diff says the rules did not change', async () => {
    const run = await runInProcess({
      scenario: defaultScenario({ prFiles: [{ filename: '.github/workflows/modelgate.yml' }], refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: readTree(MODEL_REPO) } }),
    });
    expect(run.summary).toContain(`→ model-policy 2.0.0 (the head commit ${HEAD_SHA.slice(0, 12)}): no change to rules or waivers`);
  });

  it('treats a change of the workflows as a policy change', async () => {
    const run = await runInProcess({ scenario: defaultScenario({ prFiles: [{ filename: '.github/workflows/modelgate.yml' }] }) });
    expect(run.decision!.models[0]!.results.find((result) => result.rule === 'policy.changed')).toMatchObject({ status: 'fail', location: { path: '.github/workflows/modelgate.yml' } });
  });

  it('keeps a failing policy change in the verdict when there is no model: a (repository) entry carries it', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'modelgate-empty-'));
    const run = await runInProcess({ workspace: empty, scenario: defaultScenario({ prFiles: [{ filename: '.modelgate.yml' }], refs: { [BASE_SHA]: { '.modelgate.yml': 'policy: starter\n' } } }) });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.decision!.models).toEqual([{ name: '(repository)', version: null, verdict: 'fail', results: [expect.objectContaining({ rule: 'policy.changed', status: 'fail' })] }]);
    expect(run.published.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
    expect(run.failure).toMatch(/^modelgate: verdict fail/);
  });
});

describe('runAction: where the policy comes from', () => {
  it('on a pull request, ignores a trusted-ref other than the base branch, with a warning, and reads the base commit', async () => {
    const loose = { '.modelgate.yml': 'policy: starter\n' };
    const run = await runInProcess({
      inputs: { 'trusted-ref': 'loose-branch' },
      scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }], refs: { [BASE_SHA]: readTree(MODEL_REPO), 'loose-branch': loose } }),
    });
    expect(run.log).toContainEqual(expect.stringMatching(/^warning: trusted-ref "loose-branch" is ignored on pull_request events/));
    expect(run.decision!.policy.name).toBe('model-policy');
    expect(new Set(run.requests.filter((request) => request.pathname.includes('/contents/')).map((request) => request.query.get('ref')))).toEqual(new Set([BASE_SHA]));
  });

  it('on a manual run, reads the policy and config at the default branch, not from the checkout', async () => {
    const workspace = checkout();
    writeFileSync(path.join(workspace, 'policies/model-policy.yaml'), 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: anything-goes\n  version: 9.9.9\n');
    const run = await runInProcess({ eventName: 'workflow_dispatch', payload: dispatch('churn-predictor'), workspace, scenario: defaultScenario() });
    expect(run.decision!.policy).toMatchObject({ name: 'model-policy', version: '2.0.0' });
    expect(new Set(run.requests.filter((request) => request.pathname.includes('/contents/')).map((request) => request.query.get('ref')))).toEqual(new Set(['main']));
    expect(run.summary).toContain('Policy and config read from the default branch main.');
  });

  it('on a pull request, reads a policy input at the base commit, never from the pull request\'s checkout', async () => {
    const workspace = checkout();
    writeFileSync(path.join(workspace, 'policies/loose.yaml'), 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: anything-goes\n  version: 9.9.9\n');
    const run = await runInProcess({ inputs: { policy: 'policies/loose.yaml' }, workspace, scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] }) });
    expect(run.outputs.verdict).toBe('error');
    expect(run.failure).toContain(`cannot read policy file policies/loose.yaml: not found at the base commit ${BASE_SHA.slice(0, 12)}`);
  });

  it('fails closed when trusted-ref names no commit, rather than judging with the starter pack', async () => {
    const run = await runInProcess({ eventName: 'workflow_dispatch', payload: dispatch('churn-predictor'), inputs: { 'trusted-ref': 'no-such-branch' }, scenario: defaultScenario() });
    expect(run.outputs.verdict).toBe('error');
    expect(run.failure).toMatch(/^modelgate: the trusted ref "no-such-branch" does not exist/);
  });

  it('warns when the trusted ref has no config and the defaults apply', async () => {
    const run = await runInProcess({ scenario: defaultScenario({ prFiles: [{ filename: 'docs/notes.md' }], refs: { [BASE_SHA]: {} } }) });
    expect(run.log).toContain(`warning: there is no .modelgate.yml at the base commit ${BASE_SHA.slice(0, 12)}: models are found by discovery and judged with the defaults (the starter pack)`);
  });
});

describe('runAction: inputs, events, audit', () => {
  it('fails with the input\'s name for an invalid value, and still sets every output', async () => {
    const run = await runInProcess({ inputs: { 'fail-on': 'sometimes' }, scenario: defaultScenario() });
    expect(run.failure).toBe('modelgate: input "fail-on": Invalid option: expected one of "error"|"warn"|"never" (got "sometimes")');
    expect(Object.keys(run.outputs).sort()).toEqual([...ALL_OUTPUTS].sort());
    expect(run.outputs.verdict).toBe('error');
    expect(run.requests).toHaveLength(0);
  });

  it('ends an unsupported event with a warning and verdict skipped, not a failure', async () => {
    const run = await runInProcess({ eventName: 'issue_comment', payload: fixture<Json>('events/issue_comment.created.json'), scenario: defaultScenario() });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('skipped');
    expect(run.log[0]).toMatch(/^warning: modelgate does not gate "issue_comment" events/);
  });

  it('records a pull request\'s policy change before the decisions, from the base policy to the head\'s', async () => {
    const head = { ...readTree(MODEL_REPO) };
    head['policies/model-policy.yaml'] = head['policies/model-policy.yaml']!.replace('version: 2.0.0', 'version: 2.1.0');
    const run = await runInProcess({
      inputs: { audit: 'file:audit/records.jsonl' },
      scenario: defaultScenario({
        prFiles: [{ filename: 'policies/model-policy.yaml' }],
        reviews: [{ user: 'monalisa', state: 'APPROVED' }],
        refs: { [BASE_SHA]: readTree(MODEL_REPO), [HEAD_SHA]: head },
      }),
    });
    const records = readFileSync(path.join(run.workspace, 'audit/records.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Json);
    expect(records.map((record) => record.kind)).toEqual(['policy_change', ...run.decision!.models.flatMap(() => ['decision', 'approval'])]);
    const [change] = records;
    expect(change).toMatchObject({
      subject: null,
      verdict: null,
      policy: { name: 'model-policy', version: '2.1.0', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      change: { previous: { name: 'model-policy', version: '2.0.0', digest: run.decision!.policy.digest }, paths: ['policies/model-policy.yaml'] },
      trigger: { type: 'pull_request' },
    });
    expect((change!.policy as Json).digest).not.toBe(run.decision!.policy.digest);
    expect(run.log).toContainEqual(expect.stringMatching(/^info: audit: \d+ records appended to file:audit\/records\.jsonl/));
  });

  it('appends one decision record per model to the audit store, and fails loudly when it cannot', async () => {
    const scenario = () => defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/model_card.yaml' }] });
    const run = await runInProcess({ inputs: { audit: 'file:audit/records.jsonl' }, scenario: scenario() });
    const lines = readFileSync(path.join(run.workspace, 'audit/records.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!) as Json;
    expect(record).toMatchObject({ kind: 'decision', verdict: 'fail', actor: 'Codertocat', trigger: { type: 'pull_request' }, subject: { model: 'churn-predictor' } });
    expect(((record.subject as Json).artefacts as Json[]).map((artefact) => artefact.path)).toContain('models/churn-predictor/reports/bias.yaml');

    await github!.close();
    const workspace = checkout();
    writeFileSync(path.join(workspace, 'torn.jsonl'), '{"torn":');
    const broken = await runInProcess({ inputs: { audit: 'file:torn.jsonl' }, scenario: scenario(), workspace });
    expect(broken.failure).toMatch(/^modelgate: audit: the decision was not recorded in file:torn\.jsonl: torn\.jsonl:1: the last line is incomplete/);
    expect(broken.outputs.verdict).toBe('fail');
  });

  it('with attest: true, fails before judging anything when the job may not request an OIDC token', async () => {
    const run = await runInProcess({ inputs: { attest: 'true' }, scenario: defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }] }) });
    expect(run.failure).toMatch(/^modelgate: attest: true needs an OIDC token to sign with, .*give the job "permissions: id-token: write" \(and "attestations: write"\)$/);
    expect(run.outputs.verdict).toBe('error');
    expect(run.requests).toHaveLength(0);
  });

  it('with attest: true on a fork\'s pull request (no OIDC token, a read-only token), judges and says that no attestation was made', async () => {
    const payload = fixture<Json>('events/pull_request.opened.json');
    const head = (payload.pull_request as Json).head as Json;
    head.repo = { ...(head.repo as Json), full_name: 'hubot/Hello-World', fork: true };
    const run = await runInProcess({ inputs: { attest: 'true' }, payload, scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] }) });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.outputs.attestations).toBe('[]');
    expect(run.failure).toMatch(/^modelgate: verdict fail: blocked churn-predictor/);
    expect(run.summary).toContain('No attestation was made: this pull request comes from a fork, and GitHub gives such runs a read-only token (and no OIDC token to sign with).');
  });

  it('refuses an api-timeout that is not a positive number of seconds, naming the input', async () => {
    const run = await runInProcess({ inputs: { 'api-timeout': '0' }, scenario: defaultScenario() });
    expect(run.failure).toBe('modelgate: input "api-timeout": must be more than 0 seconds (got "0")');
  });

  it('records the decision before publishing it: a passing verdict whose record cannot be appended publishes a failed check run with the reason', async () => {
    const workspace = checkout();
    writeFileSync(path.join(workspace, 'torn.jsonl'), '{"torn":');
    const run = await runInProcess({
      inputs: { audit: 'file:torn.jsonl' },
      workspace,
      scenario: defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }], reviews: [{ user: 'octocat', state: 'APPROVED' }, { user: 'hubot', state: 'APPROVED' }] }),
    });
    expect(run.outputs.verdict).toBe('pass');
    expect(run.failure).toMatch(/^modelgate: audit: the decision was not recorded in file:torn\.jsonl/);
    const checkRun = run.published.checkRuns[0]!;
    expect(checkRun.conclusion).toBe('failure');
    expect((checkRun.output as Json).title).toMatch(/^FAILED: audit: the decision was not recorded in file:torn\.jsonl/);
  });
});

/** A workflow_dispatch payload naming one model. */
function dispatch(model: string): Json {
  const payload = fixture<Json>('events/workflow_dispatch.json');
  payload.inputs = { model };
  payload.sender = { ...(payload.sender as Json), login: 'Codertocat' };
  return payload;
}

/** runInProcess against a server the test prepared (faults installed before the run). */
async function runWithServer(server: FakeGitHub, scenario: Scenario) {
  serveModelRepo(server, scenario);
  const files = runnerFiles();
  const outputs: Record<string, string> = {};
  const annotations: string[] = [];
  const log = collectLog();
  const result = await runAction({
    getInput: (name) => ({ 'github-token': 'ghs_token' })[name] ?? '',
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: writeEvent(files, fixture<Json>('events/pull_request.opened.json')),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: server.url,
      GITHUB_WORKSPACE: checkout(),
      RUNNER_TEMP: files.temp,
    },
    log: { ...log, error: (message) => log.lines.push(`error: ${message}`) },
    annotate: (level, message, properties) => annotations.push(`${level} ${properties.file ?? '-'}: ${message}`),
    summary: async () => undefined,
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setSecret: () => undefined,
    createClient: (_token, baseUrl, options) => testClient(baseUrl, log, 2, options),
    now: () => new Date('2026-11-22T12:00:00Z'),
  });
  return { ...result, outputs, annotations, log: log.lines };
}
