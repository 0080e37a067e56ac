// Runs the bundled CLI over the demo repository as a user would, then checks that
// every model got the verdict fixtures/demo-repo/expected.json says it should.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const cli = 'dist/cli/index.js';
const args = ['check', '--config', 'fixtures/demo-repo/.modelgate.yml', '--approvals', 'fixtures/demo-repo/approvals.yaml'];
const expected = JSON.parse(readFileSync('fixtures/demo-repo/expected.json', 'utf8'));

console.log(`$ modelgate ${args.join(' ')}\n`);
const shown = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
console.log(`(exit code ${shown.status}: 1 means at least one model is blocked)\n`);

const json = spawnSync(process.execPath, [cli, ...args, '--format', 'json'], { encoding: 'utf8' });
let decision;
try {
  decision = JSON.parse(json.stdout);
} catch {
  console.error(`demo: the CLI did not print a JSON decision:\n${json.stderr}`);
  process.exit(1);
}
const actual = Object.fromEntries(decision.models.map((model) => [model.name, model.verdict]));
const mismatches = Object.entries(expected.models).filter(([name, verdict]) => actual[name] !== verdict);
if (mismatches.length > 0 || decision.verdict !== expected.verdict || json.status !== 1) {
  for (const [name, verdict] of mismatches) console.error(`demo: ${name}: expected ${verdict}, got ${actual[name] ?? 'nothing'}`);
  console.error(`demo: overall ${decision.verdict} (expected ${expected.verdict}), exit code ${json.status} (expected 1)`);
  process.exit(1);
}
console.log(`demo: all ${Object.keys(expected.models).length} verdicts are the expected ones`);
