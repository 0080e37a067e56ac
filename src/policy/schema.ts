import semver from 'semver';
import { z } from 'zod';
import { ArtefactKindSchema } from '../artefacts/evidence.js';

export const POLICY_API_VERSION = 'modelgate/v1';

const cel = z.string().trim().min(1, 'must be a CEL expression');

export const RuleSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"'),
    description: z.string().trim().min(1),
    severity: z.enum(['error', 'warn']).default('error'),
    controls: z.array(z.string().trim().min(1)).default([]),
    requires: z.array(ArtefactKindSchema).default([]),
    when: cel.optional(),
    for_each: cel.optional(),
    check: cel,
    message: cel.optional(),
  })
  .strict();
export type Rule = z.infer<typeof RuleSchema>;

export const WaiverSchema = z
  .object({
    rule: z.string().trim().min(1),
    model: z.string().trim().min(1),
    reason: z.string().trim().min(1),
    approved_by: z.string().trim().min(1),
    expires: z.iso.date('must be a date, YYYY-MM-DD'),
  })
  .strict();
export type Waiver = z.infer<typeof WaiverSchema>;

export const PolicySchema = z
  .object({
    apiVersion: z.literal(POLICY_API_VERSION),
    kind: z.literal('Policy'),
    metadata: z
      .object({
        name: z.string().trim().min(1),
        version: z.string().refine((value) => semver.valid(value) !== null, 'must be a semantic version, e.g. 1.0.0'),
        description: z.string().optional(),
      })
      .strict(),
    extends: z.array(z.string().trim().min(1)).default([]),
    rules: z.array(RuleSchema).default([]),
    waivers: z.array(WaiverSchema).default([]),
  })
  .strict();
export type Policy = z.infer<typeof PolicySchema>;
