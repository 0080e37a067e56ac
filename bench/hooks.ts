/**
 * The hook server under load: `modelgate serve` in its own process, driven on loopback by this
 * process with a bounded number of signed MLflow `model_version.created` events against a local
 * MLflow stand-in, also in this process. Every event is verified, judged from four run
 * artifacts, recorded in the audit trail and tagged back, as in production. Half the versions
 * pass, half are blocked. The artefacts name their format, as a tuned config does, so no time
 * goes to format detection.
 *
 * The server, this process (load and stand-in) and a PostgreSQL store share the machine's
 * cores, so events/s depends on what else runs; the CPU time each process spends per event
 * does much less, and says what one server process sustains on a core of its own.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMigratable } from '../src/audit/store.js';
import { openAuditStore } from '../src/audit/stores/open.js';
import { mlflowEvent, mlflowHeaders, SECRETS } from '../test/registry/harness.js';
import { fixture, governanceFiles, startMlflowStandIn, type MlflowVersion } from '../test/registry/stand-ins.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface HookBenchResult {
  store: string;
  events: number;
  concurrency: number;
  seconds: number;
  eventsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** CPU time of the server process per event (ms), where the OS tells it (Linux /proc). */
  serverCpuMsPerEvent?: number;
  /** CPU time of this process (load generator and MLflow stand-in) per event (ms). */
  benchCpuMsPerEvent: number;
}

export interface HookBenchOptions {
  events: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** The audit store (default: a file in a fresh folder). */
  auditUrl?: string;
  /** A CLI bundle to run the server from; without it, the sources through tsx. */
  bundle?: string;
  /** Node flags for the server process, e.g. --cpu-prof. */
  nodeFlags?: string[];
}

/** Runs `events` deliveries with at most `concurrency` in flight; returns throughput and client-side latency. */
export async function benchHookServer(options: HookBenchOptions): Promise<HookBenchResult> {
  const versions: MlflowVersion[] = [];
  const models = 20;
  for (let i = 0; i < models; i++) {
    const passing = i % 2 === 0;
    versions.push({ name: `model-${i}`, version: '1', runId: `${String(i).padStart(4, '0')}${'ab'.repeat(14)}`, files: governanceFiles(passing ? 'support-router' : 'churn-predictor') });
  }
  const mlflow = await startMlflowStandIn(versions);
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-hooks-bench-'));
  const auditUrl = options.auditUrl ?? 'file:audit.jsonl';
  if (auditUrl.startsWith('postgres')) {
    const store = await openAuditStore(auditUrl, { cwd: dir });
    if (isMigratable(store)) await store.migrate();
    await store.close();
  }
  writeFileSync(
    path.join(dir, 'serve.yaml'),
    `listen:
  host: 127.0.0.1
log_level: warn
audit:
  url: { secret_env: MODELGATE_AUDIT_URL }
rate_limit:
  max: 1000000
  window_seconds: 60
mlflow:
  tracking_uri: ${mlflow.url}
  webhook_secret: { secret_env: MLFLOW_WEBHOOK_SECRET }
  artefacts:
    model_card: { path: governance/model_card.yaml, format: modelgate-model-card }
    lineage: { path: governance/lineage.yaml, format: modelgate-lineage }
    bias: { path: governance/bias.yaml, format: modelgate-bias }
    drift: { path: governance/drift.yaml, format: modelgate-drift }
`,
  );
  const port = await freePort();
  const command = options.bundle ? [process.execPath, ...(options.nodeFlags ?? []), options.bundle] : [path.join(ROOT, 'node_modules/.bin/tsx'), ...(options.nodeFlags ?? []), path.join(ROOT, 'src/cli/main.ts')];
  const server = spawn(command[0]!, [...command.slice(1), 'serve', '--config', 'serve.yaml', '--port', String(port)], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', MLFLOW_WEBHOOK_SECRET: SECRETS.MLFLOW_WEBHOOK_SECRET, MODELGATE_AUDIT_URL: auditUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  // node:http with kept-open connections: fetch costs this process about twice the CPU per request.
  const agent = new Agent({ keepAlive: true });
  try {
    await waitUntilHealthy(`${base}/healthz`, () => stderr);
    const template = fixture('mlflow/events/model_version.created.json');
    const deliver = async (index: number): Promise<{ ms: number; ok: boolean }> => {
      const version = versions[index % models]!;
      const body = mlflowEvent(template, { name: version.name, version: '1', run_id: version.runId, description: `delivery ${index}` });
      const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...mlflowHeaders(body, { deliveryId: randomUUID() }) };
      const started = process.hrtime.bigint();
      const { status, text } = await post(agent, `${base}/hooks/mlflow`, headers, body);
      const answer = JSON.parse(text) as { result?: string };
      return { ms: Number(process.hrtime.bigint() - started) / 1e6, ok: status === 200 && answer.result === 'recorded' };
    };
    // Warm-up: the first requests pay for connections, JIT and the first audit append.
    await Promise.all(Array.from({ length: Math.min(20, options.events) }, (_, i) => deliver(1_000_000 + i)));

    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const serverCpuBefore = processCpuMs(server.pid);
    const benchCpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < options.events) {
          const index = next++;
          const { ms, ok } = await deliver(index);
          latencies.push(ms);
          if (!ok) failures += 1;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const serverCpuAfter = processCpuMs(server.pid);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return {
      store: auditUrl.startsWith('postgres') ? 'PostgreSQL' : 'file',
      events: options.events,
      concurrency: options.concurrency,
      seconds,
      eventsPerSecond: options.events / seconds,
      p50: at(0.5),
      p99: at(0.99),
      failures,
      ...(serverCpuBefore !== undefined && serverCpuAfter !== undefined && { serverCpuMsPerEvent: (serverCpuAfter - serverCpuBefore) / options.events }),
      benchCpuMsPerEvent: (benchCpu.user + benchCpu.system) / 1000 / options.events,
    };
  } finally {
    agent.destroy();
    server.kill('SIGTERM');
    await exited;
    await mlflow.close();
  }
}

/** One POST; the answer's status and body as text. */
function post(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** User + system CPU time of a process in ms, from /proc (Linux); undefined elsewhere. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name, which may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS = 100;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitUntilHealthy(url: string, stderr: () => string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`the hook server did not start: ${stderr()}`);
}
