import path from 'node:path';
import { configError } from '../errors.js';
import { isRequestError, type ApiError, type GitHubClient } from './client.js';
import type { Repository } from './event.js';
import { readBody } from './response-body.js';

/**
 * Reads one file of the repository at a commit through the contents API, as raw text;
 * undefined when the commit has no such file. The runner's checkout is never consulted, so a
 * pull request cannot change what judges it.
 */
export async function readFileAtRef(client: GitHubClient, repository: Repository, file: string, ref: string): Promise<Uint8Array | undefined> {
  try {
    const response = await client.rest.repos.getContent({
      ...repository,
      path: file,
      ref,
      mediaType: { format: 'raw' },
      // The bytes as stored, whatever content type the server gives them: line numbers must match the file.
      request: { parseSuccessResponseBody: false },
    });
    return await readBody(response.data as unknown);
  } catch (error) {
    if (isRequestError(error) && error.status === 404) {
      if (isMissingRef(error)) {
        throw configError(`the trusted ref "${ref}" does not exist in ${repository.owner}/${repository.repo} (GitHub: ${errorMessage(error)}); the policy and config cannot be read, so the gate fails closed`);
      }
      return undefined;
    }
    throw error;
  }
}

/** GitHub's 404 for a ref that names no commit, as against a file missing at a commit that exists. */
function isMissingRef(error: ApiError): boolean {
  return /no commit found for the ref/i.test(errorMessage(error));
}

function errorMessage(error: ApiError): string {
  const data = (error.response as { data?: unknown } | undefined)?.data;
  if (typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string') return (data as { message: string }).message;
  return error.message.replace(/\s*-\s*https:\/\/docs\.github\.com\S*/g, '').trim() || 'Not Found';
}

/**
 * A repository-relative path from a reference relative to `folder`. Through the API only
 * files of the repository exist, so a path that climbs out of it is refused.
 */
export function normalizeRepoPath(reference: string, folder: string): string {
  const joined = path.posix.normalize(path.posix.join(folder, reference.replace(/\\/g, '/')));
  if (path.posix.isAbsolute(reference) || joined === '..' || joined.startsWith('../')) {
    throw configError(`policy path "${reference}" leaves the repository; read through the GitHub API, only files of the repository can be used`);
  }
  return joined.replace(/^\.\//, '');
}
