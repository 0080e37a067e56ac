import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/engine/compile.js';
import { runPolicyTest } from '../../src/engine/policy-test.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { catalogueEntryOf } from '../../src/policy/controls.js';
import { loadPolicy } from '../../src/policy/load.js';
import { parsePolicyTest } from '../../src/policy/test-file.js';
import { REPO_ROOT } from '../helpers.js';

const PACKS_DIR = path.join(REPO_ROOT, 'policies');
const PACKS = readdirSync(PACKS_DIR).filter((file) => file.endsWith('.yaml')).map((file) => file.slice(0, -'.yaml'.length)).sort();
const source = createFsPolicySource(REPO_ROOT);

describe('shipped packs', () => {
  it('are the starter pack and the three framework packs', () => {
    expect(PACKS).toEqual(['eu-ai-act-high-risk', 'iso42001', 'nist-ai-rmf', 'starter']);
  });

  describe.each(PACKS)('%s', (pack) => {
    const text = readFileSync(path.join(PACKS_DIR, `${pack}.yaml`), 'utf8');
    const policy = compilePolicy(loadPolicy(pack, source));

    it('names the policy JSON Schema for editors and has a semantic version', () => {
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/policy.schema.json');
      expect(policy.name).toBe(pack);
      expect(policy.version).toMatch(/^\d+\.\d+\.\d+$/);
    });

    it('maps every rule to controls of a known catalogue', () => {
      for (const rule of policy.rules) {
        expect(rule.controls.length, rule.id).toBeGreaterThan(0);
        for (const control of rule.controls) expect(catalogueEntryOf(control), `${rule.id}: ${control}`).toBeDefined();
      }
    });

    it('passes every case of its test file, which names the policy-test JSON Schema for editors', () => {
      const testPath = `policies/tests/${pack}.test.yaml`;
      const testText = readFileSync(path.join(REPO_ROOT, testPath), 'utf8');
      expect(testText.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/policy-test.schema.json');
      const file = parsePolicyTest(testText, testPath);
      expect(file.test.policy).toBe(pack);
      const outcome = runPolicyTest(file, policy, (evidencePath) => {
        const shown = path.posix.join('policies/tests', evidencePath);
        return { path: shown, text: readFileSync(path.join(REPO_ROOT, shown), 'utf8'), sha256: '' };
      });
      expect(outcome.cases.filter((testCase) => testCase.failures.length > 0)).toEqual([]);
      // Every rule of the pack is exercised by at least one expectation.
      const expected = new Set(file.test.cases.flatMap((testCase) => Object.keys(testCase.expect.results)));
      expect(policy.rules.map((rule) => rule.id).filter((id) => !expected.has(id))).toEqual([]);
    });
  });

  it('the demo config names the repository config JSON Schema', () => {
    const config = readFileSync(path.join(REPO_ROOT, 'fixtures/demo-repo/.modelgate.yml'), 'utf8');
    expect(config.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/repo-config.schema.json');
  });

  it('the framework packs judge a training-data change against the previous approved decision, with their own rule ids and controls', () => {
    const rules = ['iso42001', 'eu-ai-act-high-risk', 'nist-ai-rmf'].map((pack) => {
      const policy = compilePolicy(loadPolicy(pack, source));
      const rule = policy.rules.find((candidate) => candidate.reads.has('previous'))!;
      return { pack, id: rule.id, controls: rule.controls, severity: rule.severity, requires: rule.requires };
    });
    expect(rules).toEqual([
      { pack: 'iso42001', id: 'data.change-needs-version-bump', controls: ['ISO42001:A.7.5'], severity: 'error', requires: ['lineage'] },
      {
        pack: 'eu-ai-act-high-risk',
        id: 'records.data-change-needs-version-bump',
        controls: ['EU-AI-Act:Art.10(2)', 'EU-AI-Act:Art.11(1)', 'EU-AI-Act:Art.12(2)'],
        severity: 'error',
        requires: ['lineage'],
      },
      { pack: 'nist-ai-rmf', id: 'manage.data-change-needs-version-bump', controls: ['NIST-AI-RMF:MAP 2.3', 'NIST-AI-RMF:MANAGE 4.1'], severity: 'error', requires: ['lineage'] },
    ]);
    expect(compilePolicy(loadPolicy('starter', source)).rules.some((rule) => rule.reads.has('previous'))).toBe(false);
  });

  it('iso42001 extends starter and tightens its high-risk approval', () => {
    const policy = loadPolicy('iso42001', source);
    expect(policy.files).toEqual(['pack:starter', 'pack:iso42001']);
    expect(policy.rules.find((rule) => rule.id === 'approval.high-risk')!.check).toContain('b.user != a.user');
  });

});
