export const id = 478;
export const ids = [478];
export const modules = {

/***/ 58851:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y2: () => (/* binding */ parseJsonBody),
/* harmony export */   aI: () => (/* binding */ RegistryCallError),
/* harmony export */   oy: () => (/* binding */ callRegistry)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var p_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74995);





class RegistryCallError extends Error {
    failure;
    status;
    name = 'RegistryCallError';
    constructor(message, failure, status) {
        super(message);
        this.failure = failure;
        this.status = status;
    }
}
/** One registry call, described by `what` in errors (e.g. "MLflow model-versions/get"). */
async function callRegistry(what, spec, options) {
    const started = process.hrtime.bigint();
    let outcome = 'ok';
    try {
        const response = await (0,p_retry__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .Ay)(() => attempt(what, spec, options), {
            retries: spec.idempotent === false ? 0 : options.retries,
            minTimeout: options.minDelayMs ?? 200,
            maxTimeout: 5_000,
            factor: 2,
            randomize: true,
            shouldRetry: ({ error }) => error instanceof RegistryCallError && isTransient(error),
        });
        if (response.status === 404)
            outcome = 'not_found';
        return response;
    }
    catch (error) {
        outcome = outcomeOf(error);
        if (error instanceof RegistryCallError)
            throw error;
        throw new RegistryCallError(`${what}: ${error instanceof Error ? error.message : String(error)}`, 'unreachable');
    }
    finally {
        options.observe?.(outcome, Number(process.hrtime.bigint() - started) / 1e9);
    }
}
/** Decoding without `stream` keeps no state between calls, so one decoder serves every answer. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/** The body of an answer as JSON; anything else is a `malformed` failure naming the call. */
function parseJsonBody(what, response) {
    try {
        return JSON.parse(STRICT_UTF8.decode(response.body));
    }
    catch {
        throw new RegistryCallError(`${what}: the answer (HTTP ${response.status}) is not valid JSON`, 'malformed', response.status);
    }
}
function isTransient(error) {
    if (error.failure === 'unreachable' || error.failure === 'timeout')
        return true;
    return error.failure === 'status' && error.status !== undefined && (error.status === 429 || error.status >= 500);
}
function outcomeOf(error) {
    if (!(error instanceof RegistryCallError))
        return 'unreachable';
    if (error.failure === 'status')
        return error.status !== undefined && error.status >= 500 ? 'server_error' : 'client_error';
    return error.failure;
}
/**
 * Connections to registries stay open between calls (HTTP keep-alive), so an event's calls do
 * not each pay for a new connection. A call that must not be repeated gets a connection of its
 * own: a kept connection the server has just closed would fail it, and it is never tried again.
 */
const KEPT = { 'http:': new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true }), 'https:': new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true }) };
const SINGLE = { 'http:': new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: false }), 'https:': new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: false }) };
/** Redirects followed in one try, as many as fetch follows. */
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Content codings a registry may use although the request asks for none. */
const DECODERS = new Map([
    ['gzip', node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip],
    ['x-gzip', node_zlib__WEBPACK_IMPORTED_MODULE_3__.createGunzip],
    ['deflate', node_zlib__WEBPACK_IMPORTED_MODULE_3__.createInflate],
    ['br', node_zlib__WEBPACK_IMPORTED_MODULE_3__.createBrotliDecompress],
]);
/**
 * One try over node:http(s), which costs about half the CPU of fetch per call (a hook event
 * makes eight): the answer's status, headers and bounded body, following
 * redirects as fetch does (a 303, or a 301/302 after a POST, continues as a GET; credentials
 * never go to another origin). One deadline covers connecting, redirects and the whole body.
 */
function attempt(what, spec, options) {
    const headers = { accept: 'application/json', 'accept-encoding': 'identity', ...spec.headers };
    let body;
    if (spec.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(spec.json);
    }
    const agents = spec.idempotent === false ? SINGLE : KEPT;
    return new Promise((resolve, reject) => {
        let current;
        let settled = false;
        const finish = (error, response) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            if (error) {
                current?.destroy();
                reject(error);
            }
            else
                resolve(response);
        };
        const timer = setTimeout(() => finish(new RegistryCallError(`${what}: no answer within ${options.timeoutMs / 1000} s`, 'timeout')), options.timeoutMs);
        const send = (url, method, sent, payload, redirects) => {
            const agent = url.protocol === 'http:' || url.protocol === 'https:' ? agents[url.protocol] : undefined;
            if (!agent)
                return finish(new RegistryCallError(`${what}: cannot connect (${url.protocol} is not http: or https:)`, 'unreachable'));
            try {
                current = (url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
                    method,
                    agent,
                    headers: payload === undefined ? sent : { ...sent, 'content-length': String(Buffer.byteLength(payload)) },
                });
            }
            catch (error) {
                return finish(failureOf(what, error));
            }
            current.on('error', (error) => finish(failureOf(what, error)));
            current.on('response', (response) => {
                const status = response.statusCode ?? 0;
                const location = response.headers.location;
                if (REDIRECTS.has(status) && location !== undefined) {
                    response.resume();
                    if (redirects >= MAX_REDIRECTS)
                        return finish(new RegistryCallError(`${what}: more than ${MAX_REDIRECTS} redirects`, 'malformed', status));
                    let next;
                    try {
                        next = new URL(location, url);
                    }
                    catch {
                        return finish(new RegistryCallError(`${what}: HTTP ${status} redirects to an invalid location`, 'malformed', status));
                    }
                    const asGet = status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST';
                    const { authorization, 'content-type': contentType, ...rest } = sent;
                    const kept = { ...rest, ...(next.origin === url.origin && authorization !== undefined && { authorization }), ...(!asGet && contentType !== undefined && { 'content-type': contentType }) };
                    return send(next, asGet ? 'GET' : method, kept, asGet ? undefined : payload, redirects + 1);
                }
                readBounded(response, options.maxBytes, what).then((bytes) => {
                    const accepted = (status >= 200 && status < 300) || (spec.accept ?? []).includes(status);
                    if (!accepted)
                        return finish(new RegistryCallError(`${what}: HTTP ${status}${describeErrorBody(bytes)}`, 'status', status));
                    finish(undefined, { status, headers: response.headers, body: bytes });
                }, (error) => finish(error instanceof RegistryCallError ? error : failureOf(what, error)));
            });
            current.end(payload);
        };
        send(new URL(spec.url), spec.method ?? 'GET', headers, body, 0);
    });
}
function failureOf(what, error) {
    const code = error?.code;
    if (code?.startsWith('Z_'))
        return new RegistryCallError(`${what}: the answer's compressed body cannot be decoded (${code})`, 'malformed');
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    return new RegistryCallError(`${what}: cannot connect (${reason})`, 'unreachable');
}
/**
 * Reads the body, refusing it as soon as it passes `maxBytes` (an announced length is refused
 * before reading). A compressed body is decoded as it streams, and its decoded size is counted.
 */
function readBounded(response, maxBytes, what) {
    const tooLarge = () => new RegistryCallError(`${what}: the answer is larger than ${maxBytes} bytes`, 'too_large', response.statusCode);
    const announced = Number(response.headers['content-length']);
    if (Number.isFinite(announced) && announced > maxBytes) {
        response.destroy();
        return Promise.reject(tooLarge());
    }
    const coding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    const decoder = coding === 'identity' ? undefined : DECODERS.get(coding);
    if (coding !== 'identity' && !decoder) {
        response.destroy();
        return Promise.reject(new RegistryCallError(`${what}: the answer is in a content coding this client does not read (${coding})`, 'malformed', response.statusCode));
    }
    return new Promise((resolve, reject) => {
        const chunks = [];
        let total = 0;
        let failed = false;
        const fail = (error) => {
            if (failed)
                return;
            failed = true;
            response.destroy();
            reject(error);
        };
        const body = decoder ? (0,node_stream__WEBPACK_IMPORTED_MODULE_2__.pipeline)(response, decoder(), (error) => error && fail(error)) : response.on('error', fail);
        body.on('data', (chunk) => {
            total += chunk.byteLength;
            if (total > maxBytes) {
                body.destroy();
                fail(tooLarge());
            }
            else
                chunks.push(chunk);
        });
        body.on('end', () => {
            if (!failed)
                resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total));
        });
    });
}
/** A registry's error message, shortened: enough to say why, never a whole page. */
function describeErrorBody(bytes) {
    const text = new TextDecoder().decode(bytes.subarray(0, 2048)).trim();
    if (text === '')
        return '';
    try {
        const parsed = JSON.parse(text);
        const message = [parsed.error_code, parsed.message ?? parsed.error].filter((part) => typeof part === 'string').join(': ');
        if (message)
            return ` (${message.slice(0, 300)})`;
    }
    catch {
        // Not JSON: a proxy's page, shown in part below.
    }
    return ` (${text.replace(/\s+/g, ' ').slice(0, 200)})`;
}


/***/ }),

/***/ 81578:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ outcomeOfRecord),
/* harmony export */   createFileLedger: () => (/* binding */ createFileLedger),
/* harmony export */   v: () => (/* binding */ approvedAliasOf)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _audit_store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47374);




/** The outcome a record stands for; what a ledger rebuilds from the audit trail. */
function outcomeOfRecord(record) {
    if (record.kind !== 'decision')
        return undefined;
    const failed = [...new Set(record.results.filter((result) => result.status === 'fail' || result.status === 'error').map((result) => result.rule))];
    return {
        model: record.subject.model,
        version: record.subject.version,
        verdict: record.verdict,
        decision_id: record.id,
        seq: record.seq,
        failed_rules: failed,
        policy: { name: record.policy.name, version: record.policy.version },
        ...(record.trigger.enforcement && { enforcement: record.trigger.enforcement }),
    };
}
/** A decision that let a promotion to an alias through (pass or warn), recorded from an MLflow alias event. */
function approvedAliasOf(record) {
    if (record.kind !== 'decision' || record.verdict === 'fail')
        return undefined;
    const { registry, alias } = record.trigger;
    if (registry !== 'mlflow' || alias === undefined || record.subject.version === null)
        return undefined;
    return { model: record.subject.model, alias, version: record.subject.version };
}
/**
 * The ledger of a hook server with a `file:` audit store, which serves one replica: the
 * records are scanned once at start (every record with a delivery key), then kept in memory
 * as records are appended. A restart scans again, so a record appended just before a crash
 * is still found.
 */
async function createFileLedger(store, file, options) {
    const now = options.now ?? Date.now;
    const entries = new Map();
    const approved = new Map();
    const remember = (record) => {
        const delivery = record.trigger.delivery;
        const outcome = outcomeOfRecord(record);
        if (delivery !== undefined && outcome)
            entries.set(delivery, { state: 'recorded', leaseUntil: 0, outcome });
        const alias = approvedAliasOf(record);
        if (alias) {
            const key = `${alias.model}\u0000${alias.alias}`;
            approved.set(key, [...(approved.get(key) ?? []).filter((version) => version !== alias.version), alias.version]);
        }
    };
    try {
        for await (const record of store.readAll())
            remember(record);
    }
    catch (error) {
        // No file yet: the first append creates it.
        if (!(error instanceof _audit_store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK && error.message.startsWith('audit file not found')))
            throw error;
    }
    const entry = (key) => entries.get(key);
    return {
        description: store.description,
        async claim(key) {
            const known = entry(key);
            if (!known || known.state === 'free' || (known.state === 'processing' && known.leaseUntil <= now())) {
                entries.set(key, { state: 'processing', leaseUntil: now() + options.leaseMs, ...(known?.enforcement && { enforcement: known.enforcement }) });
                return { state: 'new', ...(known?.enforcement && { enforcement: known.enforcement }) };
            }
            if (known.state === 'processing')
                return { state: 'busy' };
            if (known.state === 'recorded')
                return { state: 'recorded', outcome: known.outcome };
            return { state: 'done', ...(known.outcome && { outcome: known.outcome }), ...(known.ignored !== undefined && { ignored: known.ignored }) };
        },
        async noteEnforcement(key, enforcement) {
            const known = entry(key);
            if (known)
                known.enforcement = enforcement;
        },
        async recorded(key, outcome, record) {
            remember(record);
            entries.set(key, { state: 'recorded', leaseUntil: 0, outcome });
        },
        async done(key, ignored) {
            const known = entry(key);
            entries.set(key, { state: 'done', leaseUntil: 0, ...(known?.outcome && { outcome: known.outcome }), ...(ignored !== undefined && { ignored }) });
        },
        async release(key) {
            const known = entry(key);
            if (known?.state === 'processing')
                known.state = 'free';
        },
        async lastApprovedHolder(model, alias, except) {
            const versions = approved.get(`${model}\u0000${alias}`) ?? [];
            return versions.filter((version) => version !== except).at(-1);
        },
        async ready() {
            // The first append creates missing folders: the nearest folder that exists must be writable.
            let folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file);
            while (!(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(folder).then(() => true, () => false)) && node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(folder) !== folder)
                folder = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(folder);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(folder, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK).catch((error) => {
                throw new _audit_store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`the folder of the audit file ${store.description} cannot be written: ${error.code ?? error.message}`);
            });
        },
        async close() {
            // The store is the server's to close.
        },
    };
}


/***/ }),

/***/ 4478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startHookServer: () => (/* binding */ startHookServer)
});

// UNUSED EXPORTS: openHookStore

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/audit/stores/open.ts
var stores_open = __webpack_require__(72540);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/engine/compile.ts + 15 modules
var compile = __webpack_require__(70111);
// EXTERNAL MODULE: ./src/io/policy-source.ts
var policy_source = __webpack_require__(39560);
// EXTERNAL MODULE: ./src/io/workspace.ts + 2 modules
var workspace = __webpack_require__(23830);
// EXTERNAL MODULE: ./src/policy/load.ts
var load = __webpack_require__(58164);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 10 modules
var schemas = __webpack_require__(13798);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./src/artefacts/evidence.ts
var evidence = __webpack_require__(55254);
// EXTERNAL MODULE: ./src/document/limits.ts
var limits = __webpack_require__(15841);
// EXTERNAL MODULE: ./src/document/parse.ts
var parse = __webpack_require__(13702);
// EXTERNAL MODULE: ./src/document/validate.ts
var validate = __webpack_require__(40447);
// EXTERNAL MODULE: ./src/policy/config.ts + 1 modules
var policy_config = __webpack_require__(86929);
;// CONCATENATED MODULE: ./src/registry/config.ts






/**
 * The hook server's configuration file (`modelgate serve --config FILE`): pure parsing and
 * validation. Secrets are references (`secret_env`, `secret_file`) resolved at the edge, so
 * this file never holds one and a parsed config can be logged whole.
 */
const SOURCES = ['mlflow', 'huggingface', 'sagemaker'];
const SECRET_HINT = 'secrets are read from the environment or a file: write { secret_env: NAME } or { secret_file: PATH }';
const SecretRefSchema = schemas/* any */.bzn().transform((value, ctx) => {
    const fail = (message) => {
        ctx.addIssue({ code: 'custom', message });
        return core/* NEVER */.tm;
    };
    if (value === undefined)
        return fail(`required: ${SECRET_HINT}`);
    if (typeof value === 'string')
        return fail(`a secret may not be written in the config: ${SECRET_HINT}`);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return fail(SECRET_HINT);
    const keys = Object.keys(value);
    if (keys.length !== 1 || (keys[0] !== 'secret_env' && keys[0] !== 'secret_file'))
        return fail(SECRET_HINT);
    const reference = value[keys[0]];
    if (typeof reference !== 'string' || reference.trim() === '')
        return fail(`${keys[0]} must name ${keys[0] === 'secret_env' ? 'an environment variable' : 'a file'}`);
    if (keys[0] === 'secret_env') {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(reference))
            return fail(`secret_env must be an environment variable name, not "${reference}"`);
        return { secret_env: reference };
    }
    return { secret_file: reference.trim() };
});
/** A URL a person may write in the config: http(s) only, without credentials (those are secrets). */
const httpUrl = schemas/* string */.YjP()
    .trim()
    .refine((value) => {
    try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    }
    catch {
        return false;
    }
}, 'must be an http(s) URL without a user or password (credentials are secrets: use token or password with secret_env/secret_file)')
    .transform((value) => value.replace(/\/+$/, ''));
/** An audit store: `file:PATH` may be written out; a PostgreSQL URL holds a password, so it may also be a secret reference. */
const AuditUrlSchema = schemas/* union */.KCZ([
    schemas/* string */.YjP()
        .trim()
        .refine((value) => /^file:/i.test(value) || /^postgres(ql)?:\/\//i.test(value), 'must be file:PATH or postgres://... (the hook server keeps its records in a file or in PostgreSQL)')
        .refine((value) => !/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/i.test(value), `a PostgreSQL URL with a password is a secret: ${SECRET_HINT}`),
    SecretRefSchema,
]);
const GLOB_CHARACTERS = /[*?[\]{}!]/;
/** Registry artefacts are fetched by exact path: a registry cannot be globbed the way a checkout can. */
const ExactArtefactSpecSchema = policy_config/* ArtefactSpecSchema */.nM.refine((spec) => spec.paths.every((path) => !GLOB_CHARACTERS.test(path)), 'registry artefacts are exact file paths (no *, ?, [ ], { } or !): the registry is read file by file');
const ArtefactMapSchema = schemas/* partialRecord */.jgl(schemas/* enum */.k5n(evidence/* ARTEFACT_KINDS */.D_), ExactArtefactSpecSchema);
const RateLimitSchema = schemas/* strictObject */.rej({
    /** Requests accepted per window and per source, in each replica. */
    max: schemas/* number */.aig().int().positive().default(600),
    window_seconds: schemas/* number */.aig().int().positive().default(60),
});
const aliasName = schemas/* string */.YjP().trim().min(1).max(255);
const MlflowConfigSchema = schemas/* strictObject */.rej({
    /** The tracking server, e.g. https://mlflow.internal (REST API under /api/2.0). */
    tracking_uri: httpUrl,
    /** The secret given to `create_webhook(secret=...)`: deliveries are signed with it. */
    webhook_secret: SecretRefSchema,
    /** Bearer token for the REST API (MLflow behind an auth proxy), or basic auth with username and password. */
    token: SecretRefSchema.optional(),
    username: schemas/* string */.YjP().trim().min(1).optional(),
    password: SecretRefSchema.optional(),
    /** Deliveries signed longer ago than this (or this far in the future) are refused: a captured delivery cannot be replayed later. */
    timestamp_tolerance_seconds: schemas/* number */.aig().int().positive().default(300),
    /** Aliases a blocked promotion may not keep: the alias is removed, or moved back to the version that last passed. */
    protected_aliases: schemas/* array */.YOg(aliasName).default(['champion', 'production']),
    /** Governance artefacts among the run's artifacts, by path relative to the run's artifact root. */
    artefacts: ArtefactMapSchema.default({ model_card: { paths: ['model_card.yaml'], format: undefined } }),
    rate_limit: RateLimitSchema.optional(),
}).refine((mlflow) => (mlflow.username === undefined) === (mlflow.password === undefined), { message: 'username and password go together (basic auth)', path: ['password'] })
    .refine((mlflow) => !(mlflow.token && mlflow.username), { message: 'give either token or username and password, not both', path: ['token'] });
const HuggingFaceConfigSchema = schemas/* strictObject */.rej({
    /** The Hub, or a private Hub deployment. */
    endpoint: httpUrl.default('https://huggingface.co'),
    /** The webhook's secret: the Hub sends it as the X-Webhook-Secret header. */
    webhook_secret: SecretRefSchema,
    /** A token that may read the repositories (and write discussions, when comments are on). */
    token: SecretRefSchema.optional(),
    /** Updated refs that are checked; others are acknowledged and ignored. */
    refs: schemas/* array */.YOg(schemas/* string */.YjP().trim().regex(/^refs\/(heads|tags|pr)\/(\S+|\*)$/, 'must be a full ref such as refs/heads/main, refs/tags/v1 or refs/pr/1, or all of a kind: refs/pr/*'))
        .min(1)
        .default(['refs/heads/main']),
    /** Artefacts by path in the repository at the pushed revision. */
    artefacts: ArtefactMapSchema.default({ model_card: { paths: ['README.md'], format: undefined } }),
    /** A discussion comment with the verdict: never (default), only when blocked, or always. */
    comment: schemas/* enum */.k5n(['off', 'on_fail', 'always']).default('off'),
    rate_limit: RateLimitSchema.optional(),
});
/**
 * Where a SageMaker model package names a report: a dotted path to a MetricsSource
 * (`ModelMetrics.Bias.Report`, `DriftCheckBaselines.ModelDataQuality.Constraints`) or a
 * `CustomerMetadataProperties.<key>` whose value is an s3:// URI.
 */
const ReportLocationSchema = schemas/* string */.YjP()
    .trim()
    .regex(/^(ModelMetrics|DriftCheckBaselines)(\.[A-Za-z]+){2}$|^CustomerMetadataProperties\..+$/, 'must be ModelMetrics.<Group>.<Field>, DriftCheckBaselines.<Group>.<Field> or CustomerMetadataProperties.<key>');
const ReportSpecSchema = schemas/* union */.KCZ([
    schemas/* array */.YOg(ReportLocationSchema).min(1).transform((from) => ({ from, format: undefined })),
    schemas/* strictObject */.rej({ from: schemas/* array */.YOg(ReportLocationSchema).min(1), format: schemas/* string */.YjP().trim().min(1).optional() }),
]);
const DEFAULT_SAGEMAKER_REPORTS = {
    model_card: { from: ['CustomerMetadataProperties.modelgate.model_card'], format: undefined },
    lineage: { from: ['CustomerMetadataProperties.modelgate.lineage'], format: undefined },
    bias: { from: ['ModelMetrics.Bias.Report', 'ModelMetrics.Bias.PostTrainingReport', 'ModelMetrics.Bias.PreTrainingReport'], format: undefined },
    drift: { from: ['CustomerMetadataProperties.modelgate.drift'], format: undefined },
};
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SageMakerConfigSchema = schemas/* strictObject */.rej({
    /** The AWS region; without it, the SDK's default (AWS_REGION, the shared config file). */
    region: schemas/* string */.YjP().trim().min(1).optional(),
    /** The value the EventBridge connection sends in `secret_header` (API key authorization). */
    shared_secret: SecretRefSchema,
    secret_header: schemas/* string */.YjP().trim().regex(HEADER_NAME, 'must be an HTTP header name').default('X-Modelgate-Secret'),
    /** EventBridge retries an API destination for up to 24 hours; older events are refused. */
    max_event_age_seconds: schemas/* number */.aig().int().positive().default(86_400),
    /** On pass, also approve the package (ModelApprovalStatus Approved); otherwise a pass leaves the status as it is. */
    approve_on_pass: schemas/* boolean */.zMY().default(false),
    /** Per artefact kind, the package fields that may name its report, tried in order: the first present is read. */
    reports: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(evidence/* ARTEFACT_KINDS */.D_), ReportSpecSchema).default(DEFAULT_SAGEMAKER_REPORTS),
    /** Another SageMaker API endpoint (a VPC endpoint, a test server). */
    endpoint: httpUrl.optional(),
    /** Another S3 endpoint, and path-style addressing (bucket in the path) for it. */
    s3_endpoint: httpUrl.optional(),
    s3_force_path_style: schemas/* boolean */.zMY().default(false),
    rate_limit: RateLimitSchema.optional(),
});
/** Settings for one registry model, by its name in the registry (MLflow registered model, Hub repository, model package group). */
const HookModelSchema = schemas/* strictObject */.rej({
    name: schemas/* string */.YjP().trim().min(1),
    /** Only this registry's model of that name; all registries when absent. */
    registry: schemas/* enum */.k5n(SOURCES).optional(),
    risk: schemas/* string */.YjP().trim().min(1).optional(),
    /** Artefact paths for this model, instead of the registry's defaults (not for SageMaker, whose package names its reports). */
    artefacts: ArtefactMapSchema.optional(),
});
const ServeConfigSchema = schemas/* strictObject */.rej({
    listen: schemas/* strictObject */.rej({ host: schemas/* string */.YjP().trim().min(1).default('0.0.0.0'), port: schemas/* number */.aig().int().min(0).max(65_535).default(8080) })
        .default({ host: '0.0.0.0', port: 8080 }),
    /** The policy, as in `.modelgate.yml`: a shipped pack name or a path relative to this file. */
    policy: schemas/* string */.YjP().trim().min(1).default('starter'),
    /** Who the audit records name as having run the check. */
    actor: schemas/* string */.YjP().trim().min(1).default('modelgate-hooks'),
    audit: schemas/* strictObject */.rej({ url: AuditUrlSchema }),
    limits: limits/* LimitsSchema */._n.default(limits/* LimitsSchema */._n.parse({})),
    models: schemas/* array */.YOg(HookModelSchema).default([]),
    delivery: schemas/* strictObject */.rej({
        /** Larger request bodies are refused (413) before they are read further. */
        max_body_bytes: schemas/* number */.aig().int().positive().max(64 * 1024 * 1024).default(1024 * 1024),
        /** Every call to a registry gives up after this long (per try). */
        timeout_seconds: schemas/* number */.aig().positive().max(300).default(10),
        /** Tries after the first, with exponential backoff, for connection failures, timeouts, 429 and 5xx. */
        retries: schemas/* number */.aig().int().min(0).max(10).default(2),
        /** How long one replica may hold a delivery before another may take it over. */
        lease_seconds: schemas/* number */.aig().int().positive().default(120),
    })
        .default({ max_body_bytes: 1024 * 1024, timeout_seconds: 10, retries: 2, lease_seconds: 120 }),
    rate_limit: RateLimitSchema.default({ max: 600, window_seconds: 60 }),
    log_level: schemas/* enum */.k5n(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    mlflow: MlflowConfigSchema.optional(),
    huggingface: HuggingFaceConfigSchema.optional(),
    sagemaker: SageMakerConfigSchema.optional(),
})
    .refine((config) => SOURCES.some((source) => config[source] !== undefined), {
    message: 'configure at least one registry: mlflow, huggingface or sagemaker',
});
/** Pure: parses and validates the config text; errors name file:line:column. */
function parseServeConfig(text, path) {
    const document = (0,parse/* parseYaml */.hN)(text, path, { errorCode: 'config' });
    const config = (0,validate/* validateDocument */.mv)(document, ServeConfigSchema, 'serve config');
    return { path, config, locate: (pointer) => document.locate(pointer) };
}
/** The settings a model of `source` gets: its own entry when there is one, else the registry's defaults. */
function modelSettings(config, source, name) {
    const entry = config.models.find((model) => model.name === name && (model.registry === undefined || model.registry === source));
    return { ...(entry?.risk !== undefined && { risk: entry.risk }), ...(entry?.artefacts !== undefined && { artefacts: entry.artefacts }) };
}

;// CONCATENATED MODULE: ./src/registry/load-config.ts








/** Larger secret files are a mistake (a wrong path), not a secret. */
const MAX_SECRET_BYTES = 64 * 1024;
/**
 * Reads the config file, reads each secret from its environment variable or file, and loads
 * the policy. Every failure is a config error naming the file and line, before the server
 * listens; no secret value ever appears in a message.
 */
async function loadServeConfig(file, options) {
    const absolute = external_node_path_default().resolve(options.cwd, file);
    const shown = (0,workspace/* toPosix */.d7)(external_node_path_default().relative(options.cwd, absolute)) || absolute;
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(absolute);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new errors/* ModelgateError */.HJ('usage', `config file not found: ${file}`);
        throw (0,errors/* configError */.Fj)(`cannot read the serve config ${shown}: ${code ?? error.message}`);
    }
    let text;
    try {
        text = (0,workspace/* decodeText */.g7)(bytes, shown);
    }
    catch (error) {
        throw (0,errors/* configError */.Fj)(error.message);
    }
    const parsed = parseServeConfig(text, shown);
    const { config } = parsed;
    const dir = external_node_path_default().dirname(absolute);
    const secret = async (reference, pointer) => {
        const at = parsed.locate(pointer);
        if ('secret_env' in reference) {
            const value = options.env[reference.secret_env];
            if (value === undefined || value.trim() === '')
                throw (0,errors/* configError */.Fj)(`${pointer.join('.')}: the environment variable ${reference.secret_env} is not set`, at);
            return value.trim();
        }
        const secretPath = external_node_path_default().resolve(dir, reference.secret_file);
        let content;
        try {
            content = await (0,promises_.readFile)(secretPath);
        }
        catch (error) {
            throw (0,errors/* configError */.Fj)(`${pointer.join('.')}: cannot read the secret file ${reference.secret_file}: ${error.code ?? error.message}`, at);
        }
        if (content.length > MAX_SECRET_BYTES)
            throw (0,errors/* configError */.Fj)(`${pointer.join('.')}: the secret file ${reference.secret_file} is larger than ${MAX_SECRET_BYTES} bytes`, at);
        // A trailing newline is how editors and `echo` end files; it is never part of the secret.
        const value = content.toString('utf8').replace(/[\r\n]+$/, '');
        if (value.trim() === '')
            throw (0,errors/* configError */.Fj)(`${pointer.join('.')}: the secret file ${reference.secret_file} is empty`, at);
        return value;
    };
    const secrets = {};
    if (config.mlflow) {
        const { webhook_secret, token, password } = config.mlflow;
        secrets.mlflow = {
            webhook: await secret(webhook_secret, ['mlflow', 'webhook_secret']),
            ...(token && { token: await secret(token, ['mlflow', 'token']) }),
            ...(password && { password: await secret(password, ['mlflow', 'password']) }),
        };
    }
    if (config.huggingface) {
        const { webhook_secret, token } = config.huggingface;
        secrets.huggingface = {
            webhook: await secret(webhook_secret, ['huggingface', 'webhook_secret']),
            ...(token && { token: await secret(token, ['huggingface', 'token']) }),
        };
    }
    if (config.sagemaker)
        secrets.sagemaker = { shared: await secret(config.sagemaker.shared_secret, ['sagemaker', 'shared_secret']) };
    const auditUrl = typeof config.audit.url === 'string' ? config.audit.url : await secret(config.audit.url, ['audit', 'url']);
    if (!/^file:/i.test(auditUrl) && !/^postgres(ql)?:\/\//i.test(auditUrl)) {
        throw (0,errors/* configError */.Fj)('audit.url: the secret must be a postgres://... or file:PATH URL', parsed.locate(['audit', 'url']));
    }
    const policy = (0,compile/* compilePolicy */.C_)((0,load/* loadPolicy */.tb)(config.policy, (0,policy_source/* createFsPolicySource */.v)(dir)));
    return { path: shown, dir, config, policy, auditUrl, secrets };
}

// EXTERNAL MODULE: ./node_modules/@fastify/rate-limit/index.js
var rate_limit = __webpack_require__(24446);
var rate_limit_default = /*#__PURE__*/__webpack_require__.n(rate_limit);
// EXTERNAL MODULE: ./node_modules/fastify/fastify.js
var fastify = __webpack_require__(16703);
var fastify_default = /*#__PURE__*/__webpack_require__.n(fastify);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/audit/record-decisions.ts + 1 modules
var record_decisions = __webpack_require__(80398);
// EXTERNAL MODULE: ./src/registry/ledger.ts
var registry_ledger = __webpack_require__(81578);
;// CONCATENATED MODULE: ./src/registry/delivery.ts



/** Seconds a registry is asked to wait before delivering again. */
const RETRY_AFTER_SECONDS = 5;
async function runDelivery(work, services) {
    const { ledger, log } = services;
    const retry = (reason, error) => {
        if (error !== undefined)
            log.error({ delivery: work.key, err: (0,errors/* describeError */.Uc)(error) }, reason);
        return { status: 503, body: { result: 'retry', reason }, retryAfter: RETRY_AFTER_SECONDS, outcome: error === undefined ? 'busy' : 'failed' };
    };
    let claim;
    try {
        claim = await ledger.claim(work.key, work.model);
    }
    catch (error) {
        return retry('the audit store cannot be reached', error);
    }
    if (claim.state === 'busy')
        return retry('this delivery is being handled (by another replica or request)');
    if (claim.state === 'done') {
        return { status: 200, body: { result: 'duplicate', delivery: work.key, ...(claim.outcome && summary(claim.outcome)), ...(claim.ignored && { ignored: claim.ignored }) }, outcome: 'duplicate' };
    }
    if (claim.state === 'recorded') {
        try {
            await work.writeBack(claim.outcome);
            await ledger.done(work.key);
        }
        catch (error) {
            return retry('the decision is recorded, but writing it back to the registry failed', error);
        }
        return { status: 200, body: { result: 'duplicate', delivery: work.key, ...summary(claim.outcome) }, outcome: 'duplicate' };
    }
    let outcome;
    try {
        const judged = await work.judge();
        if ('ignored' in judged) {
            await ledger.done(work.key, judged.ignored);
            return { status: 200, body: { result: 'ignored', reason: judged.ignored }, outcome: 'ignored' };
        }
        // An earlier try may already have changed the registry: record what it did rather than doing it again.
        let enforcement = claim.enforcement;
        if (!enforcement && work.enforce) {
            enforcement = await work.enforce(judged.judgement);
            if (enforcement)
                await ledger.noteEnforcement(work.key, enforcement);
        }
        const trigger = { ...judged.trigger, delivery: work.key, ...(enforcement && { enforcement }) };
        const { decision, subjects } = judged.judgement;
        const [record] = await (0,record_decisions/* appendDecisionRecords */.V1)(services.store, decision, subjects, { now: services.now, actor: services.actor, trigger });
        outcome = (0,registry_ledger/* outcomeOfRecord */.b)(record);
        await ledger.recorded(work.key, outcome, record);
        services.metrics.decisions.inc({ source: work.source, verdict: outcome.verdict });
        log.info({ delivery: work.key, model: outcome.model, version: outcome.version, verdict: outcome.verdict, decision: outcome.decision_id, seq: outcome.seq }, 'decision recorded');
    }
    catch (error) {
        await ledger.release(work.key).catch(() => undefined);
        return retry('the delivery could not be judged and recorded; nothing was recorded', error);
    }
    try {
        await work.writeBack(outcome);
        await ledger.done(work.key);
    }
    catch (error) {
        return retry('the decision is recorded, but writing it back to the registry failed', error);
    }
    return { status: 200, body: { result: 'recorded', delivery: work.key, ...summary(outcome) }, outcome: 'recorded' };
}
function summary(outcome) {
    return {
        model: outcome.model,
        version: outcome.version,
        verdict: outcome.verdict,
        decision_id: outcome.decision_id,
        failed_rules: outcome.failed_rules,
        ...(outcome.enforcement && { enforcement: outcome.enforcement }),
    };
}

;// CONCATENATED MODULE: ./src/registry/hook.ts

function header(request, name) {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function rejected(reason, outcome = 'unauthorized') {
    return { status: 401, body: { result: 'rejected', reason }, outcome };
}
function badRequest(reason) {
    return { status: 400, body: { result: 'rejected', reason }, outcome: 'bad_request' };
}
function ignored(reason) {
    return { status: 200, body: { result: 'ignored', reason }, outcome: 'ignored' };
}
/** Every configured artefact path of a model, each once. */
function artefactPaths(artefacts) {
    return [...new Set(Object.values(artefacts).flatMap((spec) => spec?.paths ?? []))];
}
/**
 * Fetches files in parallel; a fetch that throws makes that file unreadable (with the
 * reason), so one failure never hides which files were read.
 */
async function fetchFiles(paths, fetch) {
    const entries = await Promise.all(paths.map(async (path) => {
        try {
            const bytes = await fetch(path);
            return [path, bytes === undefined ? { missing: true } : { bytes }];
        }
        catch (error) {
            return [path, { error: (0,errors/* describeError */.Uc)(error) }];
        }
    }));
    return new Map(entries);
}

// EXTERNAL MODULE: ./src/audit/previous.ts
var previous = __webpack_require__(53106);
// EXTERNAL MODULE: ./src/check.ts
var check = __webpack_require__(35883);
// EXTERNAL MODULE: ./src/engine/evaluate.ts + 1 modules
var evaluate = __webpack_require__(60147);
;// CONCATENATED MODULE: ./src/registry/workspace.ts



/**
 * The gate's view of a registry: the artefacts fetched for one model version, by path. A
 * path that is absolute (`s3://…`) stands as it is; others are shown under `base` (e.g.
 * `runs:/<run id>`), so findings and audit records name where in the registry a file lives.
 *
 * A file that could not be fetched is still "found": reading it fails with the reason, which
 * the gate turns into a blocking `error` result. A registry that cannot be read never yields
 * a pass; only a file the registry says is not there (404) counts as missing.
 */
function createRegistryWorkspace(base, files, registry) {
    const shown = (relative) => (/^[a-z0-9+.-]+:\/\//i.test(relative) || base === '' ? relative : `${base}/${relative}`);
    const byShown = new Map([...files].map(([relative, fetched]) => [shown(relative), fetched]));
    return {
        async findFiles(_base, patterns) {
            return patterns.map(shown).filter((path) => {
                const fetched = byShown.get(path);
                return fetched !== undefined && !('missing' in fetched);
            });
        },
        async findFolders() {
            return [];
        },
        async readFile(path, limits) {
            const fetched = byShown.get(path);
            if (!fetched || 'missing' in fetched)
                throw (0,errors/* artefactError */.bo)(`not found in ${registry}`, { path });
            if ('error' in fetched)
                throw (0,errors/* artefactError */.bo)(`cannot be read from ${registry}: ${fetched.error}`, { path });
            if (fetched.bytes.byteLength > limits.max_file_bytes) {
                throw (0,errors/* artefactError */.bo)(`file is ${fetched.bytes.byteLength} bytes, larger than the limit of ${limits.max_file_bytes}`, { path });
            }
            return { path, text: (0,workspace/* decodeText */.g7)(fetched.bytes, path), sha256: (0,external_node_crypto_.createHash)('sha256').update(fetched.bytes).digest('hex') };
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/judge.ts






/**
 * Judges one model version with the same gathering and engine as `check()`: a one-model
 * repository config over the fetched files, with discovery off. The subjects are kept
 * because an audit record names the digest of every artefact judged.
 */
async function judgeRegistryModel(policy, limits, model, files, registry, now, 
/** The audit store decisions are recorded in: rules that read `previous` compare with its last approved decision. */
store, 
/** Set when the model version itself could not be read: every kind is then a blocking problem, whatever was configured. */
unreadableReason) {
    // Built, not parsed: registry model names (spaces, any character MLflow allows) need not be repository model names.
    const config = { ...baseConfig(limits), models: [
            {
                name: model.name,
                path: model.base,
                ...(model.version !== null && { version: model.version }),
                ...(model.risk !== undefined && { risk: model.risk }),
                artefacts: model.artefacts,
            },
        ] };
    const repoConfig = { path: `${registry} ${model.name}`, config, modelLocations: { [model.name]: { path: model.base } } };
    const workspace = createRegistryWorkspace(model.base, files, registry);
    const previousDecisions = await (0,previous/* readPreviousDecisions */.dZ)(policy, store);
    const request = { repoConfig, policy, workspace, now, ...(previousDecisions && { previousDecisions }) };
    const subjects = await (0,check/* gatherSubjects */.H2)(request);
    if (unreadableReason !== undefined) {
        for (const subject of subjects) {
            subject.evidence = {};
            for (const kind of evidence/* ARTEFACT_KINDS */.D_)
                subject.problems[kind] = { blocking: true, reason: `cannot be read from ${registry}: ${unreadableReason}`, location: subject.location };
        }
    }
    return { decision: (0,evaluate/* evaluate */._)(policy, subjects, { now }), subjects };
}
/** The repository config around every registry model: parsed once per limits, as the server's limits never change. */
const baseConfigs = new WeakMap();
function baseConfig(limits) {
    let config = baseConfigs.get(limits);
    if (!config) {
        config = policy_config/* RepoConfigSchema */.Ed.parse({ policy: 'starter', discover: { enabled: false, roots: [] }, limits });
        baseConfigs.set(limits, config);
    }
    return config;
}
/** The rules a decision failed (status fail or error), each once, in order. */
function failedRules(decision) {
    const rules = decision.models.flatMap((model) => model.results.filter((result) => result.status === 'fail' || result.status === 'error').map((result) => result.rule));
    return [...new Set(rules)];
}

;// CONCATENATED MODULE: ./src/registry/payload.ts
/** A webhook body that is not what its registry sends: answered 400, never judged. */
class PayloadError extends Error {
    name = 'PayloadError';
}

// EXTERNAL MODULE: ./src/registry/http.ts
var http = __webpack_require__(58851);
;// CONCATENATED MODULE: ./src/registry/huggingface/client.ts

function createHubClient(options) {
    const headers = options.token ? { authorization: `Bearer ${options.token}` } : {};
    const repoPath = (repo) => repo.split('/').map(encodeURIComponent).join('/');
    return {
        async downloadFile(repo, revision, path, maxBytes) {
            const url = `${options.endpoint}/${repoPath(repo)}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
            const response = await (0,http/* callRegistry */.oy)(`Hugging Face ${repo}@${revision.slice(0, 12)} ${path}`, { url, headers: { ...headers, accept: '*/*' }, accept: [404] }, { ...options.call('resolve'), maxBytes });
            return response.status === 404 ? undefined : response.body;
        },
        async comment(repo, discussion, text) {
            // Not repeated after a failure: a comment posted twice is worse than a redelivery.
            await (0,http/* callRegistry */.oy)(`Hugging Face comment on ${repo}#${discussion}`, { method: 'POST', url: `${options.endpoint}/api/models/${repoPath(repo)}/discussions/${discussion}/comment`, headers, json: { comment: text }, idempotent: false }, options.call('discussions/comment'));
        },
        async openDiscussion(repo, title, text) {
            await (0,http/* callRegistry */.oy)(`Hugging Face discussion on ${repo}`, { method: 'POST', url: `${options.endpoint}/api/models/${repoPath(repo)}/discussions`, headers, json: { title, description: text, pullRequest: false }, idempotent: false }, options.call('discussions'));
        },
        commitUrl(repo, sha) {
            return `${options.endpoint}/${repoPath(repo)}/commit/${sha}`;
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/huggingface/events.ts


/**
 * Hugging Face Hub webhook payloads (hub-docs `webhooks.md`): `event.scope` and
 * `event.action`, the `repo` (type, name, headSha), and on content changes `updatedRefs`
 * with the old and new commit of each ref. Pure: body text in, the refs to check out.
 */
const RefSchema = schemas/* looseObject */._H3({ ref: schemas/* string */.YjP().min(1), oldSha: schemas/* string */.YjP().nullable().optional(), newSha: schemas/* string */.YjP().nullable().optional() });
const PayloadSchema = schemas/* looseObject */._H3({
    event: schemas/* looseObject */._H3({ action: schemas/* string */.YjP().min(1), scope: schemas/* string */.YjP().min(1) }),
    repo: schemas/* looseObject */._H3({
        type: schemas/* string */.YjP().min(1),
        name: schemas/* string */.YjP().min(1),
        headSha: schemas/* string */.YjP().optional(),
        url: schemas/* looseObject */._H3({ web: schemas/* string */.YjP().optional() }).optional(),
    }),
    updatedRefs: schemas/* array */.YOg(RefSchema).optional(),
    discussion: schemas/* looseObject */._H3({ num: schemas/* number */.aig().int().positive().optional(), isPullRequest: schemas/* boolean */.zMY().optional() }).optional(),
});
const SHA = /^[0-9a-f]{40}$/;
const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
/** Reads a delivery; `refs` are the updated refs matching `watched` (full names, or a prefix ending in `/*`) that point to a commit (not deleted). */
function parseHubEvent(text, watched) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new PayloadError('the body is not JSON');
    }
    const parsed = PayloadSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PayloadError(`not a Hugging Face webhook payload: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { event, repo, updatedRefs } = parsed.data;
    const name = `${event.scope}.${event.action}`;
    // Narrower scopes added later are updates of the broader one, as the Hub's documentation says.
    if (event.scope !== 'repo.content' && !event.scope.startsWith('repo.content.'))
        return { kind: 'other', event: name, reason: `${name} events change no content` };
    if (repo.type !== 'model')
        return { kind: 'other', event: name, reason: `${repo.type} repositories are not models` };
    if (!REPO_ID.test(repo.name))
        throw new PayloadError(`repo.name: "${repo.name}" is not a repository id`);
    const isWatched = (ref) => watched.some((pattern) => (pattern.endsWith('/*') ? ref.startsWith(pattern.slice(0, -1)) : pattern === ref));
    let refs;
    if (updatedRefs) {
        refs = updatedRefs.filter((ref) => isWatched(ref.ref) && typeof ref.newSha === 'string').map((ref) => ({ ref: ref.ref, sha: ref.newSha }));
    }
    else {
        // Without updatedRefs, headSha is the head of main.
        refs = isWatched('refs/heads/main') && repo.headSha ? [{ ref: 'refs/heads/main', sha: repo.headSha }] : [];
    }
    const bad = refs.find((ref) => !SHA.test(ref.sha));
    if (bad)
        throw new PayloadError(`${bad.ref}: "${bad.sha}" is not a commit id`);
    if (refs.length === 0)
        return { kind: 'other', event: name, reason: `no watched ref (${watched.join(', ')}) was updated` };
    return { kind: 'push', event: name, repo: repo.name, refs };
}

;// CONCATENATED MODULE: ./src/registry/huggingface/hook.ts








const SECRET_HEADER = 'x-webhook-secret';
/**
 * `POST /hooks/huggingface`: a Hub webhook. Each watched ref a push updated is judged at its
 * new commit from the files the Hub serves at that commit, and recorded; a discussion comment
 * with the verdict is optional. The Hub has no gate to close, so the record is the outcome.
 */
function createHuggingFaceHook(context, config, client = defaultClient(context, config)) {
    const { runtime, services } = context;
    const secret = Buffer.from(runtime.secrets.huggingface.webhook, 'utf8');
    return async (request) => {
        const given = header(request, SECRET_HEADER);
        if (given === undefined)
            return rejected('the X-Webhook-Secret header is missing (set a secret on the webhook)');
        const givenBytes = Buffer.from(given, 'utf8');
        if (givenBytes.length !== secret.length || !(0,external_node_crypto_.timingSafeEqual)(givenBytes, secret))
            return rejected('the X-Webhook-Secret header does not match the webhook secret');
        let event;
        try {
            event = parseHubEvent(request.body.toString('utf8'), config.refs);
        }
        catch (error) {
            if (error instanceof PayloadError)
                return badRequest(error.message);
            throw error;
        }
        if (event.kind === 'other')
            return ignored(event.reason);
        // One decision per updated ref; the Hub sends no delivery id, so the commit is the key: a replay judges nothing twice.
        const replies = [];
        for (const pushed of event.refs)
            replies.push(await judgeRef(event.repo, event.event, pushed));
        if (replies.length === 1)
            return replies[0];
        const failed = replies.find((reply) => reply.status >= 500);
        if (failed)
            return failed;
        return { status: 200, body: { result: 'recorded', refs: replies.map((reply) => reply.body) }, outcome: replies.every((reply) => reply.outcome === 'duplicate') ? 'duplicate' : 'recorded' };
    };
    function judgeRef(repo, eventName, pushed) {
        const settings = modelSettings(runtime.config, 'huggingface', repo);
        const artefacts = settings.artefacts ?? config.artefacts;
        return runDelivery({
            source: 'huggingface',
            key: `huggingface:${repo}:${pushed.ref}:${pushed.sha}`,
            model: repo,
            judge: async () => {
                const files = await fetchFiles(artefactPaths(artefacts), (path) => client.downloadFile(repo, pushed.sha, path, runtime.config.limits.max_file_bytes));
                const judgement = await judgeRegistryModel(runtime.policy, runtime.config.limits, { name: repo, version: pushed.sha, risk: settings.risk, base: `hf://${repo}@${pushed.sha}`, artefacts }, files, 'the Hugging Face Hub', services.now(), services.store);
                return {
                    judgement,
                    trigger: { type: 'registry', registry: 'huggingface', event: eventName, ref: `${pushed.ref}@${pushed.sha}`, url: client.commitUrl(repo, pushed.sha) },
                };
            },
            writeBack: (outcome) => comment(repo, pushed, outcome),
        }, services);
    }
    async function comment(repo, pushed, outcome) {
        if (config.comment === 'off' || (config.comment === 'on_fail' && outcome.verdict !== 'fail'))
            return;
        const short = pushed.sha.slice(0, 12);
        const blocked = outcome.failed_rules.length > 0 ? `\n\nRules not met: ${outcome.failed_rules.map((rule) => `\`${rule}\``).join(', ')}.` : '';
        const text = `**modelgate: ${outcome.verdict}** for commit \`${short}\` (${pushed.ref}) under the policy ${outcome.policy.name} ${outcome.policy.version}.${blocked}\n\n` +
            `Decision \`${outcome.decision_id}\` is recorded in the audit trail.`;
        const pullRequest = /^refs\/pr\/(\d+)$/.exec(pushed.ref);
        if (pullRequest)
            await client.comment(repo, Number(pullRequest[1]), text);
        else
            await client.openDiscussion(repo, `modelgate: ${outcome.verdict} for ${short}`, text);
    }
}
function defaultClient(context, config) {
    return createHubClient({
        endpoint: config.endpoint,
        token: context.runtime.secrets.huggingface.token,
        call: (operation) => context.callOptions('huggingface', operation),
    });
}

// EXTERNAL MODULE: ./node_modules/prom-client/index.js
var prom_client = __webpack_require__(95222);
;// CONCATENATED MODULE: ./src/registry/metrics.ts

function createHookMetrics() {
    const registry = new prom_client.Registry();
    (0,prom_client.collectDefaultMetrics)({ register: registry, prefix: 'modelgate_' });
    return {
        registry,
        deliveries: new prom_client.Counter({
            name: 'modelgate_hook_deliveries_total',
            help: 'Requests to the hook routes, by registry and how they ended',
            labelNames: ['source', 'outcome'],
            registers: [registry],
        }),
        decisions: new prom_client.Counter({
            name: 'modelgate_hook_decisions_total',
            help: 'Decisions recorded in the audit trail, by registry and verdict',
            labelNames: ['source', 'verdict'],
            registers: [registry],
        }),
        hookDuration: new prom_client.Histogram({
            name: 'modelgate_hook_request_duration_seconds',
            help: 'Time to answer a hook request',
            labelNames: ['source'],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            registers: [registry],
        }),
        registryCalls: new prom_client.Histogram({
            name: 'modelgate_registry_call_duration_seconds',
            help: 'Calls to registries (with their retries), by registry, operation and outcome',
            labelNames: ['registry', 'operation', 'outcome'],
            buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
            registers: [registry],
        }),
    };
}
/** The `observe` hook of one kind of registry call. */
function observeCall(metrics, registry, operation) {
    return (outcome, seconds) => metrics.registryCalls.observe({ registry, operation, outcome }, seconds);
}

;// CONCATENATED MODULE: ./src/registry/mlflow/client.ts


/**
 * The MLflow REST API calls the hook makes (API 2.0, as MLflow's own REST store calls them:
 * GET with query parameters, POST and DELETE with a JSON body), and artifact downloads
 * through the tracking server's artifacts proxy (`mlflow server --serve-artifacts`, the
 * default since MLflow 2).
 */
const ModelVersionSchema = schemas/* looseObject */._H3({
    name: schemas/* string */.YjP(),
    version: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig().transform(String)]),
    run_id: schemas/* string */.YjP().nullable().optional(),
    source: schemas/* string */.YjP().nullable().optional(),
    status: schemas/* string */.YjP().optional(),
    aliases: schemas/* array */.YOg(schemas/* string */.YjP()).optional(),
});
const ModelVersionAnswerSchema = schemas/* looseObject */._H3({ model_version: ModelVersionSchema });
const RunAnswerSchema = schemas/* looseObject */._H3({
    run: schemas/* looseObject */._H3({ info: schemas/* looseObject */._H3({ run_id: schemas/* string */.YjP().optional(), artifact_uri: schemas/* string */.YjP().min(1) }) }),
});
/** Runs whose artifact URI a client keeps; the oldest is forgotten first. */
const MAX_KNOWN_RUNS = 1024;
function createMlflowClient(options) {
    const api = `${options.trackingUri}/api/2.0/mlflow`;
    const headers = {};
    if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    else if (options.username && options.password)
        headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
    const json = async (operation, method, path, body, schema, accept = []) => {
        const what = `MLflow ${method} ${path}`;
        const url = method === 'GET' ? `${api}/${path}?${new URLSearchParams(body).toString()}` : `${api}/${path}`;
        const response = await (0,http/* callRegistry */.oy)(what, { method, url, headers, ...(method !== 'GET' && { json: body }), accept }, options.call(operation));
        if (accept.includes(response.status))
            return { status: response.status, value: undefined, error: mlflowError(response.body) };
        const parsed = schema.safeParse((0,http/* parseJsonBody */.Y2)(what, response));
        if (!parsed.success)
            throw new http/* RegistryCallError */.aI(`${what}: unexpected answer: ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}`, 'malformed', response.status);
        return { status: response.status, value: parsed.data };
    };
    // MLflow sets a run's artifact URI when the run is created and has no call that changes it, so
    // one lookup serves every later event of the run's model versions (registration, tags, aliases).
    // Only answers are kept, never failures; the files themselves are always fetched afresh.
    const artifactUris = new Map();
    return {
        async getModelVersion(name, version) {
            const { value } = await json('model-versions/get', 'GET', 'model-versions/get', { name, version }, ModelVersionAnswerSchema, [404]);
            return value?.model_version;
        },
        async getRunArtifactUri(runId) {
            const known = artifactUris.get(runId);
            if (known !== undefined)
                return known;
            const { value } = await json('runs/get', 'GET', 'runs/get', { run_id: runId }, RunAnswerSchema);
            const uri = value.run.info.artifact_uri;
            if (artifactUris.size >= MAX_KNOWN_RUNS)
                artifactUris.delete(artifactUris.keys().next().value);
            artifactUris.set(runId, uri);
            return uri;
        },
        async downloadArtifact(artifactUri, path, maxBytes) {
            const root = proxiedArtifactPath(artifactUri);
            const url = `${options.trackingUri}/api/2.0/mlflow-artifacts/artifacts/${[...root.split('/'), ...path.split('/')].filter(Boolean).map(encodeURIComponent).join('/')}`;
            const call = options.call('mlflow-artifacts download');
            const response = await (0,http/* callRegistry */.oy)(`MLflow artifact ${path}`, { url, headers: { ...headers, accept: '*/*' }, accept: [404] }, { ...call, maxBytes });
            return response.status === 404 ? undefined : response.body;
        },
        async setModelVersionTag(name, version, key, value) {
            // A version deleted since the decision has nowhere to hold the tags; the record still says it all.
            await json('model-versions/set-tag', 'POST', 'model-versions/set-tag', { name, version, key, value }, schemas/* unknown */.L5J(), [404]);
        },
        async getAliasVersion(name, alias) {
            const answer = await json('registered-models/alias', 'GET', 'registered-models/alias', { name, alias }, ModelVersionAnswerSchema, [400, 404]);
            if (answer.value)
                return answer.value.model_version.version;
            // MLflow's stores answer an alias that is not set with 400 INVALID_PARAMETER_VALUE "Registered model alias <alias> not found."
            if (answer.status === 404 || /alias .* not found/i.test(answer.error?.message ?? ''))
                return undefined;
            throw new http/* RegistryCallError */.aI(`MLflow GET registered-models/alias: HTTP ${answer.status}${answer.error ? ` (${answer.error.error_code}: ${answer.error.message})` : ''}`, 'status', answer.status);
        },
        async setAlias(name, alias, version) {
            await json('registered-models/alias', 'POST', 'registered-models/alias', { name, alias, version }, schemas/* unknown */.L5J());
        },
        async deleteAlias(name, alias) {
            // Deleting an alias that is already gone is what was wanted.
            await json('registered-models/alias', 'DELETE', 'registered-models/alias', { name, alias }, schemas/* unknown */.L5J(), [404]);
        },
        modelVersionUrl(name, version) {
            return `${options.trackingUri}/#/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
        },
    };
}
/**
 * The path under the artifacts proxy of a run's artifact root: `mlflow-artifacts:/0/<run>/artifacts`
 * or `mlflow-artifacts://host:port/0/<run>/artifacts`. Any other scheme (s3://, gs://, a local
 * path) is stored where only the MLflow client reaches it, not through the tracking server.
 */
function proxiedArtifactPath(artifactUri) {
    const match = /^mlflow-artifacts:(\/\/[^/]*)?\/?(.*)$/.exec(artifactUri);
    if (!match) {
        throw new http/* RegistryCallError */.aI(`the run's artifacts are at ${artifactUri}, which the tracking server does not serve: run \`mlflow server\` with --serve-artifacts (artifact URIs mlflow-artifacts:/...)`, 'malformed');
    }
    return match[2].replace(/\/+$/, '');
}
/** MLflow's error body, `{"error_code": "...", "message": "..."}`, when the answer has one. */
function mlflowError(body) {
    try {
        const parsed = JSON.parse(new TextDecoder().decode(body));
        return typeof parsed.error_code === 'string' ? { error_code: parsed.error_code, message: typeof parsed.message === 'string' ? parsed.message : '' } : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/registry/mlflow/events.ts


/**
 * MLflow 3 webhook payloads (`mlflow/webhooks/types.py`): `{entity, action, timestamp, data}`,
 * where `data` depends on the event. Pure: body text in, an event out.
 */
const versionString = schemas/* union */.KCZ([schemas/* string */.YjP().trim().min(1), schemas/* number */.aig().int().nonnegative().transform(String)]);
const events_name = schemas/* string */.YjP().min(1);
const EnvelopeSchema = schemas/* looseObject */._H3({
    entity: schemas/* string */.YjP().min(1),
    action: schemas/* string */.YjP().min(1),
    timestamp: schemas/* string */.YjP().optional(),
    data: schemas/* looseObject */._H3({}),
});
const ModelVersionCreatedSchema = schemas/* looseObject */._H3({
    name: events_name,
    version: versionString,
    source: schemas/* string */.YjP().optional(),
    run_id: schemas/* string */.YjP().nullable().optional(),
});
const ModelVersionTagSetSchema = schemas/* looseObject */._H3({ name: events_name, version: versionString, key: schemas/* string */.YjP().min(1), value: schemas/* string */.YjP() });
const ModelVersionAliasCreatedSchema = schemas/* looseObject */._H3({ name: events_name, alias: schemas/* string */.YjP().min(1), version: versionString });
/** Reads a delivery's body; a body that is not a valid payload of the event it names is a PayloadError. */
function parseMlflowEvent(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new PayloadError('the body is not JSON');
    }
    const envelope = EnvelopeSchema.safeParse(json);
    if (!envelope.success)
        throw new PayloadError(`not an MLflow webhook payload: ${describe(envelope.error, '')}`);
    const event = `${envelope.data.entity}.${envelope.data.action}`;
    const data = envelope.data.data;
    const read = (schema) => {
        const parsed = schema.safeParse(data);
        if (!parsed.success)
            throw new PayloadError(`${event}: ${describe(parsed.error, 'data.')}`);
        return parsed.data;
    };
    switch (event) {
        case 'model_version.created': {
            const created = read(ModelVersionCreatedSchema);
            return { kind: 'registration', event, name: created.name, version: created.version };
        }
        case 'model_version_tag.set': {
            const tag = read(ModelVersionTagSetSchema);
            return { kind: 'tag', event, name: tag.name, version: tag.version, key: tag.key, value: tag.value };
        }
        case 'model_version_alias.created': {
            const alias = read(ModelVersionAliasCreatedSchema);
            return { kind: 'promotion', event, name: alias.name, version: alias.version, alias: alias.alias };
        }
        default:
            return { kind: 'other', event };
    }
}
function describe(error, prefix) {
    const issue = error.issues[0];
    const at = issue.path.length > 0 ? `${prefix}${issue.path.join('.')}: ` : '';
    return `${at}${issue.message}`;
}

;// CONCATENATED MODULE: ./src/registry/mlflow/signature.ts

/**
 * MLflow 3 webhook signatures, as `mlflow/webhooks/delivery.py` makes them: HMAC-SHA256 with
 * the webhook's secret over `<delivery id>.<timestamp>.<body>` (the body exactly as sent),
 * base64, sent as `X-MLflow-Signature: v1,<base64>` beside `X-MLflow-Delivery-Id` (a UUID)
 * and `X-MLflow-Timestamp` (Unix seconds). MLflow's own retries resend the same headers.
 */
const SIGNATURE_HEADER = 'x-mlflow-signature';
const DELIVERY_ID_HEADER = 'x-mlflow-delivery-id';
const TIMESTAMP_HEADER = 'x-mlflow-timestamp';
/** Delivery ids become idempotency keys: a UUID or a similar short token, nothing else. */
const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Signs a delivery as MLflow does: for tests, the load bench and anyone checking a setup. */
function signMlflowDelivery(secret, deliveryId, timestamp, body) {
    return `v1,${hmac(secret, deliveryId, timestamp, body).toString('base64')}`;
}
/**
 * Checks a delivery's headers and raw body against the secret, and that it was signed within
 * `toleranceSeconds` of now (either way), so a captured delivery cannot be replayed later.
 */
function verifyMlflowDelivery(headers, body, secret, nowSeconds, toleranceSeconds) {
    const { signature, deliveryId, timestamp } = headers;
    if (!signature)
        return { ok: false, reason: 'the X-MLflow-Signature header is missing (create the webhook with a secret)' };
    if (!deliveryId)
        return { ok: false, reason: 'the X-MLflow-Delivery-Id header is missing' };
    if (!timestamp)
        return { ok: false, reason: 'the X-MLflow-Timestamp header is missing' };
    if (!DELIVERY_ID.test(deliveryId))
        return { ok: false, reason: 'the X-MLflow-Delivery-Id header is not a delivery id' };
    if (!/^\d{1,12}$/.test(timestamp))
        return { ok: false, reason: 'the X-MLflow-Timestamp header is not a Unix time in seconds' };
    const expected = hmac(secret, deliveryId, timestamp, body);
    // Several space-separated signatures are accepted, as Standard Webhooks allows during a secret rotation.
    const matches = signature
        .split(' ')
        .filter((candidate) => candidate.startsWith('v1,'))
        .some((candidate) => {
        const given = Buffer.from(candidate.slice(3), 'base64');
        return given.length === expected.length && (0,external_node_crypto_.timingSafeEqual)(given, expected);
    });
    if (!matches)
        return { ok: false, reason: 'the signature does not match the body and the webhook secret' };
    const age = nowSeconds - Number(timestamp);
    if (Math.abs(age) > toleranceSeconds) {
        const when = age > 0 ? `${age} s ago` : `${-age} s in the future`;
        return { ok: false, stale: true, reason: `the delivery was signed ${when}, outside the tolerance of ${toleranceSeconds} s (a replay, or a clock that is off)` };
    }
    return { ok: true, deliveryId };
}
function hmac(secret, deliveryId, timestamp, body) {
    return (0,external_node_crypto_.createHmac)('sha256', secret).update(`${deliveryId}.${timestamp}.`, 'utf8').update(body).digest();
}

;// CONCATENATED MODULE: ./src/registry/mlflow/hook.ts









/** Tags the hook writes on the model version; its own tag events are acknowledged and ignored. */
const TAG_PREFIX = 'modelgate.';
const VERDICT_TAG = 'modelgate.verdict';
const DECISION_TAG = 'modelgate.decision_id';
const FAILED_RULES_TAG = 'modelgate.failed_rules';
/** MLflow refuses longer tag values (5,000 characters in its SQL store). */
const MAX_TAG_VALUE = 5000;
/**
 * `POST /hooks/mlflow`: an MLflow 3 webhook. Registrations, tag changes and alias promotions
 * are judged, recorded and tagged; a blocked promotion to a protected alias loses the alias
 * (or gets back the version that last passed for it). Other events are acknowledged.
 */
function createMlflowHook(context, config, client = hook_defaultClient(context, config)) {
    const { runtime, services } = context;
    const secret = runtime.secrets.mlflow.webhook;
    const protectedAliases = new Set(config.protected_aliases);
    return async (request) => {
        const check = verifyMlflowDelivery({ signature: header(request, SIGNATURE_HEADER), deliveryId: header(request, DELIVERY_ID_HEADER), timestamp: header(request, TIMESTAMP_HEADER) }, request.body, secret, Math.floor(services.now().getTime() / 1000), config.timestamp_tolerance_seconds);
        if (!check.ok)
            return rejected(check.reason, check.stale ? 'stale' : 'unauthorized');
        let event;
        try {
            event = parseMlflowEvent(request.body.toString('utf8'));
        }
        catch (error) {
            if (error instanceof PayloadError)
                return badRequest(error.message);
            throw error;
        }
        if (event.kind === 'other')
            return ignored(`${event.event} events need no decision`);
        if (event.kind === 'tag' && event.key.startsWith(TAG_PREFIX))
            return ignored(`the tag ${event.key} is modelgate's own`);
        const { name, version } = event;
        const alias = event.kind === 'promotion' ? event.alias : undefined;
        const work = {
            source: 'mlflow',
            key: `mlflow:${check.deliveryId}`,
            model: name,
            judge: async () => {
                const judgement = await judgeVersion(name, version);
                return {
                    judgement,
                    trigger: {
                        type: 'registry',
                        registry: 'mlflow',
                        event: event.event,
                        ref: alias === undefined ? `models:/${name}/${version}` : `models:/${name}@${alias}`,
                        url: client.modelVersionUrl(name, version),
                        ...(alias !== undefined && { alias }),
                    },
                };
            },
            ...(alias !== undefined && protectedAliases.has(alias) && { enforce: (judgement) => enforceAlias(name, version, alias, judgement) }),
            writeBack: async (outcome) => {
                const failed = outcome.failed_rules.join(',');
                await Promise.all([
                    client.setModelVersionTag(name, version, VERDICT_TAG, outcome.verdict),
                    client.setModelVersionTag(name, version, DECISION_TAG, outcome.decision_id),
                    client.setModelVersionTag(name, version, FAILED_RULES_TAG, failed.length > MAX_TAG_VALUE ? `${failed.slice(0, MAX_TAG_VALUE - 1)}…` : failed),
                ]);
            },
        };
        return runDelivery(work, services);
    };
    async function judgeVersion(name, version) {
        const settings = modelSettings(runtime.config, 'mlflow', name);
        const artefacts = settings.artefacts ?? config.artefacts;
        let base = `models:/${name}/${version}`;
        let files = new Map();
        let unreadableReason;
        try {
            const modelVersion = await client.getModelVersion(name, version);
            if (!modelVersion)
                unreadableReason = `MLflow has no version ${version} of the model "${name}"`;
            else if (!modelVersion.run_id)
                unreadableReason = `version ${version} of "${name}" names no run, and its governance artefacts are read from its run's artifacts`;
            else {
                const runId = modelVersion.run_id;
                base = `runs:/${runId}`;
                const artifactUri = await client.getRunArtifactUri(runId);
                files = await fetchFiles(artefactPaths(artefacts), (path) => client.downloadArtifact(artifactUri, path, runtime.config.limits.max_file_bytes));
            }
        }
        catch (error) {
            unreadableReason = (0,errors/* describeError */.Uc)(error);
        }
        return judgeRegistryModel(runtime.policy, runtime.config.limits, { name, version, risk: settings.risk, base, artefacts }, files, 'MLflow', services.now(), services.store, unreadableReason);
    }
    /** A blocked promotion to a protected alias: the alias goes back to the version that last passed for it, or is removed. */
    async function enforceAlias(name, version, alias, judgement) {
        if (judgement.decision.verdict !== 'fail')
            return undefined;
        const current = await client.getAliasVersion(name, alias);
        if (current !== version) {
            const reason = current === undefined ? `the alias was already removed` : `the alias already points to version ${current}`;
            return { action: 'alias_unchanged', alias, reason: `version ${version} is blocked; ${reason}` };
        }
        const previous = await services.ledger.lastApprovedHolder(name, alias, version);
        if (previous !== undefined && (await client.getModelVersion(name, previous))) {
            await client.setAlias(name, alias, previous);
            return { action: 'alias_restored', alias, version: previous, reason: `version ${version} is blocked; ${alias} points again to version ${previous}, the last version that passed for it` };
        }
        await client.deleteAlias(name, alias);
        return { action: 'alias_removed', alias, reason: `version ${version} is blocked and no other version has passed for ${alias}` };
    }
}
function hook_defaultClient(context, config) {
    const secrets = context.runtime.secrets.mlflow;
    return createMlflowClient({
        trackingUri: config.tracking_uri,
        token: secrets.token,
        username: config.username,
        password: secrets.password,
        call: (operation) => context.callOptions('mlflow', operation),
    });
}

;// CONCATENATED MODULE: ./src/registry/sagemaker/events.ts


/**
 * SageMaker Model Registry events as EventBridge delivers them (the SageMaker developer
 * guide, "Model package state change"), and the ApprovalDescription the hook writes. Pure.
 */
const STATE_CHANGE = 'SageMaker Model Package State Change';
const EventSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().min(1).max(128),
    'detail-type': schemas/* string */.YjP().min(1),
    time: schemas/* string */.YjP().min(1),
    detail: schemas/* looseObject */._H3({
        ModelPackageArn: schemas/* string */.YjP().regex(/^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/\S+$/, 'must be a model package ARN'),
        ModelPackageGroupName: schemas/* string */.YjP().optional(),
        ModelPackageName: schemas/* string */.YjP().optional(),
        ModelApprovalStatus: schemas/* string */.YjP().optional(),
        ModelPackageStatus: schemas/* string */.YjP().optional(),
    }),
});
function parsePackageEvent(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new PayloadError('the body is not JSON');
    }
    const detailType = json?.['detail-type'];
    if (typeof detailType === 'string' && detailType !== STATE_CHANGE)
        return { kind: 'other', event: detailType };
    const parsed = EventSchema.safeParse(json);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new PayloadError(`not an EventBridge "${STATE_CHANGE}" event: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { id, time, detail } = parsed.data;
    const when = new Date(time);
    if (Number.isNaN(when.getTime()))
        throw new PayloadError(`time: "${time}" is not a date-time`);
    const arn = detail.ModelPackageArn;
    // arn:…:model-package/<group>/<version> for a versioned package, arn:…:model-package/<name> otherwise.
    const fromArn = arn.slice(arn.indexOf('model-package/') + 'model-package/'.length).split('/')[0];
    return {
        kind: 'package',
        id,
        time: when,
        arn,
        model: detail.ModelPackageGroupName ?? detail.ModelPackageName ?? fromArn,
        approvalStatus: detail.ModelApprovalStatus,
        packageStatus: detail.ModelPackageStatus,
    };
}
/**
 * The report URIs a package names, per kind: the first of the configured locations that the
 * package has. Kinds with none are left out, as unconfigured artefacts are in a repository.
 */
function reportArtefacts(pkg, reports) {
    const artefacts = {};
    for (const [kind, spec] of Object.entries(reports)) {
        const uri = spec.from.map((location) => reportLocation(pkg, location)).find((found) => found !== undefined);
        if (uri !== undefined)
            artefacts[kind] = { paths: [uri], format: spec.format };
    }
    return artefacts;
}
function reportLocation(pkg, location) {
    const dot = location.indexOf('.');
    const root = location.slice(0, dot);
    const rest = location.slice(dot + 1);
    if (root === 'CustomerMetadataProperties') {
        const value = pkg.CustomerMetadataProperties?.[rest];
        return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
    }
    let node = root === 'ModelMetrics' ? pkg.ModelMetrics : pkg.DriftCheckBaselines;
    for (const part of rest.split('.'))
        node = node && typeof node === 'object' ? node[part] : undefined;
    const uri = node && typeof node === 'object' ? node.S3Uri : undefined;
    return typeof uri === 'string' && uri.trim() !== '' ? uri.trim() : undefined;
}
/** SageMaker limits ApprovalDescription to 1,024 characters. */
const MAX_DESCRIPTION = 1024;
/** What the hook writes as ApprovalDescription; it names the status it left, so its own echo event is recognised. */
function approvalDescription(outcome, status) {
    const failed = outcome.failed_rules.length > 0 ? `; failed: ${outcome.failed_rules.join(', ')}` : '';
    const text = `modelgate: ${outcome.verdict}; status ${status}; policy ${outcome.policy.name} ${outcome.policy.version}; decision ${outcome.decision_id}${failed}`;
    return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}
/** The status named by a description the hook wrote, or undefined for any other description. */
function statusLeftByModelgate(description) {
    return description === undefined ? undefined : /^modelgate: (?:pass|warn|fail); status (\w+);/.exec(description)?.[1];
}

;// CONCATENATED MODULE: ./src/registry/sagemaker/hook.ts








/**
 * `POST /hooks/sagemaker`: "SageMaker Model Package State Change" events from an EventBridge
 * rule whose target is an API destination; its connection sends the shared secret in
 * `secret_header`. A package waiting for approval or approved is judged from the reports its
 * ModelMetrics (or CustomerMetadataProperties) name, and the verdict is written back as its
 * ModelApprovalStatus (Rejected when blocked) with an ApprovalDescription.
 */
function createSageMakerHook(context, config, registry) {
    const { runtime, services } = context;
    const secret = Buffer.from(runtime.secrets.sagemaker.shared, 'utf8');
    const secretHeader = config.secret_header.toLowerCase();
    return async (request) => {
        const given = header(request, secretHeader);
        if (given === undefined)
            return rejected(`the ${config.secret_header} header is missing (set it as the API key of the EventBridge connection)`);
        const givenBytes = Buffer.from(given, 'utf8');
        if (givenBytes.length !== secret.length || !(0,external_node_crypto_.timingSafeEqual)(givenBytes, secret))
            return rejected(`the ${config.secret_header} header does not match the shared secret`);
        let event;
        try {
            event = parsePackageEvent(request.body.toString('utf8'));
        }
        catch (error) {
            if (error instanceof PayloadError)
                return badRequest(error.message);
            throw error;
        }
        if (event.kind === 'other')
            return ignored(`"${event.event}" events need no decision`);
        const age = (services.now().getTime() - event.time.getTime()) / 1000;
        if (age > config.max_event_age_seconds) {
            return rejected(`the event is from ${event.time.toISOString()}, older than ${config.max_event_age_seconds} s (a replay, or a delivery retried for too long)`, 'stale');
        }
        if (event.approvalStatus === 'Rejected')
            return ignored('a rejected package needs no decision');
        const { arn, model } = event;
        return runDelivery({
            source: 'sagemaker',
            key: `sagemaker:${event.id}`,
            model,
            judge: async () => {
                const settings = modelSettings(runtime.config, 'sagemaker', model);
                let files = new Map();
                let artefacts = {};
                let unreadableReason;
                let version = null;
                try {
                    const pkg = await registry.describeModelPackage(arn);
                    if (!pkg)
                        unreadableReason = `SageMaker has no model package ${arn}`;
                    else {
                        const current = pkg.ModelApprovalStatus;
                        if (current === 'Rejected')
                            return { ignored: 'the package is rejected: it needs no decision' };
                        if (pkg.ModelPackageStatus !== undefined && pkg.ModelPackageStatus !== 'Completed')
                            return { ignored: `the package is ${pkg.ModelPackageStatus}, not Completed` };
                        if (current !== undefined && statusLeftByModelgate(pkg.ApprovalDescription) === current) {
                            return { ignored: `the package's status ${current} is the one modelgate's last decision left` };
                        }
                        version = pkg.ModelPackageVersion === undefined ? null : String(pkg.ModelPackageVersion);
                        artefacts = reportArtefacts(pkg, config.reports);
                        files = await fetchFiles(artefactPaths(artefacts), (uri) => registry.getObject(uri, runtime.config.limits.max_file_bytes));
                    }
                }
                catch (error) {
                    unreadableReason = (0,errors/* describeError */.Uc)(error);
                }
                const judgement = await judgeRegistryModel(runtime.policy, runtime.config.limits, { name: model, version, risk: settings.risk, base: arn, artefacts }, files, 'SageMaker', services.now(), services.store, unreadableReason);
                return { judgement, trigger: { type: 'registry', registry: 'sagemaker', event: 'SageMaker Model Package State Change', ref: arn } };
            },
            writeBack: (outcome) => writeApproval(arn, outcome),
        }, services);
    };
    /** Rejected when blocked; on a pass, Approved when configured, else the status stays. Skipped when already written. */
    async function writeApproval(arn, outcome) {
        const pkg = await registry.describeModelPackage(arn);
        if (!pkg)
            return;
        const current = pkg.ModelApprovalStatus ?? 'PendingManualApproval';
        const status = outcome.verdict === 'fail' ? 'Rejected' : config.approve_on_pass ? 'Approved' : current;
        const description = approvalDescription(outcome, status);
        if (pkg.ApprovalDescription === description && current === status)
            return;
        await registry.updateApproval(arn, status, description);
    }
}

;// CONCATENATED MODULE: ./src/registry/server.ts









const HOOK_ROUTE = (source) => `/hooks/${source}`;
async function buildHookServer(options) {
    const { runtime, store, ledger } = options;
    const { config } = runtime;
    const metrics = createHookMetrics();
    const app = fastify_default()({
        logger: options.logger === undefined ? loggerOptions(runtime) : options.logger,
        bodyLimit: config.delivery.max_body_bytes,
    });
    const callOptions = (registry, operation) => ({
        timeoutMs: config.delivery.timeout_seconds * 1000,
        retries: config.delivery.retries,
        maxBytes: Math.max(config.limits.max_file_bytes, 1024 * 1024),
        ...(options.retryDelayMs !== undefined && { minDelayMs: options.retryDelayMs }),
        observe: observeCall(metrics, registry, operation),
    });
    const context = {
        runtime,
        callOptions,
        services: {
            ledger,
            store,
            actor: config.actor,
            now: options.now ?? (() => new Date()),
            metrics,
            log: app.log,
        },
    };
    const handlers = {};
    if (config.mlflow)
        handlers.mlflow = createMlflowHook(context, config.mlflow);
    if (config.huggingface)
        handlers.huggingface = createHuggingFaceHook(context, config.huggingface);
    if (config.sagemaker) {
        if (!options.sagemaker)
            throw new Error('the sagemaker source is configured but no SageMaker client was given');
        const registry = await options.sagemaker((source, operation, outcome, seconds) => metrics.registryCalls.observe({ registry: source, operation, outcome }, seconds));
        app.addHook('onClose', async () => registry.close());
        handlers.sagemaker = createSageMakerHook(context, config.sagemaker, registry);
    }
    await app.register((rate_limit_default()), { global: false });
    app.setErrorHandler((error, request, reply) => {
        const source = sourceOf(request.url);
        const status = error.statusCode ?? 500;
        let outcome = 'failed';
        let reason = (0,errors/* describeError */.Uc)(error);
        if (status === 413) {
            outcome = 'too_large';
            reason = `the body is larger than ${config.delivery.max_body_bytes} bytes`;
        }
        else if (status === 429) {
            outcome = 'rate_limited';
            reason = `more than ${rateOf(runtime, source).max} requests in ${rateOf(runtime, source).window_seconds} s from this registry: try again later`;
        }
        else if (status < 500) {
            outcome = 'bad_request';
        }
        else {
            request.log.error({ err: (0,errors/* describeError */.Uc)(error) }, 'hook request failed');
            reason = 'internal error; nothing was recorded';
        }
        if (source)
            metrics.deliveries.inc({ source, outcome });
        void reply.status(status).send({ result: status === 429 ? 'rate_limited' : 'rejected', reason });
    });
    // Hook routes read the body as raw bytes: signatures are over the exact bytes, and nothing is parsed before it is verified.
    await app.register(async (hooks) => {
        hooks.removeAllContentTypeParsers();
        hooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
        for (const source of SOURCES) {
            const handler = handlers[source];
            const limit = rateOf(runtime, source);
            hooks.post(HOOK_ROUTE(source), { config: { rateLimit: { max: limit.max, timeWindow: limit.window_seconds * 1000, keyGenerator: () => source, hook: 'onRequest' } } }, async (request, reply) => {
                const started = process.hrtime.bigint();
                let answer;
                if (!handler) {
                    answer = { status: 404, body: { result: 'rejected', reason: `the ${source} hook is not configured on this server` }, outcome: 'bad_request' };
                }
                else {
                    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
                    answer = await handler({ headers: request.headers, body });
                }
                metrics.deliveries.inc({ source, outcome: answer.outcome });
                metrics.hookDuration.observe({ source }, Number(process.hrtime.bigint() - started) / 1e9);
                if (answer.retryAfter !== undefined)
                    void reply.header('retry-after', String(answer.retryAfter));
                if (answer.status >= 400)
                    request.log.warn({ source, status: answer.status, outcome: answer.outcome, reason: answer.body.reason }, 'hook request not accepted');
                return reply.status(answer.status).send(answer.body);
            });
        }
    });
    app.get('/healthz', async () => ({ status: 'ok' }));
    app.get('/readyz', async (_request, reply) => {
        try {
            await ledger.ready();
            return { status: 'ready', audit: ledger.description };
        }
        catch (error) {
            return reply.status(503).send({ status: 'not ready', reason: (0,errors/* describeError */.Uc)(error) });
        }
    });
    app.get('/metrics', async (_request, reply) => {
        void reply.header('content-type', metrics.registry.contentType);
        return metrics.registry.metrics();
    });
    return { app, metrics };
}
function sourceOf(url) {
    const match = /^\/hooks\/([a-z]+)/.exec(url);
    return match && SOURCES.includes(match[1]) ? match[1] : undefined;
}
function rateOf(runtime, source) {
    return (source && runtime.config[source]?.rate_limit) || runtime.config.rate_limit;
}
/**
 * Structured JSON logs (pino). Requests are logged without their query string and without
 * headers; the headers that carry signatures and secrets are redacted should a serializer
 * ever include them.
 */
function loggerOptions(runtime) {
    const secretHeader = runtime.config.sagemaker?.secret_header.toLowerCase();
    return {
        level: runtime.config.log_level,
        redact: {
            paths: [
                'req.headers.authorization',
                `req.headers["${SIGNATURE_HEADER}"]`,
                'req.headers["x-webhook-secret"]',
                ...(secretHeader ? [`req.headers["${secretHeader}"]`] : []),
            ],
            censor: '[redacted]',
        },
        serializers: {
            req: (request) => ({ method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip }),
        },
    };
}

;// CONCATENATED MODULE: ./src/registry/serve.ts






async function startHookServer(options) {
    const runtime = await loadServeConfig(options.configPath, { cwd: options.cwd, env: options.env });
    const { store, ledger } = await openHookStore(runtime);
    try {
        const settings = runtime.config.sagemaker;
        const sagemaker = settings
            ? async (observe) => {
                const { createSageMakerRegistry } = await __webpack_require__.e(/* import() */ 581).then(__webpack_require__.bind(__webpack_require__, 54581));
                return createSageMakerRegistry({
                    region: settings.region,
                    endpoint: settings.endpoint,
                    s3Endpoint: settings.s3_endpoint,
                    s3ForcePathStyle: settings.s3_force_path_style,
                    timeoutMs: runtime.config.delivery.timeout_seconds * 1000,
                    retries: runtime.config.delivery.retries,
                    observe,
                });
            }
            : undefined;
        const server = await buildHookServer({ runtime, store, ledger, ...(sagemaker && { sagemaker }), ...(options.logger !== undefined && { logger: options.logger }) });
        const host = options.host ?? runtime.config.listen.host;
        const port = options.port ?? runtime.config.listen.port;
        const url = await server.app.listen({ host, port });
        server.app.log.info({ audit: store.description, sources: Object.keys(runtime.secrets), policy: `${runtime.policy.name} ${runtime.policy.version}` }, 'modelgate hook server listening');
        return {
            ...server,
            runtime,
            url,
            async close() {
                await server.app.close();
                await ledger.close();
                await store.close();
            },
        };
    }
    catch (error) {
        await ledger.close().catch(() => undefined);
        await store.close().catch(() => undefined);
        throw error;
    }
}
/**
 * The audit store and the delivery ledger that goes with it: PostgreSQL for replicas behind a
 * load balancer, or a file for a single replica. Relative `file:` paths start at the config's folder.
 * Both stores write the appends of concurrent requests together (group commit), so requests
 * do not wait on the chain's lock one by one.
 */
async function openHookStore(runtime) {
    const url = runtime.auditUrl;
    const kind = (0,stores_open/* auditStoreKind */.zY)(url);
    const leaseMs = runtime.config.delivery.lease_seconds * 1000;
    if (kind === 'postgres') {
        const store = await (0,stores_open/* openAuditStore */.Xb)(url, { cwd: runtime.dir });
        const { createPostgresLedger } = await Promise.all(/* import() */[__webpack_require__.e(849), __webpack_require__.e(724)]).then(__webpack_require__.bind(__webpack_require__, 59724));
        return { store, ledger: createPostgresLedger(url, { leaseMs }) };
    }
    if (kind !== 'file')
        throw (0,errors/* configError */.Fj)(`audit.url: the hook server keeps its records in PostgreSQL or a file, not in a ${kind}: store`);
    const store = await (0,stores_open/* openAuditStore */.Xb)(url, { cwd: runtime.dir });
    const rest = url.slice('file:'.length);
    const file = rest.startsWith('//') ? (0,external_node_url_.fileURLToPath)(url) : external_node_path_default().resolve(runtime.dir, rest);
    const { createFileLedger } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 81578));
    try {
        return { store, ledger: await createFileLedger(store, file, { leaseMs }) };
    }
    catch (error) {
        await store.close().catch(() => undefined);
        throw error;
    }
}


/***/ })

};
