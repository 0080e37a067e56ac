import type { ArtefactKind, Evidence } from '../artefacts/evidence.js';
import { observeEvidence } from './observe.js';
import type { SourceLocation } from '../document/location.js';
import { formatLocation, toPlainLocation } from '../document/location.js';
import type { LoadedWaiver } from '../policy/load.js';
import { controlCoverage } from './coverage.js';
import { celReason, type CompiledExpression, type CompiledPolicy, type CompiledRule } from './compile.js';
import {
  verdictOfResults,
  worstVerdict,
  type Decision,
  type ModelDecision,
  type RuleResult,
  type Subject,
} from './decision.js';

export interface EvaluateOptions {
  /** The moment waivers are judged against; passed in so evaluation stays pure. */
  now: Date;
}

/** Pure: judges every subject against the compiled policy. Never throws for a rule; a rule that cannot be evaluated blocks. */
export function evaluate(policy: CompiledPolicy, subjects: readonly Subject[], options: EvaluateOptions): Decision {
  const notices: string[] = [];
  const models = subjects.map((subject) => evaluateSubject(policy, subject, options, notices));
  return {
    verdict: worstVerdict(models.map((model) => model.verdict)),
    policy: { name: policy.name, version: policy.version, digest: policy.digest },
    models,
    notices,
  };
}

function evaluateSubject(policy: CompiledPolicy, subject: Subject, options: EvaluateOptions, notices: string[]): ModelDecision {
  const results: RuleResult[] = [];
  for (const [kind, problem] of Object.entries(subject.problems)) {
    if (!problem.blocking) continue;
    results.push({
      rule: `artefact.${kind}`,
      status: 'error',
      severity: 'error',
      message: problem.reason,
      controls: [],
      location: toPlainLocation(problem.location),
    });
  }
  const context = contextOf(subject, options.now);
  for (const rule of policy.rules) {
    const ruleResults = evaluateRule(rule, subject, context);
    results.push(...ruleResults.map((result) => applyWaiver(result, rule, subject, policy.waivers, options.now, notices)));
  }
  return {
    name: subject.model.name,
    version: subject.model.version ?? subject.evidence.model_card?.data.version ?? null,
    verdict: verdictOfResults(results),
    results,
    controls: controlCoverage(results, policy.rules.flatMap((rule) => rule.controls)),
  };
}

/**
 * CEL variables for one subject; a kind without evidence is left unset, so any use of it is an
 * error. `observed` is computed as the decision record computes its observations, so a digest
 * compared here is the digest a later run finds in the audit trail.
 */
function contextOf(subject: Subject, now: Date): Record<string, unknown> {
  const context: Record<string, unknown> = {
    model: {
      name: subject.model.name,
      version: subject.model.version ?? subject.evidence.model_card?.data.version ?? '',
      path: subject.model.path,
      risk: effectiveRisk(subject.model.risk, subject.evidence.model_card?.data.risk),
    },
    approvals: subject.approvals,
    now: now.toISOString(),
    observed: observeEvidence(subject.evidence),
  };
  // Like `oldObject` in Kubernetes admission policies: null when there is nothing before; unset when unknown.
  const previous = unavailablePrevious(subject);
  if (previous === undefined) context.previous = subject.previous ?? null;
  for (const [kind, evidence] of Object.entries(subject.evidence)) context[kind] = evidence.data;
  return context;
}

/** Why the previous decision is unknown, when the audit trail could not be read. */
function unavailablePrevious(subject: Subject): string | undefined {
  const previous = subject.previous;
  return previous && 'unavailable' in previous ? previous.unavailable : undefined;
}

function evaluateRule(rule: CompiledRule, subject: Subject, context: Record<string, unknown>): RuleResult[] {
  const result = (status: RuleResult['status'], message: string, location?: SourceLocation): RuleResult => ({
    rule: rule.id,
    status,
    severity: rule.severity,
    message,
    controls: rule.controls,
    ...(location ? { location: toPlainLocation(location) } : {}),
  });
  const failed = rule.severity === 'error' ? 'fail' : 'warn';

  const when = rule.compiled.when;
  if (when) {
    const applies = run(when, context);
    // A condition that cannot be evaluated is treated as applying: fail closed.
    if (applies.ok && applies.value === false) return [result('skipped', `not applicable: ${rule.when}`)];
    if (applies.ok && typeof applies.value !== 'boolean') {
      return [result('error', `when: returned ${describeValue(applies.value)}, not a bool`, rule.expressionLocations.when)];
    }
  }

  const unknownPrevious = rule.reads.has('previous') ? unavailablePrevious(subject) : undefined;
  if (unknownPrevious !== undefined) {
    // Unknown is not "none": a rule about the previous decision cannot pass without it.
    return [result('error', `the previous approved decision is unknown: ${unknownPrevious}`, subject.location)];
  }

  const missing = rule.requires.filter((kind) => !subject.evidence[kind]);
  if (missing.length > 0) return missing.map((kind) => missingResult(kind, subject, rule, result, failed));

  if (rule.compiled.for_each) {
    const items = run(rule.compiled.for_each, context);
    if (!items.ok) return [result('error', `for_each: ${items.error}`, rule.expressionLocations.for_each)];
    if (!Array.isArray(items.value)) {
      return [result('error', `for_each: returned ${describeValue(items.value)}, not a list`, rule.expressionLocations.for_each)];
    }
    const findings: RuleResult[] = [];
    items.value.forEach((item: unknown, index) => {
      const itemContext = { ...context, item };
      const outcome = run(rule.compiled.check!, itemContext);
      const where = itemLocation(item) ?? locateRule(rule, subject);
      if (!outcome.ok) findings.push(result('error', `item ${index}: ${outcome.error}`, where));
      else if (typeof outcome.value !== 'boolean') findings.push(result('error', `item ${index}: check returned ${describeValue(outcome.value)}, not a bool`, where));
      else if (!outcome.value) findings.push(result(failed, messageOf(rule, itemContext, `${rule.description} (item ${index})`), where));
    });
    if (findings.length > 0) return findings;
    return [result('pass', `${rule.description} (${items.value.length} checked)`)];
  }

  const outcome = run(rule.compiled.check!, context);
  const where = locateRule(rule, subject);
  if (!outcome.ok) return [result('error', outcome.error, where)];
  if (typeof outcome.value !== 'boolean') return [result('error', `check returned ${describeValue(outcome.value)}, not a bool`, where)];
  return outcome.value ? [result('pass', rule.description)] : [result(failed, messageOf(rule, context, rule.description), where)];
}

function missingResult(
  kind: ArtefactKind,
  subject: Subject,
  rule: CompiledRule,
  result: (status: RuleResult['status'], message: string, location?: SourceLocation) => RuleResult,
  failed: 'fail' | 'warn',
): RuleResult {
  const problem = subject.problems[kind];
  if (problem?.blocking) return result('error', `required ${kind} artefact cannot be used: ${problem.reason}`, problem.location);
  const reason = problem?.reason ?? `no ${kind} artefact found for model "${subject.model.name}"`;
  return result(failed, `${rule.description}: ${reason}`, problem?.location ?? subject.location);
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };

function run(expression: CompiledExpression, context: Record<string, unknown>): Outcome {
  try {
    return { ok: true, value: expression(context) };
  } catch (error) {
    return { ok: false, error: celReason(error) };
  }
}

function messageOf(rule: CompiledRule, context: Record<string, unknown>, fallback: string): string {
  if (!rule.compiled.message) return fallback;
  const message = run(rule.compiled.message, context);
  return message.ok && typeof message.value === 'string' && message.value.trim() !== '' ? message.value : fallback;
}

function itemLocation(item: unknown): SourceLocation | undefined {
  if (typeof item !== 'object' || item === null || !('location' in item)) return undefined;
  const location = (item as { location: unknown }).location;
  return typeof location === 'object' && location !== null && 'path' in location ? (location as SourceLocation) : undefined;
}

const FIELD_REFERENCE = /\b(model_card|lineage|bias|drift)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/;

/** A rule about one field points at that field's line; otherwise at the artefact, or where the model is declared. */
function locateRule(rule: CompiledRule, subject: Subject): SourceLocation {
  const reference = FIELD_REFERENCE.exec(rule.check);
  const kind = (reference?.[1] ?? rule.requires[0]) as ArtefactKind | undefined;
  const evidence: Evidence | undefined = kind ? subject.evidence[kind] : undefined;
  if (!evidence) return subject.location;
  const field = reference?.[2];
  return (field ? evidence.fieldLocations[field] : undefined) ?? { path: evidence.sources[0]!.path };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return `int ${value}`;
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}

/** A waiver turns a failing result of its rule and model into `waived` until the end of its expiry day (UTC). */
function applyWaiver(
  result: RuleResult,
  rule: CompiledRule,
  subject: Subject,
  waivers: readonly LoadedWaiver[],
  now: Date,
  notices: string[],
): RuleResult {
  if (result.status !== 'fail' && result.status !== 'warn') return result;
  const matching = waivers.filter((waiver) => waiver.rule === rule.id && (waiver.model === subject.model.name || waiver.model === '*'));
  const today = now.toISOString().slice(0, 10);
  const active = matching.find((waiver) => waiver.expires >= today);
  if (active) {
    return {
      ...result,
      status: 'waived',
      message: `${result.message} — waived until ${active.expires} by ${active.approved_by}: ${active.reason}`,
      waiver: { reason: active.reason, approved_by: active.approved_by, expires: active.expires },
    };
  }
  const expired = matching[0];
  if (!expired) return result;
  const notice = `${formatLocation(expired.location)}: waiver of rule "${rule.id}" for model "${subject.model.name}" expired on ${expired.expires} and no longer applies`;
  if (!notices.includes(notice)) notices.push(notice);
  return { ...result, message: `${result.message} (waiver expired on ${expired.expires})` };
}

/** Known tiers, least strict first; other labels are compared as written. */
const RISK_ORDER = ['minimal', 'low', 'limited', 'medium', 'high', 'unacceptable'];

/**
 * The configured risk, unless the model card states a stricter known tier: the card sits
 * beside the model and changes in the same pull request, so it may raise the tier but never
 * lower one the config sets.
 */
export function effectiveRisk(configured: string | undefined, card: string | undefined): string {
  if (configured === undefined) return card ?? '';
  if (card === undefined) return configured;
  const rank = (tier: string) => RISK_ORDER.indexOf(tier.trim().toLowerCase());
  return rank(card) > rank(configured) && rank(configured) >= 0 ? card : configured;
}
