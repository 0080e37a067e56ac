import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDecisionRecord, canonicalJson, sealRecord } from '../../src/audit/record.js';
import { matchesFilter, parseTimeBound } from '../../src/audit/query.js';
import {
  CSV_COLUMNS,
  quoteCsvField,
  renderCsvHeader,
  renderCsvRecord,
  renderJsonArrayEnd,
  renderJsonArrayPart,
  renderLogEntry,
} from '../../src/audit/render.js';
import { renderAuditHtml } from '../../src/audit/html.js';
import { verifyChain } from '../../src/audit/verify.js';
import { context, decisionEntry, makeChain } from './records.js';

describe('record filters', () => {
  const [pass, fail, warn] = makeChain(3, (index) => decisionEntry(['fraud-scorer', 'churn', 'forecast'][index]!, (['pass', 'fail', 'warn'] as const)[index]));

  it('keeps records matching every given filter, any of each list', () => {
    const records = [pass!, fail!, warn!];
    const pick = (filter: Parameters<typeof matchesFilter>[1]) => records.filter((record) => matchesFilter(record, filter)).map((record) => record.seq);
    expect(pick({})).toEqual([0, 1, 2]);
    expect(pick({ models: ['churn', 'forecast'] })).toEqual([1, 2]);
    expect(pick({ verdicts: ['fail', 'warn'] })).toEqual([1, 2]);
    expect(pick({ kinds: ['decision'] })).toEqual([0, 1, 2]);
    expect(pick({ kinds: ['waiver'] })).toEqual([]);
    expect(pick({ approvers: ['Release-Manager'] })).toEqual([0, 1, 2]);
    expect(pick({ approvers: ['someone'] })).toEqual([]);
    // makeChain places record n at 12:0n on 2026-03-01.
    expect(pick({ since: parseTimeBound('2026-03-01T12:01:00Z', 'since') })).toEqual([1, 2]);
    expect(pick({ until: parseTimeBound('2026-03-01T12:01:00Z', 'until') })).toEqual([0, 1]);
    expect(pick({ until: parseTimeBound('2026-03-01', 'until') })).toEqual([0, 1, 2]);
    expect(pick({ until: parseTimeBound('2026-02-28', 'until') })).toEqual([]);
    expect(pick({ since: parseTimeBound('2026-03-02', 'since') })).toEqual([]);
    expect(pick({ models: ['churn'], verdicts: ['pass'] })).toEqual([]);
  });

  it('does not count approvals that are not approvals', () => {
    const record = sealRecord(
      buildDecisionRecord(decisionEntry('m', 'pass', { approvals: [{ user: 'reviewer', teams: [], state: 'changes_requested', source: 'github' }] }), undefined, context()),
      undefined,
    );
    expect(matchesFilter(record, { approvers: ['reviewer'] })).toBe(false);
  });

  it('reads dates and date-times with an offset, and refuses the rest with the flag named', () => {
    expect(parseTimeBound('2026-03-31', 'since').toISOString()).toBe('2026-03-31T00:00:00.000Z');
    expect(parseTimeBound('2026-03-31', 'until').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(parseTimeBound('2026-03-31T14:00:00+02:00', 'since').toISOString()).toBe('2026-03-31T12:00:00.000Z');
    for (const bad of ['yesterday', '2026-02-30', '2026-03-31T12:00:00', '31/03/2026']) {
      expect(() => parseTimeBound(bad, 'until'), bad).toThrow(`--until ${bad}: expected an ISO 8601 date`);
    }
  });
});

describe('renderers', () => {
  it('quotes CSV fields as RFC 4180 says', () => {
    expect(quoteCsvField('plain')).toBe('plain');
    expect(quoteCsvField('a,b')).toBe('"a,b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"');
    // Formula injection: a spreadsheet must show these as text, not run them.
    expect(quoteCsvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(quoteCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(quoteCsvField('-0.14')).toBe('-0.14');
    expect(quoteCsvField('+1')).toBe('+1');
    expect(quoteCsvField('cr\r')).toBe('"cr\r"');
    expect(quoteCsvField('')).toBe('');
  });

  it('writes CSV that a CSV parser reads back cell for cell', () => {
    const awkward = decisionEntry('fraud-scorer', 'fail');
    awkward.model.results[1]!.rule = 'rule,with "quotes"\nand a newline';
    awkward.approvals = [
      { user: 'a', teams: [], state: 'approved', source: 'github' },
      { user: 'b', teams: [], state: 'commented', at: '2026-03-01T00:00:00Z', source: 'file' },
    ];
    const [record] = makeChain(1, () => awkward);
    const csv = renderCsvHeader() + renderCsvRecord(record!);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows[0]).toMatchObject({
      seq: '0',
      kind: 'decision',
      model: 'fraud-scorer',
      version: '1.0.0',
      verdict: 'fail',
      actor: 'ci-bot',
      trigger_type: 'cli',
      trigger_ref: '',
      failed_rules: 'rule,with "quotes"\nand a newline',
      warned_rules: '',
      approved_by: 'a',
      approvals: 'a approved (github); b commented 2026-03-01T00:00:00Z (file)',
      artefacts: `models/fraud-scorer/model_card.yaml@${'b'.repeat(64)}`,
      prev: '',
      hash: record!.hash,
    });
  });

  it('writes a JSON array with one canonical record per line', () => {
    const records = makeChain(2);
    const json = records.map(renderJsonArrayPart).join('') + renderJsonArrayEnd(2);
    expect(JSON.parse(json)).toEqual(records);
    expect(json.split('\n')[1]).toBe(`${canonicalJson(records[0])},`);
    expect(renderJsonArrayEnd(0)).toBe('[]\n');
  });

  it('shows a log entry with the results that did not pass', () => {
    const [record] = makeChain(1, () => decisionEntry('churn', 'fail'));
    expect(renderLogEntry(record!)).toBe(
      `#0 2026-03-01T12:00:00.000Z decision churn 1.0.0 fail by ci-bot (cli) policy starter 1.0.0 approved by release-manager hash ${record!.hash.slice(0, 12)}\n` +
        '    fail   bias.disparate-impact: disparate impact for age_band=65+ is 0.71, outside [0.8, 1.25]\n',
    );
  });
});

describe('records of registry events', () => {
  const record = sealRecord(
    buildDecisionRecord(decisionEntry('fraud-scorer', 'fail'), undefined, context(undefined, {
      trigger: {
        type: 'registry',
        registry: 'mlflow',
        event: 'model_version_alias.created',
        ref: 'models:/fraud-scorer/4',
        alias: 'champion',
        delivery: 'mlflow:7f3c',
        enforcement: { action: 'alias_restored', alias: 'champion', version: '3', reason: 'version 4 is blocked; champion points again to version 3' },
      },
    })),
    undefined,
  );

  it('shows the registry, the event and what the hook did in the log, the CSV and the HTML report', () => {
    const log = renderLogEntry(record);
    expect(log).toMatch(/ \(registry mlflow model_version_alias\.created models:\/fraud-scorer\/4\) /);
    expect(log).toContain('\n    alias_restored champion → 3: version 4 is blocked; champion points again to version 3\n');
    const [row] = parse(renderCsvHeader() + renderCsvRecord(record), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      trigger_type: 'registry',
      trigger_registry: 'mlflow',
      trigger_event: 'model_version_alias.created',
      trigger_delivery: 'mlflow:7f3c',
      enforcement: 'alias_restored champion → 3: version 4 is blocked; champion points again to version 3',
    });
    const html = renderAuditHtml({
      records: [record],
      verification: verifyChain([record]),
      store: 'file:audit.jsonl',
      generatedAt: new Date('2026-11-22T10:00:00Z'),
      selection: [],
      chartLibrary: { name: 'none', version: '0', license: '', source: '' },
    });
    expect(html).toContain('registry mlflow model_version_alias.created models:/fraud-scorer/4<br><span class="muted">alias_restored champion → 3: version 4 is blocked;');
  });
});
