import type { SourceLocation } from '../document/location.js';
import type { Decision, ModelDecision, RuleResult, Verdict } from '../engine/decision.js';

/** When a verdict ends the run as failed: `error` blocks on `fail`, `warn` on `warn` too, `never` reports only. */
export type FailOn = 'error' | 'warn' | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warn', 'never'];

export function verdictBlocks(verdict: Verdict, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return verdict === 'fail' || (failOn === 'warn' && verdict === 'warn');
}

/** One result that needs a reader's attention, with the model it belongs to. */
export interface Finding {
  model: ModelDecision;
  result: RuleResult;
}

/** Results a reader must act on: `error` and `fail` first, then `warn`, then `waived`. */
const ORDER = ['error', 'fail', 'warn', 'waived'] as const;

export function findingsOf(decision: Decision, statuses: readonly RuleResult['status'][] = ORDER): Finding[] {
  const findings: Finding[] = [];
  for (const status of ORDER) {
    if (!statuses.includes(status)) continue;
    for (const model of decision.models) {
      for (const result of model.results) if (result.status === status) findings.push({ model, result });
    }
  }
  return findings;
}

/**
 * Whether a location names a file of the repository, so GitHub can show it: shipped packs
 * (`pack:starter`) and release assets (`release:tag/file`) are not repository files.
 */
export function isRepositoryPath(location: SourceLocation | undefined): location is SourceLocation {
  if (!location || location.path === '') return false;
  return !/^[a-z][a-z0-9-]*:/i.test(location.path) && !location.path.startsWith('/') && !location.path.split('/').includes('..');
}

/** Models that block, and the ids of the rules that failed or could not be evaluated, for the Action's outputs. */
export function blockedModels(decision: Decision): string[] {
  return decision.models.filter((model) => model.verdict === 'fail').map((model) => model.name);
}

export function failedRules(decision: Decision): string[] {
  const rules = new Set<string>();
  for (const model of decision.models) {
    for (const result of model.results) if (result.status === 'fail' || result.status === 'error') rules.add(result.rule);
  }
  return [...rules].sort();
}

/** Cuts text to at most `max` characters, saying so at the end. */
export function truncate(text: string, max: number, note = '\n\n… (truncated)'): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}

/**
 * Text from artefacts (a pull request's files) in a Markdown table cell: one line, no table
 * breaks, no HTML and no @mentions, so a PR cannot ping people or inject markup through the
 * gate's own comment.
 */
export function escapeTableCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    // Backslashes first: an artefact's own `\|` must not become an escaped backslash and a cell break.
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '&#64;');
}

/** Text for Markdown that GitHub renders: no HTML tags. */
export function escapeMarkdown(text: string): string {
  return text.replace(/</g, '&lt;');
}
