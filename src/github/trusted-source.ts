import path from 'node:path';
import { compilePolicy, type CompiledPolicy } from '../engine/compile.js';
import { configError } from '../errors.js';
import { decodeText } from '../io/workspace.js';
import { DEFAULT_CONFIG_PATH, parseRepoConfig, type LoadedRepoConfig } from '../policy/config.js';
import { isPackReference, loadPolicy, type PolicySource, type PolicyText } from '../policy/load.js';
import { isRequestError, type ApiError, type GitHubClient } from './client.js';
import type { Repository } from './event.js';
import { readBody } from './response-body.js';

const MAX_POLICY_BYTES = 1024 * 1024;
/** A policy and everything it extends, read one file at a time: a bound against a cycle of missing files. */
const MAX_POLICY_FILES = 64;

export interface TrustedSettings {
  repoConfig: LoadedRepoConfig;
  policy: CompiledPolicy;
  /** Where they were read from, for the log and the reports: `base commit abc1234`, `ref main`, `the workspace`. */
  origin: string;
  /** The ref (a SHA, a branch or a tag) they were read at through the API; unset for the checkout. */
  ref?: string;
  /** Set when there was no config at the trusted ref and the defaults (discovery, the starter pack) apply: the warning to show. */
  defaulted?: string;
}

export interface SettingsOptions {
  /** The `config` input named a file other than the default: it must exist at the trusted ref. */
  configExplicit: boolean;
}

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

class MissingFile extends Error {
  constructor(readonly file: string) {
    super(`not fetched yet: ${file}`);
  }
}

/**
 * Loads `.modelgate.yml` and the policy it names (with everything the policy extends) from a
 * commit through the API. `loadPolicy` reads synchronously, so each file it asks for and does
 * not have yet is fetched and the load is tried again.
 */
export async function loadSettingsAtRef(
  client: GitHubClient,
  repository: Repository,
  ref: string,
  configPath: string,
  policyOverride: string | undefined,
  packs: Pick<PolicySource, 'readPack' | 'packNames'>,
  originLabel: string,
  options: SettingsOptions = { configExplicit: false },
): Promise<TrustedSettings> {
  const configFile = normalizeRepoPath(configPath, '');
  const configBytes = await readFileAtRef(client, repository, configFile, ref);
  if (!configBytes && options.configExplicit) {
    throw configError(`the config ${configFile} (input "config") does not exist at ${originLabel}: create it there, or leave the input unset to use ${DEFAULT_CONFIG_PATH}`);
  }
  // No default config at a trusted commit that exists: discovery and the starter pack, as for the CLI, with a warning.
  const defaulted = configBytes
    ? undefined
    : `there is no ${configFile} at ${originLabel}: models are found by discovery and judged with the defaults (${policyOverride ? `policy ${policyOverride}` : 'the starter pack'})`;
  const repoConfig = parseRepoConfig(configBytes ? decode(configBytes, configFile) : '{}', configFile);
  const root = path.posix.dirname(configFile) === '.' ? '' : path.posix.dirname(configFile);
  const reference = policyOverride ?? repoConfig.config.policy;
  // An override names a repository path; the config's `policy` is relative to the config's folder.
  const topReference = isPackReference(reference) ? reference : normalizeRepoPath(reference, policyOverride ? '' : root);

  const fetched = new Map<string, string | null>();
  const source: PolicySource = {
    readFile(file: string, relativeTo?: string): PolicyText {
      if (relativeTo?.startsWith('pack:')) throw configError(`${relativeTo} extends "${file}": a shipped pack can only extend packs`);
      const target = relativeTo ? normalizeRepoPath(file, path.posix.dirname(relativeTo)) : normalizeRepoPath(file, '');
      if (!fetched.has(target)) throw new MissingFile(target);
      const text = fetched.get(target);
      if (text === null || text === undefined) throw configError(`cannot read policy file ${target}: not found at ${originLabel}`);
      return { path: target, text };
    },
    readPack: (name) => packs.readPack(name),
    packNames: () => packs.packNames(),
  };

  for (let attempt = 0; attempt <= MAX_POLICY_FILES; attempt++) {
    try {
      const policy = compilePolicy(loadPolicy(topReference, source));
      return { repoConfig, policy, origin: originLabel, ref, ...(defaulted && { defaulted }) };
    } catch (error) {
      if (!(error instanceof MissingFile)) throw error;
      const bytes = await readFileAtRef(client, repository, error.file, ref);
      if (bytes && bytes.length > MAX_POLICY_BYTES) throw configError(`policy file ${error.file} is larger than ${MAX_POLICY_BYTES} bytes`);
      fetched.set(error.file, bytes ? decode(bytes, error.file) : null);
    }
  }
  throw configError(`the policy extends more than ${MAX_POLICY_FILES} files`);
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

function decode(bytes: Uint8Array, file: string): string {
  try {
    return decodeText(bytes, file);
  } catch (error) {
    throw configError(`${file}: ${(error as Error).message}`);
  }
}
