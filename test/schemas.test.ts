import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas } from '../src/json-schemas.js';
import { REPO_ROOT } from './helpers.js';

const SCHEMAS_DIR = path.join(REPO_ROOT, 'schemas');
const render = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;

describe('schemas/', () => {
  const generated = buildJsonSchemas();

  if (process.env.MODELGATE_WRITE_SCHEMAS === '1') {
    for (const [file, schema] of Object.entries(generated)) writeFileSync(path.join(SCHEMAS_DIR, file), render(schema));
  }

  it('holds exactly the schemas generated from the zod schemas (run `npm run schemas` after changing them)', () => {
    const committed = readdirSync(SCHEMAS_DIR).filter((file) => file.endsWith('.json')).sort();
    expect(committed).toEqual(Object.keys(generated).sort());
    for (const [file, schema] of Object.entries(generated)) {
      expect(readFileSync(path.join(SCHEMAS_DIR, file), 'utf8'), file).toBe(render(schema));
    }
  });

  it('describes the required fields of the native formats', () => {
    const drift = generated['drift.schema.json'] as { required: string[]; properties: Record<string, unknown> };
    expect(drift.required).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'dataset_drift']));
    const policy = generated['policy.schema.json'] as { required: string[] };
    expect(policy.required).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata']));
  });

  it('describes policy test files, including the previous approved decision a case starts from', () => {
    type ObjectSchema = { required?: string[]; properties: Record<string, unknown> };
    const test = generated['policy-test.schema.json'] as ObjectSchema & { title: string; properties: { cases: { items: ObjectSchema } } };
    expect(test.title).toBe('modelgate policy test file (modelgate policy test)');
    expect(test.required).toEqual(['apiVersion', 'kind', 'policy', 'now', 'cases']);
    const previous = (test.properties.cases.items.properties.previous as { anyOf: ObjectSchema[] }).anyOf;
    expect(previous[0]!.required).toEqual(['version']);
    expect(Object.keys(previous[0]!.properties)).toEqual(['version', 'lineage', 'decision_id', 'seq', 'time', 'verdict']);
    expect(previous[1]).toEqual({ type: 'null' });
  });
});
