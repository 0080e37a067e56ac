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
  headers: Headers;
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

/** The body of an answer as JSON; anything else is a `malformed` failure naming the call. */
export function parseJsonBody(what: string, response: HttpResponse): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.body));
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

async function attempt(what: string, spec: RequestSpec, options: CallOptions): Promise<HttpResponse> {
  const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
  let body: string | undefined;
  if (spec.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(spec.json);
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  let response: Response;
  try {
    response = await fetch(spec.url, { method: spec.method ?? 'GET', headers, body, signal, redirect: 'follow' });
  } catch (error) {
    throw failureOf(what, error, options.timeoutMs);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(response, options.maxBytes, what);
  } catch (error) {
    if (error instanceof RegistryCallError) throw error;
    throw failureOf(what, error, options.timeoutMs);
  }
  const accepted = (response.status >= 200 && response.status < 300) || (spec.accept ?? []).includes(response.status);
  if (!accepted) {
    throw new RegistryCallError(`${what}: HTTP ${response.status}${describeErrorBody(bytes)}`, 'status', response.status);
  }
  return { status: response.status, headers: response.headers, body: bytes };
}

function failureOf(what: string, error: unknown, timeoutMs: number): RegistryCallError {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return new RegistryCallError(`${what}: no answer within ${timeoutMs / 1000} s`, 'timeout');
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new RegistryCallError(`${what}: cannot connect (${reason})`, 'unreachable');
}

/** Reads the body, refusing it as soon as it passes `maxBytes` (an announced length is refused before reading). */
async function readBounded(response: Response, maxBytes: number, what: string): Promise<Uint8Array> {
  const tooLarge = () => new RegistryCallError(`${what}: the answer is larger than ${maxBytes} bytes`, 'too_large', response.status);
  const announced = Number(response.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return new Uint8Array();
  // A known length within the bound is read in one go; a body without one, or compressed (whose
  // decoded size the length does not bound), is counted as it streams.
  if (response.headers.has('content-length') && !response.headers.has('content-encoding')) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge();
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
