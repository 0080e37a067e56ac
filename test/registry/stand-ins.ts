import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLoopback, type Answer, type Loopback, type RecordedCall } from './loopback.js';

/**
 * Loopback stand-ins for the registries: each implements the endpoints the hook calls, with
 * answers built from the documented shapes in fixtures/registry (values changed, never the
 * shape), and keeps the state the hook changes (tags, aliases, approval status) to assert on.
 */

/** Found from this file, not through test/helpers.ts: the load bench uses these stand-ins outside vitest. */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO_ROOT, 'fixtures/registry');

export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

export function fixtureJson(relative: string): Record<string, unknown> {
  return JSON.parse(fixture(relative)) as Record<string, unknown>;
}

/** A demo-repository file, as a registry would serve it. */
export function demoFile(relative: string): Buffer {
  return readFileSync(path.join(REPO_ROOT, 'fixtures/demo-repo/models', relative));
}

/** Governance artefacts of a demo model, as logged to an MLflow run under governance/. */
export const GOVERNANCE_ARTEFACTS = {
  model_card: 'governance/model_card.yaml',
  lineage: 'governance/lineage.yaml',
  bias: 'governance/bias.yaml',
  drift: 'governance/drift.yaml',
} as const;

export function governanceFiles(model: 'support-router' | 'churn-predictor'): Record<string, Buffer> {
  const sources =
    model === 'support-router'
      ? { model_card: 'model_card.yaml', lineage: 'lineage.yaml', bias: 'bias.yaml', drift: 'drift.yaml' }
      : { model_card: 'model_card.yaml', lineage: 'lineage.yaml', bias: 'reports/bias.yaml', drift: 'reports/drift.yaml' };
  return Object.fromEntries(Object.entries(sources).map(([kind, file]) => [GOVERNANCE_ARTEFACTS[kind as keyof typeof GOVERNANCE_ARTEFACTS], demoFile(`${model}/${file}`)]));
}

// ---------------------------------------------------------------- MLflow

export interface MlflowVersion {
  name: string;
  version: string;
  runId: string | null;
  /** Run artifacts by path under the run's artifact root. */
  files: Record<string, Buffer>;
}

export interface MlflowStandIn extends Loopback {
  versions: Map<string, MlflowVersion>;
  /** `name\0alias` → version. */
  aliases: Map<string, string>;
  /** `name/version` → tags. */
  tags: Map<string, Map<string, string>>;
  aliasOf(name: string, alias: string): string | undefined;
  tagsOf(name: string, version: string): Record<string, string>;
}

const API = '/api/2.0/mlflow';
const ARTIFACTS = '/api/2.0/mlflow-artifacts/artifacts/';

export async function startMlflowStandIn(versions: MlflowVersion[]): Promise<MlflowStandIn> {
  const byKey = new Map(versions.map((version) => [`${version.name}/${version.version}`, version]));
  const aliases = new Map<string, string>();
  const tags = new Map<string, Map<string, string>>();
  const versionTemplate = (fixtureJson('mlflow/api/model-versions-get.json') as { model_version: Record<string, unknown> }).model_version;
  const runTemplate = (fixtureJson('mlflow/api/runs-get.json') as { run: { info: Record<string, unknown>; data: unknown; inputs: unknown } }).run;
  // Read once: the stand-in answers thousands of calls in the load test (bench/hooks.ts).
  const empty = fixtureJson('mlflow/api/empty.json');
  const resourceMissing = fixtureJson('mlflow/api/error-resource-does-not-exist.json');
  const aliasMissing = fixtureJson('mlflow/api/error-alias-not-found.json');
  const notFound = (message: string): Answer => ({ status: 404, body: { ...resourceMissing, message } });

  const modelVersionJson = (version: MlflowVersion) => ({
    ...versionTemplate,
    name: version.name,
    version: version.version,
    run_id: version.runId ?? undefined,
    tags: [...(tags.get(`${version.name}/${version.version}`) ?? new Map())].map(([key, value]) => ({ key, value })),
    aliases: [...aliases].filter(([key, target]) => key.startsWith(`${version.name}\u0000`) && target === version.version).map(([key]) => key.split('\u0000')[1]),
  });

  const handle = (call: RecordedCall): Answer => {
    const body = call.body.length > 0 ? (JSON.parse(call.body.toString('utf8')) as Record<string, string>) : {};
    const route = `${call.method} ${call.path}`;
    if (route === `GET ${API}/model-versions/get`) {
      const found = byKey.get(`${call.query.get('name')}/${call.query.get('version')}`);
      return found ? { body: { model_version: modelVersionJson(found) } } : notFound(`Model Version (name=${call.query.get('name')}, version=${call.query.get('version')}) not found`);
    }
    if (route === `GET ${API}/runs/get`) {
      const runId = call.query.get('run_id')!;
      if (![...byKey.values()].some((version) => version.runId === runId)) return notFound(`Run '${runId}' not found`);
      return { body: { run: { ...runTemplate, info: { ...runTemplate.info, run_id: runId, run_uuid: runId, artifact_uri: `mlflow-artifacts:/1/${runId}/artifacts` } } } };
    }
    if (call.method === 'GET' && call.path.startsWith(ARTIFACTS)) {
      const [experiment, runId, artifacts, ...rest] = call.path.slice(ARTIFACTS.length).split('/');
      const version = [...byKey.values()].find((candidate) => candidate.runId === runId);
      const file = experiment === '1' && artifacts === 'artifacts' ? version?.files[rest.join('/')] : undefined;
      return file ? { headers: { 'content-type': 'application/octet-stream' }, body: file } : { status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `File not found: ${rest.join('/')}` } };
    }
    if (route === `POST ${API}/model-versions/set-tag`) {
      const key = `${body.name}/${body.version}`;
      if (!byKey.has(key)) return notFound(`Model Version (name=${body.name}, version=${body.version}) not found`);
      if (!tags.has(key)) tags.set(key, new Map());
      tags.get(key)!.set(body.key!, body.value!);
      return { body: empty };
    }
    if (route === `GET ${API}/registered-models/alias`) {
      const target = aliases.get(`${call.query.get('name')}\u0000${call.query.get('alias')}`);
      if (target === undefined) {
        return { status: 400, body: { ...aliasMissing, message: `Registered model alias ${call.query.get('alias')} not found.` } };
      }
      return { body: { model_version: modelVersionJson(byKey.get(`${call.query.get('name')}/${target}`)!) } };
    }
    if (route === `POST ${API}/registered-models/alias`) {
      if (!byKey.has(`${body.name}/${body.version}`)) return notFound(`Model Version (name=${body.name}, version=${body.version}) not found`);
      aliases.set(`${body.name}\u0000${body.alias}`, body.version!);
      return { body: empty };
    }
    if (route === `DELETE ${API}/registered-models/alias`) {
      aliases.delete(`${body.name}\u0000${body.alias}`);
      return { body: empty };
    }
    return { status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND', message: `${route} is not an endpoint this stand-in serves` } };
  };

  const loopback = await startLoopback(handle);
  return {
    ...loopback,
    versions: byKey,
    aliases,
    tags,
    aliasOf: (name, alias) => aliases.get(`${name}\u0000${alias}`),
    tagsOf: (name, version) => Object.fromEntries(tags.get(`${name}/${version}`) ?? new Map()),
  };
}

// ---------------------------------------------------------------- Hugging Face Hub

export interface HubStandIn extends Loopback {
  /** `repo@sha` → files by path. */
  commits: Map<string, Record<string, Buffer>>;
}

export async function startHubStandIn(commits: Record<string, Record<string, Buffer>>): Promise<HubStandIn> {
  const byCommit = new Map(Object.entries(commits));
  const handle = (call: RecordedCall): Answer => {
    const resolve = /^\/(.+)\/resolve\/([0-9a-f]{40})\/(.+)$/.exec(call.path);
    if (call.method === 'GET' && resolve) {
      const file = byCommit.get(`${resolve[1]}@${resolve[2]}`)?.[resolve[3]!];
      return file ? { headers: { 'content-type': 'application/octet-stream' }, body: file } : { status: 404, headers: { 'x-error-code': 'EntryNotFound' }, body: fixtureJson('huggingface/api/error-entry-not-found.json') };
    }
    if (call.method === 'POST' && /^\/api\/models\/.+\/discussions$/.test(call.path)) return { body: fixtureJson('huggingface/api/discussion-created.json') };
    if (call.method === 'POST' && /^\/api\/models\/.+\/discussions\/\d+\/comment$/.test(call.path)) return { body: { newMessage: { type: 'comment' } } };
    return { status: 404, body: { error: `${call.method} ${call.path} is not an endpoint this stand-in serves` } };
  };
  return { ...(await startLoopback(handle)), commits: byCommit };
}

// ---------------------------------------------------------------- SageMaker and S3

export interface AwsStandIn extends Loopback {
  /** ARN → the DescribeModelPackage answer, updated by UpdateModelPackage. */
  packages: Map<string, Record<string, unknown>>;
  /** `bucket/key` → object. */
  objects: Map<string, Buffer>;
}

/** SageMaker (awsJson1_1: POST / with X-Amz-Target) and S3 (path-style GET /bucket/key) on one loopback port. */
export async function startAwsStandIn(packages: Record<string, unknown>[], objects: Record<string, Buffer>): Promise<AwsStandIn> {
  const byArn = new Map(packages.map((pkg) => [pkg.ModelPackageArn as string, { ...pkg }]));
  const byKey = new Map(Object.entries(objects));
  const awsJson = (status: number, body: unknown, errorType?: string): Answer => ({
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'b6c3a0e1-4c3e-4f1b-9d6e-0a1b2c3d4e5f', ...(errorType && { 'x-amzn-errortype': errorType }) },
    body: JSON.stringify(body),
  });
  const handle = (call: RecordedCall): Answer => {
    const target = call.headers['x-amz-target'];
    if (call.method === 'POST' && call.path === '/' && typeof target === 'string') {
      if (!String(call.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) return awsJson(400, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }, 'MissingAuthenticationTokenException');
      const input = JSON.parse(call.body.toString('utf8')) as Record<string, string>;
      if (target === 'SageMaker.DescribeModelPackage') {
        const pkg = byArn.get(input.ModelPackageName!);
        if (!pkg) {
          const error = fixtureJson('sagemaker/api/error-validation.json');
          return awsJson(400, { ...error, message: `Model Package ${input.ModelPackageName} does not exist.` }, 'ValidationException');
        }
        return awsJson(200, pkg);
      }
      if (target === 'SageMaker.UpdateModelPackage') {
        const pkg = byArn.get(input.ModelPackageArn!);
        if (!pkg) return awsJson(400, { __type: 'ValidationException', message: `Model Package ${input.ModelPackageArn} does not exist.` }, 'ValidationException');
        if (input.ModelApprovalStatus !== undefined) pkg.ModelApprovalStatus = input.ModelApprovalStatus;
        if (input.ApprovalDescription !== undefined) pkg.ApprovalDescription = input.ApprovalDescription;
        return awsJson(200, { ...fixtureJson('sagemaker/api/update-model-package.json'), ModelPackageArn: input.ModelPackageArn });
      }
      return awsJson(400, { __type: 'UnknownOperationException', message: `${target} is not an operation this stand-in serves` }, 'UnknownOperationException');
    }
    if (call.method === 'GET') {
      const object = byKey.get(call.path.replace(/^\//, ''));
      if (object) return { headers: { 'content-type': 'application/octet-stream', 'content-length': String(object.length), etag: '"0f1e2d3c"' }, body: object };
      const key = call.path.split('/').slice(2).join('/');
      return { status: 404, headers: { 'content-type': 'application/xml' }, body: fixture('sagemaker/s3/error-no-such-key.xml').replace('governance/README.md', key) };
    }
    return { status: 400, body: `${call.method} ${call.path} is not a request this stand-in serves` };
  };
  return { ...(await startLoopback(handle)), packages: byArn, objects: byKey };
}
