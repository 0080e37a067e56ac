import type { Approval } from '../artefacts/evidence.js';
import { describeRequestError, isPermissionDenied, paginateAll, type ClientLog, type GitHubClient } from './client.js';
import type { Repository } from './event.js';
import type { Review } from './pull-request.js';

export const REVIEW_SOURCE = 'pull-request-review';

/** Who may never approve, by login in lower case, with why as a verb phrase (e.g. "is the author", "started this change"). */
export type Excluded = ReadonlyMap<string, string>;

/** Review authors whose approval counts: people with write access to the repository, as GitHub labels them. */
export const COUNTED_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

export interface ReviewOptions {
  /** People whose reviews never count: the PR's author, the authors and committers of its commits, who started the run. */
  excluded: Excluded;
  headSha: string;
  /** Count an approval only when it was given on the head commit. */
  requireLatestHead: boolean;
}

const STATE: Record<string, Approval['state'] | undefined> = {
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'changes_requested',
  DISMISSED: 'dismissed',
  COMMENTED: 'commented',
};

/**
 * One approval per reviewer, from their latest review that decides something, as GitHub's own
 * review status does: a later comment does not withdraw an approval, a later "changes
 * requested" or a dismissal does. Left out: the reviews of excluded people (the author, the
 * authors and committers of the pull request's commits, who started the run), of bots, and of
 * people without write access (`author_association` other than OWNER, MEMBER or COLLABORATOR).
 * With `requireLatestHead` an approval of an older commit counts as dismissed.
 */
export function approvalsFromReviews(reviews: readonly Review[], options: ReviewOptions): { approvals: Approval[]; notes: string[] } {
  const notes: string[] = [];
  const latest = new Map<string, Review>();
  const ordered = [...reviews].sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id - b.id);
  for (const review of ordered) {
    const user = review.user?.login;
    const state = STATE[review.state];
    if (!user || !state) continue; // PENDING reviews are drafts nobody else can see.
    const excluded = options.excluded.get(user.toLowerCase());
    if (excluded) {
      if (state === 'approved') notes.push(`the approval by ${user} is not counted: ${user} ${excluded}`);
      continue;
    }
    if (review.user?.type === 'Bot') {
      if (state === 'approved') notes.push(`the approval by ${user} is not counted: ${user} is a bot`);
      continue;
    }
    const association = review.author_association ?? 'NONE';
    if (!COUNTED_ASSOCIATIONS.includes(association)) {
      if (state === 'approved') notes.push(`the approval by ${user} is not counted: ${user} has no write access to the repository (author_association ${association})`);
      continue;
    }
    const previous = latest.get(user);
    if (state === 'commented' && previous && previous.state !== 'COMMENTED') continue;
    latest.set(user, review);
  }
  const approvals = [...latest.entries()].map(([user, review]): Approval => {
    let state = STATE[review.state]!;
    if (state === 'approved' && options.requireLatestHead && review.commit_id !== options.headSha) {
      notes.push(`the approval by ${user} is not counted: it was given on ${(review.commit_id ?? 'an older commit').slice(0, 7)}, not on the head commit ${options.headSha.slice(0, 7)}`);
      state = 'dismissed';
    }
    return { user, teams: [], state, ...(review.submitted_at ? { at: review.submitted_at } : {}), source: REVIEW_SOURCE };
  });
  return { approvals, notes };
}

/**
 * Who approved (or rejected) the deployment of this run to a protected environment. Needs
 * `actions: read`; without it the run goes on without these approvals and says so.
 */
export async function listEnvironmentApprovals(
  client: GitHubClient,
  repository: Repository,
  runId: number,
  excluded: Excluded,
  log: ClientLog,
): Promise<Approval[]> {
  let answers;
  try {
    answers = (await client.rest.actions.getReviewsForRun({ ...repository, run_id: runId })).data;
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    log.warning(
      `environment approvals of run ${runId} could not be read (${describeRequestError(error)}); give the job "permissions: actions: read". Going on without them.`,
    );
    return [];
  }
  const approvals: Approval[] = [];
  for (const answer of answers) {
    const user = answer.user?.login;
    if (!user) continue;
    const reason = excluded.get(user.toLowerCase());
    if (reason) {
      log.info(`the environment approval by ${user} is not counted: ${user} ${reason}`);
      continue;
    }
    const environments = answer.environments.map((environment) => environment.name).filter(Boolean);
    approvals.push({
      user,
      teams: [],
      state: answer.state === 'approved' ? 'approved' : 'changes_requested',
      source: `environment:${environments.join(',') || 'unknown'}`,
    });
  }
  return approvals;
}

export interface TeamLookup {
  /** Team references as written in the config, by user login (lower case). */
  teamsByUser: Map<string, string[]>;
  /** Teams whose members could not be read. */
  unreadable: string[];
}

/**
 * Members of each team, by listing the team. The GITHUB_TOKEN cannot read organization teams:
 * a GitHub App token with the organization permission "Members: read", or a classic personal
 * access token with `read:org`, can. Without it, approvers carry no teams and rules that need
 * a team fail, which the warning explains.
 */
export async function resolveTeams(client: GitHubClient, defaultOrg: string, teams: readonly string[], log: ClientLog): Promise<TeamLookup> {
  const teamsByUser = new Map<string, string[]>();
  const unreadable: string[] = [];
  for (const team of [...new Set(teams)]) {
    const [org, slug] = team.includes('/') ? (team.split('/', 2) as [string, string]) : [defaultOrg, team];
    let members;
    try {
      members = await paginateAll(client, client.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
    } catch (error) {
      if (!isPermissionDenied(error)) throw error;
      unreadable.push(team);
      log.warning(
        `members of team ${org}/${slug} could not be read (${describeRequestError(error)}). Reading team membership needs a token with the organization permission "Members: read" (GitHub App) or a classic personal access token with read:org, passed as teams-token (or github-token); the default GITHUB_TOKEN cannot read teams. Approvals are judged without this team.`,
      );
      continue;
    }
    for (const member of members) {
      const login = member.login.toLowerCase();
      teamsByUser.set(login, [...(teamsByUser.get(login) ?? []), team]);
    }
  }
  return { teamsByUser, unreadable };
}

export function withTeams(approvals: readonly Approval[], lookup: TeamLookup): Approval[] {
  return approvals.map((approval) => ({ ...approval, teams: [...new Set([...approval.teams, ...(lookup.teamsByUser.get(approval.user.toLowerCase()) ?? [])])] }));
}

/** Adds a login to the people who may not approve, keeping the first reason given for it. */
export function exclude(excluded: Map<string, string>, login: string | undefined, reason: string): void {
  if (!login) return;
  const key = login.toLowerCase();
  if (!excluded.has(key)) excluded.set(key, reason);
}
