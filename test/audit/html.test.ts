import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimelines, escapeHtml, jsonForHtml, MAX_SERIES_PER_CHART, renderAuditHtml, safeLink, type AuditReportInput } from '../../src/audit/html.js';
import { buildDecisionRecord, sealRecord, type AuditHead, type AuditRecord, type Observations, type UnsignedRecord } from '../../src/audit/record.js';
import { verifyChain } from '../../src/audit/verify.js';
import type { Verdict } from '../../src/engine/decision.js';
import { CHART_JS } from '../../src/generated/chart-js.js';
import { REPO_ROOT } from '../helpers.js';
import { context, decisionEntry } from './records.js';

/** Text an attacker could put into a pull request, a model card or a rule message. */
const HOSTILE = {
  model: 'churn</script><img src=x onerror="document.title=\'pwned-model\'">',
  message: '<script>document.title="pwned-message"</script> & "quoted" \'single\' <!-- \u2028 \u2029',
  version: '"><svg onload="document.title=\'pwned-version\'">',
  actor: '<b onmouseover="document.title=\'pwned-actor\'">bot</b>',
  link: 'javascript:document.title="pwned-link"',
} as const;

function observations(disparateImpact: [number, number], shareDrifted: number | undefined, auc: number): Observations {
  return {
    metrics: [
      { kind: 'bias', name: 'disparate_impact', attribute: 'age_band', min: disparateImpact[0], max: disparateImpact[1], count: 4 },
      ...(shareDrifted === undefined ? [] : [{ kind: 'drift' as const, name: 'share_drifted', min: shareDrifted, max: shareDrifted, count: 1 }]),
      { kind: 'evaluation', name: 'auc', attribute: 'holdout', min: auc, max: auc, count: 1 },
    ],
    datasets: [],
    datasets_digest: null,
    datasets_total: 0,
  };
}

/**
 * Six records over a week: fraud-scorer through three versions (a failure, then promotions
 * approved by two people, then an approval record), a model whose name, version, actor,
 * messages and link are hostile, and a model with no observations.
 */
function reportChain(): AuditRecord[] {
  const steps: { model: string; version: string; verdict: Verdict; approver?: string; day: number; metrics?: Observations; url?: string }[] = [
    { model: 'fraud-scorer', version: '1.0.0', verdict: 'fail', day: 1, metrics: observations([0.71, 1.02], 0.1, 0.88), url: 'https://github.com/acme/models/pull/7' },
    { model: 'fraud-scorer', version: '1.1.0', verdict: 'pass', approver: 'release-manager', day: 3, metrics: observations([0.84, 1.1], 0.05, 0.9), url: 'https://github.com/acme/models/pull/9' },
    { model: HOSTILE.model, version: HOSTILE.version, verdict: 'warn', approver: 'risk-officer', day: 4, metrics: observations([0.9, 0.95], undefined, 0.7), url: HOSTILE.link },
    { model: 'fraud-scorer', version: '1.2.0', verdict: 'warn', approver: 'risk-officer', day: 6, metrics: observations([0.82, 1.05], 0.2, 0.91) },
    { model: 'demand-forecast', version: '2.0.0', verdict: 'pass', day: 6 },
  ];
  const records: AuditRecord[] = [];
  let head: AuditHead | undefined;
  const append = (unsigned: UnsignedRecord) => {
    const record = sealRecord(unsigned, head);
    records.push(record);
    head = { seq: record.seq, hash: record.hash };
  };
  for (const step of steps) {
    const hostile = step.model === HOSTILE.model;
    const entry = decisionEntry(step.model, step.verdict, {
      approvals: step.approver ? [{ user: step.approver, teams: ['release-managers'], state: 'approved', at: `2026-03-0${step.day}T09:00:00Z`, source: 'github' }] : [],
      ...(step.metrics && { observations: step.metrics }),
    });
    entry.model.version = step.version;
    if (hostile) entry.model.results.push({ rule: 'card.<i>rule</i>', status: 'warn', severity: 'warn', message: HOSTILE.message, controls: [] });
    const trigger = step.url ? { type: 'pull_request' as const, ref: 'refs/pull/9/merge', url: step.url } : { type: 'cli' as const };
    append(buildDecisionRecord(entry, head, context(`2026-03-0${step.day}T12:00:00.000Z`, { actor: hostile ? HOSTILE.actor : 'ci-bot', trigger })));
  }
  const approval = buildDecisionRecord(decisionEntry('fraud-scorer', 'pass'), head, context('2026-03-07T08:00:00.000Z'));
  append({
    ...approval,
    kind: 'approval',
    verdict: null,
    subject: { ...approval.subject!, version: '1.2.0' },
    results: [],
    approvals: [{ user: 'model-owner', teams: [], state: 'approved', at: '2026-03-07T08:00:00Z', source: 'github' }],
  } as UnsignedRecord);
  return records;
}

function reportInput(records: AuditRecord[] = reportChain(), extra: Partial<AuditReportInput> = {}): AuditReportInput {
  return { records, verification: verifyChain(records), store: 'file:audit.jsonl', generatedAt: new Date('2026-03-08T00:00:00Z'), selection: [], chartLibrary: CHART_JS, ...extra };
}

/** The text of every inline `<script>` and `<style>` element, in order. */
function inlineBlocks(html: string, tag: 'script' | 'style'): { attributes: string; text: string }[] {
  return [...html.matchAll(new RegExp(`<${tag}([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => ({ attributes: match[1]!, text: match[2]! }));
}

describe('the HTML report (rendering)', () => {
  it('inlines the chart.js build from node_modules (src/generated/chart-js.ts is current)', () => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/generate-chart-js.mjs'), '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(CHART_JS.source).toMatch(/^\/\*!\n \* Chart\.js v4\./);
    expect(CHART_JS.license).toMatch(/^The MIT License/);
  });

  it('escapes every record string and embeds the data as JSON that cannot end its element', () => {
    const records = reportChain();
    const html = renderAuditHtml(reportInput(records));
    // The page without the inlined library (whose minified code has its own `<` and quotes).
    const page = html.replace(CHART_JS.source, '');
    expect(page.length).toBeLessThan(html.length - 200_000);
    for (const hostile of Object.values(HOSTILE)) expect(page.includes(hostile), hostile).toBe(false);
    expect(page).toContain(escapeHtml(HOSTILE.model));
    expect(page).toContain(escapeHtml(HOSTILE.message));
    expect(page.match(/<(img|svg|b|i)\b/)).toBeNull();

    const scripts = inlineBlocks(html, 'script');
    expect(scripts.map((script) => script.attributes)).toEqual([' type="application/json" id="report-data"', '', '']);
    // Only the three elements: no record text opened or closed a script.
    expect(page.match(/<\/script/g)).toHaveLength(3);
    expect(page.match(/<script/g)).toHaveLength(3);
    const dataText = scripts[0]!.text;
    expect(dataText).not.toMatch(/[<>&\u2028\u2029]/);
    const data = JSON.parse(dataText) as { rows: { seq: number; model: string | null; approvers: string[] }[]; timelines: { model: string }[] };
    expect(data.rows.map((row) => [row.seq, row.model, row.approvers])).toEqual([
      [0, 'fraud-scorer', []],
      [1, 'fraud-scorer', ['release-manager']],
      [2, HOSTILE.model, ['risk-officer']],
      [3, 'fraud-scorer', ['risk-officer']],
      [4, 'demand-forecast', []],
      [5, 'fraud-scorer', ['model-owner']],
    ]);
    expect(data.timelines.map((timeline) => timeline.model)).toEqual([HOSTILE.model, 'demand-forecast', 'fraud-scorer']);
  });

  it('links triggers only to http(s) URLs', () => {
    const html = renderAuditHtml(reportInput());
    expect([...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1])).toEqual(['https://github.com/acme/models/pull/7', 'https://github.com/acme/models/pull/9']);
    expect(html).toContain(escapeHtml(HOSTILE.link));
    expect(safeLink('javascript:alert(1)')).toBeUndefined();
    expect(safeLink('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeLink('/relative')).toBeUndefined();
    expect(safeLink('http://ci.example/run/1')).toBe('http://ci.example/run/1');
  });

  it('allows by CSP exactly its own inline scripts and style, and no network loads', () => {
    const html = renderAuditHtml(reportInput());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replace(/&#39;/g, "'");
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const [, library, client] = inlineBlocks(html, 'script');
    const [style] = inlineBlocks(html, 'style');
    expect(csp).toBe(`default-src 'none'; script-src ${hash(library!.text)} ${hash(client!.text)}; style-src ${hash(style!.text)}; base-uri 'none'; form-action 'none'`);
    expect(library!.text).toContain(CHART_JS.source);
    expect(html).not.toMatch(/\b(src|href)="(?!https:\/\/github\.com\/acme)/);
  });

  it('shows a broken chain and the first broken record, and only the records before it', () => {
    const records = reportChain();
    const tampered = [records[0]!, records[1]!, { ...records[2]!, actor: 'someone-else' }];
    const verification = verifyChain(tampered);
    const html = renderAuditHtml(reportInput(records.slice(0, 2), { verification }));
    expect(html).toContain('<section id="chain" class="status broken" role="alert">');
    expect(html).toContain(`record seq 2 (id ${records[2]!.id}) at record 3: the hash does not match the record&#39;s content: the record was edited`);
    expect(html).toContain('2 records before it verified');
    expect(renderAuditHtml(reportInput())).toMatch(/<section id="chain" class="status ok">\n<h2>Chain verified<\/h2>\n<p>6 records: every hash and link checked\. Head <code>5:[0-9a-f]{64}<\/code>/);
  });

  it('charts each model across its decisions: verdicts, and each metric as a line or a min-max band', () => {
    const [hostile, demand, fraud] = buildTimelines(reportChain());
    expect(fraud!.decisions.map((decision) => [decision.label, decision.verdict])).toEqual([
      ['1.0.0 #0', 'fail'],
      ['1.1.0 #1', 'pass'],
      ['1.2.0 #3', 'warn'],
    ]);
    expect(fraud!.metrics.bias.series).toEqual([{ label: 'disparate_impact (age_band)', min: [0.71, 0.84, 0.82], max: [1.02, 1.1, 1.05], ranged: true }]);
    expect(fraud!.metrics.drift.series).toEqual([{ label: 'share_drifted', min: [0.1, 0.05, 0.2], max: [0.1, 0.05, 0.2], ranged: false }]);
    expect(hostile!.metrics.drift.series).toEqual([]);
    expect(demand!.metrics.bias.series).toEqual([]);

    // A decision without a metric leaves a gap; series beyond the cap are counted, not drawn.
    const many = (count: number): Observations => ({
      metrics: Array.from({ length: count }, (_, index) => ({ kind: 'evaluation' as const, name: `metric-${String(index).padStart(2, '0')}`, min: index, max: index, count: 1 })),
      datasets: [],
      datasets_digest: null,
      datasets_total: 0,
    });
    const records: AuditRecord[] = [];
    let head: AuditHead | undefined;
    for (const metrics of [many(MAX_SERIES_PER_CHART + 3), many(1)]) {
      const record = sealRecord(buildDecisionRecord(decisionEntry('wide', 'pass', { observations: metrics }), head, context()), head);
      records.push(record);
      head = { seq: record.seq, hash: record.hash };
    }
    const [wide] = buildTimelines(records);
    expect(wide!.metrics.evaluation.series).toHaveLength(MAX_SERIES_PER_CHART);
    expect(wide!.metrics.evaluation.omitted).toBe(3);
    expect(wide!.metrics.evaluation.series[1]).toEqual({ label: 'metric-01', min: [1, null], max: [1, null], ranged: false });
    expect(renderAuditHtml(reportInput(records))).toContain('3 more evaluation metrics not charted');
  });

  it('refuses a chart library build that would end its script element', () => {
    expect(() => renderAuditHtml(reportInput(undefined, { chartLibrary: { ...CHART_JS, source: 'var s = "</script>";' } }))).toThrow(/cannot be inlined/);
  });

  it('writes JSON that stays inert inside HTML and valid inside JavaScript', () => {
    const value = { text: '</script><!--\u2028\u2029&' };
    const json = jsonForHtml(value);
    expect(json).toBe('{"text":"\\u003c/script\\u003e\\u003c!--\\u2028\\u2029\\u0026"}');
    expect(JSON.parse(json)).toEqual(value);
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

/**
 * Chromium for the browser test: Debian's package by default. Without it the test is skipped
 * with a message, except in CI (or with MODELGATE_REQUIRE_CHROMIUM=1), where that is a failure:
 * CI must never pass without opening the report in a browser.
 */
const CHROMIUM = process.env.MODELGATE_TEST_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const CHROMIUM_REQUIRED = process.env.MODELGATE_REQUIRE_CHROMIUM === '1' || (process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase()));
if (!HAVE_CHROMIUM) {
  if (CHROMIUM_REQUIRED) {
    it('has Chromium for the HTML report test', () => {
      expect.fail(`${CHROMIUM} does not exist but CI or MODELGATE_REQUIRE_CHROMIUM=1 is set: .ci/run installs Debian's chromium package`);
    });
  } else {
    console.warn(`skipping the HTML report browser test: ${CHROMIUM} not found (apt-get install chromium, or set MODELGATE_TEST_CHROMIUM to a Chromium binary)`);
  }
}

describe.runIf(HAVE_CHROMIUM)('the HTML report in Chromium', () => {
  let browser: Browser;
  let browserContext: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'modelgate-report-')), 'report.html');
    writeFileSync(file, renderAuditHtml(reportInput()));
    reportUrl = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    browserContext = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
    // Nothing may leave the machine: every request is recorded, and any but the report itself refused.
    await browserContext.route('**/*', (route) => (route.request().url() === reportUrl ? route.continue() : route.abort()));
    page = await browserContext.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(reportUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const visibleRows = () => page.locator('#history-table tbody tr:visible');
  const visibleSeqs = async () => (await visibleRows().locator('td:first-child').allTextContents()).map(Number);

  it('shows every record in the history, the verified chain and no errors', async () => {
    expect(await visibleSeqs()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(await page.locator('#chain h2').textContent()).toBe('Chain verified');
    expect(await page.locator('#filter-count').textContent()).toBe('6 of 6 records shown');
    const firstRow = await visibleRows().first().locator('td').allInnerTexts();
    expect(firstRow.slice(0, 6)).toEqual(['0', '2026-03-01T12:00:00.000Z', 'decision', 'fraud-scorer', '1.0.0', 'fail']);
    expect(await visibleRows().first().locator('a').getAttribute('href')).toBe('https://github.com/acme/models/pull/7');
  });

  it('narrows the rows with each filter and shows all again on reset', async () => {
    const expectRows = async (seqs: number[]) => {
      expect(await visibleSeqs()).toEqual(seqs);
      expect(await page.locator('#filter-count').textContent()).toBe(`${seqs.length} of 6 records shown`);
    };
    await page.selectOption('#filter-model', 'fraud-scorer');
    await expectRows([0, 1, 3, 5]);
    expect(await page.locator('article.model:visible h3').allTextContents()).toEqual(['fraud-scorer']);
    await page.selectOption('#filter-verdict', 'pass');
    await expectRows([1]);
    await page.click('#filter-reset');
    await expectRows([0, 1, 2, 3, 4, 5]);
    expect(await page.locator('article.model:visible').count()).toBe(3);

    await page.selectOption('#filter-approver', 'risk-officer');
    await expectRows([2, 3]);
    await page.selectOption('#filter-approver', '');
    await page.selectOption('#filter-kind', 'approval');
    await expectRows([5]);
    await page.selectOption('#filter-kind', '');
    await page.fill('#filter-since', '2026-03-04');
    await page.fill('#filter-until', '2026-03-06');
    await expectRows([2, 3, 4]);
    await page.click('#filter-reset');
    await expectRows([0, 1, 2, 3, 4, 5]);
  });

  it('draws a verdict timeline per model and a chart per metric kind, with the recorded values', async () => {
    const charts = await page.evaluate<{ id: string; painted: number; labels: string[]; datasets: { label: string; data: unknown[] }[] }[]>(`
      Array.from(document.querySelectorAll('canvas')).map((canvas) => {
        const chart = Chart.getChart(canvas);
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        for (let index = 3; index < pixels.length; index += 4) if (pixels[index] !== 0) painted += 1;
        return { id: canvas.id, painted, labels: chart ? chart.data.labels : [], datasets: chart ? chart.data.datasets.map((d) => ({ label: d.label, data: d.data })) : [] };
      })`);
    expect(charts.map((chart) => chart.id)).toEqual([
      'chart-0-verdicts', 'chart-0-bias', 'chart-0-evaluation',
      'chart-1-verdicts',
      'chart-2-verdicts', 'chart-2-bias', 'chart-2-drift', 'chart-2-evaluation',
    ]);
    // Each canvas has been drawn on: axes, lines and points cover far more than a few pixels.
    for (const chart of charts) expect(chart.painted, chart.id).toBeGreaterThan(2000);
    const byId = new Map(charts.map((chart) => [chart.id, chart]));
    expect(byId.get('chart-2-verdicts')).toMatchObject({ labels: ['1.0.0 #0', '1.1.0 #1', '1.2.0 #3'], datasets: [{ label: 'verdict', data: ['fail', 'pass', 'warn'] }] });
    expect(byId.get('chart-2-bias')!.datasets).toEqual([
      { label: 'disparate_impact (age_band) lowest', data: [0.71, 0.84, 0.82] },
      { label: 'disparate_impact (age_band) highest', data: [1.02, 1.1, 1.05] },
    ]);
    expect(byId.get('chart-2-drift')!.datasets).toEqual([{ label: 'share_drifted', data: [0.1, 0.05, 0.2] }]);
    expect(byId.get('chart-0-verdicts')!.labels).toEqual([`${HOSTILE.version} #2`]);
  });

  it('shows who approved each promotion', async () => {
    const fraud = page.locator('article.model', { has: page.locator('h3', { hasText: 'fraud-scorer' }) });
    const rows = await fraud.locator('table.promotions tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim()));
    expect(rows).toEqual([
      '1.1.0 1 2026-03-03T12:00:00.000Z pass release-manager (release-managers) 2026-03-03T09:00:00Z',
      '1.2.0 3 2026-03-06T12:00:00.000Z warn risk-officer (release-managers) 2026-03-06T09:00:00Z',
      '1.2.0 5 2026-03-07T08:00:00.000Z approval model-owner 2026-03-07T08:00:00Z',
    ]);
    const demand = page.locator('article.model', { has: page.locator('h3', { hasText: 'demand-forecast' }) });
    expect(await demand.locator('table.promotions tbody').innerText()).toMatch(/2\.0\.0\s+4\s+\S+\s+pass\s+no approval recorded/);
  });

  it('shows hostile record text as text and runs none of it', async () => {
    expect(await page.title()).toBe('Audit trail: file:audit.jsonl');
    expect(await page.locator('img, svg, b, i, iframe, object, embed').count()).toBe(0);
    const hostileRow = visibleRows().nth(2);
    const cells = await hostileRow.locator('td').allInnerTexts();
    expect(cells[3]).toBe(HOSTILE.model);
    expect(cells[4]).toBe(HOSTILE.version);
    expect(cells[8]).toBe(HOSTILE.actor);
    expect(cells[10]).toContain(HOSTILE.message.replace(/[\u2028\u2029]/g, '').trim().slice(0, 40));
    expect(await hostileRow.locator('a').count()).toBe(0);
    expect(cells[7]).toContain(HOSTILE.link);
    expect(await page.locator('article.model h3').first().textContent()).toBe(HOSTILE.model);
    await hostileRow.locator('td').nth(8).hover();
    expect(await page.title()).toBe('Audit trail: file:audit.jsonl');
  });

  it('made no network request and logged no error', async () => {
    expect(requests).toEqual([reportUrl]);
    expect(problems).toEqual([]);
  });
});
