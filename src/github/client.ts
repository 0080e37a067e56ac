import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';

export interface ClientLog {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

export interface GitHubClientOptions {
  token: string;
  /** The REST API root: `GITHUB_API_URL` on a runner, which is the GitHub Enterprise Server API there. */
  baseUrl: string;
  log: ClientLog;
  /** How often a request that failed with 5xx (plugin-retry) or a rate limit (plugin-throttling) is tried again. */
  retries?: number;
  /** Milliseconds per unit of back-off; GitHub's `Retry-After` is in seconds, so 1000 in production and tiny in tests. */
  retryAfterBaseValue?: number;
  /** Overrides for plugin-throttling, e.g. its request groups (tests use groups without GitHub's spacing of writes). */
  throttle?: Partial<ThrottlingOptions>;
  userAgent?: string;
}

export type GitHubClient = ReturnType<typeof createGitHubClient>;

/**
 * An Octokit for the Action: REST methods and pagination from `@actions/github`, retries of
 * server errors and waits on rate limits. The token goes only into the Authorization header;
 * Octokit redacts it from errors and nothing here logs it.
 */
export function createGitHubClient(options: GitHubClientOptions) {
  const retries = options.retries ?? 3;
  const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const where = `${request.method} ${new URL(request.url, 'http://github.invalid').pathname}`;
    if (retryCount < retries) {
      options.log.warning(`GitHub ${kind} on ${where}: waiting ${retryAfter}s, then retry ${retryCount + 1} of ${retries}`);
      return true;
    }
    options.log.warning(`GitHub ${kind} on ${where}: no retries left`);
    return false;
  };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      userAgent: options.userAgent ?? 'modelgate-action',
      log: {
        debug: (message: string) => options.log.debug(message),
        info: (message: string) => options.log.debug(message),
        warn: (message: string) => options.log.warning(message),
        error: (message: string) => options.log.warning(message),
      },
      // 429 is left to plugin-throttling, which waits for GitHub's Retry-After; plugin-retry would retry at once.
      retry: { retries, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        retryAfterBaseValue,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit'),
        ...options.throttle,
      } as ThrottlingOptions,
    },
    retry,
    throttling,
  );
}

/** An answer from the GitHub API that was not a success, as Octokit throws it (a `RequestError`). */
export interface ApiError extends Error {
  status: number;
  request?: { method?: string; url?: string };
  response?: { headers?: Record<string, string | number | undefined> };
}

/** Whether an error is an answer from the GitHub API (as opposed to a network failure or a bug). */
export function isRequestError(error: unknown): error is ApiError {
  return error instanceof Error && typeof (error as Partial<ApiError>).status === 'number' && (error as Partial<ApiError>).status! >= 300;
}

/** A 403 for a missing permission, as opposed to a rate limit that ran out of retries. */
export function isPermissionDenied(error: unknown): boolean {
  if (!isRequestError(error)) return false;
  if (error.status === 404) return true;
  if (error.status !== 403) return false;
  return !/rate limit/i.test(error.message) && error.response?.headers?.['x-ratelimit-remaining'] !== '0';
}

/**
 * A failed request in words, for a log line or the step's failure message: method, path,
 * status and GitHub's message. Never the headers, so never the token.
 */
export function describeRequestError(error: unknown): string {
  if (!isRequestError(error)) return error instanceof Error ? error.message : String(error);
  const request = error.request;
  const url = request?.url ? new URL(request.url, 'http://github.invalid').pathname : 'a request';
  const message = error.message.replace(/\s*-\s*https:\/\/docs\.github\.com\S*/g, '').trim();
  return `${request?.method ?? 'GET'} ${url}: HTTP ${error.status}${message ? ` ${message}` : ''}`;
}
