import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Source } from './config.js';
import type { CallOutcome } from './http.js';

/** The hook server's Prometheus metrics, in a registry of its own (never prom-client's global one). */
export interface HookMetrics {
  registry: Registry;
  /** Every request to a hook route, by how it ended. */
  deliveries: Counter<'source' | 'outcome'>;
  /** Decisions recorded, by verdict. */
  decisions: Counter<'source' | 'verdict'>;
  /** Time from receiving a hook request to answering it. */
  hookDuration: Histogram<'source'>;
  /** Calls to registries, by outcome. */
  registryCalls: Histogram<'registry' | 'operation' | 'outcome'>;
}

export type DeliveryOutcome =
  | 'recorded'
  | 'duplicate'
  | 'ignored'
  | 'busy'
  | 'unauthorized'
  | 'stale'
  | 'bad_request'
  | 'too_large'
  | 'rate_limited'
  | 'failed';

export function createHookMetrics(): HookMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'modelgate_' });
  return {
    registry,
    deliveries: new Counter({
      name: 'modelgate_hook_deliveries_total',
      help: 'Requests to the hook routes, by registry and how they ended',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'modelgate_hook_decisions_total',
      help: 'Decisions recorded in the audit trail, by registry and verdict',
      labelNames: ['source', 'verdict'],
      registers: [registry],
    }),
    hookDuration: new Histogram({
      name: 'modelgate_hook_request_duration_seconds',
      help: 'Time to answer a hook request',
      labelNames: ['source'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    registryCalls: new Histogram({
      name: 'modelgate_registry_call_duration_seconds',
      help: 'Calls to registries (with their retries), by registry, operation and outcome',
      labelNames: ['registry', 'operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
  };
}

/** The `observe` hook of one kind of registry call. */
export function observeCall(metrics: HookMetrics, registry: Source | 's3', operation: string): (outcome: CallOutcome, seconds: number) => void {
  return (outcome, seconds) => metrics.registryCalls.observe({ registry, operation, outcome }, seconds);
}
