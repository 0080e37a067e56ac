import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/check.js';
import { LimitsSchema } from '../../src/document/limits.js';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import { ModelgateError } from '../../src/errors.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { createFsWorkspace } from '../../src/io/workspace.js';
import { parseRepoConfig } from '../../src/policy/config.js';
import { loadPolicy } from '../../src/policy/load.js';
import { makeRepo, NATIVE_CARD, REPO_ROOT } from '../helpers.js';

/**
 * The configurable limits hold exactly at their bound: one file more than
 * `max_files_per_kind`, or one byte more than `max_file_bytes`, blocks the model.
 */

const NOW = new Date('2026-06-01T00:00:00Z');
const LINEAGE = `apiVersion: modelgate/v1
kind: lineage
datasets:
  - { name: tickets, role: input, version: "1", owners: [data] }
`;
const BIAS = `apiVersion: modelgate/v1
kind: bias
metrics:
  - { name: disparate_impact, attribute: a, group: g, value: 1 }
`;
const DRIFT = `apiVersion: modelgate/v1
kind: drift
dataset_drift: false
share_drifted: 0
`;

let policy: CompiledPolicy;
beforeAll(() => {
  policy = compilePolicy(loadPolicy('starter', createFsPolicySource(REPO_ROOT)));
});

function config(limits: Record<string, number>): string {
  return `models:
  - name: m
    path: m
    risk: low
    artefacts: { model_card: card.yaml, lineage: "lineage/*.yaml", bias: bias.yaml, drift: drift.yaml }
limits: ${JSON.stringify(limits)}
`;
}

async function judge(files: Record<string, string>, limits: Record<string, number>) {
  const text = config(limits);
  const root = makeRepo({ '.modelgate.yml': text, 'm/card.yaml': NATIVE_CARD, 'm/bias.yaml': BIAS, 'm/drift.yaml': DRIFT, ...files });
  try {
    return await check({ repoConfig: parseRepoConfig(text, '.modelgate.yml'), policy, workspace: createFsWorkspace(root), now: NOW });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('limits hold at their bound', () => {
  it('max_files_per_kind: more matching files than the limit block the model; up to the limit pass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 }), async (count, limit) => {
        const files = Object.fromEntries(Array.from({ length: count }, (_, index) => [`m/lineage/part-${index}.yaml`, LINEAGE]));
        const decision = await judge(files, { max_files_per_kind: limit });
        const problem = decision.models[0]!.results.find((result) => result.rule === 'artefact.lineage');
        if (count > limit) {
          expect(decision.verdict).toBe('fail');
          expect(problem).toMatchObject({ status: 'error', message: `${count} lineage files match, more than the limit of ${limit}` });
        } else {
          expect(problem).toBeUndefined();
          expect(decision.verdict).toBe('pass');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('max_file_bytes: a file one byte over the limit blocks the model, at the limit it is read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -2, max: 2 }), async (slack) => {
        const limit = Buffer.byteLength(LINEAGE) + slack;
        const decision = await judge({ 'm/lineage/a.yaml': LINEAGE }, { max_file_bytes: limit });
        const problem = decision.models[0]!.results.find((result) => result.rule === 'artefact.lineage');
        if (slack < 0) {
          expect(decision.verdict).toBe('fail');
          expect(problem?.status).toBe('error');
          expect(problem?.message).toMatch(/larger than the limit/);
        } else {
          expect(problem).toBeUndefined();
        }
      }),
      { numRuns: 10 },
    );
  });

  it('the limits schema accepts only positive integers (max_yaml_aliases may be 0) and no unknown key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('max_file_bytes', 'max_yaml_aliases', 'max_nesting_depth', 'max_files_per_kind', 'max_run_seconds'),
        fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: false }), fc.string({ maxLength: 3 })),
        (key, value) => {
          const valid = typeof value === 'number' && Number.isSafeInteger(value) && (key === 'max_yaml_aliases' ? value >= 0 : value > 0);
          expect(LimitsSchema.safeParse({ [key]: value }).success).toBe(valid);
          if (!valid) {
            expect(() => parseRepoConfig(`limits: { ${key}: ${JSON.stringify(value)} }`, '.modelgate.yml')).toThrow(ModelgateError);
          }
        },
      ),
      { numRuns: 200 },
    );
    expect(LimitsSchema.safeParse({ max_wall_seconds: 60 }).success).toBe(false);
  });
});
