import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction, type ActionIo } from '../../src/action/run.js';
import type { Decision } from '../../src/engine/decision.js';
import { fixture, serverError, startFakeGitHub, type FakeGitHub, type Json } from '../github/fake-github.js';
import { calls, checkout, defaultScenario, OWNER, REPO, serveModelRepo, type Scenario } from '../github/model-repo.js';
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
    createClient: (_token, baseUrl) => testClient(baseUrl, log),
    now: () => new Date('2026-11-22T12:00:00Z'),
  };
  const result = await runAction(io);
  const decision = outputs['report-json'] ? (JSON.parse(readFileSync(outputs['report-json'], 'utf8')) as Decision) : undefined;
  return { ...result, outputs, annotations, summary: summaries.join('\n'), log: log.lines, decision, published, requests: github.requests, workspace };
}

const ALL_OUTPUTS = ['verdict', 'blocked-models', 'failed-rules', 'report-json', 'decision-id'];

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

  it('with fail-on: never, reports a blocked model without failing the step; the check run is neutral', async () => {
    const run = await runInProcess({ inputs: { 'fail-on': 'never' }, scenario: defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/model_card.yaml' }] }) });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('fail');
    expect(run.published.checkRuns[0]).toMatchObject({ conclusion: 'neutral' });
  });

  it('checks the models named by the models input, whatever changed', async () => {
    const run = await runInProcess({ inputs: { models: 'churn-predictor' }, scenario: defaultScenario({ prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }] }) });
    expect(run.decision!.models.map((model) => model.name)).toEqual(['churn-predictor']);
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
});

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
    createClient: (_token, baseUrl) => testClient(baseUrl, log),
    now: () => new Date('2026-11-22T12:00:00Z'),
  });
  return { ...result, outputs, annotations, log: log.lines };
}
