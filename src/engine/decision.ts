import type { SourceLocation } from '../document/location.js';
import type { Approval, ArtefactKind, Evidence } from '../artefacts/evidence.js';
import type { ObservedDataset } from '../audit/record.js';

export type Verdict = 'pass' | 'warn' | 'fail';
export type ResultStatus = 'pass' | 'fail' | 'warn' | 'waived' | 'skipped' | 'error';
export type Severity = 'error' | 'warn';

export interface RuleResult {
  rule: string;
  status: ResultStatus;
  severity: Severity;
  message: string;
  controls: string[];
  location?: SourceLocation;
  /** The waiver that turned this result into `waived` (only on waived results), for the audit trail. */
  waiver?: { reason: string; approved_by: string; expires: string };
}

/** Controls as an auditor reads them: shown to hold, shown not to hold, and not reached by any applicable rule. */
export interface ControlCoverage {
  /** Every result naming the control passed. */
  evidenced: string[];
  /** At least one result naming the control failed, warned, errored or was waived. */
  violated: string[];
  /** Controls of the frameworks the policy draws on that no applicable rule names. */
  not_covered: string[];
}

export interface ModelDecision {
  name: string;
  version: string | null;
  verdict: Verdict;
  results: RuleResult[];
  /** An addition to the original contract: the model's control coverage; `evaluate` always sets it. */
  controls?: ControlCoverage;
}

/** The Decision contract: what `check --format json` prints and every report renders. */
export interface Decision {
  verdict: Verdict;
  policy: { name: string; version: string; digest: string };
  models: ModelDecision[];
  /** Things a reader must know that are not a rule result, e.g. an expired waiver. */
  notices: string[];
}

/** Why an artefact kind has no evidence: absent by convention, or configured but unreadable. */
export interface ArtefactProblem {
  reason: string;
  location: SourceLocation;
  /** A configured artefact that is missing or unreadable blocks on its own, whatever the rules say. */
  blocking: boolean;
}

/**
 * The model's latest decision in the audit trail that let it through (verdict `pass` or
 * `warn`), as policies see it in the CEL variable `previous`. The datasets are the record's
 * `observations`: a record written before observations existed has none and a null digest.
 */
export interface PreviousDecision {
  decision_id: string;
  seq: number;
  time: string;
  verdict: 'pass' | 'warn';
  version: string | null;
  datasets: ObservedDataset[];
  datasets_digest: string | null;
  datasets_total: number;
}

/** The audit trail could not be read (unreachable store, broken chain): `previous` is unknown, never "none". */
export interface PreviousDecisionUnavailable {
  unavailable: string;
}

/** What an audit-trail lookup gives `check`: each model's previous approved decision, or why there is no answer. */
export type PreviousDecisionLookup = { decisions: ReadonlyMap<string, PreviousDecision> } | PreviousDecisionUnavailable;

/** One model with everything gathered about it: the engine's whole input. */
export interface Subject {
  model: { name: string; version?: string | undefined; path: string; risk?: string | undefined };
  /** Where the model is declared, for findings that concern no artefact (e.g. approvals). */
  location: SourceLocation;
  evidence: { [K in ArtefactKind]?: Evidence<K> };
  problems: Partial<Record<ArtefactKind, ArtefactProblem>>;
  approvals: Approval[];
  /**
   * The previous approved decision: null when the audit trail has none, `unavailable` when it
   * could not be read, absent when no audit trail was consulted (then also null to policies).
   */
  previous?: PreviousDecision | PreviousDecisionUnavailable | null;
}

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, verdict) => (VERDICT_RANK[verdict] > VERDICT_RANK[worst] ? verdict : worst), 'pass');
}

export function verdictOfResults(results: readonly RuleResult[]): Verdict {
  if (results.some((result) => result.status === 'fail' || result.status === 'error')) return 'fail';
  return results.some((result) => result.status === 'warn') ? 'warn' : 'pass';
}
