import { describe, expect, it } from 'vitest';
import { readArtefact } from '../../src/artefacts/read.js';
import type { ArtefactKind, Evidence } from '../../src/artefacts/evidence.js';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import type { Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { makeRepo, NATIVE_CARD } from '../helpers.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function policyOf(body: string): CompiledPolicy {
  const text = `apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: t, version: 1.0.0 }\n${body}`;
  return compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': text }))));
}

function evidence(kind: ArtefactKind, text: string, path = `${kind}.yaml`): Evidence {
  return readArtefact({ path, text, sha256: '0'.repeat(64) }, { kind });
}

function subject(parts: Partial<Record<ArtefactKind, string>>, extra: Partial<Subject> = {}): Subject {
  const gathered: Subject['evidence'] = {};
  for (const [kind, text] of Object.entries(parts) as [ArtefactKind, string][]) {
    (gathered as Record<string, Evidence>)[kind] = evidence(kind, text);
  }
  return { model: { name: 'm', path: 'models/m', risk: 'low' }, location: { path: '.modelgate.yml', line: 3 }, evidence: gathered, problems: {}, approvals: [], ...extra };
}

const BIAS = `apiVersion: modelgate/v1
kind: bias
metrics:
  - { name: disparate_impact, attribute: sex, group: f, value: 0.95 }
  - { name: disparate_impact, attribute: age, group: "65+", value: 0.71 }
  - { name: DI, attribute: race, group: b, value: 1.4 }
`;

const DI_RULE = `rules:
  - id: di
    description: DI within bounds
    requires: [bias]
    for_each: bias.metrics.filter(m, m.name == "disparate_impact")
    check: item.value >= 0.8 && item.value <= 1.25
    message: '"DI for " + item.attribute + "=" + item.group + " is " + string(item.value)'
`;

describe('evaluate', () => {
  it('makes one finding per failing for_each item, with its message and line', () => {
    const decision = evaluate(policyOf(DI_RULE), [subject({ bias: BIAS })], { now: NOW });
    expect(decision.verdict).toBe('fail');
    const results = decision.models[0]!.results;
    expect(results).toHaveLength(2);
    expect(results.map((result) => result.message)).toEqual(['DI for age=65+ is 0.71', 'DI for race=b is 1.4']);
    expect(results[0]!.location).toEqual({ path: 'bias.yaml', line: 5, column: 5 });
    expect(results[1]!.status).toBe('fail');
  });

  it('passes a for_each rule once when every item passes, and a warn rule only warns', () => {
    const passing = BIAS.replace('0.71', '0.9').replace('1.4', '1.1');
    expect(evaluate(policyOf(DI_RULE), [subject({ bias: passing })], { now: NOW }).models[0]!.results).toEqual([
      expect.objectContaining({ rule: 'di', status: 'pass', message: 'DI within bounds (3 checked)' }),
    ]);
    const warned = evaluate(policyOf(DI_RULE.replace('requires:', 'severity: warn\n    requires:')), [subject({ bias: BIAS })], { now: NOW });
    expect(warned.verdict).toBe('warn');
    expect(warned.models[0]!.results.every((result) => result.status === 'warn')).toBe(true);
  });

  it('fails a rule whose required artefact is absent, with the rule severity, at the model declaration', () => {
    const decision = evaluate(policyOf(DI_RULE), [subject({})], { now: NOW });
    expect(decision.models[0]!.results).toEqual([
      expect.objectContaining({ status: 'fail', message: 'DI within bounds: no bias artefact found for model "m"', location: { path: '.modelgate.yml', line: 3 } }),
    ]);
  });

  it('blocks with status error when a configured artefact is unreadable, whatever the severity', () => {
    const problem = { blocking: true, reason: 'invalid JSON: bad', location: { path: 'bias.json', line: 2 } };
    const policy = policyOf(DI_RULE.replace('requires:', 'severity: warn\n    requires:'));
    const decision = evaluate(policy, [subject({}, { problems: { bias: problem } })], { now: NOW });
    expect(decision.verdict).toBe('fail');
    expect(decision.models[0]!.results.map((result) => [result.rule, result.status])).toEqual([
      ['artefact.bias', 'error'],
      ['di', 'error'],
    ]);
  });

  it('skips a rule whose condition is false and applies it when true', () => {
    const policy = policyOf(`rules:
  - id: approval
    description: high risk needs an approval
    when: model.risk == "high"
    check: approvals.exists(a, a.state == "approved")
`);
    expect(evaluate(policy, [subject({})], { now: NOW }).models[0]!.results[0]!.status).toBe('skipped');
    const high = subject({}, { model: { name: 'm', path: 'p', risk: 'high' } });
    expect(evaluate(policy, [high], { now: NOW }).models[0]!.results[0]!.status).toBe('fail');
    const approved = { ...high, approvals: [{ user: 'release-manager', teams: [], state: 'approved' as const, source: 'file' }] };
    expect(evaluate(policy, [approved], { now: NOW }).models[0]!.results[0]!.status).toBe('pass');
  });

  it('turns an expression that fails at run time into a blocking error, never a pass', () => {
    const policy = policyOf(`rules:
  - id: needs-field
    description: the card names an owner team
    severity: warn
    requires: [model_card]
    check: model_card.owner_team == "x"
`);
    const result = evaluate(policy, [subject({ model_card: NATIVE_CARD })], { now: NOW }).models[0]!.results[0]!;
    expect(result).toMatchObject({ status: 'error', rule: 'needs-field' });
    expect(result.message).toMatch(/owner_team/);
  });

  it('points a field rule at the field line', () => {
    const policy = policyOf(`rules:
  - id: lic
    description: licence is apache
    requires: [model_card]
    check: model_card.license == "apache-2.0"
`);
    const result = evaluate(policy, [subject({ model_card: NATIVE_CARD })], { now: NOW }).models[0]!.results[0]!;
    expect(result).toMatchObject({ status: 'fail', location: { path: 'model_card.yaml', line: 5 } });
  });

  it('applies an active waiver and reports an expired one', () => {
    const waiver = (expires: string) => `waivers:
  - { rule: di, model: m, reason: remediation planned, approved_by: ml-risk, expires: "${expires}" }
`;
    const waived = evaluate(policyOf(DI_RULE + waiver('2026-06-15')), [subject({ bias: BIAS })], { now: NOW });
    expect(waived.verdict).toBe('pass');
    expect(waived.models[0]!.results.every((result) => result.status === 'waived')).toBe(true);
    expect(waived.models[0]!.results[0]!.message).toContain('waived until 2026-06-15 by ml-risk: remediation planned');

    const expired = evaluate(policyOf(DI_RULE + waiver('2026-06-14')), [subject({ bias: BIAS })], { now: NOW });
    expect(expired.verdict).toBe('fail');
    expect(expired.models[0]!.results[0]!.message).toContain('(waiver expired on 2026-06-14)');
    expect(expired.notices).toEqual([expect.stringMatching(/^p\.yaml:\d+:\d+: waiver of rule "di" for model "m" expired on 2026-06-14/)]);
  });

  it('judges several models and takes the worst verdict', () => {
    const good = BIAS.replace('0.71', '0.9').replace('1.4', '1.1');
    const decision = evaluate(policyOf(DI_RULE), [subject({ bias: good }), { ...subject({ bias: BIAS }), model: { name: 'n', path: 'n' } }], { now: NOW });
    expect(decision.models.map((model) => [model.name, model.verdict])).toEqual([
      ['m', 'pass'],
      ['n', 'fail'],
    ]);
    expect(decision.verdict).toBe('fail');
    expect(decision.policy).toMatchObject({ name: 't', version: '1.0.0' });
  });
});

describe('effectiveRisk', () => {
  it('lets the model card raise a configured tier but never lower it', async () => {
    const { effectiveRisk } = await import('../../src/engine/evaluate.js');
    expect(effectiveRisk('high', 'low')).toBe('high');
    expect(effectiveRisk('low', 'high')).toBe('high');
    expect(effectiveRisk('medium', undefined)).toBe('medium');
    expect(effectiveRisk(undefined, 'high')).toBe('high');
    expect(effectiveRisk(undefined, undefined)).toBe('');
    expect(effectiveRisk('tier-2', 'low')).toBe('tier-2');
  });
});
