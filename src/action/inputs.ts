import { z } from 'zod';
import { ModelgateError } from '../errors.js';
import { DEFAULT_CONFIG_PATH } from '../policy/config-path.js';
import { FAIL_ON_VALUES } from '../report/findings.js';


/** An unset input reaches the Action as an empty string: it means "use the default". */
const unset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(unset, z.string().trim().optional());

/** The same spellings as `core.getBooleanInput` (YAML 1.2 core schema). */
const flag = (fallback: boolean) =>
  z.preprocess(
    unset,
    z
      .enum(['true', 'True', 'TRUE', 'false', 'False', 'FALSE'], { error: 'must be true or false' })
      .transform((value) => value.toLowerCase() === 'true')
      .default(fallback),
  );

/**
 * The Action's inputs with their defaults. `action.yml` documents the same defaults, and a test
 * keeps the two equal.
 */
export const ActionInputsSchema = z.object({
  config: z.preprocess(unset, z.string().trim().default(DEFAULT_CONFIG_PATH)),
  policy: optionalText,
  'github-token': optionalText,
  /** Only for reading team membership (organization "Members: read", or read:org); `github-token` when unset. */
  'teams-token': optionalText,
  /** `changed` (default on pull requests), `all` (default on other events), or model names separated by commas or newlines. */
  models: optionalText,
  'fail-on': z.preprocess(unset, z.enum(FAIL_ON_VALUES as ['error', 'warn', 'never']).default('error')),
  comment: flag(true),
  'check-run': flag(true),
  sarif: optionalText,
  audit: optionalText,
  'trusted-ref': optionalText,
  /** Also sign each model decision as a SLSA verification summary attestation (needs `id-token: write`, `attestations: write`). */
  attest: flag(false),
  /** Seconds one GitHub API request may take before it is abandoned and tried again. */
  'api-timeout': z.preprocess(
    unset,
    z.coerce.number({ error: 'must be a number of seconds' }).positive({ error: 'must be more than 0 seconds' }).max(600, { error: 'must be at most 600 seconds' }).default(30),
  ),
});
export type ActionInputs = z.output<typeof ActionInputsSchema>;
export const INPUT_NAMES = Object.keys(ActionInputsSchema.shape) as (keyof ActionInputs)[];

/** Reads every input through `getInput` (e.g. `core.getInput`) and validates them; a bad value is a usage error naming the input. */
export function readInputs(getInput: (name: string) => string): ActionInputs {
  const raw = Object.fromEntries(INPUT_NAMES.map((name) => [name, getInput(name)]));
  const parsed = ActionInputsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'input');
    throw new ModelgateError('usage', `input "${name}": ${issue.message} (got "${raw[name] ?? ''}")`);
  }
  return parsed.data;
}
