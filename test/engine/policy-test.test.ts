import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/engine/compile.js';
import { runPolicyTest } from '../../src/engine/policy-test.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { parsePolicyTest } from '../../src/policy/test-file.js';
import { expectModelgateError, makeRepo } from '../helpers.js';

const POLICY = `apiVersion: modelgate/v1
kind: Policy
metadata: { name: t, version: 1.0.0 }
rules:
  - id: drift.share
    description: few features drifted
    requires: [drift]
    check: drift.share_drifted < 0.3
    message: string(int(drift.share_drifted * 100.0)) + "% drifted"
  - id: approval
    description: approved
    when: model.risk == "high"
    check: approvals.exists(a, a.state == "approved")
`;
const policy = compilePolicy(loadPolicy('p.yaml', createFsPolicySource(makeRepo({ 'p.yaml': POLICY }))));

const DRIFT_FILE = 'apiVersion: modelgate/v1\nkind: drift\ndataset_drift: false\nshare_drifted: 0.5\n';

function run(cases: string) {
  const file = parsePolicyTest(`apiVersion: modelgate/v1\nkind: PolicyTest\npolicy: p.yaml\nnow: 2026-06-15T00:00:00Z\n${cases}`, 'tests/p.test.yaml');
  return runPolicyTest(file, policy, (path, relativeTo) => {
    expect(relativeTo).toBe('tests/p.test.yaml');
    if (path !== 'drift.yaml') throw new Error(`no file ${path}`);
    return { path: 'tests/drift.yaml', text: DRIFT_FILE, sha256: '' };
  });
}

describe('runPolicyTest', () => {
  it('passes a case whose expectations hold, with inline evidence merged over the defaults', () => {
    const outcome = run(`defaults:
  model: { name: m, risk: high }
  evidence:
    drift: { dataset_drift: false, share_drifted: 0.1 }
cases:
  - name: fine
    approvals: [{ user: u, teams: [], state: approved }]
    expect: { verdict: pass, results: { drift.share: pass, approval: pass } }
  - name: evidence removed
    evidence: { drift: null }
    expect: { results: { drift.share: { status: fail, message: no drift artefact found for model "m" } } }
`);
    expect(outcome.cases).toEqual([
      expect.objectContaining({ name: 'fine', failures: [] }),
      expect.objectContaining({ name: 'evidence removed', failures: [] }),
    ]);
  });

  it('reports every unmet expectation, an unknown rule and a message that does not match', () => {
    const outcome = run(`cases:
  - name: wrong
    model: { risk: high }
    evidence: { drift: drift.yaml }
    expect:
      verdict: pass
      results:
        drift.share: { status: fail, message: "60%" }
        approval: pass
        no.such-rule: pass
`);
    expect(outcome.cases[0]!.failures).toEqual([
      'verdict: expected pass, got fail',
      'drift.share: no message contains "60%" (50% drifted)',
      'approval: expected pass, got fail (approved)',
      'no.such-rule: the policy has no such rule',
    ]);
    expect(outcome.cases[0]!.location).toMatchObject({ path: 'tests/p.test.yaml', line: 6 });
  });

  it('turns evidence it cannot read into a failure of the case', () => {
    const outcome = run(`cases:
  - name: missing file
    evidence: { drift: other.yaml }
    expect: { results: {} }
  - name: invalid inline evidence
    evidence: { drift: { share_drifted: 2 } }
    expect: { results: {} }
`);
    expect(outcome.cases[0]!.failures).toEqual(['evidence: no file other.yaml']);
    expect(outcome.cases[1]!.failures[0]).toMatch(/^evidence: tests\/p\.test\.yaml#cases\[1\]\.evidence\.drift.*not a valid drift/);
  });

  it('gives a case the previous approved decision, its datasets observed from inline or file lineage as a record observes them', () => {
    const previousPolicy = compilePolicy(
      loadPolicy(
        'q.yaml',
        createFsPolicySource(
          makeRepo({
            'q.yaml': `apiVersion: modelgate/v1
kind: Policy
metadata: { name: q, version: 1.0.0 }
rules:
  - id: data.unchanged
    description: same training data as before
    requires: [lineage]
    when: previous != null && previous.datasets_digest != null
    check: observed.datasets_digest == previous.datasets_digest
    message: '"changed since " + previous.decision_id + " of " + previous.time + " (" + previous.verdict + ", seq " + string(previous.seq) + ", version " + previous.version + ")"'
`,
          }),
        ),
      ),
    );
    const LINEAGE = 'apiVersion: modelgate/v1\nkind: lineage\ndatasets:\n  - { name: claims, role: input, version: "2026-03", owners: [data-team] }\n';
    const file = parsePolicyTest(
      `apiVersion: modelgate/v1
kind: PolicyTest
policy: q.yaml
now: 2026-06-15T00:00:00Z
defaults:
  evidence: { lineage: lineage.yaml }
  previous: { version: 1.0.0, lineage: lineage.yaml }
cases:
  - name: same data from the same file
    expect: { results: { data.unchanged: pass } }
  - name: the digest ignores owners and roles of outputs, as a record's does
    previous: { version: 1.0.0, lineage: { datasets: [{ name: claims, version: "2026-03" }, { name: m, role: output }] } }
    expect: { results: { data.unchanged: pass } }
  - name: changed data names the decision
    previous: { version: 1.0.0, decision_id: d-9, seq: 3, verdict: warn, time: "2026-05-01T08:00:00+02:00", lineage: { datasets: [{ name: claims, version: "2026-02" }] } }
    expect: { results: { data.unchanged: { status: fail, message: "changed since d-9 of 2026-05-01T06:00:00.000Z (warn, seq 3, version 1.0.0)" } } }
  - name: no previous decision
    previous: null
    expect: { results: { data.unchanged: skipped } }
  - name: a previous decision without observations
    previous: { version: null }
    expect: { results: { data.unchanged: skipped } }
`,
      'tests/q.test.yaml',
    );
    const outcome = runPolicyTest(file, previousPolicy, (path) => {
      if (path !== 'lineage.yaml') throw new Error(`no file ${path}`);
      return { path: 'tests/lineage.yaml', text: LINEAGE, sha256: '' };
    });
    expect(outcome.cases.map((testCase) => [testCase.name, testCase.failures])).toEqual([
      ['same data from the same file', []],
      ["the digest ignores owners and roles of outputs, as a record's does", []],
      ['changed data names the decision', []],
      ['no previous decision', []],
      ['a previous decision without observations', []],
    ]);
    const wrong = expectModelgateError(
      () => parsePolicyTest('apiVersion: modelgate/v1\nkind: PolicyTest\npolicy: q.yaml\nnow: 2026-01-01T00:00:00Z\ncases:\n  - name: x\n    previous: { version: 1.0.0, verdict: fail }\n    expect: {}\n', 't.test.yaml'),
      'config',
    );
    expect(wrong.message).toMatch(/^t\.test\.yaml:7:.*cases\.0\.previous\.verdict/);
  });

  it('refuses a test file without a fixed evaluation time, naming the line', () => {
    const error = expectModelgateError(() => parsePolicyTest('apiVersion: modelgate/v1\nkind: PolicyTest\npolicy: starter\ncases:\n  - { name: x, expect: {} }\n', 't.test.yaml'), 'config');
    expect(error.message).toMatch(/^t\.test\.yaml.*invalid policy test: now: /);
    const status = expectModelgateError(() => parsePolicyTest('apiVersion: modelgate/v1\nkind: PolicyTest\npolicy: starter\nnow: 2026-01-01T00:00:00Z\ncases:\n  - { name: x, expect: { results: { r: passed } } }\n', 't.test.yaml'), 'config');
    expect(status.message).toMatch(/^t\.test\.yaml:6:.*cases\.0\.expect\.results\.r/);
  });
});
