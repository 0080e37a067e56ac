import { describeError } from '../errors.js';
import type { RegistryArtefacts, Source } from './config.js';
import type { DeliveryServices, HookReply } from './delivery.js';
import type { CallOptions } from './http.js';
import type { HookRuntimeConfig } from './load-config.js';
import type { FetchedFile } from './workspace.js';

/** A request to a hook route, as the server hands it over: headers (lower-case names) and the raw body. */
export interface HookRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type HookHandler = (request: HookRequest) => Promise<HookReply>;

/** What every registry's hook is given: the configuration, the delivery services and a way to make calls. */
export interface HookContext {
  runtime: HookRuntimeConfig;
  services: DeliveryServices;
  /** Options for one kind of call to a registry: timeout, retries, body bound, metrics. */
  callOptions(registry: Source | 's3', operation: string): CallOptions;
}

export function header(request: HookRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function rejected(reason: string, outcome: 'unauthorized' | 'stale' = 'unauthorized'): HookReply {
  return { status: 401, body: { result: 'rejected', reason }, outcome };
}

export function badRequest(reason: string): HookReply {
  return { status: 400, body: { result: 'rejected', reason }, outcome: 'bad_request' };
}

export function ignored(reason: string): HookReply {
  return { status: 200, body: { result: 'ignored', reason }, outcome: 'ignored' };
}

/** Every configured artefact path of a model, each once. */
export function artefactPaths(artefacts: RegistryArtefacts): string[] {
  return [...new Set(Object.values(artefacts).flatMap((spec) => spec?.paths ?? []))];
}

/**
 * Fetches files in parallel; a fetch that throws makes that file unreadable (with the
 * reason), so one failure never hides which files were read.
 */
export async function fetchFiles(paths: readonly string[], fetch: (path: string) => Promise<Uint8Array | undefined>): Promise<Map<string, FetchedFile>> {
  const entries = await Promise.all(
    paths.map(async (path): Promise<[string, FetchedFile]> => {
      try {
        const bytes = await fetch(path);
        return [path, bytes === undefined ? { missing: true } : { bytes }];
      } catch (error) {
        return [path, { error: describeError(error) }];
      }
    }),
  );
  return new Map(entries);
}
