export const id = 195;
export const ids = [195,584];
export const modules = {

/***/ 91195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubStore: () => (/* binding */ createGitHubStore)
/* harmony export */ });
/* unused harmony exports recordPath, commitMessage, parseCommitHead */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96584);
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

/***/ 96584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T1: () => (/* binding */ isPermissionDenied),
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient),
/* harmony export */   eK: () => (/* binding */ isRequestError),
/* harmony export */   tM: () => (/* binding */ describeRequestError)
/* harmony export */ });
/* unused harmony exports DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_MAX_PAGES, GitHubFault, paginateAll, requestSent */
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(53053);
/* harmony import */ var node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_diagnostics_channel__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11758);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(49735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(86856);




/** GitHub answers within seconds; a request still open after this long is abandoned and tried again. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** 100 items a page: 20,000 items, far beyond what any list the Action reads holds (the files API stops at 3000). */
const DEFAULT_MAX_PAGES = 200;
/**
 * An Octokit for the Action: REST methods and pagination from `@actions/github`, retries of
 * server errors and waits on rate limits. The token goes only into the Authorization header;
 * Octokit redacts it from errors and nothing here logs it.
 */
function createGitHubClient(options) {
    const retries = options.retries ?? 3;
    const guard = guardRequests(options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, options.signal);
    const retryAfterBaseValue = options.retryAfterBaseValue ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const where = `${request.method} ${new URL(request.url, 'http://github.invalid').pathname}`;
        if (retryCount < retries) {
            options.log.warning(`GitHub ${kind} on ${where}: waiting ${retryAfter}s, then retry ${retryCount + 1} of ${retries}`);
            return true;
        }
        options.log.warning(`GitHub ${kind} on ${where}: no retries left`);
        return false;
    };
    const client = (0,_actions_github__WEBPACK_IMPORTED_MODULE_1__/* .getOctokit */ .Q)(options.token, {
        baseUrl: options.baseUrl.replace(/\/+$/, ''),
        userAgent: options.userAgent ?? 'modelgate-action',
        log: {
            debug: (message) => options.log.debug(message),
            info: (message) => options.log.debug(message),
            warn: (message) => options.log.warning(message),
            error: (message) => options.log.warning(message),
        },
        // 429 is left to plugin-throttling, which waits for GitHub's Retry-After; plugin-retry would retry at once.
        retry: { retries, retryAfterBaseValue, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
        throttle: {
            retryAfterBaseValue,
            fallbackSecondaryRateRetryAfter: 60,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
            ...options.throttle,
        },
    }, 
    // The guard comes first, so it sits inside plugin-retry: every try gets its own timeout, and a fault it finds is retried.
    guard, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_2__/* .retry */ .L, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A);
    maxPagesOf.set(client, options.maxPages ?? DEFAULT_MAX_PAGES);
    return client;
}
const maxPagesOf = new WeakMap();
/**
 * An answer GitHub did not give as it should, as far as the Action can tell: no answer within
 * the timeout, a success whose body is not the JSON it announced, a pagination that does not
 * end. It carries a 5xx-like `status` and the `request`, so plugin-retry tries a request again
 * (when `retried`), and every caller treats it as it treats an API failure: it fails closed.
 */
class GitHubFault extends Error {
    request;
    retried;
    name = 'GitHubFault';
    status = 502;
    constructor(message, request, 
    /** Whether the request was tried again before giving up (false for a pagination that never ends). */
    retried = true) {
        super(message);
        this.request = request;
        this.retried = retried;
    }
}
/**
 * An Octokit plugin on every try of every request: a timeout (and the run's time limit) on the
 * whole exchange, headers and body; a success whose JSON body did not arrive whole (a reset
 * connection, a broken proxy) is a fault instead of a string where a list should be; a raw
 * body is read to the end here, so that a cut download is tried again too.
 */
function guardRequests(timeoutMs, runSignal) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, parameters) => {
            const tried = parameters;
            const timeout = AbortSignal.timeout(timeoutMs);
            const signal = runSignal ? AbortSignal.any([timeout, runSignal]) : timeout;
            // Set on the options object itself: the hooks inside this one (the token's) were bound to it.
            tried.request = { ...tried.request, signal };
            const abandoned = () => {
                if (runSignal?.aborted)
                    return runSignal.reason;
                return new GitHubFault(`no complete answer within ${formatSeconds(timeoutMs)}`, tried);
            };
            let response;
            try {
                response = (await request(tried));
            }
            catch (error) {
                if (signal.aborted)
                    throw abandoned();
                throw error;
            }
            if (tried.request?.parseSuccessResponseBody === false && isStream(response.data)) {
                try {
                    response = { ...response, data: new Uint8Array(await new Response(response.data).arrayBuffer()) };
                }
                catch (error) {
                    if (signal.aborted)
                        throw abandoned();
                    throw new GitHubFault(`the answer (HTTP ${response.status}) was cut off: ${describeCause(error)}`, tried);
                }
            }
            if (tried.request?.parseSuccessResponseBody !== false && expectsJson(response) && (typeof response.data !== 'object' || response.data === null)) {
                // Octokit gives a body it could not read or parse as a string (often empty): never a list or an object to go on with.
                if (signal.aborted)
                    throw abandoned();
                const received = typeof response.data === 'string' ? `${Buffer.byteLength(response.data)} bytes` : 'no body';
                throw new GitHubFault(`the answer (HTTP ${response.status}) is not the JSON it announced (${received})`, tried);
            }
            return response;
        });
    };
}
function expectsJson(response) {
    if (response.status === 204 || response.status === 205)
        return false;
    return /^application\/(?:[\w.+-]+\+)?json\b/i.test(String(response.headers['content-type'] ?? ''));
}
function isStream(data) {
    return typeof data === 'object' && data !== null && typeof data.getReader === 'function';
}
/** `terminated (other side closed)`: fetch's error and the socket's reason under it. */
function describeCause(error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    return cause && cause !== message ? `${message} (${cause})` : message;
}
function formatSeconds(milliseconds) {
    return milliseconds % 1000 === 0 ? `${milliseconds / 1000} s` : `${milliseconds} ms`;
}
/**
 * Every item of a list endpoint, page after page by the `Link` header, as `client.paginate`
 * gives them, but bounded: a `next` link back to a page already read, or more pages than the
 * client's `maxPages`, is a GitHubFault instead of a run that never ends.
 */
async function paginateAll(client, 
// The REST method, e.g. client.rest.pulls.listFiles; typed loosely because Octokit's route types do not compose here.
method, parameters) {
    const maxPages = maxPagesOf.get(client) ?? DEFAULT_MAX_PAGES;
    const items = [];
    const seen = new Set();
    let pages = 0;
    const iterator = client.paginate.iterator(method, parameters);
    for await (const response of iterator) {
        const where = { method: 'GET', url: response.url };
        if (seen.has(response.url))
            throw new GitHubFault(`the pagination does not end: the Link header leads back to a page already read (${pathOf(response.url)})`, where, false);
        seen.add(response.url);
        pages += 1;
        if (!Array.isArray(response.data))
            throw new GitHubFault(`page ${pages} of the list is not a list`, where);
        items.push(...response.data);
        if (pages >= maxPages && hasNext(response))
            throw new GitHubFault(`the pagination does not end: more than ${maxPages} pages`, where, false);
    }
    return items;
}
function hasNext(response) {
    const link = response.headers?.link;
    return typeof link === 'string' && /rel="next"/.test(link);
}
function pathOf(url) {
    const parsed = new URL(url, 'http://github.invalid');
    return `${parsed.pathname}${parsed.search}`;
}
/** Whether an error is an answer from the GitHub API (as opposed to a network failure or a bug). */
function isRequestError(error) {
    return error instanceof Error && typeof error.status === 'number' && error.status >= 300;
}
/** A 403 for a missing permission, as opposed to a rate limit that ran out of retries. */
function isPermissionDenied(error) {
    if (!isRequestError(error))
        return false;
    if (error.status === 404)
        return true;
    if (error.status !== 403)
        return false;
    return !/rate limit/i.test(error.message) && error.response?.headers?.['x-ratelimit-remaining'] !== '0';
}
/**
 * A failed request in words, for a log line or the step's failure message: method, path,
 * status and GitHub's message. Never the headers, so never the token.
 */
function describeRequestError(error) {
    if (!isRequestError(error))
        return error instanceof Error ? error.message : String(error);
    const request = error.request;
    const url = request?.url ? new URL(request.url, 'http://github.invalid').pathname : 'a request';
    const message = error.message.replace(/\s*-\s*https:\/\/docs\.github\.com\S*/g, '').trim();
    const what = `${request?.method ?? 'GET'} ${url}`;
    if (error instanceof GitHubFault)
        return `${what}: ${message}`;
    // Octokit reports a connection that failed (refused, reset, cut) as status 500 without a response.
    if (!error.response)
        return `${what}: no answer (${message || 'the connection failed'})`;
    return `${what}: HTTP ${error.status}${message ? ` ${message}` : ''}`;
}
/** undici's diagnostics channel for a request whose headers were written to its socket. */
const HEADERS_SENT_CHANNEL = 'undici:client:sendHeaders';
/**
 * Resolves once a request is on its way: its headers written to a socket (undici, which the
 * client's fetch uses, reports that on a diagnostics channel), or `request` settled, whichever
 * comes first. Work that keeps the process busy can then wait for the answer without holding
 * up the request itself.
 */
function requestSent(request) {
    return new Promise((resolve) => {
        const sent = () => {
            unsubscribe(HEADERS_SENT_CHANNEL, sent);
            resolve();
        };
        subscribe(HEADERS_SENT_CHANNEL, sent);
        request.then(sent, sent);
    });
}


/***/ })

};
