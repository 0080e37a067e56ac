import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { AuditRecord } from '../../src/audit/record.js';
import { AuditStoreError, type AuditStore } from '../../src/audit/store.js';
import type { DeliveryLedger } from '../../src/registry/ledger.js';
import { loadServeConfig, type HookRuntimeConfig } from '../../src/registry/load-config.js';
import { signMlflowDelivery } from '../../src/registry/mlflow/signature.js';
import { createSageMakerRegistry, type SageMakerRegistryOptions } from '../../src/registry/sagemaker/client.js';
import { openHookStore } from '../../src/registry/serve.js';
import { buildHookServer, loggerOptions, type HookServer } from '../../src/registry/server.js';

/** A hook server on loopback, configured from YAML, with its audit store and captured JSON logs. */
export interface Harness extends HookServer {
  url: string;
  dir: string;
  runtime: HookRuntimeConfig;
  store: AuditStore;
  ledger: DeliveryLedger;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  /** The raw log text, to check that no secret reaches it. */
  logText(): string;
  post(route: string, body: string | Buffer, headers?: Record<string, string>): Promise<Reply>;
  get(route: string): Promise<Reply>;
  records(): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export const SECRETS = {
  MLFLOW_WEBHOOK_SECRET: 'mlflow-webhook-secret-0c9e4b1d',
  MLFLOW_TOKEN: 'mlflow-token-77a1f0e2',
  HF_WEBHOOK_SECRET: 'hub-webhook-secret-5d2c8a90',
  HF_TOKEN: 'hf_token_3b7e9c41d2',
  SAGEMAKER_SHARED_SECRET: 'eventbridge-shared-secret-41f6a2',
} as const;

/** Test credentials for the AWS SDK: the signature is computed, the stand-in only checks one is there. */
export const AWS_TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export async function startHarness(options: { config: string; env?: Record<string, string>; now?: () => Date; dir?: string; files?: Record<string, string> }): Promise<Harness> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'modelgate-hooks-'));
  writeFileSync(path.join(dir, 'serve.yaml'), options.config);
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), text);
  const runtime = await loadServeConfig('serve.yaml', { cwd: dir, env: { ...SECRETS, ...options.env } });
  const { store, ledger } = await openHookStore(runtime);
  const settings = runtime.config.sagemaker;
  const sagemaker = settings
    ? (observe: NonNullable<SageMakerRegistryOptions['observe']>) =>
        createSageMakerRegistry({
          region: settings.region ?? 'us-east-2',
          endpoint: settings.endpoint,
          s3Endpoint: settings.s3_endpoint,
          s3ForcePathStyle: settings.s3_force_path_style,
          timeoutMs: runtime.config.delivery.timeout_seconds * 1000,
          retries: runtime.config.delivery.retries,
          credentials: AWS_TEST_CREDENTIALS,
          observe,
        })
    : undefined;
  let logText = '';
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logText += chunk.toString('utf8');
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = { ...(loggerOptions(runtime) as object), stream };
  const server = await buildHookServer({ runtime, store, ledger, ...(sagemaker && { sagemaker }), logger, retryDelayMs: 1, ...(options.now && { now: options.now }) });
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const send = async (route: string, init: RequestInit): Promise<Reply> => {
    const response = await fetch(`${url}${route}`, init);
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON (metrics): see `text`.
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  return {
    ...server,
    url,
    dir,
    runtime,
    store,
    ledger,
    logs,
    logText: () => logText,
    post: (route, body, headers = {}) => send(route, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }),
    get: (route) => send(route, { method: 'GET' }),
    records: () => readRecords(store),
    async close() {
      await server.app.close();
      await ledger.close();
      await store.close();
    },
  };
}

export async function readRecords(store: AuditStore): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  try {
    for await (const record of store.readAll()) records.push(record);
  } catch (error) {
    if (error instanceof AuditStoreError && error.message.startsWith('audit file not found')) return [];
    throw error;
  }
  return records;
}

/** The headers MLflow sends with a delivery, signed with the secret (or another one, to test refusal). */
export function mlflowHeaders(body: string, options: { secret?: string; deliveryId?: string; timestamp?: number } = {}): Record<string, string> {
  const deliveryId = options.deliveryId ?? randomUUID();
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  return {
    'x-mlflow-delivery-id': deliveryId,
    'x-mlflow-timestamp': timestamp,
    'x-mlflow-signature': signMlflowDelivery(options.secret ?? SECRETS.MLFLOW_WEBHOOK_SECRET, deliveryId, timestamp, body),
  };
}

/** A fixture event with new values: MLflow serializes with Python's json.dumps defaults (", " and ": "), so the body is too. */
export function mlflowEvent(fixtureText: string, data: Record<string, unknown>): string {
  const event = JSON.parse(fixtureText) as { data: Record<string, unknown> };
  return pythonJson({ ...event, data: { ...event.data, ...data } });
}

/** JSON as Python's json.dumps writes it by default: ", " between items and ": " after keys. */
export function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}
