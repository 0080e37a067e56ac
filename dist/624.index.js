export const id = 624;
export const ids = [624];
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

/***/ 75770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPostgresStore: () => (/* binding */ createPostgresStore)
});

// UNUSED EXPORTS: parsePostgresUrl

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(83849);
// EXTERNAL MODULE: ./src/audit/record.ts
var audit_record = __webpack_require__(7114);
// EXTERNAL MODULE: ./src/audit/store.ts
var store = __webpack_require__(47374);
// EXTERNAL MODULE: ./src/audit/verify.ts + 1 modules
var verify = __webpack_require__(81234);
;// CONCATENATED MODULE: ./src/audit/stores/postgres-schema.ts
const RECORDS_TABLE = 'modelgate_audit_records';
const MIGRATIONS_TABLE = 'modelgate_schema_migrations';
const MIGRATIONS = [
    {
        version: 1,
        description: 'append-only audit records, chained per chain name',
        // The record's own text is what is stored (`body`, its canonical JSON); every other column
        // is generated from it, so no column can disagree with the record that was hashed. The keys
        // guard the chain even against a writer that skips the advisory lock: one record per seq,
        // each hash and id once, `prev` must name a record of the same chain and can be named only
        // once (no fork). Triggers refuse UPDATE, DELETE and TRUNCATE.
        sql: `
CREATE TABLE ${RECORDS_TABLE} (
  chain text NOT NULL,
  body text NOT NULL,
  seq bigint GENERATED ALWAYS AS (((body::jsonb) ->> 'seq')::bigint) STORED NOT NULL,
  id text GENERATED ALWAYS AS ((body::jsonb) ->> 'id') STORED NOT NULL,
  hash text GENERATED ALWAYS AS ((body::jsonb) ->> 'hash') STORED NOT NULL,
  prev text GENERATED ALWAYS AS ((body::jsonb) ->> 'prev') STORED,
  kind text GENERATED ALWAYS AS ((body::jsonb) ->> 'kind') STORED NOT NULL,
  model text GENERATED ALWAYS AS ((body::jsonb) #>> '{subject,model}') STORED,
  verdict text GENERATED ALWAYS AS ((body::jsonb) ->> 'verdict') STORED,
  time text GENERATED ALWAYS AS ((body::jsonb) ->> 'time') STORED NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain, seq),
  UNIQUE (hash),
  UNIQUE (id),
  UNIQUE (chain, hash),
  UNIQUE (chain, prev),
  FOREIGN KEY (chain, prev) REFERENCES ${RECORDS_TABLE} (chain, hash),
  CHECK (seq >= 0),
  CHECK ((seq = 0) = (prev IS NULL))
);
CREATE INDEX ${RECORDS_TABLE}_model ON ${RECORDS_TABLE} (chain, model, seq);
CREATE FUNCTION modelgate_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'modelgate audit records are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER ${RECORDS_TABLE}_append_only BEFORE UPDATE OR DELETE ON ${RECORDS_TABLE}
  FOR EACH ROW EXECUTE FUNCTION modelgate_audit_refuse_change();
CREATE TRIGGER ${RECORDS_TABLE}_no_truncate BEFORE TRUNCATE ON ${RECORDS_TABLE}
  FOR EACH STATEMENT EXECUTE FUNCTION modelgate_audit_refuse_change();
`,
    },
];
const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));

;// CONCATENATED MODULE: ./src/audit/stores/postgres-store.ts






const DEFAULT_RETRY = { attempts: 8, baseDelayMs: 100, maxDelayMs: 2_000 };
const PAGE_SIZE = 1000;
/** Appends committed in one transaction at most: bounds the time the chain's lock is held. */
const MAX_BATCH_RECORDS = 256;
const CHAIN_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** Advisory lock keys for migrations and chains share one space with the application's own locks: a prefix keeps ours apart. */
const LOCK_PREFIX = 'modelgate.audit:';
/** Splits modelgate's `chain` parameter off the URL and prepares a description without the password. */
function parsePostgresUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new store/* AuditStoreError */.VK('invalid PostgreSQL URL (expected postgres://user:password@host:port/database)');
    }
    const chain = parsed.searchParams.get('chain') ?? 'default';
    if (!CHAIN_NAME.test(chain))
        throw new store/* AuditStoreError */.VK(`invalid chain name "${chain}": use letters, digits, ".", "_" and "-"`);
    parsed.searchParams.delete('chain');
    const password = decodeURIComponent(parsed.password);
    const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
    const shown = `${parsed.protocol}//${user}${decodeURIComponent(parsed.host)}/${database}${chain === 'default' ? '' : ` (chain ${chain})`}`;
    return { connectionString: parsed.toString(), chain, shown, password };
}
function createPostgresStore(url, options = {}) {
    const target = parsePostgresUrl(url);
    const retry = { ...DEFAULT_RETRY, ...options.retry };
    const pool = new esm/* default.Pool */.Ay.Pool({
        connectionString: target.connectionString,
        max: options.maxConnections ?? 4,
        connectionTimeoutMillis: 10_000,
        application_name: 'modelgate',
    });
    // An idle connection the server closed (restart, terminated backend) is dropped by the pool;
    // without a listener its error would end the process.
    pool.on('error', () => undefined);
    const fail = (error, doing) => describePgError(error, doing, target);
    /**
     * A pooled connection with an error listener while it is checked out: a connection the server
     * ends between two queries emits an error event, which must not end the process; the next
     * query on it fails and the append is retried.
     */
    const checkout = async () => {
        const client = await pool.connect();
        const ignore = () => undefined;
        client.on('error', ignore);
        return {
            client,
            release: (error) => {
                client.off('error', ignore);
                client.release(error);
            },
        };
    };
    const readEntries = async function* () {
        let after = -1;
        for (;;) {
            let rows;
            try {
                // Keyset pages, not OFFSET: each page costs the same however long the chain is.
                rows = (await pool.query(`SELECT seq::text AS position, body FROM ${RECORDS_TABLE} WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE_SIZE}`, [target.chain, after])).rows;
            }
            catch (error) {
                throw fail(error, 'read the audit records');
            }
            if (rows.length > 0)
                yield rows.map((row) => ({ text: row.body, where: `${target.shown} seq ${row.position}` }));
            if (rows.length < PAGE_SIZE)
                return;
            after = Number(rows[rows.length - 1].position);
        }
    };
    /**
     * Group commit: appends that arrive while a transaction is running wait, then go together in
     * the next one (one lock, one head read, one INSERT, one COMMIT). Each caller still gets its
     * own record, sealed to the one before it, or an error; none is answered before the COMMIT.
     */
    const waiting = [];
    let writing;
    const writeWaiting = async () => {
        while (waiting.length > 0) {
            const batch = waiting.splice(0, MAX_BATCH_RECORDS);
            try {
                const records = await appendBatch(batch);
                batch.forEach((pending, index) => {
                    const record = records[index];
                    if (record)
                        pending.resolve(record);
                });
            }
            catch (error) {
                for (const pending of batch)
                    pending.reject(error);
            }
        }
        writing = undefined;
    };
    /**
     * One transaction for a batch; the records by the batch's positions (undefined where the
     * builder failed, which rejects that caller). Retried after a lost connection.
     */
    const appendBatch = async (batch) => {
        // Ids of records this batch tried to insert: after a lost connection, they may have
        // committed (all of them: one INSERT). Checking under the chain's lock (which the lost
        // transaction held until it ended) tells for sure, so a retry never lands a record twice.
        let attempted = [];
        // A caller told its builder failed is never recorded by a later try.
        const refused = new Set();
        const sealFor = (pending, head) => {
            try {
                return (0,audit_record/* sealRecord */.xe)(pending.build(head), head);
            }
            catch (error) {
                // This caller's record is refused; the others link to the head as it stands.
                pending.reject(error);
                refused.add(pending);
                return undefined;
            }
        };
        for (let attempt = 1;; attempt += 1) {
            let client;
            let release;
            let broken;
            try {
                ({ client, release } = await checkout());
                await client.query(`BEGIN; SET LOCAL lock_timeout = '60s'`);
                await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_PREFIX + target.chain]);
                const tried = attempted.filter((id) => id !== undefined);
                if (tried.length > 0) {
                    const landed = await client.query(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 AND id = ANY($2)`, [target.chain, tried]);
                    if (landed.rows.length > 0) {
                        await client.query('COMMIT');
                        const byId = new Map(landed.rows.map((row) => recordOf(row.body, target.shown)).map((record) => [record.id, record]));
                        return attempted.map((id) => (id === undefined ? undefined : byId.get(id)));
                    }
                }
                const last = await client.query(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 ORDER BY seq DESC LIMIT 1`, [target.chain]);
                let head = last.rows[0] ? headOf(last.rows[0].body, target.shown) : undefined;
                const records = [];
                const bodies = [];
                for (const pending of batch) {
                    const record = refused.has(pending) ? undefined : sealFor(pending, head);
                    records.push(record);
                    if (!record)
                        continue;
                    bodies.push((0,audit_record/* canonicalJson */.dj)(record));
                    head = { seq: record.seq, hash: record.hash };
                }
                attempted = records.map((record) => record?.id);
                if (bodies.length > 0) {
                    // One statement: each record's link to the one before it is checked at its end.
                    await client.query(`INSERT INTO ${RECORDS_TABLE} (chain, body) SELECT $1, body FROM unnest($2::text[]) AS batch(body)`, [target.chain, bodies]);
                }
                await client.query('COMMIT');
                return records;
            }
            catch (error) {
                broken = error;
                if (client)
                    await client.query('ROLLBACK').catch(() => undefined);
                if (!isTransient(error) || attempt >= retry.attempts) {
                    if (error instanceof store/* AuditStoreError */.VK)
                        throw error;
                    const tried = attempted.some((id) => id !== undefined);
                    throw fail(error, tried ? 'append a record (it may or may not have been stored: run `modelgate audit log` to see)' : 'append a record');
                }
            }
            finally {
                // A client whose connection failed is destroyed rather than returned to the pool.
                release?.(broken && isTransient(broken) ? broken : undefined);
            }
            await (0,promises_.setTimeout)(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
        }
    };
    return {
        description: target.shown,
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
        async migrate() {
            let client;
            let release;
            try {
                ({ client, release } = await checkout());
                await client.query('BEGIN');
                // Two migrations started at once run one after the other; the second finds nothing to do.
                await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${LOCK_PREFIX}migrate`]);
                await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
                const done = new Set((await client.query(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map((row) => row.version));
                const newest = Math.max(0, ...done);
                if (newest > SCHEMA_VERSION) {
                    throw new store/* AuditStoreError */.VK(`${target.shown}: the audit schema is at version ${newest}, newer than this modelgate knows (${SCHEMA_VERSION}): upgrade modelgate`);
                }
                const applied = [];
                for (const migration of MIGRATIONS) {
                    if (done.has(migration.version))
                        continue;
                    await client.query(migration.sql);
                    await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
                    applied.push(migration.version);
                }
                await client.query('COMMIT');
                return { applied, version: SCHEMA_VERSION };
            }
            catch (error) {
                if (client)
                    await client.query('ROLLBACK').catch(() => undefined);
                if (error instanceof store/* AuditStoreError */.VK)
                    throw error;
                throw fail(error, 'migrate the audit schema');
            }
            finally {
                release?.();
            }
        },
        async close() {
            await pool.end();
        },
    };
}
function recordOf(body, shown) {
    const checked = (0,verify/* checkRecord */.EQ)({ text: body, where: shown });
    if ('reason' in checked)
        throw new store/* AuditStoreError */.VK(`${shown}: a stored record is damaged: ${checked.reason}; run \`modelgate audit verify\``);
    return checked.record;
}
/** The head record is checked before anything is linked to it, so damage is never built upon. */
function headOf(body, shown) {
    const record = recordOf(body, shown);
    return { seq: record.seq, hash: record.hash };
}
/** SQLSTATE classes and socket errors after which the same append can safely be tried again. */
const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '40001', '40P01', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);
function isTransient(error) {
    if (error instanceof store/* AuditStoreError */.VK)
        return false;
    const code = error?.code;
    if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08')))
        return true;
    const message = error instanceof Error ? error.message : '';
    // Not a connect timeout: a server that does not answer for 10 s is not restarting, and retrying would keep a run waiting for minutes.
    return /Connection terminated|connection error|not queryable/i.test(message);
}
/** A message that names the server and database but never the password. */
function describePgError(error, doing, target) {
    const code = error?.code;
    let reason = error instanceof Error ? error.message : String(error);
    if (code === '42P01')
        reason = `the audit table does not exist: run \`modelgate audit migrate --audit ${target.shown.replace(/ \(chain .*\)$/, '')}\` once`;
    else if (code === '55P03')
        reason = 'timed out waiting for the chain lock: another writer holds it';
    else if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
        reason = `cannot connect (${reason})`;
    if (target.password)
        reason = reason.split(target.password).join('***');
    return new store/* AuditStoreError */.VK(`PostgreSQL ${target.shown}: cannot ${doing}: ${reason}`);
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


/***/ })

};
