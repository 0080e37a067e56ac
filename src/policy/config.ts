import { z } from 'zod';
import { configError } from '../errors.js';
import { ARTEFACT_KINDS, type ArtefactKind } from '../artefacts/evidence.js';
import { FORMATS, findFormat } from '../artefacts/formats/index.js';
import { LimitsSchema } from '../document/limits.js';
import type { ParsedDocument } from '../document/parse.js';
import { parseYaml } from '../document/parse.js';
import { validateDocument } from '../document/validate.js';
import type { SourceLocation } from '../document/location.js';

export { DEFAULT_CONFIG_PATH } from './config-path.js';

/** Paths in the config are relative to the repository and may not climb out of it. */
const relativePath = z
  .string()
  .trim()
  .min(1)
  .refine((path) => !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path), 'must be relative to the repository')
  .refine((path) => !path.split(/[\\/]/).includes('..'), 'must not contain ".." (paths stay inside the repository)');

const globs = z.union([relativePath.transform((glob) => [glob]), z.array(relativePath).min(1)]);

export const ArtefactSpecSchema = z.union([
  globs.transform((paths) => ({ paths, format: undefined as string | undefined })),
  z
    .object({
      path: globs,
      format: z
        .string()
        .trim()
        .refine((id) => findFormat(id) !== undefined, { error: (issue) => `unknown format "${String(issue.input)}" (formats: ${FORMATS.map((format) => format.id).join(', ')})` })
        .optional(),
    })
    .strict()
    .transform(({ path, format }) => ({ paths: path, format })),
]);
export type ArtefactSpec = z.output<typeof ArtefactSpecSchema>;

export const ModelConfigSchema = z
  .object({
    name: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._@/-]*$/, 'must be a model name: letters, digits, ".", "_", "-", "@", "/"'),
    path: relativePath,
    version: z.string().trim().min(1).optional(),
    risk: z.string().trim().min(1).optional(),
    artefacts: z.partialRecord(z.enum(ARTEFACT_KINDS), ArtefactSpecSchema).default({}),
  })
  .strict();
export type ModelConfig = z.output<typeof ModelConfigSchema>;

/** A GitHub team: its slug in the repository owner's organization, or `org/slug` for another one. */
const teamReference = z
  .string()
  .trim()
  .regex(/^([A-Za-z0-9][A-Za-z0-9-]*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a team slug, e.g. ml-risk, or org/team-slug');

/**
 * What the GitHub Action needs beyond the CLI: whose approvals a policy change needs and how
 * reviews count. The Action reads this section from the trusted commit, so a pull request
 * cannot name its own approvers.
 */
export const GitHubConfigSchema = z
  .object({
    /** Teams whose membership each approver's `teams` lists (policy owners are always included). */
    teams: z.array(teamReference).default([]),
    /** Teams that own the policy: a pull request that changes the policy or this config needs their approval. */
    policy_owners: z.array(teamReference).default([]),
    /** How many different policy owners must approve such a pull request. */
    policy_owner_approvals: z.number().int().positive().default(1),
    /** More files that count as policy (globs, relative to the repository root), besides this config and the policy files it loads. */
    policy_paths: z.array(relativePath).default([]),
    approvals: z
      .object({
        /** Count a review only when it was given on the pull request's latest commit. */
        require_latest_head: z.boolean().default(true),
      })
      .strict()
      .default({ require_latest_head: true }),
  })
  .strict();
export type GitHubConfig = z.output<typeof GitHubConfigSchema>;

export const RepoConfigSchema = z
  .object({
    policy: z.string().trim().min(1).default('starter'),
    models: z.array(ModelConfigSchema).default([]),
    discover: z
      .object({
        enabled: z.boolean().default(true),
        roots: z.array(relativePath).default(['models/*']),
      })
      .strict()
      .default({ enabled: true, roots: ['models/*'] }),
    limits: LimitsSchema.default(LimitsSchema.parse({})),
    github: GitHubConfigSchema.default(GitHubConfigSchema.parse({})),
  })
  .strict();
export type RepoConfig = z.output<typeof RepoConfigSchema>;

export interface LoadedRepoConfig {
  path: string;
  config: RepoConfig;
  /** Where each configured model is declared, by name. */
  modelLocations: Record<string, SourceLocation>;
}

/** Pure: parses and validates `.modelgate.yml` text; errors name file:line:column. */
export function parseRepoConfig(text: string, path: string): LoadedRepoConfig {
  const doc: ParsedDocument = parseYaml(text, path, { errorCode: 'config' });
  const config = validateDocument(doc, RepoConfigSchema, 'config');
  const modelLocations: Record<string, SourceLocation> = {};
  const seen = new Set<string>();
  config.models.forEach((model, index) => {
    const location = doc.locate(['models', index]);
    if (seen.has(model.name)) {
      throw configError(`model "${model.name}" is listed twice`, location);
    }
    seen.add(model.name);
    modelLocations[model.name] = location;
  });
  return { path, config, modelLocations };
}


/**
 * Where artefacts are looked for when the config does not say: per kind, patterns
 * relative to the model folder, tried in order; the first pattern that matches wins.
 */
export const CONVENTIONAL_ARTEFACTS: Record<ArtefactKind, string[]> = {
  model_card: ['model_card.{yaml,yml,json}', 'model-card.{yaml,yml,json}', 'README.md'],
  lineage: ['lineage.{yaml,yml,json,ndjson,jsonl}', 'lineage/*.{yaml,yml,json,ndjson,jsonl}'],
  bias: ['bias.{yaml,yml,json,csv}', 'reports/bias*.{yaml,yml,json,csv}', 'reports/analysis.json'],
  drift: ['drift.{yaml,yml,json}', 'reports/drift*.{yaml,yml,json}', 'reports/constraint_violations.json'],
};
