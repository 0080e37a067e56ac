/**
 * `npm run bench`: the gate's cost against floors measured in the same process and run.
 * Prints one table and writes bench/results.json. `--smoke` runs tiny sizes quickly (used
 * by a test to keep this script working); timings from a smoke run mean nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parse as parseYamlText } from 'yaml';
import { readArtefact } from '../src/artefacts/read.js';
import type { ArtefactKind } from '../src/artefacts/evidence.js';
import { check, checkKeepingSubjects } from '../src/check.js';
import { DEFAULT_LIMITS } from '../src/document/limits.js';
import { compilePolicy } from '../src/engine/compile.js';
import { createFsPolicySource, findPacksDir } from '../src/io/policy-source.js';
import { createFsWorkspace } from '../src/io/workspace.js';
import { parseRepoConfig } from '../src/policy/config.js';
import { loadPolicy } from '../src/policy/load.js';
import { buildDecisionRecord, canonicalJson, type AuditHead } from '../src/audit/record.js';
import { decisionEntries } from '../src/audit/record-decisions.js';
import { createFileStore } from '../src/audit/stores/file-store.js';
import { openAuditStore } from '../src/audit/stores/open.js';
import { isMigratable, type AuditStore } from '../src/audit/store.js';
import pg from 'pg';
import { checkRecord, verifyEntries } from '../src/audit/verify.js';
import { clarifyAnalysis, evidentlyReport, modelRepo, openLineageEvent } from './generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const smoke = process.argv.includes('--smoke');
const outArg = process.argv.indexOf('--out');
const resultsPath = outArg > 0 ? path.resolve(process.argv[outArg + 1]!) : path.join(ROOT, 'bench/results.json');

interface Row {
  case: string;
  median_ms: number;
  floor?: string;
  floor_ms?: number;
  ratio?: number;
  target: string;
  met: boolean;
  /** Not measured in this run (e.g. no server given); not counted as a miss. */
  skipped?: boolean;
  note?: string;
  /** Growth rows: the log-log slope of the task's time against the input size, and of the floor's. */
  slope?: number;
  floor_slope?: number;
}
const rows: Row[] = [];

/** Median latency (ms) of each task, all measured in one Bench so they share the run's conditions. */
async function medians(tasks: Record<string, () => unknown>, iterations: number): Promise<Record<string, number>> {
  const bench = new Bench({ iterations: smoke ? 2 : iterations, time: 0, warmup: !smoke, warmupIterations: smoke ? 0 : 2 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  const result: Record<string, number> = {};
  for (const task of bench.tasks) {
    const outcome = task.result;
    if (outcome.state !== 'completed') throw new Error(`benchmark "${task.name}" did not complete: ${outcome.state}${'error' in outcome ? `: ${String(outcome.error)}` : ''}`);
    result[task.name] = outcome.latency.p50;
  }
  return result;
}

function ratioRow(name: string, taskMs: number, floor: string, floorMs: number, limit: number, note?: string): Row {
  const ratio = taskMs / floorMs;
  return { case: name, median_ms: taskMs, floor, floor_ms: floorMs, ratio, target: `≤ ${limit}×`, met: ratio <= limit, ...(note ? { note } : {}) };
}

// 1. check of a generated repository of 50 models.
/** The generated repository of `models` models, written to a fresh folder, with its config, the starter pack and a workspace. */
function generatedRepo(models: number) {
  const root = mkdtempSync(path.join(tmpdir(), 'modelgate-bench-'));
  const files = modelRepo(models);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const repoConfig = parseRepoConfig(files['.modelgate.yml']!, '.modelgate.yml');
  const policy = compilePolicy(loadPolicy('starter', createFsPolicySource(root)));
  return { root, files, repoConfig, policy, workspace: createFsWorkspace(root) };
}

async function benchCheckRepo(): Promise<void> {
  const models = smoke ? 3 : 50;
  const { root, files, repoConfig, policy, workspace } = generatedRepo(models);
  const artefacts = Object.keys(files).filter((file) => file.startsWith('models/'));
  const times = await medians(
    {
      floor: () => {
        for (const file of artefacts) {
          const text = readFileSync(path.join(root, file), 'utf8');
          if (file.endsWith('.json')) JSON.parse(text);
          else parseYamlText(text);
        }
      },
      check: () => check({ repoConfig, policy, workspace, now: new Date() }),
    },
    20,
  );
  rows.push(ratioRow(`check, ${models} models (starter pack)`, times.check!, 'read + JSON.parse/YAML parse of the same files', times.floor!, 3));
}

// 2. Artefact adapters at growing sizes, against JSON.parse of the same bytes.

/** V8's collector, when node runs with --expose-gc (as `npm run bench` starts it). */
const collector = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

interface Sampled {
  /** Median, 25th and 75th percentile (ms). */
  median: number;
  p25: number;
  p75: number;
}

function summarize(times: number[]): Sampled {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]!;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75) };
}

/** The least time one sample takes: faster calls are repeated within it. */
const MIN_SAMPLE_MS = 5;

/**
 * A task and its floor, sampled in turns (the floor first in one round, the task first in the
 * next) so that both see the same state of a shared machine, which drifts within a minute.
 *
 * With --expose-gc, a full collection first clears what earlier sizes left (a parsed document
 * of 100 MB), and a young-generation collection before every sample gives each the same empty
 * nursery: otherwise a sample starts with whatever the previous one left there, and collects
 * it, with its own live objects, at a point that varies from sample to sample. Not a full
 * collection per sample: V8 discards optimized code when the last object of a shape it was
 * compiled for is collected (the adapters' per-read objects), which in a process that keeps
 * reading happens at its occasional full collections, not between every two reads; every
 * sample would then measure the adapter being compiled again.
 */
function sampleInTurns(floor: () => unknown, task: () => unknown, samples: number, warmup: number): { floor: Sampled; task: Sampled } {
  const times = { floor: [] as number[], task: [] as number[] };
  /** Calls per sample: a call of well under a millisecond is timed over several, as one would mostly time the caches. */
  const batch = { floor: 1, task: 1 };
  const sample = (name: 'floor' | 'task', run: () => unknown, timed: boolean) => {
    collector?.({ type: 'minor' });
    const calls = batch[name];
    const started = performance.now();
    for (let call = 0; call < calls; call++) run();
    const elapsed = (performance.now() - started) / calls;
    if (timed) times[name].push(elapsed);
    else batch[name] = Math.max(1, Math.min(100, Math.ceil(MIN_SAMPLE_MS / Math.max(elapsed, 0.001))));
  };
  collector?.({ type: 'major' });
  for (let round = 0; round < warmup + samples; round++) {
    const timed = round >= warmup;
    if (round % 2 === 0) {
      sample('floor', floor, timed);
      sample('task', task, timed);
    } else {
      sample('task', task, timed);
      sample('floor', floor, timed);
    }
  }
  return { floor: summarize(times.floor), task: summarize(times.task) };
}

/** Half the interquartile range, as a share of the median: how much the samples of one case spread. */
const spread = ({ median, p25, p75 }: Sampled) => `±${(((p75 - p25) / 2 / median) * 100).toFixed(0)}%`;

/**
 * Growth is judged against the floor's own: JSON.parse itself grows faster than linearly up to
 * 100 MB (its slope reads 0.97–1.22 here, mostly above 1.05: the collector copies a live tree
 * that keeps growing), so "slope ≤ 1.1" would judge the parser and the machine, not the
 * adapter. The task's slope minus the floor's is the slope of the ratio: an adapter's cost may
 * grow by at most 100^0.1 ≈ 1.6× more than JSON.parse's over the hundredfold range. Repeated
 * runs on a busy machine read the difference between −0.05 and +0.07, so a limit of 0.05 would
 * fail on noise; a lookup per item that scans its siblings (quadratic) adds about 1.
 */
const EXCESS_SLOPE_LIMIT = 0.1;

async function benchSizes(kind: ArtefactKind, label: string, sizes: number[], generate: (size: number) => string): Promise<void> {
  const limits = { ...DEFAULT_LIMITS, max_file_bytes: 1024 * 1024 * 1024 };
  const measured: { size: number; task: number; floor: number }[] = [];
  for (const size of smoke ? [10, 20] : sizes) {
    const text = generate(size);
    const file = { path: `${kind}.json`, text, sha256: createHash('sha256').update(text).digest('hex') };
    const large = size >= 100_000;
    const times = sampleInTurns(
      () => JSON.parse(text),
      () => readArtefact(file, { kind, limits }),
      smoke ? 2 : large ? 7 : 15,
      smoke ? 0 : large ? 2 : 3,
    );
    measured.push({ size, task: times.task.median, floor: times.floor.median });
    rows.push(
      ratioRow(`${label}, ${size} (${(text.length / 1e6).toFixed(1)} MB)`, times.task.median, 'JSON.parse of the same bytes', times.floor.median, 3, `spread: task ${spread(times.task)}, floor ${spread(times.floor)}`),
    );
  }
  const first = measured[0]!;
  const last = measured[measured.length - 1]!;
  const slopeOf = (from: number, to: number) => Math.log(to / from) / Math.log(last.size / first.size);
  const slope = slopeOf(first.task, last.task);
  const floorSlope = slopeOf(first.floor, last.floor);
  rows.push({
    case: `${label}: growth (log-log slope, ${first.size} → ${last.size})`,
    median_ms: last.task,
    floor: 'JSON.parse of the same bytes',
    floor_ms: last.floor,
    slope,
    floor_slope: floorSlope,
    target: `slope ≤ floor's + ${EXCESS_SLOPE_LIMIT}`,
    met: slope - floorSlope <= EXCESS_SLOPE_LIMIT,
    note: `slope ${slope.toFixed(2)}, floor's ${floorSlope.toFixed(2)}, excess ${(slope - floorSlope).toFixed(2)}`,
  });
}

// 3. Policy load + CEL compile of every shipped pack.
async function benchPacks(): Promise<void> {
  const packsDir = findPacksDir();
  if (!packsDir) throw new Error('policies/ not found');
  const source = createFsPolicySource(ROOT);
  for (const pack of readdirSync(packsDir).filter((file) => file.endsWith('.yaml')).map((file) => file.slice(0, -5))) {
    const times = await medians({ load: () => compilePolicy(loadPolicy(pack, source)) }, 30);
    rows.push({ case: `policy load + CEL compile: ${pack}`, median_ms: times.load!, target: '< 50 ms', met: times.load! < 50 });
  }
}

// 4. The audit trail: verifying a long chain against hashing the same bytes, and append cost as the chain grows.

/**
 * Record templates as the gate writes them: the decision records of the generated repository
 * of the `check` row (results, artefact digests, observations; 3-5 KB each, like the records
 * of `npm run demo`), with placeholders for the members that change along a chain.
 */
const PLACEHOLDER = { id: '@@id@@', seq: '@@seq@@', prev: '@@prev@@', time: '@@time@@' };

async function recordTemplates(): Promise<string[]> {
  const repo = generatedRepo(smoke ? 3 : 50);
  const { decision, subjects } = await checkKeepingSubjects({ ...repo, now: new Date('2026-01-01T00:00:00Z') });
  return decisionEntries(decision, subjects).map((entry) => {
    const unsigned = buildDecisionRecord(entry, undefined, { time: new Date(0), actor: 'release-manager', trigger: { type: 'cli' } });
    return canonicalJson({ ...unsigned, ...PLACEHOLDER });
  });
}

/**
 * The canonical JSON of a valid chain of `count` decision records, one record at a time. Built
 * by filling the templates' placeholders (sealing a million records through the canonicalizer
 * would take minutes); the first record of each template is checked in full, so a generator
 * mistake cannot pass as a verified chain.
 */
function* chainRecords(templates: readonly string[], count: number, idPrefix = '00000000'): Generator<string> {
  let prev: string | null = null;
  for (let seq = 0; seq < count; seq++) {
    const unsigned: string = templates[seq % templates.length]!
      .replace(`"${PLACEHOLDER.id}"`, `"${idPrefix}-0000-4000-8000-${String(seq).padStart(12, '0')}"`)
      .replace(`"${PLACEHOLDER.seq}"`, String(seq))
      .replace(`"${PLACEHOLDER.prev}"`, prev === null ? 'null' : `"${prev}"`)
      .replace(`"${PLACEHOLDER.time}"`, `"${new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString()}"`);
    const hash: string = createHash('sha256').update(unsigned).digest('hex');
    // In canonical order `hash` stands right before `id`, the first `,"id":` of a record.
    const line = unsigned.replace(',"id":', `,"hash":"${hash}","id":`);
    if (seq < templates.length) {
      const checked = checkRecord({ text: line, where: `generated record ${seq}` });
      if ('reason' in checked) throw new Error(`the bench generated an invalid record: ${checked.reason}`);
    }
    prev = hash;
    yield line;
  }
}

/** A chain written straight to a JSON Lines file (appending a million records one by one would take hours). */
function writeChain(file: string, templates: readonly string[], count: number): void {
  // Written in batches: a million records are more text than one JS string may hold.
  const fd = openSync(file, 'w');
  let batch: string[] = [];
  for (const record of chainRecords(templates, count)) {
    batch.push(`${record}\n`);
    if (batch.length === 10_000) {
      writeSync(fd, batch.join(''));
      batch = [];
    }
  }
  writeSync(fd, batch.join(''));
  closeSync(fd);
}

function appendRecord() {
  return (head: AuditHead | undefined) => ({
    format: 'modelgate.audit/v1' as const,
    id: randomUUID(),
    seq: (head?.seq ?? -1) + 1,
    prev: head?.hash ?? null,
    time: new Date().toISOString(),
    kind: 'decision' as const,
    subject: { model: 'fraud-scorer', version: '1.4.0', artefacts: [] },
    trigger: { type: 'cli' as const },
    actor: 'release-manager',
    policy: { name: 'starter', version: '1.0.0', digest: `sha256:${'b'.repeat(64)}` },
    results: [],
    verdict: 'pass' as const,
    approvals: [],
  });
}

/** Mean cost of `appends` appends to a store that already holds a chain, per chain size. */
function appendGrowthRow(store: string, perAppend: Record<number, number>): Row {
  const [small, large] = Object.keys(perAppend).map(Number);
  const growth = perAppend[large!]! / perAppend[small!]!;
  return {
    case: `audit append (${store}): ${small} vs ${large} records`,
    median_ms: perAppend[large!]!,
    floor: `the same at ${small} records`,
    floor_ms: perAppend[small!]!,
    ratio: growth,
    target: 'O(1): ratio ≈ 1',
    met: growth < 2,
    note: `${perAppend[small!]!.toFixed(2)} ms vs ${perAppend[large!]!.toFixed(2)} ms per append`,
  };
}

async function timeAppends(store: AuditStore, appends: number): Promise<number> {
  // One untimed append first: connection set-up and cold caches are not the per-append cost.
  await store.append(appendRecord() as never);
  const started = process.hrtime.bigint();
  for (let i = 0; i < appends; i++) await store.append(appendRecord() as never);
  return Number(process.hrtime.bigint() - started) / 1e6 / appends;
}

/** sha256 of a file read in chunks of the size the file store reads (a file of gigabytes is more than one Buffer may hold). */
function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

async function benchAudit(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-audit-bench-'));
  const templates = await recordTemplates();
  for (const count of smoke ? [10] : [10_000, 100_000, 1_000_000]) {
    const file = path.join(dir, `chain-${count}.jsonl`);
    writeChain(file, templates, count);
    const megabytes = statSync(file).size / 1e6;
    const store = createFileStore(file);
    const times = await medians(
      {
        floor: () => sha256OfFile(file),
        verify: async () => {
          const result = await verifyEntries(store.readEntries());
          if (!result.ok || result.checked !== count) throw new Error(`chain of ${count} did not verify`);
        },
      },
      count >= 1_000_000 ? 3 : 5,
    );
    const share = times.floor! / times.verify!;
    rows.push({
      case: `audit verify, ${count} records (file store, ${megabytes.toFixed(0)} MB)`,
      median_ms: times.verify!,
      floor: 'read + sha256 of the same bytes',
      floor_ms: times.floor!,
      ratio: times.verify! / times.floor!,
      target: '≥ 50% of floor throughput',
      met: share >= 0.5,
      note: `${(share * 100).toFixed(0)}% of floor throughput`,
    });
    // A million records are gigabytes.
    rmSync(file);
  }
  const sizes = smoke ? [10, 20] : [1_000, 100_000];
  const appends = smoke ? 3 : 50;
  const filePerAppend: Record<number, number> = {};
  for (const count of sizes) {
    const file = path.join(dir, `append-${count}.jsonl`);
    writeChain(file, templates, count);
    const store = createFileStore(file);
    filePerAppend[count] = await timeAppends(store, appends);
    await store.close();
  }
  rows.push(appendGrowthRow('file store, lock + fsync', filePerAppend));

  // PostgreSQL only when a server is given (e.g. by `eval "$(bash .ci/postgres.sh)"`).
  const url = process.env.MODELGATE_TEST_POSTGRES_URL;
  if (!url) {
    rows.push({ case: 'audit append (PostgreSQL)', median_ms: 0, target: 'O(1)', met: false, skipped: true, note: 'not measured: no MODELGATE_TEST_POSTGRES_URL' });
    return;
  }
  const pgPerAppend: Record<number, number> = {};
  const run = Date.now().toString(16).slice(-8);
  for (const count of sizes) {
    const chain = `bench-${run}-${count}`;
    const target = `${url}${url.includes('?') ? '&' : '?'}chain=${chain}`;
    const store = await openAuditStore(target, { cwd: process.cwd() });
    if (isMigratable(store)) await store.migrate();
    // Prefilled in bulk: the same canonical records a store writes, inserted 1,000 to a statement.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const values = batch.map((_, i) => `($1, $${i + 2})`).join(', ');
      await client.query(`INSERT INTO modelgate_audit_records (chain, body) VALUES ${values}`, [chain, ...batch]);
      batch = [];
    };
    for (const record of chainRecords(templates, count, (parseInt(run, 16) + count).toString(16).padStart(8, '0').slice(-8))) {
      batch.push(record);
      if (batch.length === 1_000) await flush();
    }
    await flush();
    // Fresh statistics, as autovacuum would have them on a table that grew over time.
    await client.query('ANALYZE modelgate_audit_records');
    await client.end();
    pgPerAppend[count] = await timeAppends(store, appends);
    await store.close();
  }
  rows.push(appendGrowthRow('PostgreSQL, advisory lock + transaction', pgPerAppend));
}

// 5. Start-up of the bundles, against starting node itself.
async function benchStartup(): Promise<void> {
  const runs = smoke ? 2 : 15;
  /** Median wall time of `node ARGS`, which must exit with `status`. */
  const time = (args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; status?: number; output?: string } = {}) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? ROOT, encoding: 'utf8', ...(options.env && { env: options.env }) });
      if (result.status !== (options.status ?? 0) || (options.output && !result.stdout.includes(options.output))) {
        throw new Error(`node ${args.join(' ')} ended unexpectedly (exit ${result.status}): ${result.stdout}${result.stderr}`);
      }
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  };
  const floor = time(['-e', '0']);
  const row = (name: string, ms: number): Row => ({ case: name, median_ms: ms, floor: 'node -e 0', floor_ms: floor, target: '≤ +150 ms', met: ms - floor <= 150, note: `+${(ms - floor).toFixed(0)} ms` });
  rows.push(row('CLI bundle --version', time(['dist/cli/index.js', '--version'])));
  if (!existsSync(path.join(ROOT, 'dist/index.js'))) return;
  // The Action entry runs when imported; without an event file it stops at once: the entry's own load.
  // A clean environment, so that a bench run inside Actions writes nothing to the job's summary.
  rows.push(row('Action bundle dist/index.js load (entry only)', time(['--input-type=module', '-e', "await import('./dist/index.js').catch(() => {}); process.exitCode = 0;"], { env: { PATH: process.env.PATH ?? '', GITHUB_EVENT_NAME: 'unsupported' } })));
  // What a judging run loads: a scheduled run in an empty checkout loads the gate core, compiles
  // the starter pack and finds no models, with no API request (as scripts/check-bundle.mjs runs it).
  const workspace = mkdtempSync(path.join(tmpdir(), 'modelgate-bench-action-'));
  writeFileSync(path.join(workspace, 'event.json'), '{}');
  const env = {
    PATH: process.env.PATH ?? '',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_EVENT_PATH: path.join(workspace, 'event.json'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(workspace, 'temp'),
    'INPUT_GITHUB-TOKEN': 'unused',
  };
  try {
    rows.push(row('Action bundle: everything a judging run loads (gate core, starter pack compiled)', time([path.join(ROOT, 'dist/index.js')], { cwd: workspace, env, status: 1, output: 'no models found' })));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

// 6. The registry hook server under load (bench/hooks.ts): events per second and latency on loopback,
// one delivery at a time (latency) and 16 at a time (throughput).
async function benchHooks(): Promise<void> {
  const { benchHookServer } = await import('./hooks.js');
  const events = smoke ? 20 : 2000;
  // The committed CLI bundle when it has `serve`, as operators run it; otherwise the sources through tsx.
  const bundle = path.join(ROOT, 'dist/cli/index.js');
  const bundled = existsSync(bundle) && spawnSync(process.execPath, [bundle, 'serve', '--help'], { encoding: 'utf8' }).stdout.includes('Usage: modelgate serve');
  const url = process.env.MODELGATE_TEST_POSTGRES_URL;
  const runs: { concurrency: number; auditUrl?: string }[] = smoke
    ? [{ concurrency: 4 }]
    : [{ concurrency: 1 }, { concurrency: 16 }, ...(url ? [{ concurrency: 16, auditUrl: `${url}${url.includes('?') ? '&' : '?'}chain=bench-hooks-${Date.now().toString(16)}` }] : [])];
  for (const run of runs) {
    const result = await benchHookServer({ events, ...run, ...(bundled && { bundle }) });
    rows.push({
      case: `hook server: ${events} signed MLflow events, ${run.concurrency} in flight (${result.store} store)`,
      median_ms: result.p50,
      target: '≥ 500 events/s, p99 < 50 ms',
      met: result.eventsPerSecond >= 500 && result.p99 < 50 && result.failures === 0,
      note: `${result.eventsPerSecond.toFixed(0)} events/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${result.failures ? `, ${result.failures} not recorded` : ''} (${bundled ? 'CLI bundle' : 'sources via tsx'})`,
    });
  }
  if (!url) rows.push({ case: 'hook server (PostgreSQL store)', median_ms: 0, target: '≥ 500 events/s, p99 < 50 ms', met: false, skipped: true, note: 'not measured: no MODELGATE_TEST_POSTGRES_URL' });
}

// `--only NAME[,NAME]` runs some groups, e.g. while working on one miss.
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? new Set(process.argv[onlyArg + 1]!.split(',')) : undefined;
const groups: Record<string, () => Promise<void>> = {
  check: benchCheckRepo,
  drift: () => benchSizes('drift', 'drift: Evidently report, features', [1_000, 10_000, 100_000], evidentlyReport),
  bias: () => benchSizes('bias', 'bias: Clarify analysis, groups', [100, 1_000, 10_000], clarifyAnalysis),
  lineage: () => benchSizes('lineage', 'lineage: OpenLineage event, datasets', [1_000, 10_000, 100_000], openLineageEvent),
  packs: benchPacks,
  audit: benchAudit,
  startup: benchStartup,
  hooks: benchHooks,
};
for (const [name, run] of Object.entries(groups)) if (!only || only.has(name)) await run();

const format = (value: number | undefined, digits = 2) => (value === undefined ? '' : value.toFixed(digits));
const table = rows.map((row) => ({
  case: row.case,
  'median ms': format(row.median_ms),
  floor: row.floor ?? '',
  'floor ms': format(row.floor_ms),
  ratio: row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
  target: row.target,
  met: row.skipped ? 'skipped' : row.met ? 'yes' : 'NO',
  note: row.note ?? '',
}));
console.table(table);
if (!collector) console.log('note: node ran without --expose-gc, so the artefact rows were sampled without a collection between samples (npm run bench passes it)');
writeFileSync(resultsPath, `${JSON.stringify({ node: process.version, smoke, date: new Date().toISOString(), gc_between_samples: collector !== undefined, rows }, null, 2)}\n`);
console.log(`results written to ${path.relative(process.cwd(), resultsPath) || resultsPath}`);
