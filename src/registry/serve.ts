import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { AuditStore } from '../audit/store.js';
import { auditStoreKind, openAuditStore } from '../audit/stores/open.js';
import { configError } from '../errors.js';
import type { DeliveryLedger } from './ledger.js';
import { loadServeConfig, type HookRuntimeConfig } from './load-config.js';
import type { SageMakerRegistryOptions } from './sagemaker/client.js';
import { buildHookServer, type HookServer } from './server.js';

/** `modelgate serve`: loads the configuration, opens the audit store and listens until closed. */
export interface ServeOptions {
  configPath: string;
  cwd: string;
  env: Record<string, string | undefined>;
  host?: string | undefined;
  port?: number | undefined;
  logger?: FastifyServerOptions['logger'];
}

export interface RunningHookServer extends HookServer {
  runtime: HookRuntimeConfig;
  /** Where it listens, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops taking requests, waits for those in flight, and closes the store. */
  close(): Promise<void>;
}

export async function startHookServer(options: ServeOptions): Promise<RunningHookServer> {
  const runtime = await loadServeConfig(options.configPath, { cwd: options.cwd, env: options.env });
  const { store, ledger } = await openHookStore(runtime);
  try {
    const settings = runtime.config.sagemaker;
    const sagemaker = settings
      ? async (observe: NonNullable<SageMakerRegistryOptions['observe']>) => {
          const { createSageMakerRegistry } = await import('./sagemaker/client.js');
          return createSageMakerRegistry({
            region: settings.region,
            endpoint: settings.endpoint,
            s3Endpoint: settings.s3_endpoint,
            s3ForcePathStyle: settings.s3_force_path_style,
            timeoutMs: runtime.config.delivery.timeout_seconds * 1000,
            retries: runtime.config.delivery.retries,
            observe,
          });
        }
      : undefined;
    const server = await buildHookServer({ runtime, store, ledger, ...(sagemaker && { sagemaker }), ...(options.logger !== undefined && { logger: options.logger }) });
    const host = options.host ?? runtime.config.listen.host;
    const port = options.port ?? runtime.config.listen.port;
    const url = await server.app.listen({ host, port });
    server.app.log.info({ audit: store.description, sources: Object.keys(runtime.secrets), policy: `${runtime.policy.name} ${runtime.policy.version}` }, 'modelgate hook server listening');
    return {
      ...server,
      runtime,
      url,
      async close() {
        await server.app.close();
        await ledger.close();
        await store.close();
      },
    };
  } catch (error) {
    await ledger.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The audit store and the delivery ledger that goes with it: PostgreSQL for replicas behind a
 * load balancer, or a file for a single replica. Relative `file:` paths start at the config's folder.
 * Both stores write the appends of concurrent requests together (group commit), so requests
 * do not wait on the chain's lock one by one.
 */
export async function openHookStore(runtime: HookRuntimeConfig): Promise<{ store: AuditStore; ledger: DeliveryLedger }> {
  const url = runtime.auditUrl;
  const kind = auditStoreKind(url);
  const leaseMs = runtime.config.delivery.lease_seconds * 1000;
  if (kind === 'postgres') {
    const store = await openAuditStore(url, { cwd: runtime.dir });
    const { createPostgresLedger } = await import('./ledger-postgres.js');
    return { store, ledger: createPostgresLedger(url, { leaseMs }) };
  }
  if (kind !== 'file') throw configError(`audit.url: the hook server keeps its records in PostgreSQL or a file, not in a ${kind}: store`);
  const store = await openAuditStore(url, { cwd: runtime.dir });
  const rest = url.slice('file:'.length);
  const file = rest.startsWith('//') ? fileURLToPath(url) : path.resolve(runtime.dir, rest);
  const { createFileLedger } = await import('./ledger.js');
  try {
    return { store, ledger: await createFileLedger(store, file, { leaseMs }) };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
