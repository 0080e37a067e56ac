import { z } from 'zod';
import { ModelgateError } from '../errors.js';

/** Bounds on what one artefact or policy file may cost to read, and on the whole run; the defaults suit real artefacts. */
export const LimitsSchema = z
  .object({
    max_file_bytes: z.number().int().positive().default(16 * 1024 * 1024),
    max_yaml_aliases: z.number().int().nonnegative().default(100),
    max_nesting_depth: z.number().int().positive().default(64),
    max_files_per_kind: z.number().int().positive().default(200),
    /** The whole run (the Action, or `check`) in seconds; past it the run fails closed and records nothing more. */
    max_run_seconds: z.number().int().positive().max(24 * 60 * 60).default(600),
  })
  .strict();

type ParsedLimits = z.infer<typeof LimitsSchema>;
/** The limits as readers of artefacts take them: the run-time limit concerns only the entry points, which read it from the parsed config. */
export type Limits = Omit<ParsedLimits, 'max_run_seconds'> & Partial<Pick<ParsedLimits, 'max_run_seconds'>>;

export const DEFAULT_LIMITS: Limits = LimitsSchema.parse({});
export const DEFAULT_MAX_RUN_SECONDS = LimitsSchema.parse({}).max_run_seconds;

/**
 * The run went on longer than `limits.max_run_seconds`: the gate did not judge in time, so it
 * fails closed (exit 2 for the CLI, `verdict: error` for the Action) and records no decision.
 */
export class RunTimeLimitExceeded extends ModelgateError {
  constructor(readonly seconds: number) {
    super('config', `the run took longer than its limit of ${seconds} s (limits.max_run_seconds): the gate fails closed, and no decision is recorded`);
  }
}

/**
 * `work`, or a RunTimeLimitExceeded once the run has lasted `seconds` in all, counted from
 * `elapsedMs` (how long the run has lasted already). The work is not stopped: the caller must
 * not act on it after the limit (and the CLI ends the process).
 */
export function withinRunTime<T>(work: Promise<T>, seconds: number, elapsedMs: number): Promise<T> {
  const remaining = seconds * 1000 - elapsedMs;
  if (remaining <= 0) {
    work.catch(() => undefined);
    return Promise.reject(new RunTimeLimitExceeded(seconds));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new RunTimeLimitExceeded(seconds)), remaining);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
