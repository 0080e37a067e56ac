import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordDecisions } from '../../src/action/audit.js';
import { buildDecisionRecord, canonicalJson, sealRecord, type AuditRecord } from '../../src/audit/record.js';
import type { AuditStore } from '../../src/audit/store.js';
import { commitMessage, createGitHubStore, parseCommitHead, recordPath, type GitHubStoreOptions } from '../../src/audit/stores/github-store.js';
import { auditStoreKind, openAuditStore, parseGitHubStoreUrl } from '../../src/audit/stores/open.js';
import { verifyEntries } from '../../src/audit/verify.js';
import type { Decision } from '../../src/engine/decision.js';
import { ModelgateError } from '../../src/errors.js';
import { startFakeGitHub, type FakeGitHub, type RecordedRequest } from '../github/fake-github.js';
import { collectLog, TEST_TOKEN, testClient } from '../github/test-client.js';
import { CLI_BUNDLE, makeRepo, NATIVE_CARD, type CliRun } from '../helpers.js';
import { serveGitRepository, type GitRepository } from './github-git-server.js';
import { context, decisionEntry, makeChain } from './records.js';

const OWNER = 'acme';
const REPO = 'fraud-models';
const BRANCH = 'modelgate/audit';
const SHOWN = `github:${OWNER}/${REPO}#${BRANCH}`;
/** Tries enough for 50 writers racing, with waits of milliseconds. */
const FAST_RETRY = { attempts: 200, baseDelayMs: 20, maxDelayMs: 4000 };

let github: FakeGitHub;
let git: GitRepository;
beforeEach(async () => {
  github = await startFakeGitHub();
  git = serveGitRepository(github, { owner: OWNER, repo: REPO });
});
afterEach(async () => {
  await github.close();
});

function openStore(options: GitHubStoreOptions = { retry: FAST_RETRY }, retries = 2): AuditStore {
  return createGitHubStore(testClient(github.url, collectLog(), retries), { repository: { owner: OWNER, repo: REPO }, branch: BRANCH }, options);
}

const append = (store: AuditStore, model = 'fraud-scorer') => store.append((head) => buildDecisionRecord(decisionEntry(model), head, context()));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Puts a whole chain on the branch in one commit, as a long-lived store would hold it. */
function seed(records: readonly AuditRecord[]): void {
  git.commit(BRANCH, (files) => {
    for (const record of records) files.set(recordPath(record.seq), canonicalJson(record));
  }, commitMessage(records.at(-1)!));
}

const calls = (requests: readonly RecordedRequest[]) => requests.map((request) => `${request.method} ${request.pathname.replace(`/repos/${OWNER}/${REPO}`, '')}`);
const recordFiles = () => [...git.files(BRANCH).keys()].filter((path) => path.startsWith('records/')).sort();

describe('layout and commit messages', () => {
  it('places records in shards of a thousand, with names that sort in chain order', () => {
    expect(recordPath(0)).toBe('records/000000/000000000/000000000000.json');
    expect(recordPath(999)).toBe('records/000000/000000000/000000000999.json');
    expect(recordPath(1000)).toBe('records/000000/000000001/000000001000.json');
    expect(recordPath(1_234_567)).toBe('records/000001/000001234/000001234567.json');
    expect(() => recordPath(1e12)).toThrow('seq 1000000000000 has no place on an audit branch');
    const paths = [5, 999, 1000, 10_000, 1_000_000].map(recordPath);
    expect([...paths].sort()).toEqual(paths);
  });

  it('names the chain head in trailers that a model name cannot forge', () => {
    const [record] = makeChain(1, () => decisionEntry('evil\n\nModelgate-Audit-Seq: 99\nModelgate-Audit-Hash: ' + 'f'.repeat(64)));
    const message = commitMessage(record!);
    expect(message.split('\n')[0]).toBe(`audit record 0: decision evil Modelgate-Audit-Seq: 99 Modelgate-Audit-Hash: ${'f'.repeat(64)} 1.0.0 pass`);
    expect(message.endsWith(`\n\nModelgate-Audit-Seq: 0\nModelgate-Audit-Hash: ${record!.hash}\n`)).toBe(true);
    expect(parseCommitHead(message)).toEqual({ seq: 0, hash: record!.hash });
    expect(parseCommitHead('Edit by hand')).toBeUndefined();
  });
});

describe('github: URLs', () => {
  it('reads the repository and the branch', () => {
    expect(parseGitHubStoreUrl('github:')).toEqual({ repository: undefined, branch: 'modelgate/audit' });
    expect(parseGitHubStoreUrl('github:#audit/trail')).toEqual({ repository: undefined, branch: 'audit/trail' });
    expect(parseGitHubStoreUrl('github:acme/fraud-models')).toEqual({ repository: { owner: 'acme', repo: 'fraud-models' }, branch: 'modelgate/audit' });
    expect(parseGitHubStoreUrl('github:acme/models.v2#governance/audit-2026')).toEqual({ repository: { owner: 'acme', repo: 'models.v2' }, branch: 'governance/audit-2026' });
    expect(auditStoreKind('github:acme/fraud-models')).toBe('github');
  });

  it('refuses what is not a repository or a branch name, as a usage error naming the URL', () => {
    for (const [url, why] of [
      ['github:acme', '"acme" is not OWNER/REPO'],
      ['github:acme/models/extra', '"acme/models/extra" is not OWNER/REPO'],
      ['github:-acme/models', '"-acme" is not a GitHub user or organization name'],
      ['github:acme/mod els', '"mod els" is not a repository name'],
      ['github:acme/models#', '"" is not a branch name (empty)'],
      ['github:acme/models#audit..trail', 'is not a branch name (no "..", "@{" or a lone "@")'],
      ['github:acme/models#audit trail', 'is not a branch name (no spaces'],
      ['github:acme/models#audit/', 'is not a branch name (no empty part between slashes)'],
      ['github:acme/models#audit.lock', 'is not a branch name (no part starting with "."'],
    ] as const) {
      let caught: unknown;
      try {
        auditStoreKind(url);
      } catch (error) {
        caught = error;
      }
      expect(caught, url).toBeInstanceOf(ModelgateError);
      expect((caught as ModelgateError).code).toBe('usage');
      expect((caught as Error).message).toContain(`--audit ${url}: `);
      expect((caught as Error).message).toContain(why);
    }
  });

  it('opens with the token and API root from the environment, and says what is missing', async () => {
    const env = { GITHUB_API_URL: github.url, GH_TOKEN: TEST_TOKEN };
    const store = await openAuditStore(`github:${OWNER}/${REPO}`, { cwd: '.', env, retry: FAST_RETRY });
    expect(store.description).toBe(SHOWN);
    expect((await append(store)).seq).toBe(0);
    expect(github.requests[0]!.headers.authorization).toBe(`token ${TEST_TOKEN}`);

    const current = await openAuditStore('github:#governance/audit', { cwd: '.', env: { ...env, GITHUB_REPOSITORY: `${OWNER}/${REPO}` } });
    expect(current.description).toBe(`github:${OWNER}/${REPO}#governance/audit`);

    await expect(openAuditStore('github:', { cwd: '.', env })).rejects.toThrow(
      '--audit github:: github: without OWNER/REPO names the repository of a GitHub Actions run (GITHUB_REPOSITORY), which is not set; write github:OWNER/REPO',
    );
    await expect(openAuditStore(`github:${OWNER}/${REPO}`, { cwd: '.', env: { GITHUB_API_URL: github.url } })).rejects.toThrow(
      `--audit github:${OWNER}/${REPO}: set GITHUB_TOKEN (or GH_TOKEN) to a token that may read the contents of ${OWNER}/${REPO} (and write them, to append)`,
    );
    await expect(openAuditStore(`github:${OWNER}/${REPO}`, { cwd: '.', env: { GITHUB_TOKEN: TEST_TOKEN, GITHUB_API_URL: 'api.github.com' } })).rejects.toThrow('GITHUB_API_URL must be an http(s) URL');
  });
});

describe('the github: store', () => {
  it('creates the branch with its first record, appends one commit per record and reads the chain back', async () => {
    const store = openStore();
    const first = await append(store, 'fraud-scorer');
    const second = await append(store, 'churn-predictor');
    expect([first.seq, second.seq, second.prev]).toEqual([0, 1, first.hash]);

    const files = git.files(BRANCH);
    expect([...files.keys()].sort()).toEqual(['README.md', recordPath(0), recordPath(1)]);
    expect(files.get(recordPath(0))).toBe(canonicalJson(first));
    expect(files.get(recordPath(1))).toBe(canonicalJson(second));
    const history = git.history(BRANCH);
    expect(history.map((commit) => [commit.parents.length, parseCommitHead(commit.message)])).toEqual([
      [1, { seq: 1, hash: second.hash }],
      [0, { seq: 0, hash: first.hash }],
    ]);
    expect(history[0]!.message.split('\n')[0]).toBe('audit record 1: decision churn-predictor 1.0.0 pass');

    expect(await collect(store.readAll())).toEqual([first, second]);
    const entries = (await collect(store.readEntries())).flat();
    expect(entries.map((entry) => entry.where)).toEqual([`${BRANCH}:${recordPath(0)}`, `${BRANCH}:${recordPath(1)}`]);
    expect(await verifyEntries(store.readEntries())).toEqual({ ok: true, checked: 2, head: { seq: 1, hash: second.hash } });
  });

  it('keeps 50 concurrent writers in one chain: exactly 50 records, one commit each, no fork', async () => {
    // Each writer has its own client, as separate workflow runs would.
    const stores = Array.from({ length: 50 }, () => openStore());
    const records = await Promise.all(stores.map((store, index) => append(store, `model-${index}`)));
    expect(records.map((record) => record.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(recordFiles()).toHaveLength(50);
    expect(await verifyEntries(stores[0]!.readEntries())).toMatchObject({ ok: true, checked: 50, head: { seq: 49 } });
    // Every writer's record is the one on the branch at its seq: none was lost or replaced.
    const stored = await collect(stores[0]!.readAll());
    expect(records.sort((a, b) => a.seq - b.seq)).toEqual(stored);
    // A linear history of 50 commits, each naming its own record.
    const history = git.history(BRANCH);
    expect(history.map((commit) => parseCommitHead(commit.message)?.seq)).toEqual(Array.from({ length: 50 }, (_, index) => 49 - index));
    expect(history.every((commit, index) => commit.parents.length === (index === 49 ? 0 : 1))).toBe(true);
  }, 180_000);

  it('costs the same six API calls per append with 10 or 1000 records', async () => {
    const costs: string[][] = [];
    for (const size of [10, 1000]) {
      await github.close();
      github = await startFakeGitHub();
      git = serveGitRepository(github, { owner: OWNER, repo: REPO });
      seed(makeChain(size));
      const store = openStore();
      const record = await append(store);
      expect(record.seq).toBe(size);
      costs.push(calls(github.requests));
      const tree = github.requests.find((request) => request.method === 'POST' && request.pathname.endsWith('/git/trees'))!.body as { base_tree: string; tree: unknown[] };
      expect(tree.tree).toEqual([{ path: recordPath(size), mode: '100644', type: 'blob', content: canonicalJson(record) }]);
      expect(tree.base_tree).toBe(git.treeOf(git.history(BRANCH)[1]!.sha));
    }
    const cost = (last: number) => [
      `GET /git/ref/heads/${BRANCH}`,
      expect.stringMatching(/^GET \/git\/commits\/[0-9a-f]{40}$/),
      `GET /contents/${recordPath(last)}`,
      'POST /git/trees',
      'POST /git/commits',
      `PATCH /git/refs/heads/${BRANCH}`,
    ];
    expect(costs).toEqual([cost(9), cost(999)]);
    // The new record opened the second shard; the chain reads in order across shards.
    expect(recordFiles().slice(-2)).toEqual([recordPath(999), 'records/000000/000000001/000000001000.json']);
    expect(await verifyEntries(openStore().readEntries())).toMatchObject({ ok: true, checked: 1001, head: { seq: 1000 } });
  }, 60_000);

  it('links to and reads records over 1 MB, which the contents API sends without their content', async () => {
    const store = openStore();
    const long = decisionEntry('long-report');
    long.model.results[0]!.message = 'x'.repeat(1_200_000);
    const big = await store.append((head) => buildDecisionRecord(long, head, context()));
    const next = await append(store);
    expect(next.prev).toBe(big.hash);
    // The second append read the head record as a blob, the contents API having left it out.
    expect(calls(github.requests).filter((call) => call.startsWith('GET /git/blobs/'))).toHaveLength(1);
    expect((await collect(store.readAll())).map((record) => record.hash)).toEqual([big.hash, next.hash]);
  });

  it('creates the branch once when another writer creates it first, and appends after that writer', async () => {
    const [winner] = makeChain(1);
    // Between this writer's read (no branch) and its creation of the branch, another writer creates it.
    git.beforeCreateRef = () => {
      git.beforeCreateRef = undefined;
      seed([winner!]);
    };
    const record = await append(openStore());
    expect([record.seq, record.prev]).toEqual([1, winner!.hash]);
    expect(calls(github.requests).filter((call) => /^(POST \/git\/refs|PATCH)/.test(call))).toEqual(['POST /git/refs', `PATCH /git/refs/heads/${BRANCH}`]);
    expect(git.history(BRANCH).map((commit) => parseCommitHead(commit.message)?.seq)).toEqual([1, 0]);
    expect(await verifyEntries(openStore().readEntries())).toMatchObject({ ok: true, checked: 2 });
  });

  it('stores a record once when the answer to the ref update is lost after it landed', async () => {
    const store = openStore();
    await append(store, 'a');
    // The update lands, then every answer (the client's first try and its retries) is lost.
    git.lostRefAnswers = 3;
    const second = await append(store, 'b');
    expect(second.seq).toBe(1);
    // The client's try and its two retries; then the store finds its record on the branch instead of writing it again.
    expect(calls(github.requests).filter((call) => call.startsWith('PATCH'))).toHaveLength(3);
    expect(recordFiles()).toEqual([recordPath(0), recordPath(1)]);
    // A creation whose answer was lost: the retry finds the branch existing, and it is this writer's.
    await github.close();
    github = await startFakeGitHub();
    git = serveGitRepository(github, { owner: OWNER, repo: REPO });
    git.lostRefAnswers = 1;
    expect((await append(openStore(), 'c')).seq).toBe(0);
    expect(recordFiles()).toEqual([recordPath(0)]);
    expect(await verifyEntries(openStore().readEntries())).toMatchObject({ ok: true, checked: 1 });
  });

  it('fails loudly when GitHub keeps failing or other writers keep winning, leaving the branch as it was', async () => {
    const store = openStore({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
    const first = await append(store);
    const before = git.refs.get(`refs/heads/${BRANCH}`);

    github.fail('PATCH', /\/git\/refs\//, 3, { status: 502, body: { message: 'Server Error', documentation_url: 'https://docs.github.com/rest' } });
    const serverError = await append(store).then(() => undefined, (error: Error) => error);
    expect(serverError?.message).toMatch(
      new RegExp(`^${escape(SHOWN)}: cannot move the branch to the new record: PATCH /repos/${OWNER}/${REPO}/git/refs/heads(/|%2F)modelgate(/|%2F)audit: HTTP 502 Server Error; nothing was appended$`),
    );

    github.fail('POST', /\/git\/trees$/, 3, { status: 503, body: { code: 'service_unavailable', message: 'Service Unavailable', documentation_url: 'https://docs.github.com/rest' } });
    await expect(append(store)).rejects.toThrow(`${SHOWN}: cannot write the record: POST /repos/${OWNER}/${REPO}/git/trees: HTTP 503 Service Unavailable; nothing was appended`);

    github.fail('PATCH', /\/git\/refs\//, 3, { status: 422, body: { message: 'Update is not a fast forward', documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference', status: '422' } });
    await expect(append(store)).rejects.toThrow(
      /: cannot append a record: other writers moved the branch first 3 times in a row \(last answer: PATCH \S+: HTTP 422 Update is not a fast forward\); nothing was appended$/,
    );

    expect(git.refs.get(`refs/heads/${BRANCH}`)).toBe(before);
    expect(await collect(store.readAll())).toEqual([first]);
  });

  it('refuses to link to a head it did not write or that was edited', async () => {
    const store = openStore();
    const first = await append(store);
    // A commit made by hand on the audit branch (or a URL naming an ordinary branch).
    git.commit(BRANCH, (files) => files.set('notes.md', 'hello\n'));
    await expect(append(store)).rejects.toThrow(
      new RegExp(`^${escape(SHOWN)}: the branch head commit [0-9a-f]{12} was not written by modelgate \\(its message names no chain head\\): the branch must hold only audit records\\. Nothing was appended`),
    );
    // The head record edited, with a copied commit message.
    git.commit(BRANCH, (files) => files.set(recordPath(0), canonicalJson({ ...first, verdict: 'fail' })), commitMessage(first));
    await expect(append(store)).rejects.toThrow(
      `${BRANCH}:${recordPath(0)}: the last record cannot be linked to: the hash does not match the record's content: the record was edited. Nothing was appended; run \`modelgate audit verify --audit ${SHOWN}\``,
    );
    expect(recordFiles()).toEqual([recordPath(0)]);
  });

  it('says why it cannot read or write: a missing branch, an empty repository, a refused token, a truncated listing', async () => {
    const store = openStore();
    await expect(collect(store.readEntries())).rejects.toThrow(`${SHOWN}: the branch ${BRANCH} does not exist (nothing was recorded yet, the name is wrong, or the token cannot see the repository)`);

    git.empty = true;
    await expect(append(store)).rejects.toThrow(/: cannot read the branch: GET \S+: HTTP 409 Git Repository is empty\.: the repository is empty or unavailable; the Git Data API cannot write to a repository without commits, so push a first commit$/);
    git.empty = false;

    github.fail('POST', /\/git\/trees$/, 1, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/git/trees#create-a-tree', status: '403' } });
    await expect(append(store)).rejects.toThrow(
      `${SHOWN}: cannot write the record: POST /repos/${OWNER}/${REPO}/git/trees: HTTP 403 Resource not accessible by integration: the token may not do this; appending needs the contents: write permission, reading needs contents: read; nothing was appended`,
    );

    await append(store);
    git.truncatedTrees.add(git.treeOf(git.refs.get(`refs/heads/${BRANCH}`)!));
    await expect(collect(store.readEntries())).rejects.toThrow(`${SHOWN}: the listing of the branch was truncated by GitHub: the branch does not have the audit layout`);
  });

  it('never shows the token in an error', async () => {
    const store = openStore();
    github.fail('GET', /\/git\/ref\//, 1, { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    const failure = await append(store).then(() => undefined, (error: Error) => error);
    expect(failure?.message).toMatch(/: cannot read the branch: GET \S+: HTTP 401 Bad credentials: the token was refused$/);
    for (const text of [failure!.message, String(failure!.stack), JSON.stringify(failure)]) expect(text).not.toContain(TEST_TOKEN);
  });
});

describe('the Action', () => {
  it('records decisions on the branch of its own repository with its own client', async () => {
    const decision: Decision = {
      verdict: 'fail',
      policy: { name: 'starter', version: '1.0.0', digest: `sha256:${'a'.repeat(64)}` },
      models: [
        { name: 'fraud-scorer', version: '2.1.0', verdict: 'pass', results: [] },
        { name: 'churn-predictor', version: '3.1.0', verdict: 'fail', results: [] },
      ],
      notices: [],
    };
    const { records, store } = await recordDecisions(decision, [], {
      url: 'github:',
      cwd: '.',
      actor: 'release-manager',
      trigger: { type: 'pull_request', ref: 'refs/pull/7/merge' },
      now: new Date('2026-03-01T12:00:00Z'),
      github: { client: testClient(github.url), repository: { owner: OWNER, repo: REPO } },
    });
    expect(store).toBe(SHOWN);
    expect(records.map((record) => [record.seq, record.subject?.model, record.verdict, record.actor])).toEqual([
      [0, 'fraud-scorer', 'pass', 'release-manager'],
      [1, 'churn-predictor', 'fail', 'release-manager'],
    ]);
    expect(recordFiles()).toEqual([recordPath(0), recordPath(1)]);
  });
});

describe('the CLI with a github: store', () => {
  /** The CLI bundle, run without blocking this process: the loopback server must keep answering. */
  function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI_BUNDLE, ...args], { cwd: options.cwd ?? makeRepo({}), env: { PATH: process.env.PATH ?? '', ...options.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }
  const env = () => ({ GITHUB_API_URL: github.url, GITHUB_TOKEN: TEST_TOKEN });
  const verify = (...extra: string[]) => runCli(['audit', 'verify', '--audit', `github:${OWNER}/${REPO}`, ...extra], { env: env() });

  it('check --audit appends the decision to the branch, and audit verify and log read it', async () => {
    const repo = makeRepo({ '.modelgate.yml': 'models:\n  - { name: solo, path: models/solo }\n', 'models/solo/model_card.yaml': NATIVE_CARD });
    const check = await runCli(['check', '--audit', `github:${OWNER}/${REPO}`, '--actor', 'release-manager'], { cwd: repo, env: env() });
    expect(check.stderr).toBe('');
    expect(check.stdout).toMatch(new RegExp(`\\naudit: 1 decision record appended to ${escape(SHOWN)} \\(seq 0\\)\\n$`));
    const [record] = [...git.files(BRANCH).entries()].filter(([path]) => path.startsWith('records/')).map(([, text]) => JSON.parse(text) as AuditRecord);
    expect(record).toMatchObject({ seq: 0, actor: 'release-manager', subject: { model: 'solo' } });
    // The exit code is the verdict's: the record was appended.
    expect(check.status).toBe(record!.verdict === 'fail' ? 1 : 0);

    const verified = await verify();
    expect(verified.stdout).toBe(`ok: 1 record verified in ${SHOWN}\nhead: 0:${record!.hash}\n`);
    expect(verified.status).toBe(0);
    const log = await runCli(['audit', 'log', '--audit', `github:${OWNER}/${REPO}`, '--format', 'json'], { env: env() });
    expect(log.status).toBe(0);
    expect(JSON.parse(log.stdout)).toEqual(record);
  }, 60_000);

  it('fails check with exit 2 and a usage message when no token is set, never printing one', async () => {
    const repo = makeRepo({ '.modelgate.yml': 'models:\n  - { name: solo, path: models/solo }\n', 'models/solo/model_card.yaml': NATIVE_CARD });
    const missing = await runCli(['check', '--audit', `github:${OWNER}/${REPO}`], { cwd: repo, env: { GITHUB_API_URL: github.url } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`--audit github:${OWNER}/${REPO}: set GITHUB_TOKEN (or GH_TOKEN)`);
    github.fail('GET', /\/git\/ref\//, 1, { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } });
    const refused = await runCli(['check', '--audit', `github:${OWNER}/${REPO}`], { cwd: repo, env: env() });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/HTTP 401 Bad credentials: the token was refused/);
    expect(refused.stdout + refused.stderr).not.toContain(TEST_TOKEN);
  }, 60_000);

  describe('audit verify detects tampering on the branch', () => {
    let chain: AuditRecord[];
    beforeEach(() => {
      chain = makeChain(6);
      seed(chain);
    });
    const where = (seq: number) => `${BRANCH}:${recordPath(seq)}`;

    it('accepts the intact chain', async () => {
      const run = await verify();
      expect(run.stdout).toBe(`ok: 6 records verified in ${SHOWN}\nhead: 5:${chain[5]!.hash}\n`);
      expect(run.status).toBe(0);
    });

    it('an edited record', async () => {
      git.commit(BRANCH, (files) => files.set(recordPath(3), canonicalJson({ ...chain[3]!, verdict: 'fail' })));
      const run = await verify();
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(`broken: record seq 3 (id ${chain[3]!.id}) at ${where(3)}: the hash does not match the record's content: the record was edited\n3 records before it verified in ${SHOWN}\n`);
    });

    it('a deleted record', async () => {
      git.commit(BRANCH, (files) => files.delete(recordPath(2)));
      const run = await verify();
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^broken: record seq 3 \\(id ${chain[3]!.id}\\) at ${escape(where(3))}: expected seq 2, found seq 3: records were deleted or moved\\n`));
    });

    it('two records swapped by rewriting their files', async () => {
      git.commit(BRANCH, (files) => {
        files.set(recordPath(1), canonicalJson(chain[2]));
        files.set(recordPath(2), canonicalJson(chain[1]));
      });
      const run = await verify();
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(new RegExp(`^broken: record seq 2 \\(id ${chain[2]!.id}\\) at ${escape(where(1))}: expected seq 1, found seq 2`));
    });

    it('records removed from the end, given an anchor', async () => {
      const anchor = `5:${chain[5]!.hash}`;
      git.commit(BRANCH, (files) => {
        files.delete(recordPath(5));
        files.delete(recordPath(4));
      }, commitMessage(chain[3]!));
      const run = await verify('--anchor', anchor);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe(`broken: the entry at position 4: the chain ends at seq 3, but the anchor names seq 5: records were removed from the end\n4 records before it verified in ${SHOWN}\n`);
    });

    it('a history rewritten by a force-push to an older commit, given an anchor', async () => {
      const older = git.history(BRANCH)[0]!.sha;
      const head = { seq: 5, hash: chain[5]!.hash };
      const extra = sealRecord(buildDecisionRecord(decisionEntry('late-model'), head, context()), head);
      git.commit(BRANCH, (files) => files.set(recordPath(6), canonicalJson(extra)), commitMessage(extra));
      const anchor = `6:${extra.hash}`;
      git.reset(BRANCH, older);
      const run = await verify('--anchor', anchor);
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/the chain ends at seq 5, but the anchor names seq 6: records were removed from the end/);
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
