import { afterEach, describe, expect, it } from 'vitest';
import { describeRequestError, isPermissionDenied, requestSent } from '../../src/github/client.js';
import { listChangedFiles } from '../../src/github/pull-request.js';
import { secondaryRateLimit, serverError, startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { defaultScenario, OWNER, REPO, serveModelRepo } from './model-repo.js';
import { collectLog, TEST_TOKEN, testClient } from './test-client.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

const repository = { owner: OWNER, repo: REPO };
const FILES = new RegExp(`^/repos/${OWNER}/${REPO}/pulls/2/files$`);

async function serve(files = 1) {
  github = await startFakeGitHub();
  serveModelRepo(github, defaultScenario({ prFiles: Array.from({ length: files }, (_, index) => ({ filename: `models/m${index}/model_card.yaml` })) }));
  return github;
}

describe('the GitHub client', () => {
  it('sends the token only as the Authorization header, to the API URL it is given (GitHub Enterprise Server paths included)', async () => {
    const server = await serve();
    // A GHES API URL has a path: requests go below it.
    server.route('GET', /^\/api\/v3\/repos\/.+\/pulls\/2\/files$/, () => ({ body: [] }));
    const log = collectLog();
    await listChangedFiles(testClient(`${server.url}/api/v3/`, log), repository, 2);
    expect(server.requests.map((request) => request.pathname)).toEqual([`/api/v3/repos/${OWNER}/${REPO}/pulls/2/files`]);
    expect(server.requests[0]!.headers.authorization).toBe(`token ${TEST_TOKEN}`);
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^modelgate-action /);
    expect(log.lines.join('\n')).not.toContain(TEST_TOKEN);
  });

  it('retries server errors (5xx) and goes on with the answer', async () => {
    const server = await serve();
    server.fail('GET', FILES, 2, serverError(502));
    const changed = await listChangedFiles(testClient(server.url), repository, 2);
    expect(changed.paths).toEqual(['models/m0/model_card.yaml']);
    expect(server.requests.filter((request) => FILES.test(request.pathname))).toHaveLength(3);
  });

  it.each([
    ['403', 403],
    ['429', 429],
  ] as const)('waits for Retry-After and retries a secondary rate limit answered with %s', async (_name, status) => {
    const server = await serve();
    server.fail('GET', FILES, 1, secondaryRateLimit(2, status));
    const log = collectLog();
    const changed = await listChangedFiles(testClient(server.url, log), repository, 2);
    expect(changed.paths).toHaveLength(1);
    expect(server.requests.filter((request) => FILES.test(request.pathname))).toHaveLength(2);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warning: GitHub secondary rate limit on GET .*\/pulls\/2\/files: waiting 2s, then retry 1 of 2$/));
  });

  it('retries a primary rate limit (x-ratelimit-remaining: 0) after its reset time', async () => {
    const server = await serve();
    server.fail('GET', FILES, 1, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
    });
    const changed = await listChangedFiles(testClient(server.url), repository, 2);
    expect(changed.paths).toHaveLength(1);
  });

  it('gives up when the retries run out, with an error that names the request and GitHub\'s answer', async () => {
    const server = await serve();
    server.fail('GET', FILES, 100, serverError(503));
    const error = await listChangedFiles(testClient(server.url, collectLog(), 2), repository, 2).catch((caught: unknown) => caught);
    expect(server.requests.filter((request) => FILES.test(request.pathname))).toHaveLength(3);
    expect(describeRequestError(error)).toBe(`GET /repos/${OWNER}/${REPO}/pulls/2/files: HTTP 503 Service Unavailable`);
    expect(isPermissionDenied(error)).toBe(false);
  });

  it('stops retrying secondary rate limits when the retries run out', async () => {
    const server = await serve();
    server.fail('GET', FILES, 100, secondaryRateLimit(1));
    const log = collectLog();
    const error = await listChangedFiles(testClient(server.url, log, 1), repository, 2).catch((caught: unknown) => caught);
    expect(describeRequestError(error)).toMatch(/^GET \/repos\/octo-org\/octo-repo\/pulls\/2\/files: HTTP 403 You have exceeded a secondary rate limit/);
    expect(isPermissionDenied(error)).toBe(false);
    expect(log.lines).toContainEqual(expect.stringMatching(/no retries left$/));
  });

  it('does not retry a permission error, and tells it apart', async () => {
    const server = await serve();
    server.fail('GET', FILES, 100, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' } });
    const error = await listChangedFiles(testClient(server.url), repository, 2).catch((caught: unknown) => caught);
    expect(server.requests).toHaveLength(1);
    expect(isPermissionDenied(error)).toBe(true);
  });
});

describe('listChangedFiles', () => {
  it('follows the Link header through every page of the files API, with renamed files\' old names', async () => {
    github = await startFakeGitHub();
    const prFiles = Array.from({ length: 230 }, (_, index) => ({ filename: `models/m${String(index).padStart(3, '0')}/card.yaml` }));
    prFiles[229] = { filename: 'models/new-name/card.yaml', status: 'renamed', previous_filename: 'models/old-name/card.yaml' } as (typeof prFiles)[number];
    serveModelRepo(github, defaultScenario({ prFiles }));
    const changed = await listChangedFiles(testClient(github.url), repository, 2, 230);
    expect(github.requests.map((request) => request.url)).toEqual([
      `/repos/${OWNER}/${REPO}/pulls/2/files?per_page=100`,
      `/repos/${OWNER}/${REPO}/pulls/2/files?per_page=100&page=2`,
      `/repos/${OWNER}/${REPO}/pulls/2/files?per_page=100&page=3`,
    ]);
    expect(changed.paths).toHaveLength(231);
    expect(changed.paths).toEqual(expect.arrayContaining(['models/new-name/card.yaml', 'models/old-name/card.yaml']));
    expect(changed.incomplete).toBe(false);
  });

  it('says the list is incomplete when GitHub lists fewer files than the pull request changes', async () => {
    await serve(3);
    expect((await listChangedFiles(testClient(github!.url), repository, 2, 3500)).incomplete).toBe(true);
  });
});

describe('requestSent', () => {
  it('resolves once the request is on its way, while its answer is still to come', async () => {
    const server = await serve();
    let answer!: () => void;
    const answerAllowed = new Promise<void>((resolve) => (answer = resolve));
    server.route('GET', /^\/held$/, async () => {
      await answerAllowed;
      return { body: { held: true } };
    });
    const request = testClient(server.url).request('GET /held');
    let settled = false;
    void request.finally(() => (settled = true)).catch(() => undefined);
    await requestSent(request);
    expect(settled).toBe(false);
    answer();
    expect((await request).data).toEqual({ held: true });
  });

  it('resolves when the request fails before anything is sent', async () => {
    await expect(requestSent(Promise.reject(new Error('no connection')))).resolves.toBeUndefined();
  });
});
