import { createReadStream } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { canonicalJson, sealRecord, type AuditHead, type AuditRecord, type UnsignedRecord } from '../record.js';
import { AuditStoreError, parseEntries, type AuditStore } from '../store.js';
import { checkRecord, type StoredEntry } from '../verify.js';
import { withFileLock, type FileLockOptions } from './file-lock.js';

/**
 * JSON Lines, one record per line in its canonical JSON. Safe for concurrent processes on one
 * machine: appends take an exclusive lock file, read only the file's last line for the head,
 * append their lines with one write and fsync. Appends made on one store while it is writing
 * are written together by its next write (group commit). Nothing is ever rewritten: a torn or
 * damaged last line stops every later append until a person has looked at it.
 */
export interface FileStoreOptions {
  /** The path as shown in messages (e.g. relative to where the command ran). */
  shownPath?: string;
  lock?: FileLockOptions;
}

const NEWLINE = 0x0a;
/** Reading the tail backwards in chunks this size keeps an append O(1) in the file's size. */
const TAIL_CHUNK = 64 * 1024;
/** Appends written under one lock hold at most: bounds the time the lock is held and the size of one write. */
const MAX_BATCH_RECORDS = 256;
/** Reads of a long chain in chunks this size: one await per chunk, not per record. */
const READ_CHUNK = 1024 * 1024;
/** A last line longer than this is not a record modelgate wrote. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

type Outcome = { record: AuditRecord } | { error: unknown };

interface PendingAppend {
  build: (head: AuditHead | undefined) => UnsignedRecord;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}

/** A line as read: most lines are verified from their bytes, so text and place are worked out only when asked for. */
class StoredLine implements StoredEntry {
  #text: string | undefined;

  constructor(
    readonly bytes: Buffer,
    private readonly file: string,
    private readonly line: number,
  ) {}

  get text(): string {
    this.#text ??= this.bytes.toString('utf8');
    return this.#text;
  }

  get where(): string {
    return `${this.file}:${this.line}`;
  }
}

export function createFileStore(file: string, options: FileStoreOptions = {}): AuditStore {
  const absolute = path.resolve(file);
  const shown = options.shownPath ?? file;
  const lockPath = `${absolute}.lock`;
  const shownLock = `${shown}.lock`;

  const readEntries = async function* (): AsyncGenerator<StoredEntry[]> {
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
    const stream = size === 0 ? [] : createReadStream(absolute, { start: 0, end: size - 1, highWaterMark: READ_CHUNK });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const batch: StoredEntry[] = [];
      let start = 0;
      for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, start)) {
        // A line within one chunk is a view of it; only a line across chunks is copied.
        let line = chunk.subarray(start, index);
        if (pending.length > 0) {
          line = Buffer.concat([...pending, line]);
          pending = [];
        }
        lineNumber += 1;
        offset += line.length + 1;
        start = index + 1;
        batch.push(new StoredLine(line, shown, lineNumber));
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
      if (batch.length > 0) yield batch;
    }
    if (pending.length === 0) return;
    lineNumber += 1;
    // A last line without its newline may be a write in progress: wait for the writer, then look again.
    const completed = await completeLastLine(absolute, offset, lockPath, shownLock, options.lock);
    if (completed !== undefined) yield [{ text: completed, where: `${shown}:${lineNumber}` }];
    else yield [{ text: Buffer.concat(pending).toString('utf8'), where: `${shown}:${lineNumber}`, incomplete: true }];
  };

  /**
   * Group commit: appends that arrive while a batch is being written wait, then go together
   * under one lock hold, one write and one fsync. Each caller still gets its own record, sealed
   * to the one before it, or an error; no caller is answered before its line is synced.
   */
  const waiting: PendingAppend[] = [];
  let writing: Promise<void> | undefined;
  /** The last line this store wrote and the file size after it: when the file still ends so, the head is known without parsing it. */
  let written: { line: Buffer; size: number; head: AuditHead } | undefined;

  const writeWaiting = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH_RECORDS);
      let outcomes: Outcome[];
      try {
        outcomes = await writeBatch(batch);
      } catch (error) {
        outcomes = batch.map(() => ({ error }));
      }
      // Answered once the lock is released, so a caller that ends its process right after leaves no lock behind.
      outcomes.forEach((outcome, index) => ('record' in outcome ? batch[index]!.resolve(outcome.record) : batch[index]!.reject(outcome.error)));
    }
    writing = undefined;
  };

  /** Seals and writes a batch: each append's record, or the error of its builder. Throws when nothing could be made durable. */
  const writeBatch = async (batch: PendingAppend[]): Promise<Outcome[]> => {
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
          let head = (await knownHead(handle, size)) ?? (await readHead(handle, size, absolute, shown));
          const outcomes: Outcome[] = [];
          const lines: Buffer[] = [];
          for (const pending of batch) {
            let record: AuditRecord;
            try {
              record = sealRecord(pending.build(head), head);
            } catch (error) {
              // This caller's record is refused; the others link to the head as it stands.
              outcomes.push({ error });
              continue;
            }
            outcomes.push({ record });
            lines.push(Buffer.from(`${canonicalJson(record)}\n`, 'utf8'));
            head = { seq: record.seq, hash: record.hash };
          }
          if (lines.length === 0) return outcomes;
          const data = lines.length === 1 ? lines[0]! : Buffer.concat(lines);
          await lock.assertHeld();
          written = undefined;
          await writeAll(handle, data, shown);
          await handle.sync();
          // A new file's directory entry must be durable too, or a crash could lose the whole file.
          if (size === 0) await syncFolder(path.dirname(absolute));
          written = { line: lines[lines.length - 1]!, size: size + data.length, head: head! };
          return outcomes;
        } finally {
          await handle.close();
        }
      },
      options.lock,
    );
  };

  /** The head this store wrote last, if the file still ends with exactly that line; undefined means read it from the file. */
  const knownHead = async (handle: FileHandle, size: number): Promise<AuditHead | undefined> => {
    if (!written || written.size !== size) return undefined;
    const from = size - written.line.length;
    // The line must start the file or follow a newline, so it is the whole last line and not the end of a longer one.
    const tail = await readAt(handle, Math.max(0, from - 1), from === 0 ? written.line.length : written.line.length + 1);
    const line = from === 0 ? tail : tail.subarray(1);
    if ((from > 0 && tail[0] !== NEWLINE) || !line.equals(written.line)) return undefined;
    return written.head;
  };

  return {
    description: `file:${shown}`,

    append(build) {
      return new Promise<AuditRecord>((resolve, reject) => {
        waiting.push({ build, resolve, reject });
        if (!writing) writing = writeWaiting();
      });
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
