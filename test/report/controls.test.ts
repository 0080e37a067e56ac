import { describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/decision.js';
import { controlRows, coverageLine, renderControls } from '../../src/report/controls.js';
import { renderMarkdown } from '../../src/report/render.js';

const decision: Decision = {
  verdict: 'fail',
  policy: { name: 'p', version: '1.0.0', digest: 'sha256:00' },
  notices: [],
  models: [
    {
      name: 'scorer',
      version: '1.0.0',
      verdict: 'fail',
      results: [
        { rule: 'card', status: 'pass', severity: 'error', message: 'ok', controls: ['ISO42001:A.6.2.7'] },
        { rule: 'bias', status: 'fail', severity: 'error', message: 'DI "low"', controls: ['ISO42001:A.5.4'] },
        { rule: 'bias', status: 'pass', severity: 'error', message: 'ok', controls: ['ISO42001:A.5.4'] },
      ],
      controls: { evidenced: ['ISO42001:A.6.2.7'], violated: ['ISO42001:A.5.4'], not_covered: ['ISO42001:A.2.2'] },
    },
  ],
};

describe('control coverage reports', () => {
  it('lists reached controls in catalogue order with the rules and statuses behind them, then the uncovered ones', () => {
    expect(controlRows(decision.models[0]!)).toEqual([
      { control: 'ISO42001:A.5.4', title: 'Assessing AI system impact on individuals or groups of individuals', state: 'violated', rules: ['bias (fail/pass)'] },
      { control: 'ISO42001:A.6.2.7', title: 'AI system technical documentation', state: 'evidenced', rules: ['card (pass)'] },
      { control: 'ISO42001:A.2.2', title: 'AI policy', state: 'not covered', rules: [] },
    ]);
  });

  it('renders text, Markdown, CSV and JSON', () => {
    expect(renderControls(decision, 'text')).toContain('scorer 1.0.0: 1 evidenced, 1 violated, 1 not covered');
    expect(renderControls(decision, 'text')).toMatch(/✗ violated\s+ISO42001:A\.5\.4\s+Assessing AI system impact .* ← bias \(fail\/pass\)/);
    expect(renderControls(decision, 'markdown')).toContain('| `ISO42001:A.6.2.7` | AI system technical documentation | evidenced | card (pass) |');
    expect(renderControls(decision, 'csv').split('\r\n').slice(0, 2)).toEqual([
      '"model","version","control","title","state","rules"',
      '"scorer","1.0.0","ISO42001:A.5.4","Assessing AI system impact on individuals or groups of individuals","violated","bias (fail/pass)"',
    ]);
    const json = JSON.parse(renderControls(decision, 'json')) as { models: { controls: { state: string }[] }[] };
    expect(json.models[0]!.controls.map((row) => row.state)).toEqual(['violated', 'evidenced', 'not covered']);
  });

  it('gives the job summary one coverage line, and none for a Decision without coverage', () => {
    expect(coverageLine(decision)).toBe('Controls (evidenced/violated/not covered): scorer 1/1/1');
    expect(renderMarkdown(decision)).toContain('\nControls (evidenced/violated/not covered): scorer 1/1/1\n');
    const { controls: _controls, ...bare } = decision.models[0]!;
    expect(coverageLine({ ...decision, models: [bare] })).toBe('');
  });
});
