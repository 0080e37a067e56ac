import { afterEach, describe, expect, it } from 'vitest';
import { approvalsFromReviews, listEnvironmentApprovals, resolveTeams, withTeams } from '../../src/github/approvals.js';
import { listReviews } from '../../src/github/pull-request.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { defaultScenario, HEAD_SHA, OWNER, REPO, serveModelRepo, type ReviewSpec } from './model-repo.js';
import { collectLog, testClient } from './test-client.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});
const repository = { owner: OWNER, repo: REPO };
const OLD_SHA = '0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e';
const excluding = (author: string) => new Map([[author.toLowerCase(), 'is the author']]);

async function reviewsOf(specs: ReviewSpec[]) {
  github = await startFakeGitHub();
  serveModelRepo(github, defaultScenario({ reviews: specs }));
  return listReviews(testClient(github.url), repository, 2);
}

describe('approvals from pull-request reviews', () => {
  it('keeps each reviewer\'s latest deciding review: a later comment keeps an approval, a later change request or dismissal replaces it', async () => {
    const reviews = await reviewsOf([
      { user: 'octocat', state: 'APPROVED', at: '2026-11-20T09:00:00Z' },
      { user: 'octocat', state: 'COMMENTED', at: '2026-11-20T10:00:00Z' },
      { user: 'hubot', state: 'APPROVED', at: '2026-11-20T09:05:00Z' },
      { user: 'hubot', state: 'CHANGES_REQUESTED', at: '2026-11-20T11:00:00Z' },
      { user: 'monalisa', state: 'DISMISSED', at: '2026-11-20T09:30:00Z' },
      { user: 'Codertocat', state: 'COMMENTED', at: '2026-11-20T09:40:00Z' },
    ]);
    const { approvals } = approvalsFromReviews(reviews, { excluded: excluding('someone-else'), headSha: HEAD_SHA, requireLatestHead: false });
    expect(approvals.map((approval) => [approval.user, approval.state])).toEqual([
      ['octocat', 'approved'],
      ['hubot', 'changes_requested'],
      ['monalisa', 'dismissed'],
      ['Codertocat', 'commented'],
    ]);
    expect(approvals[0]).toEqual({ user: 'octocat', teams: [], state: 'approved', at: '2026-11-20T09:00:00Z', source: 'pull-request-review' });
  });

  it('never counts the author\'s own review, whatever the case of the login', async () => {
    const reviews = await reviewsOf([{ user: 'Codertocat', state: 'APPROVED' }, { user: 'octocat', state: 'APPROVED' }]);
    const { approvals, notes } = approvalsFromReviews(reviews, { excluded: excluding('codertocat'), headSha: HEAD_SHA, requireLatestHead: false });
    expect(approvals.map((approval) => approval.user)).toEqual(['octocat']);
    expect(notes).toEqual(['the approval by Codertocat is not counted: Codertocat is the author']);
  });

  it('counts only reviewers with write access (OWNER, MEMBER, COLLABORATOR), never a bot, never an excluded committer', async () => {
    const reviews = await reviewsOf([
      { user: 'octocat', state: 'APPROVED', association: 'MEMBER' },
      { user: 'hubot', state: 'APPROVED', association: 'OWNER' },
      { user: 'monalisa', state: 'APPROVED', association: 'COLLABORATOR' },
      { user: 'drive-by', state: 'APPROVED', association: 'CONTRIBUTOR' },
      { user: 'stranger', state: 'APPROVED', association: 'NONE' },
      { user: 'renovate[bot]', state: 'APPROVED', association: 'MEMBER', type: 'Bot' },
      { user: 'co-author', state: 'APPROVED', association: 'MEMBER' },
    ]);
    const excluded = new Map([
      ['codertocat', 'is the author'],
      ['co-author', 'authored or committed a commit of this pull request'],
    ]);
    const { approvals, notes } = approvalsFromReviews(reviews, { excluded, headSha: HEAD_SHA, requireLatestHead: false });
    expect(approvals.map((approval) => approval.user)).toEqual(['octocat', 'hubot', 'monalisa']);
    expect(notes).toEqual([
      'the approval by drive-by is not counted: drive-by has no write access to the repository (author_association CONTRIBUTOR)',
      'the approval by stranger is not counted: stranger has no write access to the repository (author_association NONE)',
      'the approval by renovate[bot] is not counted: renovate[bot] is a bot',
      'the approval by co-author is not counted: co-author authored or committed a commit of this pull request',
    ]);
  });

  it('with require_latest_head, counts an approval of an older commit as dismissed', async () => {
    const reviews = await reviewsOf([{ user: 'octocat', state: 'APPROVED', commit: OLD_SHA }, { user: 'hubot', state: 'APPROVED' }]);
    const strict = approvalsFromReviews(reviews, { excluded: excluding('Codertocat'), headSha: HEAD_SHA, requireLatestHead: true });
    expect(strict.approvals.map((approval) => [approval.user, approval.state])).toEqual([
      ['octocat', 'dismissed'],
      ['hubot', 'approved'],
    ]);
    expect(strict.notes[0]).toBe(`the approval by octocat is not counted: it was given on 0d1e2f3, not on the head commit ${HEAD_SHA.slice(0, 7)}`);
    const lenient = approvalsFromReviews(reviews, { excluded: excluding('Codertocat'), headSha: HEAD_SHA, requireLatestHead: false });
    expect(lenient.approvals.every((approval) => approval.state === 'approved')).toBe(true);
  });
});

describe('environment approvals and teams', () => {
  it('reads who approved or rejected the run\'s environments, without the person who started it', async () => {
    github = await startFakeGitHub();
    const scenario = defaultScenario({
      environmentApprovals: [
        { user: 'octocat', state: 'approved', environment: 'production' },
        { user: 'hubot', state: 'rejected', environment: 'production' },
        { user: 'Codertocat', state: 'approved', environment: 'production' },
      ],
    });
    serveModelRepo(github, scenario);
    const log = collectLog();
    const approvals = await listEnvironmentApprovals(testClient(github.url), repository, scenario.runId, new Map([['codertocat', 'started this change']]), log);
    expect(approvals).toEqual([
      { user: 'octocat', teams: [], state: 'approved', source: 'environment:production' },
      { user: 'hubot', teams: [], state: 'changes_requested', source: 'environment:production' },
    ]);
    expect(log.lines).toContain('info: the environment approval by Codertocat is not counted: Codertocat started this change');
  });

  it('goes on without environment approvals when the token may not read them, saying which permission is missing', async () => {
    github = await startFakeGitHub();
    github.route('GET', /\/approvals$/, () => ({ status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/actions/workflow-runs#get-the-review-history-for-a-workflow-run', status: '403' } }));
    const log = collectLog();
    expect(await listEnvironmentApprovals(testClient(github.url), repository, 5, new Map(), log)).toEqual([]);
    expect(log.lines[0]).toMatch(/^warning: environment approvals of run 5 could not be read \(GET \/repos\/octo-org\/octo-repo\/actions\/runs\/5\/approvals: HTTP 403 Resource not accessible by integration\); give the job "permissions: actions: read"/);
  });

  it('lists the members of each team (every page) and adds the teams to the approvals', async () => {
    github = await startFakeGitHub();
    const many = Array.from({ length: 150 }, (_, index) => `member-${index}`);
    serveModelRepo(github, defaultScenario({ teams: { 'ml-risk': [...many, 'octocat'], 'release-managers': ['hubot', 'octocat'] } }));
    const lookup = await resolveTeams(testClient(github.url), OWNER, ['ml-risk', 'release-managers'], collectLog());
    expect(github.requests.map((request) => request.url)).toEqual([
      `/orgs/${OWNER}/teams/ml-risk/members?per_page=100`,
      `/orgs/${OWNER}/teams/ml-risk/members?per_page=100&page=2`,
      `/orgs/${OWNER}/teams/release-managers/members?per_page=100`,
    ]);
    const approvals = withTeams([{ user: 'OctoCat', teams: [], state: 'approved', source: 'pull-request-review' }], lookup);
    expect(approvals[0]!.teams).toEqual(['ml-risk', 'release-managers']);
  });

  it('degrades with a warning naming the permission when the token cannot read teams', async () => {
    github = await startFakeGitHub();
    serveModelRepo(github, defaultScenario({ teamsForbidden: true }));
    const log = collectLog();
    const lookup = await resolveTeams(testClient(github.url), OWNER, ['ml-risk', 'other-org/auditors'], log);
    expect(lookup.unreadable).toEqual(['ml-risk', 'other-org/auditors']);
    expect(github.requests.map((request) => request.pathname)).toEqual([`/orgs/${OWNER}/teams/ml-risk/members`, '/orgs/other-org/teams/auditors/members']);
    expect(log.lines[0]).toContain('members of team octo-org/ml-risk could not be read (GET /orgs/octo-org/teams/ml-risk/members: HTTP 403 Resource not accessible by integration)');
    expect(log.lines[0]).toContain('"Members: read"');
    expect(log.lines[0]).toContain('read:org');
  });
});
