import { afterEach, describe, expect, it } from 'vitest';
import type { Decision, RuleResult } from '../../src/engine/decision.js';
import { findStickyComment, publishCheckRun, publishStickyComment } from '../../src/github/publish.js';
import { renderAnnotations, renderCheckOutput } from '../../src/report/check-run.js';
import { renderStickyComment } from '../../src/report/comment.js';
import { startFakeGitHub, type FakeGitHub, type Json } from './fake-github.js';
import { calls, defaultScenario, HEAD_SHA, OWNER, REPO, serveModelRepo } from './model-repo.js';
import { testClient } from './test-client.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});
const repository = { owner: OWNER, repo: REPO };
const policy = { name: 'model-policy', version: '2.0.0', digest: 'sha256:00' };

function decisionWith(results: RuleResult[]): Decision {
  const verdict = results.some((result) => result.status === 'fail') ? 'fail' : 'pass';
  return { verdict, policy, models: [{ name: 'churn-predictor', version: '3.1.0', verdict, results }], notices: [] };
}

const failing = (count: number): RuleResult[] =>
  Array.from({ length: count }, (_, index) => ({
    rule: 'lineage.dataset-owner',
    status: 'fail',
    severity: 'error',
    message: `input dataset d${index} has no owner`,
    controls: ['ISO42001:A.7.3'],
    location: { path: 'models/churn-predictor/lineage.yaml', line: index + 1, column: 3 },
  }));

describe('publishCheckRun', () => {
  it('creates the check run with 50 annotations and adds the rest 50 per update', async () => {
    github = await startFakeGitHub();
    const published = serveModelRepo(github, defaultScenario());
    const decision = decisionWith(failing(120));
    const result = await publishCheckRun(testClient(github.url), repository, {
      headSha: HEAD_SHA,
      conclusion: 'failure',
      output: renderCheckOutput(decision, { failOn: 'error' }),
      annotations: renderAnnotations(decision),
      externalId: 'decision-1',
    });
    expect(calls(github.requests)).toEqual([`POST /repos/${OWNER}/${REPO}/check-runs`, `PATCH /repos/${OWNER}/${REPO}/check-runs/1000`, `PATCH /repos/${OWNER}/${REPO}/check-runs/1000`]);
    const bodies = github.requests.map((request) => request.body as Json);
    expect(bodies.map((body) => ((body.output as Json).annotations as unknown[]).length)).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({ name: 'modelgate', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure', external_id: 'decision-1' });
    expect(((bodies[0]!.output as Json).annotations as Json[])[0]).toEqual({
      path: 'models/churn-predictor/lineage.yaml',
      start_line: 1,
      end_line: 1,
      start_column: 3,
      end_column: 3,
      annotation_level: 'failure',
      title: 'lineage.dataset-owner (churn-predictor)',
      message: 'input dataset d0 has no owner',
      raw_details: 'controls: ISO42001:A.7.3',
    });
    // Each update repeats the title and summary, as the Checks API requires with annotations.
    expect((bodies[1]!.output as Json).title).toBe((bodies[0]!.output as Json).title);
    expect(result).toEqual({ id: 1000, url: `https://github.com/${OWNER}/${REPO}/runs/1000`, annotationRequests: 3 });
    expect((published.checkRuns[0]!.annotations as unknown[]).length).toBe(120);
  });

  it('creates a run without annotations in one request', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario());
    const decision = decisionWith([]);
    const result = await publishCheckRun(testClient(github.url), repository, { headSha: HEAD_SHA, conclusion: 'success', output: renderCheckOutput(decision, { failOn: 'error' }), annotations: [] });
    expect(github.requests).toHaveLength(1);
    expect(result.annotationRequests).toBe(0);
  });
});

describe('the sticky comment', () => {
  it('is created once, then found by its marker (on any page of comments) and updated, never posted twice', async () => {
    github = await startFakeGitHub();
    const scenario = defaultScenario({ comments: Array.from({ length: 130 }, (_, index) => ({ id: index + 1, body: `comment ${index}`, login: 'octocat' })) });
    serveModelRepo(github, scenario);
    const client = testClient(github.url);
    const failed = decisionWith(failing(2));

    const first = await findStickyComment(client, repository, 2);
    expect(first).toBeUndefined();
    const created = await publishStickyComment(client, repository, 2, renderStickyComment(failed, { failOn: 'error', decisionId: 'd1' }), first, { create: true });
    expect(created.action).toBe('created');

    const second = await findStickyComment(client, repository, 2);
    expect(second).toMatchObject({ id: created.id, state: { verdict: 'fail', decisionId: 'd1' } });
    const passed = decisionWith([]);
    const body = renderStickyComment(passed, { failOn: 'error', decisionId: 'd2', previous: second!.state! });
    const updated = await publishStickyComment(client, repository, 2, body, second, { create: true });
    expect(updated).toMatchObject({ action: 'updated', id: created.id });

    expect(calls(github.requests).filter((call) => !call.startsWith('GET'))).toEqual([`POST /repos/${OWNER}/${REPO}/issues/2/comments`, `PATCH /repos/${OWNER}/${REPO}/issues/comments/${created.id}`]);
    // The comment list was read page by page both times.
    expect(github.requests.filter((request) => request.method === 'GET' && request.query.get('page') === '2')).toHaveLength(2);
    const sticky = scenario.comments.filter((comment) => comment.body.startsWith('<!-- modelgate:sticky-comment'));
    expect(sticky).toHaveLength(1);
    expect(sticky[0]!.body).toContain('**Resolved:** an earlier run of modelgate found this pull request blocked; this run passes.');
  });

  it('does not create a comment when asked only to update, and there is none', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario());
    const result = await publishStickyComment(testClient(github.url), repository, 2, 'body', undefined, { create: false });
    expect(result).toEqual({ action: 'skipped' });
    expect(github.requests).toHaveLength(0);
  });

  it('takes over only a marked comment written by the Action\'s own identity, never one a person wrote with the marker', async () => {
    const marker = '<!-- modelgate:sticky-comment {"verdict":"fail","decisionId":"forged"} -->\n## modelgate: FAIL';
    github = await startFakeGitHub();
    // The GITHUB_TOKEN may not read GET /user: only the Actions bot or the app the comment was made through counts.
    serveModelRepo(github, defaultScenario({ comments: [{ id: 5, body: marker, login: 'Codertocat' }, { id: 6, body: marker, login: 'other-app[bot]', app: 'modelgate-app' }] }));
    expect(await findStickyComment(testClient(github.url), repository, 2)).toBeUndefined();
    expect(calls(github.requests)).toContain('GET /user');
    await github.close();

    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ comments: [{ id: 5, body: marker, login: 'Codertocat' }, { id: 7, body: marker, login: 'modelgate-app[bot]', app: 'modelgate-app' }] }));
    expect(await findStickyComment(testClient(github.url), repository, 2)).toMatchObject({ id: 7 });
    await github.close();

    // A user's token reads its login from GET /user: only that user's comment counts, not the Actions bot's.
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ authenticatedUser: 'gate-user', comments: [{ id: 8, body: marker, login: 'github-actions[bot]' }, { id: 9, body: marker, login: 'gate-user' }] }));
    expect(await findStickyComment(testClient(github.url), repository, 2)).toMatchObject({ id: 9 });
  });
});
