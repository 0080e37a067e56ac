export const id = 402;
export const ids = [402];
export const modules = {

/***/ 69402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createFileStore: () => (/* binding */ createFileStore)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/audit/record.ts
var audit_record = __webpack_require__(7114);
// EXTERNAL MODULE: ./src/audit/store.ts
var store = __webpack_require__(47374);
// EXTERNAL MODULE: ./src/audit/verify.ts + 1 modules
var verify = __webpack_require__(81234);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/audit/stores/file-lock.ts





const DEFAULT_LOCK_OPTIONS = { timeoutMs: 30_000, staleMs: 10_000, maxHoldMs: 10 * 60_000 };
/** Tokens of locks this process holds, so a lock left by an earlier process with our pid is recognised as stale. */
const heldHere = new Set();
/** Runs `task` while holding the lock at `lockPath`; the lock is released whatever happens. */
async function withFileLock(lockPath, shownPath, task, options = {}) {
    const settings = { ...DEFAULT_LOCK_OPTIONS, ...options };
    const owner = { pid: process.pid, host: (0,external_node_os_.hostname)(), token: (0,external_node_crypto_.randomUUID)(), since: new Date().toISOString() };
    const content = JSON.stringify(owner);
    // Known before the lock file exists: another waiter in this process must never take it for a leftover.
    heldHere.add(owner.token);
    try {
        await acquire(lockPath, shownPath, content, settings);
    }
    catch (error) {
        heldHere.delete(owner.token);
        throw error;
    }
    try {
        return await task({
            assertHeld: async () => {
                const now = await readLockFile(lockPath);
                if (now !== content)
                    throw new store/* AuditStoreError */.VK(`lost the lock ${shownPath} (another process broke it as stale); nothing was written`);
            },
        });
    }
    finally {
        // Released before the token is forgotten, or a waiter here could take the lock for a leftover while it is removed.
        await release(lockPath, content);
        heldHere.delete(owner.token);
    }
}
async function acquire(lockPath, shownPath, content, settings) {
    const deadline = Date.now() + settings.timeoutMs;
    let delay = 2;
    for (;;) {
        try {
            const handle = await (0,promises_.open)(lockPath, 'wx');
            try {
                await handle.writeFile(content);
            }
            finally {
                await handle.close();
            }
            return;
        }
        catch (error) {
            if (errorCode(error) !== 'EEXIST')
                throw new store/* AuditStoreError */.VK(`cannot create the lock ${shownPath}: ${error.message}`);
        }
        const seen = await inspect(lockPath);
        if (seen && isStale(seen, settings)) {
            await breakStale(lockPath, seen, settings);
            continue;
        }
        if (Date.now() >= deadline) {
            const who = seen?.owner ? `pid ${seen.owner.pid} on ${seen.owner.host} since ${seen.owner.since}` : 'an unknown process';
            throw new store/* AuditStoreError */.VK(`timed out after ${settings.timeoutMs / 1000} s waiting for the lock ${shownPath}, held by ${who}; if no modelgate process is writing, remove the lock file`);
        }
        // Jitter spreads the retries of many waiting processes so they do not wake in step.
        await (0,external_node_timers_promises_.setTimeout)(delay + Math.random() * delay);
        delay = Math.min(delay * 2, 50);
    }
}
/** The lock file as it is now, or undefined when it has just been released. */
async function inspect(lockPath) {
    try {
        const [info, content] = await Promise.all([(0,promises_.stat)(lockPath), (0,promises_.readFile)(lockPath, 'utf8')]);
        return { content, owner: parseOwner(content), mtimeMs: info.mtimeMs, ino: info.ino };
    }
    catch {
        return undefined;
    }
}
function parseOwner(content) {
    try {
        const value = JSON.parse(content);
        if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string' && typeof value.since === 'string') {
            return value;
        }
    }
    catch {
        // An owner still writing the file, or a file that is not ours: judged by age below.
    }
    return undefined;
}
function isStale(seen, settings) {
    const age = Date.now() - seen.mtimeMs;
    const { owner } = seen;
    if (!owner || owner.host !== (0,external_node_os_.hostname)())
        return age > settings.staleMs;
    if (age > settings.maxHoldMs)
        return true;
    if (owner.pid === process.pid)
        return !heldHere.has(owner.token);
    return !isAlive(owner.pid);
}
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
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
async function breakStale(lockPath, seen, settings) {
    const breaker = `${lockPath}.break`;
    let handle;
    try {
        handle = await (0,promises_.open)(breaker, 'wx');
    }
    catch {
        // Another process is breaking it; a breaker that died mid-way leaves an old file to clear.
        const info = await (0,promises_.stat)(breaker).catch(() => undefined);
        if (info && Date.now() - info.mtimeMs > settings.staleMs)
            await (0,promises_.unlink)(breaker).catch(() => undefined);
        else
            await (0,external_node_timers_promises_.setTimeout)(5);
        return;
    }
    try {
        const now = await inspect(lockPath);
        if (now && now.ino === seen.ino && now.content === seen.content && now.mtimeMs === seen.mtimeMs)
            await (0,promises_.unlink)(lockPath).catch(() => undefined);
    }
    finally {
        await handle.close();
        await (0,promises_.unlink)(breaker).catch(() => undefined);
    }
}
async function release(lockPath, content) {
    // Only our own lock is removed: if it was broken as stale, the file now belongs to someone else.
    const now = await readLockFile(lockPath);
    if (now === content)
        await (0,promises_.unlink)(lockPath).catch(() => undefined);
}
/** Lock files are small; one read is enough, and undefined stands for a lock that is gone. */
const LOCK_READ_BYTES = 4096;
/** The lock file's text, in three calls (open, one read, close) where readFile takes five: it is read twice per append. */
async function readLockFile(lockPath) {
    let handle;
    try {
        handle = await (0,promises_.open)(lockPath, 'r');
    }
    catch {
        return undefined;
    }
    try {
        const buffer = Buffer.alloc(LOCK_READ_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, LOCK_READ_BYTES, 0);
        return buffer.toString('utf8', 0, bytesRead);
    }
    catch {
        return undefined;
    }
    finally {
        await handle.close().catch(() => undefined);
    }
}
function errorCode(error) {
    return error?.code;
}

;// CONCATENATED MODULE: ./src/audit/stores/file-store.ts







const NEWLINE = 0x0a;
/** Reading the tail backwards in chunks this size keeps an append O(1) in the file's size. */
const TAIL_CHUNK = 64 * 1024;
/** Appends written under one lock hold at most: bounds the time the lock is held and the size of one write. */
const MAX_BATCH_RECORDS = 256;
/** Reads of a long chain in chunks this size: one await per chunk, not per record. */
const READ_CHUNK = 1024 * 1024;
/** A last line longer than this is not a record modelgate wrote. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;
/** A line as read: most lines are verified from their bytes, so text and place are worked out only when asked for. */
class StoredLine {
    bytes;
    file;
    line;
    #text;
    constructor(bytes, file, line) {
        this.bytes = bytes;
        this.file = file;
        this.line = line;
    }
    get text() {
        this.#text ??= this.bytes.toString('utf8');
        return this.#text;
    }
    get where() {
        return `${this.file}:${this.line}`;
    }
}
function createFileStore(file, options = {}) {
    const absolute = external_node_path_default().resolve(file);
    const shown = options.shownPath ?? file;
    const lockPath = `${absolute}.lock`;
    const shownLock = `${shown}.lock`;
    const readEntries = async function* () {
        let size;
        try {
            size = (await (0,promises_.stat)(absolute)).size;
        }
        catch (error) {
            if (error.code === 'ENOENT')
                throw new store/* AuditStoreError */.VK(`audit file not found: ${shown}`, { trailMissing: true });
            throw new store/* AuditStoreError */.VK(`cannot read the audit file ${shown}: ${error.message}`);
        }
        let lineNumber = 0;
        let offset = 0;
        let pending = [];
        // Only the bytes present at the start are read, so records appended meanwhile do not race the reader.
        const stream = size === 0 ? [] : (0,external_node_fs_.createReadStream)(absolute, { start: 0, end: size - 1, highWaterMark: READ_CHUNK });
        for await (const chunk of stream) {
            const batch = [];
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
            if (start < chunk.length)
                pending.push(chunk.subarray(start));
            if (batch.length > 0)
                yield batch;
        }
        if (pending.length === 0)
            return;
        lineNumber += 1;
        // A last line without its newline may be a write in progress: wait for the writer, then look again.
        const completed = await completeLastLine(absolute, offset, lockPath, shownLock, options.lock);
        if (completed !== undefined)
            yield [{ text: completed, where: `${shown}:${lineNumber}` }];
        else
            yield [{ text: Buffer.concat(pending).toString('utf8'), where: `${shown}:${lineNumber}`, incomplete: true }];
    };
    /**
     * Group commit: appends that arrive while a batch is being written wait, then go together
     * under one lock hold, one write and one fsync. Each caller still gets its own record, sealed
     * to the one before it, or an error; no caller is answered before its line is synced.
     */
    const waiting = [];
    let writing;
    /** The last line this store wrote and the file size after it: when the file still ends so, the head is known without parsing it. */
    let written;
    const writeWaiting = async () => {
        while (waiting.length > 0) {
            const batch = waiting.splice(0, MAX_BATCH_RECORDS);
            let outcomes;
            try {
                outcomes = await writeBatch(batch);
            }
            catch (error) {
                outcomes = batch.map(() => ({ error }));
            }
            // Answered once the lock is released, so a caller that ends its process right after leaves no lock behind.
            outcomes.forEach((outcome, index) => ('record' in outcome ? batch[index].resolve(outcome.record) : batch[index].reject(outcome.error)));
        }
        writing = undefined;
    };
    /** Seals and writes a batch: each append's record, or the error of its builder. Throws when nothing could be made durable. */
    const writeBatch = async (batch) => {
        await (0,promises_.mkdir)(external_node_path_default().dirname(absolute), { recursive: true }).catch((error) => {
            throw new store/* AuditStoreError */.VK(`cannot create the folder of the audit file ${shown}: ${error.message}`);
        });
        return withFileLock(lockPath, shownLock, async (lock) => {
            let handle;
            try {
                // `a+`: created when missing, every write goes to the end, and the tail can be read.
                handle = await (0,promises_.open)(absolute, 'a+');
            }
            catch (error) {
                throw new store/* AuditStoreError */.VK(`cannot open the audit file ${shown}: ${error.message}`);
            }
            try {
                const { size } = await handle.stat();
                let head = (await knownHead(handle, size)) ?? (await readHead(handle, size, absolute, shown));
                const outcomes = [];
                const lines = [];
                for (const pending of batch) {
                    let record;
                    try {
                        record = (0,audit_record/* sealRecord */.xe)(pending.build(head), head);
                    }
                    catch (error) {
                        // This caller's record is refused; the others link to the head as it stands.
                        outcomes.push({ error });
                        continue;
                    }
                    outcomes.push({ record });
                    lines.push(Buffer.from(`${(0,audit_record/* canonicalJson */.dj)(record)}\n`, 'utf8'));
                    head = { seq: record.seq, hash: record.hash };
                }
                if (lines.length === 0)
                    return outcomes;
                const data = lines.length === 1 ? lines[0] : Buffer.concat(lines);
                await lock.assertHeld();
                written = undefined;
                await writeAll(handle, data, shown);
                await handle.sync();
                // A new file's directory entry must be durable too, or a crash could lose the whole file.
                if (size === 0)
                    await syncFolder(external_node_path_default().dirname(absolute));
                written = { line: lines[lines.length - 1], size: size + data.length, head: head };
                return outcomes;
            }
            finally {
                await handle.close();
            }
        }, options.lock);
    };
    /** The head this store wrote last, if the file still ends with exactly that line; undefined means read it from the file. */
    const knownHead = async (handle, size) => {
        if (!written || written.size !== size)
            return undefined;
        const from = size - written.line.length;
        // The line must start the file or follow a newline, so it is the whole last line and not the end of a longer one.
        const tail = await readAt(handle, Math.max(0, from - 1), from === 0 ? written.line.length : written.line.length + 1);
        const line = from === 0 ? tail : tail.subarray(1);
        if ((from > 0 && tail[0] !== NEWLINE) || !line.equals(written.line))
            return undefined;
        return written.head;
    };
    return {
        description: `file:${shown}`,
        append(build) {
            return new Promise((resolve, reject) => {
                waiting.push({ build, resolve, reject });
                if (!writing)
                    writing = writeWaiting();
            });
        },
        readEntries,
        readAll() {
            return (0,store/* parseEntries */.Km)(readEntries());
        },
        async close() {
            // Nothing is kept open between calls.
        },
    };
}
/** The head from the file's last line, reading backwards from the end only as far as that line. */
async function readHead(handle, size, absolute, shown) {
    if (size === 0)
        return undefined;
    const last = await readAt(handle, size - 1, 1);
    if (last[0] !== NEWLINE) {
        const line = (await countNewlines(absolute)) + 1;
        throw new store/* AuditStoreError */.VK(`${shown}:${line}: the last line is incomplete (no newline at its end): an earlier write was interrupted. ` +
            'Nothing was appended; see "Recovering from a torn line" in docs/audit.md');
    }
    let start = 0;
    let end = size - 1;
    const parts = [];
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
        if (size - 1 - end > MAX_RECORD_BYTES)
            break;
    }
    const text = Buffer.concat(parts).toString('utf8');
    const checked = size - 1 - start > MAX_RECORD_BYTES ? { reason: `longer than ${MAX_RECORD_BYTES} bytes` } : (0,verify/* checkRecord */.EQ)({ text, where: shown });
    if ('reason' in checked) {
        const line = await countNewlines(absolute);
        throw new store/* AuditStoreError */.VK(`${shown}:${line}: the last record cannot be linked to: ${checked.reason}. Nothing was appended; run \`modelgate audit verify\``);
    }
    return { seq: checked.record.seq, hash: checked.record.hash };
}
async function readAt(handle, position, length) {
    const buffer = Buffer.alloc(length);
    let filled = 0;
    while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return buffer.subarray(0, filled);
}
/** A short write is continued; a failed one is reported, and the torn line it leaves stops later appends. */
async function writeAll(handle, data, shown) {
    let written = 0;
    try {
        while (written < data.length) {
            const { bytesWritten } = await handle.write(data, written, data.length - written, null);
            written += bytesWritten;
        }
    }
    catch (error) {
        const state = written === 0 ? 'nothing was written' : `${written} of ${data.length} bytes were written, leaving a torn last line`;
        throw new store/* AuditStoreError */.VK(`cannot write to the audit file ${shown}: ${error.message} (${state})`);
    }
}
async function syncFolder(folder) {
    const handle = await (0,promises_.open)(folder, 'r');
    try {
        await handle.sync();
    }
    catch {
        // Some filesystems cannot fsync a directory; the record itself is already synced.
    }
    finally {
        await handle.close();
    }
}
/** Only on the error path, to name the line: counting is O(size). */
async function countNewlines(absolute) {
    let count = 0;
    for await (const chunk of (0,external_node_fs_.createReadStream)(absolute)) {
        for (let index = chunk.indexOf(NEWLINE); index !== -1; index = chunk.indexOf(NEWLINE, index + 1))
            count += 1;
    }
    return count;
}
/**
 * The rest of a last line that had no newline when it was read. Taking the lock waits out a
 * writer in the middle of its write; if the line is still incomplete then, it is torn.
 * A reader that cannot take the lock (a read-only copy) judges the line as it is.
 */
async function completeLastLine(absolute, offset, lockPath, shownLock, lockOptions) {
    const readRest = async () => {
        const handle = await (0,promises_.open)(absolute, 'r');
        try {
            const { size } = await handle.stat();
            const rest = await readAt(handle, offset, size - offset);
            const newline = rest.indexOf(NEWLINE);
            return newline === -1 ? undefined : rest.subarray(0, newline).toString('utf8');
        }
        finally {
            await handle.close();
        }
    };
    try {
        return await withFileLock(lockPath, shownLock, readRest, { ...lockOptions, timeoutMs: lockOptions?.timeoutMs ?? 5_000 });
    }
    catch {
        return readRest();
    }
}


/***/ })

};
