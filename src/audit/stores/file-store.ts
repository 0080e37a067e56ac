import { createReadStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, sealRecord, type AuditHead } from '../record.js';
import { AuditStoreError, parseEntries, type AuditStore } from '../store.js';
import { checkRecord, type StoredEntry } from '../verify.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';

/**
 * JSON Lines, one record per line in its canonical JSON. Safe for concurrent processes on one
 * machine: appends take an exclusive lock file, read only the file's last line for the head,
 * append one line with one write and fsync. Nothing is ever rewritten: a torn or damaged last
 * line stops every later append until a person has looked at it.
 */
export interface FileStoreOptions {
  /** The path as shown in messages (e.g. relative to where the command ran). */
  shownPath?: string;
  lock?: FileLockOptions;
}

const NEWLINE = 0x0a;
/** Reading the tail backwards in chunks this size keeps an append O(1) in the file's size. */
const TAIL_CHUNK = 64 * 1024;
/** A last line longer than this is not a record modelgate wrote. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export function createFileStore(file: string, options: FileStoreOptions = {}): AuditStore {
  const absolute = path.resolve(file);
  const shown = options.shownPath ?? file;
  const lockPath = `${absolute}.lock`;
  const shownLock = `${shown}.lock`;

  const readEntries = async function* (): AsyncGenerator<StoredEntry> {
    let size: number;
    try {
      size = (await stat(absolute)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AuditStoreError(`audit file not found: ${shown}`, { trailMissing: true });
      throw new AuditStoreError(`cannot read the audit file ${shown}: ${(error as Error).message}`);
    }
    let lineNumber = 0;
    let offset = 0;
    let pending: Buffer[] = [];
    // Only the bytes present at the start are read, so records appended meanwhile do not race the reader.
    const stream = size === 0 ? [] : createReadStream(absolute, { start: 0, end: size - 1 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, start)) {
        pending.push(chunk.subarray(start, index));
        const line = Buffer.concat(pending);
        pending = [];
        lineNumber += 1;
        offset += line.length + 1;
        start = index + 1;
        yield { text: line.toString('utf8'), where: `${shown}:${lineNumber}` };
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
    if (pending.length === 0) return;
    lineNumber += 1;
    // A last line without its newline may be a write in progress: wait for the writer, then look again.
    const completed = await completeLastLine(absolute, offset, lockPath, shownLock, options.lock);
    if (completed !== undefined) yield { text: completed, where: `${shown}:${lineNumber}` };
    else yield { text: Buffer.concat(pending).toString('utf8'), where: `${shown}:${lineNumber}`, incomplete: true };
  };

  return {
    description: `file:${shown}`,

    async append(build) {
      await mkdir(path.dirname(absolute), { recursive: true }).catch((error: Error) => {
        throw new AuditStoreError(`cannot create the folder of the audit file ${shown}: ${error.message}`);
      });
      return withFileLock(
        lockPath,
        shownLock,
        async (lock) => {
          let handle: FileHandle;
          try {
            // `a+`: created when missing, every write goes to the end, and the tail can be read.
            handle = await open(absolute, 'a+');
          } catch (error) {
            throw new AuditStoreError(`cannot open the audit file ${shown}: ${(error as Error).message}`);
          }
          try {
            const { size } = await handle.stat();
            const head = await readHead(handle, size, absolute, shown);
            const record = sealRecord(build(head), head);
            const line = Buffer.from(`${canonicalJson(record)}\n`, 'utf8');
            await lock.assertHeld();
            await writeAll(handle, line, shown);
            await handle.sync();
            // A new file's directory entry must be durable too, or a crash could lose the whole file.
            if (size === 0) await syncFolder(path.dirname(absolute));
            return record;
          } finally {
            await handle.close();
          }
        },
        options.lock,
      );
    },

    readEntries,

    readAll() {
      return parseEntries(readEntries());
    },

    async close() {
      // Nothing is kept open between calls.
    },
  };
}

/** The head from the file's last line, reading backwards from the end only as far as that line. */
async function readHead(handle: FileHandle, size: number, absolute: string, shown: string): Promise<AuditHead | undefined> {
  if (size === 0) return undefined;
  const last = await readAt(handle, size - 1, 1);
  if (last[0] !== NEWLINE) {
    const line = (await countNewlines(absolute)) + 1;
    throw new AuditStoreError(
      `${shown}:${line}: the last line is incomplete (no newline at its end): an earlier write was interrupted. ` +
        'Nothing was appended; see "Recovering from a torn line" in docs/audit.md',
    );
  }
  let start = 0;
  let end = size - 1;
  const parts: Buffer[] = [];
  while (end > 0) {
    const from = Math.max(0, end - TAIL_CHUNK);
    const chunk = await readAt(handle, from, end - from);
    const newline = chunk.lastIndexOf(NEWLINE);
    if (newline !== -1) {
      parts.unshift(chunk.subarray(newline + 1));
      start = from + newline + 1;
      break;
    }
    parts.unshift(chunk);
    end = from;
    if (size - 1 - end > MAX_RECORD_BYTES) break;
  }
  const text = Buffer.concat(parts).toString('utf8');
  const checked = size - 1 - start > MAX_RECORD_BYTES ? { reason: `longer than ${MAX_RECORD_BYTES} bytes` } : checkRecord({ text, where: shown });
  if ('reason' in checked) {
    const line = await countNewlines(absolute);
    throw new AuditStoreError(`${shown}:${line}: the last record cannot be linked to: ${checked.reason}. Nothing was appended; run \`modelgate audit verify\``);
  }
  return { seq: checked.record.seq, hash: checked.record.hash };
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** A short write is continued; a failed one is reported, and the torn line it leaves stops later appends. */
async function writeAll(handle: FileHandle, data: Buffer, shown: string): Promise<void> {
  let written = 0;
  try {
    while (written < data.length) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, null);
      written += bytesWritten;
    }
  } catch (error) {
    const state = written === 0 ? 'nothing was written' : `${written} of ${data.length} bytes were written, leaving a torn last line`;
    throw new AuditStoreError(`cannot write to the audit file ${shown}: ${(error as Error).message} (${state})`);
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch {
    // Some filesystems cannot fsync a directory; the record itself is already synced.
  } finally {
    await handle.close();
  }
}

/** Only on the error path, to name the line: counting is O(size). */
async function countNewlines(absolute: string): Promise<number> {
  let count = 0;
  for await (const chunk of createReadStream(absolute) as AsyncIterable<Buffer>) {
    for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, index + 1)) count += 1;
  }
  return count;
}

/**
 * The rest of a last line that had no newline when it was read. Taking the lock waits out a
 * writer in the middle of its write; if the line is still incomplete then, it is torn.
 * A reader that cannot take the lock (a read-only copy) judges the line as it is.
 */
async function completeLastLine(absolute: string, offset: number, lockPath: string, shownLock: string, lockOptions: FileLockOptions | undefined): Promise<string | undefined> {
  const readRest = async () => {
    const handle = await open(absolute, 'r');
    try {
      const { size } = await handle.stat();
      const rest = await readAt(handle, offset, size - offset);
      const newline = rest.indexOf(NEWLINE);
      return newline === -1 ? undefined : rest.subarray(0, newline).toString('utf8');
    } finally {
      await handle.close();
    }
  };
  try {
    return await withFileLock(lockPath, shownLock, readRest, { ...lockOptions, timeoutMs: lockOptions?.timeoutMs ?? 5_000 });
  } catch {
    return readRest();
  }
}
