import { z } from 'zod';
import { ApprovalSchema, ARTEFACT_KINDS } from '../artefacts/evidence.js';
import type { SourceLocation } from '../document/location.js';
import { parseYaml } from '../document/parse.js';
import { validateDocument } from '../document/validate.js';
import { POLICY_API_VERSION } from './schema.js';

export const RESULT_STATUSES = ['pass', 'fail', 'warn', 'waived', 'skipped', 'error'] as const;

/** Evidence of one kind: a native document written inline (apiVersion and kind may be left out), or a file path relative to the test file. */
const EvidenceInputSchema = z.union([z.string().trim().min(1), z.record(z.string(), z.unknown())]);

/** `null` removes evidence of that kind given in `defaults`. */
const EvidenceMapSchema = z.partialRecord(z.enum(ARTEFACT_KINDS), EvidenceInputSchema.nullable());

const TestModelSchema = z
  .object({
    name: z.string().trim().min(1).optional(),
    version: z.string().trim().min(1).optional(),
    path: z.string().trim().min(1).optional(),
    risk: z.string().trim().min(1).optional(),
  })
  .strict();

const ExpectedResultSchema = z.union([
  z.enum(RESULT_STATUSES).transform((status) => ({ status, message: undefined as string | undefined })),
  z
    .object({
      status: z.enum(RESULT_STATUSES),
      /** Text that at least one result of the rule must contain in its message. */
      message: z.string().min(1).optional(),
    })
    .strict(),
]);
export type ExpectedResult = z.output<typeof ExpectedResultSchema>;

/**
 * The model's previous approved decision in the audit trail, as `check --audit` would find it.
 * Its datasets and digest are computed from `lineage` exactly as a decision record computes
 * its observations, so a test never writes a digest by hand.
 */
const TestPreviousDecisionSchema = z
  .object({
    /** The version that decision judged; null for a record that named none. */
    version: z.string().trim().min(1).nullable(),
    /** The lineage judged then: inline native lineage or a file path; absent for a record without observations. */
    lineage: EvidenceInputSchema.optional(),
    decision_id: z.string().trim().min(1).default('00000000-0000-0000-0000-000000000000'),
    seq: z.number().int().nonnegative().default(0),
    /** When it was recorded; the test's `now` when absent. */
    time: z.iso.datetime({ offset: true, message: 'must be an RFC 3339 time, e.g. 2026-06-01T12:00:00Z' }).optional(),
    verdict: z.enum(['pass', 'warn']).default('pass'),
  })
  .strict();
export type TestPreviousDecision = z.output<typeof TestPreviousDecisionSchema>;

const CaseInputSchema = {
  model: TestModelSchema.optional(),
  approvals: z.array(ApprovalSchema).optional(),
  evidence: EvidenceMapSchema.optional(),
  /** `null` means no previous approved decision (and removes one given in `defaults`). */
  previous: TestPreviousDecisionSchema.nullable().optional(),
};

export const PolicyTestCaseSchema = z
  .object({
    name: z.string().trim().min(1),
    ...CaseInputSchema,
    expect: z
      .object({
        verdict: z.enum(['pass', 'warn', 'fail']).optional(),
        /** Per rule id, the status of the rule: its worst result (error, fail, warn, waived, pass, skipped). */
        results: z.record(z.string(), ExpectedResultSchema).default({}),
      })
      .strict(),
  })
  .strict();

export const PolicyTestSchema = z
  .object({
    apiVersion: z.literal(POLICY_API_VERSION),
    kind: z.literal('PolicyTest'),
    /** A shipped pack name, or a policy file relative to this test file. */
    policy: z.string().trim().min(1),
    /** The evaluation time, so that freshness rules and waivers give the same result on every run. */
    now: z.iso.datetime({ offset: true, message: 'must be an RFC 3339 time, e.g. 2026-06-15T12:00:00Z' }),
    /** What every case starts from; a case's own model fields, approvals, evidence kinds and previous decision replace these. */
    defaults: z.object(CaseInputSchema).strict().default({}),
    cases: z.array(PolicyTestCaseSchema).min(1),
  })
  .strict();
export type PolicyTest = z.output<typeof PolicyTestSchema>;
export type PolicyTestCase = z.output<typeof PolicyTestCaseSchema>;

export interface LoadedPolicyTest {
  path: string;
  test: PolicyTest;
  caseLocations: SourceLocation[];
}

/** Pure: parses and validates a policy test file; errors name file:line:column. */
export function parsePolicyTest(text: string, path: string): LoadedPolicyTest {
  const document = parseYaml(text, path, { errorCode: 'config' });
  const test = validateDocument(document, PolicyTestSchema, 'policy test');
  return { path, test, caseLocations: test.cases.map((_, index) => document.locate(['cases', index])) };
}
