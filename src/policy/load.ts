import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { configError, isModelgateError } from '../errors.js';
import type { SourceLocation } from '../document/location.js';
import { parseYaml } from '../document/parse.js';
import { validateDocument } from '../document/validate.js';
import { PolicySchema, type Policy, type Rule, type Waiver } from './schema.js';

export interface PolicyText {
  /** A display path (relative to the repository, or `pack:<name>`) and its text. */
  path: string;
  text: string;
}

/** Where policies come from: files (relative to the file that names them) and shipped packs. */
export interface PolicySource {
  readFile(path: string, relativeTo?: string): PolicyText;
  readPack(name: string): PolicyText | undefined;
  packNames(): string[];
}

export type RuleExpressionField = 'when' | 'for_each' | 'check' | 'message';

export interface LoadedRule extends Rule {
  /** Where the rule is defined, and where each of its expressions stands. */
  location: SourceLocation;
  expressionLocations: Partial<Record<RuleExpressionField, SourceLocation>>;
}

export interface LoadedWaiver extends Waiver {
  location: SourceLocation;
}

export interface ResolvedPolicy {
  name: string;
  version: string;
  description: string | undefined;
  /** sha256 over the canonical JSON of the effective rules and waivers. */
  digest: string;
  files: string[];
  rules: LoadedRule[];
  waivers: LoadedWaiver[];
}

const PACK_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** A reference without a slash or extension names a shipped pack; anything else is a file. */
export function isPackReference(reference: string): boolean {
  return PACK_NAME.test(reference);
}

export function readPolicyReference(reference: string, source: PolicySource, relativeTo?: string): PolicyText {
  if (!isPackReference(reference)) return source.readFile(reference, relativeTo);
  const pack = source.readPack(reference);
  if (!pack) {
    throw configError(`unknown policy pack "${reference}" (shipped packs: ${source.packNames().join(', ')})`);
  }
  return pack;
}

/** Loads a policy and everything it extends; base rules come first and a rule with the same id overrides. */
export function loadPolicy(reference: string, source: PolicySource): ResolvedPolicy {
  const top = readPolicyReference(reference, source);
  const files: string[] = [];
  const { policy: header, rules, waivers } = resolve(top, source, [], files);
  // A policy without rules would pass every model: that is a mistake, not a policy.
  if (rules.length === 0) throw configError(`policy "${header.metadata.name}" has no rules`, { path: top.path });
  const ruleIds = new Set(rules.map((rule) => rule.id));
  const stray = waivers.find((waiver) => !ruleIds.has(waiver.rule));
  // A misspelt rule id would waive nothing, silently: refuse it.
  if (stray) throw configError(`waiver names rule "${stray.rule}", which this policy does not have`, stray.location);
  return {
    name: header.metadata.name,
    version: header.metadata.version,
    description: header.metadata.description,
    digest: `sha256:${createHash('sha256').update(policyDigestContent({ name: header.metadata.name, version: header.metadata.version, rules, waivers })).digest('hex')}`,
    files,
    rules,
    waivers,
  };
}

interface Resolution {
  policy: Policy;
  rules: LoadedRule[];
  waivers: LoadedWaiver[];
}

function resolve(text: PolicyText, source: PolicySource, chain: string[], files: string[]): Resolution {
  if (chain.includes(text.path)) {
    throw configError(`policy extends itself: ${[...chain, text.path].join(' -> ')}`, { path: text.path });
  }
  const document = parseYaml(text.text, text.path, { errorCode: 'config' });
  const policy = validateDocument(document, PolicySchema, 'policy');
  const rules = new Map<string, LoadedRule>();
  const waivers: LoadedWaiver[] = [];
  policy.extends.forEach((reference, index) => {
    const base = resolve(readExtended(reference, source, text.path, document.locate(['extends', index])), source, [...chain, text.path], files);
    for (const rule of base.rules) rules.set(rule.id, rule);
    waivers.push(...base.waivers);
  });
  files.push(text.path);
  const seen = new Set<string>();
  policy.rules.forEach((rule, index) => {
    const location = document.locate(['rules', index]);
    if (seen.has(rule.id)) throw configError(`rule id "${rule.id}" is defined twice in this policy`, location);
    seen.add(rule.id);
    const expressionLocations: LoadedRule['expressionLocations'] = {};
    for (const field of ['when', 'for_each', 'check', 'message'] as const) {
      if (rule[field] !== undefined) expressionLocations[field] = document.locate(['rules', index, field]);
    }
    // Deleting first keeps an overriding rule at the end, in the order a reader of this file expects.
    rules.delete(rule.id);
    rules.set(rule.id, { ...rule, location, expressionLocations });
  });
  policy.waivers.forEach((waiver, index) => waivers.push({ ...waiver, location: document.locate(['waivers', index]) }));
  return { policy, rules: [...rules.values()], waivers };
}

function readExtended(reference: string, source: PolicySource, from: string, at: SourceLocation): PolicyText {
  try {
    return readPolicyReference(reference, source, from);
  } catch (error) {
    if (isModelgateError(error) && error.location === undefined) {
      throw configError(`extends "${reference}": ${error.message}`, at);
    }
    throw error;
  }
}

/**
 * The exact text a policy digest is the sha256 of: the canonical JSON (RFC 8785) of its name,
 * version, rules and waivers as resolved, without source positions. Evidence packs store it as
 * `policy.json`, so `sha256sum` of that file reproduces the digest in the records.
 */
export function policyDigestContent(policy: Pick<ResolvedPolicy, 'name' | 'version' | 'rules' | 'waivers'>): string {
  const content = {
    name: policy.name,
    version: policy.version,
    rules: policy.rules.map(({ location: _location, expressionLocations: _expressions, ...rule }) => rule),
    waivers: policy.waivers.map(({ location: _location, ...waiver }) => waiver),
  };
  return canonicalize(content) ?? '';
}
