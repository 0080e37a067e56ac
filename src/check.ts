import { z } from 'zod';
import { ApprovalSchema, ARTEFACT_KINDS, type Approval, type ArtefactKind, type Evidence } from './artefacts/evidence.js';
import { mergeEvidence, readArtefact, type ArtefactFile } from './artefacts/read.js';
import type { Limits } from './document/limits.js';
import type { SourceLocation } from './document/location.js';
import type { CompiledPolicy } from './engine/compile.js';
import type { ArtefactProblem, Decision, PreviousDecisionLookup, Subject } from './engine/decision.js';
import { evaluate } from './engine/evaluate.js';
import { ModelgateError, describeError, isModelgateError } from './errors.js';
import { CONVENTIONAL_ARTEFACTS, type LoadedRepoConfig, type ModelConfig } from './policy/config.js';

/** The repository as the gate sees it; the filesystem, a git tree or an API can stand behind it. */
export interface Workspace {
  /** Files matching the globs under `base` (a repository-relative folder), repository-relative and sorted. */
  findFiles(base: string, patterns: readonly string[]): Promise<string[]>;
  /** Folders matching the globs, repository-relative and sorted. */
  findFolders(patterns: readonly string[]): Promise<string[]>;
  /** Reads one file as UTF-8 text; refuses files outside the repository, binary files and files over the limit. */
  readFile(path: string, limits: Limits): Promise<ArtefactFile>;
}

/** An approval, from a file for CI systems other than GitHub; `model` limits it to one model. */
export const ApprovalEntrySchema = ApprovalSchema.extend({ model: z.string().optional() });
export const ApprovalsFileSchema = z.array(ApprovalEntrySchema);
export type ApprovalEntry = z.infer<typeof ApprovalEntrySchema>;

export interface CheckRequest {
  repoConfig: LoadedRepoConfig;
  policy: CompiledPolicy;
  workspace: Workspace;
  /** Model names to check; all configured and discovered models when empty. */
  models?: readonly string[];
  approvals?: readonly ApprovalEntry[];
  now: Date;
  /**
   * Each model's previous approved decision, read from the audit trail at the edge (see
   * `lookupPreviousDecisions`); without it, policies see `previous` as null.
   */
  previousDecisions?: PreviousDecisionLookup;
}

/** The one use case: gather evidence for each model, judge it, return the Decision. */
export async function check(request: CheckRequest): Promise<Decision> {
  return (await checkKeepingSubjects(request)).decision;
}

/** `check`, keeping what was judged: an audit record names the digest of every artefact read. */
export async function checkKeepingSubjects(request: CheckRequest): Promise<{ decision: Decision; subjects: Subject[] }> {
  const subjects = await gatherSubjects(request);
  return { decision: evaluate(request.policy, subjects, { now: request.now }), subjects };
}

export async function gatherSubjects(request: CheckRequest): Promise<Subject[]> {
  const { repoConfig, workspace } = request;
  const all = await listModels(repoConfig, workspace);
  const selected = selectModels(all, request.models ?? []);
  return Promise.all(
    selected.map(async ({ model, location }) => {
      const subject: Subject = {
        model: { name: model.name, version: model.version, path: model.path, risk: model.risk },
        location,
        evidence: {},
        problems: {},
        approvals: approvalsFor(model.name, request.approvals ?? []),
        ...previousFor(model.name, request.previousDecisions),
      };
      for (const kind of ARTEFACT_KINDS) {
        const gathered = await gatherKind(kind, model, location, workspace, repoConfig.config.limits);
        if ('evidence' in gathered) subject.evidence[kind] = gathered.evidence as never;
        else subject.problems[kind] = gathered.problem;
      }
      return subject;
    }),
  );
}

export interface ListedModel {
  model: ModelConfig;
  location: SourceLocation;
  discovered: boolean;
}

/** Configured models, then models found by convention in the discovery roots. */
export async function listModels(repoConfig: LoadedRepoConfig, workspace: Workspace): Promise<ListedModel[]> {
  const { config } = repoConfig;
  const listed: ListedModel[] = config.models.map((model) => ({
    model,
    location: repoConfig.modelLocations[model.name] ?? { path: repoConfig.path },
    discovered: false,
  }));
  if (!config.discover.enabled) return listed;
  const configuredPaths = new Set(config.models.map((model) => normalizeFolder(model.path)));
  const names = new Map(config.models.map((model) => [model.name, model.path]));
  for (const folder of await workspace.findFolders(config.discover.roots)) {
    if (configuredPaths.has(normalizeFolder(folder))) continue;
    const name = folder.split('/').pop() ?? folder;
    const conventional = await workspace.findFiles(folder, Object.values(CONVENTIONAL_ARTEFACTS).flat());
    if (conventional.length === 0) continue;
    // Skipping a second folder of the same name would leave a model unchecked without a word.
    const other = names.get(name);
    if (other !== undefined) {
      throw new ModelgateError('config', `two models are named "${name}" (${other} and ${folder}): list one in the config with a name of its own`, { path: repoConfig.path });
    }
    names.set(name, folder);
    listed.push({ model: { name, path: folder, artefacts: {} }, location: { path: folder }, discovered: true });
  }
  return listed;
}

function normalizeFolder(path: string): string {
  return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}

function selectModels(all: ListedModel[], names: readonly string[]): ListedModel[] {
  if (names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((entry) => entry.model.name === name));
  if (unknown.length > 0) {
    const known = all.map((entry) => entry.model.name).join(', ') || 'none';
    throw new ModelgateError('usage', `unknown model ${unknown.map((name) => `"${name}"`).join(', ')} (models: ${known})`);
  }
  return all.filter((entry) => names.includes(entry.model.name));
}

function approvalsFor(model: string, approvals: readonly ApprovalEntry[]): Approval[] {
  return approvals
    .filter((approval) => approval.model === undefined || approval.model === model)
    .map(({ model: _model, ...approval }) => approval);
}

function previousFor(model: string, lookup: PreviousDecisionLookup | undefined): Pick<Subject, 'previous'> {
  if (lookup === undefined) return {};
  return { previous: 'unavailable' in lookup ? lookup : (lookup.decisions.get(model) ?? null) };
}

type Gathered = { evidence: Evidence } | { problem: ArtefactProblem };

async function gatherKind(
  kind: ArtefactKind,
  model: ModelConfig,
  modelLocation: SourceLocation,
  workspace: Workspace,
  limits: Limits,
): Promise<Gathered> {
  const spec = model.artefacts[kind];
  let files: string[];
  if (spec) {
    files = await workspace.findFiles(model.path, spec.paths);
    if (files.length === 0) {
      return problem(true, `configured ${kind} artefact not found: ${spec.paths.join(', ')} (in ${model.path})`, modelLocation);
    }
  } else {
    files = await findConventional(kind, model.path, workspace);
    if (files.length === 0) {
      return problem(false, `no ${kind} artefact found for model "${model.name}" (set artefacts.${kind} in the config)`, modelLocation);
    }
  }
  if (files.length > limits.max_files_per_kind) {
    return problem(true, `${files.length} ${kind} files match, more than the limit of ${limits.max_files_per_kind}`, modelLocation);
  }
  try {
    const parts: Evidence[] = [];
    for (const path of files) {
      const file = await workspace.readFile(path, limits);
      parts.push(readArtefact(file, { kind, format: spec?.format, limits }));
    }
    return { evidence: mergeEvidence(kind, parts) };
  } catch (error) {
    if (isModelgateError(error)) return problem(true, error.reason, error.location ?? modelLocation);
    return problem(true, `cannot read ${kind} artefact: ${describeError(error)}`, modelLocation);
  }
}

async function findConventional(kind: ArtefactKind, folder: string, workspace: Workspace): Promise<string[]> {
  for (const pattern of CONVENTIONAL_ARTEFACTS[kind]) {
    const files = await workspace.findFiles(folder, [pattern]);
    if (files.length > 0) return files;
  }
  return [];
}

function problem(blocking: boolean, reason: string, location: SourceLocation): Gathered {
  return { problem: { blocking, reason, location } };
}
