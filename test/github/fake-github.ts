import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from '../helpers.js';

/**
 * GitHub as a loopback HTTP server: it answers with the response shapes GitHub documents
 * (bodies from fixtures/github/api, headers as recorded from api.github.com) and records every
 * request, so tests assert on what the Action sent.
 */

export const FIXTURES = path.join(REPO_ROOT, 'fixtures/github');
export const fixture = <T = unknown>(file: string): T => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as T;

type Json = Record<string, unknown>;
const recordedHeaders = fixture<{ json: Record<string, string | number>; raw: Record<string, string | number> }>('api/recorded-headers.json');

/** The headers GitHub sends with every answer (rate limits, media type), without the recording's length, date and link. */
function baseHeaders(kind: 'json' | 'raw'): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(recordedHeaders[kind])) {
    if (['content-length', 'link', 'date', 'etag', 'connection', 'last-modified'].includes(name)) continue;
    headers[name] = String(value);
  }
  headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + 3600);
  return headers;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/repos/o/r/pulls/1/files?per_page=100&page=2`. */
  url: string;
  pathname: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw bytes or text, sent as is. */
  raw?: string | Uint8Array;
}

type Handler = (request: RecordedRequest, match: RegExpExecArray) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/** A fault to answer instead of the route, for the first `times` matching requests. */
export interface Fault {
  method: string;
  pattern: RegExp;
  times: number;
  reply: Reply;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  route(method: string, pattern: RegExp, handler: Handler): void;
  fail(method: string, pattern: RegExp, times: number, reply: Reply): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const routes: Route[] = [];
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, response) => {
    void handle(incoming, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ message: `fake GitHub: ${String(error)}` }));
    });
  });
  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const parsedUrl = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      url: `${parsedUrl.pathname}${parsedUrl.search}`,
      pathname: decodeURIComponent(parsedUrl.pathname),
      query: parsedUrl.searchParams,
      headers: incoming.headers,
      body: text ? safeJson(text) : undefined,
    };
    requests.push(request);
    const fault = faults.find((candidate) => candidate.times > 0 && candidate.method === request.method && candidate.pattern.test(request.pathname));
    let reply: Reply;
    if (fault) {
      fault.times -= 1;
      reply = fault.reply;
    } else {
      const route = routes.find((candidate) => candidate.method === request.method && candidate.pattern.test(request.pathname));
      const match = route ? route.pattern.exec(request.pathname) : null;
      reply = route && match ? await route.handler(request, match) : notFound();
    }
    send(response, reply);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (method, pattern, handler) => routes.push({ method, pattern, handler }),
    fail: (method, pattern, times, reply) => faults.push({ method, pattern, times, reply }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  if (reply.raw !== undefined) {
    response.writeHead(status, { ...baseHeaders('raw'), ...reply.headers });
    response.end(reply.raw);
    return;
  }
  const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(status, { ...baseHeaders('json'), ...(status === 204 ? {} : { 'content-type': 'application/json; charset=utf-8' }), ...reply.headers });
  response.end(status === 204 ? undefined : body);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** GitHub's 404 body (basic-error). */
export function notFound(documentation = 'https://docs.github.com/rest'): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: documentation, status: '404' } };
}

/** A page of a list, with a `Link` header in GitHub's form (next, last, first, prev) when there are more. */
export function page(request: RecordedRequest, items: readonly unknown[], baseUrl: string): Reply {
  const perPage = Math.min(Number(request.query.get('per_page') ?? 30) || 30, 100);
  const current = Number(request.query.get('page') ?? 1) || 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((current - 1) * perPage, current * perPage);
  const link = (pageNumber: number, rel: string) => {
    const query = new URLSearchParams(request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(pageNumber));
    return `<${baseUrl}${request.pathname}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (current > 1) links.push(link(current - 1, 'prev'));
  if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'));
  if (current > 1) links.push(link(1, 'first'));
  return { body: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** GitHub's answer when a secondary rate limit is hit: 403 with this message and a `Retry-After` in seconds. */
export function secondaryRateLimit(retryAfterSeconds: number, status = 403): Reply {
  return {
    status,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url: 'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    },
  };
}

export function serverError(status: 500 | 502 | 503 = 502): Reply {
  return status === 503
    ? { status, body: { code: 'service_unavailable', message: 'Service Unavailable', documentation_url: 'https://docs.github.com/rest' } }
    : { status, body: { message: status === 500 ? 'Internal Server Error' : 'Server Error', documentation_url: 'https://docs.github.com/rest' } };
}

/** The 403 a token without a permission gets from an endpoint. */
export function notAccessible(documentation = 'https://docs.github.com/rest'): Reply {
  return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: documentation, status: '403' } };
}

export type { Json };
