/**
 * The stylesheet and the script of the HTML audit report, inlined into every report. The
 * script runs in the reader's browser: plain ES2017, no modules, no network. It reads the
 * report's data from the `report-data` JSON element, never from markup, and writes only
 * text (`textContent`, `value`) and the `hidden` flag, so record text can never become markup.
 */

export const AUDIT_HTML_STYLE = `
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

export const AUDIT_HTML_CLIENT_SCRIPT = `
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
