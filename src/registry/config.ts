import { z } from 'zod';
import { ARTEFACT_KINDS, type ArtefactKind } from '../artefacts/evidence.js';
import { LimitsSchema } from '../document/limits.js';
import type { SourceLocation } from '../document/location.js';
import { parseYaml } from '../document/parse.js';
import { validateDocument } from '../document/validate.js';
import { ArtefactSpecSchema, type ArtefactSpec } from '../policy/config.js';

/**
 * The hook server's configuration file (`modelgate serve --config FILE`): pure parsing and
 * validation. Secrets are references (`secret_env`, `secret_file`) resolved at the edge, so
 * this file never holds one and a parsed config can be logged whole.
 */

export const SOURCES = ['mlflow', 'huggingface', 'sagemaker'] as const;
export type Source = (typeof SOURCES)[number];

/** Where a secret comes from: an environment variable or a file; never the config text itself. */
export type SecretRef = { secret_env: string } | { secret_file: string };

const SECRET_HINT = 'secrets are read from the environment or a file: write { secret_env: NAME } or { secret_file: PATH }';

const SecretRefSchema: z.ZodType<SecretRef> = z.any().transform((value: unknown, ctx): SecretRef => {
  const fail = (message: string): SecretRef => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (value === undefined) return fail(`required: ${SECRET_HINT}`);
  if (typeof value === 'string') return fail(`a secret may not be written in the config: ${SECRET_HINT}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(SECRET_HINT);
  const keys = Object.keys(value);
  if (keys.length !== 1 || (keys[0] !== 'secret_env' && keys[0] !== 'secret_file')) return fail(SECRET_HINT);
  const reference = (value as Record<string, unknown>)[keys[0]!];
  if (typeof reference !== 'string' || reference.trim() === '') return fail(`${keys[0]} must name ${keys[0] === 'secret_env' ? 'an environment variable' : 'a file'}`);
  if (keys[0] === 'secret_env') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(reference)) return fail(`secret_env must be an environment variable name, not "${reference}"`);
    return { secret_env: reference };
  }
  return { secret_file: reference.trim() };
});

/** A URL a person may write in the config: http(s) only, without credentials (those are secrets). */
const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without a user or password (credentials are secrets: use token or password with secret_env/secret_file)')
  .transform((value) => value.replace(/\/+$/, ''));

/** An audit store: `file:PATH` may be written out; a PostgreSQL URL holds a password, so it may also be a secret reference. */
const AuditUrlSchema = z.union([
  z
    .string()
    .trim()
    .refine((value) => /^file:/i.test(value) || /^postgres(ql)?:\/\//i.test(value), 'must be file:PATH or postgres://... (the hook server keeps its records in a file or in PostgreSQL)')
    .refine((value) => !/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/i.test(value), `a PostgreSQL URL with a password is a secret: ${SECRET_HINT}`),
  SecretRefSchema,
]);

const GLOB_CHARACTERS = /[*?[\]{}!]/;

/** Registry artefacts are fetched by exact path: a registry cannot be globbed the way a checkout can. */
const ExactArtefactSpecSchema = ArtefactSpecSchema.refine(
  (spec) => spec.paths.every((path) => !GLOB_CHARACTERS.test(path)),
  'registry artefacts are exact file paths (no *, ?, [ ], { } or !): the registry is read file by file',
);

const ArtefactMapSchema = z.partialRecord(z.enum(ARTEFACT_KINDS), ExactArtefactSpecSchema);

const RateLimitSchema = z.strictObject({
  /** Requests accepted per window and per source, in each replica. */
  max: z.number().int().positive().default(600),
  window_seconds: z.number().int().positive().default(60),
});

const aliasName = z.string().trim().min(1).max(255);

export const MlflowConfigSchema = z.strictObject({
  /** The tracking server, e.g. https://mlflow.internal (REST API under /api/2.0). */
  tracking_uri: httpUrl,
  /** The secret given to `create_webhook(secret=...)`: deliveries are signed with it. */
  webhook_secret: SecretRefSchema,
  /** Bearer token for the REST API (MLflow behind an auth proxy), or basic auth with username and password. */
  token: SecretRefSchema.optional(),
  username: z.string().trim().min(1).optional(),
  password: SecretRefSchema.optional(),
  /** Deliveries signed longer ago than this (or this far in the future) are refused: a captured delivery cannot be replayed later. */
  timestamp_tolerance_seconds: z.number().int().positive().default(300),
  /** Aliases a blocked promotion may not keep: the alias is removed, or moved back to the version that last passed. */
  protected_aliases: z.array(aliasName).default(['champion', 'production']),
  /** Governance artefacts among the run's artifacts, by path relative to the run's artifact root. */
  artefacts: ArtefactMapSchema.default({ model_card: { paths: ['model_card.yaml'], format: undefined } }),
  rate_limit: RateLimitSchema.optional(),
}).refine((mlflow) => (mlflow.username === undefined) === (mlflow.password === undefined), { message: 'username and password go together (basic auth)', path: ['password'] })
  .refine((mlflow) => !(mlflow.token && mlflow.username), { message: 'give either token or username and password, not both', path: ['token'] });

export const HuggingFaceConfigSchema = z.strictObject({
  /** The Hub, or a private Hub deployment. */
  endpoint: httpUrl.default('https://huggingface.co'),
  /** The webhook's secret: the Hub sends it as the X-Webhook-Secret header. */
  webhook_secret: SecretRefSchema,
  /** A token that may read the repositories (and write discussions, when comments are on). */
  token: SecretRefSchema.optional(),
  /** Updated refs that are checked; others are acknowledged and ignored. */
  refs: z
    .array(z.string().trim().regex(/^refs\/(heads|tags|pr)\/(\S+|\*)$/, 'must be a full ref such as refs/heads/main, refs/tags/v1 or refs/pr/1, or all of a kind: refs/pr/*'))
    .min(1)
    .default(['refs/heads/main']),
  /** Artefacts by path in the repository at the pushed revision. */
  artefacts: ArtefactMapSchema.default({ model_card: { paths: ['README.md'], format: undefined } }),
  /** A discussion comment with the verdict: never (default), only when blocked, or always. */
  comment: z.enum(['off', 'on_fail', 'always']).default('off'),
  rate_limit: RateLimitSchema.optional(),
});

/**
 * Where a SageMaker model package names a report: a dotted path to a MetricsSource
 * (`ModelMetrics.Bias.Report`, `DriftCheckBaselines.ModelDataQuality.Constraints`) or a
 * `CustomerMetadataProperties.<key>` whose value is an s3:// URI.
 */
const ReportLocationSchema = z
  .string()
  .trim()
  .regex(/^(ModelMetrics|DriftCheckBaselines)(\.[A-Za-z]+){2}$|^CustomerMetadataProperties\..+$/, 'must be ModelMetrics.<Group>.<Field>, DriftCheckBaselines.<Group>.<Field> or CustomerMetadataProperties.<key>');

const ReportSpecSchema = z.union([
  z.array(ReportLocationSchema).min(1).transform((from) => ({ from, format: undefined as string | undefined })),
  z.strictObject({ from: z.array(ReportLocationSchema).min(1), format: z.string().trim().min(1).optional() }),
]);
export type ReportSpec = z.output<typeof ReportSpecSchema>;

export const DEFAULT_SAGEMAKER_REPORTS: Partial<Record<ArtefactKind, ReportSpec>> = {
  model_card: { from: ['CustomerMetadataProperties.modelgate.model_card'], format: undefined },
  lineage: { from: ['CustomerMetadataProperties.modelgate.lineage'], format: undefined },
  bias: { from: ['ModelMetrics.Bias.Report', 'ModelMetrics.Bias.PostTrainingReport', 'ModelMetrics.Bias.PreTrainingReport'], format: undefined },
  drift: { from: ['CustomerMetadataProperties.modelgate.drift'], format: undefined },
};

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const SageMakerConfigSchema = z.strictObject({
  /** The AWS region; without it, the SDK's default (AWS_REGION, the shared config file). */
  region: z.string().trim().min(1).optional(),
  /** The value the EventBridge connection sends in `secret_header` (API key authorization). */
  shared_secret: SecretRefSchema,
  secret_header: z.string().trim().regex(HEADER_NAME, 'must be an HTTP header name').default('X-Modelgate-Secret'),
  /** EventBridge retries an API destination for up to 24 hours; older events are refused. */
  max_event_age_seconds: z.number().int().positive().default(86_400),
  /** On pass, also approve the package (ModelApprovalStatus Approved); otherwise a pass leaves the status as it is. */
  approve_on_pass: z.boolean().default(false),
  /** Per artefact kind, the package fields that may name its report, tried in order: the first present is read. */
  reports: z.partialRecord(z.enum(ARTEFACT_KINDS), ReportSpecSchema).default(DEFAULT_SAGEMAKER_REPORTS),
  /** Another SageMaker API endpoint (a VPC endpoint, a test server). */
  endpoint: httpUrl.optional(),
  /** Another S3 endpoint, and path-style addressing (bucket in the path) for it. */
  s3_endpoint: httpUrl.optional(),
  s3_force_path_style: z.boolean().default(false),
  rate_limit: RateLimitSchema.optional(),
});

/** Settings for one registry model, by its name in the registry (MLflow registered model, Hub repository, model package group). */
export const HookModelSchema = z.strictObject({
  name: z.string().trim().min(1),
  /** Only this registry's model of that name; all registries when absent. */
  registry: z.enum(SOURCES).optional(),
  risk: z.string().trim().min(1).optional(),
  /** Artefact paths for this model, instead of the registry's defaults (not for SageMaker, whose package names its reports). */
  artefacts: ArtefactMapSchema.optional(),
});
export type HookModel = z.output<typeof HookModelSchema>;

export const ServeConfigSchema = z
  .strictObject({
    listen: z
      .strictObject({ host: z.string().trim().min(1).default('0.0.0.0'), port: z.number().int().min(0).max(65_535).default(8080) })
      .default({ host: '0.0.0.0', port: 8080 }),
    /** The policy, as in `.modelgate.yml`: a shipped pack name or a path relative to this file. */
    policy: z.string().trim().min(1).default('starter'),
    /** Who the audit records name as having run the check. */
    actor: z.string().trim().min(1).default('modelgate-hooks'),
    audit: z.strictObject({ url: AuditUrlSchema }),
    limits: LimitsSchema.default(LimitsSchema.parse({})),
    models: z.array(HookModelSchema).default([]),
    delivery: z
      .strictObject({
        /** Larger request bodies are refused (413) before they are read further. */
        max_body_bytes: z.number().int().positive().max(64 * 1024 * 1024).default(1024 * 1024),
        /** Every call to a registry gives up after this long (per try). */
        timeout_seconds: z.number().positive().max(300).default(10),
        /** Tries after the first, with exponential backoff, for connection failures, timeouts, 429 and 5xx. */
        retries: z.number().int().min(0).max(10).default(2),
        /** How long one replica may hold a delivery before another may take it over. */
        lease_seconds: z.number().int().positive().default(120),
      })
      .default({ max_body_bytes: 1024 * 1024, timeout_seconds: 10, retries: 2, lease_seconds: 120 }),
    rate_limit: RateLimitSchema.default({ max: 600, window_seconds: 60 }),
    log_level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    mlflow: MlflowConfigSchema.optional(),
    huggingface: HuggingFaceConfigSchema.optional(),
    sagemaker: SageMakerConfigSchema.optional(),
  })
  .refine((config) => SOURCES.some((source) => config[source] !== undefined), {
    message: 'configure at least one registry: mlflow, huggingface or sagemaker',
  });

export type ServeConfig = z.output<typeof ServeConfigSchema>;
export type MlflowConfig = z.output<typeof MlflowConfigSchema>;
export type HuggingFaceConfig = z.output<typeof HuggingFaceConfigSchema>;
export type SageMakerConfig = z.output<typeof SageMakerConfigSchema>;
export type RegistryArtefacts = Partial<Record<ArtefactKind, ArtefactSpec>>;

export interface ParsedServeConfig {
  path: string;
  config: ServeConfig;
  /** Where each secret reference stands, so an unset variable or unreadable file is reported at its line. */
  locate(pointer: readonly (string | number)[]): SourceLocation;
}

/** Pure: parses and validates the config text; errors name file:line:column. */
export function parseServeConfig(text: string, path: string): ParsedServeConfig {
  const document = parseYaml(text, path, { errorCode: 'config' });
  const config = validateDocument(document, ServeConfigSchema, 'serve config');
  return { path, config, locate: (pointer) => document.locate(pointer) };
}

/** The settings a model of `source` gets: its own entry when there is one, else the registry's defaults. */
export function modelSettings(config: ServeConfig, source: Source, name: string): { risk?: string; artefacts?: RegistryArtefacts } {
  const entry = config.models.find((model) => model.name === name && (model.registry === undefined || model.registry === source));
  return { ...(entry?.risk !== undefined && { risk: entry.risk }), ...(entry?.artefacts !== undefined && { artefacts: entry.artefacts }) };
}
