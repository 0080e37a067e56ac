import { z } from 'zod';

/** Bounds on what one artefact or policy file may cost to read; the defaults suit real artefacts. */
export const LimitsSchema = z
  .object({
    max_file_bytes: z.number().int().positive().default(16 * 1024 * 1024),
    max_yaml_aliases: z.number().int().nonnegative().default(100),
    max_nesting_depth: z.number().int().positive().default(64),
    max_files_per_kind: z.number().int().positive().default(200),
  })
  .strict();

export type Limits = z.infer<typeof LimitsSchema>;

export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});
