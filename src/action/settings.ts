import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePolicy } from '../engine/compile.js';
import { configError } from '../errors.js';
import type { SettingsOptions, TrustedSettings } from '../github/trusted-source.js';
import { createFsPolicySource } from '../io/policy-source.js';
import { decodeText, toPosix } from '../io/workspace.js';
import { parseRepoConfig } from '../policy/config.js';
import { isPackReference, loadPolicy } from '../policy/load.js';

/**
 * The config and policy of the checked-out commit, for events whose checkout is already
 * trusted (a tag, a release, a branch, a manual run). Paths are shown relative to the
 * repository root, as GitHub needs them for annotations.
 */
export async function loadLocalSettings(root: string, configPath: string, policyOverride: string | undefined, options: SettingsOptions = { configExplicit: false }): Promise<TrustedSettings> {
  const configFile = toPosix(path.normalize(configPath));
  let text: string | undefined;
  try {
    const bytes = await readFile(path.resolve(root, configFile));
    text = decodeText(bytes, configFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw configError(`${configFile}: ${(error as Error).message}`);
    if (options.configExplicit) throw configError(`the config ${configFile} (input "config") does not exist in the checked-out commit`);
  }
  const defaulted =
    text === undefined ? `there is no ${configFile} in the checked-out commit: models are found by discovery and judged with the defaults (${policyOverride ? `policy ${policyOverride}` : 'the starter pack'})` : undefined;
  text ??= '{}';
  const repoConfig = parseRepoConfig(text, configFile);
  const reference = policyOverride ?? repoConfig.config.policy;
  const configDir = path.posix.dirname(configFile);
  const resolved = isPackReference(reference) ? reference : policyOverride ? reference : path.posix.join(configDir, reference);
  const policy = compilePolicy(loadPolicy(resolved, createFsPolicySource(root)));
  return { repoConfig, policy, origin: 'the checked-out commit', ...(defaulted && { defaulted }) };
}
