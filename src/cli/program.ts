import { lstat, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { ARTEFACT_KINDS, type ArtefactKind } from '../artefacts/evidence.js';
import { readArtefact } from '../artefacts/read.js';
import { lookupPreviousDecisions } from '../audit/previous.js';
import { ApprovalsFileSchema, check, checkKeepingSubjects, type ApprovalEntry } from '../check.js';
import { formatLocation } from '../document/location.js';
import { parseStructured } from '../document/parse.js';
import { withinRunTime } from '../document/limits.js';
import { validateDocument } from '../document/validate.js';
import { compilePolicy, type CompiledPolicy } from '../engine/compile.js';
import type { Decision } from '../engine/decision.js';
import { ModelgateError } from '../errors.js';
import { createFsPolicySource } from '../io/policy-source.js';
import { createFsWorkspace, decodeText, toPosix } from '../io/workspace.js';
import { DEFAULT_CONFIG_PATH, parseRepoConfig, RepoConfigSchema, type LoadedRepoConfig } from '../policy/config.js';
import { isPackReference, loadPolicy } from '../policy/load.js';
import { CONTROLS_FORMATS, renderControls, type ControlsFormat } from '../report/controls.js';
import { renderPolicyExplanation } from '../report/explain.js';
import { renderDecision, REPORT_FORMATS, type ReportFormat } from '../report/render.js';
import { VERSION } from '../version.js';
import { recordDecisions, registerAuditCommands, validateAuditUrl } from './audit-commands.js';
import { registerPolicyCommands } from './policy-commands.js';
import { registerServeCommand } from './serve-command.js';

/** What a command asks the entry point to do when it is done. */
export interface CommandOutcome {
  exitCode: 0 | 1 | 2;
}

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only when stdout is a terminal and NO_COLOR is unset. */
  color: boolean;
  env: Record<string, string | undefined>;
  now: () => Date;
}

const usage = (message: string) => new ModelgateError('usage', message);

export function buildProgram(io: CliIo, done: (outcome: CommandOutcome) => void): Command {
  const program = new Command('modelgate')
    .description('ML governance gate: checks model cards, lineage, bias and drift reports against YAML/CEL policies')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('check')
    .description('judge the models of a repository against the policy; exit 0 pass/warn, 1 blocked, 2 usage or config error')
    .option('-c, --config <file>', `repository config (default ${DEFAULT_CONFIG_PATH}; without one, models/* are discovered and the starter pack applies)`)
    .option('-p, --policy <file-or-pack>', 'policy file or shipped pack name, overriding the config')
    .option('-m, --model <name>', 'check only this model (repeatable)', collect, [] as string[])
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the report to this file instead of standard output')
    .option('-a, --approvals <file>', 'YAML/JSON list of approvals (user, teams, state, at, source, model) for CI systems other than GitHub')
    .option('--audit <url>', "append one decision record per model to this audit store, and read each model's previous approved decision from it when a rule needs it: file:PATH, github:[OWNER/REPO][#BRANCH] or postgres://... (default: no audit trail)")
    .option('--actor <name>', 'who ran the check, for the audit record (default: $GITHUB_ACTOR, then $USER)')
    .action(async (options: CheckOptions) => done(await runCheck(options, io)));

  program
    .command('inspect')
    .description('show the detected format of an artefact and the evidence modelgate reads from it')
    .argument('<file>', 'artefact file')
    .addOption(new Option('-k, --kind <kind>', 'the artefact kind, when detection is ambiguous').choices(ARTEFACT_KINDS))
    .option('--as <format>', 'read with this format id, skipping detection')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (file: string, options: InspectOptions) => done(await runInspect(file, options, io)));

  const policy = program.command('policy').description('work with policy files');
  policy
    .command('validate')
    .description('check a policy file (and everything it extends): schema, rule ids, CEL expressions')
    .argument('<file-or-pack>', 'policy file or shipped pack name')
    .action((reference: string) => done(runPolicyValidate(reference, io)));
  policy
    .command('explain')
    .description('describe each rule of a policy in plain words: severity, controls, conditions')
    .argument('<file-or-pack>', 'policy file or shipped pack name')
    .action((reference: string) => done(runPolicyExplain(reference, io)));
  registerPolicyCommands(policy, io, done);

  program
    .command('controls')
    .description('a Statement-of-Applicability-style table per model: the controls evidenced, violated and not covered')
    .option('-c, --config <file>', `repository config (default ${DEFAULT_CONFIG_PATH})`)
    .option('-p, --policy <file-or-pack>', 'policy file or shipped pack name, overriding the config')
    .option('-m, --model <name>', 'only this model (repeatable)', collect, [] as string[])
    .option('-a, --approvals <file>', 'YAML/JSON list of approvals, as for check')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CONTROLS_FORMATS).default('text'))
    .option('-o, --out <file>', 'write the table to this file instead of standard output')
    .action(async (options: ControlsOptions) => done(await runControls(options, io)));

  registerAuditCommands(program, io, done);
  registerServeCommand(program, io, done);

  return program;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

interface CheckOptions {
  config?: string;
  policy?: string;
  model: string[];
  format: ReportFormat;
  out?: string;
  approvals?: string;
  audit?: string;
  actor?: string;
}

async function runCheck(options: CheckOptions, io: CliIo): Promise<CommandOutcome> {
  if (options.audit !== undefined) validateAuditUrl(options.audit);
  const repoConfig = await loadRepoConfig(options.config, io.cwd);
  const root = path.resolve(io.cwd, path.dirname(repoConfig.path));
  const policy = loadCompiledPolicy(policyReference(options.policy, repoConfig, io.cwd), io.cwd);
  // The run-time limit counts from the start of the process; past it nothing is printed or recorded.
  const maxRunSeconds = repoConfig.config.limits.max_run_seconds;
  const approvals = options.approvals ? await withinRunTime(loadApprovals(options.approvals, io.cwd), maxRunSeconds, performance.now()) : [];
  const workspace = createFsWorkspace(root, displayPath(io.cwd, root));
  const previousDecisions = await lookupPreviousDecisions(policy, options.audit, { cwd: io.cwd });
  const request = { repoConfig, policy, workspace, models: options.model, approvals, now: io.now(), ...(previousDecisions && { previousDecisions }) };
  const judging = options.audit !== undefined ? checkKeepingSubjects(request) : check(request).then((decision) => ({ decision, subjects: [] }));
  const { decision, subjects } = await withinRunTime(judging, maxRunSeconds, performance.now());
  if (decision.models.length === 0) throw usage(`no models found: list them under "models" in ${repoConfig.path}, or put them in the discovery folders`);
  const report = renderDecision(decision, options.format, { color: io.color && !options.out });
  if (options.out) {
    await writeFile(path.resolve(io.cwd, options.out), report);
    io.stdout(`${decision.verdict}: report written to ${options.out}\n`);
  } else {
    io.stdout(report);
  }
  // Annotations go to stdout, so they would corrupt a JSON or Markdown report printed there.
  if (io.env.GITHUB_ACTIONS === 'true' && (options.format === 'text' || options.out)) await annotate(decision);
  if (options.audit !== undefined) {
    const announce = options.format === 'text' || Boolean(options.out);
    const recorded = await recordDecisions({ url: options.audit, decision, subjects, root, actor: options.actor, announce }, io);
    // The verdict is printed either way; an unrecorded decision still fails the run.
    if (!recorded) return { exitCode: 2 };
  }
  return { exitCode: decision.verdict === 'fail' ? 1 : 0 };
}

interface ControlsOptions {
  config?: string;
  policy?: string;
  model: string[];
  approvals?: string;
  format: ControlsFormat;
  out?: string;
}

/** Coverage is a reading of the Decision, so it always exits 0: blocking is `check`'s job. */
async function runControls(options: ControlsOptions, io: CliIo): Promise<CommandOutcome> {
  const repoConfig = await loadRepoConfig(options.config, io.cwd);
  const root = path.resolve(io.cwd, path.dirname(repoConfig.path));
  const policy = loadCompiledPolicy(policyReference(options.policy, repoConfig, io.cwd), io.cwd);
  const approvals = options.approvals ? await loadApprovals(options.approvals, io.cwd) : [];
  const workspace = createFsWorkspace(root, displayPath(io.cwd, root));
  const decision = await check({ repoConfig, policy, workspace, models: options.model, approvals, now: io.now() });
  if (decision.models.length === 0) throw usage(`no models found: list them under "models" in ${repoConfig.path}, or put them in the discovery folders`);
  const table = renderControls(decision, options.format);
  if (options.out) {
    await writeFile(path.resolve(io.cwd, options.out), table);
    io.stdout(`controls written to ${options.out}\n`);
  } else {
    io.stdout(table);
  }
  return { exitCode: 0 };
}

/** On a GitHub runner, findings also become annotations on the lines they name. */
async function annotate(decision: Decision): Promise<void> {
  const core = await import('@actions/core');
  for (const model of decision.models) {
    for (const result of model.results) {
      if (result.status !== 'fail' && result.status !== 'error' && result.status !== 'warn') continue;
      const properties = { title: `modelgate ${result.rule} (${model.name})`, file: result.location?.path, startLine: result.location?.line };
      if (result.status === 'warn') core.warning(result.message, properties);
      else core.error(result.message, properties);
    }
  }
}

interface InspectOptions {
  kind?: ArtefactKind;
  as?: string;
  format: 'text' | 'json';
}

async function runInspect(file: string, options: InspectOptions, io: CliIo): Promise<CommandOutcome> {
  const absolute = path.resolve(io.cwd, file);
  const folder = path.dirname(absolute);
  const workspace = createFsWorkspace(folder, displayPath(io.cwd, folder));
  const limits = RepoConfigSchema.parse({}).limits;
  try {
    const evidence = readArtefact(await workspace.readFile(path.basename(absolute), limits), { kind: options.kind, format: options.as, limits });
    const source = evidence.sources[0]!;
    if (options.format === 'json') {
      io.stdout(`${JSON.stringify({ kind: evidence.kind, format: source.format, sha256: source.sha256, evidence: evidence.data }, null, 2)}\n`);
    } else {
      io.stdout(`${source.path}: ${evidence.kind}, read as ${source.format} (sha256 ${source.sha256})\n\n${stringify(evidence.data, { lineWidth: 0 })}`);
    }
    return { exitCode: 0 };
  } catch (error) {
    // An artefact modelgate cannot read is what `check` would block on: exit 1, not a usage error.
    if (error instanceof ModelgateError && error.code === 'artefact') {
      io.stderr(`modelgate: ${error.message}\n`);
      return { exitCode: 1 };
    }
    throw error;
  }
}

function runPolicyValidate(reference: string, io: CliIo): CommandOutcome {
  const policy = loadCompiledPolicy(reference, io.cwd);
  const expressions = policy.rules.reduce((sum, rule) => sum + Object.keys(rule.compiled).length, 0);
  io.stdout(
    `ok: policy ${policy.name} ${policy.version}: ${policy.rules.length} rules, ${expressions} CEL expressions compiled, ${policy.waivers.length} waivers (${policy.files.join(', ')})\n`,
  );
  const today = io.now().toISOString().slice(0, 10);
  for (const waiver of policy.waivers.filter((w) => w.expires < today)) {
    io.stderr(`${formatLocation(waiver.location)}: waiver of rule "${waiver.rule}" for "${waiver.model}" expired on ${waiver.expires}\n`);
  }
  return { exitCode: 0 };
}

function runPolicyExplain(reference: string, io: CliIo): CommandOutcome {
  const policy = loadCompiledPolicy(reference, io.cwd);
  io.stdout(renderPolicyExplanation(policy, io.now()));
  return { exitCode: 0 };
}

function loadCompiledPolicy(reference: string, cwd: string): CompiledPolicy {
  return compilePolicy(loadPolicy(reference, createFsPolicySource(cwd)));
}

/** The config's policy path is relative to the config's folder; a `--policy` path is relative to where the user is. */
function policyReference(flag: string | undefined, repoConfig: LoadedRepoConfig, cwd: string): string {
  if (flag) return flag;
  const reference = repoConfig.config.policy;
  if (isPackReference(reference)) return reference;
  return toPosix(path.relative(cwd, path.resolve(cwd, path.dirname(repoConfig.path), reference)));
}

async function loadRepoConfig(flag: string | undefined, cwd: string): Promise<LoadedRepoConfig> {
  const file = flag ?? DEFAULT_CONFIG_PATH;
  const shown = displayPath(cwd, path.resolve(cwd, file));
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only a config that is not there at all means the defaults; a dangling link or an
    // unreadable file must never silently become the starter pack.
    const absent = code === 'ENOENT' && !(await lstat(path.resolve(cwd, file)).then(() => true, () => false));
    if (absent && flag) throw usage(`config file not found: ${flag}`);
    if (absent) return parseRepoConfig('{}', shown);
    throw new ModelgateError('config', `cannot read the config ${shown}: ${code ?? (error as Error).message}`);
  }
  return parseRepoConfig(decodeConfig(bytes, shown), shown);
}

async function loadApprovals(file: string, cwd: string): Promise<ApprovalEntry[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(cwd, file));
  } catch {
    throw usage(`approvals file not found: ${file}`);
  }
  const doc = parseStructured(decodeConfig(bytes, file), file, { errorCode: 'config' });
  return validateDocument(doc, ApprovalsFileSchema, 'approvals file');
}

function decodeConfig(bytes: Buffer, shown: string): string {
  try {
    return decodeText(bytes, shown);
  } catch (error) {
    throw new ModelgateError('config', (error as Error).message);
  }
}

function displayPath(cwd: string, absolute: string): string {
  return toPosix(path.relative(cwd, absolute));
}
