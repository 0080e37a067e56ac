import pg from 'pg';
import type { AuditRecord, Enforcement } from '../audit/record.js';
import { AuditStoreError } from '../audit/store.js';
import { parsePostgresUrl } from '../audit/stores/postgres-store.js';
import { RECORDS_TABLE } from '../audit/stores/postgres-schema.js';
import { approvedAliasOf, outcomeOfRecord, type Claim, type DeliveryLedger, type RecordedOutcome } from './ledger.js';

/**
 * The ledger of hook servers that share a PostgreSQL audit store: any number of replicas
 * behind a load balancer. One row per delivery key in `modelgate_hook_deliveries`: the
 * primary key makes a key claimable once, a lease lets another replica take over from one
 * that died, and a replica that finds an expired lease first looks in the audit records for
 * the key, so a record appended just before a crash is never appended again.
 */
export const DELIVERIES_TABLE = 'modelgate_hook_deliveries';

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

interface Row {
  state: 'processing' | 'free' | 'recorded' | 'done';
  expired: boolean;
  model: string;
  enforcement: Enforcement | null;
  outcome: RecordedOutcome | null;
  ignored: string | null;
}

export function createPostgresLedger(url: string, options: { leaseMs: number }): DeliveryLedger {
  const target = parsePostgresUrl(url);
  const pool = new pg.Pool({ connectionString: target.connectionString, max: 8, connectionTimeoutMillis: 10_000, application_name: 'modelgate-hooks' });
  pool.on('error', () => undefined);
  const fail = (doing: string, error: unknown): AuditStoreError => {
    let reason = error instanceof Error ? error.message : String(error);
    if (target.password) reason = reason.split(target.password).join('***');
    return new AuditStoreError(`PostgreSQL ${target.shown}: cannot ${doing}: ${reason}`);
  };
  const query = async <T extends pg.QueryResultRow>(doing: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult<T>> => {
    try {
      return await pool.query<T>(sql, values);
    } catch (error) {
      throw fail(doing, error);
    }
  };

  // The table is created here rather than by `audit migrate`: it belongs to the hook server, not to
  // the audit trail. Created on first use, so a server can start while the database is still coming up.
  let created: Promise<void> | undefined;
  const ensureTable = () => {
    created ??= (async () => {
      const client = await pool.connect().catch((error: unknown) => {
        throw fail('connect', error);
      });
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [LOCK_KEY]);
        await client.query(CREATE_SQL);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw fail(`create the table ${DELIVERIES_TABLE}`, error);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      created = undefined;
      throw error;
    });
    return created;
  };

  /** Records of this delivery in the audit trail: found through the (chain, model) index, then by the key in the body. */
  const recordsOf = async (delivery: string, model: string): Promise<AuditRecord[]> => {
    const rows = await query<{ body: string }>(
      'look for the records of a delivery',
      `SELECT body FROM ${RECORDS_TABLE} WHERE chain = $1 AND model = $2 AND kind = 'decision' AND (body::jsonb #>> '{trigger,delivery}') = $3 ORDER BY seq`,
      [target.chain, model, delivery],
    );
    return rows.rows.map((row) => JSON.parse(row.body) as AuditRecord);
  };

  return {
    description: target.shown,

    async claim(delivery, model): Promise<Claim> {
      await ensureTable();
      const inserted = await query(
        'claim a delivery',
        `INSERT INTO ${DELIVERIES_TABLE} (chain, delivery, model, state, lease_until) VALUES ($1, $2, $3, 'processing', now() + $4 * interval '1 millisecond') ON CONFLICT DO NOTHING`,
        [target.chain, delivery, model, options.leaseMs],
      );
      if (inserted.rowCount === 1) return { state: 'new' };
      const found = await query<Row>(
        'read a delivery',
        `SELECT state, coalesce(lease_until < now(), true) AS expired, model, enforcement, outcome, ignored FROM ${DELIVERIES_TABLE} WHERE chain = $1 AND delivery = $2`,
        [target.chain, delivery],
      );
      const row = found.rows[0];
      if (!row) return { state: 'busy' };
      if (row.state === 'recorded') return { state: 'recorded', outcome: row.outcome! };
      if (row.state === 'done') return { state: 'done', ...(row.outcome && { outcome: row.outcome }), ...(row.ignored !== null && { ignored: row.ignored }) };
      if (row.state === 'processing' && !row.expired) return { state: 'busy' };
      // Free, or a lease whose holder is gone: take it, unless another replica takes it first.
      const taken = await query(
        'take over a delivery',
        `UPDATE ${DELIVERIES_TABLE} SET state = 'processing', lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
          WHERE chain = $1 AND delivery = $2 AND (state = 'free' OR (state = 'processing' AND lease_until < now()))`,
        [target.chain, delivery, options.leaseMs],
      );
      if (taken.rowCount !== 1) return { state: 'busy' };
      {
        // An earlier holder died or failed while appending: its record may have landed before the ledger heard of it.
        const record = (await recordsOf(delivery, row.model)).at(-1);
        const outcome = record && outcomeOfRecord(record);
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
      const rows = await query<{ body: string }>(
        'look for the last approved version of an alias',
        `SELECT body FROM ${RECORDS_TABLE}
          WHERE chain = $1 AND model = $2 AND kind = 'decision' AND verdict IN ('pass', 'warn')
            AND (body::jsonb #>> '{trigger,registry}') = 'mlflow' AND (body::jsonb #>> '{trigger,alias}') = $3
            AND (body::jsonb #>> '{subject,version}') IS DISTINCT FROM $4
          ORDER BY seq DESC LIMIT 1`,
        [target.chain, model, alias, except],
      );
      const record = rows.rows[0] && (JSON.parse(rows.rows[0].body) as AuditRecord);
      return record ? approvedAliasOf(record)?.version : undefined;
    },

    async ready() {
      await ensureTable();
      try {
        await pool.query(`SELECT 1 FROM ${RECORDS_TABLE} WHERE chain = $1 LIMIT 1`, [target.chain]);
        await pool.query(`SELECT 1 FROM ${DELIVERIES_TABLE} LIMIT 1`);
      } catch (error) {
        if ((error as { code?: string }).code === '42P01') {
          throw new AuditStoreError(`PostgreSQL ${target.shown}: the audit table does not exist: run \`modelgate audit migrate\` once`);
        }
        throw fail('reach the audit store', error);
      }
    },

    async close() {
      await pool.end();
    },
  };
}
