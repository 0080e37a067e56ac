// The gate's cost against its floor, measured in the same run: judging the demo
// repository end to end versus only parsing the same artefact bytes as YAML/JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { parse as parseYamlText } from 'yaml';
import { check } from '../src/check.js';
import { compilePolicy } from '../src/engine/compile.js';
import { createFsPolicySource } from '../src/io/policy-source.js';
import { createFsWorkspace } from '../src/io/workspace.js';
import { parseRepoConfig } from '../src/policy/config.js';
import { loadPolicy } from '../src/policy/load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/demo-repo');
const repoConfig = parseRepoConfig(readFileSync(path.join(root, '.modelgate.yml'), 'utf8'), '.modelgate.yml');
const policy = compilePolicy(loadPolicy('starter', createFsPolicySource(root)));
const workspace = createFsWorkspace(root);
const now = new Date();

const artefactTexts = (await Promise.all((await workspace.findFolders(['models/*'])).map((folder) => workspace.findFiles(folder, ['**/*.{yaml,json}']))))
  .flat()
  .map((file) => ({ file, text: readFileSync(path.join(root, file), 'utf8') }));

describe('check of the demo repository (5 models)', () => {
  bench('floor: parse the same artefact bytes (already in memory)', () => {
    for (const { file, text } of artefactTexts) {
      if (file.endsWith('.json')) JSON.parse(text);
      else parseYamlText(text);
    }
  });
  bench('modelgate check (gather, adapt, validate, evaluate)', async () => {
    await check({ repoConfig, policy, workspace, now });
  });
});

describe('policy load and CEL compile', () => {
  bench('starter pack', () => {
    compilePolicy(loadPolicy('starter', createFsPolicySource(root)));
  });
});
