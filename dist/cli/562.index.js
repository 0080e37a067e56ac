export const id = 562;
export const ids = [562];
export const modules = {

/***/ 70562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_SERIES_PER_CHART: () => (/* binding */ MAX_SERIES_PER_CHART),
  METRIC_KINDS: () => (/* binding */ METRIC_KINDS),
  buildTimelines: () => (/* binding */ buildTimelines),
  escapeHtml: () => (/* binding */ escapeHtml),
  jsonForHtml: () => (/* binding */ jsonForHtml),
  renderAuditHtml: () => (/* binding */ renderAuditHtml),
  safeLink: () => (/* binding */ safeLink)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(71013);
;// CONCATENATED MODULE: ./src/audit/html-assets.ts
/**
 * The stylesheet and the script of the HTML audit report, inlined into every report. The
 * script runs in the reader's browser: plain ES2017, no modules, no network. It reads the
 * report's data from the `report-data` JSON element, never from markup, and writes only
 * text (`textContent`, `value`) and the `hidden` flag, so record text can never become markup.
 */
const AUDIT_HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-alt: #f6f8fa; --pass: #1a7f37; --warn: #9a6700; --fail: #cf222e; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.meta, .muted { color: var(--muted); }
.note { padding: .5rem .75rem; background: var(--bg-alt); border: 1px solid var(--line); border-radius: 6px; }
.status { padding: .25rem 1rem; border-radius: 6px; border: 1px solid; margin: 1rem 0; }
.status h2 { border: 0; margin: .5rem 0 .25rem; }
.status.ok { border-color: var(--pass); background: #dafbe1; }
.status.broken { border-color: var(--fail); background: #ffebe9; }
.summary { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 0; }
.summary div { min-width: 8rem; }
.summary dt { color: var(--muted); font-size: 12px; }
.summary dd { margin: 0; font-size: 1.05rem; }
.verdict { font-weight: 600; }
.verdict.pass, .status-pass { color: var(--pass); }
.verdict.warn, .status-warn, .status-waived { color: var(--warn); }
.verdict.fail, .status-fail, .status-error { color: var(--fail); }
.unapproved { color: var(--warn); font-weight: 600; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: .5rem 0 1rem; }
.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
.filters select, .filters input, .filters button { font: inherit; color: var(--fg); padding: .2rem .35rem; }
.filters output { font-weight: 600; padding-bottom: .3rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--bg-alt); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
td ul { margin: 0; padding-left: 1rem; }
td.findings { min-width: 18rem; overflow-wrap: anywhere; }
td.approvals { min-width: 14rem; }
code.digest { white-space: nowrap; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(380px, 1fr)); gap: 1rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
.chart { position: relative; height: 260px; }
table.promotions { margin-top: .75rem; max-width: 60rem; }
@media print { .filters { display: none; } .chart { break-inside: avoid; } }
`;
const AUDIT_HTML_CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var byId = function (id) { return document.getElementById(id); };
  var DAY = 24 * 60 * 60 * 1000;

  var form = byId('filters');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#history-table tbody tr'));
  var models = Array.prototype.slice.call(document.querySelectorAll('article.model'));
  function applyFilters() {
    var model = byId('filter-model').value;
    var verdict = byId('filter-verdict').value;
    var kind = byId('filter-kind').value;
    var approver = byId('filter-approver').value;
    var since = byId('filter-since').value;
    var until = byId('filter-until').value;
    var from = since ? Date.parse(since + 'T00:00:00Z') : -Infinity;
    var to = until ? Date.parse(until + 'T00:00:00Z') + DAY : Infinity;
    var shown = 0;
    rows.forEach(function (row) {
      var record = data.rows[Number(row.getAttribute('data-row'))];
      var time = Date.parse(record.time);
      var keep = (!model || record.model === model) &&
        (!verdict || record.verdict === verdict) &&
        (!kind || record.kind === kind) &&
        (!approver || record.approvers.indexOf(approver) !== -1) &&
        time >= from && time < to;
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    byId('filter-count').value = shown + ' of ' + rows.length + ' records shown';
    models.forEach(function (article) {
      article.hidden = model !== '' && data.timelines[Number(article.getAttribute('data-timeline'))].model !== model;
    });
  }
  form.addEventListener('input', applyFilters);
  form.addEventListener('change', applyFilters);
  // form.reset() has cleared the fields when it returns (its reset event comes before that).
  byId('filter-reset').addEventListener('click', function () { form.reset(); applyFilters(); });
  form.addEventListener('submit', function (event) { event.preventDefault(); });

  if (typeof Chart === 'undefined') return;
  var VERDICT_COLORS = { pass: '#1a7f37', warn: '#9a6700', fail: '#cf222e' };
  var PALETTE = ['#0969da', '#8250df', '#bf3989', '#1b7c83', '#953800', '#6e7781', '#1a7f37', '#cf222e', '#0550ae', '#9a6700', '#622cbc', '#116329'];
  function options(titles, extra) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: extra.scales || {},
      plugins: {
        legend: extra.legend,
        tooltip: { callbacks: { title: function (items) { return items.length ? titles[items[0].dataIndex] : ''; } } }
      }
    };
  }
  data.timelines.forEach(function (timeline, index) {
    var labels = timeline.decisions.map(function (decision) { return decision.label; });
    var titles = timeline.decisions.map(function (decision) { return decision.label + ' at ' + decision.time; });
    var colors = timeline.decisions.map(function (decision) { return VERDICT_COLORS[decision.verdict]; });
    new Chart(byId('chart-' + index + '-verdicts'), {
      type: 'line',
      data: { labels: labels, datasets: [{
        label: 'verdict',
        data: timeline.decisions.map(function (decision) { return decision.verdict; }),
        stepped: true, borderColor: '#8c959f', pointRadius: 5, pointHoverRadius: 7,
        pointBackgroundColor: colors, pointBorderColor: colors
      }] },
      options: options(titles, { legend: { display: false }, scales: { y: { type: 'category', labels: ['pass', 'warn', 'fail'], offset: true } } })
    });
    ['bias', 'drift', 'evaluation'].forEach(function (kind) {
      var canvas = byId('chart-' + index + '-' + kind);
      if (!canvas) return;
      var datasets = [];
      timeline.metrics[kind].series.forEach(function (series, n) {
        var color = PALETTE[n % PALETTE.length];
        if (series.ranged) {
          datasets.push({ label: series.label + ' lowest', data: series.min, borderColor: color, backgroundColor: color + '26', pointRadius: 3 });
          datasets.push({ label: series.label + ' highest', data: series.max, borderColor: color, backgroundColor: color + '26', borderDash: [5, 3], pointRadius: 3, fill: '-1' });
        } else {
          datasets.push({ label: series.label, data: series.min, borderColor: color, backgroundColor: color, pointRadius: 3 });
        }
      });
      new Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets }, options: options(titles, { legend: { position: 'bottom' } }) });
    });
  });
})();
`;

// EXTERNAL MODULE: ./src/audit/render.ts
var render = __webpack_require__(66339);
// EXTERNAL MODULE: ./src/audit/verify.ts + 1 modules
var verify = __webpack_require__(81234);
;// CONCATENATED MODULE: ./src/audit/html.ts





const METRIC_KINDS = ['bias', 'drift', 'evaluation'];
/** Series beyond this many per chart are left out (and counted), so a chart stays readable. */
const MAX_SERIES_PER_CHART = 12;
function renderAuditHtml(input) {
    const library = input.chartLibrary.source;
    // Inside a script element, "</script" or "<!--" would end or derail it: such a build cannot be inlined safely.
    if (/<\/script|<!--/i.test(library))
        throw new Error(`the ${input.chartLibrary.name} build contains "</script" or "<!--" and cannot be inlined into a report`);
    const libraryScript = `/*! ${input.chartLibrary.name} ${input.chartLibrary.version}\n${input.chartLibrary.license.replace(/\*\//g, '* /')}\n*/\n${library}`;
    const timelines = buildTimelines(input.records);
    const data = {
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
<meta name="generator" content="modelgate ${escapeHtml(version/* VERSION */.x)}">
<title>Audit trail: ${escapeHtml(input.store)}</title>
<style>${AUDIT_HTML_STYLE}</style>
</head>
<body>
<header>
<h1>Audit trail</h1>
<p class="meta">Store <code>${escapeHtml(input.store)}</code> · generated ${escapeHtml(input.generatedAt.toISOString())} by modelgate ${escapeHtml(version/* VERSION */.x)}</p>
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
function buildTimelines(records) {
    const byModel = new Map();
    for (const record of records) {
        if (record.kind !== 'decision')
            continue;
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
        metrics: Object.fromEntries(METRIC_KINDS.map((kind) => [kind, metricSeries(decisions, kind)])),
    }));
}
function metricSeries(decisions, kind) {
    const byKey = new Map();
    decisions.forEach((record, index) => {
        for (const metric of record.observations?.metrics ?? []) {
            if (metric.kind !== kind)
                continue;
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
            if (metric.min !== metric.max)
                series.ranged = true;
        }
    });
    const all = [...byKey.values()];
    return { series: all.slice(0, MAX_SERIES_PER_CHART), omitted: Math.max(0, all.length - MAX_SERIES_PER_CHART) };
}
function renderSelection(input) {
    if (input.selection.length === 0) {
        return `<p class="meta">${input.records.length === 0 ? 'No records to show.' : `All ${input.records.length} verified record${plural(input.records.length)} of the chain.`}</p>`;
    }
    return `<p class="meta">${input.records.length} record${plural(input.records.length)} selected with <code>${escapeHtml(input.selection.join(' '))}</code>.</p>`;
}
function renderChainStatus(verification, store) {
    if (verification.broken) {
        return `<section id="chain" class="status broken" role="alert">
<h2>Chain broken</h2>
<p>${escapeHtml((0,verify/* describeBroken */.lk)(verification.broken))}</p>
<p>${verification.checked} record${plural(verification.checked)} before it verified in <code>${escapeHtml(store)}</code>. Records from the break on are not shown: they cannot be trusted.</p>
</section>`;
    }
    if (!verification.head)
        return `<section id="chain" class="status ok"><h2>Chain verified</h2><p>The store holds no records.</p></section>`;
    return `<section id="chain" class="status ok">
<h2>Chain verified</h2>
<p>${verification.checked} record${plural(verification.checked)}: every hash and link checked. Head <code>${escapeHtml((0,verify/* formatAnchor */.zG)(verification.head))}</code>: keep it outside the store and verify later with <code>modelgate audit verify --anchor</code>.</p>
</section>`;
}
function renderSummary(records) {
    const decisions = records.filter((record) => record.kind === 'decision');
    const count = (verdict) => decisions.filter((record) => record.verdict === verdict).length;
    const models = new Set(records.flatMap((record) => (record.subject ? [record.subject.model] : [])));
    const range = records.length > 0 ? `${records[0].time} to ${records.at(-1).time}` : 'none';
    return `<section id="summary">
<dl class="summary">
<div><dt>Records</dt><dd>${records.length}</dd></div>
<div><dt>Decisions</dt><dd>${decisions.length}: <span class="verdict pass">${count('pass')} pass</span> <span class="verdict warn">${count('warn')} warn</span> <span class="verdict fail">${count('fail')} fail</span></dd></div>
<div><dt>Models</dt><dd>${models.size}</dd></div>
<div><dt>Time</dt><dd>${escapeHtml(range)}</dd></div>
</dl>
</section>`;
}
function renderHistory(records) {
    const distinct = (values) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const models = distinct(records.flatMap((record) => (record.subject ? [record.subject.model] : [])));
    const kinds = distinct(records.map((record) => record.kind));
    // Logins compare case-insensitively; the first spelling seen is the one shown.
    const approvers = new Map();
    for (const record of records)
        for (const approval of approvedBy(record))
            if (!approvers.has(approval.user.toLowerCase()))
                approvers.set(approval.user.toLowerCase(), approval.user);
    const options = (values) => values.map(([value, label]) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`).join('');
    const select = (id, label, values) => `<label>${label} <select id="${id}"><option value="">all</option>${options(values)}</select></label>`;
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
function renderHistoryRow(record, index) {
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
function renderTrigger(trigger) {
    const label = escapeHtml([trigger.type, trigger.registry, trigger.event, trigger.ref].filter(Boolean).join(' '));
    const text = trigger.enforcement ? `${label}<br><span class="muted">${escapeHtml((0,render/* describeEnforcement */.u1)(trigger.enforcement))}</span>` : label;
    if (!trigger.url)
        return text;
    const href = safeLink(trigger.url);
    // A URL that is not http(s) (javascript:, data:) is shown, never linked.
    return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${text || 'link'}</a>` : `${text}<br><span class="muted">${escapeHtml(trigger.url)}</span>`;
}
function renderApprovals(record) {
    if (record.approvals.length === 0)
        return '<span class="muted">none</span>';
    return `<ul>${record.approvals
        .map((approval) => {
        const details = [approval.teams.length > 0 ? approval.teams.join(', ') : '', approval.at ?? '', approval.source].filter(Boolean).join(' · ');
        const state = approval.state === 'approved' ? '' : ` <span class="state">${escapeHtml(approval.state.replace('_', ' '))}</span>`;
        return `<li class="${approval.state === 'approved' ? 'approver' : 'muted'}">${escapeHtml(approval.user)}${state}${details ? ` <span class="muted">(${escapeHtml(details)})</span>` : ''}</li>`;
    })
        .join('')}</ul>`;
}
function renderFindings(record) {
    const items = record.results
        .filter((result) => result.status !== 'pass' && result.status !== 'skipped')
        .map((result) => `<li><span class="status-${result.status}">${result.status}</span> <code>${escapeHtml(result.rule)}</code>: ${escapeHtml(result.message)}</li>`);
    if (record.kind === 'waiver')
        items.push(`<li>waiver of <code>${escapeHtml(record.waiver.rule)}</code> by ${escapeHtml(record.waiver.approver)} until ${escapeHtml(record.waiver.expires)}: ${escapeHtml(record.waiver.reason)}</li>`);
    if (record.kind === 'policy_change') {
        const before = record.change.previous ? `${record.change.previous.name} ${record.change.previous.version}` : 'none';
        items.push(`<li>policy changed from ${escapeHtml(before)}${record.change.paths.length > 0 ? ` (${escapeHtml(record.change.paths.join(', '))})` : ''}</li>`);
    }
    return items.length > 0 ? `<ul>${items.join('')}</ul>` : '';
}
function renderModels(records, timelines) {
    if (timelines.length === 0)
        return '<section id="models"><h2>Models</h2><p class="muted">No decisions to chart.</p></section>';
    return `<section id="models">
<h2>Models</h2>
${timelines.map((timeline, index) => renderModel(records, timeline, index)).join('\n')}
</section>`;
}
function renderModel(records, timeline, index) {
    const name = escapeHtml(timeline.model);
    const charts = [
        `<figure><figcaption>Verdicts by version</figcaption><div class="chart"><canvas id="chart-${index}-verdicts" role="img" aria-label="${escapeHtml(`Verdicts of ${timeline.model} by version`)}">${escapeHtml(timeline.decisions.map((decision) => `${decision.label}: ${decision.verdict}`).join('; '))}</canvas></div></figure>`,
    ];
    for (const kind of METRIC_KINDS) {
        const { series, omitted } = timeline.metrics[kind];
        if (series.length === 0)
            continue;
        const note = omitted > 0 ? `<p class="muted">${omitted} more ${kind} metric${plural(omitted)} not charted; the records hold them.</p>` : '';
        charts.push(`<figure><figcaption>${kind === 'evaluation' ? 'Evaluation' : kind === 'bias' ? 'Bias' : 'Drift'} metrics by version${series.some((s) => s.ranged) ? ' (band: lowest to highest over groups)' : ''}</figcaption><div class="chart"><canvas id="chart-${index}-${kind}" role="img" aria-label="${escapeHtml(`${kind} metrics of ${timeline.model} by version`)}"></canvas></div>${note}</figure>`);
    }
    return `<article class="model" data-timeline="${index}">
<h3>${name}</h3>
<div class="charts">${charts.join('')}</div>
${renderPromotions(records, timeline.model)}
</article>`;
}
/** Decisions that let a version through (pass or warn) and approval records, with who approved. */
function renderPromotions(records, model) {
    const relevant = records.filter((record) => record.subject?.model === model && ((record.kind === 'decision' && record.verdict !== 'fail') || record.kind === 'approval'));
    if (relevant.length === 0)
        return '<p class="muted">No version of this model was let through.</p>';
    const rows = relevant.map((record) => {
        const approvers = approvedBy(record);
        const who = approvers.length > 0
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
function approvedBy(record) {
    return record.approvals.filter((approval) => approval.state === 'approved');
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML content and double- or single-quoted attribute values. */
function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}
/**
 * JSON for a `<script type="application/json">` element. Escaping `<` keeps any `</script>`
 * or `<!--` in the data from ending the element; `>` and `&` are escaped for good measure,
 * and U+2028/U+2029 so the text is also valid inside JavaScript source.
 */
function jsonForHtml(value) {
    return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
/** An http(s) URL as a link target, or undefined for anything else (javascript:, data:, relative). */
function safeLink(url) {
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
    }
    catch {
        return undefined;
    }
}
/** A CSP source expression allowing exactly this inline script or style. */
function cspHash(text) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
}
function shortDigest(digest) {
    const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest];
    return `${algorithm ? `${algorithm}:` : ''}${(hex ?? '').slice(0, 12)}`;
}
function plural(count) {
    return count === 1 ? '' : 's';
}


/***/ })

};
