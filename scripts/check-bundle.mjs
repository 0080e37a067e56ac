// Every bundle is run once after building: ncc can exit 0 yet leave a bundle that cannot start.
// `node scripts/check-bundle.mjs [ACTION [CLI]]` checks other builds; dist/ by default.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ACTION = path.resolve(process.argv[2] ?? 'dist/index.js');
const CLI = path.resolve(process.argv[3] ?? 'dist/cli/index.js');
const bundles = [ACTION, CLI];
for (const dir of new Set(bundles.map((bundle) => path.dirname(bundle)))) {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    if (readFileSync(path.join(dir, file), 'utf8').includes('webpackMissingModule')) {
      console.error(`${path.join(dir, file)}: a module could not be bundled (webpackMissingModule)`);
      process.exit(1);
    }
  }
}
const shown = (file) => path.relative(process.cwd(), file);
const version = execFileSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).trim();
console.log(`${shown(CLI)}: runs (version ${version})`);
// Outside a runner the Action must start, then fail the step with its own message (not a module error).
const action = spawnSync(process.execPath, [ACTION], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
if (action.status !== 1 || !action.stdout.includes('::error::modelgate: GITHUB_EVENT_NAME is not set')) {
  console.error(`${shown(ACTION)}: did not start as expected (exit ${action.status})\n${action.stdout}${action.stderr}`);
  process.exit(1);
}
console.log(`${shown(ACTION)}: runs (fails outside a runner, as it should)`);
// The gate core is a chunk the Action loads only when it judges: a scheduled run in an empty
// checkout loads it, compiles the starter pack and finds no models, with no API request.
const workspace = mkdtempSync(path.join(tmpdir(), 'modelgate-check-bundle-'));
try {
  writeFileSync(path.join(workspace, 'event.json'), '{}');
  const judged = spawnSync(process.execPath, [ACTION], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: path.join(workspace, 'event.json'),
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: path.join(workspace, 'temp'),
      'INPUT_GITHUB-TOKEN': 'unused',
    },
  });
  if (judged.status !== 1 || !judged.stdout.includes('judged with the defaults (the starter pack)') || !judged.stdout.includes('::error::modelgate: no models found')) {
    console.error(`${shown(ACTION)}: did not load its gate core as expected (exit ${judged.status})\n${judged.stdout}${judged.stderr}`);
    process.exit(1);
  }
  console.log(`${shown(ACTION)}: loads its gate core (the starter pack compiles; an empty checkout has no models)`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
