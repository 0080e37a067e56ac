import { formatLocation } from '../document/location.js';
import { escapeTableCell } from './findings.js';
import type { Decision, ModelDecision, ResultStatus, RuleResult, Verdict } from '../engine/decision.js';
import { coverageLine } from './controls.js';

export type ReportFormat = 'text' | 'json' | 'markdown';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown'];

export function renderDecision(decision: Decision, format: ReportFormat, options: TextOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(decision);
    case 'markdown':
      return renderMarkdown(decision);
    case 'text':
      return renderText(decision, options);
  }
}

export function renderJson(decision: Decision): string {
  return `${JSON.stringify(decision, null, 2)}\n`;
}

/** Statuses a reader must act on, in the order they are shown. */
const ATTENTION: readonly ResultStatus[] = ['error', 'fail', 'warn', 'waived'];

function needsAttention(result: RuleResult): boolean {
  return ATTENTION.includes(result.status);
}

function ordered(results: readonly RuleResult[]): RuleResult[] {
  return results.filter(needsAttention).sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status));
}

function counts(model: ModelDecision): string {
  const tally = new Map<ResultStatus, number>();
  for (const result of model.results) tally.set(result.status, (tally.get(result.status) ?? 0) + 1);
  return [...tally.entries()].map(([status, count]) => `${count} ${status}`).join(', ');
}

function modelTitle(model: ModelDecision): string {
  return model.version ? `${model.name} ${model.version}` : model.name;
}

function summaryLine(decision: Decision): string {
  const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
  const warned = decision.models.filter((model) => model.verdict === 'warn').length;
  const total = decision.models.length;
  return `verdict: ${decision.verdict} — ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked, ${warned} passed with warnings`;
}

export interface TextOptions {
  /** ANSI colour; only for a terminal. */
  color?: boolean;
}

type Style = 'red' | 'yellow' | 'green' | 'cyan' | 'dim' | 'bold';
const ANSI: Record<Style, [number, number]> = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };
const STATUS_STYLE: Record<ResultStatus, Style> = { error: 'red', fail: 'red', warn: 'yellow', waived: 'cyan', pass: 'green', skipped: 'dim' };
const VERDICT_STYLE: Record<Verdict, Style> = { fail: 'red', warn: 'yellow', pass: 'green' };
const VERDICT_MARK: Record<Verdict, string> = { fail: '✗', warn: '!', pass: '✓' };

/**
 * Artefact text shown in a terminal or a CI log on one line, with control characters made
 * visible: a message must not start a line of its own (a `::command::` on a runner) or move
 * the cursor.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? ' ' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

export function renderText(decision: Decision, options: TextOptions = {}): string {
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : text);
  const lines: string[] = [`policy ${decision.policy.name} ${decision.policy.version} (${decision.policy.digest.slice(0, 19)}…)`, ''];
  for (const model of decision.models) {
    const verdict = paint(VERDICT_STYLE[model.verdict], `${VERDICT_MARK[model.verdict]} ${model.verdict}`);
    lines.push(`${verdict}  ${paint('bold', printable(modelTitle(model)))}  ${paint('dim', `(${counts(model)})`)}`);
    for (const result of ordered(model.results)) {
      lines.push(`    ${paint(STATUS_STYLE[result.status], result.status.toUpperCase().padEnd(6))} ${printable(result.rule)}: ${printable(result.message)}`);
      if (result.location) lines.push(`           ${paint('dim', printable(formatLocation(result.location)))}`);
    }
  }
  if (decision.notices.length > 0) {
    lines.push('', ...decision.notices.map((notice) => `${paint('yellow', 'notice')} ${notice}`));
  }
  lines.push('', paint(VERDICT_STYLE[decision.verdict], summaryLine(decision)));
  return `${lines.join('\n')}\n`;
}

const MARKDOWN_MARK: Record<ResultStatus, string> = { error: '⛔ error', fail: '❌ fail', warn: '⚠️ warn', waived: '🔕 waived', pass: '✅ pass', skipped: '➖ skipped' };

/** Markdown for PR comments and job summaries: a table of models, then what needs attention per model. */
export function renderMarkdown(decision: Decision): string {
  const escape = escapeTableCell;
  const lines = [
    `## modelgate: ${decision.verdict.toUpperCase()}`,
    '',
    `Policy \`${decision.policy.name}\` ${decision.policy.version} (\`${decision.policy.digest}\`)`,
    '',
    '| model | version | verdict | results |',
    '|---|---|---|---|',
    ...decision.models.map((model) => `| ${escape(model.name)} | ${escape(model.version ?? '—')} | ${model.verdict} | ${counts(model)} |`),
  ];
  for (const model of decision.models) {
    const findings = ordered(model.results);
    if (findings.length === 0) continue;
    lines.push('', `### ${escape(modelTitle(model))}`, '', '| status | rule | message | location | controls |', '|---|---|---|---|---|');
    for (const result of findings) {
      const location = result.location ? `\`${escape(formatLocation(result.location))}\`` : '';
      lines.push(`| ${MARKDOWN_MARK[result.status]} | \`${result.rule}\` | ${escape(result.message)} | ${location} | ${escape(result.controls.join(', '))} |`);
    }
  }
  if (decision.notices.length > 0) lines.push('', ...decision.notices.map((notice) => `> ⚠️ ${escape(notice)}`));
  lines.push('', summaryLine(decision));
  const coverage = coverageLine(decision);
  if (coverage) lines.push('', escape(coverage));
  return `${lines.join('\n')}\n`;
}
