export const id = 714;
export const ids = [714];
export const modules = {

/***/ 98273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98799);

/** RFC 8785 canonical JSON; also the exact text a store keeps, so that text has one reading. */
function canonicalJson(value) {
    const serialized = (0,canonicalize__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(value);
    if (serialized === undefined)
        throw new TypeError('value has no JSON form');
    return serialized;
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

/***/ 40447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ safeParseUnchanged),
/* harmony export */   OE: () => (/* binding */ firstIssue),
/* harmony export */   mv: () => (/* binding */ validateDocument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Validates a parsed document against a zod schema; the first problem becomes an
 * error at the file:line:column of the offending value.
 */
function validateDocument(doc, schema, what, code = 'config') {
    const result = schema.safeParse(doc.value);
    if (result.success)
        return result.data;
    const { issue, pointer: at } = firstIssue(result.error);
    const field = at.length > 0 ? `${at.join('.')}: ` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(code, `invalid ${what}: ${field}${issue.message}`, doc.locate(at));
}
/**
 * zod reports a value that matches no branch of a union as a bare "Invalid input";
 * the branch that got furthest into the value says what is actually wrong.
 */
function mostSpecific(issue) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0)
        return issue;
    const deepest = issue.errors
        .map((branch) => branch[0])
        .filter((candidate) => candidate !== undefined)
        .sort((a, b) => b.path.length - a.path.length)[0];
    return deepest ? mostSpecific({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}
/**
 * The issue to report and the pointer to the offending value. A misspelt key usually causes
 * the other issues (a required field "missing"), so it is reported first; for an unknown key
 * the pointer names the key itself.
 */
function firstIssue(error) {
    const issue = mostSpecific(error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0]);
    const offendingKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const pointer = [...issue.path, ...(offendingKey === undefined ? [] : [offendingKey])].filter((key) => typeof key !== 'symbol');
    return { issue, pointer };
}
/**
 * `schema.safeParse(value)`, without the copy when zod would return the value unchanged.
 *
 * zod builds a new object for every object it accepts, and reports through a payload per
 * field: for evidence of tens of thousands of items that cost more than parsing the file.
 * Most values are already exactly what the schema describes (adapters build them so), so a
 * check compiled once from the schema's own definition looks first: when it finds the
 * value certainly accepted and unchanged (no default to fill in, no key to strip, no string
 * to trim), the value itself is the result. Anything else, including every value zod
 * refuses and every schema construct the check does not know, goes to zod, which gives the
 * result and the issue to report. The check may be stricter than zod, never looser.
 */
function safeParseUnchanged(schema, value) {
    const accepts = unchangedCheckOf(schema);
    if (accepts?.(value))
        return { success: true, data: value };
    return schema.safeParse(value);
}
const SURROGATE = /[\uD800-\uDFFF]/;
/** String formats zod 4 checks with nothing but their pattern. */
const PATTERN_FORMATS = new Set(['regex', 'uuid', 'guid', 'datetime', 'date', 'time', 'duration', 'email', 'ipv4', 'lowercase', 'uppercase']);
const compiledChecks = new WeakMap();
function unchangedCheckOf(schema) {
    const node = schema;
    let check = compiledChecks.get(node);
    if (check === undefined) {
        check = compileUnchanged(node) ?? null;
        compiledChecks.set(node, check);
    }
    return check ?? undefined;
}
/** An object literal's kind of object: what zod's output is, so returning the value itself is the same. */
function isPlainRecord(value) {
    return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
/** Schema nodes being compiled: a recursive schema (a getter in a shape) is left to zod. */
const compiling = new Set();
/** The check for one schema node, or undefined for a construct it does not know (zod then decides). */
function compileUnchanged(node) {
    if (compiling.has(node))
        return undefined;
    compiling.add(node);
    try {
        return compileNode(node);
    }
    finally {
        compiling.delete(node);
    }
}
function compileNode(node) {
    const def = node._zod.def;
    const base = compileType(node);
    if (!base)
        return undefined;
    // A string format (z.uuid()), a number format (z.int()) or a custom schema is a check on itself.
    const own = def.check !== undefined && def.type !== 'custom' ? compileCheck(node) : undefined;
    if (def.check !== undefined && def.type !== 'custom' && !own)
        return undefined;
    const checks = own ? [own] : [];
    for (const check of def.checks ?? []) {
        const compiled = compileCheck(check);
        if (!compiled)
            return undefined;
        checks.push(compiled);
    }
    if (def.coerce)
        return undefined;
    if (checks.length === 0)
        return base;
    if (checks.length === 1) {
        const [only] = checks;
        return (value) => base(value) && only(value);
    }
    return (value) => {
        if (!base(value))
            return false;
        for (let index = 0; index < checks.length; index++)
            if (!checks[index](value))
                return false;
        return true;
    };
}
function compileType(node) {
    const def = node._zod.def;
    const inner = (key) => compileUnchanged(def[key]);
    switch (def.type) {
        case 'string':
            return (value) => typeof value === 'string';
        case 'number':
            return (value) => typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return (value) => typeof value === 'boolean';
        case 'null':
            return (value) => value === null;
        case 'any':
        case 'unknown':
            return () => true;
        case 'enum':
        case 'literal': {
            const values = node._zod.values;
            return values ? (value) => values.has(value) : undefined;
        }
        case 'custom': {
            const fn = def.fn;
            if (!fn)
                return () => true;
            return (value) => {
                const result = fn(value);
                return !(result instanceof Promise) && Boolean(result);
            };
        }
        case 'optional': {
            const check = inner('innerType');
            if (!check)
                return undefined;
            // A default inside fills in an absent value: a change, left to zod.
            if (def.innerType._zod.optin === 'defaulted')
                return (value) => value !== undefined && check(value);
            return (value) => value === undefined || check(value);
        }
        case 'nullable': {
            const check = inner('innerType');
            return check && ((value) => value === null || check(value));
        }
        case 'default': {
            const check = inner('innerType');
            return check && ((value) => value !== undefined && check(value));
        }
        case 'pipe': {
            const first = inner('in');
            const then = inner('out');
            return first && then && ((value) => first(value) && then(value));
        }
        case 'array': {
            const element = inner('element');
            return (element &&
                ((value) => {
                    if (!Array.isArray(value))
                        return false;
                    for (let index = 0; index < value.length; index++)
                        if (!element(value[index]))
                            return false;
                    return true;
                }));
        }
        case 'record':
            return compileRecord(def);
        case 'object':
            return compileObject(def);
        case 'union':
            return compileDiscriminatedUnion(def);
        default:
            return undefined;
    }
}
/**
 * An object's check is generated as code (as zod generates its own object parser): a
 * `switch` over the value's keys with the field names as literals lets the engine compare
 * interned names and call each field's check from its own call site. Fields seen are kept
 * in a bit mask, so objects of up to 30 fields are compiled; larger ones are left to zod.
 */
function compileObject(def) {
    const shape = def.shape;
    const keys = Object.keys(shape);
    if (keys.length > 30 || Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__'))
        return undefined;
    const checks = [];
    let required = 0;
    for (const [index, key] of keys.entries()) {
        const field = shape[key];
        const check = compileUnchanged(field);
        if (!check)
            return undefined;
        checks.push(check);
        // zod leaves out an absent key only for an optional field; any other it fills in or refuses.
        if (field._zod.optin !== 'optional')
            required |= 1 << index;
    }
    // Without a catchall zod strips unknown keys, with `never` it refuses them: a value with one is left to zod.
    const catchall = def.catchall;
    const rest = catchall && catchall._zod.def.type !== 'never' ? compileUnchanged(catchall) : undefined;
    if (catchall && catchall._zod.def.type !== 'never' && !rest)
        return undefined;
    // for-in gives every enumerable key, own or inherited, once: each is a field (checked as
    // zod reads it, `value[key]`) or another key. A field for-in does not give must be absent
    // altogether (`in`): a non-enumerable or inherited one is left to zod.
    const cases = keys.map((key, index) => `case ${JSON.stringify(key)}: if (!checks[${index}](value[key])) return false; seen |= ${1 << index}; break;`);
    const absent = keys.flatMap((key, index) => ((required >> index) & 1 ? [] : [`if (!(seen & ${1 << index}) && ${JSON.stringify(key)} in value) return false;`]));
    const source = `return function (value) {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== plain) return false;
    let seen = 0;
    for (const key in value) {
      switch (key) {
        ${cases.join('\n        ')}
        default: if (rest === undefined || key === '__proto__' || !Object.hasOwn(value, key) || !rest(value[key])) return false;
      }
    }
    if ((seen & ${required}) !== ${required}) return false;
    ${absent.join('\n    ')}
    return true;
  };`;
    try {
        return new Function('checks', 'rest', 'plain', source)(checks, rest, Object.prototype);
    }
    catch {
        // Code generation is disabled (--disallow-code-generation-from-strings): zod decides.
        return undefined;
    }
}
/** A discriminated union: zod parses with the one option its discriminator value names. Other unions are left to zod. */
function compileDiscriminatedUnion(def) {
    const discriminator = def.discriminator;
    if (typeof discriminator !== 'string' || def.unionFallback)
        return undefined;
    const optionByValue = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[discriminator];
        const check = compileUnchanged(option);
        if (!values || !check)
            return undefined;
        for (const value of values) {
            if (optionByValue.has(value))
                return undefined;
            optionByValue.set(value, check);
        }
    }
    return (value) => {
        if (typeof value !== 'object' || value === null)
            return false;
        const check = optionByValue.get(value[discriminator]);
        return check !== undefined && check(value);
    };
}
function compileRecord(def) {
    const keyType = def.keyType;
    // Keys from an enum make zod require each of them: left to zod.
    if (keyType._zod.values)
        return undefined;
    const key = compileUnchanged(keyType);
    const entry = compileUnchanged(def.valueType);
    if (!key || !entry)
        return undefined;
    return (value) => {
        if (!isPlainRecord(value) || Object.getOwnPropertySymbols(value).length > 0)
            return false;
        for (const name of Object.getOwnPropertyNames(value)) {
            if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name))
                return false;
            if (!key(name) || !entry(value[name]))
                return false;
        }
        return true;
    };
}
/** A zod check (`.min()`, `.trim()`, `.refine()`, `.regex()` ...), or undefined for one it does not know. */
function compileCheck(check) {
    const def = check._zod.def;
    switch (def.check) {
        case 'min_length': {
            const minimum = def.minimum;
            return (value) => {
                const units = value.length;
                if (units < minimum)
                    return false;
                // zod counts a string's code points: as many as its UTF-16 units when it has no surrogate.
                return typeof value !== 'string' || units >= minimum * 2 || !SURROGATE.test(value);
            };
        }
        case 'max_length': {
            const maximum = def.maximum;
            return (value) => value.length <= maximum;
        }
        case 'greater_than': {
            const limit = def.value;
            if (typeof limit !== 'number')
                return undefined;
            return def.inclusive ? (value) => value >= limit : (value) => value > limit;
        }
        case 'less_than': {
            const limit = def.value;
            if (typeof limit !== 'number')
                return undefined;
            return def.inclusive ? (value) => value <= limit : (value) => value < limit;
        }
        case 'overwrite': {
            // `.trim()` and the like: the value is unchanged only if the overwrite gives it back.
            const transform = def.tx;
            return (value) => Object.is(transform(value), value);
        }
        case 'custom': {
            const fn = def.fn;
            return (value) => {
                const result = fn(value);
                return !(result instanceof Promise) && Boolean(result);
            };
        }
        case 'number_format':
            // `.int()`: a safe integer. (Other formats bound 32-bit and float ranges: left to zod.)
            return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : undefined;
        case 'string_format': {
            // Formats that zod checks by their pattern alone; others (url, jwt, base64, ...) add checks of their own.
            const pattern = def.pattern;
            if (!PATTERN_FORMATS.has(def.format) || !(pattern instanceof RegExp))
                return undefined;
            return (value) => {
                pattern.lastIndex = 0;
                return pattern.test(value);
            };
        }
        default:
            return undefined;
    }
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
