import { Agent as HttpAgent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import pRetry from 'p-retry';

/**
 * Calls to registries over HTTP: every try has a timeout, transient failures (no connection,
 * timeout, 429, 5xx) are tried again with exponential backoff (p-retry), bodies are read up to
 * a bound, and every failure is a RegistryCallError that says which call failed and why, so a
 * decision can name it. Nothing here decides what a failure means for the verdict.
 */

export interface CallOptions {
  /** Milliseconds for one try, from sending the request to the end of the body. */
  timeoutMs: number;
  /** Tries after the first, for transient failures only. */
  retries: number;
  /** The largest body accepted, in bytes. */
  maxBytes: number;
  /** Backoff before the first retry (then doubled, with jitter); small in tests. */
  minDelayMs?: number;
  /** Called once per finished call, for metrics. */
  observe?: (outcome: CallOutcome, seconds: number) => void;
}

export type CallOutcome = 'ok' | 'not_found' | 'client_error' | 'server_error' | 'unreachable' | 'timeout' | 'malformed' | 'too_large';

export type RegistryFailure = 'unreachable' | 'timeout' | 'status' | 'malformed' | 'too_large';

export class RegistryCallError extends Error {
  override readonly name = 'RegistryCallError';
  constructor(
    message: string,
    readonly failure: RegistryFailure,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Uint8Array;
}

export interface RequestSpec {
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  json?: unknown;
  /** Statuses answered without an error (404 for "not there"); others than 2xx throw. */
  accept?: readonly number[];
  /** Whether the call may be repeated after a failure (default true: every registry call here is idempotent). */
  idempotent?: boolean;
}

/** One registry call, described by `what` in errors (e.g. "MLflow model-versions/get"). */
export async function callRegistry(what: string, spec: RequestSpec, options: CallOptions): Promise<HttpResponse> {
  const started = process.hrtime.bigint();
  let outcome: CallOutcome = 'ok';
  try {
    const response = await pRetry(() => attempt(what, spec, options), {
      retries: spec.idempotent === false ? 0 : options.retries,
      minTimeout: options.minDelayMs ?? 200,
      maxTimeout: 5_000,
      factor: 2,
      randomize: true,
      shouldRetry: ({ error }) => error instanceof RegistryCallError && isTransient(error),
    });
    if (response.status === 404) outcome = 'not_found';
    return response;
  } catch (error) {
    outcome = outcomeOf(error);
    if (error instanceof RegistryCallError) throw error;
    throw new RegistryCallError(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'unreachable');
  } finally {
    options.observe?.(outcome, Number(process.hrtime.bigint() - started) / 1e9);
  }
}

/** Decoding without `stream` keeps no state between calls, so one decoder serves every answer. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body of an answer as JSON; anything else is a `malformed` failure naming the call. */
export function parseJsonBody(what: string, response: HttpResponse): unknown {
  try {
    return JSON.parse(STRICT_UTF8.decode(response.body));
  } catch {
    throw new RegistryCallError(`${what}: the answer (HTTP ${response.status}) is not valid JSON`, 'malformed', response.status);
  }
}

function isTransient(error: RegistryCallError): boolean {
  if (error.failure === 'unreachable' || error.failure === 'timeout') return true;
  return error.failure === 'status' && error.status !== undefined && (error.status === 429 || error.status >= 500);
}

function outcomeOf(error: unknown): CallOutcome {
  if (!(error instanceof RegistryCallError)) return 'unreachable';
  if (error.failure === 'status') return error.status !== undefined && error.status >= 500 ? 'server_error' : 'client_error';
  return error.failure;
}

/**
 * Connections to registries stay open between calls (HTTP keep-alive), so an event's calls do
 * not each pay for a new connection. A call that must not be repeated gets a connection of its
 * own: a kept connection the server has just closed would fail it, and it is never tried again.
 */
const KEPT = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };
const SINGLE = { 'http:': new HttpAgent({ keepAlive: false }), 'https:': new HttpsAgent({ keepAlive: false }) };

/** Redirects followed in one try, as many as fetch follows. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Content codings a registry may use although the request asks for none. */
const DECODERS = new Map<string, () => Transform>([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['br', createBrotliDecompress],
]);

/**
 * One try over node:http(s), which costs about half the CPU of fetch per call (a hook event
 * makes eight): the answer's status, headers and bounded body, following
 * redirects as fetch does (a 303, or a 301/302 after a POST, continues as a GET; credentials
 * never go to another origin). One deadline covers connecting, redirects and the whole body.
 */
function attempt(what: string, spec: RequestSpec, options: CallOptions): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'identity', ...spec.headers };
  let body: string | undefined;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.json);
  }
  const agents = spec.idempotent === false ? SINGLE : KEPT;
  return new Promise((resolve, reject) => {
    let current: ClientRequest | undefined;
    let settled = false;
    const finish = (error: RegistryCallError | undefined, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        current?.destroy();
        reject(error);
      } else resolve(response!);
    };
    const timer = setTimeout(() => finish(new RegistryCallError(`${what}: no answer within ${options.timeoutMs / 1000} s`, 'timeout')), options.timeoutMs);

    const send = (url: URL, method: string, sent: Record<string, string>, payload: string | undefined, redirects: number) => {
      const agent = url.protocol === 'http:' || url.protocol === 'https:' ? agents[url.protocol] : undefined;
      if (!agent) return finish(new RegistryCallError(`${what}: cannot connect (${url.protocol} is not http: or https:)`, 'unreachable'));
      try {
        current = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
          method,
          agent,
          headers: payload === undefined ? sent : { ...sent, 'content-length': String(Buffer.byteLength(payload)) },
        });
      } catch (error) {
        return finish(failureOf(what, error));
      }
      current.on('error', (error) => finish(failureOf(what, error)));
      current.on('response', (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if (REDIRECTS.has(status) && location !== undefined) {
          response.resume();
          if (redirects >= MAX_REDIRECTS) return finish(new RegistryCallError(`${what}: more than ${MAX_REDIRECTS} redirects`, 'malformed', status));
          let next: URL;
          try {
            next = new URL(location, url);
          } catch {
            return finish(new RegistryCallError(`${what}: HTTP ${status} redirects to an invalid location`, 'malformed', status));
          }
          const asGet = status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
          const { authorization, 'content-type': contentType, ...rest } = sent;
          const kept = { ...rest, ...(next.origin === url.origin && authorization !== undefined && { authorization }), ...(!asGet && contentType !== undefined && { 'content-type': contentType }) };
          return send(next, asGet ? 'GET' : method, kept, asGet ? undefined : payload, redirects + 1);
        }
        readBounded(response, options.maxBytes, what).then((bytes) => {
          const accepted = (status >= 200 && status < 300) || (spec.accept ?? []).includes(status);
          if (!accepted) return finish(new RegistryCallError(`${what}: HTTP ${status}${describeErrorBody(bytes)}`, 'status', status));
          finish(undefined, { status, headers: response.headers, body: bytes });
        }, (error: unknown) => finish(error instanceof RegistryCallError ? error : failureOf(what, error)));
      });
      current.end(payload);
    };
    send(new URL(spec.url), spec.method ?? 'GET', headers, body, 0);
  });
}

function failureOf(what: string, error: unknown): RegistryCallError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code?.startsWith('Z_')) return new RegistryCallError(`${what}: the answer's compressed body cannot be decoded (${code})`, 'malformed');
  const reason = code ?? (error instanceof Error ? error.message : String(error));
  return new RegistryCallError(`${what}: cannot connect (${reason})`, 'unreachable');
}

/**
 * Reads the body, refusing it as soon as it passes `maxBytes` (an announced length is refused
 * before reading). A compressed body is decoded as it streams, and its decoded size is counted.
 */
function readBounded(response: IncomingMessage, maxBytes: number, what: string): Promise<Uint8Array> {
  const tooLarge = () => new RegistryCallError(`${what}: the answer is larger than ${maxBytes} bytes`, 'too_large', response.statusCode);
  const announced = Number(response.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  const coding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = coding === 'identity' ? undefined : DECODERS.get(coding);
  if (coding !== 'identity' && !decoder) {
    response.destroy();
    return Promise.reject(new RegistryCallError(`${what}: the answer is in a content coding this client does not read (${coding})`, 'malformed', response.statusCode));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      response.destroy();
      reject(error);
    };
    const body: Readable = decoder ? pipeline(response, decoder(), (error) => error && fail(error)) : response.on('error', fail);
    body.on('data', (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        body.destroy();
        fail(tooLarge());
      } else chunks.push(chunk);
    });
    body.on('end', () => {
      if (!failed) resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
    });
  });
}

/** A registry's error message, shortened: enough to say why, never a whole page. */
function describeErrorBody(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes.subarray(0, 2048)).trim();
  if (text === '') return '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: unknown; error_code?: unknown };
    const message = [parsed.error_code, parsed.message ?? parsed.error].filter((part) => typeof part === 'string').join(': ');
    if (message) return ` (${message.slice(0, 300)})`;
  } catch {
    // Not JSON: a proxy's page, shown in part below.
  }
  return ` (${text.replace(/\s+/g, ' ').slice(0, 200)})`;
}
