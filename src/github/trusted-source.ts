import path from 'node:path';
import { compilePolicy, type CompiledPolicy } from '../engine/compile.js';
import { configError } from '../errors.js';
import { decodeText } from '../io/workspace.js';
import { DEFAULT_CONFIG_PATH, parseRepoConfig, type LoadedRepoConfig } from '../policy/config.js';
import { isPackReference, loadPolicy, type PolicySource, type PolicyText } from '../policy/load.js';
import type { GitHubClient } from './client.js';
import { normalizeRepoPath, readFileAtRef } from './contents.js';
import type { Repository } from './event.js';

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
  /** The config's bytes at the ref, when they were already requested (`readFileAtRef`). */
  config?: Promise<Uint8Array | undefined>;
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
  const configBytes = await (options.config ?? readFileAtRef(client, repository, configFile, ref));
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

function decode(bytes: Uint8Array, file: string): string {
  try {
    return decodeText(bytes, file);
  } catch (error) {
    throw configError(`${file}: ${(error as Error).message}`);
  }
}
