import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../../src/action/run.js';
import { verifyChain } from '../../src/audit/verify.js';
import type { AuditRecord } from '../../src/audit/record.js';
import { fixture, secondaryRateLimit, serverError, startFakeGitHub, type FakeGitHub, type Json, type Reply } from '../github/fake-github.js';
import { startFaultyGitHub, type FaultKind, type FaultyGitHub } from '../github/faulty-github.js';
import { BASE_SHA, checkout, defaultScenario, MODEL_REPO, OWNER, readTree, REPO, serveModelRepo, type Published } from '../github/model-repo.js';
import { collectLog, testClient } from '../github/test-client.js';
import { inputEnvironment, readOutputs, runBundle, runnerFiles, writeEvent } from './runner.js';

/**
 * The Action against a GitHub that breaks, with an audit store: every fault ends either in a
 * retry and the normal verdict, recorded once, or in a fail-closed step (`verdict: error`,
 * the request and what went wrong in the failure) with nothing recorded and nothing published.
 */

let github: FakeGitHub | undefined;
let faulty: FaultyGitHub | undefined;
afterEach(async () => {
  await faulty?.close();
  await github?.close();
  faulty = undefined;
  github = undefined;
});

const repo = `/repos/${OWNER}/${REPO}`;
const at = (pattern: string) => new RegExp(`^${repo}${pattern}$`);
const ENDPOINTS = {
  config: at('/contents/\\.modelgate\\.yml'),
  files: at('/pulls/2/files'),
  reviews: at('/pulls/2/reviews'),
  commits: at('/pulls/2/commits'),
  checkRuns: at('/check-runs'),
};
const AUDIT = 'audit/records.jsonl';

interface Setup {
  /** Breaks answers of the proxy in front of the fake GitHub. */
  proxy?: (server: FaultyGitHub) => void;
  /** Breaks answers of the fake GitHub itself (status codes). */
  upstream?: (server: FakeGitHub) => void;
  /** Files at the base commit, replacing the fixture repository's. */
  base?: Record<string, string>;
  inputs?: Record<string, string>;
}

/** A pull request changing churn-predictor's bias report (blocked by its thresholds), with an audit store. */
async function runWithFaults(setup: Setup) {
  github = await startFakeGitHub();
  const published: Published = serveModelRepo(
    github,
    defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }], ...(setup.base && { refs: { [BASE_SHA]: { ...readTree(MODEL_REPO), ...setup.base } } }) }),
  );
  setup.upstream?.(github);
  faulty = await startFaultyGitHub(github);
  setup.proxy?.(faulty);
  const files = runnerFiles();
  const workspace = checkout();
  const outputs: Record<string, string> = {};
  const log = collectLog();
  const inputs: Record<string, string> = { 'github-token': 'ghs_token', audit: `file:${AUDIT}`, 'api-timeout': '0.3', ...setup.inputs };
  const result = await runAction({
    getInput: (name) => inputs[name] ?? '',
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: writeEvent(files, fixture<Json>('events/pull_request.opened.json')),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: faulty.url,
      GITHUB_ACTOR: 'Codertocat',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: files.temp,
    },
    log: { ...log, error: (message) => log.lines.push(`error: ${message}`) },
    annotate: () => undefined,
    summary: async () => undefined,
    setOutput: (name, value) => {
      outputs[name] = value;
    },
    setSecret: () => undefined,
    createClient: (_token, baseUrl, options) => testClient(baseUrl, log, 2, options),
    now: () => new Date('2026-11-22T12:00:00Z'),
  });
  const auditFile = path.join(workspace, AUDIT);
  const records = existsSync(auditFile)
    ? readFileSync(auditFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as AuditRecord)
    : [];
  return { ...result, outputs, log: log.lines, published, records, auditText: existsSync(auditFile) ? readFileSync(auditFile, 'utf8') : undefined, proxied: faulty.requests };
}

/** The run judged as without faults: churn-predictor blocked, one whole, valid record for it. */
function expectJudged(run: Awaited<ReturnType<typeof runWithFaults>>) {
  expect(run.outputs.verdict).toBe('fail');
  expect(run.failure).toMatch(/^modelgate: verdict fail: blocked churn-predictor/);
  expect(run.records.filter((record) => record.kind === 'decision').map((record) => [record.subject?.model, record.verdict])).toEqual([['churn-predictor', 'fail']]);
  expect(verifyChain(run.records).ok).toBe(true);
  expect(run.published.checkRuns).toHaveLength(1);
}

/** Failed closed: `verdict: error`, the reason, no audit record at all, and nothing published. */
function expectFailedClosed(run: Awaited<ReturnType<typeof runWithFaults>>, reason: RegExp) {
  expect(run.outputs.verdict).toBe('error');
  expect(run.outputs['report-json']).toBe('');
  expect(run.failure).toMatch(reason);
  expect(run.auditText).toBeUndefined();
  expect(run.published.checkRuns).toEqual([]);
}

describe('a fault once: retried, judged as usual, recorded once', () => {
  it.each<[FaultKind, keyof typeof ENDPOINTS]>([
    ['reset-before-answer', 'config'],
    ['reset-mid-body', 'files'],
    ['hang', 'reviews'],
    ['stall-body', 'config'],
    ['malformed-json', 'files'],
    ['malformed-json', 'commits'],
  ])('%s on the %s request', async (kind, endpoint) => {
    const run = await runWithFaults({ proxy: (server) => server.inject('GET', ENDPOINTS[endpoint], 1, kind) });
    expectJudged(run);
    expect(run.proxied.filter((request) => ENDPOINTS[endpoint].test(request.pathname)).map((request) => request.fault ?? 'answered')).toEqual([kind, 'answered']);
  });

  it.each<[string, keyof typeof ENDPOINTS, Reply]>([
    ['a 502', 'files', serverError(502)],
    ['a 503', 'reviews', serverError(503)],
    ['a 429 with Retry-After', 'files', secondaryRateLimit(1, 429)],
    ['a secondary rate limit (403 with Retry-After)', 'config', secondaryRateLimit(2)],
  ])('%s on the %s request', async (_name, endpoint, reply) => {
    const run = await runWithFaults({ upstream: (server) => server.fail('GET', ENDPOINTS[endpoint], 1, reply) });
    expectJudged(run);
  });
});

describe('a fault that does not go away: fail closed, record nothing', () => {
  it.each<[FaultKind, keyof typeof ENDPOINTS, RegExp]>([
    ['reset-before-answer', 'config', /^modelgate: the GitHub API did not answer as needed \(GET \/repos\/octo-org\/octo-repo\/contents\/\.modelgate\.yml: no answer \(.+\)\), also after retries; the gate fails closed/],
    ['hang', 'files', /^modelgate: the GitHub API did not answer as needed \(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: no complete answer within 300 ms\), also after retries/],
    ['stall-body', 'reviews', /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/reviews: no complete answer within 300 ms\), also after retries/],
    ['malformed-json', 'files', /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: the answer \(HTTP 200\) is not the JSON it announced \(\d+ bytes\)\), also after retries/],
    ['link-loop', 'reviews', /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/reviews: the pagination does not end: the Link header leads back to a page already read \(.+\)\); the gate fails closed/],
    ['endless-pages', 'files', /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: the pagination does not end: more than 200 pages\); the gate fails closed/],
  ])('%s on every %s request', async (kind, endpoint, reason) => {
    const run = await runWithFaults({ proxy: (server) => server.inject('GET', ENDPOINTS[endpoint], 1000, kind) });
    expectFailedClosed(run, reason);
  });

  it.each<[string, keyof typeof ENDPOINTS, Reply, RegExp]>([
    ['5xx', 'files', serverError(503), /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: HTTP 503 Service Unavailable\), also after retries/],
    ['a secondary rate limit', 'reviews', secondaryRateLimit(1), /\(GET \/repos\/octo-org\/octo-repo\/pulls\/2\/reviews: HTTP 403 You have exceeded a secondary rate limit/],
  ])('%s on every %s request', async (_name, endpoint, reply, reason) => {
    const run = await runWithFaults({ upstream: (server) => server.fail('GET', ENDPOINTS[endpoint], 1000, reply) });
    expectFailedClosed(run, reason);
  });

  it('a check run that cannot be published after the record: the record is whole, once, and the step fails', async () => {
    const run = await runWithFaults({ proxy: (server) => server.inject('POST', ENDPOINTS.checkRuns, 1000, 'reset-before-answer') });
    expect(run.outputs.verdict).toBe('fail');
    expect(run.failure).toMatch(/^modelgate: verdict fail: blocked churn-predictor; but the result could not be published: check run: POST \/repos\/octo-org\/octo-repo\/check-runs: no answer \(.+\)$/);
    expect(run.records.filter((record) => record.kind === 'decision').map((record) => record.subject?.model)).toEqual(['churn-predictor']);
    expect(verifyChain(run.records).ok).toBe(true);
  });
});

describe("the run's time limit (limits.max_run_seconds)", () => {
  it('fails closed when GitHub keeps the run waiting past the limit of the trusted config: nothing recorded or published', async () => {
    const config = `${readTree(MODEL_REPO)['.modelgate.yml']}limits:\n  max_run_seconds: 1\n`;
    // Each request may take a minute: only the run's limit ends the wait.
    const run = await runWithFaults({ base: { '.modelgate.yml': config }, inputs: { 'api-timeout': '60' }, proxy: (server) => server.inject('GET', ENDPOINTS.reviews, 1000, 'hang') });
    expectFailedClosed(run, /^modelgate: the run took longer than its limit of 1 s \(limits\.max_run_seconds\): the gate fails closed, and no decision is recorded$/);
    // The request in flight was abandoned, not retried.
    expect(run.proxied.filter((request) => ENDPOINTS.reviews.test(request.pathname))).toHaveLength(1);
  });
});

describe('the Action bundle against a GitHub that breaks', () => {
  it('applies the api-timeout input: an answer that never comes is abandoned after it, tried again, and the run goes on', async () => {
    github = await startFakeGitHub();
    const published = serveModelRepo(github, defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] }));
    faulty = await startFaultyGitHub(github);
    faulty.inject('GET', ENDPOINTS.files, 1, 'hang');
    const files = runnerFiles();
    const run = await runBundle({
      ...inputEnvironment({ 'api-timeout': '1' }, { 'github.token': 'ghs_bundletoken0000000000000000000000001' }),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: writeEvent(files, fixture<Json>('events/pull_request.opened.json')),
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_API_URL: faulty.url,
      GITHUB_ACTOR: 'Codertocat',
      GITHUB_WORKSPACE: checkout(),
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: files.temp,
    });
    expect(readOutputs(files.output).verdict).toBe('fail');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::modelgate: verdict fail: blocked churn-predictor/m);
    expect(faulty.requests.filter((request) => ENDPOINTS.files.test(request.pathname)).map((request) => request.fault ?? 'answered')).toEqual(['hang', 'answered']);
    expect(published.checkRuns).toHaveLength(1);
  });
});
