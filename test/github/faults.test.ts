import { afterEach, describe, expect, it } from 'vitest';
import { describeRequestError, GitHubFault, isPermissionDenied, isRequestError, paginateAll } from '../../src/github/client.js';
import { listChangedFiles, listReviews } from '../../src/github/pull-request.js';
import { readFileAtRef } from '../../src/github/contents.js';
import { RunTimeLimitExceeded } from '../../src/document/limits.js';
import { serverError, startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { startFaultyGitHub, type FaultKind, type FaultyGitHub } from './faulty-github.js';
import { BASE_SHA, defaultScenario, MODEL_REPO, OWNER, readTree, REPO, serveModelRepo } from './model-repo.js';
import { collectLog, testClient } from './test-client.js';

/**
 * The Action's client against a GitHub that breaks: each fault either ends in a retry that
 * gets the real answer, or in an error that names the request and what went wrong (the Action
 * fails closed on it). Never in a partial or empty answer taken for the real one.
 */

let github: FakeGitHub | undefined;
let faulty: FaultyGitHub | undefined;
afterEach(async () => {
  await faulty?.close();
  await github?.close();
  faulty = undefined;
  github = undefined;
});

const repository = { owner: OWNER, repo: REPO };
const FILES = new RegExp(`^/repos/${OWNER}/${REPO}/pulls/2/files$`);
const CONTENTS = new RegExp(`^/repos/${OWNER}/${REPO}/contents/`);
/** Short enough that a hanging answer costs the test little; the client's default is 30 s. */
const TIMEOUT_MS = 300;

async function serve(files = 3) {
  github = await startFakeGitHub();
  serveModelRepo(github, defaultScenario({ prFiles: Array.from({ length: files }, (_, index) => ({ filename: `models/m${index}/model_card.yaml` })) }));
  faulty = await startFaultyGitHub(github);
  return faulty;
}

const client = (server: FaultyGitHub, options: { retries?: number; maxPages?: number; signal?: AbortSignal } = {}) =>
  testClient(server.url, collectLog(), options.retries ?? 2, { timeoutMs: TIMEOUT_MS, ...(options.maxPages && { maxPages: options.maxPages }), ...(options.signal && { signal: options.signal }) });

const tries = (server: FaultyGitHub, pattern: RegExp) => server.requests.filter((request) => pattern.test(request.pathname));

describe('faults of one answer: retried, then the real answer', () => {
  it.each<[FaultKind, string]>([
    ['reset-before-answer', 'a connection closed before any answer'],
    ['reset-mid-body', 'a connection destroyed in the middle of the body'],
    ['hang', 'no answer within the timeout'],
    ['stall-body', 'a body that stops coming, past the timeout'],
    ['malformed-json', 'a 200 whose JSON body is cut'],
  ])('%s (%s): the list is read again and is complete', async (kind) => {
    const server = await serve(3);
    server.inject('GET', FILES, 1, kind);
    const changed = await listChangedFiles(client(server), repository, 2, 3);
    expect(changed.paths).toEqual(['models/m0/model_card.yaml', 'models/m1/model_card.yaml', 'models/m2/model_card.yaml']);
    expect(changed.incomplete).toBe(false);
    expect(tries(server, FILES).map((request) => request.fault ?? 'answered')).toEqual([kind, 'answered']);
  });

  it.each<FaultKind>(['reset-mid-body', 'stall-body'])('a raw file cut by %s is downloaded again, whole', async (kind) => {
    const server = await serve();
    server.inject('GET', CONTENTS, 1, kind);
    const bytes = await readFileAtRef(client(server), repository, 'policies/model-policy.yaml', BASE_SHA);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(readTree(MODEL_REPO)['policies/model-policy.yaml']);
    expect(tries(server, CONTENTS)).toHaveLength(2);
  });

  it('5xx, then the answer', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ prFiles: [{ filename: 'models/m0/model_card.yaml' }] }));
    github.fail('GET', FILES, 2, serverError(503));
    const changed = await listChangedFiles(testClient(github.url), repository, 2);
    expect(changed.paths).toEqual(['models/m0/model_card.yaml']);
    expect(github.requests.filter((request) => FILES.test(request.pathname))).toHaveLength(3);
  });

  it('429 with Retry-After, then the answer', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ prFiles: [{ filename: 'models/m0/model_card.yaml' }] }));
    // GitHub's 429: a rate limit with the seconds to wait.
    github.fail('GET', FILES, 1, {
      status: 429,
      headers: { 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
    });
    const log = collectLog();
    const changed = await listChangedFiles(testClient(github.url, log), repository, 2);
    expect(changed.paths).toEqual(['models/m0/model_card.yaml']);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warning: GitHub (secondary )?rate limit on GET .*\/pulls\/2\/files: waiting \d+s, then retry 1 of 2$/));
  });
});

describe('faults that do not go away: a clear error, never a partial answer', () => {
  it.each<[FaultKind, RegExp]>([
    ['reset-before-answer', /^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: no answer \(.+\)$/],
    ['reset-mid-body', /^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: (no answer \(.+\)|the answer \(HTTP 200\) is not the JSON it announced \(.+\))$/],
    ['hang', /^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: no complete answer within 300 ms$/],
    ['stall-body', /^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: no complete answer within 300 ms$/],
    ['malformed-json', /^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: the answer \(HTTP 200\) is not the JSON it announced \(\d+ bytes\)$/],
  ])('%s on every try: the retries run out, and the error says what happened', async (kind, message) => {
    const server = await serve();
    server.inject('GET', FILES, 100, kind);
    const error = await listChangedFiles(client(server), repository, 2).catch((caught: unknown) => caught);
    expect(isRequestError(error)).toBe(true);
    expect(isPermissionDenied(error)).toBe(false);
    expect(describeRequestError(error)).toMatch(message);
    // The first try and two retries.
    expect(tries(server, FILES)).toHaveLength(3);
  });

  it('a Link header that leads back to the page just read: stops at once, without retrying', async () => {
    const server = await serve();
    server.inject('GET', FILES, 100, 'link-loop');
    const error = await listChangedFiles(client(server), repository, 2).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubFault);
    expect((error as GitHubFault).retried).toBe(false);
    expect(describeRequestError(error)).toMatch(/^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: the pagination does not end: the Link header leads back to a page already read \(\/repos\/octo-org\/octo-repo\/pulls\/2\/files\?per_page=100\)$/);
    expect(tries(server, FILES)).toHaveLength(2);
  });

  it('pagination that never ends: bounded by maxPages, then an error', async () => {
    const server = await serve();
    server.inject('GET', FILES, 1000, 'endless-pages');
    const error = await listChangedFiles(client(server, { maxPages: 5 }), repository, 2).catch((caught: unknown) => caught);
    expect(describeRequestError(error)).toMatch(/: the pagination does not end: more than 5 pages$/);
    expect(tries(server, FILES)).toHaveLength(5);
  });

  it('reads every page up to maxPages when the list does end there', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ reviews: Array.from({ length: 250 }, (_, index) => ({ user: `reviewer-${index}`, state: 'COMMENTED' as const })) }));
    faulty = await startFaultyGitHub(github);
    const reviews = await listReviews(client(faulty, { maxPages: 3 }), repository, 2);
    expect(reviews).toHaveLength(250);
  });

  it('a list endpoint answering an object where a list belongs is an error, not an empty list', async () => {
    github = await startFakeGitHub();
    github.route('GET', FILES, () => ({ body: { message: 'not a list' } }));
    const error = await paginateAll(testClient(github.url), testClient(github.url).rest.pulls.listFiles, { ...repository, pull_number: 2 }).catch((caught: unknown) => caught);
    expect(describeRequestError(error)).toMatch(/: page 1 of the list is not a list$/);
  });
});

describe("the run's time limit", () => {
  it('aborts a request in flight with the limit, which is not retried', async () => {
    const server = await serve();
    server.inject('GET', FILES, 100, 'hang');
    const controller = new AbortController();
    const pending = listChangedFiles(testClient(server.url, collectLog(), 2, { timeoutMs: 60_000, signal: controller.signal }), repository, 2).catch((caught: unknown) => caught);
    // Abort once the request has reached the server.
    while (tries(server, FILES).length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new RunTimeLimitExceeded(1));
    const error = await pending;
    expect(error).toBeInstanceOf(RunTimeLimitExceeded);
    expect(tries(server, FILES)).toHaveLength(1);
  });

  it('refuses to start a request once the limit has passed', async () => {
    const server = await serve();
    const error = await listChangedFiles(testClient(server.url, collectLog(), 2, { signal: AbortSignal.abort(new RunTimeLimitExceeded(1)) }), repository, 2).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RunTimeLimitExceeded);
    expect(server.requests).toHaveLength(0);
  });
});
