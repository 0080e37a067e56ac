export const id = 106;
export const ids = [106];
export const modules = {

/***/ 53106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   APPROVED_VERDICTS: () => (/* binding */ APPROVED_VERDICTS),
/* harmony export */   findPreviousDecisions: () => (/* binding */ findPreviousDecisions),
/* harmony export */   lookupPreviousDecisions: () => (/* binding */ lookupPreviousDecisions),
/* harmony export */   previousDecisionOf: () => (/* binding */ previousDecisionOf),
/* harmony export */   readPreviousDecisions: () => (/* binding */ readPreviousDecisions)
/* harmony export */ });
/* harmony import */ var _engine_compile_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40807);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47374);
/* harmony import */ var _stores_open_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(72540);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81234);





/**
 * The previous approved decision of each model, for the CEL variable `previous`: the latest
 * decision record of the model whose verdict let it through. `warn` counts as well as `pass`:
 * a warning does not block, so the data of a `warn` decision was released too, and leaving it
 * out would let a model that always warns escape every comparison.
 */
const APPROVED_VERDICTS = ['pass', 'warn'];
/** What a policy sees of a decision record; a record written before observations has no datasets and a null digest. */
function previousDecisionOf(record) {
    return {
        decision_id: record.id,
        seq: record.seq,
        time: record.time,
        verdict: record.verdict,
        version: record.subject.version,
        datasets: record.observations?.datasets ?? [],
        datasets_digest: record.observations?.datasets_digest ?? null,
        datasets_total: record.observations?.datasets_total ?? 0,
    };
}
/**
 * Reads the whole chain through the verifier, keeping each model's latest approved decision.
 * A chain that does not verify gives no answer rather than an older one: a record edited or
 * removed after the break could be exactly the decision a rule needs.
 */
async function findPreviousDecisions(batches) {
    const verifier = (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .createChainVerifier */ .mG)();
    const decisions = new Map();
    for await (const batch of batches) {
        for (const entry of batch) {
            const { record, broken } = verifier.read(entry);
            if (!record)
                return { unavailable: `the audit trail does not verify: ${(0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .describeBroken */ .lk)(broken)}` };
            if (record.kind === 'decision' && APPROVED_VERDICTS.includes(record.verdict))
                decisions.set(record.subject.model, previousDecisionOf(record));
        }
    }
    return { decisions };
}
/**
 * The edges' one call (CLI `check --audit`, the Action's `audit` input): reads the previous
 * approved decisions from the store the decision will be recorded in, when the policy has a
 * rule that reads `previous`. Undefined when there is no store or no such rule. Never throws
 * for the store itself: a store that cannot be read makes `previous` unknown, and the rules
 * that read it give `error`. An unsupported URL is still a usage error.
 */
async function lookupPreviousDecisions(policy, url, options) {
    if (url === undefined || !(0,_engine_compile_js__WEBPACK_IMPORTED_MODULE_0__/* .policyReads */ ._I)(policy, 'previous'))
        return undefined;
    (0,_stores_open_js__WEBPACK_IMPORTED_MODULE_3__.auditStoreKind)(url);
    let store;
    try {
        store = await (0,_stores_open_js__WEBPACK_IMPORTED_MODULE_3__.openAuditStore)(url, { cwd: options.cwd, ...(options.github && { github: options.github }) });
        return await readPreviousDecisions(policy, store);
    }
    catch (error) {
        if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isModelgateError */ .j$)(error) && error.code === 'usage')
            throw error;
        return unreadable(error, store);
    }
    finally {
        await store?.close().catch(() => undefined);
    }
}
/**
 * The same lookup in a store that is already open (the hook server keeps one for its life).
 * Undefined when no rule reads `previous`; never throws.
 */
async function readPreviousDecisions(policy, store) {
    if (!(0,_engine_compile_js__WEBPACK_IMPORTED_MODULE_0__/* .policyReads */ ._I)(policy, 'previous'))
        return undefined;
    try {
        return await findPreviousDecisions(store.readEntries());
    }
    catch (error) {
        return unreadable(error, store);
    }
}
function unreadable(error, store) {
    // A trail that does not exist yet is an empty trail: its first append creates it.
    if (isMissingTrailFile(error))
        return { decisions: new Map() };
    return { unavailable: `the audit trail${store ? ` ${store.description}` : ''} cannot be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}` };
}
function isMissingTrailFile(error) {
    return error instanceof _store_js__WEBPACK_IMPORTED_MODULE_2__/* .AuditStoreError */ .VK && error.trailMissing;
}


/***/ }),

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

/***/ 72540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_AUDIT_BRANCH: () => (/* binding */ DEFAULT_AUDIT_BRANCH),
/* harmony export */   SUPPORTED_AUDIT_URLS: () => (/* binding */ SUPPORTED_AUDIT_URLS),
/* harmony export */   auditStoreKind: () => (/* binding */ auditStoreKind),
/* harmony export */   openAuditStore: () => (/* binding */ openAuditStore),
/* harmony export */   parseGitHubStoreUrl: () => (/* binding */ parseGitHubStoreUrl)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71013);




const SUPPORTED_AUDIT_URLS = 'file:PATH (JSON Lines, relative to the current directory), github:[OWNER/REPO][#BRANCH] (a branch of a GitHub repository, default branch modelgate/audit) ' +
    'or postgres://user:password@host:port/database[?chain=NAME]';
/** The branch a `github:` store writes to when its URL names none. */
const DEFAULT_AUDIT_BRANCH = 'modelgate/audit';
const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const GITHUB_REPO = /^[A-Za-z0-9._-]{1,100}$/;
/** Reads `github:`, `github:#BRANCH`, `github:OWNER/REPO` or `github:OWNER/REPO#BRANCH`; a usage error for anything else. */
function parseGitHubStoreUrl(url) {
    const rest = url.slice('github:'.length);
    const hash = rest.indexOf('#');
    const name = hash === -1 ? rest : rest.slice(0, hash);
    const branch = hash === -1 ? DEFAULT_AUDIT_BRANCH : rest.slice(hash + 1);
    const usage = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ('usage', `--audit ${url}: ${why}; write github:OWNER/REPO, github:OWNER/REPO#BRANCH, or github: for the repository the Action runs in`);
    let repository;
    if (name !== '') {
        const [owner, repo, ...extra] = name.split('/');
        if (!owner || !repo || extra.length > 0)
            throw usage(`"${name}" is not OWNER/REPO`);
        if (!GITHUB_OWNER.test(owner))
            throw usage(`"${owner}" is not a GitHub user or organization name`);
        if (!GITHUB_REPO.test(repo) || repo === '.' || repo === '..')
            throw usage(`"${repo}" is not a repository name`);
        repository = { owner, repo };
    }
    const invalid = branchNameProblem(branch);
    if (invalid)
        throw usage(`"${branch}" is not a branch name (${invalid})`);
    return { repository, branch };
}
/** Why `git check-ref-format` would refuse `refs/heads/<name>`, or undefined when it is a valid branch name. */
function branchNameProblem(name) {
    if (name === '')
        return 'empty';
    if (/[\p{Cc} ~^:?*[\\]/u.test(name))
        return 'no spaces, control characters or any of ~ ^ : ? * [ \\';
    if (name.includes('..') || name.includes('@{') || name === '@')
        return 'no "..", "@{" or a lone "@"';
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'no empty part between slashes';
    if (name.endsWith('.') || name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
        return 'no part starting with "." or ending with ".lock", and no "." at the end';
    return undefined;
}
/** Which store a URL names; throws a usage error for anything else, before any work is done. */
function auditStoreKind(url) {
    if (/^file:/i.test(url)) {
        if (url.slice('file:'.length).trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ('usage', `--audit ${url}: the file: URL needs a path, e.g. file:audit/records.jsonl`);
        return 'file';
    }
    if (/^postgres(ql)?:\/\//i.test(url))
        return 'postgres';
    if (/^github:/i.test(url)) {
        parseGitHubStoreUrl(url);
        return 'github';
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ('usage', `--audit ${redact(url)}: unsupported audit store; use ${SUPPORTED_AUDIT_URLS}`);
}
/**
 * Opens the store a URL names. Each store is imported only here, when it is used, so that a
 * run without `--audit` never loads a database driver.
 */
async function openAuditStore(url, options) {
    const kind = auditStoreKind(url);
    if (kind === 'file') {
        const { createFileStore } = await Promise.all(/* import() */[__webpack_require__.e(696), __webpack_require__.e(634)]).then(__webpack_require__.bind(__webpack_require__, 69402));
        const rest = url.slice('file:'.length);
        // `file:///abs/path` is a standard file URL; `file:some/path` is a path relative to the current directory.
        const absolute = rest.startsWith('//') ? (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(url) : node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.cwd, rest);
        // Shown as the user wrote it, so messages name the file they typed.
        const shown = rest.startsWith('//') ? absolute : rest;
        return createFileStore(absolute, { shownPath: shown, ...(options.lock && { lock: options.lock }) });
    }
    if (kind === 'github')
        return openGitHubStore(url, options);
    const { createPostgresStore } = await Promise.all(/* import() */[__webpack_require__.e(23), __webpack_require__.e(696), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 75770));
    return createPostgresStore(url, { ...(options.retry && { retry: options.retry }) });
}
/**
 * In the Action, the store uses the Action's client; elsewhere a client made from the
 * environment: the token from GITHUB_TOKEN (or GH_TOKEN), the API root from GITHUB_API_URL.
 */
async function openGitHubStore(url, options) {
    const target = parseGitHubStoreUrl(url);
    const usage = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ModelgateError */ .HJ('usage', `--audit ${url}: ${why}`);
    let client;
    let repository;
    if (options.github) {
        client = options.github.client;
        repository = target.repository ?? options.github.repository;
    }
    else {
        const env = options.env ?? process.env;
        const current = env.GITHUB_REPOSITORY?.trim();
        if (target.repository)
            repository = target.repository;
        else if (current && /^[^/\s]+\/[^/\s]+$/.test(current))
            repository = parseGitHubStoreUrl(`github:${current}`).repository;
        else
            throw usage('github: without OWNER/REPO names the repository of a GitHub Actions run (GITHUB_REPOSITORY), which is not set; write github:OWNER/REPO');
        const token = env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim();
        if (!token)
            throw usage(`set GITHUB_TOKEN (or GH_TOKEN) to a token that may read the contents of ${repository.owner}/${repository.repo} (and write them, to append)`);
        const baseUrl = env.GITHUB_API_URL?.trim() || 'https://api.github.com';
        if (!/^https?:\/\/[^\s]+$/.test(baseUrl))
            throw usage('GITHUB_API_URL must be an http(s) URL, e.g. https://api.github.com or https://github.example.com/api/v3');
        const { createGitHubClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 43154));
        client = createGitHubClient({ token, baseUrl, log: options.log ?? stderrLog(), userAgent: `modelgate/${_version_js__WEBPACK_IMPORTED_MODULE_3__/* .VERSION */ .x}` });
    }
    const { createGitHubStore } = await Promise.all(/* import() */[__webpack_require__.e(696), __webpack_require__.e(133)]).then(__webpack_require__.bind(__webpack_require__, 91195));
    return createGitHubStore(client, { repository, branch: target.branch }, { ...(options.retry && { retry: options.retry }) });
}
/** Waits on rate limits are worth a line on standard error; request details are not. */
function stderrLog() {
    return {
        debug: () => undefined,
        info: () => undefined,
        warning: (message) => process.stderr.write(`modelgate: ${message}\n`),
    };
}
/** A URL as it may be shown: never with its password. */
function redact(url) {
    return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
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


/***/ })

};
