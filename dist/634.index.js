export const id = 634;
export const ids = [634];
export const modules = {

/***/ 47374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ parseEntries),
/* harmony export */   VK: () => (/* binding */ AuditStoreError)
/* harmony export */ });
/* unused harmony export isMigratable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81234);


function isMigratable(store) {
    return typeof store.migrate === 'function';
}
/**
 * A store that cannot be used (unreachable, locked, damaged). A configuration-class error:
 * the run ends with exit code 2 and this message, so nothing is lost without a word.
 */
class AuditStoreError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ {
    /** The trail does not exist yet (no file, no branch): nothing was ever recorded there. */
    trailMissing;
    constructor(message, options = {}) {
        super('config', message);
        this.name = 'AuditStoreError';
        this.trailMissing = options.trailMissing ?? false;
    }
}
/**
 * Records from stored entries, each checked on its own (valid, hash matches). Links between
 * records are `verify`'s job; a record that is damaged by itself stops the reading here,
 * so a log or an export never shows an edited record as if it were sound.
 */
async function* parseEntries(batches) {
    for await (const batch of batches) {
        for (const entry of batch) {
            const checked = (0,_verify_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRecord */ .EQ)(entry);
            if ('reason' in checked)
                throw new AuditStoreError(`${entry.where}: ${checked.reason} (run \`modelgate audit verify\` to check the whole chain)`);
            yield checked.record;
        }
    }
}


/***/ }),

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


/***/ }),

/***/ 81234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EQ: () => (/* binding */ checkRecord),
  mG: () => (/* binding */ createChainVerifier),
  lk: () => (/* binding */ describeBroken)
});

// UNUSED EXPORTS: formatAnchor, parseAnchor, verifyChain, verifyEntries

// EXTERNAL MODULE: ./src/document/validate.ts
var validate = __webpack_require__(40447);
// EXTERNAL MODULE: ./src/audit/record.ts
var audit_record = __webpack_require__(7114);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/audit/sealed-line.ts


const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DIGEST_LENGTH = 64;
/** Longer `seq` values are left to the full check, which knows where integers stop being exact. */
const MAX_SEQ_DIGITS = 15;
const NULL = Buffer.from('null');
/** For `hash`, `prev`, `seq`: the member's opening (`,"seq":`) and the ending searched for (`q":`); undefined when a schema change left a link key without an ending of its own. */
const MEMBERS = membersOf(audit_record/* AuditRecordSchema */.eH);
/** Reused for the bytes that are hashed, so a long chain does not allocate one buffer per record. */
let scratch = Buffer.alloc(16 * 1024);
/** The links of a stored line whose bytes are a sealed record and hash to its `hash`; undefined otherwise. */
function sealedLinks(line) {
    if (!MEMBERS || line.length < 2 || line[0] !== OPEN_BRACE || line[line.length - 1] !== CLOSE_BRACE)
        return undefined;
    const hashStart = memberValue(line, MEMBERS.hash, 0);
    const hashEnd = hashStart + 1 + DIGEST_LENGTH;
    if (hashStart < 0 || line[hashStart] !== QUOTE || line[hashEnd] !== QUOTE)
        return undefined;
    const stored = line.toString('latin1', hashStart + 1, hashEnd);
    const memberStart = hashStart - MEMBERS.hash.opening.length;
    if (digestWithout(line, memberStart, hashEnd + 1) !== stored)
        return undefined;
    // The bytes are the sealed ones. In canonical order `id` comes right after `hash`, then `prev`, then `seq`.
    const idStart = hashEnd + 1 + ID_OPENING.length + 1;
    if (!bytesAt(line, hashEnd + 1, ID_OPENING) || line[idStart - 1] !== QUOTE)
        return undefined;
    const prevStart = memberValue(line, MEMBERS.prev, idStart);
    if (prevStart < 0)
        return undefined;
    const seqStart = memberValue(line, MEMBERS.seq, prevStart);
    const seq = seqStart < 0 ? undefined : integerAt(line, seqStart);
    let prev;
    if (bytesAt(line, prevStart, NULL) && line[prevStart + NULL.length] === COMMA)
        prev = null;
    else if (line[prevStart] === QUOTE && line[prevStart + 1 + DIGEST_LENGTH] === QUOTE)
        prev = line.toString('latin1', prevStart + 1, prevStart + 1 + DIGEST_LENGTH);
    else
        return undefined;
    if (seq === undefined)
        return undefined;
    return new SealedLine(seq, prev, stored, line, idStart);
}
const ID_OPENING = Buffer.from(',"id":');
/** The links, with the id read from the line only when a message needs it. */
class SealedLine {
    seq;
    prev;
    hash;
    line;
    idStart;
    constructor(seq, prev, hash, line, idStart) {
        this.seq = seq;
        this.prev = prev;
        this.hash = hash;
        this.line = line;
        this.idStart = idStart;
    }
    get id() {
        let end = this.idStart;
        while (end < this.line.length && this.line[end] !== QUOTE)
            end += this.line[end] === BACKSLASH ? 2 : 1;
        const raw = this.line.toString('utf8', this.idStart, end);
        return raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
    }
}
/** Where the value of the first `member` at or after `from` starts; -1 when there is none. */
function memberValue(line, member, from) {
    const ending = line.indexOf(member.ending, from);
    if (ending < 0)
        return -1;
    const valueStart = ending + member.ending.length;
    return bytesAt(line, valueStart - member.opening.length, member.opening) ? valueStart : -1;
}
/** sha256 (hex) of the line without the bytes [cutStart, cutEnd). */
function digestWithout(line, cutStart, cutEnd) {
    const length = line.length - (cutEnd - cutStart);
    if (scratch.length < length)
        scratch = Buffer.alloc(Math.max(length, scratch.length * 2));
    line.copy(scratch, 0, 0, cutStart);
    line.copy(scratch, cutStart, cutEnd);
    return (0,external_node_crypto_.hash)('sha256', scratch.subarray(0, length), 'hex');
}
/** A non-negative integer as canonical JSON writes it (no sign, no leading zero, no fraction), ending the member. */
function integerAt(line, start) {
    let value = 0;
    let at = start;
    for (; at < line.length && at - start <= MAX_SEQ_DIGITS; at += 1) {
        const byte = line[at];
        if (byte < DIGIT_0 || byte > DIGIT_9)
            break;
        value = value * 10 + (byte - DIGIT_0);
    }
    const digits = at - start;
    const next = line[at];
    if (digits < 1 || digits > MAX_SEQ_DIGITS || (digits > 1 && line[start] === DIGIT_0) || (next !== COMMA && next !== CLOSE_BRACE))
        return undefined;
    return value;
}
function bytesAt(line, at, expected) {
    if (at < 0 || at + expected.length > line.length)
        return false;
    for (let index = 0; index < expected.length; index += 1) {
        if (line[at + index] !== expected[index])
            return false;
    }
    return true;
}
/**
 * For each link key, its member opening and the shortest ending of its name that no other key
 * of a record, at any depth, ends with. Undefined when there is none, or when some nested
 * object may have keys of any name.
 */
function membersOf(schema) {
    const keys = keysOf(schema);
    if (!keys)
        return undefined;
    const member = (key) => {
        for (let length = 1; length <= key.length; length += 1) {
            const ending = key.slice(-length);
            if (keys.every((other) => other === key || !other.endsWith(ending)))
                return { opening: Buffer.from(`,"${key}":`), ending: Buffer.from(`${ending}":`) };
        }
        return undefined;
    };
    const [hash, prev, seq] = [member('hash'), member('prev'), member('seq')];
    return hash && prev && seq ? { hash, prev, seq } : undefined;
}
/** Every key of every object in a record, at any depth; undefined when some object may have keys of any name. */
function keysOf(schema) {
    const keys = new Set();
    const walk = (node) => {
        const def = node.def;
        switch (def.type) {
            case 'object':
                if (def.catchall && def.catchall.def.type !== 'never')
                    return false;
                return Object.entries(def.shape).every(([key, value]) => {
                    keys.add(key);
                    return walk(value);
                });
            case 'array':
                return walk(def.element);
            case 'optional':
            case 'nullable':
                return walk(def.innerType);
            case 'union':
                return def.options.every((option) => walk(option));
            case 'string':
            case 'number':
            case 'boolean':
            case 'null':
            case 'literal':
            case 'enum':
                return true;
            default:
                return false;
        }
    };
    return walk(schema) ? [...keys] : undefined;
}

;// CONCATENATED MODULE: ./src/audit/verify.ts



/**
 * A streaming verifier, so a long chain is checked in constant memory. Each record must hash
 * to its `hash`, have seq equal to its position, and link to the record before it with
 * `prev` (null for the first). Stored text must be the record's canonical JSON, so that no
 * parser can read a stored record differently from the one verified.
 *
 * `push` takes a stored line whose bytes are a sealed record (`sealedLinks`) without parsing
 * it: bytes identical to the sealed ones were valid when they were sealed. Any other entry,
 * and every entry given to `read`, gets the full check (parsed, validated, canonical), which
 * also names what is wrong with a damaged one.
 */
function createChainVerifier(options = {}) {
    let position = 0;
    let last;
    let broken;
    let anchorSeen = false;
    /** Why this record breaks the chain, if it does; undefined when it links up. */
    const whyBroken = (record) => {
        const expectedSeq = last ? last.seq + 1 : 0;
        if (record.seq !== expectedSeq) {
            let why;
            if (!last)
                why = 'the chain does not start at its first record';
            else if (record.seq === last.seq)
                why = 'duplicate seq';
            else if (record.seq > expectedSeq)
                why = 'records were deleted or moved';
            else
                why = 'records are out of order';
            return `expected seq ${expectedSeq}, found seq ${record.seq}: ${why}`;
        }
        if (!last && record.prev !== null) {
            return `the first record must have prev null, but it links to ${record.prev}: the chain does not start here`;
        }
        if (last && record.prev !== last.hash) {
            return `prev does not match the hash of the record before it (seq ${last.seq}, id ${last.id}): a record was changed or replaced`;
        }
        if (options.anchor && record.seq === options.anchor.seq) {
            if (record.hash !== options.anchor.hash) {
                return `the hash differs from the anchor ${options.anchor.seq}:${options.anchor.hash}: the chain was rewritten up to here`;
            }
            anchorSeen = true;
        }
        last = record;
        return undefined;
    };
    /** Links the checked record into the chain; the break when it is the first one. */
    const link = (entry, checked) => {
        let reason;
        let value;
        if ('reason' in checked) {
            reason = checked.reason;
            value = checked.value;
        }
        else if ('links' in checked) {
            reason = whyBroken(checked.links);
            value = checked.links;
        }
        else {
            reason = whyBroken(checked.record);
            value = checked.record;
        }
        if (reason === undefined) {
            position += 1;
            return undefined;
        }
        broken = brokenRecord(position, entry.where, reason, value);
        return broken;
    };
    return {
        push(entry) {
            if (broken)
                return undefined;
            const links = 'text' in entry && !entry.incomplete ? sealedLinks(entry.bytes ?? Buffer.from(entry.text)) : undefined;
            return link(entry, links ? { links } : checkRecord(entry));
        },
        read(entry) {
            if (broken)
                return {};
            const checked = checkRecord(entry);
            const breaks = link(entry, checked);
            return breaks ? { broken: breaks } : { record: checked.record };
        },
        finish() {
            const head = last && { seq: last.seq, hash: last.hash };
            if (!broken && options.anchor && !anchorSeen) {
                const end = last ? `ends at seq ${last.seq}` : 'is empty';
                broken = {
                    position,
                    reason: `the chain ${end}, but the anchor names seq ${options.anchor.seq}: records were removed from the end`,
                };
            }
            return { ok: !broken, checked: position, ...(head && { head }), ...(broken && { broken }) };
        },
    };
}
function brokenRecord(position, where, reason, value) {
    const record = isObject(value) ? value : {};
    return {
        position,
        ...(typeof record.seq === 'number' && { seq: record.seq }),
        ...(typeof record.id === 'string' && { id: record.id }),
        ...(where !== undefined && { where }),
        reason,
    };
}
/**
 * Checks one record on its own, without its neighbours: readable, valid, its hash matches its
 * content and, for stored text, the text is its canonical JSON. Stores use it on the head
 * before linking a new record to it.
 */
function checkRecord(entry) {
    let value;
    if ('text' in entry) {
        if (entry.incomplete)
            return { reason: 'the last line has no newline at its end: an interrupted write left it incomplete' };
        if (entry.text.trim() === '')
            return { reason: 'empty line where a record should be' };
        try {
            value = JSON.parse(entry.text);
        }
        catch (error) {
            return { reason: `not JSON (${error.message}): a damaged or partly written record` };
        }
    }
    else {
        value = entry.value;
    }
    if (!isObject(value))
        return { reason: 'not a JSON object', value };
    // Stored records are exactly what the schema describes: checked without zod copying each one.
    const parsed = (0,validate/* safeParseUnchanged */.MT)(audit_record/* AuditRecordSchema */.eH, value);
    if (!parsed.success)
        return { reason: `not a valid record: ${summarizeIssues(parsed.error)}`, value };
    const canonical = canonicalForm(value, parsed.data.hash, 'text' in entry ? entry.text : undefined);
    if ('reason' in canonical)
        return { reason: canonical.reason, value };
    // Before the hash: a line hashed as it stands, by a writer that is not a store, is named for what it is.
    if (!canonical.textIsCanonical) {
        return { reason: 'the stored text is not the canonical JSON (RFC 8785) of the record: it was rewritten', value };
    }
    if ((0,audit_record/* sha256OfCanonicalText */.AJ)(canonical.unsigned) !== parsed.data.hash)
        return { reason: "the hash does not match the record's content: the record was edited", value };
    return { record: parsed.data, value };
}
/**
 * The record's RFC 8785 canonical JSON without its `hash` (what `hashRecord` hashes), and
 * whether the stored text (if any) is the record's canonical JSON.
 *
 * Canonical JSON is JSON.stringify with every object's keys sorted by UTF-16 code units. A
 * record parsed from text whose keys already stand in that order is serialized by
 * JSON.stringify itself, which is native and many times faster than canonicalizing again;
 * when that equals the text, the text is canonical, and the text without its `"hash":"…"`
 * member is the canonical JSON that was hashed, so it is hashed as stored. (The first such
 * member is the top-level one: in canonical text `"hash":"` only stands as a key, a record
 * has no other `hash` key, and one holding its own hash would be a sha256 fixed point.)
 * Anything else (keys out of order, integer-like keys that JSON.parse reorders, a possible
 * unpaired surrogate, which has no canonical form, or a record given as a value) takes the
 * canonicalizer.
 */
function canonicalForm(record, hash, text) {
    if (text !== undefined && !text.includes('\\ud') && keysInCanonicalOrder(record)) {
        const member = `"hash":${JSON.stringify(hash)}`;
        const at = JSON.stringify(record) === text ? text.indexOf(member) : -1;
        if (at > 0) {
            // The member and the comma that joins it to its neighbour.
            const unsigned = text[at - 1] === ',' ? text.slice(0, at - 1) + text.slice(at + member.length) : text.slice(0, at) + text.slice(at + member.length + 1);
            return { unsigned, textIsCanonical: true };
        }
        // JSON.stringify leaves out a property whose value is undefined, in place.
        return { unsigned: JSON.stringify({ ...record, hash: undefined }), textIsCanonical: false };
    }
    try {
        const { hash: _hash, ...unsigned } = record;
        return { unsigned: (0,audit_record/* canonicalJson */.dj)(unsigned), textIsCanonical: text === undefined || (0,audit_record/* canonicalJson */.dj)(record) === text };
    }
    catch (error) {
        return { reason: `the record has no canonical JSON (RFC 8785): ${error.message}` };
    }
}
/** Whether every object in a JSON value has its keys in ascending UTF-16 code unit order. */
function keysInCanonicalOrder(value) {
    if (typeof value !== 'object' || value === null)
        return true;
    if (Array.isArray(value))
        return value.every(keysInCanonicalOrder);
    let previous;
    for (const key of Object.keys(value)) {
        if (previous !== undefined && !(previous < key))
            return false;
        previous = key;
        if (!keysInCanonicalOrder(value[key]))
            return false;
    }
    return true;
}
/** Verifies records held in memory (values, or stored text). */
function verifyChain(records, options = {}) {
    const verifier = createChainVerifier(options);
    let index = 0;
    for (const record of records) {
        index += 1;
        if (verifier.push({ value: record, where: `record ${index}` }))
            break;
    }
    return verifier.finish();
}
/** Verifies a store's entries as they stream in, stopping at the first break. */
async function verifyEntries(batches, options = {}) {
    const verifier = createChainVerifier(options);
    for await (const batch of batches) {
        if (batch.some((entry) => verifier.push(entry)))
            break;
    }
    return verifier.finish();
}
/** `<seq>:<hash>`, the form `audit verify` prints and reads as `--anchor`. */
function formatAnchor(head) {
    return `${head.seq}:${head.hash}`;
}
function parseAnchor(value) {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
    if (!match)
        return undefined;
    return { seq: Number(match[1]), hash: match[2] };
}
/** One line naming the record and why it breaks the chain. */
function describeBroken(broken) {
    const what = broken.seq !== undefined ? `record seq ${broken.seq}${broken.id ? ` (id ${broken.id})` : ''}` : `the entry at position ${broken.position}`;
    return `${what}${broken.where ? ` at ${broken.where}` : ''}: ${broken.reason}`;
}
function summarizeIssues(error) {
    const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'record'}: ${issue.message}`);
    return issues.join('; ') + (error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ }),

/***/ 98799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ canonicalize)
/* harmony export */ });
function hasLoneSurrogate (value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);

    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xDC00 && next <= 0xDFFF)) {
        return true;
      }
      i++;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      return true;
    }
  }

  return false;
}

function canonicalize (object, seen = new Set()) {
  if (typeof object === 'number' && isNaN(object)) {
    throw new Error('NaN is not allowed');
  }

  if (typeof object === 'number' && !isFinite(object)) {
    throw new Error('Infinity is not allowed');
  }

  if (typeof object === 'string' && hasLoneSurrogate(object)) {
    throw new Error('Lone surrogate is not allowed');
  }

  if (object === null || typeof object !== 'object') {
    return JSON.stringify(object);
  }

  if (typeof object.toJSON === 'function') {
    if (seen.has(object)) {
      throw new Error('Circular reference detected');
    }
    seen.add(object);
    const result = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result;
  }

  if (seen.has(object)) {
    throw new Error('Circular reference detected');
  }
  seen.add(object);

  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === undefined || typeof cv === 'symbol' ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(',')}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined || typeof object[key] === 'symbol') {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(',')}}`;
  }

  seen.delete(object);
  return result;
}


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p6: () => (/* binding */ date),
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13798);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDate */ .db(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODate */ .Brp, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
