import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ModelgateError, type ErrorCode } from '../src/errors.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist/cli/index.js');
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

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  expect(index, `"${needle}" not found`).toBeGreaterThanOrEqual(0);
  return index + 1;
}
