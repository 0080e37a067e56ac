import { createHash } from 'node:crypto';
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import type { Workspace } from '../check.js';
import type { ArtefactFile } from '../artefacts/read.js';
import type { Limits } from '../document/limits.js';
import { artefactError } from '../errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A workspace over a folder on disk. Paths in and out are repository-relative with
 * forward slashes; `displayPrefix` is put before them in messages (e.g. the folder
 * relative to where the user ran the command) so they can be opened as printed.
 */
export function createFsWorkspace(root: string, displayPrefix = ''): Workspace {
  const rootPath = path.resolve(root);
  let realRoot: Promise<string> | undefined;
  const display = (relative: string) => (displayPrefix ? path.posix.join(displayPrefix, relative) : relative);

  const inside = async (absolute: string): Promise<boolean> => {
    realRoot ??= realpath(rootPath);
    const [base, target] = await Promise.all([realRoot, realpath(absolute)]);
    const relative = path.relative(base, target);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };

  const exists = async (absolute: string) => stat(absolute).then(() => true, () => false);

  return {
    async findFiles(base, patterns) {
      const cwd = path.resolve(rootPath, base);
      if (!(await exists(cwd)) || !(await inside(cwd))) return [];
      const found = await glob([...patterns], { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
      return found.map((file) => toPosix(path.relative(rootPath, path.resolve(cwd, file)))).sort();
    },

    async findFolders(patterns) {
      const found = await glob([...patterns], { cwd: rootPath, onlyDirectories: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
      return found.map((folder) => toPosix(folder).replace(/\/+$/, '')).sort();
    },

    async readFile(relative: string, limits: Limits): Promise<ArtefactFile> {
      const shown = display(relative);
      const absolute = path.resolve(rootPath, relative);
      const info = await lstat(absolute).catch(() => undefined);
      if (!info) throw artefactError('file not found', { path: shown });
      if (!(await inside(absolute))) throw artefactError('refused: the path leaves the repository (through a symlink or "..")', { path: shown });
      const target = info.isSymbolicLink() ? await stat(absolute) : info;
      if (!target.isFile()) throw artefactError('not a regular file', { path: shown });
      if (target.size > limits.max_file_bytes) {
        throw artefactError(`file is ${target.size} bytes, larger than the limit of ${limits.max_file_bytes}`, { path: shown });
      }
      const bytes = await readFile(absolute);
      return { path: shown, text: decodeText(bytes, shown), sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
}

/** Artefacts are text: a NUL byte or invalid UTF-8 means a binary or mis-encoded file, which is refused. */
export function decodeText(bytes: Uint8Array, shownPath: string): string {
  if (bytes.includes(0)) throw artefactError('binary file (contains NUL bytes), expected UTF-8 text', { path: shownPath });
  try {
    return UTF8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw artefactError('not valid UTF-8 text', { path: shownPath });
  }
}

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
