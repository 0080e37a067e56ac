import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArtefactKind, Evidence } from '../../src/artefacts/evidence.js';
import { readArtefact } from '../../src/artefacts/read.js';
import { check } from '../../src/check.js';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import type { Decision, Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { ModelgateError } from '../../src/errors.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { createFsWorkspace } from '../../src/io/workspace.js';
import { parseRepoConfig, type LoadedRepoConfig } from '../../src/policy/config.js';
import { loadPolicy } from '../../src/policy/load.js';
import { makeRepo, REPO_ROOT } from '../helpers.js';
import { onlyModelgateErrors, sha256 } from './arbitraries.js';

/**
 * The starter pack never passes a model whose required metric is NaN, ±Infinity, missing or
 * of the wrong type. Either reading the artefact refuses the value (then the whole gate,
 * run through `check()` on a repository holding the file, blocks the model) or the engine
 * does not pass the rule that reads it.
 */

const NOW = new Date('2026-06-01T00:00:00Z');
const RUNS = 200;

const CARD = `apiVersion: modelgate/v1
kind: model_card
name: m
version: 1.0.0
license: apache-2.0
intended_use: Routes support tickets.
limitations: English only.
evaluation:
  - { metric: macro_f1, value: 0.87 }
`;
const LINEAGE = `apiVersion: modelgate/v1
kind: lineage
datasets:
  - { name: tickets, role: input, version: "2025-10-01", owners: [support-data] }
`;
const BIAS = `apiVersion: modelgate/v1
kind: bias
protected_attributes: [language]
metrics:
  - { name: disparate_impact, attribute: language, group: es, reference_group: en, value: 0.95 }
`;
const DRIFT = `apiVersion: modelgate/v1
kind: drift
dataset_drift: false
share_drifted: 0.1
`;
const CONFIG = `policy: starter
models:
  - name: m
    path: models/m
    risk: low
    artefacts:
      model_card: model_card.yaml
      lineage: lineage.yaml
      bias: bias.yaml
      drift: drift.yaml
`;

const ABSENT = Symbol('absent');
type Bad = unknown;

/** Values a metric must never pass with. */
const badNumber: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom(NaN, Infinity, -Infinity, null, true, false, ABSENT, '', 'NaN', '.nan', 'Infinity', '-.inf', '0.9', '1', '0'),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.array(fc.oneof(fc.double({ min: 0.8, max: 1.25, noNaN: true }), fc.string({ maxLength: 4 })), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('value', 'mean', 'a'), fc.double({ min: 0.8, max: 1.25, noNaN: true }), { maxKeys: 2 }),
);

/** Values a flag such as `dataset_drift` or `drifted` must never pass with. */
const badBoolean: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom(NaN, Infinity, null, ABSENT, '', 'false', 'no', 'off', 0, 1, -0),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false }),
  fc.array(fc.boolean(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('value', 'drifted'), fc.boolean(), { maxKeys: 2 }),
);

const syntax = fc.constantFrom('yaml' as const, 'json' as const);

function withValue(target: Record<string, unknown>, key: string, value: Bad): Record<string, unknown> {
  if (value === ABSENT) return target;
  return { ...target, [key]: value };
}

/** A native bias document whose one metric of interest carries `value`, among well-formed ones. */
const badBias = fc.record({
  name: fc.constantFrom('disparate_impact', 'statistical_parity_difference', 'DI', 'SPD', 'demographic_parity_difference'),
  value: badNumber,
  others: fc.array(fc.double({ min: 0.85, max: 1.0, noNaN: true }), { maxLength: 2 }),
  position: fc.nat({ max: 2 }),
  syntax,
});

function biasDocument({ name, value, others, position }: { name: string; value: Bad; others: number[]; position: number }) {
  const metrics: unknown[] = others.map((good, index) => ({ name: 'disparate_impact', attribute: 'language', group: `g${index}`, value: good }));
  metrics.splice(Math.min(position, metrics.length), 0, withValue({ name, attribute: 'language', group: 'es', reference_group: 'en' }, 'value', value));
  return { apiVersion: 'modelgate/v1', kind: 'bias', protected_attributes: ['language'], metrics };
}

const badDrift = fc.oneof(
  fc.record({ target: fc.constant('share_drifted' as const), value: badNumber, syntax }),
  fc.record({ target: fc.constant('dataset_drift' as const), value: badBoolean, syntax }),
  fc.record({ target: fc.constant('drifted' as const), value: badBoolean, syntax }),
);

function driftDocument({ target, value }: { target: 'share_drifted' | 'dataset_drift' | 'drifted'; value: Bad }) {
  const base: Record<string, unknown> = { apiVersion: 'modelgate/v1', kind: 'drift' };
  switch (target) {
    case 'share_drifted':
      // No feature list: a missing share is then missing, not derived from the features.
      return withValue({ ...base, dataset_drift: false }, 'share_drifted', value);
    case 'dataset_drift':
      return withValue({ ...base, share_drifted: 0.1 }, 'dataset_drift', value);
    case 'drifted':
      return {
        ...base,
        dataset_drift: false,
        features: [{ name: 'amount', score: 0.01, threshold: 0.2, drifted: false }, withValue({ name: 'country' }, 'drifted', value)],
      };
  }
}

/** The rules of the starter pack that read each generated field. */
const RULES_READING: Record<string, string[]> = {
  bias: ['bias.report', 'bias.disparate-impact', 'bias.parity-difference'],
  share_drifted: ['drift.share'],
  dataset_drift: ['drift.dataset'],
  drifted: ['drift.share', 'drift.dataset'],
};

function serialize(document: unknown, format: 'yaml' | 'json'): string {
  // JSON cannot hold NaN or ±Infinity (JSON.stringify writes null); YAML writes .nan and .inf.
  return format === 'yaml' ? stringifyYaml(document) : JSON.stringify(document, null, 2);
}

let policy: CompiledPolicy;
let repo: string;
let repoConfig: LoadedRepoConfig;
const good: Subject['evidence'] = {};

beforeAll(() => {
  policy = compilePolicy(loadPolicy('starter', createFsPolicySource(REPO_ROOT)));
  repo = makeRepo({
    '.modelgate.yml': CONFIG,
    'models/m/model_card.yaml': CARD,
    'models/m/lineage.yaml': LINEAGE,
    'models/m/bias.yaml': BIAS,
    'models/m/drift.yaml': DRIFT,
  });
  repoConfig = parseRepoConfig(CONFIG, '.modelgate.yml');
  for (const [kind, text] of [['model_card', CARD], ['lineage', LINEAGE], ['bias', BIAS], ['drift', DRIFT]] as const) {
    (good as Record<ArtefactKind, Evidence>)[kind] = readArtefact({ path: `models/m/${kind}.yaml`, text, sha256: sha256(text) }, { kind });
  }
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

function judge(evidence: Subject['evidence']): Decision {
  const subject: Subject = {
    model: { name: 'm', version: '1.0.0', path: 'models/m', risk: 'low' },
    location: { path: '.modelgate.yml' },
    evidence,
    problems: {},
    approvals: [],
  };
  return evaluate(policy, [subject], { now: NOW });
}

/** Runs the whole gate over the repository with `text` as the file of `kind`, then puts the good file back. */
async function checkWith(kind: 'bias' | 'drift', text: string): Promise<Decision> {
  const file = path.join(repo, 'models/m', `${kind}.yaml`);
  writeFileSync(file, text);
  try {
    return await check({ repoConfig, policy, workspace: createFsWorkspace(repo), now: NOW });
  } finally {
    writeFileSync(file, kind === 'bias' ? BIAS : DRIFT);
  }
}

/** The property: the model never passes; an unreadable artefact blocks it with an `artefact.<kind>` error. */
async function expectNeverPass(kind: 'bias' | 'drift', text: string, rules: readonly string[]): Promise<void> {
  const read = onlyModelgateErrors(() => readArtefact({ path: `models/m/${kind}.yaml`, text, sha256: sha256(text) }, { kind }));
  if (read instanceof ModelgateError) {
    expect(read.code).toBe('artefact');
    const decision = await checkWith(kind, text);
    expect(decision.verdict).toBe('fail');
    expect(decision.models[0]!.verdict).toBe('fail');
    expect(decision.models[0]!.results).toContainEqual(expect.objectContaining({ rule: `artefact.${kind}`, status: 'error', severity: 'error' }));
    return;
  }
  const decision = judge({ ...good, [kind]: read } as Subject['evidence']);
  expect(decision.verdict).not.toBe('pass');
  const reading = decision.models[0]!.results.filter((result) => rules.includes(result.rule));
  expect(reading.some((result) => result.status === 'fail' || result.status === 'error')).toBe(true);
}

describe('the engine never passes a NaN, missing or mistyped metric', () => {
  it('passes the well-formed baseline, through evaluate and through check', async () => {
    expect(judge(good).verdict).toBe('pass');
    const decision = await check({ repoConfig, policy, workspace: createFsWorkspace(repo), now: NOW });
    expect(decision.verdict).toBe('pass');
    // Every rule ran except the one for high-risk models.
    const skipped = decision.models[0]!.results.filter((result) => result.status === 'skipped').map((result) => result.rule);
    expect(skipped).toEqual(['approval.high-risk']);
  });

  it('bias: a disparate impact or parity difference that is not a finite number', async () => {
    await fc.assert(
      fc.asyncProperty(badBias, async (generated) => {
        await expectNeverPass('bias', serialize(biasDocument(generated), generated.syntax), RULES_READING.bias!);
      }),
      { numRuns: RUNS },
    );
  });

  it('bias: the same documents with a finite value in range pass (the generator is sound)', () => {
    fc.assert(
      fc.property(badBias, (generated) => {
        const value = /parity/i.test(generated.name) || generated.name === 'SPD' ? 0.01 : 0.95;
        const text = serialize(biasDocument({ ...generated, value }), generated.syntax);
        const evidence = readArtefact({ path: 'models/m/bias.yaml', text, sha256: sha256(text) }, { kind: 'bias' });
        expect(judge({ ...good, bias: evidence as Evidence<'bias'> }).verdict).toBe('pass');
      }),
      { numRuns: 50 },
    );
  });

  it('drift: a share, a dataset flag or a feature flag that is missing or of the wrong type', async () => {
    await fc.assert(
      fc.asyncProperty(badDrift, async (generated) => {
        await expectNeverPass('drift', serialize(driftDocument(generated), generated.syntax), RULES_READING[generated.target]!);
      }),
      { numRuns: RUNS },
    );
  });

  it('drift: the same documents with well-formed values pass (the generator is sound)', () => {
    fc.assert(
      fc.property(badDrift, (generated) => {
        const value = generated.target === 'share_drifted' ? 0.1 : false;
        const text = serialize(driftDocument({ ...generated, value }), generated.syntax);
        const evidence = readArtefact({ path: 'models/m/drift.yaml', text, sha256: sha256(text) }, { kind: 'drift' });
        expect(judge({ ...good, drift: evidence as Evidence<'drift'> }).verdict).toBe('pass');
      }),
      { numRuns: 50 },
    );
  });
});
