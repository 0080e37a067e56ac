import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers.js';

/** The committed Action bundle; MODELGATE_TEST_ACTION_BUNDLE points the tests at another build of it. */
export const ACTION_BUNDLE = process.env.MODELGATE_TEST_ACTION_BUNDLE ? path.resolve(process.env.MODELGATE_TEST_ACTION_BUNDLE) : path.join(REPO_ROOT, 'dist/index.js');
/** Runners run the Action on Node 24; MODELGATE_ACTION_NODE names such a binary when this machine's node is older. */
const ACTION_NODE = process.env.MODELGATE_ACTION_NODE ?? process.execPath;
export const ACTION_YML = path.join(REPO_ROOT, 'action.yml');
/** The workflows users copy live in the README; the tests run exactly those. */
export const ACTION_DOC = path.join(REPO_ROOT, 'README.md');

interface ActionMetadata {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

export function actionMetadata(): ActionMetadata {
  return parse(readFileSync(ACTION_YML, 'utf8')) as ActionMetadata;
}

export interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { environment?: string; steps: { uses?: string; with?: Record<string, string> }[] }>;
}

/** A workflow of the README, found by the `<!-- workflow: NAME -->` line before its block. */
export function documentedWorkflow(name: string): Workflow {
  const text = readFileSync(ACTION_DOC, 'utf8');
  const match = new RegExp(`<!-- workflow: ${name} -->\\n\`\`\`yaml\\n([\\s\\S]*?)\\n\`\`\``).exec(text);
  if (!match) throw new Error(`README.md has no workflow "${name}"`);
  return parse(match[1]!) as Workflow;
}

/** The `with:` of the workflow's modelgate step. */
export function modelgateStep(workflow: Workflow): Record<string, string> {
  for (const job of Object.values(workflow.jobs)) {
    const step = job.steps.find((candidate) => candidate.uses?.includes('/modelgate@'));
    if (step) return step.with ?? {};
  }
  throw new Error('the workflow has no modelgate step');
}

/**
 * The INPUT_* variables a runner gives the Action: every input with its default from
 * action.yml, then the step's `with:`; expressions are evaluated from `context`. Names are
 * upper-cased with spaces as `_`, hyphens kept, as the runner does.
 */
export function inputEnvironment(withInputs: Record<string, string>, context: Record<string, string>): Record<string, string> {
  const evaluate = (value: string) =>
    value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_whole, expression: string) => {
      if (!(expression in context)) throw new Error(`the test gives no value for \${{ ${expression} }}`);
      return context[expression]!;
    });
  const env: Record<string, string> = {};
  const metadata = actionMetadata();
  for (const [name, input] of Object.entries(metadata.inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = evaluate(input.default ?? '');
  for (const [name, value] of Object.entries(withInputs)) {
    if (!(name in metadata.inputs)) throw new Error(`the workflow sets "${name}", which action.yml does not declare`);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = evaluate(String(value));
  }
  return env;
}

export interface RunnerFiles {
  dir: string;
  output: string;
  summary: string;
  temp: string;
}

export function runnerFiles(): RunnerFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'modelgate-runner-'));
  const output = path.join(dir, 'output.txt');
  const summary = path.join(dir, 'summary.md');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  return { dir, output, summary, temp: path.join(dir, 'temp') };
}

/** Writes an event payload (a fixture, changed by `edit`) where GITHUB_EVENT_PATH will point. */
export function writeEvent(files: RunnerFiles, payload: Record<string, unknown>): string {
  const file = path.join(files.dir, 'event.json');
  writeFileSync(file, JSON.stringify(payload, null, 2));
  return file;
}

/** The outputs a run wrote to GITHUB_OUTPUT (`name<<delimiter` blocks). */
export function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const header = /^([^<=]+)<<(.+)$/.exec(lines[index]!);
    if (!header) continue;
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== header[2]; index++) value.push(lines[index]!);
    outputs[header[1]!] = value.join('\n');
  }
  return outputs;
}

export interface BundleRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dist/index.js with node as a runner does; asynchronous, so a loopback server in this process can answer. */
export function runBundle(env: Record<string, string>): Promise<BundleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(ACTION_NODE, [ACTION_BUNDLE], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
