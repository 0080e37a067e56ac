import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { FoundArtefact, FoundPolicy } from '../audit/pack.js';
import { DEFAULT_CONFIG_PATH, parseRepoConfig } from '../policy/config.js';
import { isPackReference, loadPolicy, type PolicySource, type PolicyText } from '../policy/load.js';
import { configError, ModelgateError } from '../errors.js';
import { createFsPolicySource } from './policy-source.js';
import { decodeText, toPosix } from './workspace.js';

/**
 * Finds the files an audit trail names by digest, for evidence packs: artefacts by sha256 and
 * policies by policy digest, first in the working tree, then in every commit of the git
 * history (all refs). Reads only; git runs as a command, so whatever git reads (packs,
 * alternates, partial clones) works.
 */

/** git output is read whole; a history larger than this is not read. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;
/** Paths or object ids per git command: under any argument-length limit, and a bounded batch of blobs in memory. */
const ITEMS_PER_COMMAND = 200;
/** Commits tried when looking for policy versions, newest first. */
const MAX_POLICY_COMMITS = 2000;
const MAX_POLICY_BYTES = 1024 * 1024;
/** Files larger than this in the working tree are not hashed (artefacts are reports, not weights). */
const MAX_ARTEFACT_BYTES = 512 * 1024 * 1024;

export interface GitHistory {
  /** The folder git runs in; repository paths are relative to it. */
  readonly dir: string;
  /** A shallow clone holds only part of the history: older files may not be found. */
  readonly shallow: boolean;
  /** Every content each path held in any commit of any ref: path, blob id and a commit that has it. */
  blobsOf(paths: readonly string[]): { commit: string; path: string; blob: string }[];
  /** Blob contents by id (ids that are not blobs are left out). */
  readBlobs(ids: readonly string[]): Map<string, Buffer>;
  /** Commits of any ref that changed any of the paths, newest first. */
  commitsTouching(paths: readonly string[]): string[];
  /** A file's bytes at a commit, or undefined when the commit has no such file. */
  showFile(commit: string, file: string): Buffer | undefined;
}

/** The git history of `dir`, or why there is none (not a repository, git not installed). */
export function openGitHistory(dir: string): { history: GitHistory } | { reason: string } {
  const probe = runGit(dir, ['rev-parse', '--is-inside-work-tree']);
  if (probe.error) return { reason: `git cannot be run (${probe.error})` };
  if (probe.status !== 0 || probe.stdout.toString().trim() !== 'true') return { reason: `${dir} is not in a git working tree` };

  const git = (args: string[], input?: Buffer): Buffer => {
    const result = runGit(dir, args, input);
    if (result.error || result.status !== 0) throw new ModelgateError('config', `cannot read the git history of ${dir}: git ${args[0]} failed: ${result.error ?? result.stderr.toString().trim()}`);
    return result.stdout;
  };

  const shallow = runGit(dir, ['rev-parse', '--is-shallow-repository']).stdout.toString().trim() === 'true';
  return {
    history: {
      dir,
      shallow,
      blobsOf(paths) {
        const found: { commit: string; path: string; blob: string }[] = [];
        const seen = new Set<string>();
        for (const chunk of chunks(paths)) {
          // -z: paths verbatim; --relative: paths relative to `dir`, as pathspecs are; -m: merges too.
          const out = git(['log', '--all', '-m', '--raw', '--no-renames', '--no-abbrev', '--relative', '-z', '--format=commit %H', '--', ...chunk]);
          let commit = '';
          const tokens = out.toString('utf8').split('\0');
          for (let index = 0; index < tokens.length; index += 1) {
            const token = tokens[index]!.replace(/^\n/, '');
            if (token.startsWith('commit ')) {
              commit = token.slice('commit '.length).trim();
            } else if (token.startsWith(':')) {
              const blob = token.split(' ')[3];
              const file = tokens[++index];
              if (!blob || file === undefined || /^0+$/.test(blob)) continue;
              const key = `${file}\0${blob}`;
              if (seen.has(key)) continue;
              seen.add(key);
              found.push({ commit, path: file, blob });
            }
          }
        }
        return found;
      },
      readBlobs(ids) {
        const contents = new Map<string, Buffer>();
        if (ids.length === 0) return contents;
        const out = git(['cat-file', '--batch'], Buffer.from(`${ids.join('\n')}\n`));
        let offset = 0;
        while (offset < out.length) {
          const end = out.indexOf(0x0a, offset);
          if (end === -1) break;
          const [id, type, size] = out.subarray(offset, end).toString('utf8').split(' ');
          offset = end + 1;
          if (type === 'missing' || size === undefined) continue;
          const length = Number(size);
          if (type === 'blob') contents.set(id!, out.subarray(offset, offset + length));
          offset += length + 1;
        }
        return contents;
      },
      commitsTouching(paths) {
        const commits = new Set<string>();
        for (const chunk of chunks(paths)) {
          for (const line of git(['log', '--all', '--format=%H', '--', ...chunk]).toString('utf8').split('\n')) if (line) commits.add(line);
        }
        return [...commits];
      },
      showFile(commit, file) {
        const result = runGit(dir, ['cat-file', 'blob', `${commit}:./${file}`]);
        return result.status === 0 ? result.stdout : undefined;
      },
    },
  };
}

/**
 * Artefacts by sha256: a file at one of its recorded paths in the working tree whose content
 * has that digest, else a blob at one of those paths anywhere in the git history.
 */
export async function findArtefactsByDigest(dir: string, wanted: ReadonlyMap<string, readonly string[]>, history: GitHistory | undefined): Promise<Map<string, FoundArtefact>> {
  const found = new Map<string, FoundArtefact>();
  for (const [sha256, paths] of wanted) {
    for (const file of paths) {
      const bytes = await readWorkingTreeFile(dir, file);
      if (bytes && sha256Hex(bytes) === sha256) {
        found.set(sha256, { bytes, source: `working tree ${file}` });
        break;
      }
    }
  }
  const remaining = [...wanted.entries()].filter(([sha256]) => !found.has(sha256));
  if (!history || remaining.length === 0) return found;
  const paths = [...new Set(remaining.flatMap(([, list]) => list))].filter(isRepositoryPath);
  const blobs = history.blobsOf(paths);
  const wantedDigests = new Set(remaining.map(([sha256]) => sha256));
  // Read in batches and keep only matches, so a long history of large files is never all in memory.
  for (const ids of chunks([...new Set(blobs.map((blob) => blob.blob))])) {
    const contents = history.readBlobs(ids);
    for (const { commit, path: file, blob } of blobs) {
      const bytes = contents.get(blob);
      if (!bytes) continue;
      const digest = sha256Hex(bytes);
      if (wantedDigests.has(digest) && !found.has(digest)) found.set(digest, { bytes: Buffer.from(bytes), source: `git ${commit.slice(0, 12)}:${file}` });
    }
  }
  return found;
}

export interface PolicySearch {
  /** The repository config, relative to `dir` (default `.modelgate.yml`): its `policy` is tried at every commit. */
  configPath?: string;
  /** Further policy files or pack names to try, relative to `dir` (what `check --policy` was given). */
  references?: readonly string[];
}

/**
 * Policies by digest. Tries, in the working tree and then at each commit that changed the
 * config or a policy file found so far (newest first): the config's policy, the given
 * references and every shipped pack; each is loaded with everything it extends, as `check`
 * loads it, and its digest computed. Shipped packs are those of this modelgate.
 */
export function findPoliciesByDigest(dir: string, wanted: ReadonlySet<string>, search: PolicySearch, history: GitHistory | undefined): Map<string, FoundPolicy> {
  const found = new Map<string, FoundPolicy>();
  const configPath = toPosix(path.normalize(search.configPath ?? DEFAULT_CONFIG_PATH));
  const fsSource = createFsPolicySource(dir);
  const repositoryFiles = new Set<string>([configPath]);

  const tryAll = (source: PolicySource, configText: string | undefined, origin: string, packs: readonly string[] = []) => {
    const references = [...(search.references ?? [])];
    const configured = configuredPolicy(configText, configPath);
    if (configured) references.unshift(configured);
    references.push(...packs);
    for (const reference of new Set(references)) {
      const recording = recordReads(source);
      let policy;
      try {
        policy = loadPolicy(reference, recording.source);
      } catch {
        // A policy that does not load at this commit judged nothing there.
        continue;
      } finally {
        for (const file of recording.read) if (!file.path.startsWith('pack:')) repositoryFiles.add(file.path);
      }
      if (wanted.has(policy.digest) && !found.has(policy.digest)) found.set(policy.digest, { policy, files: recording.read, source: origin });
    }
  };

  // Shipped packs are this modelgate's, the same at every commit: tried once.
  tryAll(fsSource, readTextOrUndefined(() => fsSource.readFile(configPath).text), 'working tree', fsSource.packNames());
  if (!history) return found;
  const tried = new Set<string>();
  // Each round may find policy files the earlier commits did not name; stop when no new commit turns up.
  for (let round = 0; round < 10 && found.size < wanted.size; round += 1) {
    const commits = history.commitsTouching([...repositoryFiles].filter(isRepositoryPath)).filter((commit) => !tried.has(commit));
    if (commits.length === 0) break;
    for (const commit of commits) {
      if (tried.size >= MAX_POLICY_COMMITS || found.size >= wanted.size) break;
      tried.add(commit);
      const source = createGitPolicySource(history, commit, fsSource);
      const configBytes = history.showFile(commit, configPath);
      tryAll(source, configBytes ? readTextOrUndefined(() => decodeText(configBytes, configPath)) : undefined, `git ${commit.slice(0, 12)}`);
    }
  }
  return found;
}

/** The config's policy reference relative to the repository root; the default pack without a config. */
function configuredPolicy(text: string | undefined, configPath: string): string | undefined {
  if (text === undefined) return 'starter';
  try {
    const reference = parseRepoConfig(text, configPath).config.policy;
    return isPackReference(reference) ? reference : path.posix.normalize(path.posix.join(path.posix.dirname(configPath), reference));
  } catch {
    return undefined;
  }
}

/** Policy files as they were at a commit; `extends` paths resolve against the naming file's folder, as on disk. */
function createGitPolicySource(history: GitHistory, commit: string, packs: PolicySource): PolicySource {
  return {
    readFile(file, relativeTo) {
      if (relativeTo?.startsWith('pack:')) throw configError(`${relativeTo} extends "${file}": a shipped pack can only extend packs`);
      const target = path.posix.normalize(path.posix.join(relativeTo ? path.posix.dirname(relativeTo) : '', file.replace(/\\/g, '/')));
      if (!isRepositoryPath(target)) throw configError(`policy path "${file}" leaves the repository`);
      const bytes = history.showFile(commit, target);
      if (!bytes) throw configError(`cannot read policy file ${target}: not found at ${commit}`);
      if (bytes.length > MAX_POLICY_BYTES) throw configError(`policy file ${target} is larger than ${MAX_POLICY_BYTES} bytes`);
      return { path: target, text: decodeText(bytes, target) };
    },
    readPack: (name) => packs.readPack(name),
    packNames: () => packs.packNames(),
  };
}

/** A source that remembers every file it handed out, in order, once each. */
function recordReads(source: PolicySource): { source: PolicySource; read: PolicyText[] } {
  const read: PolicyText[] = [];
  const remember = (text: PolicyText) => {
    if (!read.some((known) => known.path === text.path)) read.push(text);
    return text;
  };
  return {
    read,
    source: {
      readFile: (file, relativeTo) => remember(source.readFile(file, relativeTo)),
      readPack: (name) => {
        const text = source.readPack(name);
        return text && remember(text);
      },
      packNames: () => source.packNames(),
    },
  };
}

/** A file of the working tree inside `dir` (never through a link that leaves it), or undefined. */
async function readWorkingTreeFile(dir: string, file: string): Promise<Buffer | undefined> {
  if (!isRepositoryPath(file)) return undefined;
  const absolute = path.resolve(dir, file);
  try {
    const [root, target] = await Promise.all([realpath(dir), realpath(absolute)]);
    const relative = path.relative(root, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    const info = await lstat(target);
    if (!info.isFile() || info.size > MAX_ARTEFACT_BYTES) return undefined;
    return await readFile(target);
  } catch {
    return undefined;
  }
}

/** A clean relative path inside the repository: no absolute paths, no `..`. */
function isRepositoryPath(file: string): boolean {
  return file !== '' && !path.posix.isAbsolute(file) && !/^[A-Za-z]:/.test(file) && file.split('/').every((segment) => segment !== '..' && segment !== '');
}

function readTextOrUndefined(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function runGit(dir: string, args: string[], input?: Buffer): { status: number | null; stdout: Buffer; stderr: Buffer; error?: string } {
  // Literal pathspecs: a recorded path with `*` or `:` names that file, not a pattern.
  const result = spawnSync('git', ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
    cwd: dir,
    input,
    maxBuffer: MAX_GIT_OUTPUT,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.stderr ?? Buffer.alloc(0), ...(result.error && { error: result.error.message }) };
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += ITEMS_PER_COMMAND) out.push(items.slice(index, index + ITEMS_PER_COMMAND));
  return out;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
