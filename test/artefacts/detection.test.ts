import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/artefacts/formats/index.js';
import { readArtefact } from '../../src/artefacts/read.js';
import { ModelgateError } from '../../src/errors.js';
import { REPO_ROOT } from '../helpers.js';

/**
 * Detection across every registered format at once: each fixture under
 * fixtures/formats/<format-id>/ must be claimed by exactly that format, with no hint,
 * and each file in its malformed/ folder must be refused with an artefact error.
 */
const FIXTURES = path.join(REPO_ROOT, 'fixtures/formats');
/** Formats whose real files are in the shared corpus (test/artefacts/corpus.test.ts) need no hand-written fixtures. */
const IN_CORPUS = new Set(['cyclonedx-mlbom', 'huggingface-model-card']);

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(FIXTURES)
  .filter((file) => path.basename(file) !== 'README.md')
  .map((file) => {
    const relative = path.relative(FIXTURES, file).split(path.sep);
    return { file, format: relative[0]!, malformed: relative.includes('malformed'), shown: path.relative(REPO_ROOT, file) };
  });

function load(file: string, shown: string) {
  const bytes = readFileSync(file);
  return { path: shown, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('format detection over all fixtures', () => {
  it('has a fixture folder for every real-world format, named by its id', () => {
    const folders = new Set(files.map((entry) => entry.format));
    const realFormats = FORMATS.filter((format) => !format.id.startsWith('modelgate-')).map((format) => format.id);
    expect(realFormats.filter((id) => !folders.has(id) && !IN_CORPUS.has(id))).toEqual([]);
    expect([...folders].filter((folder) => !realFormats.includes(folder))).toEqual([]);
  });

  it.each(files.filter((entry) => !entry.malformed))('$shown is read as $format', ({ file, shown, format }) => {
    expect(readArtefact(load(file, shown)).sources[0]!.format).toBe(format);
  });

  it.each(files.filter((entry) => entry.malformed))('$shown is refused naming the file', ({ file, shown }) => {
    let caught: unknown;
    try {
      readArtefact(load(file, shown));
    } catch (error) {
      caught = error;
    }
    expect(caught, `${shown} was accepted`).toBeInstanceOf(ModelgateError);
    expect((caught as ModelgateError).message.startsWith(shown)).toBe(true);
  });
});
