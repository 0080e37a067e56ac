import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMigratable } from '../../src/audit/store.js';
import { openAuditStore } from '../../src/audit/stores/open.js';
import { DELIVERIES_TABLE } from '../../src/registry/ledger-postgres.js';
import { chainUrl, POSTGRES_URL, requirePostgres } from '../audit/postgres.js';
import { fixture, governanceFiles, startMlflowStandIn, type MlflowStandIn } from './stand-ins.js';
import { mlflowEvent, mlflowHeaders, startHarness, type Harness } from './harness.js';

/**
 * Replicas behind a load balancer: two hook servers sharing one PostgreSQL audit store. A
 * delivery is recorded once whichever replica gets it, however many get it at once.
 */
requirePostgres('the hook server with a PostgreSQL audit store');

const CREATED = fixture('mlflow/events/model_version.created.json');
const ALIAS = fixture('mlflow/events/model_version_alias.created.json');
const RUNS = { one: '11111111aaaa2222bbbb3333cccc4444', two: '55555555dddd6666eeee7777ffff8888' };

describe.skipIf(!POSTGRES_URL)('hook servers sharing PostgreSQL', () => {
  let mlflow: MlflowStandIn;
  let url: string;
  let replicas: Harness[];

  const config = () => `
audit:
  url: { secret_env: MODELGATE_AUDIT_URL }
delivery:
  timeout_seconds: 1
  retries: 1
mlflow:
  tracking_uri: ${mlflow.url}
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
  protected_aliases: [champion]
  artefacts:
    model_card: governance/model_card.yaml
    lineage: governance/lineage.yaml
    bias: governance/bias.yaml
    drift: governance/drift.yaml
`;

  beforeAll(async () => {
    mlflow = await startMlflowStandIn([
      { name: 'fraud-detector', version: '1', runId: RUNS.one, files: governanceFiles('support-router') },
      { name: 'fraud-detector', version: '2', runId: RUNS.two, files: governanceFiles('churn-predictor') },
    ]);
    url = chainUrl();
    const store = await openAuditStore(url, { cwd: process.cwd() });
    if (isMigratable(store)) await store.migrate();
    await store.close();
    replicas = await Promise.all([0, 1].map(() => startHarness({ config: config(), env: { MODELGATE_AUDIT_URL: url } })));
  });

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.close()));
    await mlflow?.close();
  });

  const deliver = (replica: Harness, body: string, headers: Record<string, string>) => replica.post('/hooks/mlflow', body, headers);
  const recordsOf = async (delivery: string) => (await replicas[0]!.records()).filter((record) => record.trigger.delivery === `mlflow:${delivery}`);

  it('is ready once the audit schema is migrated, and says what to do when it is not', async () => {
    expect(await replicas[0]!.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const database = `hooks_unmigrated_${randomUUID().slice(0, 8)}`;
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const target = new URL(POSTGRES_URL!);
      target.pathname = `/${database}`;
      const bare = await startHarness({ config: config(), env: { MODELGATE_AUDIT_URL: target.toString() } });
      try {
        const ready = await bare.get('/readyz');
        expect(ready.status).toBe(503);
        expect(ready.body.reason).toMatch(/the audit table does not exist: run `modelgate audit migrate` once/);
        expect(ready.text).not.toContain(target.password);
      } finally {
        await bare.close();
      }
    } finally {
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('records a delivery once when both replicas get it at the same time', async () => {
    const body = mlflowEvent(CREATED, { name: 'fraud-detector', version: '1', run_id: RUNS.one });
    const headers = mlflowHeaders(body);
    mlflow.fault('GET /api/2.0/mlflow/model-versions/get', { delayMs: 150, times: 1 });
    const replies = await Promise.all(replicas.map((replica) => deliver(replica, body, headers)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 503]);
    // The registry delivers again after the 503; both replicas now answer with the one decision.
    const again = await Promise.all(replicas.map((replica) => deliver(replica, body, headers)));
    expect(again.map((reply) => reply.body.result)).toEqual(['duplicate', 'duplicate']);
    expect(new Set([...replies, ...again].map((reply) => reply.body.decision_id).filter(Boolean)).size).toBe(1);
    expect(await recordsOf(headers['x-mlflow-delivery-id']!)).toHaveLength(1);
  });

  it('finds the record of a replica that died after appending it, and does not append another', async () => {
    const body = mlflowEvent(CREATED, { name: 'fraud-detector', version: '2', run_id: RUNS.two });
    const headers = mlflowHeaders(body);
    const delivery = headers['x-mlflow-delivery-id']!;
    expect((await deliver(replicas[0]!, body, headers)).body).toMatchObject({ result: 'recorded', verdict: 'fail' });
    // As the ledger stands when a replica dies between appending and noting it: still processing, lease run out.
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`UPDATE ${DELIVERIES_TABLE} SET state = 'processing', outcome = NULL, lease_until = now() - interval '1 second' WHERE delivery = $1`, [`mlflow:${delivery}`]);
    await admin.end();
    const retried = await deliver(replicas[1]!, body, headers);
    expect(retried.body).toMatchObject({ result: 'duplicate', verdict: 'fail' });
    expect(await recordsOf(delivery)).toHaveLength(1);
  });

  it('moves a protected alias back to the version another replica let through', async () => {
    mlflow.aliases.set('fraud-detector\u0000champion', '1');
    const promote = mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '1' });
    expect((await deliver(replicas[0]!, promote, mlflowHeaders(promote))).body).toMatchObject({ verdict: 'pass' });
    mlflow.aliases.set('fraud-detector\u0000champion', '2');
    const blocked = mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '2' });
    const reply = await deliver(replicas[1]!, blocked, mlflowHeaders(blocked));
    expect(reply.body).toMatchObject({ verdict: 'fail', enforcement: { action: 'alias_restored', alias: 'champion', version: '1' } });
    expect(mlflow.aliasOf('fraud-detector', 'champion')).toBe('1');
  });
});
