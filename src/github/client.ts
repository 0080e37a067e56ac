import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { getOctokit } from '@actions/github';
import type { Octokit } from '@octokit/core';
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
  /** How long one request may take, headers and body, before it is abandoned and tried again (DEFAULT_REQUEST_TIMEOUT_MS). */
  timeoutMs?: number;
  /** The most pages `paginateAll` reads of one list before it gives up (DEFAULT_MAX_PAGES). */
  maxPages?: number;
  /** Aborts every request in flight and every later one: the run's time limit. */
  signal?: AbortSignal;
}

/** GitHub answers within seconds; a request still open after this long is abandoned and tried again. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** 100 items a page: 20,000 items, far beyond what any list the Action reads holds (the files API stops at 3000). */
export const DEFAULT_MAX_PAGES = 200;

export type GitHubClient = ReturnType<typeof createGitHubClient>;

/**
 * An Octokit for the Action: REST methods and pagination from `@actions/github`, retries of
 * server errors and waits on rate limits. The token goes only into the Authorization header;
 * Octokit redacts it from errors and nothing here logs it.
 */
export function createGitHubClient(options: GitHubClientOptions) {
  const retries = options.retries ?? 3;
  const guard = guardRequests(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, options.signal);
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
  const client = getOctokit(
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
    // The guard comes first, so it sits inside plugin-retry: every try gets its own timeout, and a fault it finds is retried.
    guard,
    retry,
    throttling,
  );
  maxPagesOf.set(client, options.maxPages ?? DEFAULT_MAX_PAGES);
  return client;
}

const maxPagesOf = new WeakMap<object, number>();

/**
 * An answer GitHub did not give as it should, as far as the Action can tell: no answer within
 * the timeout, a success whose body is not the JSON it announced, a pagination that does not
 * end. It carries a 5xx-like `status` and the `request`, so plugin-retry tries a request again
 * (when `retried`), and every caller treats it as it treats an API failure: it fails closed.
 */
export class GitHubFault extends Error {
  override readonly name = 'GitHubFault';
  readonly status = 502;
  constructor(
    message: string,
    readonly request: { method: string; url: string; request?: Record<string, unknown> },
    /** Whether the request was tried again before giving up (false for a pagination that never ends). */
    readonly retried = true,
  ) {
    super(message);
  }
}

type RequestOptions = { method: string; url: string; request?: Record<string, unknown> } & Record<string, unknown>;
type OctokitResponse = { status: number; url: string; headers: Record<string, string | number | undefined>; data: unknown };

/**
 * An Octokit plugin on every try of every request: a timeout (and the run's time limit) on the
 * whole exchange, headers and body; a success whose JSON body did not arrive whole (a reset
 * connection, a broken proxy) is a fault instead of a string where a list should be; a raw
 * body is read to the end here, so that a cut download is tried again too.
 */
function guardRequests(timeoutMs: number, runSignal: AbortSignal | undefined) {
  return (octokit: Octokit) => {
    octokit.hook.wrap('request', async (request, parameters) => {
      const tried = parameters as unknown as RequestOptions;
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = runSignal ? AbortSignal.any([timeout, runSignal]) : timeout;
      // Set on the options object itself: the hooks inside this one (the token's) were bound to it.
      tried.request = { ...tried.request, signal };
      const abandoned = () => {
        if (runSignal?.aborted) return runSignal.reason as Error;
        return new GitHubFault(`no complete answer within ${formatSeconds(timeoutMs)}`, tried);
      };
      let response: OctokitResponse;
      try {
        response = (await request(tried as never)) as unknown as OctokitResponse;
      } catch (error) {
        if (signal.aborted) throw abandoned();
        throw error;
      }
      if (tried.request?.parseSuccessResponseBody === false && isStream(response.data)) {
        try {
          response = { ...response, data: new Uint8Array(await new Response(response.data).arrayBuffer()) };
        } catch (error) {
          if (signal.aborted) throw abandoned();
          throw new GitHubFault(`the answer (HTTP ${response.status}) was cut off: ${describeCause(error)}`, tried);
        }
      }
      if (tried.request?.parseSuccessResponseBody !== false && expectsJson(response) && (typeof response.data !== 'object' || response.data === null)) {
        // Octokit gives a body it could not read or parse as a string (often empty): never a list or an object to go on with.
        if (signal.aborted) throw abandoned();
        const received = typeof response.data === 'string' ? `${Buffer.byteLength(response.data)} bytes` : 'no body';
        throw new GitHubFault(`the answer (HTTP ${response.status}) is not the JSON it announced (${received})`, tried);
      }
      return response as never;
    });
  };
}

function expectsJson(response: OctokitResponse): boolean {
  if (response.status === 204 || response.status === 205) return false;
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(response.headers['content-type'] ?? ''));
}

function isStream(data: unknown): data is ReadableStream {
  return typeof data === 'object' && data !== null && typeof (data as ReadableStream).getReader === 'function';
}

/** `terminated (other side closed)`: fetch's error and the socket's reason under it. */
function describeCause(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause && cause !== message ? `${message} (${cause})` : message;
}

function formatSeconds(milliseconds: number): string {
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}

/**
 * Every item of a list endpoint, page after page by the `Link` header, as `client.paginate`
 * gives them, but bounded: a `next` link back to a page already read, or more pages than the
 * client's `maxPages`, is a GitHubFault instead of a run that never ends.
 */
export async function paginateAll<Item>(
  client: GitHubClient,
  // The REST method, e.g. client.rest.pulls.listFiles; typed loosely because Octokit's route types do not compose here.
  method: (parameters: never) => Promise<{ data: Item[] }>,
  parameters: Record<string, unknown>,
): Promise<Item[]> {
  const maxPages = maxPagesOf.get(client) ?? DEFAULT_MAX_PAGES;
  const items: Item[] = [];
  const seen = new Set<string>();
  let pages = 0;
  const iterator = client.paginate.iterator(method as never, parameters as never) as AsyncIterable<{ url: string; data: Item[] }>;
  for await (const response of iterator) {
    const where = { method: 'GET', url: response.url };
    if (seen.has(response.url)) throw new GitHubFault(`the pagination does not end: the Link header leads back to a page already read (${pathOf(response.url)})`, where, false);
    seen.add(response.url);
    pages += 1;
    if (!Array.isArray(response.data)) throw new GitHubFault(`page ${pages} of the list is not a list`, where);
    items.push(...response.data);
    if (pages >= maxPages && hasNext(response)) throw new GitHubFault(`the pagination does not end: more than ${maxPages} pages`, where, false);
  }
  return items;
}

function hasNext(response: unknown): boolean {
  const link = (response as { headers?: { link?: string } }).headers?.link;
  return typeof link === 'string' && /rel="next"/.test(link);
}

function pathOf(url: string): string {
  const parsed = new URL(url, 'http://github.invalid');
  return `${parsed.pathname}${parsed.search}`;
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
  const what = `${request?.method ?? 'GET'} ${url}`;
  if (error instanceof GitHubFault) return `${what}: ${message}`;
  // Octokit reports a connection that failed (refused, reset, cut) as status 500 without a response.
  if (!error.response) return `${what}: no answer (${message || 'the connection failed'})`;
  return `${what}: HTTP ${error.status}${message ? ` ${message}` : ''}`;
}

/** undici's diagnostics channel for a request whose headers were written to its socket. */
const HEADERS_SENT_CHANNEL = 'undici:client:sendHeaders';

/**
 * Resolves once a request is on its way: its headers written to a socket (undici, which the
 * client's fetch uses, reports that on a diagnostics channel), or `request` settled, whichever
 * comes first. Work that keeps the process busy can then wait for the answer without holding
 * up the request itself.
 */
export function requestSent(request: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const sent = () => {
      unsubscribe(HEADERS_SENT_CHANNEL, sent);
      resolve();
    };
    subscribe(HEADERS_SENT_CHANNEL, sent);
    request.then(sent, sent);
  });
}
