import { randomUUID } from 'node:crypto';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditStoreError } from '../store.js';

/**
 * An exclusive lock between processes on one machine, from node's own primitives: the lock
 * is a file created with O_CREAT|O_EXCL (`wx`), which exactly one process can win, holding
 * its owner's pid, host and a random token. A lock whose owner died is recognised and broken.
 */
export interface FileLockOptions {
  /** How long to wait for the lock before giving up. */
  timeoutMs?: number;
  /**
   * A lock whose owner cannot be checked (empty or unreadable, or taken on another host) is
   * stale after this long; the time between creating a lock file and writing its owner is tiny.
   */
  staleMs?: number;
  /**
   * A lock held longer than this is stale even when its pid is alive: the pid was reused.
   * Holders keep the lock for one tail read, one write and one fsync.
   */
  maxHoldMs?: number;
}

export const DEFAULT_LOCK_OPTIONS: Required<FileLockOptions> = { timeoutMs: 30_000, staleMs: 10_000, maxHoldMs: 10 * 60_000 };

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  since: string;
}

/** Tokens of locks this process holds, so a lock left by an earlier process with our pid is recognised as stale. */
const heldHere = new Set<string>();

export interface HeldLock {
  /** Fails when the lock file no longer holds our token (someone broke it): write nothing then. */
  assertHeld(): Promise<void>;
}

/** Runs `task` while holding the lock at `lockPath`; the lock is released whatever happens. */
export async function withFileLock<T>(lockPath: string, shownPath: string, task: (lock: HeldLock) => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const settings = { ...DEFAULT_LOCK_OPTIONS, ...options };
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomUUID(), since: new Date().toISOString() };
  const content = JSON.stringify(owner);
  // Known before the lock file exists: another waiter in this process must never take it for a leftover.
  heldHere.add(owner.token);
  try {
    await acquire(lockPath, shownPath, content, settings);
  } catch (error) {
    heldHere.delete(owner.token);
    throw error;
  }
  try {
    return await task({
      assertHeld: async () => {
        const now = await readLockFile(lockPath);
        if (now !== content) throw new AuditStoreError(`lost the lock ${shownPath} (another process broke it as stale); nothing was written`);
      },
    });
  } finally {
    // Released before the token is forgotten, or a waiter here could take the lock for a leftover while it is removed.
    await release(lockPath, content);
    heldHere.delete(owner.token);
  }
}

async function acquire(lockPath: string, shownPath: string, content: string, settings: Required<FileLockOptions>): Promise<void> {
  const deadline = Date.now() + settings.timeoutMs;
  let delay = 2;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw new AuditStoreError(`cannot create the lock ${shownPath}: ${(error as Error).message}`);
    }
    const seen = await inspect(lockPath);
    if (seen && isStale(seen, settings)) {
      await breakStale(lockPath, seen, settings);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = seen?.owner ? `pid ${seen.owner.pid} on ${seen.owner.host} since ${seen.owner.since}` : 'an unknown process';
      throw new AuditStoreError(
        `timed out after ${settings.timeoutMs / 1000} s waiting for the lock ${shownPath}, held by ${who}; if no modelgate process is writing, remove the lock file`,
      );
    }
    // Jitter spreads the retries of many waiting processes so they do not wake in step.
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

interface SeenLock {
  content: string;
  owner: LockOwner | undefined;
  mtimeMs: number;
  ino: number;
}

/** The lock file as it is now, or undefined when it has just been released. */
async function inspect(lockPath: string): Promise<SeenLock | undefined> {
  try {
    const [info, content] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    return { content, owner: parseOwner(content), mtimeMs: info.mtimeMs, ino: info.ino };
  } catch {
    return undefined;
  }
}

function parseOwner(content: string): LockOwner | undefined {
  try {
    const value = JSON.parse(content) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' && typeof value.since === 'string') {
      return value as LockOwner;
    }
  } catch {
    // An owner still writing the file, or a file that is not ours: judged by age below.
  }
  return undefined;
}

function isStale(seen: SeenLock, settings: Required<FileLockOptions>): boolean {
  const age = Date.now() - seen.mtimeMs;
  const { owner } = seen;
  if (!owner || owner.host !== hostname()) return age > settings.staleMs;
  if (age > settings.maxHoldMs) return true;
  if (owner.pid === process.pid) return !heldHere.has(owner.token);
  return !isAlive(owner.pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes a stale lock without removing a fresh one by mistake: breakers take turns through a
 * second lock file, and the lock is removed only if it is still the very file judged stale.
 * Without that, two processes that both saw the stale lock could each remove it, the second
 * deleting the lock the first had just taken.
 */
async function breakStale(lockPath: string, seen: SeenLock, settings: Required<FileLockOptions>): Promise<void> {
  const breaker = `${lockPath}.break`;
  let handle;
  try {
    handle = await open(breaker, 'wx');
  } catch {
    // Another process is breaking it; a breaker that died mid-way leaves an old file to clear.
    const info = await stat(breaker).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > settings.staleMs) await unlink(breaker).catch(() => undefined);
    else await sleep(5);
    return;
  }
  try {
    const now = await inspect(lockPath);
    if (now && now.ino === seen.ino && now.content === seen.content && now.mtimeMs === seen.mtimeMs) await unlink(lockPath).catch(() => undefined);
  } finally {
    await handle.close();
    await unlink(breaker).catch(() => undefined);
  }
}

async function release(lockPath: string, content: string): Promise<void> {
  // Only our own lock is removed: if it was broken as stale, the file now belongs to someone else.
  const now = await readLockFile(lockPath);
  if (now === content) await unlink(lockPath).catch(() => undefined);
}

/** Lock files are small; one read is enough, and undefined stands for a lock that is gone. */
const LOCK_READ_BYTES = 4096;

/** The lock file's text, in three calls (open, one read, close) where readFile takes five: it is read twice per append. */
async function readLockFile(lockPath: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(lockPath, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(LOCK_READ_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, LOCK_READ_BYTES, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } catch {
    return undefined;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
