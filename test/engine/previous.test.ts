import { describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/artefacts/read.js';
import type { Evidence } from '../../src/artefacts/evidence.js';
import { observeEvidence } from '../../src/engine/observe.js';
import { compilePolicy, policyReads } from '../../src/engine/compile.js';
import type { PreviousDecision, Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { makeRepo } from '../helpers.js';

const POLICY = `apiVersion: modelgate/v1
kind: Policy
metadata: { name: t, version: 1.0.0 }
rules:
  - id: data.unchanged
    description: the training data is the data of the previous approved decision
    requires: [lineage]
    when: previous != null
    check: observed.datasets_digest == previous.datasets_digest
    message: '"changed since " + previous.decision_id + " (" + string(previous.seq) + ")"'
  - id: previous.none
    description: there is no previous approved decision
    check: previous == null
  - id: licence
    description: the word "previous" in a string is no reading of the variable
    check: '"previous" != ""'
  - id: high-risk-only
    description: reads previous only for high risk
    when: model.risk == "high"
    check: previous == null || previous.version == model.version
`;

const policy = compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': POLICY }))));
const NOW = new Date('2026-06-15T12:00:00Z');

function lineage(version: string): Evidence<'lineage'> {
  const text = JSON.stringify({
    apiVersion: 'modelgate/v1',
    kind: 'lineage',
    datasets: [
      { name: 'claims', namespace: 's3://lake', role: 'input', version },
      { name: 'model-out', role: 'output', version: '9' },
    ],
  });
  return readArtefact({ path: 'models/m/lineage.json', text, sha256: '' }, { kind: 'lineage' }) as Evidence<'lineage'>;
}

function subject(previous: Subject['previous'], version = '2026-03'): Subject {
  return {
    model: { name: 'm', version: '1.0.0', path: 'models/m', risk: 'low' },
    location: { path: '.modelgate.yml', line: 3 },
    evidence: { lineage: lineage(version) },
    problems: {},
    approvals: [],
    ...(previous !== undefined && { previous }),
  };
}

function previousWith(version: string): PreviousDecision {
  const observed = observeEvidence({ lineage: lineage(version) });
  return { decision_id: 'd-1', seq: 7, time: '2026-05-01T00:00:00.000Z', verdict: 'pass', version: '1.0.0', datasets: observed.datasets, datasets_digest: observed.datasets_digest, datasets_total: observed.datasets_total };
}

function statuses(model: Subject) {
  const results = evaluate(policy, [model], { now: NOW }).models[0]!.results;
  return Object.fromEntries(results.map((result) => [result.rule, { status: result.status, message: result.message }]));
}

describe('the CEL variable previous', () => {
  it('knows which rules read it, from the expressions themselves', () => {
    expect(policy.rules.map((rule) => [rule.id, rule.reads.has('previous')])).toEqual([
      ['data.unchanged', true],
      ['previous.none', true],
      ['licence', false],
      ['high-risk-only', true],
    ]);
    expect(policyReads(policy, 'previous')).toBe(true);
    expect(policyReads(policy, 'bias')).toBe(false);
    // Expressions only: `requires` is not a reading.
    expect(policy.rules[0]!.reads).toEqual(new Set(['previous', 'observed']));
  });

  it('is null when no audit trail was consulted and when the trail has no approved decision', () => {
    for (const previous of [undefined, null]) {
      const results = statuses(subject(previous));
      expect(results['data.unchanged']!.status).toBe('skipped');
      expect(results['previous.none']!.status).toBe('pass');
    }
  });

  it('compares with the digest a decision record observes: same data passes, changed data fails naming the decision', () => {
    expect(statuses(subject(previousWith('2026-03')))['data.unchanged']).toEqual({ status: 'pass', message: 'the training data is the data of the previous approved decision' });
    expect(statuses(subject(previousWith('2026-02')))['data.unchanged']).toEqual({ status: 'fail', message: 'changed since d-1 (7)' });
  });

  it('gives error, never a pass, to the rules that read it when the audit trail could not be read', () => {
    const results = evaluate(policy, [subject({ unavailable: 'the audit trail does not verify: record seq 3 at audit.jsonl:4: the record was edited' })], { now: NOW }).models[0]!;
    const byRule = Object.fromEntries(results.results.map((result) => [result.rule, result]));
    expect(byRule['data.unchanged']).toMatchObject({
      status: 'error',
      message: 'the previous approved decision is unknown: the audit trail does not verify: record seq 3 at audit.jsonl:4: the record was edited',
      location: { path: '.modelgate.yml', line: 3 },
    });
    expect(byRule['previous.none']!.status).toBe('error');
    // A rule that does not read it is judged as always; one whose `when` is false stays skipped.
    expect(byRule['licence']!.status).toBe('pass');
    expect(byRule['high-risk-only']!.status).toBe('skipped');
    expect(results.verdict).toBe('fail');
  });
});

describe('the CEL variable observed', () => {
  it('is what the decision record will observe, with a null digest without lineage', () => {
    const observing = compilePolicy(
      loadPolicy(
        'o.yaml',
        createFsPolicySource(
          makeRepo({
            'o.yaml': `apiVersion: modelgate/v1
kind: Policy
metadata: { name: o, version: 1.0.0 }
rules:
  - id: digest
    description: digest as recorded
    check: observed.datasets_digest == "${observeEvidence({ lineage: lineage('2026-03') }).datasets_digest}" && observed.datasets_total == 1 && observed.datasets[0].version == "2026-03"
  - id: no-digest-without-lineage
    description: no lineage, no digest
    when: '!has(observed.datasets_digest) || observed.datasets_digest == null'
    check: size(observed.datasets) == 0
`,
          }),
        ),
      ),
    );
    const withLineage = evaluate(observing, [subject(undefined)], { now: NOW }).models[0]!.results;
    expect(withLineage.map((result) => [result.rule, result.status])).toEqual([
      ['digest', 'pass'],
      ['no-digest-without-lineage', 'skipped'],
    ]);
    const withoutLineage = evaluate(observing, [{ ...subject(undefined), evidence: {} }], { now: NOW }).models[0]!.results;
    expect(withoutLineage.map((result) => [result.rule, result.status])).toEqual([
      ['digest', 'fail'],
      ['no-digest-without-lineage', 'pass'],
    ]);
  });
});
