export const id = 584;
export const ids = [584];
export const modules = {

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
