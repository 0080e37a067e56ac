// Every bundle is run once after building: ncc can exit 0 yet leave a bundle that cannot start.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CLI = 'dist/cli/index.js';
const ACTION = 'dist/index.js';
const bundles = [ACTION, CLI];
for (const dir of new Set(bundles.map((bundle) => path.dirname(bundle)))) {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    if (readFileSync(path.join(dir, file), 'utf8').includes('webpackMissingModule')) {
      console.error(`${path.join(dir, file)}: a module could not be bundled (webpackMissingModule)`);
      process.exit(1);
    }
  }
}
const version = execFileSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).trim();
console.log(`${CLI}: runs (version ${version})`);
// Outside a runner the Action must start, then fail the step with its own message (not a module error).
const action = spawnSync(process.execPath, [ACTION], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
if (action.status !== 1 || !action.stdout.includes('::error::modelgate: GITHUB_EVENT_NAME is not set')) {
  console.error(`${ACTION}: did not start as expected (exit ${action.status})\n${action.stdout}${action.stderr}`);
  process.exit(1);
}
console.log(`${ACTION}: runs (fails outside a runner, as it should)`);
