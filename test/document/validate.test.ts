import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EVIDENCE_SCHEMAS } from '../../src/artefacts/evidence.js';
import { FORMATS } from '../../src/artefacts/formats/index.js';
import { toArtefactInput } from '../../src/artefacts/read.js';
import { safeParseUnchanged } from '../../src/document/validate.js';
import { REPO_ROOT } from '../helpers.js';

/**
 * safeParseUnchanged must answer exactly as zod does: the same verdict, the same issues,
 * and, when it hands back the value itself, a value equal to the copy zod would have made.
 */
function expectSameAsZod(schema: z.ZodType, value: unknown): void {
  const ours = safeParseUnchanged(schema, value);
  const theirs = schema.safeParse(value);
  expect(ours.success).toBe(theirs.success);
  if (ours.success && theirs.success) expect(ours.data).toStrictEqual(theirs.data);
  else expect(ours.error?.issues).toEqual(theirs.error?.issues);
}

/** Whether the value came back as it is (zod skipped). */
function keptAsIs(schema: z.ZodType, value: unknown): boolean {
  const result = safeParseUnchanged(schema, value);
  return result.success && result.data === value;
}

const location = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom({ path: 'a.json' }, { path: 'a.json', line: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom({}, { path: 7 }, null) },
);
const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('ok', 'sex', 'f', 'x', '\u{1F600}', 'a\u{1F600}', 'two words') },
  { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom(' padded', 'padded ', '', ' ', '\ud800', 7, null) },
);
const number = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2, '0.5') },
);
const extra = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true }) },
  { weight: 1, arbitrary: fc.constantFrom([], 'text', 1, null, Object.create(null) as object, new Date(0), { __proto__: null, a: 1 }) },
);
/** Most fields of an item, each sometimes absent, sometimes undefined, sometimes wrong; now and then a key too many. */
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: fc.constant(undefined) });
const withStray = <T extends object>(record: fc.Arbitrary<T>) =>
  fc.tuple(record, fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('stray', 'toString', '__proto__') })).map(([value, key]) => {
    if (key !== undefined) Object.defineProperty(value, key, { value: 1, enumerable: true, configurable: true, writable: true });
    return value;
  });

const biasMetric = withStray(
  fc.record(
    {
      name: text,
      original_name: optional(text),
      attribute: text,
      group: text,
      reference_group: optional(text),
      stage: optional(fc.constantFrom('pre_training', 'post_training', 'during')),
      value: number,
      location: optional(location),
      extra: optional(extra),
    },
    { requiredKeys: ['name', 'attribute', 'group', 'value'], noNullPrototype: true },
  ),
);
const driftFeature = withStray(
  fc.record(
    {
      name: text,
      test: optional(text),
      score: optional(number),
      threshold: optional(number),
      drifted: fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant('yes') }),
      location: optional(location),
      extra: optional(extra),
    },
    { requiredKeys: ['name', 'drifted'], noNullPrototype: true },
  ),
);
const bias = fc.record(
  { protected_attributes: fc.array(text, { maxLength: 2 }), metrics: fc.array(biasMetric, { maxLength: 3 }), extra: optional(extra) },
  { requiredKeys: [], noNullPrototype: true },
);
const drift = fc.record(
  {
    dataset_drift: fc.oneof({ weight: 6, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(0) }),
    share_drifted: number,
    features: fc.array(driftFeature, { maxLength: 3 }),
    reference: optional(fc.record({ start: optional(text), end: optional(text) }, { requiredKeys: [], noNullPrototype: true })),
    current: optional(fc.record({ start: optional(text) }, { requiredKeys: [], noNullPrototype: true })),
    extra: optional(extra),
  },
  { requiredKeys: ['dataset_drift'], noNullPrototype: true },
);

describe('safeParseUnchanged', () => {
  it('answers as zod does for bias and drift evidence, valid or not', () => {
    fc.assert(fc.property(bias, (value) => expectSameAsZod(EVIDENCE_SCHEMAS.bias, value)), { numRuns: 2000 });
    fc.assert(fc.property(drift, (value) => expectSameAsZod(EVIDENCE_SCHEMAS.drift, value)), { numRuns: 2000 });
  });

  it('answers as zod does for any value and every evidence kind', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withObjectString: true }), fc.constantFrom(...Object.values(EVIDENCE_SCHEMAS)), (value, schema) =>
        expectSameAsZod(schema, value),
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps a value only when zod would give back an equal one', () => {
    const metric = { name: 'disparate_impact', attribute: 'sex', group: 'f', value: 0.9 };
    const schema = EVIDENCE_SCHEMAS.bias;
    expect(keptAsIs(schema, { protected_attributes: [], metrics: [metric] })).toBe(true);
    // A default to fill in, a string to trim, a prototype to drop: zod's copy differs, so zod gives it.
    const cases: unknown[] = [
      { metrics: [metric] },
      { protected_attributes: [], metrics: [{ ...metric, name: ' disparate_impact' }] },
      { protected_attributes: [], metrics: [Object.assign(Object.create(null) as object, metric)] },
      { protected_attributes: [], metrics: [Object.assign(new (class Metric {})(), metric)] },
    ];
    for (const value of cases) {
      expect(keptAsIs(schema, value)).toBe(false);
      expectSameAsZod(schema, value);
    }
    // A field zod reads but for-in does not see is left to zod, valid or not, required or optional.
    for (const [field, hidden] of [['attribute', 1], ['attribute', 'sex'], ['stage', 'during'], ['stage', 'pre_training']] as const) {
      const value = { protected_attributes: [], metrics: [{ ...metric }] };
      Object.defineProperty(value.metrics[0], field, { value: hidden, enumerable: false });
      expect(keptAsIs(schema, value)).toBe(false);
      expectSameAsZod(schema, value);
    }
  });

  it('follows zod on schemas that strip, pass through, count code points or hold records', () => {
    const stripping = z.object({ a: z.string() });
    expect(keptAsIs(stripping, { a: 'x' })).toBe(true);
    expect(keptAsIs(stripping, { a: 'x', b: 1 })).toBe(false);
    expectSameAsZod(stripping, { a: 'x', b: 1 });
    const loose = z.looseObject({ a: z.string() });
    expect(keptAsIs(loose, { a: 'x', b: 1 })).toBe(true);
    expectSameAsZod(loose, { a: 'x', b: 1 });
    const twoCharacters = z.string().min(2);
    for (const value of ['ab', '\u{1F600}', 'a\u{1F600}', 'a', '']) expectSameAsZod(twoCharacters, value);
    expect(keptAsIs(twoCharacters, '\u{1F600}')).toBe(false);
    const record = z.record(z.string(), z.number());
    expect(keptAsIs(record, { a: 1 })).toBe(true);
    for (const value of [{ a: 'x' }, JSON.parse('{"__proto__": 1}'), { [Symbol('s')]: 1 }, []]) expectSameAsZod(record, value);
    const enumKeys = z.record(z.enum(['a', 'b']), z.number());
    expect(keptAsIs(enumKeys, { a: 1, b: 2 })).toBe(false);
    // A recursive schema is left to zod.
    const tree: z.ZodType = z.strictObject({
      name: z.string(),
      get children() {
        return z.array(tree);
      },
    });
    expect(keptAsIs(tree, { name: 'a', children: [] })).toBe(false);
    expectSameAsZod(tree, { name: 'a', children: [{ name: 'b', children: [] }] });
    const defaulted = z.strictObject({ list: z.array(z.string()).default([]), maybe: z.string().default('x').optional() });
    for (const value of [{}, { list: [] }, { list: [], maybe: undefined }, { list: ['a'], maybe: 'y' }]) expectSameAsZod(defaulted, value);
  });

  it('answers as zod does for the evidence of every format fixture, and keeps what the large-artefact adapters build', () => {
    const folder = path.join(REPO_ROOT, 'fixtures/formats');
    let kept = 0;
    for (const format of readdirSync(folder)) {
      for (const name of readdirSync(path.join(folder, format)).filter((file) => /\.(json|ya?ml|ndjson|jsonl|csv|md)$/.test(file) && file !== 'README.md')) {
        const input = toArtefactInput({ path: name, text: readFileSync(path.join(folder, format, name), 'utf8') });
        const adapter = FORMATS.find((candidate) => candidate.id === format)!;
        const adapted = adapter.adapt(input);
        const schema = EVIDENCE_SCHEMAS[adapter.kind];
        expectSameAsZod(schema, adapted.data);
        if (['sagemaker-clarify', 'evidently-legacy-report', 'openlineage'].includes(format)) {
          expect(keptAsIs(schema, adapted.data), `${format}/${name}`).toBe(true);
          kept++;
        }
      }
    }
    expect(kept).toBeGreaterThanOrEqual(9);
  });
});
