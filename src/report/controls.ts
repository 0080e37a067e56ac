import { controlTitle } from '../policy/controls.js';
import { sortControls } from '../engine/coverage.js';
import type { Decision, ModelDecision } from '../engine/decision.js';
import { escapeTableCell } from './findings.js';

export type ControlsFormat = 'text' | 'markdown' | 'csv' | 'json';
export const CONTROLS_FORMATS: readonly ControlsFormat[] = ['text', 'markdown', 'csv', 'json'];

export type ControlState = 'evidenced' | 'violated' | 'not covered';

/** One line of a Statement-of-Applicability-style table. */
export interface ControlRow {
  control: string;
  title: string;
  state: ControlState;
  /** The rules that name the control, with the status each gave this model. */
  rules: string[];
}

export function controlRows(model: ModelDecision): ControlRow[] {
  const coverage = model.controls ?? { evidenced: [], violated: [], not_covered: [] };
  const rulesOf = (control: string) => {
    const statuses = new Map<string, Set<string>>();
    for (const result of model.results) {
      if (!result.controls.includes(control)) continue;
      statuses.set(result.rule, (statuses.get(result.rule) ?? new Set()).add(result.status));
    }
    return [...statuses.entries()].map(([rule, set]) => `${rule} (${[...set].join('/')})`);
  };
  const row = (control: string, state: ControlState): ControlRow => ({ control, title: controlTitle(control), state, rules: state === 'not covered' ? [] : rulesOf(control) });
  const reached = [...coverage.evidenced.map((control) => row(control, 'evidenced')), ...coverage.violated.map((control) => row(control, 'violated'))];
  const order = sortControls(reached.map((entry) => entry.control));
  reached.sort((a, b) => order.indexOf(a.control) - order.indexOf(b.control));
  return [...reached, ...coverage.not_covered.map((control) => row(control, 'not covered'))];
}

/** "12 evidenced, 1 violated, 25 not covered" for one model. */
export function coverageSummary(model: ModelDecision): string {
  const coverage = model.controls ?? { evidenced: [], violated: [], not_covered: [] };
  return `${coverage.evidenced.length} evidenced, ${coverage.violated.length} violated, ${coverage.not_covered.length} not covered`;
}

/** One line for a pull-request comment or job summary; empty when the Decision carries no coverage. */
export function coverageLine(decision: Decision): string {
  const models = decision.models.filter((model) => model.controls !== undefined);
  if (models.length === 0) return '';
  const parts = models.map((model) => {
    const coverage = model.controls!;
    return `${model.name} ${coverage.evidenced.length}/${coverage.violated.length}/${coverage.not_covered.length}`;
  });
  return `Controls (evidenced/violated/not covered): ${parts.join(', ')}`;
}

export function renderControls(decision: Decision, format: ControlsFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          policy: decision.policy,
          models: decision.models.map((model) => ({ name: model.name, version: model.version, verdict: model.verdict, controls: controlRows(model) })),
        },
        null,
        2,
      )}\n`;
    case 'csv':
      return renderCsv(decision);
    case 'markdown':
      return renderMarkdownTable(decision);
    case 'text':
      return renderTextTable(decision);
  }
}

const STATE_MARK: Record<ControlState, string> = { evidenced: '✓ evidenced', violated: '✗ violated', 'not covered': '· not covered' };

function renderTextTable(decision: Decision): string {
  const lines = [`policy ${decision.policy.name} ${decision.policy.version}`, ''];
  for (const model of decision.models) {
    const rows = controlRows(model);
    lines.push(`${model.name}${model.version ? ` ${model.version}` : ''}: ${coverageSummary(model)}`);
    const width = Math.max(0, ...rows.map((row) => row.control.length));
    for (const row of rows) {
      const rules = row.rules.length > 0 ? `  ← ${row.rules.join(', ')}` : '';
      lines.push(`  ${STATE_MARK[row.state].padEnd(14)} ${row.control.padEnd(width)}  ${row.title}${rules}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function renderMarkdownTable(decision: Decision): string {
  const lines = [`## modelgate controls: policy \`${decision.policy.name}\` ${decision.policy.version}`];
  for (const model of decision.models) {
    lines.push('', `### ${escapeTableCell(model.name)}${model.version ? ` ${escapeTableCell(model.version)}` : ''}`, '', coverageSummary(model), '');
    lines.push('| control | title | state | rules |', '|---|---|---|---|');
    for (const row of controlRows(model)) {
      lines.push(`| \`${row.control}\` | ${escapeTableCell(row.title)} | ${row.state} | ${escapeTableCell(row.rules.join(', '))} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** RFC 4180: quote every field, double the quotes inside. */
function renderCsv(decision: Decision): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const lines = [['model', 'version', 'control', 'title', 'state', 'rules'].map(quote).join(',')];
  for (const model of decision.models) {
    for (const row of controlRows(model)) {
      lines.push([model.name, model.version ?? '', row.control, row.title, row.state, row.rules.join('; ')].map(quote).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
