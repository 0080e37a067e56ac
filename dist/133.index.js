export const id = 133;
export const ids = [133];
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

/***/ 91195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubStore: () => (/* binding */ createGitHubStore)
/* harmony export */ });
/* unused harmony exports recordPath, commitMessage, parseCommitHead */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43154);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7114);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47374);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81234);





const DEFAULT_RETRY = { attempts: 25, baseDelayMs: 200, maxDelayMs: 5_000 };
const RECORDS_FOLDER = 'records';
/** A file name holds 12 digits: enough for 10^12 records, and names sort in chain order. */
const MAX_SEQ = 1e12 - 1;
const SEQ_TRAILER = 'Modelgate-Audit-Seq';
const HASH_TRAILER = 'Modelgate-Audit-Hash';
/** Where the record with this seq is kept on the branch. */
function recordPath(seq) {
    if (!Number.isSafeInteger(seq) || seq < 0 || seq > MAX_SEQ)
        throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`seq ${seq} has no place on an audit branch (0 to ${MAX_SEQ})`);
    const pad = (value, width) => String(value).padStart(width, '0');
    return `${RECORDS_FOLDER}/${pad(Math.floor(seq / 1e6), 6)}/${pad(Math.floor(seq / 1e3), 9)}/${pad(seq, 12)}.json`;
}
/** The commit message of the commit adding `record`: a readable subject and the chain head as trailers. */
function commitMessage(record) {
    const about = [record.kind, record.subject?.model, record.subject?.version, record.verdict].filter((part) => typeof part === 'string' && part !== '');
    // Model names come from repository files: one line, no control characters, so they cannot forge a trailer.
    const subject = `audit record ${record.seq}: ${about.join(' ')}`.replace(/\p{Cc}+/gu, ' ').slice(0, 200);
    return `${subject}\n\n${SEQ_TRAILER}: ${record.seq}\n${HASH_TRAILER}: ${record.hash}\n`;
}
/** The chain head a commit message names, or undefined when modelgate did not write the commit. */
function parseCommitHead(message) {
    const match = new RegExp(`\\n\\n${SEQ_TRAILER}: (\\d{1,13})\\n${HASH_TRAILER}: ([0-9a-f]{64})\\n?$`).exec(message);
    if (!match)
        return undefined;
    return { seq: Number(match[1]), hash: match[2] };
}
const BRANCH_README = `# Audit trail

This branch holds modelgate's audit records: one file per record under \`records/\`, each the
record's canonical JSON (RFC 8785), chained by hash. modelgate only ever adds files here.
Do not edit, delete or force-push: \`modelgate audit verify\` detects any change.
`;
function createGitHubStore(client, target, options = {}) {
    const { owner, repo } = target.repository;
    const { branch } = target;
    const shown = `github:${owner}/${repo}#${branch}`;
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const readConcurrency = Math.max(1, options.readConcurrency ?? 8);
    const fail = (error, doing, outcome = '') => {
        if (error instanceof _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK)
            return error;
        return new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: cannot ${doing}: ${explain(error)}${outcome}`);
    };
    const call = async (doing, request, outcome = '') => {
        try {
            return (await request()).data;
        }
        catch (error) {
            throw fail(error, doing, outcome);
        }
    };
    /** The branch's commit, tree and chain head; undefined when the branch does not exist. */
    const readBranchHead = async () => {
        let commitSha;
        try {
            const { data } = await client.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
            if (data.object.type !== 'commit')
                throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: the branch points at a ${data.object.type}, not a commit`);
            commitSha = data.object.sha;
        }
        catch (error) {
            if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 404)
                return undefined;
            throw fail(error, 'read the branch');
        }
        const commit = await call('read the branch head commit', () => client.rest.git.getCommit({ owner, repo, commit_sha: commitSha }));
        return { commit: commitSha, tree: commit.tree.sha, chain: parseCommitHead(commit.message) };
    };
    /** A file's exact text at a commit; undefined when there is no such file. */
    const readFileAt = async (commit, path) => {
        let data;
        try {
            data = (await client.rest.repos.getContent({ owner, repo, path, ref: commit })).data;
        }
        catch (error) {
            if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 404)
                return undefined;
            throw fail(error, `read ${path}`);
        }
        if (Array.isArray(data) || data.type !== 'file')
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: ${path} is not a file`);
        // Files over 1 MB come without their content (encoding "none"): read them as blobs.
        if (data.encoding === 'base64')
            return Buffer.from(data.content, 'base64').toString('utf8');
        return readBlob(data.sha, path);
    };
    const readBlob = async (sha, path) => {
        const blob = await call(`read ${path}`, () => client.rest.git.getBlob({ owner, repo, file_sha: sha }));
        if (blob.encoding !== 'base64')
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: ${path}: unexpected blob encoding "${blob.encoding}"`);
        return Buffer.from(blob.content, 'base64').toString('utf8');
    };
    /**
     * The head record, checked before anything links to it: it must be where the head commit
     * says, valid, and the record the commit names. Damage is reported, never built upon.
     */
    const checkedChainHead = async (head) => {
        if (!head.chain) {
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: the branch head commit ${head.commit.slice(0, 12)} was not written by modelgate (its message names no chain head): ` +
                `the branch must hold only audit records. Nothing was appended; run \`modelgate audit verify --audit ${shown}\`, or use another branch (github:OWNER/REPO#BRANCH)`);
        }
        const path = recordPath(head.chain.seq);
        const where = `${branch}:${path}`;
        const text = await readFileAt(head.commit, path);
        const refuse = (why) => new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${where}: the last record cannot be linked to: ${why}. Nothing was appended; run \`modelgate audit verify --audit ${shown}\``);
        if (text === undefined)
            throw refuse(`the head commit names seq ${head.chain.seq}, but the file is missing`);
        const checked = (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRecord */ .EQ)({ text, where });
        if ('reason' in checked)
            throw refuse(checked.reason);
        if (checked.record.seq !== head.chain.seq || checked.record.hash !== head.chain.hash) {
            throw refuse(`it is seq ${checked.record.seq} with hash ${checked.record.hash}, but the head commit names seq ${head.chain.seq} with hash ${head.chain.hash}`);
        }
        return head.chain;
    };
    /** Whether `record` is on the branch at `head`: an attempt whose answer was lost may have landed. */
    const hasLanded = async (record, head) => {
        if (!head.chain || head.chain.seq < record.seq)
            return false;
        if (head.chain.seq === record.seq)
            return head.chain.hash === record.hash;
        return (await readFileAt(head.commit, recordPath(record.seq))) === (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .dj)(record);
    };
    /**
     * After a ref update that failed: the record, if it landed after all (a lost answer);
     * otherwise the failure, saying whether anything was stored.
     */
    const confirm = async (record, failure) => {
        let landed;
        try {
            const head = await readBranchHead();
            landed = head !== undefined && (await hasLanded(record, head));
        }
        catch {
            throw failure(' (the record may or may not have been stored: run `modelgate audit log` to see)');
        }
        if (landed)
            return record;
        throw failure('; nothing was appended');
    };
    const readEntries = async function* () {
        const head = await readBranchHead();
        if (!head)
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: the branch ${branch} does not exist (nothing was recorded yet, the name is wrong, or the token cannot see the repository)`, { trailMissing: true });
        const root = await listTree(head.tree, '');
        const records = root.find((entry) => entry.path === RECORDS_FOLDER);
        if (!records)
            return;
        if (records.type !== 'tree')
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: ${RECORDS_FOLDER} is not a folder`);
        // Files in path order (names are zero-padded, so that is chain order), fetched a few at a time ahead of the reader.
        const files = walkFiles(records.sha, RECORDS_FOLDER);
        const ahead = [];
        let listed = false;
        try {
            for (;;) {
                while (!listed && ahead.length < readConcurrency) {
                    const next = await files.next();
                    if (next.done) {
                        listed = true;
                        break;
                    }
                    const { path, sha } = next.value;
                    const entry = readBlob(sha, path).then((text) => ({ text, where: `${branch}:${path}` }));
                    // Handled here so a reader that stops early leaves no unhandled rejection; awaited below.
                    entry.catch(() => undefined);
                    ahead.push(entry);
                }
                const entry = ahead.shift();
                if (!entry)
                    return;
                yield [await entry];
            }
        }
        finally {
            await files.return(undefined);
        }
    };
    const listTree = async (sha, path) => {
        const tree = await call(`list ${path || 'the branch'}`, () => client.rest.git.getTree({ owner, repo, tree_sha: sha }));
        // Shards hold at most a thousand entries; a truncated listing would hide records, so it is refused.
        if (tree.truncated)
            throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: the listing of ${path || 'the branch'} was truncated by GitHub: the branch does not have the audit layout`);
        return tree.tree.map((entry) => ({ path: entry.path, type: entry.type, sha: entry.sha }));
    };
    const walkFiles = async function* (sha, path) {
        const entries = (await listTree(sha, path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        for (const entry of entries) {
            const child = `${path}/${entry.path}`;
            if (entry.type === 'tree')
                yield* walkFiles(entry.sha, child);
            else if (entry.type === 'blob')
                yield { path: child, sha: entry.sha };
            else
                throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: ${child} is a ${entry.type}, not a record file`);
        }
    };
    return {
        description: shown,
        async append(build) {
            // The record of the last attempt whose ref update failed: its answer may have been lost after it landed.
            let attempted;
            for (let attempt = 1;; attempt += 1) {
                const head = await readBranchHead();
                if (attempted && head && (await hasLanded(attempted, head)))
                    return attempted;
                const chainHead = head ? await checkedChainHead(head) : undefined;
                const record = (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .sealRecord */ .xe)(build(chainHead), chainHead);
                const files = [{ path: recordPath(record.seq), mode: '100644', type: 'blob', content: (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .dj)(record) }];
                if (!head)
                    files.push({ path: 'README.md', mode: '100644', type: 'blob', content: BRANCH_README });
                const tree = await call('write the record', () => client.rest.git.createTree({ owner, repo, tree: files, ...(head && { base_tree: head.tree }) }), '; nothing was appended');
                const commit = await call('write the record', () => client.rest.git.createCommit({ owner, repo, message: commitMessage(record), tree: tree.sha, parents: head ? [head.commit] : [] }), '; nothing was appended');
                attempted = record;
                try {
                    // Compare-and-swap: the update succeeds only if the branch still points at the parent (or a commit before it).
                    if (head)
                        await client.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha, force: false });
                    else
                        await client.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit.sha });
                    return record;
                }
                catch (error) {
                    if (!isRefConflict(error))
                        return confirm(record, (outcome) => fail(error, head ? 'move the branch to the new record' : 'create the branch', outcome));
                    if (attempt >= retry.attempts) {
                        const reason = `other writers moved the branch first ${attempt} times in a row (last answer: ${(0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRequestError */ .tM)(error)})`;
                        return confirm(record, (outcome) => new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: cannot append a record: ${reason}${outcome}`));
                    }
                }
                // Full jitter: writers that lost together do not come back together.
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
            }
        },
        readEntries,
        readAll() {
            return (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEntries */ .Km)(readEntries());
        },
        async close() {
            // Nothing is kept open between calls.
        },
    };
}
/** GitHub's answers when a compare-and-swap lost: another writer moved or created the branch first. */
function isRefConflict(error) {
    return (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error) && error.status === 422 && /not a fast forward|Reference update failed|Reference already exists/i.test(error.message);
}
/** A failed request in words, with what to do about the common causes. Never the token. */
function explain(error) {
    const described = (0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRequestError */ .tM)(error);
    if (!(0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isRequestError */ .eK)(error))
        return described;
    if (error.status === 401)
        return `${described}: the token was refused`;
    if (error.status === 404)
        return `${described}: the repository does not exist or the token cannot see it`;
    if (error.status === 409)
        return `${described}: the repository is empty or unavailable; the Git Data API cannot write to a repository without commits, so push a first commit`;
    if ((0,_github_client_js__WEBPACK_IMPORTED_MODULE_1__/* .isPermissionDenied */ .T1)(error))
        return `${described}: the token may not do this; appending needs the contents: write permission, reading needs contents: read`;
    return described;
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
