import { buildDecisionRecord, sealRecord, type AuditHead, type AuditRecord, type DecisionEntry, type RecordContext } from '../../src/audit/record.js';
import type { RuleResult, Verdict } from '../../src/engine/decision.js';

/** A decision entry as the CLI would build it for one model. */
export function decisionEntry(model: string, verdict: Verdict = 'pass', extra: Partial<DecisionEntry> = {}): DecisionEntry {
  const results: RuleResult[] = [
    { rule: 'model-card.license', status: 'pass', severity: 'error', message: 'The model card states a licence', controls: ['ISO42001:A.6.2.7'] },
  ];
  if (verdict === 'fail') {
    results.push({
      rule: 'bias.disparate-impact',
      status: 'fail',
      severity: 'error',
      message: 'disparate impact for age_band=65+ is 0.71, outside [0.8, 1.25]',
      controls: ['ISO42001:A.7.4'],
      location: { path: `models/${model}/reports/bias.yaml`, line: 10, column: 5 },
    });
  }
  if (verdict === 'warn') results.push({ rule: 'drift.share', status: 'warn', severity: 'warn', message: '20% of features drifted', controls: [] });
  return {
    model: { name: model, version: '1.0.0', verdict, results },
    policy: { name: 'starter', version: '1.0.0', digest: `sha256:${'a'.repeat(64)}` },
    artefacts: [{ path: `models/${model}/model_card.yaml`, sha256: 'b'.repeat(64) }],
    approvals: [{ user: 'release-manager', teams: ['release-managers'], state: 'approved', at: '2026-03-01T10:00:00Z', source: 'file' }],
    ...extra,
  };
}

export function context(time = '2026-03-01T12:00:00.000Z', extra: Partial<RecordContext> = {}): RecordContext {
  return { time: new Date(time), actor: 'ci-bot', trigger: { type: 'cli' }, ...extra };
}

/** A sealed chain of `count` decision records, as a store would hold it. */
export function makeChain(count: number, entry: (index: number) => DecisionEntry = (index) => decisionEntry(`model-${index}`)): AuditRecord[] {
  const records: AuditRecord[] = [];
  let head: AuditHead | undefined;
  for (let index = 0; index < count; index += 1) {
    const time = new Date(Date.UTC(2026, 2, 1, 12, index)).toISOString();
    const record = sealRecord(buildDecisionRecord(entry(index), head, context(time)), head);
    records.push(record);
    head = { seq: record.seq, hash: record.hash };
  }
  return records;
}
