export const id = 724;
export const ids = [724,871];
export const modules = {

/***/ 55207:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _x: () => (/* binding */ RECORDS_TABLE),
/* harmony export */   f$: () => (/* binding */ SCHEMA_VERSION),
/* harmony export */   ox: () => (/* binding */ MIGRATIONS),
/* harmony export */   tN: () => (/* binding */ MIGRATIONS_TABLE)
/* harmony export */ });
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


/***/ }),

/***/ 29871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPostgresStore: () => (/* binding */ createPostgresStore),
/* harmony export */   q: () => (/* binding */ parsePostgresUrl)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83849);
/* harmony import */ var _record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7114);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47374);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81234);
/* harmony import */ var _postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(55207);






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
        throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK('invalid PostgreSQL URL (expected postgres://user:password@host:port/database)');
    }
    const chain = parsed.searchParams.get('chain') ?? 'default';
    if (!CHAIN_NAME.test(chain))
        throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`invalid chain name "${chain}": use letters, digits, ".", "_" and "-"`);
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
    const pool = new pg__WEBPACK_IMPORTED_MODULE_1__/* ["default"].Pool */ .Ay.Pool({
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
                rows = (await pool.query(`SELECT seq::text AS position, body FROM ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .RECORDS_TABLE */ ._x} WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE_SIZE}`, [target.chain, after])).rows;
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
                return (0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .sealRecord */ .xe)(pending.build(head), head);
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
                    const landed = await client.query(`SELECT body FROM ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .RECORDS_TABLE */ ._x} WHERE chain = $1 AND id = ANY($2)`, [target.chain, tried]);
                    if (landed.rows.length > 0) {
                        await client.query('COMMIT');
                        const byId = new Map(landed.rows.map((row) => recordOf(row.body, target.shown)).map((record) => [record.id, record]));
                        return attempted.map((id) => (id === undefined ? undefined : byId.get(id)));
                    }
                }
                const last = await client.query(`SELECT body FROM ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .RECORDS_TABLE */ ._x} WHERE chain = $1 ORDER BY seq DESC LIMIT 1`, [target.chain]);
                let head = last.rows[0] ? headOf(last.rows[0].body, target.shown) : undefined;
                const records = [];
                const bodies = [];
                for (const pending of batch) {
                    const record = refused.has(pending) ? undefined : sealFor(pending, head);
                    records.push(record);
                    if (!record)
                        continue;
                    bodies.push((0,_record_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalJson */ .dj)(record));
                    head = { seq: record.seq, hash: record.hash };
                }
                attempted = records.map((record) => record?.id);
                if (bodies.length > 0) {
                    // One statement: each record's link to the one before it is checked at its end.
                    await client.query(`INSERT INTO ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .RECORDS_TABLE */ ._x} (chain, body) SELECT $1, body FROM unnest($2::text[]) AS batch(body)`, [target.chain, bodies]);
                }
                await client.query('COMMIT');
                return records;
            }
            catch (error) {
                broken = error;
                if (client)
                    await client.query('ROLLBACK').catch(() => undefined);
                if (!isTransient(error) || attempt >= retry.attempts) {
                    if (error instanceof _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK)
                        throw error;
                    const tried = attempted.some((id) => id !== undefined);
                    throw fail(error, tried ? 'append a record (it may or may not have been stored: run `modelgate audit log` to see)' : 'append a record');
                }
            }
            finally {
                // A client whose connection failed is destroyed rather than returned to the pool.
                release?.(broken && isTransient(broken) ? broken : undefined);
            }
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
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
            return (0,_store_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEntries */ .Km)(readEntries());
        },
        async migrate() {
            let client;
            let release;
            try {
                ({ client, release } = await checkout());
                await client.query('BEGIN');
                // Two migrations started at once run one after the other; the second finds nothing to do.
                await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${LOCK_PREFIX}migrate`]);
                await client.query(`CREATE TABLE IF NOT EXISTS ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .MIGRATIONS_TABLE */ .tN} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
                const done = new Set((await client.query(`SELECT version FROM ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .MIGRATIONS_TABLE */ .tN}`)).rows.map((row) => row.version));
                const newest = Math.max(0, ...done);
                if (newest > _postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .SCHEMA_VERSION */ .f$) {
                    throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${target.shown}: the audit schema is at version ${newest}, newer than this modelgate knows (${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .SCHEMA_VERSION */ .f$}): upgrade modelgate`);
                }
                const applied = [];
                for (const migration of _postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .MIGRATIONS */ .ox) {
                    if (done.has(migration.version))
                        continue;
                    await client.query(migration.sql);
                    await client.query(`INSERT INTO ${_postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .MIGRATIONS_TABLE */ .tN} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
                    applied.push(migration.version);
                }
                await client.query('COMMIT');
                return { applied, version: _postgres_schema_js__WEBPACK_IMPORTED_MODULE_5__/* .SCHEMA_VERSION */ .f$ };
            }
            catch (error) {
                if (client)
                    await client.query('ROLLBACK').catch(() => undefined);
                if (error instanceof _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK)
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
    const checked = (0,_verify_js__WEBPACK_IMPORTED_MODULE_4__/* .checkRecord */ .EQ)({ text: body, where: shown });
    if ('reason' in checked)
        throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`${shown}: a stored record is damaged: ${checked.reason}; run \`modelgate audit verify\``);
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
    if (error instanceof _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK)
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
    return new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .AuditStoreError */ .VK(`PostgreSQL ${target.shown}: cannot ${doing}: ${reason}`);
}


/***/ }),

/***/ 59724:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createPostgresLedger: () => (/* binding */ createPostgresLedger)
/* harmony export */ });
/* unused harmony export DELIVERIES_TABLE */
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83849);
/* harmony import */ var _audit_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47374);
/* harmony import */ var _audit_stores_postgres_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29871);
/* harmony import */ var _audit_stores_postgres_schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55207);
/* harmony import */ var _ledger_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81578);





/**
 * The ledger of hook servers that share a PostgreSQL audit store: any number of replicas
 * behind a load balancer. One row per delivery key in `modelgate_hook_deliveries`: the
 * primary key makes a key claimable once, a lease lets another replica take over from one
 * that died, and a replica that finds an expired lease first looks in the audit records for
 * the key, so a record appended just before a crash is never appended again.
 */
const DELIVERIES_TABLE = 'modelgate_hook_deliveries';
const LOCK_KEY = 'modelgate.hooks:migrate';
const CREATE_SQL = `
CREATE TABLE IF NOT EXISTS ${DELIVERIES_TABLE} (
  chain text NOT NULL,
  delivery text NOT NULL,
  model text NOT NULL,
  state text NOT NULL CHECK (state IN ('processing', 'free', 'recorded', 'done')),
  lease_until timestamptz,
  enforcement jsonb,
  outcome jsonb,
  ignored text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (chain, delivery)
)`;
function createPostgresLedger(url, options) {
    const target = (0,_audit_stores_postgres_store_js__WEBPACK_IMPORTED_MODULE_2__/* .parsePostgresUrl */ .q)(url);
    const pool = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Pool */ .Ay.Pool({ connectionString: target.connectionString, max: 8, connectionTimeoutMillis: 10_000, application_name: 'modelgate-hooks' });
    pool.on('error', () => undefined);
    const fail = (doing, error) => {
        let reason = error instanceof Error ? error.message : String(error);
        if (target.password)
            reason = reason.split(target.password).join('***');
        return new _audit_store_js__WEBPACK_IMPORTED_MODULE_1__/* .AuditStoreError */ .VK(`PostgreSQL ${target.shown}: cannot ${doing}: ${reason}`);
    };
    const query = async (doing, sql, values = []) => {
        try {
            return await pool.query(sql, values);
        }
        catch (error) {
            throw fail(doing, error);
        }
    };
    // The table is created here rather than by `audit migrate`: it belongs to the hook server, not to
    // the audit trail. Created on first use, so a server can start while the database is still coming up.
    let created;
    const ensureTable = () => {
        created ??= (async () => {
            const client = await pool.connect().catch((error) => {
                throw fail('connect', error);
            });
            try {
                await client.query('BEGIN');
                await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_KEY]);
                await client.query(CREATE_SQL);
                await client.query('COMMIT');
            }
            catch (error) {
                await client.query('ROLLBACK').catch(() => undefined);
                throw fail(`create the table ${DELIVERIES_TABLE}`, error);
            }
            finally {
                client.release();
            }
        })().catch((error) => {
            created = undefined;
            throw error;
        });
        return created;
    };
    /** Records of this delivery in the audit trail: found through the (chain, model) index, then by the key in the body. */
    const recordsOf = async (delivery, model) => {
        const rows = await query('look for the records of a delivery', `SELECT body FROM ${_audit_stores_postgres_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORDS_TABLE */ ._x} WHERE chain = $1 AND model = $2 AND kind = 'decision' AND (body::jsonb #>> '{trigger,delivery}') = $3 ORDER BY seq`, [target.chain, model, delivery]);
        return rows.rows.map((row) => JSON.parse(row.body));
    };
    return {
        description: target.shown,
        async claim(delivery, model) {
            await ensureTable();
            const inserted = await query('claim a delivery', `INSERT INTO ${DELIVERIES_TABLE} (chain, delivery, model, state, lease_until) VALUES ($1, $2, $3, 'processing', now() + $4 * interval '1 millisecond') ON CONFLICT DO NOTHING`, [target.chain, delivery, model, options.leaseMs]);
            if (inserted.rowCount === 1)
                return { state: 'new' };
            const found = await query('read a delivery', `SELECT state, coalesce(lease_until < now(), true) AS expired, model, enforcement, outcome, ignored FROM ${DELIVERIES_TABLE} WHERE chain = $1 AND delivery = $2`, [target.chain, delivery]);
            const row = found.rows[0];
            if (!row)
                return { state: 'busy' };
            if (row.state === 'recorded')
                return { state: 'recorded', outcome: row.outcome };
            if (row.state === 'done')
                return { state: 'done', ...(row.outcome && { outcome: row.outcome }), ...(row.ignored !== null && { ignored: row.ignored }) };
            if (row.state === 'processing' && !row.expired)
                return { state: 'busy' };
            // Free, or a lease whose holder is gone: take it, unless another replica takes it first.
            const taken = await query('take over a delivery', `UPDATE ${DELIVERIES_TABLE} SET state = 'processing', lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
          WHERE chain = $1 AND delivery = $2 AND (state = 'free' OR (state = 'processing' AND lease_until < now()))`, [target.chain, delivery, options.leaseMs]);
            if (taken.rowCount !== 1)
                return { state: 'busy' };
            {
                // An earlier holder died or failed while appending: its record may have landed before the ledger heard of it.
                const record = (await recordsOf(delivery, row.model)).at(-1);
                const outcome = record && (0,_ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .outcomeOfRecord */ .b)(record);
                if (outcome) {
                    await query('mark a delivery recorded', `UPDATE ${DELIVERIES_TABLE} SET state = 'recorded', outcome = $3, updated_at = now() WHERE chain = $1 AND delivery = $2`, [
                        target.chain,
                        delivery,
                        JSON.stringify(outcome),
                    ]);
                    return { state: 'recorded', outcome };
                }
            }
            return { state: 'new', ...(row.enforcement && { enforcement: row.enforcement }) };
        },
        async noteEnforcement(delivery, enforcement) {
            await query('note what was done to the registry', `UPDATE ${DELIVERIES_TABLE} SET enforcement = $3, updated_at = now() WHERE chain = $1 AND delivery = $2`, [
                target.chain,
                delivery,
                JSON.stringify(enforcement),
            ]);
        },
        async recorded(delivery, outcome) {
            await query('mark a delivery recorded', `UPDATE ${DELIVERIES_TABLE} SET state = 'recorded', outcome = $3, lease_until = NULL, updated_at = now() WHERE chain = $1 AND delivery = $2`, [
                target.chain,
                delivery,
                JSON.stringify(outcome),
            ]);
        },
        async done(delivery, ignored) {
            await query('mark a delivery done', `UPDATE ${DELIVERIES_TABLE} SET state = 'done', ignored = $3, lease_until = NULL, updated_at = now() WHERE chain = $1 AND delivery = $2`, [
                target.chain,
                delivery,
                ignored ?? null,
            ]);
        },
        async release(delivery) {
            await query('release a delivery', `UPDATE ${DELIVERIES_TABLE} SET state = 'free', lease_until = NULL, updated_at = now() WHERE chain = $1 AND delivery = $2 AND state = 'processing'`, [
                target.chain,
                delivery,
            ]);
        },
        async lastApprovedHolder(model, alias, except) {
            const rows = await query('look for the last approved version of an alias', `SELECT body FROM ${_audit_stores_postgres_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORDS_TABLE */ ._x}
          WHERE chain = $1 AND model = $2 AND kind = 'decision' AND verdict IN ('pass', 'warn')
            AND (body::jsonb #>> '{trigger,registry}') = 'mlflow' AND (body::jsonb #>> '{trigger,alias}') = $3
            AND (body::jsonb #>> '{subject,version}') IS DISTINCT FROM $4
          ORDER BY seq DESC LIMIT 1`, [target.chain, model, alias, except]);
            const record = rows.rows[0] && JSON.parse(rows.rows[0].body);
            return record ? (0,_ledger_js__WEBPACK_IMPORTED_MODULE_4__/* .approvedAliasOf */ .v)(record)?.version : undefined;
        },
        async ready() {
            await ensureTable();
            try {
                await pool.query(`SELECT 1 FROM ${_audit_stores_postgres_schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RECORDS_TABLE */ ._x} WHERE chain = $1 LIMIT 1`, [target.chain]);
                await pool.query(`SELECT 1 FROM ${DELIVERIES_TABLE} LIMIT 1`);
            }
            catch (error) {
                if (error.code === '42P01') {
                    throw new _audit_store_js__WEBPACK_IMPORTED_MODULE_1__/* .AuditStoreError */ .VK(`PostgreSQL ${target.shown}: the audit table does not exist: run \`modelgate audit migrate\` once`);
                }
                throw fail('reach the audit store', error);
            }
        },
        async close() {
            await pool.end();
        },
    };
}


/***/ })

};
