import { Environment } from '@marcbachmann/cel-js';
import { configError, isModelgateError } from '../errors.js';
import { ARTEFACT_KINDS } from '../artefacts/evidence.js';
import type { SourceLocation } from '../document/location.js';
import type { LoadedRule, LoadedWaiver, ResolvedPolicy, RuleExpressionField } from '../policy/load.js';
import { CEL_FUNCTIONS } from './functions.js';

/** A compiled CEL expression: call it with the variables of one subject. */
export type CompiledExpression = (context: Record<string, unknown>) => unknown;

export interface CompiledRule extends LoadedRule {
  compiled: Partial<Record<RuleExpressionField, CompiledExpression>>;
  /** The CEL variables its expressions read, so that a lookup (e.g. of `previous`) happens only when a rule needs it. */
  reads: ReadonlySet<string>;
}

export interface CompiledPolicy {
  name: string;
  version: string;
  description: string | undefined;
  digest: string;
  files: string[];
  rules: CompiledRule[];
  waivers: LoadedWaiver[];
}

/** The variables every expression sees; `item` is added inside `for_each` rules only. */
export const CEL_VARIABLES: Record<string, string> = {
  model: 'a map: name, version, path, risk',
  approvals: 'a list of approvals: user, teams, state, at, source',
  now: 'the time of the evaluation, an RFC 3339 string in UTC',
  previous: "the model's previous approved decision in the audit trail (decision_id, seq, time, verdict, version, datasets, datasets_digest, datasets_total), or null",
  observed: 'what the decision record will observe of the evidence: datasets, datasets_digest, datasets_total, metrics',
  ...Object.fromEntries(ARTEFACT_KINDS.map((kind) => [kind, `the normalized ${kind} evidence (set only when the artefact was read)`])),
};

/** Which result types each expression may have; `dyn` is accepted because evidence fields are dynamic. */
const EXPECTED_TYPES: Record<RuleExpressionField, (type: string) => boolean> = {
  when: (type) => type === 'bool' || type === 'dyn',
  check: (type) => type === 'bool' || type === 'dyn',
  for_each: (type) => type.startsWith('list') || type === 'dyn',
  message: (type) => type === 'string' || type === 'dyn',
};

const VARIABLE_TYPES: Record<string, string> = { approvals: 'list', now: 'string' };

// Structural bounds so that a hostile policy cannot make parsing or evaluation explode.
const CEL_LIMITS = { maxAstNodes: 2000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 };

/**
 * How deeply comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) may nest, a
 * rule's `for_each` counting as one: evaluation cost grows with the product of the lists'
 * sizes, so two levels keep it at most quadratic in the evidence, which the artefact size
 * limits bound. Chained comprehensions (`a.filter(…).all(…)`) do not nest.
 */
export const MAX_COMPREHENSION_NESTING = 2;
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

function createEnvironments(): { subject: Environment; item: Environment } {
  const subject = new Environment({ limits: CEL_LIMITS, homogeneousAggregateLiterals: false });
  for (const name of Object.keys(CEL_VARIABLES)) subject.registerVariable(name, VARIABLE_TYPES[name] ?? 'dyn');
  for (const fn of CEL_FUNCTIONS) subject.registerFunction(fn.signature, fn.handler, { description: fn.description });
  const item = subject.clone().registerVariable('item', 'dyn');
  return { subject, item };
}

/** Compiles every expression of every rule once; any syntax or type error is a configuration error at its line. */
export function compilePolicy(policy: ResolvedPolicy): CompiledPolicy {
  const environments = createEnvironments();
  const rules = policy.rules.map((rule) => compileRule(rule, environments));
  return { ...policy, rules };
}

function compileRule(rule: LoadedRule, environments: { subject: Environment; item: Environment }): CompiledRule {
  const compiled: CompiledRule['compiled'] = {};
  const reads = new Set<string>();
  for (const field of ['when', 'for_each', 'check', 'message'] as const) {
    const expression = rule[field];
    if (expression === undefined) continue;
    const perItem = rule.for_each !== undefined && (field === 'check' || field === 'message');
    const environment = perItem ? environments.item : environments.subject;
    const location = rule.expressionLocations[field] ?? rule.location;
    compiled[field] = compileExpression(environment, expression, field, rule.id, location);
    const ast = (compiled[field] as CompiledExpression & { ast?: unknown }).ast;
    const nesting = comprehensionNesting(ast) + (perItem ? 1 : 0);
    if (nesting > MAX_COMPREHENSION_NESTING) {
      const why = perItem ? ' (the rule\'s for_each counts as one)' : '';
      throw configError(`rule "${rule.id}": ${field}: comprehensions nest ${nesting} deep${why}; at most ${MAX_COMPREHENSION_NESTING} are allowed, so that evaluation stays at most quadratic in the evidence`, location);
    }
    collectVariables(ast, reads);
  }
  return { ...rule, compiled, reads };
}

/** Whether any rule of the policy reads the CEL variable. */
export function policyReads(policy: CompiledPolicy, variable: string): boolean {
  return policy.rules.some((rule) => rule.reads.has(variable));
}

/** The deepest nesting of comprehension macros in an AST: a macro inside another's body adds one. */
function comprehensionNesting(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((deepest: number, element) => Math.max(deepest, comprehensionNesting(element)), 0);
  if (typeof node !== 'object' || node === null || !('op' in node) || !('args' in node)) return 0;
  const { op, args } = node as { op: string; args: unknown };
  if (op === 'rcall' && Array.isArray(args) && typeof args[0] === 'string' && COMPREHENSIONS.has(args[0])) {
    // args: [name, receiver, [variable, body...]]: the receiver runs once, the body once per element.
    return Math.max(comprehensionNesting(args[1]), 1 + comprehensionNesting(args[2]));
  }
  return comprehensionNesting(args);
}

/** Adds every policy variable an AST names; a macro's own variable that shadows one counts too, which only errs towards reading. */
function collectVariables(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const element of node) collectVariables(element, into);
    return;
  }
  if (typeof node !== 'object' || node === null || !('op' in node) || !('args' in node)) return;
  const { op, args } = node as { op: string; args: unknown };
  if (op === 'id') {
    if (typeof args === 'string' && Object.hasOwn(CEL_VARIABLES, args)) into.add(args);
    return;
  }
  collectVariables(args, into);
}

function compileExpression(
  environment: Environment,
  expression: string,
  field: RuleExpressionField,
  ruleId: string,
  location: SourceLocation,
): CompiledExpression {
  const fail = (reason: string) => configError(`rule "${ruleId}": ${field}: ${reason}`, location);
  let type: string;
  let program: CompiledExpression;
  try {
    const check = environment.check(expression);
    if (!check.valid) throw fail(celReason(check.error));
    type = check.type ?? 'dyn';
    program = environment.parse(expression) as CompiledExpression;
  } catch (error) {
    throw isModelgateError(error) ? error : fail(celReason(error));
  }
  if (!EXPECTED_TYPES[field](type)) throw fail(`must return ${expectedName(field)}, but returns ${type}`);
  return program;
}

function expectedName(field: RuleExpressionField): string {
  if (field === 'for_each') return 'a list';
  return field === 'message' ? 'a string' : 'a bool';
}

/** cel-js errors carry a one-line summary and the offset in the expression. */
export function celReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const withSummary = error as Error & { summary?: string; range?: { start: number } };
  const summary = withSummary.summary ?? error.message.split('\n')[0] ?? error.message;
  const at = withSummary.range ? ` (at character ${withSummary.range.start + 1} of the expression)` : '';
  return `${summary}${at}`;
}
