import { describe, expect, it } from 'vitest';
import { parseJson, parseStructured, parseYaml } from '../../src/document/parse.js';
import { ModelgateError } from '../../src/errors.js';
import { DEFAULT_LIMITS } from '../../src/document/limits.js';

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

  it('refuses deep nesting and forbidden keys', () => {
    expect(errorOf(() => parseJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'deep.json')).message).toMatch(/nesting deeper than the limit of 64/);
    expect(errorOf(() => parseJson('{"a": {"__proto__": {"x": 1}}}', 'p.json')).message).toBe('p.json:1:8: forbidden key "__proto__"');
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
