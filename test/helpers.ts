import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { ModelgateError, type ErrorCode } from '../src/errors.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The committed CLI bundle; MODELGATE_TEST_CLI_BUNDLE points the tests at another build of it (e.g. one being worked on). */
export const CLI_BUNDLE = process.env.MODELGATE_TEST_CLI_BUNDLE ? path.resolve(process.env.MODELGATE_TEST_CLI_BUNDLE) : path.join(REPO_ROOT, 'dist/cli/index.js');
export const DEMO_REPO = path.join(REPO_ROOT, 'fixtures/demo-repo');

/** Writes a throwaway repository; values are file contents by repository-relative path. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'modelgate-test-'));
  for (const [file, content] of Object.entries(files)) {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the committed CLI bundle as a user or a CI runner would. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const NATIVE_CARD = `apiVersion: modelgate/v1
kind: model_card
name: m
version: 1.0.0
license: mit
intended_use: testing
limitations: none known
evaluation:
  - { metric: auc, value: 0.9 }
`;

/** Runs `fn`, which must throw a ModelgateError of `code`; returns it for further checks. */
export function expectModelgateError(fn: () => unknown, code: ErrorCode = 'artefact'): ModelgateError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a modelgate error').toBeInstanceOf(ModelgateError);
  expect((caught as ModelgateError).code).toBe(code);
  return caught as ModelgateError;
}

/** The 1-based line of the first line of `text` containing `needle` (after the first line containing `after`, when given). */
export function lineOf(text: string, needle: string, after?: string): number {
  const lines = text.split('\n');
  const start = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  expect(start, `"${after}" not found`).toBeGreaterThanOrEqual(0);
  const index = lines.findIndex((line, i) => i >= start && line.includes(needle));
  expect(index, `"${needle}" not found`).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/** Files under a repository-relative folder, recursively and sorted, that `keep` accepts. */
export function filesUnder(folder: string, keep: (name: string) => boolean = () => true): string[] {
  return readdirSync(path.join(REPO_ROOT, folder))
    .sort()
    .flatMap((name) => {
      const relative = `${folder}/${name}`;
      if (statSync(path.join(REPO_ROOT, relative)).isDirectory()) return filesUnder(relative, keep);
      return keep(name) ? [relative] : [];
    });
}

/** Why a malformed fixture is refused, and the line its error names. */
export interface RefusedFixture {
  message: RegExp;
  line?: (text: string) => number;
}

/**
 * The table test of one format's fixture folder: every file is read (checked by `check`),
 * every file under `malformed/` is refused with an error naming the file, and the reasons
 * and lines given for named ones. Files added later are tested without code changes.
 */
export function testFixtureFolder(options: {
  folder: string;
  minimum: number;
  named: readonly string[];
  refused: Record<string, RefusedFixture>;
  readError: (text: string, file: string) => ModelgateError;
  check: (text: string, file: string, name: string) => void;
}): void {
  const files = filesUnder(options.folder, (name) => name.endsWith('.json'));
  it('has fixtures to read, and a check for each named one', () => {
    expect(files.length).toBeGreaterThanOrEqual(options.minimum);
    for (const name of [...options.named, ...Object.keys(options.refused)]) expect(files).toContain(`${options.folder}/${name}`);
  });
  for (const file of files) {
    const name = file.slice(options.folder.length + 1);
    const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
    if (name.startsWith('malformed/')) {
      it(`refuses ${name}`, () => {
        const error = options.readError(text, file);
        expect(error.message.startsWith(`${file}:`)).toBe(true);
        const refused = options.refused[name];
        if (refused) {
          expect(error.reason).toMatch(refused.message);
          if (refused.line) expect(error.location?.line).toBe(refused.line(text));
        }
      });
    } else {
      it(`reads ${name}`, () => options.check(text, file, name));
    }
  }
}
