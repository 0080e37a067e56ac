import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AuditStore } from '../audit/store.js';
import { describeError } from '../errors.js';
import { SOURCES, type Source } from './config.js';
import type { HookReply } from './delivery.js';
import type { HookContext, HookHandler } from './hook.js';
import type { CallOptions } from './http.js';
import { createHuggingFaceHook } from './huggingface/hook.js';
import type { DeliveryLedger } from './ledger.js';
import type { HookRuntimeConfig } from './load-config.js';
import { createHookMetrics, observeCall, type DeliveryOutcome, type HookMetrics } from './metrics.js';
import { createMlflowHook } from './mlflow/hook.js';
import { SIGNATURE_HEADER } from './mlflow/signature.js';
import type { SageMakerRegistry, SageMakerRegistryOptions } from './sagemaker/client.js';
import { createSageMakerHook } from './sagemaker/hook.js';

/**
 * The hook server: one fastify instance with a route per configured registry, health and
 * readiness probes, and Prometheus metrics. It keeps no state of its own between requests
 * (deliveries and decisions live in the audit store), so replicas can run side by side.
 */
export interface HookServerOptions {
  runtime: HookRuntimeConfig;
  store: AuditStore;
  ledger: DeliveryLedger;
  /** Makes the SageMaker and S3 clients, when the sagemaker source is configured; they report to the server's metrics. */
  sagemaker?: (observe: NonNullable<SageMakerRegistryOptions['observe']>) => Promise<SageMakerRegistry>;
  now?: () => Date;
  /** fastify's logger option: pino JSON on standard output by default; `false` or a stream in tests. */
  logger?: FastifyServerOptions['logger'];
  /** Backoff before the first retry of a registry call (tests make it small). */
  retryDelayMs?: number;
}

export interface HookServer {
  app: FastifyInstance;
  metrics: HookMetrics;
}

const HOOK_ROUTE = (source: Source) => `/hooks/${source}`;

export async function buildHookServer(options: HookServerOptions): Promise<HookServer> {
  const { runtime, store, ledger } = options;
  const { config } = runtime;
  const metrics = createHookMetrics();
  const app = Fastify({
    logger: options.logger === undefined ? loggerOptions(runtime) : options.logger,
    bodyLimit: config.delivery.max_body_bytes,
  });

  const callOptions = (registry: Source | 's3', operation: string): CallOptions => ({
    timeoutMs: config.delivery.timeout_seconds * 1000,
    retries: config.delivery.retries,
    maxBytes: Math.max(config.limits.max_file_bytes, 1024 * 1024),
    ...(options.retryDelayMs !== undefined && { minDelayMs: options.retryDelayMs }),
    observe: observeCall(metrics, registry, operation),
  });
  const context: HookContext = {
    runtime,
    callOptions,
    services: {
      ledger,
      store,
      actor: config.actor,
      now: options.now ?? (() => new Date()),
      metrics,
      log: app.log,
    },
  };

  const handlers: Partial<Record<Source, HookHandler>> = {};
  if (config.mlflow) handlers.mlflow = createMlflowHook(context, config.mlflow);
  if (config.huggingface) handlers.huggingface = createHuggingFaceHook(context, config.huggingface);
  if (config.sagemaker) {
    if (!options.sagemaker) throw new Error('the sagemaker source is configured but no SageMaker client was given');
    const registry = await options.sagemaker((source, operation, outcome, seconds) => metrics.registryCalls.observe({ registry: source, operation, outcome }, seconds));
    app.addHook('onClose', async () => registry.close());
    handlers.sagemaker = createSageMakerHook(context, config.sagemaker, registry);
  }

  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const source = sourceOf(request.url);
    const status = error.statusCode ?? 500;
    let outcome: DeliveryOutcome = 'failed';
    let reason = describeError(error);
    if (status === 413) {
      outcome = 'too_large';
      reason = `the body is larger than ${config.delivery.max_body_bytes} bytes`;
    } else if (status === 429) {
      outcome = 'rate_limited';
      reason = `more than ${rateOf(runtime, source).max} requests in ${rateOf(runtime, source).window_seconds} s from this registry: try again later`;
    } else if (status < 500) {
      outcome = 'bad_request';
    } else {
      request.log.error({ err: describeError(error) }, 'hook request failed');
      reason = 'internal error; nothing was recorded';
    }
    if (source) metrics.deliveries.inc({ source, outcome });
    void reply.status(status).send({ result: status === 429 ? 'rate_limited' : 'rejected', reason });
  });

  // Hook routes read the body as raw bytes: signatures are over the exact bytes, and nothing is parsed before it is verified.
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    for (const source of SOURCES) {
      const handler = handlers[source];
      const limit = rateOf(runtime, source);
      hooks.post(
        HOOK_ROUTE(source),
        { config: { rateLimit: { max: limit.max, timeWindow: limit.window_seconds * 1000, keyGenerator: () => source, hook: 'onRequest' } } },
        async (request, reply) => {
          const started = process.hrtime.bigint();
          let answer: HookReply;
          if (!handler) {
            answer = { status: 404, body: { result: 'rejected', reason: `the ${source} hook is not configured on this server` }, outcome: 'bad_request' };
          } else {
            const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
            answer = await handler({ headers: request.headers, body });
          }
          metrics.deliveries.inc({ source, outcome: answer.outcome });
          metrics.hookDuration.observe({ source }, Number(process.hrtime.bigint() - started) / 1e9);
          if (answer.retryAfter !== undefined) void reply.header('retry-after', String(answer.retryAfter));
          if (answer.status >= 400) request.log.warn({ source, status: answer.status, outcome: answer.outcome, reason: answer.body.reason }, 'hook request not accepted');
          return reply.status(answer.status).send(answer.body);
        },
      );
    }
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    try {
      await ledger.ready();
      return { status: 'ready', audit: ledger.description };
    } catch (error) {
      return reply.status(503).send({ status: 'not ready', reason: describeError(error) });
    }
  });

  app.get('/metrics', async (_request, reply) => {
    void reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  return { app, metrics };
}

function sourceOf(url: string): Source | undefined {
  const match = /^\/hooks\/([a-z]+)/.exec(url);
  return match && (SOURCES as readonly string[]).includes(match[1]!) ? (match[1] as Source) : undefined;
}

function rateOf(runtime: HookRuntimeConfig, source: Source | undefined): { max: number; window_seconds: number } {
  return (source && runtime.config[source]?.rate_limit) || runtime.config.rate_limit;
}

/**
 * Structured JSON logs (pino). Requests are logged without their query string and without
 * headers; the headers that carry signatures and secrets are redacted should a serializer
 * ever include them.
 */
export function loggerOptions(runtime: HookRuntimeConfig): FastifyServerOptions['logger'] {
  const secretHeader = runtime.config.sagemaker?.secret_header.toLowerCase();
  return {
    level: runtime.config.log_level,
    redact: {
      paths: [
        'req.headers.authorization',
        `req.headers["${SIGNATURE_HEADER}"]`,
        'req.headers["x-webhook-secret"]',
        ...(secretHeader ? [`req.headers["${secretHeader}"]`] : []),
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({ method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip }),
    },
  };
}
