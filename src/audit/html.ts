import { createHash } from 'node:crypto';
import { VERSION } from '../version.js';
import { AUDIT_HTML_CLIENT_SCRIPT, AUDIT_HTML_STYLE } from './html-assets.js';
import type { AuditRecord, ObservedMetric } from './record.js';
import { describeEnforcement } from './render.js';
import { describeBroken, formatAnchor, type ChainVerification } from './verify.js';

/**
 * The audit trail as one self-contained HTML file: the decision history with filters,
 * per-model timelines of verdicts and metrics, who approved each promotion, and whether the
 * chain verified. Pure: records and the chart library's source text in, HTML text out.
 *
 * Records carry text from pull requests and model cards, so nothing from a record reaches
 * the page except as escaped text: markup through `escapeHtml`, data for the charts and
 * filters as JSON inside a non-executable script element with `<` escaped. A Content
 * Security Policy allows exactly the two inline scripts and the one stylesheet (by hash) and
 * no network loads at all.
 */

/** A charting library inlined into the report, with the licence its terms ask to keep with it. */
export interface ChartLibrary {
  name: string;
  version: string;
  license: string;
  /** The library's browser build (defines `window.Chart`). */
  source: string;
}

export interface AuditReportInput {
  /** The records to show, in chain order (the selection `selection` describes). */
  records: readonly AuditRecord[];
  /** The verification of the whole chain, done before rendering. */
  verification: ChainVerification;
  /** Where the records are kept, as shown to people (never with a password). */
  store: string;
  generatedAt: Date;
  /** How the records were selected, as given on the command line (e.g. `--model fraud-scorer`); empty for all. */
  selection: readonly string[];
  chartLibrary: ChartLibrary;
}

export const METRIC_KINDS = ['bias', 'drift', 'evaluation'] as const satisfies readonly ObservedMetric['kind'][];
type MetricKind = (typeof METRIC_KINDS)[number];

/** Series beyond this many per chart are left out (and counted), so a chart stays readable. */
export const MAX_SERIES_PER_CHART = 12;

/** One metric of one kind across a model's decisions; null where a decision did not observe it. */
export interface MetricSeries {
  label: string;
  min: (number | null)[];
  max: (number | null)[];
  /** Some decision saw different values across groups: the chart shows the min-max band, not one line. */
  ranged: boolean;
}

export interface ModelTimeline {
  model: string;
  /** The model's decisions in chain order. */
  decisions: { seq: number; time: string; version: string | null; verdict: 'pass' | 'warn' | 'fail'; label: string }[];
  metrics: Record<MetricKind, { series: MetricSeries[]; omitted: number }>;
}

/** What the page's script reads: the filter fields of each table row and the chart data. */
interface ReportData {
  rows: { seq: number; time: string; kind: string; model: string | null; verdict: string | null; approvers: string[] }[];
  timelines: ModelTimeline[];
}

export function renderAuditHtml(input: AuditReportInput): string {
  const library = input.chartLibrary.source;
  // Inside a script element, "</script" or "<!--" would end or derail it: such a build cannot be inlined safely.
  if (/<\/script|<!--/i.test(library)) throw new Error(`the ${input.chartLibrary.name} build contains "</script" or "<!--" and cannot be inlined into a report`);
  const libraryScript = `/*! ${input.chartLibrary.name} ${input.chartLibrary.version}\n${input.chartLibrary.license.replace(/\*\//g, '* /')}\n*/\n${library}`;
  const timelines = buildTimelines(input.records);
  const data: ReportData = {
    rows: input.records.map((record) => ({
      seq: record.seq,
      time: record.time,
      kind: record.kind,
      model: record.subject?.model ?? null,
      verdict: record.verdict,
      approvers: approvedBy(record).map((approval) => approval.user.toLowerCase()),
    })),
    timelines,
  };
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(libraryScript)} ${cspHash(AUDIT_HTML_CLIENT_SCRIPT)}`,
    `style-src ${cspHash(AUDIT_HTML_STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="modelgate ${escapeHtml(VERSION)}">
<title>Audit trail: ${escapeHtml(input.store)}</title>
<style>${AUDIT_HTML_STYLE}</style>
</head>
<body>
<header>
<h1>Audit trail</h1>
<p class="meta">Store <code>${escapeHtml(input.store)}</code> · generated ${escapeHtml(input.generatedAt.toISOString())} by modelgate ${escapeHtml(VERSION)}</p>
${renderSelection(input)}
</header>
<noscript><p class="note">The charts and filters need JavaScript; the tables are complete without it.</p></noscript>
${renderChainStatus(input.verification, input.store)}
${renderSummary(input.records)}
${renderHistory(input.records)}
${renderModels(input.records, timelines)}
<footer><p class="meta">Charts drawn with ${escapeHtml(input.chartLibrary.name)} ${escapeHtml(input.chartLibrary.version)}, included in this file under its licence.</p></footer>
<script type="application/json" id="report-data">${jsonForHtml(data)}</script>
<script>${libraryScript}</script>
<script>${AUDIT_HTML_CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

/** Per model (sorted by name), its decisions and metric series, in chain order. */
export function buildTimelines(records: readonly AuditRecord[]): ModelTimeline[] {
  const byModel = new Map<string, Extract<AuditRecord, { kind: 'decision' }>[]>();
  for (const record of records) {
    if (record.kind !== 'decision') continue;
    const list = byModel.get(record.subject.model) ?? [];
    list.push(record);
    byModel.set(record.subject.model, list);
  }
  return [...byModel.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([model, decisions]) => ({
      model,
      decisions: decisions.map((record) => ({
        seq: record.seq,
        time: record.time,
        version: record.subject.version,
        verdict: record.verdict,
        label: `${record.subject.version ?? 'no version'} #${record.seq}`,
      })),
      metrics: Object.fromEntries(METRIC_KINDS.map((kind) => [kind, metricSeries(decisions, kind)])) as ModelTimeline['metrics'],
    }));
}

function metricSeries(decisions: readonly Extract<AuditRecord, { kind: 'decision' }>[], kind: MetricKind): { series: MetricSeries[]; omitted: number } {
  const byKey = new Map<string, MetricSeries>();
  decisions.forEach((record, index) => {
    for (const metric of record.observations?.metrics ?? []) {
      if (metric.kind !== kind) continue;
      const key = JSON.stringify([metric.name, metric.attribute ?? null]);
      let series = byKey.get(key);
      if (!series) {
        series = {
          label: metric.attribute ? `${metric.name} (${metric.attribute})` : metric.name,
          min: decisions.map(() => null),
          max: decisions.map(() => null),
          ranged: false,
        };
        byKey.set(key, series);
      }
      series.min[index] = metric.min;
      series.max[index] = metric.max;
      if (metric.min !== metric.max) series.ranged = true;
    }
  });
  const all = [...byKey.values()];
  return { series: all.slice(0, MAX_SERIES_PER_CHART), omitted: Math.max(0, all.length - MAX_SERIES_PER_CHART) };
}

function renderSelection(input: AuditReportInput): string {
  if (input.selection.length === 0) {
    return `<p class="meta">${input.records.length === 0 ? 'No records to show.' : `All ${input.records.length} verified record${plural(input.records.length)} of the chain.`}</p>`;
  }
  return `<p class="meta">${input.records.length} record${plural(input.records.length)} selected with <code>${escapeHtml(input.selection.join(' '))}</code>.</p>`;
}

function renderChainStatus(verification: ChainVerification, store: string): string {
  if (verification.broken) {
    return `<section id="chain" class="status broken" role="alert">
<h2>Chain broken</h2>
<p>${escapeHtml(describeBroken(verification.broken))}</p>
<p>${verification.checked} record${plural(verification.checked)} before it verified in <code>${escapeHtml(store)}</code>. Records from the break on are not shown: they cannot be trusted.</p>
</section>`;
  }
  if (!verification.head) return `<section id="chain" class="status ok"><h2>Chain verified</h2><p>The store holds no records.</p></section>`;
  return `<section id="chain" class="status ok">
<h2>Chain verified</h2>
<p>${verification.checked} record${plural(verification.checked)}: every hash and link checked. Head <code>${escapeHtml(formatAnchor(verification.head))}</code>: keep it outside the store and verify later with <code>modelgate audit verify --anchor</code>.</p>
</section>`;
}

function renderSummary(records: readonly AuditRecord[]): string {
  const decisions = records.filter((record) => record.kind === 'decision');
  const count = (verdict: string) => decisions.filter((record) => record.verdict === verdict).length;
  const models = new Set(records.flatMap((record) => (record.subject ? [record.subject.model] : [])));
  const range = records.length > 0 ? `${records[0]!.time} to ${records.at(-1)!.time}` : 'none';
  return `<section id="summary">
<dl class="summary">
<div><dt>Records</dt><dd>${records.length}</dd></div>
<div><dt>Decisions</dt><dd>${decisions.length}: <span class="verdict pass">${count('pass')} pass</span> <span class="verdict warn">${count('warn')} warn</span> <span class="verdict fail">${count('fail')} fail</span></dd></div>
<div><dt>Models</dt><dd>${models.size}</dd></div>
<div><dt>Time</dt><dd>${escapeHtml(range)}</dd></div>
</dl>
</section>`;
}

function renderHistory(records: readonly AuditRecord[]): string {
  const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const models = distinct(records.flatMap((record) => (record.subject ? [record.subject.model] : [])));
  const kinds = distinct(records.map((record) => record.kind));
  // Logins compare case-insensitively; the first spelling seen is the one shown.
  const approvers = new Map<string, string>();
  for (const record of records) for (const approval of approvedBy(record)) if (!approvers.has(approval.user.toLowerCase())) approvers.set(approval.user.toLowerCase(), approval.user);
  const options = (values: [string, string][]) => values.map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`).join('');
  const select = (id: string, label: string, values: [string, string][]) =>
    `<label>${label} <select id="${id}"><option value="">all</option>${options(values)}</select></label>`;

  return `<section id="history">
<h2>Decision history</h2>
<form id="filters" class="filters">
${select('filter-model', 'Model', models.map((model) => [model, model]))}
${select('filter-verdict', 'Verdict', ['pass', 'warn', 'fail'].map((verdict) => [verdict, verdict]))}
${select('filter-kind', 'Kind', kinds.map((kind) => [kind, kind]))}
${select('filter-approver', 'Approved by', [...approvers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))}
<label>From (UTC) <input type="date" id="filter-since"></label>
<label>To (UTC, inclusive) <input type="date" id="filter-until"></label>
<button type="button" id="filter-reset">Show all</button>
<output id="filter-count" for="filter-model filter-verdict filter-kind filter-approver filter-since filter-until">${records.length} of ${records.length} records shown</output>
</form>
<div class="scroll">
<table id="history-table">
<thead><tr><th>#</th><th>Time (UTC)</th><th>Kind</th><th>Model</th><th>Version</th><th>Verdict</th><th>Policy</th><th>Trigger</th><th>Actor</th><th>Approvals</th><th>Findings</th></tr></thead>
<tbody>
${records.map(renderHistoryRow).join('\n')}
</tbody>
</table>
</div>
</section>`;
}

function renderHistoryRow(record: AuditRecord, index: number): string {
  const cells = [
    `<td class="num" title="${escapeHtml(`hash ${record.hash}`)}">${record.seq}</td>`,
    `<td class="time">${escapeHtml(record.time)}</td>`,
    `<td>${escapeHtml(record.kind)}</td>`,
    `<td>${escapeHtml(record.subject?.model ?? '')}</td>`,
    `<td>${escapeHtml(record.subject?.version ?? '')}</td>`,
    `<td>${record.verdict ? `<span class="verdict ${record.verdict}">${record.verdict}</span>` : ''}</td>`,
    `<td>${escapeHtml(`${record.policy.name} ${record.policy.version}`)}<br><code class="digest" title="${escapeHtml(record.policy.digest)}">${escapeHtml(shortDigest(record.policy.digest))}</code></td>`,
    `<td>${renderTrigger(record.trigger)}</td>`,
    `<td>${escapeHtml(record.actor)}</td>`,
    `<td class="approvals">${renderApprovals(record)}</td>`,
    `<td class="findings">${renderFindings(record)}</td>`,
  ];
  return `<tr data-row="${index}">${cells.join('')}</tr>`;
}

function renderTrigger(trigger: AuditRecord['trigger']): string {
  const label = escapeHtml([trigger.type, trigger.registry, trigger.event, trigger.ref].filter(Boolean).join(' '));
  const text = trigger.enforcement ? `${label}<br><span class="muted">${escapeHtml(describeEnforcement(trigger.enforcement))}</span>` : label;
  if (!trigger.url) return text;
  const href = safeLink(trigger.url);
  // A URL that is not http(s) (javascript:, data:) is shown, never linked.
  return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text || 'link'}</a>` : `${text}<br><span class="muted">${escapeHtml(trigger.url)}</span>`;
}

function renderApprovals(record: AuditRecord): string {
  if (record.approvals.length === 0) return '<span class="muted">none</span>';
  return `<ul>${record.approvals
    .map((approval) => {
      const details = [approval.teams.length > 0 ? approval.teams.join(', ') : '', approval.at ?? '', approval.source].filter(Boolean).join(' · ');
      const state = approval.state === 'approved' ? '' : ` <span class="state">${escapeHtml(approval.state.replace('_', ' '))}</span>`;
      return `<li class="${approval.state === 'approved' ? 'approver' : 'muted'}">${escapeHtml(approval.user)}${state}${details ? ` <span class="muted">(${escapeHtml(details)})</span>` : ''}</li>`;
    })
    .join('')}</ul>`;
}

function renderFindings(record: AuditRecord): string {
  const items = record.results
    .filter((result) => result.status !== 'pass' && result.status !== 'skipped')
    .map((result) => `<li><span class="status-${result.status}">${result.status}</span> <code>${escapeHtml(result.rule)}</code>: ${escapeHtml(result.message)}</li>`);
  if (record.kind === 'waiver') items.push(`<li>waiver of <code>${escapeHtml(record.waiver.rule)}</code> by ${escapeHtml(record.waiver.approver)} until ${escapeHtml(record.waiver.expires)}: ${escapeHtml(record.waiver.reason)}</li>`);
  if (record.kind === 'policy_change') {
    const before = record.change.previous ? `${record.change.previous.name} ${record.change.previous.version}` : 'none';
    items.push(`<li>policy changed from ${escapeHtml(before)}${record.change.paths.length > 0 ? ` (${escapeHtml(record.change.paths.join(', '))})` : ''}</li>`);
  }
  return items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
}

function renderModels(records: readonly AuditRecord[], timelines: readonly ModelTimeline[]): string {
  if (timelines.length === 0) return '<section id="models"><h2>Models</h2><p class="muted">No decisions to chart.</p></section>';
  return `<section id="models">
<h2>Models</h2>
${timelines.map((timeline, index) => renderModel(records, timeline, index)).join('\n')}
</section>`;
}

function renderModel(records: readonly AuditRecord[], timeline: ModelTimeline, index: number): string {
  const name = escapeHtml(timeline.model);
  const charts = [
    `<figure><figcaption>Verdicts by version</figcaption><div class="chart"><canvas id="chart-${index}-verdicts" role="img" aria-label="${escapeHtml(`Verdicts of ${timeline.model} by version`)}">${escapeHtml(timeline.decisions.map((decision) => `${decision.label}: ${decision.verdict}`).join('; '))}</canvas></div></figure>`,
  ];
  for (const kind of METRIC_KINDS) {
    const { series, omitted } = timeline.metrics[kind];
    if (series.length === 0) continue;
    const note = omitted > 0 ? `<p class="muted">${omitted} more ${kind} metric${plural(omitted)} not charted; the records hold them.</p>` : '';
    charts.push(
      `<figure><figcaption>${kind === 'evaluation' ? 'Evaluation' : kind === 'bias' ? 'Bias' : 'Drift'} metrics by version${series.some((s) => s.ranged) ? ' (band: lowest to highest over groups)' : ''}</figcaption><div class="chart"><canvas id="chart-${index}-${kind}" role="img" aria-label="${escapeHtml(`${kind} metrics of ${timeline.model} by version`)}"></canvas></div>${note}</figure>`,
    );
  }
  return `<article class="model" data-timeline="${index}">
<h3>${name}</h3>
<div class="charts">${charts.join('')}</div>
${renderPromotions(records, timeline.model)}
</article>`;
}

/** Decisions that let a version through (pass or warn) and approval records, with who approved. */
function renderPromotions(records: readonly AuditRecord[], model: string): string {
  const relevant = records.filter(
    (record) => record.subject?.model === model && ((record.kind === 'decision' && record.verdict !== 'fail') || record.kind === 'approval'),
  );
  if (relevant.length === 0) return '<p class="muted">No version of this model was let through.</p>';
  const rows = relevant.map((record) => {
    const approvers = approvedBy(record);
    const who =
      approvers.length > 0
        ? `<ul>${approvers.map((approval) => `<li class="approver">${escapeHtml(approval.user)}${approval.teams.length > 0 ? ` <span class="muted">(${escapeHtml(approval.teams.join(', '))})</span>` : ''}${approval.at ? ` <span class="muted">${escapeHtml(approval.at)}</span>` : ''}</li>`).join('')}</ul>`
        : '<span class="unapproved">no approval recorded</span>';
    const what = record.kind === 'decision' ? `<span class="verdict ${record.verdict}">${record.verdict}</span>` : 'approval';
    return `<tr><td>${escapeHtml(record.subject?.version ?? '')}</td><td class="num">${record.seq}</td><td class="time">${escapeHtml(record.time)}</td><td>${what}</td><td>${who}</td></tr>`;
  });
  return `<table class="promotions">
<caption>Promotions and who approved them</caption>
<thead><tr><th>Version</th><th>#</th><th>Time (UTC)</th><th>Outcome</th><th>Approved by</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function approvedBy(record: AuditRecord): AuditRecord['approvals'] {
  return record.approvals.filter((approval) => approval.state === 'approved');
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

/**
 * JSON for a `<script type="application/json">` element. Escaping `<` keeps any `</script>`
 * or `<!--` in the data from ending the element; `>` and `&` are escaped for good measure,
 * and U+2028/U+2029 so the text is also valid inside JavaScript source.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An http(s) URL as a link target, or undefined for anything else (javascript:, data:, relative). */
export function safeLink(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A CSP source expression allowing exactly this inline script or style. */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
  return `${algorithm ? `${algorithm}:` : ''}${(hex ?? '').slice(0, 12)}`;
}

function plural(count: number): string {
  return count === 1 ? '' : 's';
}
