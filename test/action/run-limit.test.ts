import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunClock } from '../../src/action/run-limit.js';
import { LimitsSchema, RunTimeLimitExceeded, withinRunTime } from '../../src/document/limits.js';
import { CLI_BUNDLE, makeRepo, NATIVE_CARD, runCli } from '../helpers.js';

/**
 * limits.max_run_seconds: the Action (see faults.test.ts for a run GitHub keeps waiting) and
 * `modelgate check` stop at the limit, fail closed and record nothing.
 */

const LIMIT_MESSAGE = 'the run took longer than its limit of 1 s (limits.max_run_seconds): the gate fails closed, and no decision is recorded';

describe('limits.max_run_seconds', () => {
  it('defaults to 600 seconds and takes only a positive whole number of seconds, up to a day', () => {
    expect(LimitsSchema.parse({}).max_run_seconds).toBe(600);
    expect(LimitsSchema.parse({ max_run_seconds: 30 }).max_run_seconds).toBe(30);
    for (const value of [0, -1, 1.5, 86_401, '60']) expect(LimitsSchema.safeParse({ max_run_seconds: value }).success, String(value)).toBe(false);
  });

  it('withinRunTime gives the work when it is done in time, and the limit when the run is already past it', async () => {
    await expect(withinRunTime(Promise.resolve('judged'), 1, 0)).resolves.toBe('judged');
    await expect(withinRunTime(new Promise(() => undefined), 1, 1000)).rejects.toThrow(new RunTimeLimitExceeded(1));
    await expect(withinRunTime(new Promise(() => undefined), 1, 999)).rejects.toBeInstanceOf(RunTimeLimitExceeded);
  });

  it('RunClock aborts its signal with the limit, counted from the start of the run, and check() throws it', () => {
    const clock = new RunClock();
    expect(clock.signal.aborted).toBe(false);
    expect(() => clock.check()).not.toThrow();
    // A limit already behind the run (a config read at its very end could ask for it): expired at once.
    clock.arm(0);
    expect(clock.signal.aborted).toBe(true);
    expect(() => clock.check()).toThrow(RunTimeLimitExceeded);
    clock.stop();
  });
});

describe('modelgate check with limits.max_run_seconds', () => {
  it('exits 2 with the reason when reading its inputs outlasts the limit, printing no verdict and recording nothing', async () => {
    const root = makeRepo({ '.modelgate.yml': 'policy: starter\nlimits:\n  max_run_seconds: 1\n', 'models/m/model_card.yaml': NATIVE_CARD });
    // An approvals file that is not written until the limit has passed: reading it outlasts the run.
    const approvals = path.join(root, 'approvals.yaml');
    execFileSync('mkfifo', [approvals]);
    const child = spawn(process.execPath, [CLI_BUNDLE, 'check', '--approvals', 'approvals.yaml', '--audit', 'file:audit.jsonl'], { cwd: root, env: { PATH: process.env.PATH ?? '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The limit has passed: now the file arrives, empty. A process cannot exit while a read of it is pending.
      if (stderr.includes('took longer')) closeSync(openSync(approvals, 'w'));
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe(`modelgate: ${LIMIT_MESSAGE}\n`);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(existsSync(path.join(root, 'audit.jsonl'))).toBe(false);
  });

  it('judges as usual within the limit', () => {
    const root = makeRepo({ '.modelgate.yml': 'policy: starter\nlimits:\n  max_run_seconds: 60\n', 'models/m/model_card.yaml': NATIVE_CARD });
    const run = runCli(['check', '--format', 'json', '--audit', 'file:audit.jsonl'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ models: [{ name: 'm' }] });
    expect(existsSync(path.join(root, 'audit.jsonl'))).toBe(true);
  });
});
