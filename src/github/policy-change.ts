import path from 'node:path';
import type { Approval } from '../artefacts/evidence.js';
import { verdictOfResults, worstVerdict, type Decision, type RuleResult } from '../engine/decision.js';
import { REVIEW_SOURCE } from './approvals.js';

export const POLICY_CHANGED_RULE = 'policy.changed';

/**
 * Files that count as policy in every repository: the workflows and local actions. A pull
 * request's workflow runs the gate with the pull request's own inputs (`models`, `fail-on`,
 * `policy`, `config`), so changing it changes what judges the pull request.
 */
export const DEFAULT_POLICY_GLOBS: readonly string[] = ['.github/workflows/**', '.github/actions/**'];

/**
 * The name of the entry a repository-level finding gets in `models[]` when no model was judged
 * (a pull request that changes only the policy of a repository without models): the Decision
 * keeps its shape, and the finding still blocks.
 */
export const REPOSITORY_ENTRY = '(repository)';

export interface PolicyFiles {
  /** The repository config, repository-relative. */
  config: string;
  /** The policy files the trusted commit loads (`pack:` entries are shipped with the Action, not in the repository). */
  policy: readonly string[];
  /** More globs from `github.policy_paths`, relative to the repository root. */
  globs: readonly string[];
}

/** The changed paths that are policy: the config, a policy file, or a path matching `policy_paths`. */
export function changedPolicyFiles(changed: readonly string[], files: PolicyFiles): string[] {
  const isPolicy = policyMatcher(files);
  return changed.filter(isPolicy);
}

/** Whether a repository path is policy: the config, a loaded policy file, the workflows, or a `policy_paths` glob. */
export function policyMatcher(files: PolicyFiles): (file: string) => boolean {
  const exact = new Set([files.config, ...files.policy].map((file) => path.posix.normalize(file)));
  const patterns = [...DEFAULT_POLICY_GLOBS, ...files.globs].map(globToRegExp);
  return (file) => exact.has(path.posix.normalize(file)) || patterns.some((pattern) => pattern.test(file));
}

/**
 * The policy files that differ between two commits, from the blob SHAs of their trees: a file
 * added, removed or changed. Used when GitHub cannot list every file of a pull request.
 */
export function diffPolicyTrees(base: ReadonlyMap<string, string>, head: ReadonlyMap<string, string>, files: PolicyFiles): string[] {
  const isPolicy = policyMatcher(files);
  const paths = new Set([...base.keys(), ...head.keys()]);
  return [...paths].filter((file) => isPolicy(file) && base.get(file) !== head.get(file)).sort();
}

export interface PolicyOwners {
  /** Team references from the trusted config; empty means any approver other than the author. */
  owners: readonly string[];
  required: number;
  author: string;
}

/**
 * The `policy.changed` finding: a pull request that changes what judges it passes only with
 * approvals of different policy owners, never its author's. The trusted config names the owners,
 * so the pull request cannot name its own. `approvals` must be the reviews given on the head
 * commit: an approval of an older commit never approves a policy change.
 */
export function policyChangeResult(changed: readonly string[], approvals: readonly Approval[], owners: PolicyOwners): RuleResult {
  const approvers = [
    ...new Set(
      approvals
        .filter((approval) => approval.state === 'approved' && approval.source === REVIEW_SOURCE && approval.user.toLowerCase() !== owners.author.toLowerCase())
        .filter((approval) => owners.owners.length === 0 || approval.teams.some((team) => owners.owners.includes(team)))
        .map((approval) => approval.user),
    ),
  ].sort();
  const who = owners.owners.length > 0 ? `a member of ${owners.owners.join(' or ')}` : 'a reviewer other than the author (no github.policy_owners are configured)';
  const files = changed.join(', ');
  const base = { rule: POLICY_CHANGED_RULE, severity: 'error' as const, controls: [], location: { path: changed[0]! } };
  if (approvers.length >= owners.required) {
    return { ...base, status: 'pass', message: `this pull request changes the policy (${files}); approved by ${approvers.join(', ')}` };
  }
  const count = owners.required === 1 ? 'an approval' : `${owners.required} approvals by different people`;
  const have = approvers.length > 0 ? ` (so far: ${approvers.join(', ')})` : '';
  return {
    ...base,
    status: 'fail',
    message: `this pull request changes the policy (${files}): it needs ${count} from ${who}${have}; every model was judged with the policy of the trusted commit, not the changed one`,
  };
}

/**
 * A failing `policy.changed` when GitHub cannot tell whether the pull request changes the
 * policy: no approval makes it pass, since nobody can see what would be approved.
 */
export function policyUnknownResult(reason: string, location: string): RuleResult {
  return {
    rule: POLICY_CHANGED_RULE,
    status: 'fail',
    severity: 'error',
    controls: [],
    location: { path: location },
    message: `cannot rule out a policy change: ${reason}; every model was judged with the policy of the trusted commit`,
  };
}

/**
 * The Decision with a result added to every model, and the verdicts worked out again. With no
 * model, the result goes into an entry named `(repository)`, so that a failing repository-level
 * finding still blocks and shows.
 */
export function addResult(decision: Decision, result: RuleResult): Decision {
  if (decision.models.length === 0) {
    const entry = { name: REPOSITORY_ENTRY, version: null, verdict: verdictOfResults([result]), results: [result] };
    return { ...decision, models: [entry], verdict: worstVerdict([decision.verdict, entry.verdict]) };
  }
  const models = decision.models.map((model) => {
    const results = [result, ...model.results];
    return { ...model, results, verdict: verdictOfResults(results) };
  });
  return { ...decision, models, verdict: worstVerdict([decision.verdict, ...models.map((model) => model.verdict)]) };
}

/** `*` within a segment, `**` across segments, `?`, `{a,b}`; enough for the paths of a config. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const slash = glob[index + 2] === '/';
        pattern += slash ? '(?:.*/)?' : '.*';
        index += slash ? 2 : 1;
      } else {
        pattern += '[^/]*';
      }
    } else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', index);
      if (end === -1) pattern += '\\{';
      else {
        pattern += `(?:${glob
          .slice(index + 1, end)
          .split(',')
          .map((part) => part.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))
          .join('|')})`;
        index = end;
      }
    } else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}
