import { createHash } from 'node:crypto';
import type { ArtefactFile } from '../artefacts/read.js';
import type { Workspace } from '../check.js';
import { artefactError } from '../errors.js';
import { decodeText } from '../io/workspace.js';

/** What fetching one artefact from a registry gave: its bytes, nothing there (404), or a failure to read it. */
export type FetchedFile = { bytes: Uint8Array } | { missing: true } | { error: string };

/**
 * The gate's view of a registry: the artefacts fetched for one model version, by path. A
 * path that is absolute (`s3://…`) stands as it is; others are shown under `base` (e.g.
 * `runs:/<run id>`), so findings and audit records name where in the registry a file lives.
 *
 * A file that could not be fetched is still "found": reading it fails with the reason, which
 * the gate turns into a blocking `error` result. A registry that cannot be read never yields
 * a pass; only a file the registry says is not there (404) counts as missing.
 */
export function createRegistryWorkspace(base: string, files: ReadonlyMap<string, FetchedFile>, registry: string): Workspace {
  const shown = (relative: string) => (/^[a-z0-9+.-]+:\/\//i.test(relative) || base === '' ? relative : `${base}/${relative}`);
  const byShown = new Map([...files].map(([relative, fetched]) => [shown(relative), fetched]));
  return {
    async findFiles(_base, patterns) {
      return patterns.map(shown).filter((path) => {
        const fetched = byShown.get(path);
        return fetched !== undefined && !('missing' in fetched);
      });
    },
    async findFolders() {
      return [];
    },
    async readFile(path, limits): Promise<ArtefactFile> {
      const fetched = byShown.get(path);
      if (!fetched || 'missing' in fetched) throw artefactError(`not found in ${registry}`, { path });
      if ('error' in fetched) throw artefactError(`cannot be read from ${registry}: ${fetched.error}`, { path });
      if (fetched.bytes.byteLength > limits.max_file_bytes) {
        throw artefactError(`file is ${fetched.bytes.byteLength} bytes, larger than the limit of ${limits.max_file_bytes}`, { path });
      }
      return { path, text: decodeText(fetched.bytes, path), sha256: createHash('sha256').update(fetched.bytes).digest('hex') };
    },
  };
}
