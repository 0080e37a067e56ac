import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/engine/compile.js';
import { ModelgateError } from '../../src/errors.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy, type PolicySource } from '../../src/policy/load.js';
import { expectModelgateError, makeRepo } from '../helpers.js';

const HEADER = 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: p\n  version: 1.0.0\n';

/** Policies in a throwaway folder, read through the real filesystem source with the shipped packs. */
function sourceWith(files: Record<string, string>): PolicySource {
  return createFsPolicySource(makeRepo(files));
}

function loadError(files: Record<string, string>, entry = 'p.yaml'): ModelgateError {
  return expectModelgateError(() => compilePolicy(loadPolicy(entry, sourceWith(files))), 'config');
}

describe('loadPolicy', () => {
  it('loads the starter pack by name and compiles every rule', () => {
    const policy = compilePolicy(loadPolicy('starter', sourceWith({})));
    expect(policy.name).toBe('starter');
    expect(policy.rules.length).toBeGreaterThanOrEqual(13);
    expect(policy.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    for (const rule of policy.rules) {
      expect(rule.controls.every((control) => control.startsWith('ISO42001:A.'))).toBe(true);
      expect(rule.compiled.check).toBeTypeOf('function');
    }
  });

  it('refuses comprehensions nested more than two deep, a for_each counting as one, at the rule', () => {
    const rule = (fields: string) => ({ 'p.yaml': `${HEADER}rules:\n  - id: r1\n    description: d\n${fields}` });
    const three = loadError(rule('    check: "bias.metrics.all(a, bias.metrics.all(b, bias.metrics.exists(c, c.value == a.value + b.value)))"\n'));
    expect(three.message).toMatch(/^p\.yaml:\d+:\d+: rule "r1": check: comprehensions nest 3 deep; at most 2 are allowed/);
    const perItem = loadError(rule('    for_each: bias.metrics\n    check: "bias.metrics.all(a, bias.metrics.all(b, a.value <= item.value))"\n'));
    expect(perItem.message).toContain("comprehensions nest 3 deep (the rule's for_each counts as one)");
    // Two levels, and chains of comprehensions, are fine.
    const policy = compilePolicy(loadPolicy('p.yaml', sourceWith(rule('    check: "bias.metrics.filter(m, m.value > 0.0).all(a, bias.metrics.exists(b, b.value >= a.value))"\n'))));
    expect(policy.rules[0]!.compiled.check).toBeTypeOf('function');
  });

  it('names file, line and column of a schema error', () => {
    const error = loadError({ 'p.yaml': `${HEADER}rules:\n  - id: r1\n    description: d\n    severity: fatal\n    check: "true"\n` });
    expect(error.message).toMatch(/^p\.yaml:9:5: invalid policy: rules\.0\.severity: /);
  });

  it('names an unknown key where it stands', () => {
    const error = loadError({ 'p.yaml': `${HEADER}rules:\n  - id: r1\n    description: d\n    chek: "true"\n` });
    expect(error.message).toMatch(/^p\.yaml:9:5: invalid policy: rules\.0\.chek: Unrecognized key/);
  });

  it('refuses a version that is not semver', () => {
    expect(loadError({ 'p.yaml': HEADER.replace('1.0.0', 'v1') }).message).toMatch(/^p\.yaml:5:3: invalid policy: metadata\.version: must be a semantic version/);
  });

  it('reports a CEL syntax error with file, line and rule', () => {
    const error = loadError({ 'p.yaml': `${HEADER}rules:\n  - id: broken\n    description: d\n    check: model_card.license ==\n` });
    expect(error.message).toMatch(/^p\.yaml:9:5: rule "broken": check: /);
  });

  it('reports an unknown variable and a non-bool check as configuration errors', () => {
    expect(loadError({ 'p.yaml': `${HEADER}rules:\n  - id: r\n    description: d\n    check: modelcard.license == "x"\n` }).message).toMatch(
      /rule "r": check: .*modelcard/,
    );
    expect(loadError({ 'p.yaml': `${HEADER}rules:\n  - id: r\n    description: d\n    check: '"yes"'\n` }).message).toMatch(
      /rule "r": check: must return a bool, but returns string/,
    );
  });

  it('refuses item outside for_each', () => {
    expect(loadError({ 'p.yaml': `${HEADER}rules:\n  - id: r\n    description: d\n    check: item.value > 1.0\n` }).message).toMatch(/rule "r": check: .*item/);
  });

  it('extends packs and files; a rule with the same id overrides the base', () => {
    const source = sourceWith({
      'base.yaml': `${HEADER.replace('name: p', 'name: base')}rules:\n  - id: a\n    description: base a\n    check: "true"\n  - id: b\n    description: base b\n    check: "true"\n`,
      'p.yaml': `${HEADER}extends: [starter, base.yaml]\nrules:\n  - id: a\n    description: tightened a\n    severity: warn\n    check: "false"\n`,
    });
    const policy = loadPolicy('p.yaml', source);
    const ids = policy.rules.map((rule) => rule.id);
    expect(ids).toContain('model-card.license');
    expect(ids.slice(-2)).toEqual(['b', 'a']);
    expect(policy.rules.find((rule) => rule.id === 'a')).toMatchObject({ description: 'tightened a', severity: 'warn' });
    expect(policy.files).toEqual(['pack:starter', 'base.yaml', 'p.yaml']);
  });

  it('refuses an extends cycle', () => {
    const error = loadError({
      'p.yaml': `${HEADER}extends: [q.yaml]\n`,
      'q.yaml': `${HEADER}extends: [p.yaml]\n`,
    });
    expect(error.message).toContain('policy extends itself: p.yaml -> q.yaml -> p.yaml');
  });

  it('names the line of an unknown pack or a missing file in extends', () => {
    expect(loadError({ 'p.yaml': `${HEADER}extends:\n  - no-such-pack\n` }).message).toMatch(
      /^p\.yaml:7:5: extends "no-such-pack": unknown policy pack "no-such-pack" \(shipped packs: .*starter/,
    );
    expect(loadError({ 'p.yaml': `${HEADER}extends: [missing.yaml]\n` }).message).toMatch(/^p\.yaml:6:11: extends "missing\.yaml": cannot read policy file missing\.yaml/);
  });

  it('refuses an unknown pack given directly', () => {
    expect(loadError({}, 'nope').message).toMatch(/^unknown policy pack "nope"/);
  });

  it('refuses duplicate rule ids in one file', () => {
    const rule = '  - id: a\n    description: d\n    check: "true"\n';
    expect(loadError({ 'p.yaml': `${HEADER}rules:\n${rule}${rule}` }).message).toMatch(/^p\.yaml:10:5: rule id "a" is defined twice/);
  });

  it('gives the same digest for the same rules and a different one for any change', () => {
    const text = `${HEADER}rules:\n  - id: a\n    description: d\n    check: "true"\n`;
    const first = loadPolicy('p.yaml', sourceWith({ 'p.yaml': text })).digest;
    const reformatted = loadPolicy('p.yaml', sourceWith({ 'p.yaml': `# comment\n${text}` })).digest;
    const changed = loadPolicy('p.yaml', sourceWith({ 'p.yaml': text.replace('"true"', '"false"') })).digest;
    expect(reformatted).toBe(first);
    expect(changed).not.toBe(first);
  });
});

describe('waivers', () => {
  it('refuses a waiver for a rule the policy does not have, at its line', () => {
    const error = loadError({
      'p.yaml': `${HEADER}rules:\n  - id: a\n    description: d\n    check: "true"\nwaivers:\n  - { rule: b, model: m, reason: r, approved_by: ml-risk, expires: "2030-01-01" }\n`,
    });
    expect(error.message).toBe('p.yaml:11:5: waiver names rule "b", which this policy does not have');
  });
});

describe('an empty policy', () => {
  it('is a configuration error, not a policy that passes everything', () => {
    expect(loadError({ 'p.yaml': `${HEADER}rules: []\n` }).message).toBe('p.yaml: policy "p" has no rules');
  });
});

describe('policy files that cannot be read', () => {
  it('say why, not only "not found"', () => {
    const root = makeRepo({ 'p.yaml': `${HEADER}extends: [dir.yaml]\n` });
    mkdirSync(path.join(root, 'dir.yaml'));
    const error = expectModelgateError(() => loadPolicy('p.yaml', createFsPolicySource(root)), 'config');
    expect(error.message).toMatch(/extends "dir\.yaml": cannot read policy file dir\.yaml: EISDIR/);
  });
});
