import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelgateError } from '../../errors.js';
import type { AuditStore } from '../store.js';
import type { FileLockOptions } from './file-lock.js';
import type { RetryOptions } from './postgres-store.js';

export const SUPPORTED_AUDIT_URLS = 'file:PATH (JSON Lines, relative to the current directory) or postgres://user:password@host:port/database[?chain=NAME]';

export interface OpenAuditStoreOptions {
  /** Where relative `file:` paths start. */
  cwd: string;
  lock?: FileLockOptions;
  retry?: RetryOptions;
}

export type AuditStoreKind = 'file' | 'postgres';

/** Which store a URL names; throws a usage error for anything else, before any work is done. */
export function auditStoreKind(url: string): AuditStoreKind {
  if (/^file:/i.test(url)) {
    if (url.slice('file:'.length).trim() === '') throw new ModelgateError('usage', `--audit ${url}: the file: URL needs a path, e.g. file:audit/records.jsonl`);
    return 'file';
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  const planned = /^github:/i.test(url) ? ' (the github: store, a branch of the repository, is planned but not available yet)' : '';
  throw new ModelgateError('usage', `--audit ${redact(url)}: unsupported audit store${planned}; use ${SUPPORTED_AUDIT_URLS}`);
}

/**
 * Opens the store a URL names. Each store is imported only here, when it is used, so that a
 * run without `--audit` never loads a database driver.
 */
export async function openAuditStore(url: string, options: OpenAuditStoreOptions): Promise<AuditStore> {
  const kind = auditStoreKind(url);
  if (kind === 'file') {
    const { createFileStore } = await import('./file-store.js');
    const rest = url.slice('file:'.length);
    // `file:///abs/path` is a standard file URL; `file:some/path` is a path relative to the current directory.
    const absolute = rest.startsWith('//') ? fileURLToPath(url) : path.resolve(options.cwd, rest);
    // Shown as the user wrote it, so messages name the file they typed.
    const shown = rest.startsWith('//') ? absolute : rest;
    return createFileStore(absolute, { shownPath: shown, ...(options.lock && { lock: options.lock }) });
  }
  const { createPostgresStore } = await import('./postgres-store.js');
  return createPostgresStore(url, { ...(options.retry && { retry: options.retry }) });
}

/** A URL as it may be shown: never with its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}
