import { describe, expect, it } from 'vitest';
import { parseModelTag, planFromEvent } from '../../src/github/event.js';
import { fixture, type Json } from './fake-github.js';
import { BASE_SHA, HEAD_SHA } from './model-repo.js';

const context = (eventName: string, extra: Partial<{ sha: string; ref: string; actor: string }> = {}) => ({ eventName, sha: 'c0ffee0000000000000000000000000000000000', ref: '', actor: 'Codertocat', ...extra });

describe('planFromEvent over recorded payloads', () => {
  it('reads a pull request: head and base SHAs, author, whether it comes from a fork', () => {
    const payload = fixture<Json>('events/pull_request.opened.json');
    const plan = planFromEvent(context('pull_request'), payload);
    expect(plan).toEqual({
      target: expect.objectContaining({
        kind: 'pull_request',
        sha: HEAD_SHA,
        author: 'Codertocat',
        pullRequest: expect.objectContaining({ number: 2, baseSha: BASE_SHA, headSha: HEAD_SHA, fromFork: false, changedFiles: 1 }),
      }),
    });
    const fork = fixture<Json>('events/pull_request.opened.json');
    ((fork.pull_request as Json).head as Json).repo = { ...(((fork.pull_request as Json).head as Json).repo as Json), full_name: 'hubot/Hello-World', fork: true };
    expect(planFromEvent(context('pull_request'), fork)).toMatchObject({ target: { pullRequest: { fromFork: true } } });
    // pull_request_target runs in the base repository, with its token.
    expect(planFromEvent(context('pull_request_target'), fork)).toMatchObject({ target: { pullRequest: { fromFork: false } } });
  });

  it('reads a review event as a pull request', () => {
    expect(planFromEvent(context('pull_request_review'), fixture<Json>('events/pull_request_review.submitted.json'))).toMatchObject({ target: { kind: 'pull_request' } });
  });

  it('maps a release tag to its model', () => {
    const payload = fixture<Json>('events/release.published.json');
    (payload.release as Json).tag_name = 'fraud-scorer@1.4.0';
    expect(planFromEvent(context('release'), payload)).toMatchObject({ target: { kind: 'release', tag: { model: 'fraud-scorer', version: '1.4.0' }, author: 'Codertocat', release: { tag: 'fraud-scorer@1.4.0' } } });
    expect(planFromEvent(context('release'), fixture<Json>('events/release.published.json'))).toMatchObject({ target: { kind: 'release', tag: undefined } });
  });

  it('reads a pushed tag, and has nothing to do for a deleted one', () => {
    expect(planFromEvent(context('push'), fixture<Json>('events/push.tag.json'))).toMatchObject({ target: { kind: 'tag', ref: 'refs/tags/simple-tag', tag: undefined } });
    expect(planFromEvent(context('push'), fixture<Json>('events/push.tag-deleted.json'))).toEqual({ nothingToDo: 'refs/tags/simple-tag was deleted: nothing to check' });
  });

  it('takes the models of a manual run from its inputs, and of a deployment from its payload or ref', () => {
    const dispatch = fixture<Json>('events/workflow_dispatch.json');
    dispatch.inputs = { model: 'fraud-scorer, churn-predictor' };
    expect(planFromEvent(context('workflow_dispatch'), dispatch)).toMatchObject({ target: { kind: 'dispatch', models: ['fraud-scorer', 'churn-predictor'] } });
    const deployment = fixture<Json>('events/deployment.created.json');
    expect(planFromEvent(context('deployment'), deployment)).toMatchObject({ target: { kind: 'deployment', models: [], environment: 'production', author: 'Codertocat' } });
    (deployment.deployment as Json).ref = 'churn-predictor@3.1.0';
    expect(planFromEvent(context('deployment'), deployment)).toMatchObject({ target: { models: ['churn-predictor'] } });
  });

  it('says which events it gates when given another one', () => {
    const plan = planFromEvent(context('issue_comment'), fixture<Json>('events/issue_comment.created.json'));
    expect(plan).toEqual({ unsupported: expect.stringMatching(/^modelgate does not gate "issue_comment" events; it runs on pull_request, .*\. Nothing was checked\.$/) });
  });

  it('parses model tags', () => {
    expect(parseModelTag('refs/tags/fraud-scorer@1.4.0')).toEqual({ model: 'fraud-scorer', version: '1.4.0' });
    expect(parseModelTag('fraud-scorer/v2.0.0-rc.1')).toEqual({ model: 'fraud-scorer', version: '2.0.0-rc.1' });
    expect(parseModelTag('v1.0.0')).toBeUndefined();
  });
});
