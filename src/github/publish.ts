import { batchAnnotations, type CheckAnnotation, type CheckConclusion } from '../report/check-run.js';
import { isStickyComment, parseCommentState, type CommentState } from '../report/comment.js';
import { isRequestError, paginateAll, type GitHubClient } from './client.js';
import type { Repository } from './event.js';

export const CHECK_RUN_NAME = 'modelgate';

export interface CheckRunInput {
  headSha: string;
  conclusion: CheckConclusion;
  output: { title: string; summary: string; text: string };
  annotations: readonly CheckAnnotation[];
  externalId?: string;
  detailsUrl?: string;
}

export interface PublishedCheckRun {
  id: number;
  url: string | null;
  /** Requests that carried annotations: the create, then one update per further batch of 50. */
  annotationRequests: number;
}

/**
 * Creates the completed `modelgate` check run with the first 50 annotations, then adds the
 * rest 50 at a time by updating it: the Checks API takes no more per request, and an update
 * appends annotations rather than replacing them.
 */
export async function publishCheckRun(client: GitHubClient, repository: Repository, input: CheckRunInput): Promise<PublishedCheckRun> {
  const [first = [], ...rest] = batchAnnotations(input.annotations);
  const created = await client.rest.checks.create({
    ...repository,
    name: CHECK_RUN_NAME,
    head_sha: input.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    completed_at: new Date().toISOString(),
    ...(input.externalId && { external_id: input.externalId }),
    ...(input.detailsUrl && { details_url: input.detailsUrl }),
    output: { ...input.output, annotations: first },
  });
  for (const batch of rest) {
    await client.rest.checks.update({
      ...repository,
      check_run_id: created.data.id,
      output: { title: input.output.title, summary: input.output.summary, annotations: batch },
    });
  }
  return { id: created.data.id, url: created.data.html_url, annotationRequests: first.length > 0 ? 1 + rest.length : 0 };
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
}

/**
 * Who the token writes comments as: the login `GET /user` gives for a user's token; undefined
 * for the GITHUB_TOKEN and GitHub App installation tokens, which may not read `/user` and write
 * as a bot (`github-actions[bot]`, `<app-slug>[bot]`).
 */
export async function readCommentIdentity(client: GitHubClient): Promise<string | undefined> {
  try {
    return (await client.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    if (isRequestError(error) && [401, 403, 404].includes(error.status)) return undefined;
    throw error;
  }
}

interface CommentAuthor {
  user?: { login: string; type?: string } | null;
  performed_via_github_app?: { slug?: string } | null;
}

/**
 * Whether a comment was written by the identity the Action writes as, so that nobody else's
 * comment carrying the marker is taken over (or trusted for "resolved"). With a user's token,
 * the author must be that user. Otherwise the token is the GITHUB_TOKEN or a GitHub App's, and
 * the author must be a bot: `github-actions[bot]`, or the app the comment was made through
 * (`performed_via_github_app.slug` + `[bot]`). People (type `User`) never match then.
 */
export function isOwnComment(comment: CommentAuthor, identity: string | undefined): boolean {
  const login = comment.user?.login;
  if (!login) return false;
  if (identity !== undefined) return login.toLowerCase() === identity.toLowerCase();
  if (comment.user?.type !== 'Bot') return false;
  const app = comment.performed_via_github_app?.slug;
  return login === 'github-actions[bot]' || (app !== undefined && login.toLowerCase() === `${app.toLowerCase()}[bot]`);
}

/** The sticky comment on a pull request, if there is one, and what it last showed: the first one with the marker written by the Action's own identity. */
export async function findStickyComment(
  client: GitHubClient,
  repository: Repository,
  number: number,
): Promise<{ id: number; body: string; state: CommentState | undefined } | undefined> {
  const comments = await paginateAll(client, client.rest.issues.listComments, { ...repository, issue_number: number, per_page: 100 });
  const marked = comments.filter((candidate) => isStickyComment(candidate.body));
  if (marked.length === 0) return undefined;
  const identity = await readCommentIdentity(client);
  const comment = marked.find((candidate) => isOwnComment(candidate, identity));
  return comment ? { id: comment.id, body: comment.body ?? '', state: parseCommentState(comment.body) } : undefined;
}

/**
 * Updates the sticky comment found by its marker, or creates it. `create: false` only updates:
 * a run with nothing to report leaves no new comment, but still replaces an old failure.
 */
export async function publishStickyComment(
  client: GitHubClient,
  repository: Repository,
  number: number,
  body: string,
  existing: { id: number; body: string } | undefined,
  options: { create: boolean },
): Promise<StickyCommentResult> {
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id };
    const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body });
    return { action: 'updated', id: updated.data.id, url: updated.data.html_url };
  }
  if (!options.create) return { action: 'skipped' };
  const created = await client.rest.issues.createComment({ ...repository, issue_number: number, body });
  return { action: 'created', id: created.data.id, url: created.data.html_url };
}
