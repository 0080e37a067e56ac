import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_BUNDLE, DEMO_REPO, REPO_ROOT, runCli } from '../helpers.js';
import { fixture, governanceFiles, startMlflowStandIn, type MlflowStandIn } from './stand-ins.js';
import { mlflowEvent, mlflowHeaders, SECRETS } from './harness.js';

/** `modelgate serve --config …` as an operator runs it: the CLI bundle, a config file, secrets in the environment. */
describe('modelgate serve (CLI bundle)', () => {
  let mlflow: MlflowStandIn | undefined;
  let server: ChildProcess | undefined;

  afterAll(async () => {
    server?.kill('SIGKILL');
    await mlflow?.close();
  });

  it('starts from its config, answers /healthz, records a registry decision beside a CLI one, and stops on SIGTERM', async () => {
    const run = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    mlflow = await startMlflowStandIn([{ name: 'support-router', version: '1', runId: run, files: governanceFiles('support-router') }]);
    const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-serve-'));
    const audit = path.join(dir, 'audit.jsonl');
    writeFileSync(
      path.join(dir, 'serve.yaml'),
      `listen:
  host: 127.0.0.1
audit:
  url: file:audit.jsonl
mlflow:
  tracking_uri: ${mlflow.url}
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
  artefacts:
    model_card: governance/model_card.yaml
    lineage: governance/lineage.yaml
    bias: governance/bias.yaml
    drift: governance/drift.yaml
`,
    );

    // A pull request's decision, recorded by the CLI in the same trail.
    const check = runCli(['check', '--model', 'support-router', '--audit', `file:${audit}`, '--actor', 'ml-engineer'], { cwd: DEMO_REPO });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);

    const port = await freePort();
    let output = '';
    server = spawn(process.execPath, [CLI_BUNDLE, 'serve', '--config', 'serve.yaml', '--port', String(port)], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', MLFLOW_WEBHOOK_SECRET: SECRETS.MLFLOW_WEBHOOK_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server!.on('exit', (code) => resolve(code)));

    const base = `http://127.0.0.1:${port}`;
    const health = await poll(`${base}/healthz`);
    expect(health, output).toEqual({ status: 200, body: { status: 'ok' } });

    const body = mlflowEvent(fixture('mlflow/events/model_version.created.json'), { name: 'support-router', version: '1', run_id: run });
    const reply = await fetch(`${base}/hooks/mlflow`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...mlflowHeaders(body) } });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ result: 'recorded', verdict: 'pass' });

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    server = undefined;

    // Structured JSON logs on standard output, without the secret.
    const lines = output.trim().split('\n');
    const logs = lines.map((line) => JSON.parse(line) as { msg?: string; level: number });
    expect(logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['modelgate hook server listening', 'decision recorded', 'stopping: finishing the requests in flight']));
    expect(output).not.toContain(SECRETS.MLFLOW_WEBHOOK_SECRET);

    // `audit log` shows both decisions, in one verified chain.
    const log = runCli(['audit', 'log', '--audit', `file:${audit}`], { cwd: REPO_ROOT });
    expect(log.status).toBe(0);
    const entries = log.stdout.split('\n').filter((line) => line.startsWith('#'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatch(/^#0 .* decision support-router \S+ pass by ml-engineer \(cli\)/);
    expect(entries[1]).toMatch(/^#1 .* decision support-router 1 pass by modelgate-hooks \(registry mlflow model_version.created models:\/support-router\/1\)/);
    expect(runCli(['audit', 'verify', '--audit', `file:${audit}`]).status).toBe(0);
  });

  it('refuses to start with a config error, naming the file and line (exit 2)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-serve-'));
    writeFileSync(path.join(dir, 'serve.yaml'), 'audit:\n  url: file:audit.jsonl\nmlflow:\n  tracking_uri: https://mlflow.internal\n  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }\n');
    const result = runCli(['serve', '--config', 'serve.yaml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('modelgate: serve.yaml:5:3: mlflow.webhook_secret: the environment variable MLFLOW_WEBHOOK_SECRET is not set\n');
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Asks until the server answers, for at most about 20 seconds. */
async function poll(url: string): Promise<{ status: number; body: unknown } | undefined> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      const response = await fetch(url);
      return { status: response.status, body: await response.json() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return undefined;
}
