import path from 'node:path';
import type { Approval } from '../artefacts/evidence.js';
import { verdictOfResults, worstVerdict, type Decision, type RuleResult } from '../engine/decision.js';

export const POLICY_CHANGED_RULE = 'policy.changed';

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
  const exact = new Set([files.config, ...files.policy].map((file) => path.posix.normalize(file)));
  const patterns = files.globs.map(globToRegExp);
  return changed.filter((file) => exact.has(path.posix.normalize(file)) || patterns.some((pattern) => pattern.test(file)));
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
 * so the pull request cannot name its own.
 */
export function policyChangeResult(changed: readonly string[], approvals: readonly Approval[], owners: PolicyOwners): RuleResult {
  const approvers = [
    ...new Set(
      approvals
        .filter((approval) => approval.state === 'approved' && approval.user.toLowerCase() !== owners.author.toLowerCase())
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

/** The Decision with a result added to every model, and the verdicts worked out again. */
export function addResult(decision: Decision, result: RuleResult): Decision {
  const models = decision.models.map((model) => {
    const results = [result, ...model.results];
    return { ...model, results, verdict: verdictOfResults(results) };
  });
  return { ...decision, models, verdict: worstVerdict(models.map((model) => model.verdict)) };
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
