import { formatLocation } from '../document/location.js';
import type { Decision, Verdict } from '../engine/decision.js';
import { escapeTableCell, findingsOf, isRepositoryPath, truncate, verdictBlocks, type FailOn } from './findings.js';

/** An annotation as the Checks API takes it (`output.annotations[]`). */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
  raw_details?: string;
}

export type CheckConclusion = 'success' | 'neutral' | 'failure';

/** The Checks API takes at most 50 annotations per request; more are added by updating the run. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text` each hold at most 65,535 characters. */
export const CHECK_OUTPUT_LIMIT = 65_535;

/**
 * One annotation per failing, erroring or warning result that points at a repository file.
 * Results without a line are annotated on line 1, so they still show on the file; results
 * about the same place with the same message (e.g. a policy change, reported for every
 * model) are annotated once.
 */
export function renderAnnotations(decision: Decision): CheckAnnotation[] {
  const annotations: CheckAnnotation[] = [];
  const seen = new Set<string>();
  for (const { model, result } of findingsOf(decision, ['error', 'fail', 'warn'])) {
    if (!isRepositoryPath(result.location)) continue;
    const { path, line, column } = result.location;
    const key = `${path}\u0000${line ?? 1}\u0000${result.rule}\u0000${result.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const annotation: CheckAnnotation = {
      path,
      start_line: line ?? 1,
      end_line: line ?? 1,
      annotation_level: result.status === 'warn' ? 'warning' : 'failure',
      title: `${result.rule} (${model.name})`,
      message: truncate(result.message, 64_000),
    };
    // The Checks API accepts columns only on single-line annotations.
    if (line !== undefined && column !== undefined) {
      annotation.start_column = column;
      annotation.end_column = column;
    }
    if (result.controls.length > 0) annotation.raw_details = `controls: ${result.controls.join(', ')}`;
    annotations.push(annotation);
  }
  return annotations;
}

export function batchAnnotations<T>(annotations: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < annotations.length; start += size) batches.push(annotations.slice(start, start + size));
  return batches;
}

export function checkConclusion(verdict: Verdict, failOn: FailOn): CheckConclusion {
  if (verdictBlocks(verdict, failOn)) return 'failure';
  return verdict === 'pass' ? 'success' : 'neutral';
}

export interface CheckOutputOptions {
  failOn: FailOn;
  /** Lines shown above the table, e.g. which commit the policy was read from. */
  notes?: readonly string[];
  /** Where the full report is (the run's job summary), linked when the output is cut. */
  detailsUrl?: string;
  /** Why the run fails whatever the verdict (e.g. the decision could not be recorded in the audit trail): it leads the title and the summary. */
  failure?: string;
}

/** The check run's `output`: a title, a summary with the table of models, and the findings as text. */
export function renderCheckOutput(decision: Decision, options: CheckOutputOptions): { title: string; summary: string; text: string } {
  const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
  const total = decision.models.length;
  const relaxed = decision.verdict !== 'pass' && !verdictBlocks(decision.verdict, options.failOn);
  const verdictTitle =
    total === 0
      ? 'No model to check'
      : `${decision.verdict.toUpperCase()}: ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked${relaxed ? ` (does not fail the run: fail-on ${options.failOn})` : ''}`;
  const title = options.failure ? `FAILED: ${options.failure}` : verdictTitle;
  const summaryLines = [
    ...(options.failure ? [`**The run fails:** ${escapeTableCell(options.failure)} (the verdict was ${decision.verdict})`, ''] : []),
    `Policy \`${decision.policy.name}\` ${decision.policy.version} (\`${decision.policy.digest}\`)`,
    ...(options.notes ?? []).map((note) => `> ${note}`),
    '',
  ];
  if (total > 0) {
    summaryLines.push('| model | version | verdict |', '|---|---|---|');
    for (const model of decision.models) summaryLines.push(`| ${escapeTableCell(model.name)} | ${escapeTableCell(model.version ?? '—')} | ${model.verdict} |`);
  }
  for (const notice of decision.notices) summaryLines.push('', `> ⚠️ ${escapeTableCell(notice)}`);
  const more = options.detailsUrl ? `\n\n… (cut: the full report is in the [job summary](${options.detailsUrl}))` : '\n\n… (cut)';
  const text = findingsOf(decision)
    .map(({ model, result }) => {
      const where = result.location ? ` — \`${formatLocation(result.location)}\`` : '';
      return `- **${result.status}** \`${result.rule}\` (${model.name}): ${result.message}${where}`;
    })
    .join('\n');
  return {
    title: truncate(title, 255, '…'),
    summary: truncate(summaryLines.join('\n'), CHECK_OUTPUT_LIMIT, more),
    text: truncate(text || 'Nothing needs attention.', CHECK_OUTPUT_LIMIT, more),
  };
}
