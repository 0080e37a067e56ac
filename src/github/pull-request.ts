import { paginateAll, type GitHubClient } from './client.js';
import type { Repository } from './event.js';

/** The files API lists at most 3000 files of a pull request. */
export const MAX_LISTED_FILES = 3000;

export interface ChangedFiles {
  /** Repository-relative paths changed by the PR, with the old name of renamed files too. */
  paths: string[];
  /** True when GitHub could not list every file, so the list cannot be trusted to be complete. */
  incomplete: boolean;
}

/** Every file a pull request changes, following the `Link` pages of the files API. */
export async function listChangedFiles(client: GitHubClient, repository: Repository, number: number, expected?: number): Promise<ChangedFiles> {
  const files = await paginateAll(client, client.rest.pulls.listFiles, { ...repository, pull_number: number, per_page: 100 });
  const paths = new Set<string>();
  for (const file of files) {
    paths.add(file.filename);
    if (file.previous_filename) paths.add(file.previous_filename);
  }
  const incomplete = files.length >= MAX_LISTED_FILES || (expected !== undefined && files.length < expected);
  return { paths: [...paths].sort(), incomplete };
}

/** Reviews of a pull request in the order they were given. */
export async function listReviews(client: GitHubClient, repository: Repository, number: number) {
  return paginateAll(client, client.rest.pulls.listReviews, { ...repository, pull_number: number, per_page: 100 });
}

export type Review = Awaited<ReturnType<typeof listReviews>>[number];

/**
 * The GitHub logins of the authors and committers of a pull request's commits (every page).
 * Commits whose author or committer is not linked to a GitHub account have no login there.
 */
export async function listCommitLogins(client: GitHubClient, repository: Repository, number: number): Promise<string[]> {
  const commits = await paginateAll(client, client.rest.pulls.listCommits, { ...repository, pull_number: number, per_page: 100 });
  const logins = new Set<string>();
  for (const commit of commits) {
    if (commit.author?.login) logins.add(commit.author.login);
    if (commit.committer?.login) logins.add(commit.committer.login);
  }
  return [...logins];
}

/** The blob SHA of every file of a commit, by repository path; undefined when GitHub cut the listing short. */
export async function readTreeShas(client: GitHubClient, repository: Repository, ref: string): Promise<Map<string, string> | undefined> {
  const { data } = await client.rest.git.getTree({ ...repository, tree_sha: ref, recursive: 'true' });
  if (data.truncated) return undefined;
  const shas = new Map<string, string>();
  for (const entry of data.tree) if (entry.type === 'blob' && entry.path && entry.sha) shas.set(entry.path, entry.sha);
  return shas;
}
