import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, REPO_ROOT } from './helpers.js';

describe('npm run bench', () => {
  it('runs end to end on tiny sizes and writes every row with its floor', () => {
    const out = path.join(makeRepo({}), 'results.json');
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['bench/run.ts', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as { smoke: boolean; rows: { case: string; median_ms: number; floor_ms?: number; ratio?: number; skipped?: boolean }[] };
    expect(results.smoke).toBe(true);
    const cases = results.rows.map((row) => row.case);
    for (const expected of [/^check, /, /^drift: Evidently/, /^bias: Clarify/, /^lineage: OpenLineage/, /^policy load \+ CEL compile: starter$/, /^CLI bundle --version$/]) {
      expect(cases.some((name) => expected.test(name)), String(expected)).toBe(true);
    }
    for (const row of results.rows.filter((measured) => !measured.skipped)) {
      expect(row.median_ms).toBeGreaterThan(0);
      if (row.floor_ms !== undefined && row.ratio !== undefined) expect(row.ratio).toBeCloseTo(row.median_ms / row.floor_ms, 6);
    }
    expect(run.stdout).toContain('median ms');
  });
});
