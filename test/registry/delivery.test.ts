import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture, governanceFiles, startMlflowStandIn, type MlflowStandIn } from './stand-ins.js';
import { mlflowEvent, mlflowHeaders, startHarness, type Harness } from './harness.js';

/** Delivery semantics, the same for every registry; shown through the MLflow hook. */

const CREATED = fixture('mlflow/events/model_version.created.json');
const RUN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const MODEL_VERSION = 'GET /api/2.0/mlflow/model-versions/get';
const RUNS_GET = 'GET /api/2.0/mlflow/runs/get';
const ARTIFACTS = `GET /api/2.0/mlflow-artifacts/artifacts/1/${RUN}/artifacts/*`;
const SET_TAG = 'POST /api/2.0/mlflow/model-versions/set-tag';

function config(trackingUri: string, extra = ''): string {
  return `
audit:
  url: file:records/audit.jsonl
delivery:
  timeout_seconds: 0.3
  retries: 2
  max_body_bytes: 4096
mlflow:
  tracking_uri: ${trackingUri}
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
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
  mlflow = await startMlflowStandIn([{ name: 'support-router', version: '1', runId: RUN, files: governanceFiles('support-router') }]);
});
afterAll(() => mlflow.close());
afterEach(async () => {
  await hooks?.close();
});

async function fresh(extra = '', trackingUri = mlflow.url): Promise<Harness> {
  mlflow.calls.length = 0;
  mlflow.clearFaults();
  mlflow.tags.clear();
  hooks = await startHarness({ config: config(trackingUri, extra) });
  return hooks;
}

const event = () => mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUN });
const deliver = (body = event(), headers = mlflowHeaders(body)) => hooks.post('/hooks/mlflow', body, headers);

describe('a registry that cannot be read never yields pass', () => {
  it.each([
    ['answers 503 to every try', MODEL_VERSION, { answer: { status: 503, body: 'Service Unavailable' } }, /model-versions\/get: HTTP 503/],
    ['does not answer within the timeout', RUNS_GET, { delayMs: 1500 }, /runs\/get: no answer within 0.3 s/],
    ['closes the connection', MODEL_VERSION, { destroy: true }, /cannot connect/],
    ['answers with a body that is not JSON', RUNS_GET, { answer: { status: 200, body: '<html>proxy login</html>' } }, /runs\/get: the answer \(HTTP 200\) is not valid JSON/],
    ['answers JSON of another shape', RUNS_GET, { answer: { status: 200, body: { run: { info: {} } } } }, /runs\/get: unexpected answer: run\.info\.artifact_uri/],
    ['serves an artefact with 500', ARTIFACTS, { answer: { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'boom' } } }, /HTTP 500 \(INTERNAL_ERROR: boom\)/],
  ])('when MLflow %s, the version is blocked with an error naming the call', async (_name, route, fault, message) => {
    await fresh();
    mlflow.fault(route, fault);
    const reply = await deliver();
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: 'recorded', verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.verdict).toBe('fail');
    const errors = record!.results.filter((result) => result.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((result) => result.message)).toContainEqual(expect.stringMatching(message));
    expect(mlflow.tagsOf('support-router', '1')['modelgate.verdict']).toBe('fail');
  });

  it.each([
    ['with its length announced', {}],
    ['streamed', { 'content-encoding': 'identity' }],
  ])('refuses an artefact larger than limits.max_file_bytes, %s', async (_name, headers) => {
    await fresh('limits:\n  max_file_bytes: 65536\n');
    mlflow.fault(`GET /api/2.0/mlflow-artifacts/artifacts/1/${RUN}/artifacts/governance/drift.yaml`, { answer: { status: 200, headers, body: `# ${'x'.repeat(100_000)}\n` } });
    const reply = await deliver();
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results).toContainEqual(expect.objectContaining({ rule: 'artefact.drift', status: 'error', message: expect.stringMatching(/the answer is larger than 65536 bytes/) }));
  });

  it('tries a transient failure again with backoff, and passes once MLflow answers', async () => {
    await fresh();
    mlflow.fault(MODEL_VERSION, { answer: { status: 503, body: 'busy' }, times: 2 });
    const reply = await deliver();
    expect(reply.body).toMatchObject({ result: 'recorded', verdict: 'pass' });
    expect(mlflow.callsTo(MODEL_VERSION)).toHaveLength(3);
  });

  it('does not try a client error again', async () => {
    await fresh();
    mlflow.fault(RUNS_GET, { answer: { status: 403, body: { error_code: 'PERMISSION_DENIED', message: 'no access' } } });
    const reply = await deliver();
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    expect(mlflow.callsTo(RUNS_GET)).toHaveLength(1);
  });

  it('when MLflow is unreachable, records the blocked decision and answers 503; a redelivery adds no record', async () => {
    const closed = await closedPort();
    await fresh('', `http://127.0.0.1:${closed}`);
    const body = event();
    const headers = mlflowHeaders(body);
    const first = await deliver(body, headers);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    expect(first.body.reason).toMatch(/recorded, but writing it back/);
    const again = await deliver(body, headers);
    expect(again.status).toBe(503);
    const records = await hooks.records();
    expect(records).toHaveLength(1);
    expect(records[0]!.verdict).toBe('fail');
    expect(records[0]!.results.map((result) => result.message)).toContainEqual(expect.stringMatching(/cannot connect \(ECONNREFUSED\)/));
  });
});

describe('idempotency', () => {
  it('answers 503 when the write-back fails, and a redelivery writes back without a second record', async () => {
    await fresh();
    mlflow.fault(SET_TAG, { answer: { status: 500, body: { error_code: 'INTERNAL_ERROR', message: 'database is locked' } } });
    const body = event();
    const headers = mlflowHeaders(body);
    const first = await deliver(body, headers);
    expect(first.status).toBe(503);
    expect(mlflow.tagsOf('support-router', '1')).toEqual({});
    mlflow.clearFaults();
    const callsBefore = mlflow.callsTo(MODEL_VERSION).length;
    const second = await deliver(body, headers);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ result: 'duplicate', verdict: 'pass' });
    const records = await hooks.records();
    expect(records).toHaveLength(1);
    expect(mlflow.tagsOf('support-router', '1')['modelgate.decision_id']).toBe(records[0]!.id);
    // The redelivery wrote back the recorded decision; it did not judge again.
    expect(mlflow.callsTo(MODEL_VERSION)).toHaveLength(callsBefore);
  });

  it('finds the deliveries of an earlier run in the audit file after a restart', async () => {
    const first = await fresh();
    const body = event();
    const headers = mlflowHeaders(body);
    expect((await deliver(body, headers)).body).toMatchObject({ result: 'recorded' });
    await first.close();
    hooks = await startHarness({ config: config(mlflow.url), dir: first.dir });
    const replay = await deliver(body, headers);
    expect(replay.body).toMatchObject({ result: 'duplicate' });
    expect(await hooks.records()).toHaveLength(1);
  });

  it('judges one delivery once when it arrives twice at the same time', async () => {
    await fresh();
    mlflow.fault(RUNS_GET, { delayMs: 100, times: 1 });
    const body = event();
    const headers = mlflowHeaders(body);
    const replies = await Promise.all([deliver(body, headers), deliver(body, headers)]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 503]);
    expect(replies.find((reply) => reply.status === 503)!.body.reason).toMatch(/being handled/);
    expect(await hooks.records()).toHaveLength(1);
  });
});

describe('bounds', () => {
  it('refuses a body over the limit with 413 before judging', async () => {
    await fresh();
    const body = mlflowEvent(CREATED, { name: 'support-router', version: '1', run_id: RUN, description: 'x'.repeat(5000) });
    const reply = await deliver(body);
    expect(reply.status).toBe(413);
    expect(reply.body.reason).toBe('the body is larger than 4096 bytes');
    expect(mlflow.calls).toHaveLength(0);
    expect(await hooks.records()).toHaveLength(0);
  });

  it('limits the requests per registry and says when to try again', async () => {
    await fresh('rate_limit:\n  max: 2\n  window_seconds: 60\n');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await deliver()).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const limited = await deliver();
    expect(limited.body).toMatchObject({ result: 'rate_limited' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await hooks.records()).toHaveLength(2);
    // Other routes have their own budget.
    expect((await hooks.get('/healthz')).status).toBe(200);
  });

  it('answers 404 on the route of a registry that is not configured', async () => {
    await fresh();
    const reply = await hooks.post('/hooks/sagemaker', '{}');
    expect(reply).toMatchObject({ status: 404, body: { reason: 'the sagemaker hook is not configured on this server' } });
  });
});

describe('probes and metrics', () => {
  it('is healthy, ready when its audit folder can be written, and counts deliveries for Prometheus', async () => {
    await fresh();
    expect(await hooks.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await hooks.get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', audit: 'file:records/audit.jsonl' } });
    await deliver();
    await deliver(event(), mlflowHeaders(event(), { secret: 'wrong' }));
    const metrics = await hooks.get('/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(metrics.text).toContain('modelgate_hook_deliveries_total{source="mlflow",outcome="recorded"} 1');
    expect(metrics.text).toContain('modelgate_hook_deliveries_total{source="mlflow",outcome="unauthorized"} 1');
    expect(metrics.text).toContain('modelgate_hook_decisions_total{source="mlflow",verdict="pass"} 1');
    expect(metrics.text).toMatch(/modelgate_registry_call_duration_seconds_count\{registry="mlflow",operation="model-versions\/get",outcome="ok"\} 1/);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
