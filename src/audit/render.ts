import { canonicalJson, type AuditRecord, type Enforcement } from './record.js';

/**
 * Audit records as text for people (`audit log`) and as CSV and JSON for auditors' tools
 * (`audit export`). Renderers return strings per record so that long chains stream.
 */

/** One line per record, then the results that did not pass, so a reader sees why without opening JSON. */
export function renderLogEntry(record: AuditRecord): string {
  const subject = record.subject ? `${record.subject.model}${record.subject.version ? ` ${record.subject.version}` : ''}` : '-';
  const outcome = record.verdict ?? '-';
  const approvers = record.approvals.filter((approval) => approval.state === 'approved').map((approval) => approval.user);
  const trigger = [record.trigger.type, record.trigger.registry, record.trigger.event, record.trigger.ref].filter(Boolean).join(' ');
  const lines = [
    `#${record.seq} ${record.time} ${record.kind} ${subject} ${outcome} by ${record.actor} (${trigger}) policy ${record.policy.name} ${record.policy.version}` +
      `${approvers.length > 0 ? ` approved by ${approvers.join(', ')}` : ''} hash ${record.hash.slice(0, 12)}`,
  ];
  for (const result of record.results) {
    if (result.status === 'pass' || result.status === 'skipped') continue;
    lines.push(`    ${result.status.padEnd(6)} ${result.rule}: ${result.message}`);
  }
  if (record.trigger.enforcement) lines.push(`    ${describeEnforcement(record.trigger.enforcement)}`);
  if (record.kind === 'waiver') lines.push(`    waiver of ${record.waiver.rule} by ${record.waiver.approver} until ${record.waiver.expires}: ${record.waiver.reason}`);
  if (record.kind === 'policy_change') {
    const before = record.change.previous ? `${record.change.previous.name} ${record.change.previous.version}` : 'none';
    lines.push(`    policy changed from ${before}${record.change.paths.length > 0 ? ` (${record.change.paths.join(', ')})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The CSV columns, in order; docs/audit.md describes each. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'time',
  'kind',
  'model',
  'version',
  'verdict',
  'actor',
  'trigger_type',
  'trigger_ref',
  'trigger_url',
  'trigger_registry',
  'trigger_event',
  'trigger_delivery',
  'enforcement',
  'policy_name',
  'policy_version',
  'policy_digest',
  'failed_rules',
  'warned_rules',
  'waived_rules',
  'approved_by',
  'approvals',
  'artefacts',
  'prev',
  'hash',
] as const;

/** Lists inside one cell are joined with this. */
const LIST_SEPARATOR = '; ';

/**
 * RFC 4180: a field holding a comma, a quote, CR or LF is quoted, and its quotes are doubled.
 * A field that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
 * or CR, and is not a plain number) gets a leading `'`: values come partly from pull requests,
 * and an auditor opening the export must not run them.
 */
export function quoteCsvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated, as RFC 4180 has it). */
export function renderCsvRow(values: readonly string[]): string {
  return `${values.map(quoteCsvField).join(',')}\r\n`;
}

export function renderCsvHeader(): string {
  return renderCsvRow(CSV_COLUMNS);
}

export function renderCsvRecord(record: AuditRecord): string {
  const rules = (...statuses: string[]) =>
    unique(record.results.filter((result) => statuses.includes(result.status)).map((result) => result.rule)).join(LIST_SEPARATOR);
  const cells: Record<(typeof CSV_COLUMNS)[number], string> = {
    seq: String(record.seq),
    id: record.id,
    time: record.time,
    kind: record.kind,
    model: record.subject?.model ?? '',
    version: record.subject?.version ?? '',
    verdict: record.verdict ?? '',
    actor: record.actor,
    trigger_type: record.trigger.type,
    trigger_ref: record.trigger.ref ?? '',
    trigger_url: record.trigger.url ?? '',
    trigger_registry: record.trigger.registry ?? '',
    trigger_event: record.trigger.event ?? '',
    trigger_delivery: record.trigger.delivery ?? '',
    enforcement: record.trigger.enforcement ? describeEnforcement(record.trigger.enforcement) : '',
    policy_name: record.policy.name,
    policy_version: record.policy.version,
    policy_digest: record.policy.digest,
    failed_rules: rules('fail', 'error'),
    warned_rules: rules('warn'),
    waived_rules: rules('waived'),
    approved_by: unique(record.approvals.filter((a) => a.state === 'approved').map((a) => a.user)).join(LIST_SEPARATOR),
    approvals: record.approvals.map((a) => `${a.user} ${a.state}${a.at ? ` ${a.at}` : ''} (${a.source})`).join(LIST_SEPARATOR),
    artefacts: (record.subject?.artefacts ?? []).map((artefact) => `${artefact.path}@${artefact.sha256}`).join(LIST_SEPARATOR),
    prev: record.prev ?? '',
    hash: record.hash,
  };
  return renderCsvRow(CSV_COLUMNS.map((column) => cells[column]));
}

/**
 * A JSON array with one record per line, each in its canonical form: an auditor can hash
 * any line (less its trailing comma) without re-serializing it.
 */
export function renderJsonArrayPart(record: AuditRecord, index: number): string {
  return `${index === 0 ? '[\n' : ',\n'}${canonicalJson(record)}`;
}

export function renderJsonArrayEnd(count: number): string {
  return count === 0 ? '[]\n' : '\n]\n';
}

/** What the hook did in the registry, in words: `alias_restored champion → 3: version 4 is blocked; …`. */
export function describeEnforcement(enforcement: Enforcement): string {
  const target = enforcement.version !== undefined ? ` → ${enforcement.version}` : '';
  return `${enforcement.action} ${enforcement.alias}${target}: ${enforcement.reason}`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
