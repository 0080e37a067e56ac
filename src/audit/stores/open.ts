import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../../errors.js';
import type { ClientLog, GitHubClient } from '../../github/client.js';
import type { Repository } from '../../github/event.js';
import { VERSION } from '../../version.js';
import type { AuditStore } from '../store.js';
import type { FileLockOptions } from './file-lock.js';
import type { RetryOptions } from './postgres-store.js';

export const SUPPORTED_AUDIT_URLS =
  'file:PATH (JSON Lines, relative to the current directory), github:[OWNER/REPO][#BRANCH] (a branch of a GitHub repository, default branch modelgate/audit) ' +
  'or postgres://user:password@host:port/database[?chain=NAME]';

/** The branch a `github:` store writes to when its URL names none. */
export const DEFAULT_AUDIT_BRANCH = 'modelgate/audit';

export interface OpenAuditStoreOptions {
  /** Where relative `file:` paths start. */
  cwd: string;
  lock?: FileLockOptions;
  /** Reconnects (postgres:) or tries after losing a race for the branch (github:). */
  retry?: RetryOptions;
  /**
   * The GitHub Action's client and repository, for `github:` stores; `github:` alone then
   * means this repository. Without it, the client is made from `env`.
   */
  github?: { client: GitHubClient; repository: Repository };
  /** GITHUB_TOKEN or GH_TOKEN, GITHUB_API_URL and GITHUB_REPOSITORY, for `github:` stores outside the Action (default: the process environment). */
  env?: Record<string, string | undefined>;
  /** Where a `github:` store's client reports waits on rate limits (default: standard error). */
  log?: ClientLog;
}

export type AuditStoreKind = 'file' | 'postgres' | 'github';

/** A `github:` URL read: the repository (undefined for the current one) and the branch. */
export interface GitHubStoreUrl {
  repository: Repository | undefined;
  branch: string;
}

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;

/** Reads `github:`, `github:#BRANCH`, `github:OWNER/REPO` or `github:OWNER/REPO#BRANCH`; a usage error for anything else. */
export function parseGitHubStoreUrl(url: string): GitHubStoreUrl {
  const rest = url.slice('github:'.length);
  const hash = rest.indexOf('#');
  const name = hash === -1 ? rest : rest.slice(0, hash);
  const branch = hash === -1 ? DEFAULT_AUDIT_BRANCH : rest.slice(hash + 1);
  const usage = (why: string) => new ModelgateError('usage', `--audit ${url}: ${why}; write github:OWNER/REPO, github:OWNER/REPO#BRANCH, or github: for the repository the Action runs in`);
  let repository: Repository | undefined;
  if (name !== '') {
    const [owner, repo, ...extra] = name.split('/');
    if (!owner || !repo || extra.length > 0) throw usage(`"${name}" is not OWNER/REPO`);
    if (!GITHUB_OWNER.test(owner)) throw usage(`"${owner}" is not a GitHub user or organization name`);
    if (!GITHUB_REPO.test(repo) || repo === '.' || repo === '..') throw usage(`"${repo}" is not a repository name`);
    repository = { owner, repo };
  }
  const invalid = branchNameProblem(branch);
  if (invalid) throw usage(`"${branch}" is not a branch name (${invalid})`);
  return { repository, branch };
}

/** Why `git check-ref-format` would refuse `refs/heads/<name>`, or undefined when it is a valid branch name. */
function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'empty';
  if (/[\p{Cc} ~^:?*[\\]/u.test(name)) return 'no spaces, control characters or any of ~ ^ : ? * [ \\';
  if (name.includes('..') || name.includes('@{') || name === '@') return 'no "..", "@{" or a lone "@"';
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'no empty part between slashes';
  if (name.endsWith('.') || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock'))) return 'no part starting with "." or ending with ".lock", and no "." at the end';
  return undefined;
}

/** Which store a URL names; throws a usage error for anything else, before any work is done. */
export function auditStoreKind(url: string): AuditStoreKind {
  if (/^file:/i.test(url)) {
    if (url.slice('file:'.length).trim() === '') throw new ModelgateError('usage', `--audit ${url}: the file: URL needs a path, e.g. file:audit/records.jsonl`);
    return 'file';
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^github:/i.test(url)) {
    parseGitHubStoreUrl(url);
    return 'github';
  }
  throw new ModelgateError('usage', `--audit ${redact(url)}: unsupported audit store; use ${SUPPORTED_AUDIT_URLS}`);
}

/**
 * Opens the store a URL names. Each store is imported only here, when it is used, so that a
 * run without `--audit` never loads a database driver.
 */
export async function openAuditStore(url: string, options: OpenAuditStoreOptions): Promise<AuditStore> {
  const kind = auditStoreKind(url);
  if (kind === 'file') {
    const { createFileStore } = await import('./file-store.js');
    const rest = url.slice('file:'.length);
    // `file:///abs/path` is a standard file URL; `file:some/path` is a path relative to the current directory.
    const absolute = rest.startsWith('//') ? fileURLToPath(url) : path.resolve(options.cwd, rest);
    // Shown as the user wrote it, so messages name the file they typed.
    const shown = rest.startsWith('//') ? absolute : rest;
    return createFileStore(absolute, { shownPath: shown, ...(options.lock && { lock: options.lock }) });
  }
  if (kind === 'github') return openGitHubStore(url, options);
  const { createPostgresStore } = await import('./postgres-store.js');
  return createPostgresStore(url, { ...(options.retry && { retry: options.retry }) });
}

/**
 * In the Action, the store uses the Action's client; elsewhere a client made from the
 * environment: the token from GITHUB_TOKEN (or GH_TOKEN), the API root from GITHUB_API_URL.
 */
async function openGitHubStore(url: string, options: OpenAuditStoreOptions): Promise<AuditStore> {
  const target = parseGitHubStoreUrl(url);
  const usage = (why: string) => new ModelgateError('usage', `--audit ${url}: ${why}`);
  let client: GitHubClient;
  let repository: Repository;
  if (options.github) {
    client = options.github.client;
    repository = target.repository ?? options.github.repository;
  } else {
    const env = options.env ?? process.env;
    const current = env.GITHUB_REPOSITORY?.trim();
    if (target.repository) repository = target.repository;
    else if (current && /^[^/\s]+\/[^/\s]+$/.test(current)) repository = parseGitHubStoreUrl(`github:${current}`).repository!;
    else throw usage('github: without OWNER/REPO names the repository of a GitHub Actions run (GITHUB_REPOSITORY), which is not set; write github:OWNER/REPO');
    const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
    if (!token) throw usage(`set GITHUB_TOKEN (or GH_TOKEN) to a token that may read the contents of ${repository.owner}/${repository.repo} (and write them, to append)`);
    const baseUrl = env.GITHUB_API_URL?.trim() || 'https://api.github.com';
    if (!/^https?:\/\/[^\s]+$/.test(baseUrl)) throw usage('GITHUB_API_URL must be an http(s) URL, e.g. https://api.github.com or https://github.example.com/api/v3');
    const { createGitHubClient } = await import('../../github/client.js');
    client = createGitHubClient({ token, baseUrl, log: options.log ?? stderrLog(), userAgent: `modelgate/${VERSION}` });
  }
  const { createGitHubStore } = await import('./github-store.js');
  return createGitHubStore(client, { repository, branch: target.branch }, { ...(options.retry && { retry: options.retry }) });
}

/** Waits on rate limits are worth a line on standard error; request details are not. */
function stderrLog(): ClientLog {
  return {
    debug: () => undefined,
    info: () => undefined,
    warning: (message) => process.stderr.write(`modelgate: ${message}\n`),
  };
}

/** A URL as it may be shown: never with its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}
