import { open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { RECORD_KINDS, type AuditRecord, type RecordKind } from '../audit/record.js';
import { appendDecisionRecords, DecisionNotRecorded } from '../audit/record-decisions.js';
import { matchesFilter, parseTimeBound, type RecordFilter } from '../audit/query.js';
import { renderCsvHeader, renderCsvRecord, renderJsonArrayEnd, renderJsonArrayPart, renderLogEntry } from '../audit/render.js';
import { isMigratable, type AuditStore } from '../audit/store.js';
import { auditStoreKind, openAuditStore } from '../audit/stores/open.js';
import { createChainVerifier, describeBroken, formatAnchor, parseAnchor, verifyEntries, type BrokenRecord, type ChainVerification, type StoredEntry } from '../audit/verify.js';
import type { Decision, Subject, Verdict } from '../engine/decision.js';
import { describeError, ModelgateError } from '../errors.js';
import type { CliIo, CommandOutcome } from './program.js';

/**
 * The audit trail on the command line: `check --audit` records decisions, and `audit verify`,
 * `log`, `export` and `migrate` serve auditors. Thin: records, filters and renderers live in
 * src/audit; stores are imported only when a command opens one.
 */

const usage = (message: string) => new ModelgateError('usage', message);
const VERDICTS = ['pass', 'warn', 'fail'] as const;

/** Checks the URL names a supported store, so `check --audit` fails before doing any work. */
export function validateAuditUrl(url: string): void {
  auditStoreKind(url);
}

export interface DecisionToRecord {
  url: string;
  decision: Decision;
  subjects: readonly Subject[];
  /** The repository root, absolute: artefact paths are recorded relative to it. */
  root: string;
  actor: string | undefined;
  /** Whether a confirmation may go to stdout (not when stdout carries a JSON or Markdown report). */
  announce: boolean;
}

/**
 * Appends one decision record per model. Returns false, having said why on stderr, when any
 * append fails: the caller then ends with exit code 2, so a decision is never lost silently.
 */
export async function recordDecisions(input: DecisionToRecord, io: CliIo): Promise<boolean> {
  const { decision } = input;
  const actor = input.actor ?? io.env.GITHUB_ACTOR ?? io.env.USER ?? io.env.LOGNAME ?? io.env.USERNAME ?? 'unknown';
  let store: AuditStore | undefined;
  let stored: AuditRecord[];
  try {
    store = await openAuditStore(input.url, { cwd: io.cwd, env: io.env });
    // Recorded relative to the repository root, wherever the command ran.
    const repositoryPath = (shown: string) => path.relative(input.root, path.resolve(io.cwd, shown)).split(path.sep).join('/');
    stored = await appendDecisionRecords(store, decision, input.subjects, { now: io.now, actor, trigger: { type: 'cli' } }, repositoryPath);
  } catch (error) {
    const reason = error instanceof DecisionNotRecorded ? error.message : `the decision was not recorded in ${store?.description ?? 'the audit store'}: ${describeError(error)}`;
    io.stderr(`modelgate: audit: ${reason}\n`);
    return false;
  } finally {
    await store?.close().catch(() => undefined);
  }
  if (input.announce && stored.length > 0) {
    const seqs = stored.length === 1 ? `seq ${stored[0]!.seq}` : `seq ${stored[0]!.seq}-${stored.at(-1)!.seq}`;
    io.stdout(`audit: ${describeRecordCounts(stored)} appended to ${store!.description} (${seqs})\n`);
  }
  return true;
}

/** "3 decision records, 1 waiver record and 2 approval records", in the order kinds first appear. */
function describeRecordCounts(records: readonly AuditRecord[]): string {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.kind, (counts.get(record.kind) ?? 0) + 1);
  const parts = [...counts].map(([kind, count]) => `${count} ${kind.replace('_', ' ')} record${count === 1 ? '' : 's'}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0]!;
}

interface StoreOptions {
  audit: string;
}

interface PackOptions {
  out: string;
  repo: string;
  config: string;
  policy: string[];
  allowMissing?: boolean;
}

interface FilterOptions {
  model: string[];
  kind: RecordKind[];
  verdict: Verdict[];
  approver: string[];
  since?: string;
  until?: string;
}

export function registerAuditCommands(program: Command, io: CliIo, done: (outcome: CommandOutcome) => void): void {
  const audit = program.command('audit').description('the audit trail: verify, read and export the hash-chained decision records');
  const storeOption = () => new Option('--audit <url>', 'the audit store: file:PATH, github:[OWNER/REPO][#BRANCH] or postgres://user:password@host:port/database[?chain=NAME]').makeOptionMandatory();
  const withFilters = (command: Command) =>
    command
      .option('--model <name>', 'only records of this model (repeatable)', collect, [] as string[])
      .option(`--kind <kind>`, `only records of this kind: ${RECORD_KINDS.join(', ')} (repeatable)`, collectChoice(RECORD_KINDS), [] as RecordKind[])
      .option('--verdict <verdict>', 'only decisions with this verdict: pass, warn, fail (repeatable)', collectChoice(VERDICTS), [] as Verdict[])
      .option('--approver <user>', 'only records approved by this user (repeatable)', collect, [] as string[])
      .option('--since <date>', 'only records at or after this ISO 8601 date or date-time')
      .option('--until <date>', 'only records before the end of this date, or at or before this date-time');

  audit
    .command('verify')
    .description('check every record, hash and link of the chain; exit 0 when intact, 1 naming the first broken record')
    .addOption(storeOption())
    .option('--anchor <seq:hash>', 'a head printed by an earlier verify: the chain must still hold that record, so removal from the end is caught')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: StoreOptions & { anchor?: string; format: 'text' | 'json' }) => done(await runVerify(options, io)));

  withFilters(
    audit
      .command('log')
      .description('show the records, oldest first, checking the chain as they are read')
      .addOption(storeOption())
      .addOption(new Option('-f, --format <format>', 'text, or json (one record per line)').choices(['text', 'json']).default('text')),
  ).action(async (options: StoreOptions & FilterOptions & { format: 'text' | 'json' }) => done(await runLog(options, io)));

  withFilters(
    audit
      .command('export')
      .description('export the records as CSV, a JSON array or a self-contained HTML report, checking the chain as they are read')
      .addOption(storeOption())
      .addOption(new Option('-f, --format <format>', 'export format').choices(['csv', 'json', 'html']).makeOptionMandatory())
      .option('-o, --out <file>', 'write to this file instead of standard output'),
  ).action(async (options: StoreOptions & FilterOptions & { format: 'csv' | 'json' | 'html'; out?: string }) =>
    done(options.format === 'html' ? await runHtmlExport({ ...options, format: 'html' }, io) : await runExport({ ...options, format: options.format }, io)),
  );

  withFilters(
    audit
      .command('pack')
      .description('write an evidence pack (tar.gz): the records, their verification, the judged artefacts and policies by digest, an HTML report, checksums and a README')
      .addOption(storeOption())
      .requiredOption('-o, --out <file>', 'the archive to write, e.g. evidence.tar.gz')
      .option('--repo <dir>', 'the repository the records were made in: artefacts and policies are looked up in its working tree and git history', '.')
      .option('-c, --config <file>', 'the repository config, relative to --repo, whose policy is looked up at every commit', '.modelgate.yml')
      .option('-p, --policy <file-or-pack>', 'also look up this policy file (relative to --repo) or pack, as given to check --policy (repeatable)', collect, [] as string[])
      .option('--allow-missing', 'exit 0 even when an artefact or policy named by a record cannot be found (it is listed as missing)'),
  ).action(async (options: StoreOptions & FilterOptions & PackOptions) => done(await runPack(options, io)));

  audit
    .command('migrate')
    .description('create or upgrade the audit tables of a postgres:// store (safe to run again)')
    .addOption(storeOption())
    .action(async (options: StoreOptions) => done(await runMigrate(options, io)));
}

async function runVerify(options: StoreOptions & { anchor?: string; format: 'text' | 'json' }, io: CliIo): Promise<CommandOutcome> {
  const anchor = options.anchor === undefined ? undefined : parseAnchor(options.anchor);
  if (options.anchor !== undefined && !anchor) throw usage(`--anchor ${options.anchor}: expected <seq>:<sha256 hex>, as printed by audit verify`);
  return withStore(options.audit, io, async (store) => {
    const result = await verifyEntries(store.readEntries(), anchor ? { anchor } : {});
    if (options.format === 'json') {
      io.stdout(`${JSON.stringify({ store: store.description, ...result, ...(result.head && { anchor: formatAnchor(result.head) }) }, null, 2)}\n`);
    } else {
      io.stdout(renderVerification(result, store.description));
    }
    return { exitCode: result.ok ? 0 : 1 };
  });
}

function renderVerification(result: ChainVerification, description: string): string {
  if (result.broken) {
    return `broken: ${describeBroken(result.broken)}\n${result.checked} record${result.checked === 1 ? '' : 's'} before it verified in ${description}\n`;
  }
  if (!result.head) return `ok: no records in ${description}\n`;
  return `ok: ${result.checked} record${result.checked === 1 ? '' : 's'} verified in ${description}\nhead: ${formatAnchor(result.head)}\n`;
}

async function runLog(options: StoreOptions & FilterOptions & { format: 'text' | 'json' }, io: CliIo): Promise<CommandOutcome> {
  const filter = filterOf(options);
  return withStore(options.audit, io, async (store) => {
    let shown = 0;
    const broken = await readVerified(store, (record) => {
      if (!matchesFilter(record, filter)) return;
      shown += 1;
      io.stdout(options.format === 'json' ? `${JSON.stringify(record)}\n` : renderLogEntry(record));
    });
    if (broken) return chainBroken(broken, io);
    if (shown === 0 && options.format === 'text') io.stdout('no matching records\n');
    return { exitCode: 0 };
  });
}

async function runExport(options: StoreOptions & FilterOptions & { format: 'csv' | 'json'; out?: string }, io: CliIo): Promise<CommandOutcome> {
  const filter = filterOf(options);
  const out = options.out ? path.resolve(io.cwd, options.out) : undefined;
  return withStore(options.audit, io, async (store) => {
    // A file export is written aside and renamed into place: an export cut short by a broken chain leaves no file.
    const temporary = out && `${out}.${process.pid}.tmp`;
    const handle = temporary ? await open(temporary, 'w') : undefined;
    const write = async (text: string) => {
      if (handle) await handle.write(text);
      else io.stdout(text);
    };
    let count = 0;
    let broken: BrokenRecord | undefined;
    try {
      const chunks: string[] = [];
      if (options.format === 'csv') chunks.push(renderCsvHeader());
      broken = await readVerified(store, (record) => {
        if (!matchesFilter(record, filter)) return;
        chunks.push(options.format === 'csv' ? renderCsvRecord(record) : renderJsonArrayPart(record, count));
        count += 1;
      }, async () => {
        // Flushed per page rather than per record, so long chains stream without a write per line.
        if (chunks.length > 0) await write(chunks.splice(0).join(''));
      });
      if (!broken) {
        if (options.format === 'json') chunks.push(renderJsonArrayEnd(count));
        await write(chunks.splice(0).join(''));
      }
    } finally {
      await handle?.close();
    }
    if (broken) {
      if (temporary) await unlink(temporary).catch(() => undefined);
      return chainBroken(broken, io);
    }
    if (temporary && out) {
      await rename(temporary, out);
      io.stdout(`exported ${count} record${count === 1 ? '' : 's'} to ${options.out}\n`);
    }
    return { exitCode: 0 };
  });
}

async function runHtmlExport(options: StoreOptions & FilterOptions & { format: 'html'; out?: string }, io: CliIo): Promise<CommandOutcome> {
  const filter = filterOf(options);
  return withStore(options.audit, io, async (store) => {
    const chain = await readChain(store, filter, { keepEntries: false });
    const html = await renderReport(chain, store.description, options, io.now());
    if (options.out) {
      await writeAtomically(path.resolve(io.cwd, options.out), html);
      io.stdout(`exported ${chain.selected.length} record${chain.selected.length === 1 ? '' : 's'} to ${options.out} (${describeChain(chain.verification)})\n`);
    } else {
      io.stdout(html);
    }
    // The report shows the break; the exit code still tells a script the chain is not sound.
    return chain.verification.broken ? chainBroken(chain.verification.broken, io) : { exitCode: 0 };
  });
}

async function runPack(options: StoreOptions & FilterOptions & PackOptions, io: CliIo): Promise<CommandOutcome> {
  const filter = filterOf(options);
  const out = path.resolve(io.cwd, options.out);
  const repo = path.resolve(io.cwd, options.repo);
  const [{ buildEvidencePack, packFolderName, wantedEvidence }, { archiveEvidencePack }, git] = await Promise.all([
    import('../audit/pack.js'),
    import('../audit/pack-archive.js'),
    import('../io/git-history.js'),
  ]);
  return withStore(options.audit, io, async (store) => {
    const chain = await readChain(store, filter, { keepEntries: true });
    const wanted = wantedEvidence(chain.selected);
    const opened = git.openGitHistory(repo);
    const history = 'history' in opened ? opened.history : undefined;
    if ('reason' in opened) io.stderr(`modelgate: audit pack: ${opened.reason}: artefacts and policies are looked up in the working tree only\n`);
    else if (history?.shallow) io.stderr(`modelgate: audit pack: ${options.repo} is a shallow clone: files from commits it does not hold cannot be found (git fetch --unshallow)\n`);
    const artefacts = await git.findArtefactsByDigest(repo, wanted.artefacts, history);
    const policies = git.findPoliciesByDigest(repo, new Set(wanted.policies.keys()), { configPath: options.config, references: options.policy }, history);
    const createdAt = io.now();
    const reportHtml = await renderReport(chain, store.description, options, createdAt);
    const pack = buildEvidencePack({
      createdAt,
      store: store.description,
      selection: selectionOf(options),
      entries: chain.entries,
      verification: chain.verification,
      selected: chain.selected,
      artefacts,
      policies,
      reportHtml,
    });
    const archive = await archiveEvidencePack(pack.files, packFolderName(path.basename(out)), createdAt);
    await writeAtomically(out, archive);

    const { manifest } = pack;
    const count = (list: readonly { status: string }[], status: string) => list.filter((item) => item.status === status).length;
    io.stdout(
      `packed ${options.out}: ${manifest.chain.stored} record${manifest.chain.stored === 1 ? '' : 's'} (${manifest.records.selected.length} selected), ${describeChain(chain.verification)}; ` +
        `artefacts ${count(manifest.artefacts, 'included')} included, ${manifest.missing.artefacts} missing; policies ${count(manifest.policies, 'included')} included, ${manifest.missing.policies} missing\n`,
    );
    for (const artefact of manifest.artefacts.filter((a) => a.status === 'missing')) io.stderr(`modelgate: audit pack: missing artefact ${artefact.sha256} (${artefact.paths.join(', ')})\n`);
    for (const policy of manifest.policies.filter((p) => p.status === 'missing')) io.stderr(`modelgate: audit pack: missing policy ${policy.name} ${policy.version} (${policy.digest})${policy.reason ? `: ${policy.reason}` : ''}\n`);
    if (chain.verification.broken) return chainBroken(chain.verification.broken, io);
    const missing = manifest.missing.artefacts + manifest.missing.policies;
    if (missing > 0 && !options.allowMissing) {
      io.stderr(`modelgate: audit pack: ${missing} digest${missing === 1 ? '' : 's'} named by the records could not be found in ${options.repo} (working tree or git history); they are listed as missing in the pack. Pass --allow-missing to accept that\n`);
      return { exitCode: 1 };
    }
    return { exitCode: 0 };
  });
}

interface ReadChain {
  /** Every stored entry, also those after a break (kept only when asked: a pack holds the records exactly as stored). */
  entries: StoredEntry[];
  /** Verified records that match the filter. */
  selected: AuditRecord[];
  verification: ChainVerification;
}

/** Reads the whole chain, verifying it; records from the first break on are never selected. */
async function readChain(store: AuditStore, filter: RecordFilter, options: { keepEntries: boolean }): Promise<ReadChain> {
  const verifier = createChainVerifier();
  const entries: StoredEntry[] = [];
  const selected: AuditRecord[] = [];
  let broken = false;
  for await (const batch of store.readEntries()) {
    for (const entry of batch) {
      // Kept as text: a file store's entry is a view that would keep its whole read chunk alive.
      if (options.keepEntries) entries.push({ text: entry.text, where: entry.where, ...(entry.incomplete && { incomplete: true }) });
      if (broken) continue;
      const { record } = verifier.read(entry);
      if (!record) {
        broken = true;
        if (!options.keepEntries) break;
        continue;
      }
      if (matchesFilter(record, filter)) selected.push(record);
    }
    if (broken && !options.keepEntries) break;
  }
  return { entries, selected, verification: verifier.finish() };
}

async function renderReport(chain: ReadChain, store: string, options: FilterOptions, generatedAt: Date): Promise<string> {
  // Imported only here: the inlined chart library is the largest module of the CLI.
  const [{ renderAuditHtml }, { CHART_JS }] = await Promise.all([import('../audit/html.js'), import('../generated/chart-js.js')]);
  return renderAuditHtml({ records: chain.selected, verification: chain.verification, store, generatedAt, selection: selectionOf(options), chartLibrary: CHART_JS });
}

function describeChain(verification: ChainVerification): string {
  if (verification.broken) return `chain broken at ${verification.broken.seq !== undefined ? `seq ${verification.broken.seq}` : `position ${verification.broken.position}`}`;
  return verification.head ? `chain verified, head ${formatAnchor(verification.head)}` : 'chain verified, no records';
}

/** The filters as given on the command line, for the report and the pack to say what they hold. */
function selectionOf(options: FilterOptions): string[] {
  return [
    ...options.model.map((model) => `--model ${model}`),
    ...options.kind.map((kind) => `--kind ${kind}`),
    ...options.verdict.map((verdict) => `--verdict ${verdict}`),
    ...options.approver.map((approver) => `--approver ${approver}`),
    ...(options.since !== undefined ? [`--since ${options.since}`] : []),
    ...(options.until !== undefined ? [`--until ${options.until}`] : []),
  ];
}

/** Written aside and renamed into place, so a reader never sees half a file. */
async function writeAtomically(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function runMigrate(options: StoreOptions, io: CliIo): Promise<CommandOutcome> {
  if (auditStoreKind(options.audit) !== 'postgres') throw usage('audit migrate applies to postgres:// stores; a file: or github: store needs no migration');
  return withStore(options.audit, io, async (store) => {
    if (!isMigratable(store)) throw usage(`${store.description} has no schema to migrate`);
    const { applied, version } = await store.migrate();
    io.stdout(
      applied.length > 0
        ? `migrated ${store.description}: applied ${applied.map((v) => `#${v}`).join(', ')}; schema version ${version}\n`
        : `${store.description}: schema up to date (version ${version})\n`,
    );
    return { exitCode: 0 };
  });
}

/**
 * Reads the chain through the verifier, handing each sound record to `each`; returns the first
 * break, if any. Log and export check as they read, so they never present a broken chain as sound.
 */
async function readVerified(store: AuditStore, each: (record: AuditRecord) => void, flush?: () => Promise<void>): Promise<BrokenRecord | undefined> {
  const verifier = createChainVerifier();
  let sinceFlush = 0;
  for await (const batch of store.readEntries()) {
    for (const entry of batch) {
      const { record, broken } = verifier.read(entry);
      if (!record) return broken;
      each(record);
      sinceFlush += 1;
      if (flush && sinceFlush >= 500) {
        sinceFlush = 0;
        await flush();
      }
    }
  }
  return verifier.finish().broken;
}

function chainBroken(broken: BrokenRecord, io: CliIo): CommandOutcome {
  io.stderr(`modelgate: audit chain broken: ${describeBroken(broken)} (run \`modelgate audit verify\` for details)\n`);
  return { exitCode: 1 };
}

async function withStore(url: string, io: CliIo, task: (store: AuditStore) => Promise<CommandOutcome>): Promise<CommandOutcome> {
  const store = await openAuditStore(url, { cwd: io.cwd, env: io.env });
  try {
    return await task(store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

function filterOf(options: FilterOptions): RecordFilter {
  return {
    models: options.model,
    kinds: options.kind,
    verdicts: options.verdict,
    approvers: options.approver,
    ...(options.since !== undefined && { since: parseTimeBound(options.since, 'since') }),
    ...(options.until !== undefined && { until: parseTimeBound(options.until, 'until') }),
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A repeatable option with a fixed set of values (commander's `choices` does not repeat). */
function collectChoice<T extends string>(choices: readonly T[]) {
  return (value: string, previous: T[]): T[] => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`Allowed choices are ${choices.join(', ')}.`);
    return [...previous, value as T];
  };
}
