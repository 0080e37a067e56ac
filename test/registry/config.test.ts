import { describe, expect, it } from 'vitest';
import { ModelgateError } from '../../src/errors.js';
import { parseServeConfig } from '../../src/registry/config.js';
import { loadServeConfig } from '../../src/registry/load-config.js';
import { lineOf, makeRepo } from '../helpers.js';

const MINIMAL = `audit:
  url: file:audit.jsonl
mlflow:
  tracking_uri: https://mlflow.internal/
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
`;

async function loadError(text: string, env: Record<string, string> = {}, files: Record<string, string> = {}): Promise<ModelgateError> {
  const dir = makeRepo({ 'serve.yaml': text, ...files });
  const error = await loadServeConfig('serve.yaml', { cwd: dir, env }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ModelgateError);
  return error as ModelgateError;
}

describe('serve config', () => {
  it('fills in the defaults, and reads secrets from the environment and from files', async () => {
    const dir = makeRepo({
      'serve.yaml': `${MINIMAL}  token: { secret_file: secrets/mlflow-token }\n`,
      'secrets/mlflow-token': 'token-from-a-file\n',
    });
    const runtime = await loadServeConfig('serve.yaml', { cwd: dir, env: { MLFLOW_WEBHOOK_SECRET: 'from-the-environment' } });
    expect(runtime.secrets.mlflow).toEqual({ webhook: 'from-the-environment', token: 'token-from-a-file' });
    expect(runtime.config).toMatchObject({
      listen: { host: '0.0.0.0', port: 8080 },
      policy: 'starter',
      actor: 'modelgate-hooks',
      delivery: { max_body_bytes: 1048576, timeout_seconds: 10, retries: 2, lease_seconds: 120 },
      rate_limit: { max: 600, window_seconds: 60 },
      mlflow: { tracking_uri: 'https://mlflow.internal', timestamp_tolerance_seconds: 300, protected_aliases: ['champion', 'production'] },
    });
    expect(runtime.policy.name).toBe('starter');
    expect(runtime.auditUrl).toBe('file:audit.jsonl');
    // The parsed config holds references, never the secrets, so it can be shown whole.
    expect(JSON.stringify(runtime.config)).not.toContain('from-the-environment');
  });

  it.each([
    ['a secret written in the config', MINIMAL.replace('{ secret_env: MLFLOW_WEBHOOK_SECRET }', 'hunter2'), 'webhook_secret', /a secret may not be written in the config: secrets are read from the environment or a file/],
    ['an unknown key', `${MINIMAL}  protected_alias: [champion]\n`, 'protected_alias', /unrecognized key/i],
    ['a glob among registry artefacts', `${MINIMAL}  artefacts:\n    bias: reports/*.json\n`, 'bias:', /exact file paths/],
    ['a PostgreSQL URL with its password', MINIMAL.replace('file:audit.jsonl', 'postgres://hooks:s3cret@db/governance'), 'url:', /a PostgreSQL URL with a password is a secret/],
    ['a tracking URI with credentials', MINIMAL.replace('https://mlflow.internal/', 'https://user:pw@mlflow.internal'), 'tracking_uri', /without a user or password/],
    ['no registry', 'audit:\n  url: file:audit.jsonl\n', 'audit', /configure at least one registry/],
  ])('refuses %s, naming the file and line', async (_name, text, needle, message) => {
    const error = await loadError(text, { MLFLOW_WEBHOOK_SECRET: 'x' });
    expect(error.code).toBe('config');
    expect(error.location?.path).toBe('serve.yaml');
    expect(error.location?.line).toBe(lineOf(text, needle));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('hunter2');
  });

  it('says which environment variable is not set, at the line that names it', async () => {
    const error = await loadError(MINIMAL);
    expect(error.location).toMatchObject({ path: 'serve.yaml', line: lineOf(MINIMAL, 'webhook_secret') });
    expect(error.reason).toBe('mlflow.webhook_secret: the environment variable MLFLOW_WEBHOOK_SECRET is not set');
  });

  it('says which secret file cannot be read', async () => {
    const error = await loadError(`${MINIMAL}  token: { secret_file: missing-token }\n`, { MLFLOW_WEBHOOK_SECRET: 'x' });
    expect(error.message).toMatch(/^serve\.yaml:6:\d+: mlflow\.token: cannot read the secret file missing-token: ENOENT$/);
  });

  it('refuses a policy that does not load, as the CLI does', async () => {
    const error = await loadError(`policy: policies/missing.yaml\n${MINIMAL}`, { MLFLOW_WEBHOOK_SECRET: 'x' });
    expect(error.message).toMatch(/cannot read policy file policies\/missing\.yaml: not found/);
  });

  it('takes an audit URL from a secret, and only a store URL', async () => {
    const text = MINIMAL.replace('file:audit.jsonl', '{ secret_env: MODELGATE_AUDIT_URL }');
    const dir = makeRepo({ 'serve.yaml': text });
    const runtime = await loadServeConfig('serve.yaml', { cwd: dir, env: { MLFLOW_WEBHOOK_SECRET: 'x', MODELGATE_AUDIT_URL: 'postgres://hooks:pw@db/governance' } });
    expect(runtime.auditUrl).toBe('postgres://hooks:pw@db/governance');
    const error = await loadError(text, { MLFLOW_WEBHOOK_SECRET: 'x', MODELGATE_AUDIT_URL: 'https://example.org' });
    expect(error.message).toMatch(/audit\.url: the secret must be a postgres:\/\/\.\.\. or file:PATH URL/);
  });

  it('parses the SageMaker report locations and refuses others', () => {
    const base = 'audit: { url: "file:a.jsonl" }\nsagemaker:\n  shared_secret: { secret_env: S }\n';
    expect(parseServeConfig(`${base}  reports:\n    bias: [ModelMetrics.Bias.PostTrainingReport]\n    model_card: { from: [CustomerMetadataProperties.card], format: huggingface-model-card }\n`, 'x.yaml').config.sagemaker!.reports).toEqual({
      bias: { from: ['ModelMetrics.Bias.PostTrainingReport'], format: undefined },
      model_card: { from: ['CustomerMetadataProperties.card'], format: 'huggingface-model-card' },
    });
    expect(() => parseServeConfig(`${base}  reports:\n    bias: [ModelMetrics.Bias]\n`, 'x.yaml')).toThrow(/x\.yaml:5:\d+: .*must be ModelMetrics\.<Group>\.<Field>/);
  });
});
