import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { LimitsSchema, type Limits } from '../../src/document/limits.js';
import { ModelgateError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers.js';

/**
 * Shared generators and checks for the property suites. Sizes stay small so that every
 * property runs in a fraction of a second; the number of runs is set per property.
 */

/** Runs `fn`; a ModelgateError is an accepted outcome, any other exception fails the property. */
export function onlyModelgateErrors<T>(fn: () => T): T | ModelgateError {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ModelgateError) return error;
    const kind = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new Error(`threw a non-modelgate error (${kind})`, { cause: error });
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Any string of UTF-16 code units, lone surrogates included. */
export const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 200 });

/** Any string of Unicode code points. */
export const anyCodePoints = fc.string({ unit: 'binary', maxLength: 200 });

/** A JSON value of modest size. */
export const jsonValue = fc.jsonValue({ maxDepth: 4, depthSize: 'small' });

/** Any JS value that survives a JSON round trip unchanged in meaning (no undefined, functions, symbols...). */
export const anythingJson = fc
  .anything({ maxDepth: 3, depthSize: 'small', withNullPrototype: true, withObjectString: false })
  .filter((value) => {
    try {
      return JSON.stringify(value) !== undefined;
    } catch {
      return false;
    }
  });

const YAML_TOKENS = [
  'key: ', 'a: ', 'b:', '- ', '-', '? ', ': ', '&a ', '*a', '*b', '&b [*a, *a]', '<<: *a', '!!str ', '!!int ', '!!map ', '!!seq ',
  '!!binary ', '!custom ', '!!float ', '{', '}', '[', ']', ',', '"', "'", '\\', '\n', '\r\n', '  ', '\t', '---\n', '...\n', '|', '|-',
  '>', '#', '%YAML 1.2\n', '%TAG ! tag:x,2000:\n', '.nan', '.inf', '-.inf', '~', 'null', 'true', 'no', '0x1F', '0o17', '1e309',
  '-0', '12:30', '2026-01-01', '__proto__: 1', 'constructor: {}', 'prototype: []', 'apiVersion: modelgate/v1\n', 'kind: bias\n',
  'kind: drift\n', 'kind: model_card\n', 'kind: lineage\n', 'value: ', 'metrics:\n', 'features:\n', '\u0000', '\uFEFF', '\u2028',
  '\uD800', 'é', '😀',
];

/** Text assembled from YAML's structural tokens: far more likely than random text to reach deep parser states. */
export const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...YAML_TOKENS), fc.string({ maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Arbitrary bytes, decoded leniently as UTF-8 (invalid sequences become U+FFFD). */
export const bytesAsUtf8 = fc.uint8Array({ maxLength: 200 }).map((bytes) => new TextDecoder('utf-8', { fatal: false }).decode(bytes));

/** Limits from tight to default, so the limit checks themselves are exercised. */
export const limits: fc.Arbitrary<Limits> = fc.oneof(
  fc.constant(LimitsSchema.parse({})),
  fc.record({
    max_file_bytes: fc.integer({ min: 1, max: 4096 }),
    max_yaml_aliases: fc.integer({ min: 0, max: 8 }),
    max_nesting_depth: fc.integer({ min: 1, max: 12 }),
    max_files_per_kind: fc.integer({ min: 1, max: 10 }),
  }),
);

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The JSON fixtures of every format (real tool output), to mutate into near-valid documents. */
export function jsonSeeds(): { file: string; value: unknown }[] {
  const folders = ['fixtures/formats', 'fixtures/demo-repo'].map((folder) => path.join(REPO_ROOT, folder));
  return folders
    .flatMap(walk)
    .filter((file) => file.endsWith('.json') && !file.includes(`${path.sep}malformed${path.sep}`) && !file.endsWith('expected.json'))
    .flatMap((file) => {
      try {
        return [{ file: path.relative(REPO_ROOT, file), value: JSON.parse(readFileSync(file, 'utf8')) as unknown }];
      } catch {
        return [];
      }
    });
}

export type Pointer = (string | number)[];

/** Every pointer into a JSON value (the root included), up to `max` of them. */
export function pointersOf(value: unknown, max = 400): Pointer[] {
  const found: Pointer[] = [];
  const queue: { value: unknown; pointer: Pointer }[] = [{ value, pointer: [] }];
  while (queue.length > 0 && found.length < max) {
    const { value: current, pointer } = queue.shift()!;
    found.push(pointer);
    if (Array.isArray(current)) current.forEach((item, index) => queue.push({ value: item, pointer: [...pointer, index] }));
    else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) queue.push({ value: item, pointer: [...pointer, key] });
    }
  }
  return found;
}

/** A deep copy of `value` with the value at `pointer` replaced, or removed when `replacement` is `REMOVE`. */
export const REMOVE = Symbol('remove');
export function replaceAt(value: unknown, pointer: Pointer, replacement: unknown): unknown {
  if (pointer.length === 0) return replacement === REMOVE ? null : replacement;
  const [head, ...rest] = pointer;
  if (Array.isArray(value)) {
    const copy = [...value];
    if (rest.length === 0 && replacement === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (rest.length === 0 && replacement === REMOVE) delete copy[head as string];
    else copy[head as string] = replaceAt(copy[head as string], rest, replacement);
    return copy;
  }
  return value;
}
