export const id = 565;
export const ids = [565];
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
