/**
 * What a workflow event asks the gate to judge: which commit, which models, whose approvals
 * never count, and whether the token may write. Pure: it takes the event payload as data.
 */

export interface Repository {
  owner: string;
  repo: string;
}

export interface PullRequestTarget {
  number: number;
  baseSha: string;
  headSha: string;
  author: string;
  /** A fork's PR under `pull_request`: GitHub gives such runs a read-only token. */
  fromFork: boolean;
  /** How many files the PR changes, as the event says; the files API lists at most 3000. */
  changedFiles: number | undefined;
  url: string | undefined;
}

export interface ReleaseTarget {
  id: number | undefined;
  tag: string;
  author: string | undefined;
}

export type GateTarget =
  | {
      kind: 'pull_request';
      event: string;
      /** The commit the check run belongs to: the PR head, not the merge commit the runner checked out. */
      sha: string;
      ref: string;
      pullRequest: PullRequestTarget;
      /** Whose approvals never count: the PR's author. */
      author: string;
    }
  | { kind: 'release'; event: string; sha: string; ref: string; release: ReleaseTarget; tag: TagModel | undefined; author: string | undefined }
  | { kind: 'tag'; event: string; sha: string; ref: string; tag: TagModel | undefined; author: string | undefined }
  | { kind: 'branch' | 'dispatch' | 'deployment' | 'schedule'; event: string; sha: string; ref: string; models: string[]; author: string | undefined; environment?: string };

export type EventPlan = { target: GateTarget } | { unsupported: string } | { nothingToDo: string };

export const SUPPORTED_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'release', 'push', 'workflow_dispatch', 'deployment', 'schedule'] as const;

export interface RunnerContext {
  eventName: string;
  /** GITHUB_SHA and GITHUB_REF: what the runner checked out. */
  sha: string;
  ref: string;
  /** GITHUB_ACTOR: who triggered the run. */
  actor: string | undefined;
}

/** A tag that names a model: `fraud-scorer@1.4.0` or `fraud-scorer/v1.4.0`; other tags name no model. */
export interface TagModel {
  model: string;
  version: string;
}

export function parseModelTag(tag: string): TagModel | undefined {
  const name = tag.replace(/^refs\/tags\//, '');
  const at = /^(.+)@v?(\d[\w.+-]*)$/.exec(name);
  if (at) return { model: at[1]!, version: at[2]! };
  const slash = /^(.+)\/v?(\d[\w.+-]*)$/.exec(name);
  if (slash) return { model: slash[1]!, version: slash[2]! };
  return undefined;
}

type Payload = Record<string, unknown>;

export function planFromEvent(context: RunnerContext, payload: Payload): EventPlan {
  const { eventName } = context;
  switch (eventName) {
    case 'pull_request':
    case 'pull_request_target':
    case 'pull_request_review':
      return pullRequestPlan(context, payload);
    case 'release': {
      const release = object(payload.release);
      const tag = string(release.tag_name) ?? context.ref.replace(/^refs\/tags\//, '');
      return {
        target: {
          kind: 'release',
          event: eventName,
          sha: context.sha,
          ref: context.ref || `refs/tags/${tag}`,
          release: { id: number(release.id), tag, author: string(object(release.author).login) },
          tag: parseModelTag(tag),
          author: string(object(release.author).login),
        },
      };
    }
    case 'push': {
      const ref = string(payload.ref) ?? context.ref;
      if (payload.deleted === true) return { nothingToDo: `${ref} was deleted: nothing to check` };
      const author = string(object(payload.sender).login) ?? context.actor;
      const sha = string(payload.after) ?? context.sha;
      if (ref.startsWith('refs/tags/')) return { target: { kind: 'tag', event: eventName, sha, ref, tag: parseModelTag(ref), author } };
      return { target: { kind: 'branch', event: eventName, sha, ref, models: [], author } };
    }
    case 'workflow_dispatch':
    case 'schedule': {
      const inputs = object(payload.inputs);
      const named = string(inputs.model) ?? string(inputs.models);
      const author = eventName === 'schedule' ? undefined : (string(object(payload.sender).login) ?? context.actor);
      const tag = context.ref.startsWith('refs/tags/') ? parseModelTag(context.ref) : undefined;
      return {
        target: {
          kind: eventName === 'schedule' ? 'schedule' : 'dispatch',
          event: eventName,
          sha: context.sha,
          ref: context.ref,
          models: named ? splitList(named) : tag ? [tag.model] : [],
          author,
        },
      };
    }
    case 'deployment': {
      const deployment = object(payload.deployment);
      const ref = string(deployment.ref) ?? context.ref;
      const deploymentPayload = object(deployment.payload);
      const named = string(deploymentPayload.model) ?? string(deploymentPayload.models);
      const tag = parseModelTag(ref);
      return {
        target: {
          kind: 'deployment',
          event: eventName,
          sha: string(deployment.sha) ?? context.sha,
          ref,
          models: named ? splitList(named) : tag ? [tag.model] : [],
          author: string(object(deployment.creator).login) ?? context.actor,
          ...(string(deployment.environment) ? { environment: string(deployment.environment)! } : {}),
        },
      };
    }
    default:
      return {
        unsupported: `modelgate does not gate "${eventName}" events; it runs on ${SUPPORTED_EVENTS.join(', ')}. Nothing was checked.`,
      };
  }
}

function pullRequestPlan(context: RunnerContext, payload: Payload): EventPlan {
  const pr = object(payload.pull_request);
  const number = numberOf(pr.number) ?? numberOf(payload.number);
  const head = object(pr.head);
  const base = object(pr.base);
  const headSha = string(head.sha);
  const baseSha = string(base.sha);
  if (number === undefined || !headSha || !baseSha) {
    return { unsupported: `the ${context.eventName} event payload has no pull_request with a number, head.sha and base.sha; nothing was checked` };
  }
  const headRepo = string(object(head.repo).full_name);
  const baseRepo = string(object(base.repo).full_name);
  const author = string(object(pr.user).login) ?? '';
  // Only `pull_request` (and its reviews) runs with the fork's read-only token; `pull_request_target` runs in the base repository.
  const fromFork = context.eventName !== 'pull_request_target' && (headRepo === undefined || headRepo !== baseRepo);
  return {
    target: {
      kind: 'pull_request',
      event: context.eventName,
      sha: headSha,
      ref: string(base.ref) ? `refs/heads/${string(base.ref)}` : context.ref,
      pullRequest: { number, baseSha, headSha, author, fromFork, changedFiles: numberOf(pr.changed_files), url: string(pr.html_url) },
      author,
    },
  };
}

export function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

function object(value: unknown): Payload {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : {};
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return number(value);
}
