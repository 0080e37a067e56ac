import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ArtefactFile } from '../artefacts/read.js';
import { compilePolicy } from '../engine/compile.js';
import { runPolicyTest, type PolicyTestOutcome } from '../engine/policy-test.js';
import { artefactError, ModelgateError } from '../errors.js';
import { createFsPolicySource } from '../io/policy-source.js';
import { decodeText, toPosix } from '../io/workspace.js';
import { diffPolicies } from '../policy/diff.js';
import { isPackReference, loadPolicy } from '../policy/load.js';
import { parsePolicyTest } from '../policy/test-file.js';
import { renderPolicyTestReport } from '../report/policy-test.js';
import type { CliIo, CommandOutcome } from './program.js';

const TEST_FILE = /\.test\.ya?ml$/;

export function registerPolicyCommands(policy: Command, io: CliIo, done: (outcome: CommandOutcome) => void): void {
  policy
    .command('test')
    .description('run policy tests: YAML files (*.test.yaml) giving evidence and the expected result per rule; exit 1 when any case fails')
    .argument('<dir-or-file>', 'a folder searched recursively for *.test.yaml and *.test.yml, or one test file')
    .action((target: string) => done(runPolicyTests(target, io)));
  policy
    .command('diff')
    .description('explain in words which rules, thresholds, control mappings and waivers changed between two policies')
    .argument('<old>', 'the policy before: a file or a shipped pack name')
    .argument('<new>', 'the policy after: a file or a shipped pack name')
    .action((before: string, after: string) => done(runPolicyDiff(before, after, io)));
}

function runPolicyTests(target: string, io: CliIo): CommandOutcome {
  const absolute = path.resolve(io.cwd, target);
  let files: string[];
  try {
    files = statSync(absolute).isDirectory() ? findTestFiles(absolute) : [absolute];
  } catch {
    throw new ModelgateError('usage', `no such file or folder: ${target}`);
  }
  if (files.length === 0) throw new ModelgateError('usage', `no policy test files (*.test.yaml) under ${target}`);
  const outcomes: PolicyTestOutcome[] = files.map((file) => runTestFile(file, io.cwd));
  io.stdout(renderPolicyTestReport(outcomes));
  const failed = outcomes.some((outcome) => outcome.cases.some((testCase) => testCase.failures.length > 0));
  return { exitCode: failed ? 1 : 0 };
}

function findTestFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((entry) => TEST_FILE.test(entry))
    .map((entry) => path.join(folder, entry))
    .sort();
}

function runTestFile(absolute: string, cwd: string): PolicyTestOutcome {
  const shown = toPosix(path.relative(cwd, absolute));
  const file = parsePolicyTest(readText(absolute, shown, 'config'), shown);
  const reference = file.test.policy;
  // A policy path in a test file is relative to the test file, as `extends` paths are to their policy.
  const policyPath = isPackReference(reference) ? reference : toPosix(path.relative(cwd, path.resolve(path.dirname(absolute), reference)));
  const policy = compilePolicy(loadPolicy(policyPath, createFsPolicySource(cwd)));
  return runPolicyTest(file, policy, (evidencePath) => readEvidence(path.resolve(path.dirname(absolute), evidencePath), cwd));
}

function readEvidence(absolute: string, cwd: string): ArtefactFile {
  const shown = toPosix(path.relative(cwd, absolute));
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    throw artefactError(`evidence file not found: ${shown}`);
  }
  return { path: shown, text: decodeOrThrow(bytes, shown, 'artefact'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function readText(absolute: string, shown: string, code: 'config' | 'artefact'): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch {
    throw new ModelgateError('usage', `cannot read ${shown}`);
  }
  return decodeOrThrow(bytes, shown, code);
}

function decodeOrThrow(bytes: Buffer, shown: string, code: 'config' | 'artefact'): string {
  try {
    return decodeText(bytes, shown);
  } catch (error) {
    throw new ModelgateError(code, (error as Error).message);
  }
}

function runPolicyDiff(before: string, after: string, io: CliIo): CommandOutcome {
  // Both sides are compiled, so a diff is never shown for a policy that would not load.
  const load = (reference: string) => {
    const resolved = loadPolicy(reference, createFsPolicySource(io.cwd));
    compilePolicy(resolved);
    return resolved;
  };
  const old = load(before);
  const current = load(after);
  const changes = diffPolicies(old, current);
  const header = `policy ${old.name} ${old.version} → ${current.name} ${current.version}`;
  io.stdout(changes.length === 0 ? `${header}: no change to rules or waivers\n` : `${header}: ${changes.length} change${changes.length === 1 ? '' : 's'}\n${changes.map((change) => `  - ${change}`).join('\n')}\n`);
  return { exitCode: 0 };
}
