import { describe, expect, it } from 'vitest';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { diffPolicies } from '../../src/policy/diff.js';
import { loadPolicy, type ResolvedPolicy } from '../../src/policy/load.js';
import { makeRepo } from '../helpers.js';

function policy(version: string, rules: string, waivers = ''): ResolvedPolicy {
  const text = `apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: p, version: ${version} }\nrules:\n${rules}${waivers}`;
  return loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': text })));
}

const SHARE = (limit: string, extra = '') => `  - id: drift.share
    description: few features drifted
    controls: [ISO42001:A.6.2.6${extra}]
    requires: [drift]
    check: drift.share_drifted < ${limit}
    message: '"limit: 30%"'
`;

describe('diffPolicies', () => {
  it('explains a threshold change in words, ignoring numbers inside messages', () => {
    expect(diffPolicies(policy('1.0.0', SHARE('0.3')), policy('1.1.0', SHARE('0.2')))).toEqual([
      'version: 1.0.0 → 1.1.0',
      'rule drift.share: check threshold 0.3 → 0.2 (lowered): drift.share_drifted < 0.2',
    ]);
  });

  it('names added and removed rules, severities, control mappings and waivers', () => {
    const extra = `  - id: card.licence
    description: licence stated
    severity: warn
    check: "true"
`;
    const waiver = 'waivers:\n  - { rule: drift.share, model: m, reason: retraining, approved_by: ml-risk, expires: "2030-01-01" }\n';
    const before = policy('1.0.0', SHARE('0.3') + extra);
    const after = policy('2.0.0', SHARE('0.3', ', EU-AI-Act:Art.15(1)').replace('requires: [drift]', 'severity: warn\n    requires: [drift]'), waiver);
    expect(diffPolicies(before, after)).toEqual([
      'version: 1.0.0 → 2.0.0',
      'rule card.licence removed (was warn; no controls): licence stated',
      'rule drift.share: severity error → warn (no longer blocks, only warns)',
      'rule drift.share: now evidences EU-AI-Act:Art.15(1)',
      'waiver of drift.share for m added: until 2030-01-01, approved by ml-risk: retraining',
    ]);
  });

  it('says the condition changed when more than a number changed, and nothing for formatting', () => {
    const changed = SHARE('0.3').replace('check: drift.share_drifted < 0.3', 'check: drift.share_drifted < 0.3 && !drift.dataset_drift');
    expect(diffPolicies(policy('1.0.0', SHARE('0.3')), policy('1.0.0', changed))).toEqual([
      'rule drift.share: check changed: drift.share_drifted < 0.3 → drift.share_drifted < 0.3 && !drift.dataset_drift',
    ]);
    expect(diffPolicies(policy('1.0.0', SHARE('0.3')), policy('1.0.0', SHARE('0.30')))).toEqual([]);
  });
});
