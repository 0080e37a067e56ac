export const id = 770;
export const ids = [770];
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
