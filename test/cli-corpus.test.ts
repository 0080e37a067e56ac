import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './helpers.js';

/** Every corpus file, as a user would inspect it with the CLI bundle. */
const CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const files = existsSync(CORPUS) ? filesUnder(CORPUS).filter((file) => path.dirname(file) !== CORPUS) : [];

describe('modelgate inspect over the shared corpus', () => {
  it('finds the corpus beside the repository', () => {
    expect(files.length, `no corpus at ${path.relative(REPO_ROOT, CORPUS)}`).toBeGreaterThan(0);
  });

  for (const file of files) {
    const shown = path.relative(REPO_ROOT, file);
    const malformed = path.basename(path.dirname(file)) === 'malformed';
    it(`${malformed ? 'rejects' : 'reads'} ${path.relative(CORPUS, file)}`, () => {
      const run = runCli(['inspect', shown, '--format', 'json']);
      if (malformed) {
        expect(run.status).toBe(1);
        // One line naming the file, and the line (and column) where the parser knows it.
        expect(run.stderr).toMatch(new RegExp(`^modelgate: ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+(:\\d+)?)?: .+\\n$`));
        expect(run.stdout).toBe('');
      } else {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const output = JSON.parse(run.stdout) as { kind: string; format: string; evidence: unknown };
        expect(output.format).not.toBe('');
        expect(output.evidence).toBeTypeOf('object');
      }
    });
  }
});
