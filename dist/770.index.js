export const id = 770;
export const ids = [770];
export const modules = {

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
// EXTERNAL MODULE: ./src/audit/verify.ts
var verify = __webpack_require__(42622);
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
            for (const row of rows)
                yield { text: row.body, where: `${target.shown} seq ${row.position}` };
            if (rows.length < PAGE_SIZE)
                return;
            after = Number(rows[rows.length - 1].position);
        }
    };
    return {
        description: target.shown,
        async append(build) {
            // Ids of records this call tried to insert: after a lost connection, one of them may have
            // committed. Checking under the chain's lock (which the lost transaction held until it
            // ended) tells for sure, so a retry never lands a record twice.
            const attempted = [];
            for (let attempt = 1;; attempt += 1) {
                let client;
                let release;
                let broken;
                try {
                    ({ client, release } = await checkout());
                    await client.query('BEGIN');
                    await client.query(`SET LOCAL lock_timeout = '60s'`);
                    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_PREFIX + target.chain]);
                    if (attempted.length > 0) {
                        const landed = await client.query(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 AND id = ANY($2)`, [target.chain, attempted]);
                        if (landed.rows[0]) {
                            await client.query('COMMIT');
                            return recordOf(landed.rows[0].body, target.shown);
                        }
                    }
                    const last = await client.query(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 ORDER BY seq DESC LIMIT 1`, [target.chain]);
                    const head = last.rows[0] ? headOf(last.rows[0].body, target.shown) : undefined;
                    const record = (0,audit_record/* sealRecord */.xe)(build(head), head);
                    attempted.push(record.id);
                    await client.query(`INSERT INTO ${RECORDS_TABLE} (chain, body) VALUES ($1, $2)`, [target.chain, (0,audit_record/* canonicalJson */.dj)(record)]);
                    await client.query('COMMIT');
                    return record;
                }
                catch (error) {
                    broken = error;
                    if (client)
                        await client.query('ROLLBACK').catch(() => undefined);
                    if (!isTransient(error) || attempt >= retry.attempts) {
                        if (error instanceof store/* AuditStoreError */.VK)
                            throw error;
                        throw fail(error, attempted.length > 0 ? 'append a record (it may or may not have been stored: run `modelgate audit log` to see)' : 'append a record');
                    }
                }
                finally {
                    // A client whose connection failed is destroyed rather than returned to the pool.
                    release?.(broken && isTransient(broken) ? broken : undefined);
                }
                await (0,promises_.setTimeout)(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
            }
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


/***/ })

};
