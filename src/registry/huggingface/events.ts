import { z } from 'zod';
import { PayloadError } from '../payload.js';

/**
 * Hugging Face Hub webhook payloads (hub-docs `webhooks.md`): `event.scope` and
 * `event.action`, the `repo` (type, name, headSha), and on content changes `updatedRefs`
 * with the old and new commit of each ref. Pure: body text in, the refs to check out.
 */

const RefSchema = z.looseObject({ ref: z.string().min(1), oldSha: z.string().nullable().optional(), newSha: z.string().nullable().optional() });

const PayloadSchema = z.looseObject({
  event: z.looseObject({ action: z.string().min(1), scope: z.string().min(1) }),
  repo: z.looseObject({
    type: z.string().min(1),
    name: z.string().min(1),
    headSha: z.string().optional(),
    url: z.looseObject({ web: z.string().optional() }).optional(),
  }),
  updatedRefs: z.array(RefSchema).optional(),
  discussion: z.looseObject({ num: z.number().int().positive().optional(), isPullRequest: z.boolean().optional() }).optional(),
});

const SHA = /^[0-9a-f]{40}$/;
const REPO_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

export interface PushedRef {
  ref: string;
  sha: string;
}

export type HubEvent =
  | { kind: 'push'; event: string; repo: string; refs: PushedRef[] }
  | { kind: 'other'; event: string; reason: string };

/** Reads a delivery; `refs` are the updated refs matching `watched` (full names, or a prefix ending in `/*`) that point to a commit (not deleted). */
export function parseHubEvent(text: string, watched: readonly string[]): HubEvent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PayloadError('the body is not JSON');
  }
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PayloadError(`not a Hugging Face webhook payload: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const { event, repo, updatedRefs } = parsed.data;
  const name = `${event.scope}.${event.action}`;
  // Narrower scopes added later are updates of the broader one, as the Hub's documentation says.
  if (event.scope !== 'repo.content' && !event.scope.startsWith('repo.content.')) return { kind: 'other', event: name, reason: `${name} events change no content` };
  if (repo.type !== 'model') return { kind: 'other', event: name, reason: `${repo.type} repositories are not models` };
  if (!REPO_ID.test(repo.name)) throw new PayloadError(`repo.name: "${repo.name}" is not a repository id`);
  const isWatched = (ref: string) => watched.some((pattern) => (pattern.endsWith('/*') ? ref.startsWith(pattern.slice(0, -1)) : pattern === ref));
  let refs: PushedRef[];
  if (updatedRefs) {
    refs = updatedRefs.filter((ref) => isWatched(ref.ref) && typeof ref.newSha === 'string').map((ref) => ({ ref: ref.ref, sha: ref.newSha! }));
  } else {
    // Without updatedRefs, headSha is the head of main.
    refs = isWatched('refs/heads/main') && repo.headSha ? [{ ref: 'refs/heads/main', sha: repo.headSha }] : [];
  }
  const bad = refs.find((ref) => !SHA.test(ref.sha));
  if (bad) throw new PayloadError(`${bad.ref}: "${bad.sha}" is not a commit id`);
  if (refs.length === 0) return { kind: 'other', event: name, reason: `no watched ref (${watched.join(', ')}) was updated` };
  return { kind: 'push', event: name, repo: repo.name, refs };
}
