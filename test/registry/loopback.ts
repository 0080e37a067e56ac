import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server for registry stand-ins: it records every request, answers through a
 * handler, and can be told to misbehave on a route (an HTTP status, a slow answer, a broken
 * connection, a body that is not JSON) a number of times.
 */
export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | object;
}

export interface Fault {
  /** Answer with this instead (status, headers, raw body). */
  answer?: Answer;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Close the connection without answering. */
  destroy?: boolean;
  /** How many requests it affects (default: all). */
  times?: number;
}

export interface Loopback {
  url: string;
  calls: RecordedCall[];
  /** Calls to a route, e.g. `POST /api/2.0/mlflow/model-versions/set-tag`. */
  callsTo(route: string): RecordedCall[];
  /** Makes requests to `route` (`METHOD /path`, or `METHOD /path/prefix*`) misbehave. */
  fault(route: string, fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startLoopback(handle: (call: RecordedCall) => Answer | Promise<Answer>): Promise<Loopback> {
  const calls: RecordedCall[] = [];
  const faults: { route: string; fault: Fault; left: number }[] = [];
  const matches = (route: string, call: RecordedCall) => {
    const key = `${call.method} ${call.path}`;
    return route.endsWith('*') ? key.startsWith(route.slice(0, -1)) : key === route;
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://loopback');
      const call: RecordedCall = { method: request.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: request.headers, body: Buffer.concat(chunks) };
      calls.push(call);
      const active = faults.find((entry) => entry.left > 0 && matches(entry.route, call));
      if (active) active.left -= 1;
      const fault = active?.fault;
      void (async () => {
        if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        if (fault?.destroy) {
          request.socket.destroy();
          return;
        }
        let answer: Answer;
        try {
          answer = fault?.answer ?? (await handle(call));
        } catch (error) {
          answer = { status: 500, body: { error_code: 'INTERNAL_ERROR', message: String(error) } };
        }
        send(response, answer);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    callsTo: (route) => calls.filter((call) => matches(route, call)),
    fault(route, fault) {
      faults.push({ route, fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults() {
      faults.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, answer: Answer): void {
  if (response.destroyed) return;
  const body = answer.body === undefined ? '' : typeof answer.body === 'string' || Buffer.isBuffer(answer.body) ? answer.body : JSON.stringify(answer.body);
  const isJson = answer.body !== undefined && typeof answer.body === 'object' && !Buffer.isBuffer(answer.body);
  response.writeHead(answer.status ?? 200, { ...(isJson && { 'content-type': 'application/json' }), 'content-length': String(Buffer.byteLength(body)), ...answer.headers });
  response.end(body);
}
