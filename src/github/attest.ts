import type { Statement } from '../report/attestation.js';
import { describeRequestError, isPermissionDenied, isRequestError, type GitHubClient } from './client.js';
import type { Repository } from './event.js';

/** Which Sigstore instance signs: the public one (Fulcio + Rekor) for public repositories, GitHub's own (Fulcio + timestamps) otherwise. */
export type SigstoreInstance = 'public-good' | 'github';

/** An attestation that could not be made: `attest: true` promised one, so the step fails with this message. */
export class AttestationFailure extends Error {
  override readonly name = 'AttestationFailure';
}

export interface StoredAttestation {
  id: number;
  /** The attestation's page on GitHub. */
  url: string;
}

/**
 * The same choice `@actions/attest` makes when it is not told: a public repository's
 * attestations go to the public-good Sigstore instance and its transparency log; a private or
 * internal repository's stay with GitHub's instance, so nothing about it is published.
 */
export function sigstoreInstanceFor(payload: Record<string, unknown>): SigstoreInstance {
  const repository = payload.repository;
  const visibility = typeof repository === 'object' && repository !== null ? (repository as { visibility?: unknown }).visibility : undefined;
  return visibility === 'public' ? 'public-good' : 'github';
}

/**
 * Whether the job may ask for an OIDC token (`permissions: id-token: write`): the runner sets
 * ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN only then. Throws the reason
 * when it may not, before anything is judged or published.
 */
export function assertCanSign(env: Record<string, string | undefined>): void {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new AttestationFailure(
      `attest: true needs an OIDC token to sign with, and the job cannot request one (${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set): give the job "permissions: id-token: write" (and "attestations: write")`,
    );
  }
}

/**
 * Signs a Statement with a short-lived Sigstore certificate for the workflow's OIDC identity
 * (`@actions/attest`: Fulcio, then Rekor or GitHub's timestamp authority) and stores the
 * bundle with the repository's attestations (`POST /repos/{owner}/{repo}/attestations`)
 * through the Action's client, with its retries and timeouts. Any failure is an
 * AttestationFailure that says what to fix.
 */
export async function createAttestation(
  client: GitHubClient,
  repository: Repository,
  statement: Statement,
  options: { sigstore: SigstoreInstance; serverUrl: string },
): Promise<StoredAttestation> {
  let bundle: unknown;
  try {
    // Loaded only when attestations are asked for: the Sigstore client is large.
    const { attest } = await import('@actions/attest');
    const signed = await attest({
      subjects: statement.subject,
      predicateType: statement.predicateType,
      predicate: statement.predicate,
      sigstore: options.sigstore,
      // The bundle is stored below, through the Action's own client.
      skipWrite: true,
      token: '',
    });
    bundle = signed.bundle;
  } catch (error) {
    throw new AttestationFailure(`the attestation could not be signed (${options.sigstore} Sigstore instance): ${causes(error)}`, { cause: error });
  }
  try {
    const { data } = await client.rest.repos.createAttestation({ ...repository, bundle: bundle as never });
    const id = (data as { id?: unknown }).id;
    if (typeof id !== 'number') throw new AttestationFailure(`GitHub stored the attestation but gave no id (${JSON.stringify(data).slice(0, 200)})`);
    return { id, url: `${options.serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}/attestations/${id}` };
  } catch (error) {
    if (error instanceof AttestationFailure || !isRequestError(error)) throw error;
    const fix = isPermissionDenied(error) ? ': give the job "permissions: attestations: write"' : '';
    throw new AttestationFailure(`the attestation could not be stored (${describeRequestError(error)})${fix}`, { cause: error });
  }
}

/** An error and its causes in one line: Sigstore's errors wrap the HTTP answer that explains them. */
function causes(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current !== undefined && parts.length < 4; current = current instanceof Error ? current.cause : undefined) {
    const text = current instanceof Error ? current.message : String(current);
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join(': ') || 'unknown error';
}
