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
        const { createFileStore } = await Promise.all(/* import() */[__webpack_require__.e(374), __webpack_require__.e(714)]).then(__webpack_require__.bind(__webpack_require__, 69402));
        const rest = url.slice('file:'.length);
        // `file:///abs/path` is a standard file URL; `file:some/path` is a path relative to the current directory.
        const absolute = rest.startsWith('//') ? (0,node_url__WEBPACK_IMPORTED_MODULE_1__.fileURLToPath)(url) : node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(options.cwd, rest);
        // Shown as the user wrote it, so messages name the file they typed.
        const shown = rest.startsWith('//') ? absolute : rest;
        return createFileStore(absolute, { shownPath: shown, ...(options.lock && { lock: options.lock }) });
    }
    if (kind === 'github')
        return openGitHubStore(url, options);
    const { createPostgresStore } = await Promise.all(/* import() */[__webpack_require__.e(23), __webpack_require__.e(374), __webpack_require__.e(624)]).then(__webpack_require__.bind(__webpack_require__, 75770));
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
    const { createGitHubStore } = await Promise.all(/* import() */[__webpack_require__.e(374), __webpack_require__.e(565)]).then(__webpack_require__.bind(__webpack_require__, 91195));
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


/***/ })

};
