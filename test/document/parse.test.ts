import { describe, expect, it } from 'vitest';
import { parseJson, parseStructured, parseYaml } from '../../src/document/parse.js';
import { ModelgateError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/document/limits.js';
import { isLazyLocation, toPlainLocation } from '../../src/document/location.js';

function errorOf(fn: () => unknown): ModelgateError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelgateError);
    return error as ModelgateError;
  }
  throw new Error('expected an error');
}

describe('parseYaml', () => {
  it('locates values by pointer', () => {
    const doc = parseYaml('a: 1\nlist:\n  - x: 2\n  - x: 3\n', 'f.yaml');
    expect(doc.value).toEqual({ a: 1, list: [{ x: 2 }, { x: 3 }] });
    expect(doc.locate(['list', 1, 'x'])).toEqual({ path: 'f.yaml', line: 4, column: 5 });
    // A missing key points at its nearest existing parent.
    expect(doc.locate(['list', 1, 'missing']).line).toBe(4);
  });

  it('reports malformed YAML with file, line and column', () => {
    const error = errorOf(() => parseYaml('a: 1\nb: [1, 2\nc: 3\n', 'bad.yaml'));
    expect(error.code).toBe('artefact');
    expect(error.message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML: /);
  });

  it('refuses duplicate keys', () => {
    expect(errorOf(() => parseYaml('a: 1\na: 2\n', 'dup.yaml')).message).toMatch(/^dup\.yaml:2:1: invalid YAML: Map keys must be unique/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const previous = index === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][index - 1];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const error = errorOf(() => parseYaml(bomb.join('\n'), 'bomb.yaml'));
    expect(error.message).toMatch(/^bomb\.yaml.*alias/i);
  });

  it('refuses __proto__, constructor and prototype keys at their line', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const error = errorOf(() => parseYaml(`ok: 1\nnested:\n  ${key}:\n    polluted: true\n`, 'p.yaml'));
      expect(error.message).toBe(`p.yaml:3:3: forbidden key "${key}"`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting beyond the limit without overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const error = errorOf(() => parseYaml(deep, 'deep.yaml'));
    expect(error.message).toMatch(/^deep\.yaml.*(nest|deep)/);
  });

  it('refuses a text over the size limit before parsing it', () => {
    const limits = { ...DEFAULT_LIMITS, max_file_bytes: 100 };
    expect(errorOf(() => parseYaml(`a: "${'x'.repeat(200)}"`, 'big.yaml', { limits })).message).toBe(
      'big.yaml: file is larger than the limit of 100 bytes',
    );
  });

  it('gives configuration errors the config code', () => {
    expect(errorOf(() => parseYaml('a: [', 'policy.yaml', { errorCode: 'config' })).code).toBe('config');
  });
});

describe('parseJson', () => {
  it('reports a trailing comma at its line and column', () => {
    const error = errorOf(() => parseJson('{\n  "a": 1,\n  "b": 2,\n}\n', 'x.json'));
    expect(error.message).toMatch(/^x\.json:4:1: invalid JSON: /);
  });

  it('says when a file is empty', () => {
    expect(errorOf(() => parseJson('  \n', 'empty.json')).message).toBe('empty.json: invalid JSON: the file is empty');
  });

  it('locates a pointer at the line of its key', () => {
    const doc = parseJson('{\n  "features": [\n    {"name": "a"},\n    {"name": "b"}\n  ]\n}', 'd.json');
    expect(doc.locate(['features', 1])).toMatchObject({ line: 4 });
    expect(doc.locate(['features'])).toMatchObject({ line: 2 });
  });

  it('counts lines from the line the text starts on, for a value, a child of a shared pointer and too deep a nesting', () => {
    const doc = parseJson('{\n  "features": [\n    {"name": "a"},\n    {"name": "b"}\n  ]\n}', 'd.ndjson', { startLine: 10 });
    expect(doc.locate(['features'])).toMatchObject({ line: 11 });
    expect(doc.locate(['features'], 1)).toMatchObject({ line: 13, column: 5 });
    expect(doc.locate(['features', 1], 'name')).toMatchObject({ line: 13, column: 6 });
    const deep = `{\n  "a":\n    ${'['.repeat(70)}${']'.repeat(70)}\n}`;
    expect(errorOf(() => parseJson(deep, 'n.ndjson', { startLine: 10 })).message).toBe('n.ndjson:12:68: nesting deeper than the limit of 64 levels');
  });

  it('refuses deep nesting and forbidden keys', () => {
    expect(errorOf(() => parseJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.json')).message).toMatch(/nesting deeper than the limit of 64/);
    expect(errorOf(() => parseJson('{"a": {"__proto__": {"x": 1}}}', 'p.json')).message).toBe('p.json:1:8: forbidden key "__proto__"');
  });

  // Strings are only walked when the text could give them a lone surrogate; keys always are.
  it('refuses a forbidden key or a lone surrogate however the text spells it', () => {
    expect(errorOf(() => parseJson('{"a": [{"\\u005f_proto__": 1}]}', 'p.json')).message).toBe('p.json:1:9: forbidden key "__proto__"');
    expect(errorOf(() => parseJson('{"a": {"b": {"constructor": 1}}}', 'p.json')).message).toBe('p.json:1:14: forbidden key "constructor"');
    expect(errorOf(() => parseJson('{\n  "a": ["ok", "\\ud800"]\n}', 'p.json')).message).toMatch(/^p\.json:2:\d+: not valid Unicode text/);
    expect(errorOf(() => parseJson('{"\\udc00": 1}', 'p.json')).message).toMatch(/^p\.json:1:\d+: not valid Unicode text/);
    // A lone surrogate in the text itself (a caller that decoded leniently), not an escape.
    expect(errorOf(() => parseJson(`{"a": "x${String.fromCharCode(0xd800)}"}`, 'p.json')).message).toMatch(/^p\.json:1:\d+: not valid Unicode text/);
    // Escaped backslashes and a paired surrogate are text like any other.
    expect(parseJson('{"a": "\\\\ud800", "b": "\\ud83d\\ude00"}', 'p.json').value).toEqual({ a: '\\ud800', b: '\u{1F600}' });
  });

  it('accepts the forbidden names and nesting up to the limit where they are not keys', () => {
    const text = JSON.stringify({ notes: ['__proto__', 'constructor', 'prototype'], nested: JSON.parse(`${'['.repeat(63)}${']'.repeat(63)}`) });
    expect(parseJson(text, 'p.json').value).toEqual(JSON.parse(text));
    expect(errorOf(() => parseJson(`{"a": ${'['.repeat(64)}${']'.repeat(64)}}`, 'p.json')).message).toMatch(/nesting deeper than the limit of 64/);
  });

  it('gives locations whose own data is the path, and whose line is worked out on first read', () => {
    const doc = parseJson('{\n  "list": [\n    1,\n    2\n  ]\n}', 'l.json');
    const location = doc.locate(['list', 1]);
    expect({ ...location }).toEqual({ path: 'l.json' });
    expect(Object.keys(location)).toEqual(['path']);
    expect(location.line).toBe(4);
    expect(location.column).toBe(5);
    expect(JSON.parse(JSON.stringify(location))).toEqual({ path: 'l.json', line: 4, column: 5 });
    expect(toPlainLocation(location)).toEqual({ path: 'l.json', line: 4, column: 5 });
    expect(isLazyLocation(location)).toBe(true);
    expect(isLazyLocation(toPlainLocation(location))).toBe(false);
  });
});

describe('parseStructured', () => {
  it('chooses the syntax by extension, then by content', () => {
    expect(parseStructured('{"a": 1}', 'x.json').syntax).toBe('json');
    expect(parseStructured('a: 1', 'x.yml').syntax).toBe('yaml');
    expect(parseStructured('[1]', 'x.txt').syntax).toBe('json');
    expect(parseStructured('a: 1', 'x.txt').syntax).toBe('yaml');
  });
});
