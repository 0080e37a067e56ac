import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoFile, fixture, FIXTURES, startHubStandIn, type HubStandIn } from './stand-ins.js';
import { SECRETS, startHarness, type Harness } from './harness.js';

const PUSH = fixture('huggingface/events/repo-content-update.json');
const DISCUSSION = fixture('huggingface/events/discussion-create.json');

const SHAS = { good: '575db8b7a51b6f85eb06eee540738584589f131c', bad: '9c1f0e2d3b4a59687766554433221100ffeeddcc', pr: '0a1b2c3d4e5f60718293a4b5c6d7e8f901234567' };
const GOOD_CARD = demoFile('review-sentiment/README.md');
const BAD_CARD = readFileSync(path.join(FIXTURES, 'huggingface/repos/incomplete-card/README.md'));
const CLARIFY = demoFile('review-sentiment/reports/analysis.json');
const LINEAGE = demoFile('review-sentiment/lineage.ndjson');
const DRIFT = demoFile('review-sentiment/reports/drift.json');

function config(endpoint: string, extra = ''): string {
  return `
audit:
  url: file:audit.jsonl
delivery:
  timeout_seconds: 0.5
  retries: 1
models:
  - name: acme/review-sentiment
    registry: huggingface
    risk: low
huggingface:
  endpoint: ${endpoint}
  webhook_secret: { secret_env: HF_WEBHOOK_SECRET }
  token: { secret_env: HF_TOKEN }
  refs: [refs/heads/main, refs/pr/*]
  artefacts:
    model_card: README.md
    lineage: lineage.ndjson
    bias: reports/analysis.json
    drift: reports/drift.json
${extra}`;
}

let hub: HubStandIn;
let hooks: Harness;

beforeAll(async () => {
  hub = await startHubStandIn({
    [`acme/review-sentiment@${SHAS.good}`]: { 'README.md': GOOD_CARD, 'lineage.ndjson': LINEAGE, 'reports/analysis.json': CLARIFY, 'reports/drift.json': DRIFT },
    [`acme/review-sentiment@${SHAS.bad}`]: { 'README.md': BAD_CARD, 'lineage.ndjson': LINEAGE, 'reports/analysis.json': CLARIFY, 'reports/drift.json': DRIFT },
    [`acme/review-sentiment@${SHAS.pr}`]: { 'README.md': BAD_CARD, 'lineage.ndjson': LINEAGE, 'reports/drift.json': DRIFT },
  });
});
afterAll(() => hub.close());
afterEach(async () => {
  await hooks?.close();
});

async function fresh(extra = ''): Promise<Harness> {
  hub.calls.length = 0;
  hub.clearFaults();
  hooks = await startHarness({ config: config(hub.url, extra) });
  return hooks;
}

function push(sha: string, ref = 'refs/heads/main', repo = 'acme/review-sentiment'): string {
  const event = JSON.parse(PUSH) as { repo: Record<string, unknown>; updatedRefs: Record<string, unknown>[] };
  event.repo = { ...event.repo, name: repo, headSha: sha };
  event.updatedRefs = [{ ...event.updatedRefs[0], ref, newSha: sha }];
  return JSON.stringify(event);
}

const deliver = (body: string, secret: string | null = SECRETS.HF_WEBHOOK_SECRET) => hooks.post('/hooks/huggingface', body, secret === null ? {} : { 'x-webhook-secret': secret });

describe('Hugging Face Hub', () => {
  it('judges a push to main from the card and reports at the pushed commit, and records it', async () => {
    await fresh();
    const reply = await deliver(push(SHAS.good));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: 'recorded', model: 'acme/review-sentiment', version: SHAS.good, verdict: 'pass' });
    expect(hub.calls.map((call) => `${call.method} ${call.path}`).sort()).toEqual([
      `GET /acme/review-sentiment/resolve/${SHAS.good}/README.md`,
      `GET /acme/review-sentiment/resolve/${SHAS.good}/lineage.ndjson`,
      `GET /acme/review-sentiment/resolve/${SHAS.good}/reports/analysis.json`,
      `GET /acme/review-sentiment/resolve/${SHAS.good}/reports/drift.json`,
    ]);
    expect(hub.calls.every((call) => call.headers.authorization === `Bearer ${SECRETS.HF_TOKEN}`)).toBe(true);
    const [record] = await hooks.records();
    expect(record).toMatchObject({
      verdict: 'pass',
      subject: { model: 'acme/review-sentiment', version: SHAS.good },
      trigger: { type: 'registry', registry: 'huggingface', event: 'repo.content.update', ref: `refs/heads/main@${SHAS.good}`, url: `${hub.url}/acme/review-sentiment/commit/${SHAS.good}` },
    });
    expect(record!.kind === 'decision' && record!.subject.artefacts.map((artefact) => artefact.path)).toEqual([
      `hf://acme/review-sentiment@${SHAS.good}/README.md`,
      `hf://acme/review-sentiment@${SHAS.good}/lineage.ndjson`,
      `hf://acme/review-sentiment@${SHAS.good}/reports/analysis.json`,
      `hf://acme/review-sentiment@${SHAS.good}/reports/drift.json`,
    ]);
    // Comments are off by default.
    expect(hub.callsTo('POST /api/models/acme/review-sentiment/discussions')).toHaveLength(0);
  });

  it('blocks a card without license, intended use or limitations', async () => {
    await fresh();
    const reply = await deliver(push(SHAS.bad));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    expect(reply.body.failed_rules).toEqual(expect.arrayContaining(['model-card.license', 'model-card.intended-use']));
  });

  it('opens a discussion on a blocked push to main when comments are on for failures', async () => {
    await fresh('  comment: on_fail\n');
    await deliver(push(SHAS.good));
    expect(hub.callsTo('POST /api/models/acme/review-sentiment/discussions')).toHaveLength(0);
    const reply = await deliver(push(SHAS.bad));
    const [opened] = hub.callsTo('POST /api/models/acme/review-sentiment/discussions');
    const body = JSON.parse(opened!.body.toString()) as { title: string; description: string; pullRequest: boolean };
    expect(body.title).toBe(`modelgate: fail for ${SHAS.bad.slice(0, 12)}`);
    expect(body.pullRequest).toBe(false);
    expect(body.description).toContain('`model-card.license`');
    expect(body.description).toContain(String(reply.body.decision_id));
  });

  it('answers a pull request in its own discussion', async () => {
    await fresh('  comment: always\n');
    const reply = await deliver(push(SHAS.pr, 'refs/pr/7'));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [comment] = hub.callsTo('POST /api/models/acme/review-sentiment/discussions/7/comment');
    expect((JSON.parse(comment!.body.toString()) as { comment: string }).comment).toMatch(/^\*\*modelgate: fail\*\* for commit `0a1b2c3d4e5f` \(refs\/pr\/7\)/);
  });

  it('blocks when a configured file is not at the commit, naming it', async () => {
    await fresh();
    const reply = await deliver(push(SHAS.pr, 'refs/pr/7'));
    const [record] = await hooks.records();
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    expect(record!.results).toContainEqual(expect.objectContaining({ rule: 'artefact.bias', status: 'error', message: 'configured bias artefact not found: reports/analysis.json (in hf://acme/review-sentiment@0a1b2c3d4e5f60718293a4b5c6d7e8f901234567)' }));
  });

  it('blocks when the Hub refuses the token, and never calls a refusal "not found"', async () => {
    await fresh();
    hub.fault('GET /acme/review-sentiment/resolve/*', { answer: { status: 401, headers: { 'x-error-code': 'RepoNotFound' }, body: { error: 'Invalid credentials in Authorization header' } } });
    const reply = await deliver(push(SHAS.good));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results.filter((result) => result.status === 'error').map((result) => result.message)).toContainEqual(expect.stringMatching(/HTTP 401 \(Invalid credentials/));
  });

  it('judges a commit once, however often the push is replayed', async () => {
    await fresh();
    expect((await deliver(push(SHAS.good))).body.result).toBe('recorded');
    expect((await deliver(push(SHAS.good))).body).toMatchObject({ result: 'duplicate', verdict: 'pass' });
    expect(await hooks.records()).toHaveLength(1);
  });

  it.each([
    ['without the secret', null, /X-Webhook-Secret header is missing/],
    ['with another secret', 'not-the-secret', /does not match/],
  ])('refuses a delivery %s with 401, recording nothing', async (_name, secret, reason) => {
    await fresh();
    const reply = await deliver(push(SHAS.good), secret);
    expect(reply.status).toBe(401);
    expect(reply.body.reason).toMatch(reason);
    expect(hub.calls).toHaveLength(0);
    expect(await hooks.records()).toHaveLength(0);
  });

  it.each([
    ['a discussion event', DISCUSSION, /discussion.create events change no content/],
    ['a push to a branch that is not watched', push(SHAS.good, 'refs/heads/experiment'), /no watched ref/],
    ['a push to a dataset', JSON.stringify({ ...(JSON.parse(PUSH) as object), repo: { ...(JSON.parse(PUSH) as { repo: object }).repo, type: 'dataset' } }), /dataset repositories are not models/],
  ])('acknowledges %s without judging', async (_name, body, reason) => {
    await fresh();
    const reply = await deliver(body);
    expect(reply).toMatchObject({ status: 200, body: { result: 'ignored' } });
    expect(reply.body.reason).toMatch(reason);
    expect(hub.calls).toHaveLength(0);
  });
});
