export const id = 540;
export const ids = [540];
export const modules = {

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


/***/ }),

/***/ 71013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts

const VERSION = package_namespaceObject.rE;


/***/ })

};
