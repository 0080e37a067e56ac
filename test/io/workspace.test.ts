import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/document/limits.js';
import { createFsWorkspace } from '../../src/io/workspace.js';
import { makeRepo } from '../helpers.js';

describe('filesystem workspace', () => {
  it('finds files by glob, repository-relative and sorted', async () => {
    const root = makeRepo({ 'models/a/lineage/2.json': '{}', 'models/a/lineage/1.json': '{}', 'models/b/x.yaml': 'a: 1' });
    const workspace = createFsWorkspace(root);
    expect(await workspace.findFiles('models/a', ['lineage/*.json'])).toEqual(['models/a/lineage/1.json', 'models/a/lineage/2.json']);
    expect(await workspace.findFolders(['models/*'])).toEqual(['models/a', 'models/b']);
    expect(await workspace.findFiles('models/missing', ['*'])).toEqual([]);
  });

  it('reads UTF-8 text with its sha256 and shows paths with the display prefix', async () => {
    const root = makeRepo({ 'a.yaml': '\uFEFFa: 1\n' });
    const file = await createFsWorkspace(root, 'repo').readFile('a.yaml', DEFAULT_LIMITS);
    expect(file).toEqual({ path: 'repo/a.yaml', text: 'a: 1\n', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('refuses symlinks that leave the repository', async () => {
    const outside = makeRepo({ 'secret.yaml': 'a: 1' });
    const root = makeRepo({ 'models/m/ok.yaml': 'a: 1' });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'models/m/card.yaml'));
    symlinkSync(outside, path.join(root, 'models/escape'));
    const workspace = createFsWorkspace(root);
    await expect(workspace.readFile('models/m/card.yaml', DEFAULT_LIMITS)).rejects.toThrow('models/m/card.yaml: refused: the path leaves the repository');
    await expect(workspace.readFile('../secret.yaml', DEFAULT_LIMITS)).rejects.toThrow(/refused|not found/);
    expect(await workspace.findFiles('models/escape', ['*.yaml'])).toEqual([]);
  });

  it('reads through a symlink that stays inside, and refuses what is not a regular file without waiting on it', async () => {
    const root = makeRepo({ 'models/m/real.yaml': 'a: 1\n' });
    symlinkSync('real.yaml', path.join(root, 'models/m/link.yaml'));
    symlinkSync('missing.yaml', path.join(root, 'models/m/dangling.yaml'));
    mkdirSync(path.join(root, 'models/m/folder.yaml'));
    const workspace = createFsWorkspace(root);
    expect(await workspace.readFile('models/m/link.yaml', DEFAULT_LIMITS)).toMatchObject({ path: 'models/m/link.yaml', text: 'a: 1\n' });
    await expect(workspace.readFile('models/m/dangling.yaml', DEFAULT_LIMITS)).rejects.toThrow('models/m/dangling.yaml: file not found');
    await expect(workspace.readFile('models/m/folder.yaml', DEFAULT_LIMITS)).rejects.toThrow('models/m/folder.yaml: not a regular file');
    // Discovery sees regular files only, never what a symlink points at.
    expect(await workspace.findFiles('models/m', ['*.yaml'])).toEqual(['models/m/real.yaml']);
    if (process.platform !== 'win32') {
      // A named pipe would block a plain open until something writes to it.
      execFileSync('mkfifo', [path.join(root, 'models/m/pipe.yaml')]);
      await expect(workspace.readFile('models/m/pipe.yaml', DEFAULT_LIMITS)).rejects.toThrow('models/m/pipe.yaml: not a regular file');
    }
  });

  it('refuses binary, non-UTF-8 and oversized files, naming them', async () => {
    const root = makeRepo({
      'bin.json': new Uint8Array([0x7b, 0x00, 0x7d]),
      'latin1.yaml': new Uint8Array([0x61, 0x3a, 0x20, 0xe9]),
      'big.json': `[${'1,'.repeat(600)}1]`,
    });
    const workspace = createFsWorkspace(root);
    await expect(workspace.readFile('bin.json', DEFAULT_LIMITS)).rejects.toThrow('bin.json: binary file (contains NUL bytes), expected UTF-8 text');
    await expect(workspace.readFile('latin1.yaml', DEFAULT_LIMITS)).rejects.toThrow('latin1.yaml: not valid UTF-8 text');
    await expect(workspace.readFile('big.json', { ...DEFAULT_LIMITS, max_file_bytes: 1000 })).rejects.toThrow(/^big\.json: file is 1203 bytes, larger than the limit of 1000$/);
    await expect(workspace.readFile('nope.json', DEFAULT_LIMITS)).rejects.toThrow('nope.json: file not found');
  });
});
