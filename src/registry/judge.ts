import { ARTEFACT_KINDS } from '../artefacts/evidence.js';
import { readPreviousDecisions } from '../audit/previous.js';
import type { AuditStore } from '../audit/store.js';
import { gatherSubjects } from '../check.js';
import type { Limits } from '../document/limits.js';
import type { CompiledPolicy } from '../engine/compile.js';
import type { Decision, Subject } from '../engine/decision.js';
import { evaluate } from '../engine/evaluate.js';
import { RepoConfigSchema, type LoadedRepoConfig, type RepoConfig } from '../policy/config.js';
import type { RegistryArtefacts } from './config.js';
import { createRegistryWorkspace, type FetchedFile } from './workspace.js';

/** One registry model version, as the gate judges it. */
export interface RegistryModel {
  name: string;
  version: string | null;
  risk?: string | undefined;
  /** Where its artefacts live, as shown in findings and records (e.g. `runs:/<run id>`). */
  base: string;
  /** The artefacts to read, by kind; paths relative to `base` (or absolute URIs). */
  artefacts: RegistryArtefacts;
}

export interface Judgement {
  decision: Decision;
  subjects: Subject[];
}

/**
 * Judges one model version with the same gathering and engine as `check()`: a one-model
 * repository config over the fetched files, with discovery off. The subjects are kept
 * because an audit record names the digest of every artefact judged.
 */
export async function judgeRegistryModel(
  policy: CompiledPolicy,
  limits: Limits,
  model: RegistryModel,
  files: ReadonlyMap<string, FetchedFile>,
  registry: string,
  now: Date,
  /** The audit store decisions are recorded in: rules that read `previous` compare with its last approved decision. */
  store: AuditStore,
  /** Set when the model version itself could not be read: every kind is then a blocking problem, whatever was configured. */
  unreadableReason?: string,
): Promise<Judgement> {
  // Built, not parsed: registry model names (spaces, any character MLflow allows) need not be repository model names.
  const config: RepoConfig = { ...baseConfig(limits), models: [
    {
      name: model.name,
      path: model.base,
      ...(model.version !== null && { version: model.version }),
      ...(model.risk !== undefined && { risk: model.risk }),
      artefacts: model.artefacts,
    },
  ] };
  const repoConfig: LoadedRepoConfig = { path: `${registry} ${model.name}`, config, modelLocations: { [model.name]: { path: model.base } } };
  const workspace = createRegistryWorkspace(model.base, files, registry);
  const previousDecisions = await readPreviousDecisions(policy, store);
  const request = { repoConfig, policy, workspace, now, ...(previousDecisions && { previousDecisions }) };
  const subjects = await gatherSubjects(request);
  if (unreadableReason !== undefined) {
    for (const subject of subjects) {
      subject.evidence = {};
      for (const kind of ARTEFACT_KINDS) subject.problems[kind] = { blocking: true, reason: `cannot be read from ${registry}: ${unreadableReason}`, location: subject.location };
    }
  }
  return { decision: evaluate(policy, subjects, { now }), subjects };
}

/** The repository config around every registry model: parsed once per limits, as the server's limits never change. */
const baseConfigs = new WeakMap<Limits, RepoConfig>();
function baseConfig(limits: Limits): RepoConfig {
  let config = baseConfigs.get(limits);
  if (!config) {
    config = RepoConfigSchema.parse({ policy: 'starter', discover: { enabled: false, roots: [] }, limits });
    baseConfigs.set(limits, config);
  }
  return config;
}

/** The rules a decision failed (status fail or error), each once, in order. */
export function failedRules(decision: Decision): string[] {
  const rules = decision.models.flatMap((model) => model.results.filter((result) => result.status === 'fail' || result.status === 'error').map((result) => result.rule));
  return [...new Set(rules)];
}
