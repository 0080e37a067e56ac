import { describe, expect, it } from 'vitest';
import { ActionInputsSchema, INPUT_NAMES } from '../../src/action/inputs.js';
import type { Decision, RuleResult } from '../../src/engine/decision.js';
import { DEFAULT_CONFIG_PATH } from '../../src/policy/config.js';
import { renderAnnotations, renderCheckOutput, checkConclusion } from '../../src/report/check-run.js';
import { COMMENT_LIMIT, parseCommentState, renderPolicyDiff, renderStickyComment } from '../../src/report/comment.js';
import { renderSarif } from '../../src/report/sarif.js';
import { actionMetadata } from './runner.js';

const policy = { name: 'model-policy', version: '2.0.0', digest: 'sha256:abc' };
const result = (overrides: Partial<RuleResult>): RuleResult => ({ rule: 'bias.disparate-impact', status: 'fail', severity: 'error', message: 'disparate impact 0.71', controls: ['ISO42001:A.7.4'], ...overrides });

function decision(models: Decision['models']): Decision {
  const verdict = models.some((model) => model.verdict === 'fail') ? 'fail' : models.some((model) => model.verdict === 'warn') ? 'warn' : 'pass';
  return { verdict, policy, models, notices: [] };
}

describe('action.yml', () => {
  it('runs dist/index.js on node24 and declares every input the Action reads, with the schema\'s defaults', () => {
    const metadata = actionMetadata();
    expect(metadata.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(Object.keys(metadata.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    const unset = Object.fromEntries(INPUT_NAMES.map((name) => [name, '']));
    const defaults = ActionInputsSchema.parse(unset);
    for (const name of INPUT_NAMES) {
      const documented = metadata.inputs[name]!.default ?? '';
      // The runner passes the documented default; it must mean what an unset input means.
      if (name === 'github-token') expect(documented).toBe('${{ github.token }}');
      else expect(ActionInputsSchema.parse({ ...unset, [name]: documented })[name], name).toEqual(defaults[name]);
    }
    expect(Object.keys(metadata.outputs).sort()).toEqual(['attestations', 'blocked-models', 'decision-id', 'failed-rules', 'report-json', 'verdict']);
  });

  it('defaults the config input to the config path the CLI reads', () => {
    expect(ActionInputsSchema.parse({}).config).toBe(DEFAULT_CONFIG_PATH);
  });
});

describe('check-run rendering', () => {
  it('annotates repository files only, once per place and message, with line 1 when the finding has no line', () => {
    const shared = result({ rule: 'policy.changed', message: 'changes the policy', location: { path: 'policies/p.yaml' } });
    const annotations = renderAnnotations(
      decision([
        { name: 'a', version: null, verdict: 'fail', results: [shared, result({ location: { path: 'pack:starter', line: 3 } }), result({ status: 'warn', severity: 'warn', location: { path: 'release:a@1.0.0/bias.yaml', line: 2 } })] },
        { name: 'b', version: null, verdict: 'fail', results: [shared, result({ status: 'waived', location: { path: 'models/b/bias.yaml', line: 4 } })] },
      ]),
    );
    expect(annotations).toEqual([{ path: 'policies/p.yaml', start_line: 1, end_line: 1, annotation_level: 'failure', title: 'policy.changed (a)', message: 'changes the policy', raw_details: 'controls: ISO42001:A.7.4' }]);
  });

  it('maps the verdict and fail-on to a conclusion, and says when a verdict does not fail the run', () => {
    expect(checkConclusion('fail', 'error')).toBe('failure');
    expect(checkConclusion('warn', 'error')).toBe('neutral');
    expect(checkConclusion('warn', 'warn')).toBe('failure');
    expect(checkConclusion('fail', 'never')).toBe('neutral');
    expect(checkConclusion('pass', 'warn')).toBe('success');
    const warned = decision([{ name: 'a', version: '1', verdict: 'warn', results: [result({ status: 'warn', severity: 'warn' })] }]);
    expect(renderCheckOutput(warned, { failOn: 'error' }).title).toBe('WARN: 0 of 1 model blocked (does not fail the run: fail-on error)');
  });

  it('keeps the summary and text within the Checks API limit of 65,535 characters', () => {
    const results = Array.from({ length: 2000 }, (_, index) => result({ message: `finding ${index} ${'x'.repeat(60)}`, location: { path: 'models/a/bias.yaml', line: index + 1 } }));
    const output = renderCheckOutput(decision([{ name: 'a', version: null, verdict: 'fail', results }]), { failOn: 'error', detailsUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(output.text.length).toBeLessThanOrEqual(65_535);
    expect(output.text).toMatch(/the full report is in the \[job summary\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/1\)\)$/);
  });
});

describe('the sticky comment', () => {
  const blocked = decision([
    { name: 'churn-predictor', version: '3.1.0', verdict: 'fail', results: [result({ location: { path: 'models/churn-predictor/reports/bias.yaml', line: 10, column: 5 } })] },
    { name: 'fraud-scorer', version: '1.4.0', verdict: 'pass', results: [result({ status: 'pass' })] },
  ]);

  it('starts with the marker and its state, has a table per model and the findings folded away', () => {
    const body = renderStickyComment(blocked, { failOn: 'error', decisionId: 'd-1', runUrl: 'https://github.com/o/r/actions/runs/1' });
    expect(body.split('\n')[0]).toBe('<!-- modelgate:sticky-comment {"verdict":"fail","decisionId":"d-1"} -->');
    expect(body).toContain('## ❌ modelgate: FAIL — 1 of 2 models blocked');
    expect(body).toContain('| churn-predictor | 3.1.0 | ❌ fail | 1 |');
    expect(body).toContain('<details><summary><b>churn-predictor</b>: 1 finding</summary>');
    expect(body).toContain('| ❌ fail | `bias.disparate-impact` | disparate impact 0.71 | `models/churn-predictor/reports/bias.yaml:10:5` |');
    expect(parseCommentState(body)).toEqual({ verdict: 'fail', decisionId: 'd-1' });
    expect(parseCommentState('a comment of a person')).toBeUndefined();
  });

  it('falls back to the table and a link to the job summary when the body would pass GitHub\'s limit', () => {
    const results = Array.from({ length: 3000 }, (_, index) => result({ message: `finding ${index} ${'y'.repeat(40)}` }));
    const huge = decision([{ name: 'a', version: null, verdict: 'fail', results }]);
    const body = renderStickyComment(huge, { failOn: 'error', decisionId: 'd', runUrl: 'https://github.com/o/r/actions/runs/9' });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('The findings are too many for a comment: see the [job summary](https://github.com/o/r/actions/runs/9).');
    expect(body).toContain('| a | — | ❌ fail | 3000 |');
    expect(body).not.toContain('<details>');
  });

  it('shows the policy diff of a pull request that edits the policy, escaped, after the table', () => {
    const from = { name: 'model-policy', version: '2.0.0', origin: 'the base commit f95f852bd8fc' };
    const to = { name: 'model-policy', version: '2.1.0', origin: 'the head commit ec26c3e57ca3' };
    const changes = ['version: 2.0.0 → 2.1.0', 'rule bias.disparate-impact: check threshold 0.8 → 0.7 (lowered): value >= 0.7', 'rule x: description "a" → "ping @octocat <img src=x> | cell"'];
    const body = renderStickyComment(blocked, { failOn: 'error', decisionId: 'd', policyDiff: { from, to, changes } });
    const section = [
      '### Policy diff',
      '',
      'model-policy 2.0.0 (the base commit f95f852bd8fc) → model-policy 2.1.0 (the head commit ec26c3e57ca3): 3 changes',
      '',
      '- version: 2.0.0 → 2.1.0',
      '- rule bias.disparate-impact: check threshold 0.8 → 0.7 (lowered): value &gt;= 0.7',
      '- rule x: description "a" → "ping &#64;octocat &lt;img src=x&gt; \\| cell"',
    ].join('\n');
    expect(body).toContain(section);
    expect(body.indexOf('### Policy diff')).toBeGreaterThan(body.indexOf('| churn-predictor |'));
    expect(body.indexOf('### Policy diff')).toBeLessThan(body.indexOf('<details>'));
  });

  it('says when the policy diff has no change to rules, lists at most 50 changes, and says why a head policy cannot be compared', () => {
    const header = { name: 'p', version: '1.0.0', origin: 'the base commit abc' };
    expect(renderPolicyDiff({ from: header, to: { ...header, origin: 'the head commit def' }, changes: [] })).toBe(
      '### Policy diff\n\np 1.0.0 (the base commit abc) → p 1.0.0 (the head commit def): no change to rules or waivers',
    );
    const many = renderPolicyDiff({ from: header, to: header, changes: Array.from({ length: 60 }, (_, index) => `rule r${index} added`) });
    expect(many.split('\n').filter((line) => line.startsWith('- rule'))).toHaveLength(50);
    expect(many).toMatch(/- … and 10 more: run `modelgate policy diff` on the two versions$/);
    expect(renderPolicyDiff({ from: header, unreadable: 'policies/p.yaml:3:1: unknown key "rulez"' })).toBe(
      '### Policy diff\n\nThe policy of this pull request cannot be compared with p 1.0.0 (the base commit abc): policies/p.yaml:3:1: unknown key "rulez"',
    );
  });

  it('says so when a later run passes after a failure', () => {
    const passing = decision([{ name: 'a', version: null, verdict: 'pass', results: [] }]);
    expect(renderStickyComment(passing, { failOn: 'error', decisionId: 'd', previous: { verdict: 'fail' } })).toContain('✅ **Resolved:**');
    expect(renderStickyComment(passing, { failOn: 'error', decisionId: 'd', previous: { verdict: 'pass' } })).not.toContain('Resolved');
  });
});

describe('SARIF', () => {
  it('is SARIF 2.1.0 with rules, levels, regions, stable fingerprints and waivers as suppressions', () => {
    const sarif = JSON.parse(
      renderSarif(
        decision([
          {
            name: 'churn-predictor',
            version: '3.1.0',
            verdict: 'fail',
            results: [
              result({ location: { path: 'models/churn-predictor/reports/bias.yaml', line: 10, column: 5 } }),
              result({ rule: 'drift.share', status: 'waived', message: 'drifted — waived until 2027-01-01 by risk-board: seasonal', location: { path: 'models/churn-predictor/reports/drift.yaml', line: 3 } }),
              result({ rule: 'approval.high-risk', status: 'warn', severity: 'warn', location: { path: 'pack:starter' } }),
              result({ rule: 'lineage.inputs', status: 'pass' }),
            ],
          },
        ]),
        { toolVersion: '0.1.0', rules: { 'bias.disparate-impact': { description: 'Every disparate impact lies within [0.8, 1.25]', severity: 'error', controls: ['ISO42001:A.7.4'] } }, fallbackPath: '.modelgate.yml' },
      ),
    ) as { version: string; $schema: string; runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: Record<string, unknown>[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['approval.high-risk', 'bias.disparate-impact', 'drift.share']);
    expect(run.tool.driver.rules[1]!.shortDescription.text).toBe('Every disparate impact lies within [0.8, 1.25]');
    expect(run.results.map((entry) => [entry.ruleId, entry.level])).toEqual([
      ['bias.disparate-impact', 'error'],
      ['approval.high-risk', 'warning'],
      ['drift.share', 'note'],
    ]);
    expect(run.results[0]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'models/churn-predictor/reports/bias.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 5 } } }]);
    // A finding in a shipped pack is placed on the config, line 1: code scanning needs a file and a line.
    expect(run.results[1]!.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: '.modelgate.yml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } } }]);
    expect(run.results[2]!.suppressions).toEqual([{ kind: 'external', justification: 'drifted — waived until 2027-01-01 by risk-board: seasonal' }]);
    expect((run.results[0]!.partialFingerprints as Record<string, string>)['modelgateFinding/v1']).toMatch(/^[0-9a-f]{64}$/);
  });
});
