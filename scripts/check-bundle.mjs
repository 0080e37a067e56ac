// Every bundle is run once after building: ncc can exit 0 yet leave a bundle that cannot start.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const bundles = ['dist/cli/index.js'];
for (const dir of new Set(bundles.map((bundle) => path.dirname(bundle)))) {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    if (readFileSync(path.join(dir, file), 'utf8').includes('webpackMissingModule')) {
      console.error(`${path.join(dir, file)}: a module could not be bundled (webpackMissingModule)`);
      process.exit(1);
    }
  }
}
for (const bundle of bundles) {
  const version = execFileSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' }).trim();
  console.log(`${bundle}: runs (version ${version})`);
}
