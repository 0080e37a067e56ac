import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Workspace } from '../check.js';
import { createFsWorkspace } from '../io/workspace.js';
import { paginateAll, type ClientLog, type GitHubClient } from './client.js';
import type { Repository } from './event.js';
import { readBody } from './response-body.js';

/** Asset names that can be artefacts: text formats the adapters read. Model binaries are left alone. */
const ARTEFACT_ASSET = /\.(ya?ml|json|ndjson|jsonl|csv|md)$/i;

export interface DownloadedAssets {
  names: string[];
  workspace: Workspace;
}

/**
 * Downloads a release's artefact assets and lays them over the model's folder of the tagged
 * tree: an asset `bias.yaml` is read as `<model path>/bias.yaml` and wins over the file of the
 * same path in the checkout. Findings about an asset name it as `release:<tag>/<asset>`.
 */
export async function overlayReleaseAssets(
  client: GitHubClient,
  repository: Repository,
  release: { id: number; tag: string },
  modelPath: string,
  base: Workspace,
  options: { tempDir: string; maxBytes: number; log: ClientLog },
): Promise<DownloadedAssets | undefined> {
  const assets = await paginateAll(client, client.rest.repos.listReleaseAssets, { ...repository, release_id: release.id, per_page: 100 });
  const wanted = assets.filter((asset) => {
    if (!ARTEFACT_ASSET.test(asset.name)) {
      options.log.debug(`release asset ${asset.name}: not an artefact format, not read`);
      return false;
    }
    if (asset.size > options.maxBytes) {
      options.log.warning(`release asset ${asset.name} is ${asset.size} bytes, larger than the limit of ${options.maxBytes}: not read`);
      return false;
    }
    return true;
  });
  if (wanted.length === 0) return undefined;
  await mkdir(options.tempDir, { recursive: true });
  const root = await mkdtemp(path.join(options.tempDir, 'modelgate-assets-'));
  const folder = path.join(root, ...modelPath.split('/'));
  await mkdir(folder, { recursive: true });
  for (const asset of wanted) {
    // `application/octet-stream` makes GitHub answer with the file (through a redirect), not the asset's metadata.
    const response = await client.rest.repos.getReleaseAsset({
      ...repository,
      asset_id: asset.id,
      headers: { accept: 'application/octet-stream' },
      // The bytes as stored: a JSON asset must not be parsed and printed again, or its line numbers change.
      request: { parseSuccessResponseBody: false },
    });
    await writeFile(path.join(folder, path.basename(asset.name)), await readBody(response.data as unknown));
    options.log.info(`release asset ${asset.name} read as ${modelPath}/${asset.name}`);
  }
  const overlay = createFsWorkspace(root);
  const shown = (file: string) => {
    const inFolder = file.startsWith(`${modelPath}/`) ? file.slice(modelPath.length + 1) : file;
    return `release:${release.tag}/${inFolder}`;
  };
  const names = wanted.map((asset) => asset.name);
  return {
    names,
    workspace: {
      async findFiles(baseFolder, patterns) {
        const [fromTree, fromAssets] = await Promise.all([base.findFiles(baseFolder, patterns), overlay.findFiles(baseFolder, patterns)]);
        return [...new Set([...fromTree, ...fromAssets])].sort();
      },
      findFolders: (patterns) => base.findFolders(patterns),
      async readFile(file, limits) {
        const fromAssets = (await overlay.findFiles(path.posix.dirname(file), [path.posix.basename(file)])).includes(file);
        if (!fromAssets) return base.readFile(file, limits);
        const read = await overlay.readFile(file, limits);
        return { ...read, path: shown(file) };
      },
    },
  };
}
