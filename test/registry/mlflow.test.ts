import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, governanceFiles, startMlflowStandIn, type MlflowStandIn } from './stand-ins.js';
import { mlflowEvent, mlflowHeaders, SECRETS, startHarness, type Harness } from './harness.js';

const CREATED = fixture('mlflow/events/model_version.created.json');
const TAG_SET = fixture('mlflow/events/model_version_tag.set.json');
const ALIAS = fixture('mlflow/events/model_version_alias.created.json');
const OTHER = fixture('mlflow/events/registered_model.created.json');

const RUNS = { router: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', churn: 'f0e1d2c3b4a5968778695a4b3c2d1e0f', fraud1: '11111111aaaa2222bbbb3333cccc4444', fraud2: '55555555dddd6666eeee7777ffff8888' };

function config(mlflowUrl: string, extra = ''): string {
  return `
policy: starter
audit:
  url: file:audit.jsonl
delivery:
  timeout_seconds: 0.5
  retries: 2
mlflow:
  tracking_uri: ${mlflowUrl}
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
  token: { secret_env: MLFLOW_TOKEN }
  protected_aliases: [champion]
  artefacts:
    model_card: governance/model_card.yaml
    lineage: governance/lineage.yaml
    bias: governance/bias.yaml
    drift: governance/drift.yaml
${extra}`;
}

let mlflow: MlflowStandIn;
let hooks: Harness;

beforeAll(async () => {
  mlflow = await startMlflowStandIn([
    { name: 'support-router', version: '1', runId: RUNS.router, files: governanceFiles('support-router') },
    { name: 'churn-predictor', version: '3', runId: RUNS.churn, files: governanceFiles('churn-predictor') },
    { name: 'fraud-detector', version: '1', runId: RUNS.fraud1, files: governanceFiles('support-router') },
    { name: 'fraud-detector', version: '2', runId: RUNS.fraud2, files: governanceFiles('churn-predictor') },
    { name: 'orphan-model', version: '1', runId: null, files: {} },
  ]);
});
afterAll(() => mlflow.close());

async function fresh(extra = ''): Promise<Harness> {
  mlflow.calls.length = 0;
  mlflow.clearFaults();
  mlflow.tags.clear();
  mlflow.aliases.clear();
  hooks = await startHarness({ config: config(mlflow.url, extra) });
  return hooks;
}
afterEach(async () => {
  await hooks?.close();
});

const deliver = (body: string, headers = mlflowHeaders(body)) => hooks.post('/hooks/mlflow', body, headers);

describe('MLflow: registrations', () => {
  it('judges a new version from its run artifacts, records the decision and tags the version', async () => {
    await fresh();
    const body = mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUNS.router });
    const headers = mlflowHeaders(body);
    const reply = await deliver(body, headers);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: 'recorded', model: 'support-router', version: '1', verdict: 'pass', failed_rules: [] });

    const [record, ...others] = await hooks.records();
    expect(others).toHaveLength(0);
    expect(record).toMatchObject({
      kind: 'decision',
      verdict: 'pass',
      actor: 'modelgate-hooks',
      subject: { model: 'support-router', version: '1' },
      trigger: { type: 'registry', registry: 'mlflow', event: 'model_version.created', ref: 'models:/support-router/1', url: `${mlflow.url}/#/models/support-router/versions/1` },
    });
    expect(record!.trigger.delivery).toBe(`mlflow:${headers['x-mlflow-delivery-id']}`);
    expect(record!.kind === 'decision' && record!.subject.artefacts.map((artefact) => artefact.path)).toEqual([
      `runs:/${RUNS.router}/governance/bias.yaml`,
      `runs:/${RUNS.router}/governance/drift.yaml`,
      `runs:/${RUNS.router}/governance/lineage.yaml`,
      `runs:/${RUNS.router}/governance/model_card.yaml`,
    ]);
    expect(mlflow.tagsOf('support-router', '1')).toEqual({ 'modelgate.verdict': 'pass', 'modelgate.decision_id': record!.id, 'modelgate.failed_rules': '' });

    // The calls MLflow's own REST client would make, with the configured token.
    expect(mlflow.callsTo('GET /api/2.0/mlflow/model-versions/get')[0]!.query.toString()).toBe('name=support-router&version=1');
    expect(mlflow.callsTo('GET /api/2.0/mlflow/runs/get')[0]!.query.get('run_id')).toBe(RUNS.router);
    expect(mlflow.callsTo(`GET /api/2.0/mlflow-artifacts/artifacts/1/${RUNS.router}/artifacts/governance/*`)).toHaveLength(4);
    const tagCalls = mlflow.callsTo('POST /api/2.0/mlflow/model-versions/set-tag');
    expect(tagCalls.map((call) => JSON.parse(call.body.toString()) as Record<string, string>)).toContainEqual({ name: 'support-router', version: '1', key: 'modelgate.verdict', value: 'pass' });
    expect(mlflow.calls.every((call) => call.headers.authorization === `Bearer ${SECRETS.MLFLOW_TOKEN}`)).toBe(true);
  });

  it("looks up a run's artifact URI once, and reads the version and its artefacts afresh for every event", async () => {
    await fresh();
    const first = await deliver(mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUNS.router }));
    const second = await deliver(mlflowEvent(TAG_SET, { name: 'support-router', version: '1', key: 'validation_status', value: 'approved' }));
    expect([first.body.result, second.body.result]).toEqual(['recorded', 'recorded']);
    expect(mlflow.callsTo('GET /api/2.0/mlflow/runs/get')).toHaveLength(1);
    expect(mlflow.callsTo('GET /api/2.0/mlflow/model-versions/get')).toHaveLength(2);
    expect(mlflow.callsTo(`GET /api/2.0/mlflow-artifacts/artifacts/1/${RUNS.router}/artifacts/governance/*`)).toHaveLength(8);
    expect(await hooks.records()).toHaveLength(2);
  });

  it('does not keep a failed artifact URI lookup: the next event asks MLflow again', async () => {
    await fresh();
    mlflow.fault('GET /api/2.0/mlflow/runs/get', { answer: { status: 403, body: { error_code: 'PERMISSION_DENIED', message: 'no access' } }, times: 1 });
    const first = await deliver(mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUNS.router }));
    expect(first.body).toMatchObject({ result: 'recorded', verdict: 'fail' });
    const second = await deliver(mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUNS.router }));
    expect(second.body).toMatchObject({ result: 'recorded', verdict: 'pass' });
    expect(mlflow.callsTo('GET /api/2.0/mlflow/runs/get')).toHaveLength(2);
  });

  it('tags a blocked version with the failed rules', async () => {
    await fresh();
    const reply = await deliver(mlflowEvent(CREATED, { name: 'churn-predictor', version: '3', run_id: RUNS.churn }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: 'recorded', verdict: 'fail' });
    const tags = mlflow.tagsOf('churn-predictor', '3');
    expect(tags['modelgate.verdict']).toBe('fail');
    expect(tags['modelgate.failed_rules']!.split(',')).toEqual(expect.arrayContaining(['bias.disparate-impact', 'bias.parity-difference']));
    const [record] = await hooks.records();
    expect(record!.verdict).toBe('fail');
    expect(tags['modelgate.decision_id']).toBe(record!.id);
  });

  it('blocks a version whose artefacts are missing from the run, naming the file', async () => {
    await fresh();
    const reply = await deliver(mlflowEvent(CREATED, { name: 'orphan-model', version: '1', run_id: null }));
    expect(reply.body).toMatchObject({ result: 'recorded', verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results.filter((result) => result.status === 'error').map((result) => result.message)).toContainEqual(expect.stringMatching(/names no run/));
  });

  it('judges a version again when a tag is set, and ignores the tags it writes itself', async () => {
    await fresh();
    const reply = await deliver(mlflowEvent(TAG_SET, { name: 'support-router', version: '1', key: 'validation_status', value: 'approved' }));
    expect(reply.body).toMatchObject({ result: 'recorded', verdict: 'pass' });
    const own = await deliver(mlflowEvent(TAG_SET, { name: 'support-router', version: '1', key: 'modelgate.verdict', value: 'pass' }));
    expect(own).toMatchObject({ status: 200, body: { result: 'ignored' } });
    expect(await hooks.records()).toHaveLength(1);
  });

  it('acknowledges other events without judging or calling MLflow', async () => {
    await fresh();
    const reply = await deliver(mlflowEvent(OTHER, { name: 'support-router' }));
    expect(reply).toMatchObject({ status: 200, body: { result: 'ignored', reason: 'registered_model.created events need no decision' } });
    expect(mlflow.calls).toHaveLength(0);
    expect(await hooks.records()).toHaveLength(0);
  });

  it('refuses a body that is not an MLflow payload with 400, recording nothing', async () => {
    await fresh();
    const body = '{"entity": "model_version", "action": "created", "data": {"name": "support-router"}}';
    const reply = await deliver(body);
    expect(reply.status).toBe(400);
    expect(reply.body.reason).toMatch(/data\.version/);
    expect(await hooks.records()).toHaveLength(0);
  });
});

describe('MLflow: promotions to protected aliases', () => {
  it('removes the alias from a blocked version when no other version passed for it', async () => {
    await fresh();
    mlflow.aliases.set('fraud-detector\u0000champion', '2');
    const reply = await deliver(mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '2' }));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ verdict: 'fail', enforcement: { action: 'alias_removed', alias: 'champion' } });
    expect(mlflow.aliasOf('fraud-detector', 'champion')).toBeUndefined();
    const deleted = mlflow.callsTo('DELETE /api/2.0/mlflow/registered-models/alias');
    expect(deleted.map((call) => JSON.parse(call.body.toString()) as unknown)).toEqual([{ name: 'fraud-detector', alias: 'champion' }]);
    const [record] = await hooks.records();
    expect(record!.trigger).toMatchObject({ ref: 'models:/fraud-detector@champion', alias: 'champion', enforcement: { action: 'alias_removed', alias: 'champion' } });
    expect(mlflow.tagsOf('fraud-detector', '2')['modelgate.verdict']).toBe('fail');
  });

  it('moves the alias back to the version that last passed for it', async () => {
    await fresh();
    mlflow.aliases.set('fraud-detector\u0000champion', '1');
    const first = await deliver(mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '1' }));
    expect(first.body).toMatchObject({ verdict: 'pass' });
    expect(first.body.enforcement).toBeUndefined();

    mlflow.aliases.set('fraud-detector\u0000champion', '2');
    const second = await deliver(mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '2' }));
    expect(second.body).toMatchObject({ verdict: 'fail', enforcement: { action: 'alias_restored', alias: 'champion', version: '1' } });
    expect(mlflow.aliasOf('fraud-detector', 'champion')).toBe('1');
    expect(mlflow.callsTo('POST /api/2.0/mlflow/registered-models/alias').map((call) => JSON.parse(call.body.toString()) as unknown)).toEqual([
      { name: 'fraud-detector', alias: 'champion', version: '1' },
    ]);
    expect(mlflow.callsTo('DELETE /api/2.0/mlflow/registered-models/alias')).toHaveLength(0);
    const records = await hooks.records();
    expect(records.map((record) => [record.subject?.version, record.verdict, record.trigger.enforcement?.action])).toEqual([
      ['1', 'pass', undefined],
      ['2', 'fail', 'alias_restored'],
    ]);
  });

  it('leaves an alias that has already moved on, and says so', async () => {
    await fresh();
    mlflow.aliases.set('fraud-detector\u0000champion', '1');
    const reply = await deliver(mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'champion', version: '2' }));
    expect(reply.body).toMatchObject({ verdict: 'fail', enforcement: { action: 'alias_unchanged', alias: 'champion' } });
    expect(mlflow.aliasOf('fraud-detector', 'champion')).toBe('1');
  });

  it('records a blocked promotion to an unprotected alias without touching the alias', async () => {
    await fresh();
    mlflow.aliases.set('fraud-detector\u0000staging', '2');
    const reply = await deliver(mlflowEvent(ALIAS, { name: 'fraud-detector', alias: 'staging', version: '2' }));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    expect(reply.body.enforcement).toBeUndefined();
    expect(mlflow.aliasOf('fraud-detector', 'staging')).toBe('2');
    expect(mlflow.callsTo('GET /api/2.0/mlflow/registered-models/alias')).toHaveLength(0);
  });
});

describe('MLflow: signatures', () => {
  const body = () => mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUNS.router });

  it.each([
    ['signed with another secret', () => mlflowHeaders(body(), { secret: 'not-the-secret' }), /does not match/],
    ['without a signature', () => ({ ...mlflowHeaders(body()), 'x-mlflow-signature': '' }), /X-MLflow-Signature header is missing/],
    ['without a delivery id', () => ({ ...mlflowHeaders(body()), 'x-mlflow-delivery-id': '' }), /X-MLflow-Delivery-Id header is missing/],
    ['signed 10 minutes ago', () => mlflowHeaders(body(), { timestamp: Math.floor(Date.now() / 1000) - 600 }), /signed 6\d\d s ago, outside the tolerance of 300 s/],
    ['signed 10 minutes ahead', () => mlflowHeaders(body(), { timestamp: Math.floor(Date.now() / 1000) + 600 }), /in the future/],
    ['with a signature in the old sha256= form', () => ({ ...mlflowHeaders(body()), 'x-mlflow-signature': 'sha256=00' }), /does not match/],
  ])('refuses a delivery %s with 401, recording nothing and calling nobody', async (_name, headers, reason) => {
    await fresh();
    const reply = await deliver(body(), headers());
    expect(reply.status).toBe(401);
    expect(reply.body.reason).toMatch(reason);
    expect(mlflow.calls).toHaveLength(0);
    expect(await hooks.records()).toHaveLength(0);
  });

  it('refuses a body changed after signing, and a delivery id changed after signing', async () => {
    await fresh();
    const headers = mlflowHeaders(body());
    expect((await deliver(body().replace('"1"', '"2"'), headers)).status).toBe(401);
    expect((await deliver(body(), { ...headers, 'x-mlflow-delivery-id': 'another-delivery' })).status).toBe(401);
    expect(await hooks.records()).toHaveLength(0);
  });

  it('answers a replayed delivery as a duplicate: no second record, no second write-back', async () => {
    await fresh();
    const headers = mlflowHeaders(body());
    const first = await deliver(body(), headers);
    expect(first.body).toMatchObject({ result: 'recorded' });
    const callsAfterFirst = mlflow.calls.length;
    const replay = await deliver(body(), headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ result: 'duplicate', decision_id: first.body.decision_id, verdict: 'pass' });
    expect(mlflow.calls).toHaveLength(callsAfterFirst);
    expect(await hooks.records()).toHaveLength(1);
  });

  it('keeps the signature header and secrets out of its JSON logs', async () => {
    await fresh();
    const headers = mlflowHeaders(body());
    await deliver(body(), headers);
    await deliver(body(), mlflowHeaders(body(), { secret: 'wrong' }));
    expect(hooks.logs.length).toBeGreaterThan(0);
    expect(hooks.logs.some((line) => line.msg === 'decision recorded')).toBe(true);
    for (const secret of [...Object.values(SECRETS), headers['x-mlflow-signature']!.slice(3)]) expect(hooks.logText()).not.toContain(secret);
  });
});
