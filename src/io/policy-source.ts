import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configError } from '../errors.js';
import { decodeText, toPosix } from './workspace.js';
import type { PolicySource, PolicyText } from '../policy/load.js';

const MAX_POLICY_BYTES = 1024 * 1024;

/**
 * The shipped packs live in `policies/` at the package root, which sits above
 * both `src/io/` (tests) and `dist/<bundle>/` (bundles).
 */
export function findPacksDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from, depth = 0; depth < 5; dir = path.dirname(dir), depth++) {
    const candidate = path.join(dir, 'policies');
    if (existsSync(path.join(candidate, 'starter.yaml')) && existsSync(path.join(dir, 'package.json'))) return candidate;
  }
  return undefined;
}

/**
 * Reads policy files from disk. Display paths are relative to `cwd`; `extends` paths
 * are resolved against the folder of the file that names them.
 */
export function createFsPolicySource(cwd: string, packsDir: string | undefined = findPacksDir()): PolicySource {
  const absoluteOf = new Map<string, string>();
  const read = (absolute: string, shown: string): PolicyText => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw configError(`cannot read policy file ${shown}: ${code === 'ENOENT' ? 'not found' : (code ?? (error as Error).message)}`);
    }
    if (bytes.length > MAX_POLICY_BYTES) throw configError(`policy file ${shown} is larger than ${MAX_POLICY_BYTES} bytes`);
    let text: string;
    try {
      text = decodeText(bytes, shown);
    } catch (error) {
      throw configError(`policy file ${shown}: ${(error as Error).message}`);
    }
    absoluteOf.set(shown, absolute);
    return { path: shown, text };
  };
  return {
    readFile(file, relativeTo) {
      const base = relativeTo ? path.dirname(absoluteOf.get(relativeTo) ?? path.resolve(cwd, relativeTo)) : cwd;
      const absolute = path.resolve(base, file);
      return read(absolute, toPosix(path.relative(cwd, absolute)) || absolute);
    },
    readPack(name) {
      if (!packsDir) return undefined;
      const absolute = path.join(packsDir, `${name}.yaml`);
      return existsSync(absolute) ? read(absolute, `pack:${name}`) : undefined;
    },
    packNames() {
      if (!packsDir) return [];
      return readdirSync(packsDir)
        .filter((file) => file.endsWith('.yaml'))
        .map((file) => file.slice(0, -'.yaml'.length))
        .sort();
    },
  };
}
