import { describe, expect, it } from 'vitest';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import type { Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { parseInstant } from '../../src/engine/functions.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { expectModelgateError, makeRepo } from '../helpers.js';

const NOW = new Date('2026-06-15T12:00:00Z');

function policyWith(check: string): CompiledPolicy {
  const text = `apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: t, version: 1.0.0 }\nrules:\n  - id: r\n    description: d\n    check: '${check.replace(/'/g, "''")}'\n`;
  return compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': text }))));
}

const subject = (version?: string): Subject => ({ model: { name: 'm', path: 'models/m', version }, location: { path: '.modelgate.yml' }, evidence: {}, problems: {}, approvals: [] });

function resultOf(check: string, version?: string) {
  return evaluate(policyWith(check), [subject(version)], { now: NOW }).models[0]!.results[0]!;
}

describe('CEL functions', () => {
  it('exposes the evaluation time as now', () => {
    expect(resultOf('now == "2026-06-15T12:00:00.000Z"').status).toBe('pass');
  });

  it('days_between counts days from a date or an RFC 3339 time to another, relative to now', () => {
    expect(resultOf('days_between("2026-06-14", now) == 1.5').status).toBe('pass');
    expect(resultOf('days_between("2026-06-15T14:00:00+02:00", now) == 0.0').status).toBe('pass');
    expect(resultOf('days_between("2026-05-16", now) <= 30').status).toBe('fail');
    expect(resultOf('days_between(now, "2026-06-25T12:00:00Z") == 10.0').status).toBe('pass');
  });

  it('turns a value that is not a time into an error result, never a pass', () => {
    const result = resultOf('days_between("last week", now) < 30.0');
    expect(result.status).toBe('error');
    expect(result.message).toContain('not a date (YYYY-MM-DD) or an RFC 3339 time: "last week"');
    expect(resultOf('days_between("2026-02-30", now) < 30.0').message).toContain('not a date (YYYY-MM-DD) or an RFC 3339 time: "2026-02-30"');
  });

  it('compares semantic versions and ranges', () => {
    expect(resultOf('semver_compare("1.10.0", "1.9.0") == 1 && semver_compare("2.0.0-rc.1", "2.0.0") == -1 && semver_compare("1.0.0", "1.0.0") == 0').status).toBe('pass');
    expect(resultOf('semver_satisfies(model.version, ">=1.4.0 <2.0.0")', '1.4.2').status).toBe('pass');
    expect(resultOf('semver_satisfies(model.version, "^2.0.0")', '2.1.0-rc.1').status).toBe('pass');
    expect(resultOf('semver_satisfies(model.version, "~1.3")', '1.4.0').status).toBe('fail');
    expect(resultOf('semver_valid("1.0") || semver_valid("v1.0.0x")').status).toBe('fail');
  });

  it('reports an invalid version or range as an error', () => {
    expect(resultOf('semver_compare("1.0", "1.0.0") == 0').message).toContain('not a semantic version: "1.0"');
    expect(resultOf('semver_satisfies("1.0.0", "not a range")').message).toContain('not a semantic version range');
  });

  it('checks argument types when the policy is loaded', () => {
    expectModelgateError(() => policyWith('days_between(1, now) < 2.0'), 'config');
    expectModelgateError(() => policyWith('semver_compare("1.0.0")'), 'config');
  });

  it('parses dates as midnight UTC and refuses times without an offset', () => {
    expect(parseInstant('2026-01-02')).toBe(Date.UTC(2026, 0, 2));
    expect(() => parseInstant('2026-01-02T10:00:00')).toThrow(/RFC 3339/);
  });
});
