import { exec } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecisionRecord, canonicalJson, sealRecord, type AuditRecord } from '../../src/audit/record.js';
import type { AuditStore } from '../../src/audit/store.js';
import { createPostgresStore, parsePostgresUrl } from '../../src/audit/stores/postgres-store.js';
import { verifyEntries } from '../../src/audit/verify.js';
import { context, decisionEntry } from './records.js';
import { chainUrl, POSTGRES_RESTART, POSTGRES_URL, requirePostgres, shownUrl } from './postgres.js';

const append = (store: AuditStore, model = 'm') => store.append((head) => buildDecisionRecord(decisionEntry(model), head, context()));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('postgres store without a server', () => {
  it('reads the chain from the URL and never shows the password', () => {
    expect(parsePostgresUrl('postgresql://auditor:p%40ss@db.internal:5433/governance?chain=registry&sslmode=require')).toEqual({
      connectionString: 'postgresql://auditor:p%40ss@db.internal:5433/governance?sslmode=require',
      chain: 'registry',
      shown: 'postgresql://auditor@db.internal:5433/governance (chain registry)',
      password: 'p@ss',
    });
    expect(() => parsePostgresUrl('postgres://db/x?chain=no spaces')).toThrow('invalid chain name "no spaces"');
  });

  it('names host and database, not the password, when it cannot connect', async () => {
    const store = createPostgresStore('postgres://auditor:s3cret-pw@127.0.0.1:1/audit_db', { retry: { attempts: 1 } });
    try {
      const failure = await append(store).then(() => undefined, (error: Error) => error);
      expect(failure?.message).toMatch(/^PostgreSQL postgres:\/\/auditor@127\.0\.0\.1:1\/audit_db: cannot append a record: cannot connect \(.*ECONNREFUSED.*\)$/);
      expect(failure?.message).not.toContain('s3cret');
    } finally {
      await store.close();
    }
  });
});

requirePostgres('the PostgreSQL store tests');

describe.runIf(POSTGRES_URL)('postgres store', () => {
  let admin: pg.Client;

  beforeAll(async () => {
    admin = await connectAdmin();
    const store = createPostgresStore(POSTGRES_URL!);
    await store.migrate();
    await store.close();
  });

  afterAll(async () => {
    await admin?.end();
  });

  it('migrates idempotently, also when two migrations start at once', async () => {
    const stores = [createPostgresStore(POSTGRES_URL!), createPostgresStore(POSTGRES_URL!)];
    const results = await Promise.all(stores.map((store) => store.migrate()));
    expect(results).toEqual([
      { applied: [], version: 1 },
      { applied: [], version: 1 },
    ]);
    await Promise.all(stores.map((store) => store.close()));
    const versions = await admin.query('SELECT version, description FROM modelgate_schema_migrations ORDER BY version');
    expect(versions.rows).toEqual([{ version: 1, description: expect.any(String) }]);
  });

  it('migrates a new database once, and says to migrate when it has not been', async () => {
    const database = `modelgate_fresh_${randomUUID().replace(/-/g, '')}`;
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${database}`;
    const store = createPostgresStore(url.toString(), { retry: { attempts: 1 } });
    try {
      await expect(append(store)).rejects.toThrow(
        `PostgreSQL ${shownUrl(url.toString())}: cannot append a record: the audit table does not exist: run \`modelgate audit migrate --audit ${shownUrl(url.toString())}\` once`,
      );
      expect(await store.migrate()).toEqual({ applied: [1], version: 1 });
      expect(await store.migrate()).toEqual({ applied: [], version: 1 });
      expect((await append(store)).seq).toBe(0);
    } finally {
      await store.close();
      await admin.query(`DROP DATABASE ${database}`);
    }
  });

  it('appends, reads back in order and verifies', async () => {
    const store = createPostgresStore(chainUrl());
    try {
      const first = await append(store, 'a');
      const second = await append(store, 'b');
      expect([first.seq, second.seq, second.prev]).toEqual([0, 1, first.hash]);
      expect(await collect(store.readAll())).toEqual([first, second]);
      expect(await verifyEntries(store.readEntries())).toEqual({ ok: true, checked: 2, head: { seq: 1, hash: second.hash } });
    } finally {
      await store.close();
    }
  });

  it('keeps 50 concurrent writers over several connections and stores in one chain', async () => {
    const url = chainUrl();
    const stores = Array.from({ length: 5 }, () => createPostgresStore(url, { maxConnections: 5 }));
    try {
      const records = await Promise.all(Array.from({ length: 50 }, (_, index) => append(stores[index % 5]!, `model-${index}`)));
      expect(new Set(records.map((record) => record.seq)).size).toBe(50);
      expect(await verifyEntries(stores[0]!.readEntries())).toMatchObject({ ok: true, checked: 50, head: { seq: 49 } });
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('commits appends made at once on one store in call order, and a builder that fails loses only its own record', async () => {
    const store = createPostgresStore(chainUrl());
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 30 }, (_, index) =>
          index === 7
            ? store.append(() => {
                throw new Error('the builder failed');
              })
            : append(store, `model-${index}`),
        ),
      );
      expect(outcomes[7]).toEqual({ status: 'rejected', reason: new Error('the builder failed') });
      const records = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      expect(records.map((record) => record.seq)).toEqual(Array.from({ length: 29 }, (_, index) => index));
      expect(records.map((record) => record.subject?.model)).toEqual(Array.from({ length: 30 }, (_, index) => `model-${index}`).filter((_, index) => index !== 7));
      expect(await collect(store.readAll())).toEqual(records);
      expect(await verifyEntries(store.readEntries())).toMatchObject({ ok: true, checked: 29, head: { seq: 28 } });
    } finally {
      await store.close();
    }
  });

  it('reads long chains page by page', async () => {
    const url = chainUrl();
    const store = createPostgresStore(url);
    try {
      // Inserted directly, in one statement, to make more than a page quickly.
      const records: AuditRecord[] = [];
      let head: { seq: number; hash: string } | undefined;
      for (let index = 0; index < 1203; index += 1) {
        const record = sealRecord(buildDecisionRecord(decisionEntry(`m-${index}`), head, context()), head);
        records.push(record);
        head = { seq: record.seq, hash: record.hash };
      }
      await admin.query('INSERT INTO modelgate_audit_records (chain, body) SELECT $1, unnest($2::text[])', [parsePostgresUrl(url).chain, records.map((r) => canonicalJson(r))]);
      expect(await verifyEntries(store.readEntries())).toMatchObject({ ok: true, checked: 1203 });
      expect((await append(store)).seq).toBe(1203);
    } finally {
      await store.close();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE, and a fork or gap even from a writer that skips the lock', async () => {
    const url = chainUrl();
    const chain = parsePostgresUrl(url).chain;
    const store = createPostgresStore(url);
    try {
      const first = await append(store);
      const second = await append(store);
      await expect(admin.query(`UPDATE modelgate_audit_records SET body = body WHERE chain = $1`, [chain])).rejects.toThrow('append-only: UPDATE refused');
      await expect(admin.query(`DELETE FROM modelgate_audit_records WHERE chain = $1`, [chain])).rejects.toThrow('append-only: DELETE refused');
      await expect(admin.query(`TRUNCATE modelgate_audit_records`)).rejects.toThrow('append-only: TRUNCATE refused');
      const insert = (record: AuditRecord) => admin.query('INSERT INTO modelgate_audit_records (chain, body) VALUES ($1, $2)', [chain, canonicalJson(record)]);
      const afterFirst = { seq: first.seq, hash: first.hash };
      // A second record 1 (same seq), and a record 2 that links to record 0 (a fork).
      await expect(insert(sealRecord(buildDecisionRecord(decisionEntry('x'), afterFirst, context()), afterFirst))).rejects.toThrow(/duplicate key .*pkey/);
      const fork = sealRecord({ ...buildDecisionRecord(decisionEntry('x'), { seq: 1, hash: first.hash }, context()) }, { seq: 1, hash: first.hash });
      await expect(insert(fork)).rejects.toThrow(/duplicate key .*chain_prev/);
      const dangling = { seq: 2, hash: 'f'.repeat(64) };
      await expect(insert(sealRecord(buildDecisionRecord(decisionEntry('x'), dangling, context()), dangling))).rejects.toThrow(/foreign key/);
      expect((await collect(store.readAll())).map((record) => record.id)).toEqual([first.id, second.id]);
    } finally {
      await store.close();
    }
  });

  it('lets verify find records removed or edited by someone who disabled the guards', async () => {
    const url = chainUrl();
    const chain = parsePostgresUrl(url).chain;
    const store = createPostgresStore(url);
    const tamper = async (sql: string) => {
      await admin.query('ALTER TABLE modelgate_audit_records DISABLE TRIGGER modelgate_audit_records_append_only');
      try {
        await admin.query(sql, [chain]);
      } finally {
        await admin.query('ALTER TABLE modelgate_audit_records ENABLE TRIGGER modelgate_audit_records_append_only');
      }
    };
    try {
      const records: AuditRecord[] = [];
      for (let index = 0; index < 4; index += 1) records.push(await append(store, `m-${index}`));
      // The foreign key from record 2's prev keeps record 1 in place; the last record has no such guard.
      await expect(tamper('DELETE FROM modelgate_audit_records WHERE chain = $1 AND seq = 1')).rejects.toThrow(/foreign key/);
      await tamper('DELETE FROM modelgate_audit_records WHERE chain = $1 AND seq = 3');
      expect(await verifyEntries(store.readEntries())).toMatchObject({ ok: true, checked: 3 });
      // Only the head an auditor kept from an earlier verify shows the removal from the end.
      expect((await verifyEntries(store.readEntries(), { anchor: { seq: 3, hash: records[3]!.hash } })).broken).toEqual({
        position: 3,
        reason: 'the chain ends at seq 2, but the anchor names seq 3: records were removed from the end',
      });
      await tamper(`UPDATE modelgate_audit_records SET body = replace(body, '"verdict":"pass"', '"verdict":"fail"') WHERE chain = $1 AND seq = 1`);
      expect((await verifyEntries(store.readEntries())).broken).toMatchObject({ seq: 1, id: records[1]!.id, reason: expect.stringMatching(/hash does not match/) });
      await tamper(`UPDATE modelgate_audit_records SET body = replace(body, '"actor":"ci-bot"', '"actor":"someone"') WHERE chain = $1 AND seq = 2`);
      await expect(append(store)).rejects.toThrow(/a stored record is damaged: the hash does not match/);
    } finally {
      await store.close();
    }
  });

  it('lands each append exactly once, or fails it loudly, while backends are terminated', async () => {
    const store = createPostgresStore(chainUrl(), { maxConnections: 4 });
    try {
      let settled = 0;
      const appends = Array.from({ length: 40 }, (_, index) => append(store, `m-${index}`).finally(() => (settled += 1)));
      let terminated = 0;
      for (const threshold of [4, 12, 20, 28]) {
        while (settled < threshold) await sleep(2);
        const result = await admin.query<{ count: string }>(
          "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS count FROM pg_stat_activity WHERE application_name = 'modelgate' AND datname = current_database()",
        );
        terminated += Number(result.rows[0]!.count);
      }
      const outcomes = await Promise.allSettled(appends);
      expect(terminated).toBeGreaterThan(0);
      await expectExactlyOnce(store, outcomes);
    } finally {
      await store.close();
    }
  });

  it.runIf(POSTGRES_RESTART)('lands each append exactly once, or fails it loudly, across a server restart', async () => {
    const store = createPostgresStore(chainUrl(), { maxConnections: 4 });
    try {
      let settled = 0;
      const appends = Array.from({ length: 40 }, (_, index) => append(store, `m-${index}`).finally(() => (settled += 1)));
      const started = async () => (await admin.query<{ at: Date }>('SELECT pg_postmaster_start_time() AS at')).rows[0]!.at.getTime();
      const before = await started();
      while (settled < 5) await sleep(2);
      await promisify(exec)(POSTGRES_RESTART!);
      const outcomes = await Promise.allSettled(appends);
      await admin.end().catch(() => undefined);
      admin = await connectAdmin();
      expect(await started()).toBeGreaterThan(before);
      await expectExactlyOnce(store, outcomes);
      expect((await append(store)).seq).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});

async function connectAdmin(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, application_name: 'modelgate-test-admin' });
  // The restart test ends this connection too; the next query reports it, the event must not end the run.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Every append that succeeded is in the chain once; one that failed said so; nothing else is there and the chain holds. */
async function expectExactlyOnce(store: AuditStore, outcomes: PromiseSettledResult<AuditRecord>[]): Promise<void> {
  const landed = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  for (const outcome of outcomes) {
    if (outcome.status === 'rejected') expect(String(outcome.reason)).toMatch(/PostgreSQL .*: cannot append a record/);
  }
  const stored = await collect(store.readAll());
  const ids = stored.map((record) => record.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const record of landed) expect(ids.filter((id) => id === record.id)).toHaveLength(1);
  expect(stored.length).toBeGreaterThanOrEqual(landed.length);
  expect(stored.length).toBeLessThanOrEqual(outcomes.length);
  expect(await verifyEntries(store.readEntries())).toMatchObject({ ok: true, checked: stored.length });
}
