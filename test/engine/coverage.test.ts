import { describe, expect, it } from 'vitest';
import { controlCoverage, sortControls } from '../../src/engine/coverage.js';
import type { RuleResult } from '../../src/engine/decision.js';
import { FRAMEWORKS } from '../../src/policy/controls.js';

const result = (rule: string, status: RuleResult['status'], controls: string[]): RuleResult => ({ rule, status, severity: 'error', message: '', controls });

describe('controlCoverage', () => {
  it('sorts controls into evidenced, violated and not covered', () => {
    const coverage = controlCoverage(
      [
        result('a', 'pass', ['ISO42001:A.7.4', 'ISO42001:A.6.2.4']),
        result('b', 'fail', ['ISO42001:A.6.2.4']),
        result('c', 'skipped', ['ISO42001:A.6.2.5']),
        result('d', 'waived', ['ISO42001:A.5.4']),
        result('e', 'warn', ['ISO42001:A.9.4']),
      ],
      ['ISO42001:A.7.4', 'ISO42001:A.6.2.4', 'ISO42001:A.6.2.5', 'ISO42001:A.5.4', 'ISO42001:A.9.4'],
    );
    expect(coverage.evidenced).toEqual(['ISO42001:A.7.4']);
    expect(coverage.violated).toEqual(['ISO42001:A.5.4', 'ISO42001:A.6.2.4', 'ISO42001:A.9.4']);
    expect(coverage.not_covered).toHaveLength(38 - 4);
    expect(coverage.not_covered).toContain('ISO42001:A.6.2.5');
    expect(coverage.not_covered[0]).toBe('ISO42001:A.2.2');
  });

  it('counts a finer control against its catalogue entry, and lists only the frameworks the policy uses', () => {
    const coverage = controlCoverage([result('a', 'pass', ['EU-AI-Act:Art.10(2)', 'ACME:DATA-1'])], ['EU-AI-Act:Art.10(2)', 'ACME:DATA-1']);
    expect(coverage.evidenced).toEqual(['EU-AI-Act:Art.10(2)', 'ACME:DATA-1']);
    expect(coverage.not_covered).not.toContain('EU-AI-Act:Art.10');
    expect(coverage.not_covered).toContain('EU-AI-Act:Art.9');
    expect(coverage.not_covered.every((control) => control.startsWith('EU-AI-Act:'))).toBe(true);
  });

  it('knows the 38 ISO/IEC 42001 Annex A controls and the 72 NIST AI RMF subcategories', () => {
    expect(FRAMEWORKS.find((framework) => framework.prefix === 'ISO42001')!.controls).toHaveLength(38);
    expect(FRAMEWORKS.find((framework) => framework.prefix === 'NIST-AI-RMF')!.controls).toHaveLength(72);
    expect(sortControls(['ISO42001:A.10.2', 'ISO42001:A.6.2.10x', 'ISO42001:A.2.2', 'NIST-AI-RMF:MEASURE 2.11', 'NIST-AI-RMF:MEASURE 2.3'])).toEqual([
      'ISO42001:A.2.2',
      'ISO42001:A.10.2',
      'NIST-AI-RMF:MEASURE 2.3',
      'NIST-AI-RMF:MEASURE 2.11',
      'ISO42001:A.6.2.10x',
    ]);
  });
});
