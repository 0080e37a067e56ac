/**
 * `npm run bench`: the gate's cost against floors measured in the same process and run.
 * Prints one table and writes bench/results.json. `--smoke` runs tiny sizes quickly (used
 * by a test to keep this script working); timings from a smoke run mean nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import { parse as parseYamlText } from 'yaml';
import { readArtefact } from '../src/artefacts/read.js';
import type { ArtefactKind } from '../src/artefacts/evidence.js';
import { check } from '../src/check.js';
import { DEFAULT_LIMITS } from '../src/document/limits.js';
import { compilePolicy } from '../src/engine/compile.js';
import { createFsPolicySource, findPacksDir } from '../src/io/policy-source.js';
import { createFsWorkspace } from '../src/io/workspace.js';
import { parseRepoConfig } from '../src/policy/config.js';
import { loadPolicy } from '../src/policy/load.js';
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
  note?: string;
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
async function benchCheckRepo(): Promise<void> {
  const models = smoke ? 3 : 50;
  const root = mkdtempSync(path.join(tmpdir(), 'modelgate-bench-'));
  const files = modelRepo(models);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const repoConfig = parseRepoConfig(files['.modelgate.yml']!, '.modelgate.yml');
  const policy = compilePolicy(loadPolicy('starter', createFsPolicySource(root)));
  const workspace = createFsWorkspace(root);
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
async function benchSizes(kind: ArtefactKind, label: string, sizes: number[], generate: (size: number) => string): Promise<void> {
  const limits = { ...DEFAULT_LIMITS, max_file_bytes: 1024 * 1024 * 1024 };
  const perItem: { size: number; ms: number }[] = [];
  for (const size of smoke ? sizes.slice(0, 1).map(() => 10) : sizes) {
    const text = generate(size);
    const file = { path: `${kind}.json`, text, sha256: createHash('sha256').update(text).digest('hex') };
    const times = await medians({ floor: () => JSON.parse(text), read: () => readArtefact(file, { kind, limits }) }, size >= 100_000 ? 5 : 10);
    perItem.push({ size, ms: times.read! });
    rows.push(ratioRow(`${label}, ${size} (${(text.length / 1e6).toFixed(1)} MB)`, times.read!, 'JSON.parse of the same bytes', times.floor!, 3));
  }
  if (perItem.length > 1) {
    const first = perItem[0]!;
    const last = perItem[perItem.length - 1]!;
    const slope = Math.log(last.ms / first.ms) / Math.log(last.size / first.size);
    rows.push({ case: `${label}: growth (log-log slope, ${first.size} → ${last.size})`, median_ms: last.ms, target: '≤ 1.1 (linear)', met: slope <= 1.1, note: `slope ${slope.toFixed(2)}` });
  }
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

// 4. Start-up of the bundles, against starting node itself.
async function benchStartup(): Promise<void> {
  const runs = smoke ? 2 : 15;
  const time = (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  };
  const floor = time(['-e', '0']);
  const cli = time(['dist/cli/index.js', '--version']);
  rows.push({ case: 'CLI bundle --version', median_ms: cli, floor: 'node -e 0', floor_ms: floor, target: '≤ +150 ms', met: cli - floor <= 150, note: `+${(cli - floor).toFixed(0)} ms` });
  if (existsSync(path.join(ROOT, 'dist/index.js'))) {
    // The Action entry runs when imported; an unsupported event makes it stop at once, which is what start-up costs.
    const action = time(['--input-type=module', '-e', "process.env.GITHUB_EVENT_NAME='unsupported'; await import('./dist/index.js').catch(() => {}); process.exitCode = 0;"]);
    rows.push({ case: 'Action bundle dist/index.js load', median_ms: action, floor: 'node -e 0', floor_ms: floor, target: '≤ +150 ms', met: action - floor <= 150, note: `+${(action - floor).toFixed(0)} ms` });
  }
}

await benchCheckRepo();
await benchSizes('drift', 'drift: Evidently report, features', [1_000, 10_000, 100_000], evidentlyReport);
await benchSizes('bias', 'bias: Clarify analysis, groups', [100, 1_000, 10_000], clarifyAnalysis);
await benchSizes('lineage', 'lineage: OpenLineage event, datasets', [1_000, 10_000, 100_000], openLineageEvent);
await benchPacks();
await benchStartup();

const format = (value: number | undefined, digits = 2) => (value === undefined ? '' : value.toFixed(digits));
const table = rows.map((row) => ({
  case: row.case,
  'median ms': format(row.median_ms),
  floor: row.floor ?? '',
  'floor ms': format(row.floor_ms),
  ratio: row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`,
  target: row.target,
  met: row.met ? 'yes' : 'NO',
  note: row.note ?? '',
}));
console.table(table);
writeFileSync(resultsPath, `${JSON.stringify({ node: process.version, smoke, date: new Date().toISOString(), rows }, null, 2)}\n`);
console.log(`results written to ${path.relative(process.cwd(), resultsPath) || resultsPath}`);
