import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, REPO_ROOT } from './helpers.js';

describe('npm run bench', () => {
  it('runs end to end on tiny sizes and writes every row with its floor', () => {
    const out = path.join(makeRepo({}), 'results.json');
    // As `npm run bench` starts it: with V8's collector exposed, so samples start from the same heap.
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['--expose-gc', 'bench/run.ts', '--smoke', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      smoke: boolean;
      gc_between_samples: boolean;
      rows: { case: string; median_ms: number; floor_ms?: number; ratio?: number; skipped?: boolean; slope?: number; floor_slope?: number; met: boolean }[];
    };
    expect(results.smoke).toBe(true);
    expect(results.gc_between_samples).toBe(true);
    const cases = results.rows.map((row) => row.case);
    for (const expected of [/^check, /, /^drift: Evidently/, /^bias: Clarify/, /^lineage: OpenLineage/, /^policy load \+ CEL compile: starter$/, /^CLI bundle --version$/]) {
      expect(cases.some((name) => expected.test(name)), String(expected)).toBe(true);
    }
    for (const row of results.rows.filter((measured) => !measured.skipped)) {
      expect(row.median_ms).toBeGreaterThan(0);
      if (row.floor_ms !== undefined && row.ratio !== undefined) expect(row.ratio).toBeCloseTo(row.median_ms / row.floor_ms, 6);
    }
    // Each artefact group ends with its growth: the task's slope beside the floor's, judged on the difference.
    const growth = results.rows.filter((row) => / growth /.test(row.case));
    expect(growth.map((row) => row.case.split(':')[0])).toEqual(['drift', 'bias', 'lineage']);
    for (const row of growth) {
      expect(Number.isFinite(row.slope) && Number.isFinite(row.floor_slope)).toBe(true);
      expect(row.met).toBe(row.slope! - row.floor_slope! <= 0.1);
    }
    expect(run.stdout).toContain('median ms');
  });
});
