import fc from 'fast-check';
import { stringify as stringifyYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ARTEFACT_KINDS } from '../../src/artefacts/evidence.js';
import { FORMATS } from '../../src/artefacts/formats/index.js';
import { readArtefact, toArtefactInput } from '../../src/artefacts/read.js';
import { canonicalJson } from '../../src/audit/record.js';
import { parseJson, parseStructured, parseYaml } from '../../src/document/parse.js';
import { ModelgateError } from '../../src/errors.js';
import { decodeText } from '../../src/io/workspace.js';
import {
  anyCodePoints,
  anyCodeUnits,
  anythingJson,
  bytesAsUtf8,
  jsonSeeds,
  jsonValue,
  limits,
  onlyModelgateErrors,
  pointersOf,
  REMOVE,
  replaceAt,
  sha256,
  yamlish,
} from './arbitraries.js';

/**
 * Whatever a pull request puts in an artefact file, reading it either succeeds or fails
 * with a ModelgateError (which the gate turns into a blocking result). Any other exception
 * (TypeError, RangeError, ...) would be an internal error instead of a finding.
 */

const RUNS = 300;

const PATHS = ['a.yaml', 'a.yml', 'a.json', 'a.txt', 'README.md', 'a.csv', 'a.ndjson', 'a.jsonl', 'noext'];
const path = fc.constantFrom(...PATHS);

/** Every kind of text the properties feed in. */
const text = fc.oneof(
  anyCodeUnits,
  anyCodePoints,
  yamlish,
  bytesAsUtf8,
  jsonValue.map((value) => JSON.stringify(value)),
  anythingJson.map((value) => JSON.stringify(value)),
  jsonValue.map((value) => stringifyYaml(value)),
);

const kind = fc.constantFrom(undefined, ...ARTEFACT_KINDS);
const formatId = fc.constantFrom(undefined, undefined, undefined, 'no-such-format', ...FORMATS.map((format) => format.id));

function read(textValue: string, filePath: string, options: Parameters<typeof readArtefact>[1]) {
  return onlyModelgateErrors(() => readArtefact({ path: filePath, text: textValue, sha256: sha256(textValue) }, options));
}

describe('parsers throw nothing but ModelgateError', () => {
  it('parseYaml, parseJson and parseStructured on any text', () => {
    fc.assert(
      fc.property(text, path, limits, (input, filePath, bounds) => {
        for (const parse of [parseYaml, parseJson, parseStructured]) {
          const outcome = onlyModelgateErrors(() => parse(input, filePath, { limits: bounds }));
          if (!(outcome instanceof ModelgateError)) {
            // A parsed document can always say where its root stands.
            expect(outcome.locate([]).path).toBe(filePath);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseJson and parseYaml read every JSON value as it is, or refuse a prototype key', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const serialized = JSON.stringify(value);
        // The value as JSON can carry it (-0 is written as 0).
        const expected: unknown = JSON.parse(serialized);
        // YAML is a superset of JSON.
        for (const [parse, file] of [[parseJson, 'a.json'], [parseYaml, 'a.yaml']] as const) {
          const outcome = onlyModelgateErrors(() => parse(serialized, file));
          if (outcome instanceof ModelgateError) expect(outcome.reason).toMatch(/^forbidden key "(__proto__|constructor|prototype)"$/);
          else expect(outcome.value).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  // Audit records are hashed over RFC 8785 canonical JSON, which has no form for an
  // unpaired UTF-16 surrogate: an artefact string such as "\ud800" (an escape in JSON or
  // YAML) used to reach a rule message and make the decision impossible to record.
  it('everything a parser accepts is Unicode text, with an RFC 8785 canonical form', () => {
    fc.assert(
      fc.property(anyCodeUnits, anyCodeUnits, fc.constantFrom('json', 'yaml'), (key, value, syntax) => {
        const document = Object.fromEntries([['name', value], [key, [value]]]);
        const body = syntax === 'json' ? JSON.stringify(document) : stringifyYaml(document);
        const outcome = onlyModelgateErrors(() => parseStructured(body, `a.${syntax}`));
        if (outcome instanceof ModelgateError) return;
        expect(() => canonicalJson(outcome.value)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  // A mapping that parses keeps every pair: two keys that become the same property name
  // (an alias of an earlier key, `~` beside `""`, `1` beside `0x1`) are refused as duplicates,
  // so a reviewer never reads one value while the gate uses another.
  it('parseYaml never drops a mapping pair silently', () => {
    const KEYS = ['a', '"a"', "'a'", '!!str a', '*s', '*n', '*z', '~', 'null', '""', '1', '0x1', '1.0', '"1"', 'true', 'True', '[a]', '"[ a ]"', '{a: 1}', 'b', '.nan', '.NaN'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 5 }), (keys) => {
        const pairs = keys.map((key, index) => `  ? ${key}\n  : ${index}\n`).join('');
        const outcome = onlyModelgateErrors(() => parseYaml(`anchors: [&s a, &n 1, &z ~]\nmap:\n${pairs}`, 'a.yaml'));
        if (outcome instanceof ModelgateError) return;
        const map = (outcome.value as { map: Record<string, unknown> }).map;
        expect(Object.keys(map)).toHaveLength(keys.length);
        // (Integer-like property names come first in an object, so compare the values as a set.)
        expect(new Set(Object.values(map))).toEqual(new Set(keys.map((_, index) => index)));
      }),
      { numRuns: RUNS },
    );
  });

  it('readArtefact on any text, with and without a kind or a format', () => {
    fc.assert(
      fc.property(text, path, kind, formatId, limits, (input, filePath, wanted, format, bounds) => {
        read(input, filePath, { kind: wanted, format, limits: bounds });
      }),
      { numRuns: RUNS },
    );
  });

  it('reading arbitrary bytes as a workspace does: decodeText then readArtefact', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), path, kind, (bytes, filePath, wanted) => {
        const decoded = onlyModelgateErrors(() => decodeText(bytes, filePath));
        if (decoded instanceof ModelgateError) return;
        read(decoded, filePath, { kind: wanted });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('every format adapter throws nothing but ModelgateError', () => {
  const documentPath = fc.constantFrom('doc.json', 'doc.csv', 'doc.md', 'doc.yaml', 'doc.ndjson');

  it.each(FORMATS.map((format) => [format.id, format] as const))('%s: detect and adapt on arbitrary JSON documents', (_id, format) => {
    fc.assert(
      fc.property(fc.oneof(jsonValue, anythingJson), documentPath, (value, filePath) => {
        const input = toArtefactInput({ path: filePath, text: JSON.stringify(value) });
        onlyModelgateErrors(() => format.detect(input));
        onlyModelgateErrors(() => format.adapt(input));
      }),
      { numRuns: 150 },
    );
  });

  it.each(FORMATS.map((format) => [format.id, format] as const))('%s: detect and adapt on arbitrary text', (_id, format) => {
    fc.assert(
      fc.property(text, documentPath, (input, filePath) => {
        const artefact = toArtefactInput({ path: filePath, text: input });
        onlyModelgateErrors(() => format.detect(artefact));
        onlyModelgateErrors(() => format.adapt(artefact));
      }),
      { numRuns: 100 },
    );
  });

  // Random documents rarely look like a real format; mutating real tool output reaches
  // the adapters' inner branches (a list where a map was, a number turned into a string).
  const seeds = jsonSeeds();
  const replacement = fc.oneof(
    { weight: 4, arbitrary: jsonValue },
    { weight: 1, arbitrary: fc.constant(REMOVE) },
    { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1, 0, '', [], {}) },
  );
  const mutated = fc
    .constantFrom(...seeds)
    .chain((seed) => {
      const pointers = pointersOf(seed.value);
      return fc.record({
        seed: fc.constant(seed),
        edits: fc.array(fc.tuple(fc.constantFrom(...pointers), replacement), { minLength: 1, maxLength: 3 }),
      });
    })
    .map(({ seed, edits }) => ({
      file: seed.file,
      value: edits.reduce((value, [pointer, next]) => replaceAt(value, pointer, next), seed.value),
    }));

  it('has seeds from the fixtures of the real formats', () => {
    expect(seeds.length).toBeGreaterThan(20);
  });

  it('mutated real documents: readArtefact and every adapter, as JSON and as YAML', () => {
    fc.assert(
      fc.property(mutated, kind, (document, wanted) => {
        for (const [filePath, body] of [
          [document.file, JSON.stringify(document.value)],
          [document.file.replace(/\.json$/, '.yaml'), stringifyYaml(document.value)],
        ] as const) {
          read(body, filePath, { kind: wanted });
          const input = toArtefactInput({ path: filePath, text: body });
          for (const format of FORMATS) {
            onlyModelgateErrors(() => format.detect(input));
            onlyModelgateErrors(() => format.adapt(input));
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
