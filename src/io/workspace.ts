import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { Workspace } from '../check.js';
import type { ArtefactFile } from '../artefacts/read.js';
import type { Limits } from '../document/limits.js';
import { artefactError } from '../errors.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A workspace over a folder on disk. Paths in and out are repository-relative with
 * forward slashes; `displayPrefix` is put before them in messages (e.g. the folder
 * relative to where the user ran the command) so they can be opened as printed.
 *
 * The filesystem is read with synchronous calls behind the asynchronous interface: a check
 * reads a few small files per model, and each asynchronous call would cost a round trip
 * through libuv's thread pool several times what the read itself costs.
 */
export function createFsWorkspace(root: string, displayPrefix = ''): Workspace {
  const rootPath = path.resolve(root);
  let realRoot: string | undefined;
  const display = (relative: string) => (displayPrefix ? path.posix.join(displayPrefix, relative) : relative);

  /** The real path (symlinks resolved) of an existing path, or undefined. */
  const real = (absolute: string): string | undefined => {
    try {
      return realpathSync(absolute);
    } catch {
      return undefined;
    }
  };

  /** Whether a real path lies inside the repository (no symlink or `..` leads out of it). */
  const inside = (target: string): boolean => {
    realRoot ??= realpathSync(rootPath);
    const relative = path.relative(realRoot, target);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };

  return {
    async findFiles(base, patterns) {
      const cwd = path.resolve(rootPath, base);
      const target = real(cwd);
      if (target === undefined || !inside(target)) return [];
      const found = globSync([...patterns], { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
      return found.map((file) => toPosix(path.relative(rootPath, path.resolve(cwd, file)))).sort();
    },

    async findFolders(patterns) {
      const found = globSync([...patterns], { cwd: rootPath, onlyDirectories: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
      return found.map((folder) => toPosix(folder).replace(/\/+$/, '')).sort();
    },

    async readFile(relative: string, limits: Limits): Promise<ArtefactFile> {
      const shown = display(relative);
      // The real path: a missing file (or a symlink to one) has none.
      const target = real(path.resolve(rootPath, relative));
      if (target === undefined) throw artefactError('file not found', { path: shown });
      if (!inside(target)) throw artefactError('refused: the path leaves the repository (through a symlink or "..")', { path: shown });
      const bytes = readRegularFile(target, shown, limits);
      return { path: shown, text: decodeText(bytes, shown), sha256: createHash('sha256').update(bytes).digest('hex') };
    },
  };
}

/** Where the platform has them (not on Windows): open without waiting (a FIFO would wait for a writer), and not through a symlink. */
const OPEN_FLAGS = constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0) | ((constants.O_NOFOLLOW as number | undefined) ?? 0);

/**
 * The bytes of a regular file (given by its real path) within the size limit, judged by the
 * open file itself, so that it cannot change between the check and the read.
 */
function readRegularFile(real: string, shown: string, limits: Limits): Uint8Array {
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch {
    throw artefactError('file not found', { path: shown });
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw artefactError('not a regular file', { path: shown });
    if (info.size > limits.max_file_bytes) {
      throw artefactError(`file is ${info.size} bytes, larger than the limit of ${limits.max_file_bytes}`, { path: shown });
    }
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < info.size) {
      const read = readSync(fd, bytes, filled, info.size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
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
