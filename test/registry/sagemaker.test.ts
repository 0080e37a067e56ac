import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoFile, fixture, fixtureJson, FIXTURES, startAwsStandIn, type AwsStandIn } from './stand-ins.js';
import { SECRETS, startHarness, type Harness } from './harness.js';

const EVENT = fixture('sagemaker/events/model-package-state-change.json');
const TRAINING = fixture('sagemaker/events/training-job-state-change.json');
const PACKAGE = fixtureJson('sagemaker/api/describe-model-package.json');
const BUCKET = 'sagemaker-project-p-idy6c3e1fiqj';
const GROUP = 'versionedmp-p-idy6c3e1fiqj';
const arn = (version: number) => `arn:aws:sagemaker:us-east-2:123456789012:model-package/${GROUP}/${version}`;

/** Version 2 has complete reports; version 3 an incomplete card; version 4 names a bias report that is not in S3. */
function packages(): Record<string, unknown>[] {
  const metadata = (card: string) => ({
    'modelgate.model_card': `s3://${BUCKET}/governance/${card}`,
    'modelgate.lineage': `s3://${BUCKET}/governance/lineage.ndjson`,
    'modelgate.drift': `s3://${BUCKET}/governance/drift.json`,
  });
  const bias = (key: string) => ({ ...(PACKAGE.ModelMetrics as object), Bias: { Report: { ContentType: 'application/json', S3Uri: `s3://${BUCKET}/${key}` } } });
  return [
    { ...PACKAGE, ModelPackageArn: arn(2), ModelPackageVersion: 2, CustomerMetadataProperties: metadata('README.md') },
    { ...PACKAGE, ModelPackageArn: arn(3), ModelPackageVersion: 3, CustomerMetadataProperties: metadata('incomplete/README.md') },
    { ...PACKAGE, ModelPackageArn: arn(4), ModelPackageVersion: 4, CustomerMetadataProperties: metadata('README.md'), ModelMetrics: bias('clarify-bias/missing/analysis.json') },
  ];
}

const OBJECTS = {
  [`${BUCKET}/${GROUP}/clarify-bias/analysis.json`]: demoFile('review-sentiment/reports/analysis.json'),
  [`${BUCKET}/governance/README.md`]: demoFile('review-sentiment/README.md'),
  [`${BUCKET}/governance/incomplete/README.md`]: readFileSync(path.join(FIXTURES, 'huggingface/repos/incomplete-card/README.md')),
  [`${BUCKET}/governance/lineage.ndjson`]: demoFile('review-sentiment/lineage.ndjson'),
  [`${BUCKET}/governance/drift.json`]: demoFile('review-sentiment/reports/drift.json'),
};

let aws: AwsStandIn;
let hooks: Harness;

beforeAll(async () => {
  aws = await startAwsStandIn(packages(), OBJECTS);
});
afterAll(() => aws.close());
afterEach(async () => {
  await hooks?.close();
});

async function fresh(extra = ''): Promise<Harness> {
  aws.calls.length = 0;
  aws.clearFaults();
  aws.packages.clear();
  for (const pkg of packages()) aws.packages.set(pkg.ModelPackageArn as string, pkg);
  hooks = await startHarness({
    config: `
audit:
  url: file:audit.jsonl
delivery:
  timeout_seconds: 1
  retries: 1
sagemaker:
  region: us-east-2
  shared_secret: { secret_env: SAGEMAKER_SHARED_SECRET }
  endpoint: ${aws.url}
  s3_endpoint: ${aws.url}
  s3_force_path_style: true
${extra}`,
  });
  return hooks;
}

function event(version: number, status = 'PendingManualApproval', overrides: Record<string, unknown> = {}): string {
  const parsed = JSON.parse(EVENT) as { detail: Record<string, unknown> };
  return JSON.stringify({
    ...parsed,
    id: randomUUID(),
    time: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    resources: [arn(version)],
    detail: { ...parsed.detail, ModelPackageArn: arn(version), ModelPackageVersion: version, ModelApprovalStatus: status },
    ...overrides,
  });
}

const deliver = (body: string, secret: string | null = SECRETS.SAGEMAKER_SHARED_SECRET) => hooks.post('/hooks/sagemaker', body, secret === null ? {} : { 'x-modelgate-secret': secret });
const operations = () => aws.calls.map((call) => (call.method === 'POST' ? String(call.headers['x-amz-target']) : `S3 GET ${call.path}`));

describe('SageMaker Model Registry', () => {
  it('judges a package waiting for approval from the reports it names, records it, and leaves the status with a description', async () => {
    await fresh();
    const reply = await deliver(event(2));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: 'recorded', model: GROUP, version: '2', verdict: 'pass' });
    const [record] = await hooks.records();
    expect(record).toMatchObject({ verdict: 'pass', subject: { model: GROUP, version: '2' }, trigger: { type: 'registry', registry: 'sagemaker', event: 'SageMaker Model Package State Change', ref: arn(2) } });
    expect(record!.kind === 'decision' && record!.subject.artefacts.map((artefact) => artefact.path)).toEqual([
      `s3://${BUCKET}/governance/README.md`,
      `s3://${BUCKET}/governance/drift.json`,
      `s3://${BUCKET}/governance/lineage.ndjson`,
      `s3://${BUCKET}/${GROUP}/clarify-bias/analysis.json`,
    ]);
    expect(operations().filter((operation) => operation.startsWith('SageMaker'))).toEqual(['SageMaker.DescribeModelPackage', 'SageMaker.DescribeModelPackage', 'SageMaker.UpdateModelPackage']);
    const update = JSON.parse(aws.callsTo('POST /').at(-1)!.body.toString()) as Record<string, string>;
    expect(update).toEqual({
      ModelPackageArn: arn(2),
      ModelApprovalStatus: 'PendingManualApproval',
      ApprovalDescription: `modelgate: pass; status PendingManualApproval; policy starter 1.0.0; decision ${record!.id}`,
    });
    const metrics = (await hooks.get('/metrics')).text;
    expect(metrics).toContain('modelgate_registry_call_duration_seconds_count{registry="sagemaker",operation="UpdateModelPackage",outcome="ok"} 1');
    expect(metrics).toContain('modelgate_registry_call_duration_seconds_count{registry="s3",operation="GetObject",outcome="ok"} 4');
    // Every SageMaker and S3 request is signed (SigV4) for the configured region.
    expect(aws.calls.every((call) => /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/us-east-2\/(sagemaker|s3)\/aws4_request/.test(String(call.headers.authorization)))).toBe(true);
  });

  it('rejects a blocked package, naming the failed rules', async () => {
    await fresh();
    const reply = await deliver(event(3, 'Approved'));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const pkg = aws.packages.get(arn(3))!;
    expect(pkg.ModelApprovalStatus).toBe('Rejected');
    expect(pkg.ApprovalDescription).toMatch(/^modelgate: fail; status Rejected; policy starter 1\.0\.0; decision [0-9a-f-]{36}; failed: .*model-card\.license/);
  });

  it('approves a passing package when configured to', async () => {
    await fresh('  approve_on_pass: true\n');
    await deliver(event(2));
    expect(aws.packages.get(arn(2))!.ModelApprovalStatus).toBe('Approved');
  });

  it('blocks a package whose bias report is not in S3', async () => {
    await fresh();
    const reply = await deliver(event(4));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results).toContainEqual(expect.objectContaining({ rule: 'artefact.bias', status: 'error' }));
    expect(aws.packages.get(arn(4))!.ModelApprovalStatus).toBe('Rejected');
  });

  it('blocks a package SageMaker does not know, and has nothing to write back', async () => {
    await fresh();
    const reply = await deliver(event(9));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results.map((result) => result.message)).toContainEqual(expect.stringMatching(/SageMaker has no model package/));
    expect(operations()).not.toContain('SageMaker.UpdateModelPackage');
  });

  it('blocks when S3 fails, after the SDK has tried again', async () => {
    await fresh();
    aws.fault(`GET /${BUCKET}/*`, { answer: { status: 503, headers: { 'content-type': 'application/xml' }, body: '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>' } });
    const reply = await deliver(event(2));
    expect(reply.body).toMatchObject({ verdict: 'fail' });
    const [record] = await hooks.records();
    expect(record!.results.filter((result) => result.status === 'error').map((result) => result.message)).toContainEqual(expect.stringMatching(/S3 GetObject s3:\/\/.*: HTTP 503/));
    // retries: 1, so each object was asked for twice.
    expect(aws.callsTo(`GET /${BUCKET}/governance/README.md`)).toHaveLength(2);
  });

  it('ignores the state change its own write-back causes', async () => {
    await fresh();
    await deliver(event(2));
    const echo = await deliver(event(2, 'PendingManualApproval'));
    expect(echo.body).toMatchObject({ result: 'ignored' });
    expect(echo.body.reason).toMatch(/the one modelgate's last decision left/);
    expect(await hooks.records()).toHaveLength(1);
    // A person approving afterwards is a new decision to check.
    aws.packages.get(arn(2))!.ModelApprovalStatus = 'Approved';
    expect((await deliver(event(2, 'Approved'))).body).toMatchObject({ result: 'recorded', verdict: 'pass' });
  });

  it('answers a redelivered event as a duplicate', async () => {
    await fresh();
    const body = event(3);
    await deliver(body);
    expect((await deliver(body)).body).toMatchObject({ result: 'duplicate', verdict: 'fail' });
    expect(await hooks.records()).toHaveLength(1);
  });

  it.each([
    ['without the shared secret', null, /X-Modelgate-Secret header is missing/],
    ['with another secret', 'not-the-secret', /does not match the shared secret/],
  ])('refuses an event %s with 401, recording nothing', async (_name, secret, reason) => {
    await fresh();
    const reply = await deliver(event(2), secret);
    expect(reply.status).toBe(401);
    expect(reply.body.reason).toMatch(reason);
    expect(aws.calls).toHaveLength(0);
    expect(await hooks.records()).toHaveLength(0);
  });

  it('refuses an event older than EventBridge retries last', async () => {
    await fresh();
    const reply = await deliver(event(2, 'PendingManualApproval', { time: '2021-02-24T17:00:14Z' }));
    expect(reply.status).toBe(401);
    expect(reply.body.reason).toMatch(/older than 86400 s/);
    expect(await hooks.records()).toHaveLength(0);
  });

  it.each([
    ['a rejected package', () => event(2, 'Rejected'), /rejected package/],
    ['another SageMaker event', () => TRAINING, /SageMaker Training Job State Change/],
  ])('acknowledges %s without judging', async (_name, body, reason) => {
    await fresh();
    const reply = await deliver(body());
    expect(reply).toMatchObject({ status: 200, body: { result: 'ignored' } });
    expect(reply.body.reason).toMatch(reason);
    expect(aws.calls).toHaveLength(0);
  });
});
