import { z } from 'zod';
import { ARTEFACT_KINDS, EVIDENCE_SCHEMAS } from './artefacts/evidence.js';
import { NATIVE_API_VERSION } from './artefacts/formats/native.js';
import { RepoConfigSchema } from './policy/config.js';
import { PolicySchema } from './policy/schema.js';
import { PolicyTestSchema } from './policy/test-file.js';
import { ApprovalsFileSchema } from './check.js';

/**
 * JSON Schemas for editors and other tools, generated from the zod schemas that
 * validate at run time, so the two cannot disagree. Written to `schemas/` by `npm run schemas`.
 */
export function buildJsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
  });
  const schemas: Record<string, unknown> = {
    'policy.schema.json': generate(PolicySchema, 'modelgate policy'),
    'repo-config.schema.json': generate(RepoConfigSchema, 'modelgate repository config (.modelgate.yml)'),
    'approvals.schema.json': generate(ApprovalsFileSchema, 'modelgate approvals file (--approvals)'),
    'policy-test.schema.json': generate(PolicyTestSchema, 'modelgate policy test file (modelgate policy test)'),
  };
  for (const kind of ARTEFACT_KINDS) {
    const evidence = EVIDENCE_SCHEMAS[kind];
    // The native drift format may leave the share out: it is derived from the features.
    const written = kind === 'drift' ? EVIDENCE_SCHEMAS.drift.partial({ share_drifted: true }) : evidence;
    const native = written.extend({ apiVersion: z.literal(NATIVE_API_VERSION), kind: z.literal(kind) });
    schemas[`${kind.replace('_', '-')}.schema.json`] = generate(native, `modelgate native ${kind}`);
  }
  return schemas;
}
