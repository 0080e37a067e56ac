import { formatLocation } from '../document/location.js';
import type { Decision, ResultStatus, Verdict } from '../engine/decision.js';
import { coverageLine } from './controls.js';
import { escapeTableCell, findingsOf, truncate, verdictBlocks, type FailOn } from './findings.js';

/**
 * The hidden first line of the sticky pull-request comment. It finds the comment again on the
 * next run (so it is updated, never duplicated) and carries the verdict it showed, so a later
 * passing run can say that the earlier failure is resolved.
 */
export const COMMENT_MARKER = '<!-- modelgate:sticky-comment';

/** GitHub refuses comment bodies longer than 65,536 characters. */
export const COMMENT_LIMIT = 65_536;

export interface CommentState {
  verdict: Verdict;
  decisionId?: string;
}

export function isStickyComment(body: string | null | undefined): boolean {
  return typeof body === 'string' && body.startsWith(COMMENT_MARKER);
}

/** The state a sticky comment recorded, or undefined when the body is not one (or its state is unreadable). */
export function parseCommentState(body: string | null | undefined): CommentState | undefined {
  if (!isStickyComment(body)) return undefined;
  const firstLine = body!.split('\n', 1)[0]!;
  const json = firstLine.slice(COMMENT_MARKER.length, firstLine.lastIndexOf('-->')).trim();
  try {
    const state = JSON.parse(json) as Partial<CommentState>;
    if (state.verdict === 'pass' || state.verdict === 'warn' || state.verdict === 'fail') return { verdict: state.verdict, ...(state.decisionId && { decisionId: state.decisionId }) };
  } catch {
    // An unreadable state only loses the "resolved" line; the comment is still ours to update.
  }
  return undefined;
}

export interface CommentOptions {
  failOn: FailOn;
  decisionId: string;
  /** The run's page, where the job summary holds the full report. */
  runUrl?: string;
  /** What the comment showed before this run, if there was one. */
  previous?: CommentState;
  notes?: readonly string[];
  /** What a pull request that edits the policy changes in it (base → head), in words. */
  policyDiff?: PolicyDiffReport;
  /** For tests: a smaller limit than GitHub's. */
  limit?: number;
}

export interface PolicyHeader {
  name: string;
  version: string;
  /** Where it was read, e.g. `the base commit f95f852bd8fc`. */
  origin: string;
  /** The policy digest, for the audit trail's record of the change. */
  digest?: string;
}

/**
 * `policy diff` of the base and head policies of a pull request (the changes from
 * `diffPolicies`), or why the head's policy could not be read.
 */
export type PolicyDiffReport = { from: PolicyHeader; to: PolicyHeader; changes: readonly string[] } | { from: PolicyHeader; unreadable: string };

/** The most changes listed; a policy rewritten wholesale is better read with `modelgate policy diff`. */
export const MAX_LISTED_CHANGES = 50;

const MARK: Record<Verdict, string> = { pass: '✅', warn: '⚠️', fail: '❌' };
const STATUS_MARK: Record<ResultStatus, string> = { error: '⛔ error', fail: '❌ fail', warn: '⚠️ warn', waived: '🔕 waived', pass: '✅ pass', skipped: '➖ skipped' };

/**
 * The sticky comment: a headline, a compact table of models, and the findings of each model
 * in a collapsed section. When that would pass GitHub's limit, a summary with the table only
 * and a link to the job summary; the table itself is cut as a last resort.
 */
export function renderStickyComment(decision: Decision, options: CommentOptions): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  const state: CommentState = { verdict: decision.verdict, decisionId: options.decisionId };
  const marker = `${COMMENT_MARKER} ${JSON.stringify(state)} -->`;
  const head = headline(decision, options);
  const table = modelTable(decision);
  const details = decision.models
    .map((model) => {
      const findings = findingsOf({ ...decision, models: [model] });
      if (findings.length === 0) return '';
      const rows = findings.map(({ result }) => {
        const location = result.location ? `\`${escapeTableCell(formatLocation(result.location))}\`` : '';
        return `| ${STATUS_MARK[result.status]} | \`${result.rule}\` | ${escapeTableCell(result.message)} | ${location} |`;
      });
      return [
        `<details><summary><b>${escapeHtml(model.name)}</b>: ${findings.length} finding${findings.length === 1 ? '' : 's'}</summary>`,
        '',
        '| status | rule | message | location |',
        '|---|---|---|---|',
        ...rows,
        '',
        '</details>',
      ].join('\n');
    })
    .filter(Boolean);
  const notices = decision.notices.map((notice) => `> ⚠️ ${escapeTableCell(notice)}`);
  const coverage = coverageLine(decision);
  const footer = `<sub>modelgate · policy \`${decision.policy.name}\` ${decision.policy.version} · decision \`${options.decisionId}\`${options.runUrl ? ` · [run](${options.runUrl})` : ''}</sub>`;

  const coverageLines = coverage ? [escapeTableCell(coverage), ''] : [];
  const diffLines = options.policyDiff ? [renderPolicyDiff(options.policyDiff), ''] : [];
  const full = [marker, head, '', table, '', ...diffLines, ...coverageLines, ...details.flatMap((section) => [section, '']), ...notices, ...(notices.length ? [''] : []), footer].join('\n');
  if (full.length <= limit) return full;
  const link = options.runUrl ? `see the [job summary](${options.runUrl})` : 'see the job summary of this run';
  const short = [marker, head, '', table, '', ...diffLines, `The findings are too many for a comment: ${link}.`, '', footer].join('\n');
  if (short.length <= limit) return short;
  const bare = [marker, head, '', `The report is too long for a comment: ${link}.`, '', footer].join('\n');
  return truncate(bare, limit);
}

function headline(decision: Decision, options: CommentOptions): string {
  const total = decision.models.length;
  const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
  const lines: string[] = [];
  const title =
    total === 0
      ? 'no model to check'
      : `${decision.verdict.toUpperCase()} — ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked`;
  lines.push(`## ${MARK[decision.verdict]} modelgate: ${title}`);
  if (decision.verdict !== 'pass' && !verdictBlocks(decision.verdict, options.failOn)) {
    lines.push('', `This does not fail the check (\`fail-on: ${options.failOn}\`).`);
  }
  if (options.previous && options.previous.verdict !== 'pass' && decision.verdict === 'pass') {
    lines.push('', `✅ **Resolved:** an earlier run of modelgate found this pull request ${options.previous.verdict === 'fail' ? 'blocked' : 'with warnings'}; this run passes.`);
  }
  for (const note of options.notes ?? []) lines.push('', `> ${note}`);
  return lines.join('\n');
}

function modelTable(decision: Decision): string {
  if (decision.models.length === 0) return 'No model of this pull request needed checking.';
  const rows = decision.models.map((model) => {
    const findings = model.results.filter((result) => result.status === 'fail' || result.status === 'error' || result.status === 'warn').length;
    return `| ${escapeTableCell(model.name)} | ${escapeTableCell(model.version ?? '—')} | ${MARK[model.verdict]} ${model.verdict} | ${findings} |`;
  });
  return ['| model | version | verdict | findings |', '|---|---|---|---|', ...rows].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `policy diff` in Markdown, for the sticky comment and the job summary: which rules,
 * thresholds, control mappings and waivers the pull request changes. Every line is escaped:
 * the head's policy is the pull request's text.
 */
export function renderPolicyDiff(report: PolicyDiffReport): string {
  const header = (policy: PolicyHeader) => `${escapeTableCell(policy.name)} ${escapeTableCell(policy.version)} (${escapeTableCell(policy.origin)})`;
  const lines = ['### Policy diff', ''];
  if ('unreadable' in report) {
    lines.push(`The policy of this pull request cannot be compared with ${header(report.from)}: ${escapeTableCell(report.unreadable)}`);
    return lines.join('\n');
  }
  const count = report.changes.length;
  lines.push(`${header(report.from)} → ${header(report.to)}: ${count === 0 ? 'no change to rules or waivers' : `${count} change${count === 1 ? '' : 's'}`}`);
  if (count > 0) {
    lines.push('', ...report.changes.slice(0, MAX_LISTED_CHANGES).map((change) => `- ${escapeTableCell(change)}`));
    if (count > MAX_LISTED_CHANGES) lines.push(`- … and ${count - MAX_LISTED_CHANGES} more: run \`modelgate policy diff\` on the two versions`);
  }
  return lines.join('\n');
}
