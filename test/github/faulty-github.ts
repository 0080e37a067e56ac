import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeGitHub } from './fake-github.js';

/**
 * A loopback proxy in front of the fake GitHub that breaks answers the way networks and
 * servers do: it forwards every request to the fake GitHub (so the answers keep GitHub's
 * shapes) and, for the first `times` requests matching a fault, breaks the exchange instead.
 */

export type FaultKind =
  /** The connection is closed before any answer. */
  | 'reset-before-answer'
  /** The status line, the headers and half the body, then the connection is destroyed. */
  | 'reset-mid-body'
  /** The request is read and never answered. */
  | 'hang'
  /** The headers and half the body, then nothing more, the connection left open. */
  | 'stall-body'
  /** `200` with the JSON content type and a body cut in the middle: not JSON. */
  | 'malformed-json'
  /** The upstream answer, with a `Link: rel="next"` pointing back at the page just read. */
  | 'link-loop'
  /** The upstream answer, with a `Link: rel="next"` to the following page, whatever page it is. */
  | 'endless-pages';

interface Fault {
  method: string;
  pattern: RegExp;
  times: number;
  kind: FaultKind;
}

export interface ProxiedRequest {
  method: string;
  /** Path and query. */
  url: string;
  pathname: string;
  /** The fault applied to this request, if any. */
  fault?: FaultKind;
}

export interface FaultyGitHub {
  url: string;
  requests: ProxiedRequest[];
  /** Breaks the next `times` requests of `method` whose path matches `pattern`. */
  inject(method: string, pattern: RegExp, times: number, kind: FaultKind): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultyGitHub(upstream: FakeGitHub): Promise<FaultyGitHub> {
  const faults: Fault[] = [];
  const requests: ProxiedRequest[] = [];
  const target = new URL(upstream.url);
  let url = '';
  const server = createServer((incoming, response) => {
    void handle(incoming, response).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  const handle = async (incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    const pathname = decodeURIComponent(new URL(path, 'http://127.0.0.1').pathname);
    const fault = faults.find((candidate) => candidate.times > 0 && candidate.method === method && candidate.pattern.test(pathname));
    if (fault) fault.times -= 1;
    requests.push({ method, url: path, pathname, ...(fault && { fault: fault.kind }) });
    if (fault?.kind === 'reset-before-answer') {
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') return;
    const answer = await forward(target, method, path, incoming.headers, Buffer.concat(chunks));
    const headers = withoutHopHeaders(answer.headers, upstream.url, url);
    switch (fault?.kind) {
      case 'reset-mid-body':
      case 'stall-body': {
        response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        response.write(answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2))));
        if (fault.kind === 'reset-mid-body') setImmediate(() => response.socket?.destroy());
        return;
      }
      case 'malformed-json': {
        const cut = answer.body.subarray(0, Math.max(1, Math.floor(answer.body.length / 2)));
        response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(cut.length) });
        response.end(cut);
        return;
      }
      case 'link-loop':
      case 'endless-pages': {
        const current = new URL(path, url);
        const next = new URL(current);
        if (fault.kind === 'endless-pages') next.searchParams.set('page', String((Number(current.searchParams.get('page') ?? 1) || 1) + 1));
        response.writeHead(answer.status, { ...headers, link: `<${next.href}>; rel="next"`, 'content-length': String(answer.body.length) });
        response.end(answer.body);
        return;
      }
      default:
        response.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        response.end(answer.body);
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    inject: (method, pattern, times, kind) => faults.push({ method, pattern, times, kind }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(target: URL, method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: target.hostname, port: target.port, method, path, headers: { ...headers, host: target.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * The upstream's headers as a plain map, without those that describe its own connection and
 * body framing, and with its links (pages, redirects) pointing at the proxy.
 */
function withoutHopHeaders(headers: IncomingHttpHeaders, upstreamUrl: string, proxyUrl: string): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date'].includes(name)) continue;
    kept[name] = name === 'link' || name === 'location' ? String(value).split(upstreamUrl).join(proxyUrl) : value;
  }
  return kept;
}
