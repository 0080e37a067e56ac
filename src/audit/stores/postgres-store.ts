import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { canonicalJson, sealRecord, type AuditHead, type AuditRecord, type UnsignedRecord } from '../record.js';
import { AuditStoreError, parseEntries, type MigratableStore } from '../store.js';
import { checkRecord, type StoredEntry } from '../verify.js';
import { MIGRATIONS, MIGRATIONS_TABLE, RECORDS_TABLE, SCHEMA_VERSION } from './postgres-schema.js';

/**
 * Records in one PostgreSQL table, one chain per `chain` name (`?chain=` in the URL, default
 * `default`). An append is one transaction that takes the chain's advisory lock, reads the
 * head, inserts the record and commits; appends made on one store while a transaction runs go
 * together in the next one (group commit). The table's keys refuse a fork even without the lock.
 */
export interface PostgresStoreOptions {
  retry?: RetryOptions;
  /** Connections in the pool; appends to one chain queue on its lock whatever this is. */
  maxConnections?: number;
}

export interface RetryOptions {
  /** Tries of one append when the connection fails (server restart, terminated backend). */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 8, baseDelayMs: 100, maxDelayMs: 2_000 };
const PAGE_SIZE = 1000;
/** Appends committed in one transaction at most: bounds the time the chain's lock is held. */
const MAX_BATCH_RECORDS = 256;

interface PendingAppend {
  build: (head: AuditHead | undefined) => UnsignedRecord;
  resolve: (record: AuditRecord) => void;
  reject: (error: unknown) => void;
}
const CHAIN_NAME = /^[A-Za-z0-9._-]{1,100}$/;
/** Advisory lock keys for migrations and chains share one space with the application's own locks: a prefix keeps ours apart. */
const LOCK_PREFIX = 'modelgate.audit:';

export interface PostgresTarget {
  /** What pg connects with: the URL without modelgate's own parameters. */
  connectionString: string;
  chain: string;
  /** `postgres://user@host:port/db`, never with the password. */
  shown: string;
  password: string;
}

/** Splits modelgate's `chain` parameter off the URL and prepares a description without the password. */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AuditStoreError('invalid PostgreSQL URL (expected postgres://user:password@host:port/database)');
  }
  const chain = parsed.searchParams.get('chain') ?? 'default';
  if (!CHAIN_NAME.test(chain)) throw new AuditStoreError(`invalid chain name "${chain}": use letters, digits, ".", "_" and "-"`);
  parsed.searchParams.delete('chain');
  const password = decodeURIComponent(parsed.password);
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default database)';
  const shown = `${parsed.protocol}//${user}${decodeURIComponent(parsed.host)}/${database}${chain === 'default' ? '' : ` (chain ${chain})`}`;
  return { connectionString: parsed.toString(), chain, shown, password };
}

export function createPostgresStore(url: string, options: PostgresStoreOptions = {}): MigratableStore {
  const target = parsePostgresUrl(url);
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: 10_000,
    application_name: 'modelgate',
  });
  // An idle connection the server closed (restart, terminated backend) is dropped by the pool;
  // without a listener its error would end the process.
  pool.on('error', () => undefined);

  const fail = (error: unknown, doing: string): AuditStoreError => describePgError(error, doing, target);

  /**
   * A pooled connection with an error listener while it is checked out: a connection the server
   * ends between two queries emits an error event, which must not end the process; the next
   * query on it fails and the append is retried.
   */
  const checkout = async (): Promise<{ client: pg.PoolClient; release: (error?: Error) => void }> => {
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

  const readEntries = async function* (): AsyncGenerator<StoredEntry[]> {
    let after = -1;
    for (;;) {
      let rows: { position: string; body: string }[];
      try {
        // Keyset pages, not OFFSET: each page costs the same however long the chain is.
        rows = (
          await pool.query<{ position: string; body: string }>(
            `SELECT seq::text AS position, body FROM ${RECORDS_TABLE} WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE_SIZE}`,
            [target.chain, after],
          )
        ).rows;
      } catch (error) {
        throw fail(error, 'read the audit records');
      }
      if (rows.length > 0) yield rows.map((row) => ({ text: row.body, where: `${target.shown} seq ${row.position}` }));
      if (rows.length < PAGE_SIZE) return;
      after = Number(rows[rows.length - 1]!.position);
    }
  };

  /**
   * Group commit: appends that arrive while a transaction is running wait, then go together in
   * the next one (one lock, one head read, one INSERT, one COMMIT). Each caller still gets its
   * own record, sealed to the one before it, or an error; none is answered before the COMMIT.
   */
  const waiting: PendingAppend[] = [];
  let writing: Promise<void> | undefined;

  const writeWaiting = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH_RECORDS);
      try {
        const records = await appendBatch(batch);
        batch.forEach((pending, index) => {
          const record = records[index];
          if (record) pending.resolve(record);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    writing = undefined;
  };

  /**
   * One transaction for a batch; the records by the batch's positions (undefined where the
   * builder failed, which rejects that caller). Retried after a lost connection.
   */
  const appendBatch = async (batch: PendingAppend[]): Promise<(AuditRecord | undefined)[]> => {
    // Ids of records this batch tried to insert: after a lost connection, they may have
    // committed (all of them: one INSERT). Checking under the chain's lock (which the lost
    // transaction held until it ended) tells for sure, so a retry never lands a record twice.
    let attempted: (string | undefined)[] = [];
    // A caller told its builder failed is never recorded by a later try.
    const refused = new Set<PendingAppend>();
    const sealFor = (pending: PendingAppend, head: AuditHead | undefined): AuditRecord | undefined => {
      try {
        return sealRecord(pending.build(head), head);
      } catch (error) {
        // This caller's record is refused; the others link to the head as it stands.
        pending.reject(error);
        refused.add(pending);
        return undefined;
      }
    };
    for (let attempt = 1; ; attempt += 1) {
      let client: pg.PoolClient | undefined;
      let release: ((error?: Error) => void) | undefined;
      let broken: unknown;
      try {
        ({ client, release } = await checkout());
        await client.query(`BEGIN; SET LOCAL lock_timeout = '60s'`);
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_PREFIX + target.chain]);
        const tried = attempted.filter((id): id is string => id !== undefined);
        if (tried.length > 0) {
          const landed = await client.query<{ body: string }>(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 AND id = ANY($2)`, [target.chain, tried]);
          if (landed.rows.length > 0) {
            await client.query('COMMIT');
            const byId = new Map(landed.rows.map((row) => recordOf(row.body, target.shown)).map((record) => [record.id, record]));
            return attempted.map((id) => (id === undefined ? undefined : byId.get(id)));
          }
        }
        const last = await client.query<{ body: string }>(`SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 ORDER BY seq DESC LIMIT 1`, [target.chain]);
        let head = last.rows[0] ? headOf(last.rows[0].body, target.shown) : undefined;
        const records: (AuditRecord | undefined)[] = [];
        const bodies: string[] = [];
        for (const pending of batch) {
          const record = refused.has(pending) ? undefined : sealFor(pending, head);
          records.push(record);
          if (!record) continue;
          bodies.push(canonicalJson(record));
          head = { seq: record.seq, hash: record.hash };
        }
        attempted = records.map((record) => record?.id);
        if (bodies.length > 0) {
          // One statement: each record's link to the one before it is checked at its end.
          await client.query(`INSERT INTO ${RECORDS_TABLE} (chain, body) SELECT $1, body FROM unnest($2::text[]) AS batch(body)`, [target.chain, bodies]);
        }
        await client.query('COMMIT');
        return records;
      } catch (error) {
        broken = error;
        if (client) await client.query('ROLLBACK').catch(() => undefined);
        if (!isTransient(error) || attempt >= retry.attempts) {
          if (error instanceof AuditStoreError) throw error;
          const tried = attempted.some((id) => id !== undefined);
          throw fail(error, tried ? 'append a record (it may or may not have been stored: run `modelgate audit log` to see)' : 'append a record');
        }
      } finally {
        // A client whose connection failed is destroyed rather than returned to the pool.
        release?.(broken && isTransient(broken) ? (broken as Error) : undefined);
      }
      await sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
    }
  };

  return {
    description: target.shown,

    append(build) {
      return new Promise<AuditRecord>((resolve, reject) => {
        waiting.push({ build, resolve, reject });
        if (!writing) writing = writeWaiting();
      });
    },

    readEntries,

    readAll() {
      return parseEntries(readEntries());
    },

    async migrate() {
      let client: pg.PoolClient | undefined;
      let release: ((error?: Error) => void) | undefined;
      try {
        ({ client, release } = await checkout());
        await client.query('BEGIN');
        // Two migrations started at once run one after the other; the second finds nothing to do.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${LOCK_PREFIX}migrate`]);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${MIGRATIONS_TABLE}`)).rows.map((row) => row.version));
        const newest = Math.max(0, ...done);
        if (newest > SCHEMA_VERSION) {
          throw new AuditStoreError(`${target.shown}: the audit schema is at version ${newest}, newer than this modelgate knows (${SCHEMA_VERSION}): upgrade modelgate`);
        }
        const applied: number[] = [];
        for (const migration of MIGRATIONS) {
          if (done.has(migration.version)) continue;
          await client.query(migration.sql);
          await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
        return { applied, version: SCHEMA_VERSION };
      } catch (error) {
        if (client) await client.query('ROLLBACK').catch(() => undefined);
        if (error instanceof AuditStoreError) throw error;
        throw fail(error, 'migrate the audit schema');
      } finally {
        release?.();
      }
    },

    async close() {
      await pool.end();
    },
  };
}

function recordOf(body: string, shown: string): AuditRecord {
  const checked = checkRecord({ text: body, where: shown });
  if ('reason' in checked) throw new AuditStoreError(`${shown}: a stored record is damaged: ${checked.reason}; run \`modelgate audit verify\``);
  return checked.record;
}

/** The head record is checked before anything is linked to it, so damage is never built upon. */
function headOf(body: string, shown: string): AuditHead {
  const record = recordOf(body, shown);
  return { seq: record.seq, hash: record.hash };
}

/** SQLSTATE classes and socket errors after which the same append can safely be tried again. */
const TRANSIENT_CODES = new Set(['57P01', '57P02', '57P03', '40001', '40P01', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

function isTransient(error: unknown): boolean {
  if (error instanceof AuditStoreError) return false;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (TRANSIENT_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  // Not a connect timeout: a server that does not answer for 10 s is not restarting, and retrying would keep a run waiting for minutes.
  return /Connection terminated|connection error|not queryable/i.test(message);
}

/** A message that names the server and database but never the password. */
function describePgError(error: unknown, doing: string, target: PostgresTarget): AuditStoreError {
  const code = (error as { code?: unknown } | undefined)?.code;
  let reason = error instanceof Error ? error.message : String(error);
  if (code === '42P01') reason = `the audit table does not exist: run \`modelgate audit migrate --audit ${target.shown.replace(/ \(chain .*\)$/, '')}\` once`;
  else if (code === '55P03') reason = 'timed out waiting for the chain lock: another writer holds it';
  else if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) reason = `cannot connect (${reason})`;
  if (target.password) reason = reason.split(target.password).join('***');
  return new AuditStoreError(`PostgreSQL ${target.shown}: cannot ${doing}: ${reason}`);
}
