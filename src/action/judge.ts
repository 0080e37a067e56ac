import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Approval } from '../artefacts/evidence.js';
import type { TriggerType } from '../audit/record.js';
import type { PolicyChange } from '../audit/record-decisions.js';
import { gatherSubjects, listModels, type Workspace } from '../check.js';
import { RunTimeLimitExceeded } from '../document/limits.js';
import type { Decision, Subject } from '../engine/decision.js';
import { evaluate } from '../engine/evaluate.js';
import { describeError, isModelgateError, ModelgateError } from '../errors.js';
import { approvalsFromReviews, exclude, listEnvironmentApprovals, resolveTeams, withTeams } from '../github/approvals.js';
import { AttestationFailure, createAttestation, sigstoreInstanceFor, type StoredAttestation } from '../github/attest.js';
import { describeRequestError, isPermissionDenied, isRequestError, type GitHubClient } from '../github/client.js';
import { splitList, type GateTarget, type Repository } from '../github/event.js';
import { addResult, changedPolicyFiles, diffPolicyTrees, policyChangeResult, policyUnknownResult, type PolicyFiles } from '../github/policy-change.js';
import { listChangedFiles, listCommitLogins, listReviews, readTreeShas } from '../github/pull-request.js';
import { findStickyComment, publishCheckRun, publishStickyComment } from '../github/publish.js';
import { loadSettingsAtRef, type SettingsOptions, type TrustedSettings } from '../github/trusted-source.js';
import { createFsPolicySource } from '../io/policy-source.js';
import { createFsWorkspace, toPosix } from '../io/workspace.js';
import { DEFAULT_CONFIG_PATH } from '../policy/config.js';
import { checkConclusion, renderAnnotations, renderCheckOutput } from '../report/check-run.js';
import { renderPolicyDiff, renderStickyComment, type PolicyDiffReport, type PolicyHeader } from '../report/comment.js';
import { blockedModels, escapeMarkdown, failedRules, findingsOf, isRepositoryPath, truncate, verdictBlocks, type FailOn } from '../report/findings.js';
import { renderJson, renderMarkdown } from '../report/render.js';
import type { SarifRuleInfo } from '../report/sarif.js';
import { VERSION } from '../version.js';
import { AuditFailure, recordDecisions } from './audit.js';
import type { ActionInputs } from './inputs.js';
import type { RunClock } from './run-limit.js';
import type { ActionIo, Outputs } from './run.js';
import { loadLocalSettings } from './settings.js';

/**
 * Where the policy and config are read through the API: a commit or branch that the pull
 * request (or whoever started the run) cannot change, and the request for the config, sent.
 */
export interface TrustedLocation {
  ref: string;
  /** For the log and the reports: `the base commit abc1234`, `main (trusted-ref)`. */
  origin: string;
  config: Promise<Uint8Array | undefined>;
}

/** One run of the Action, as the event and the inputs set it up before anything is judged. */
export interface Run {
  io: ActionIo;
  inputs: ActionInputs;
  repository: Repository;
  target: GateTarget;
  client: GitHubClient;
  /** For team membership only: a token that may read the organization's teams. */
  teamsClient: GitHubClient;
  decisionId: string;
  runUrl: string | undefined;
  /** Why writes to GitHub are skipped, when they are. */
  readOnly: string | undefined;
  /** `fail-on` as applied: on pull-request events never more lenient than `error` (the PR's workflow sets the input). */
  failOn: FailOn;
  notes: string[];
  clock: RunClock;
  payload: Record<string, unknown>;
  serverUrl: string;
  /** The client and repository of a `github:` audit store; set only when `audit` names one. */
  auditGitHub: { client: GitHubClient; repository: Repository } | undefined;
}

/** The job summary may hold 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;

/**
 * Everything from the trusted policy and config on: models and approvals → Decision → audit,
 * attestation, check run, comment, summary, SARIF. Returns why the step fails, if it does.
 */
export async function judge(run: Run, outputs: Outputs, location: TrustedLocation | undefined): Promise<string | undefined> {
  const { io, inputs, target, client, repository, decisionId, runUrl, clock, auditGitHub } = run;
  const env = io.env;
  const settings = await loadSettings(run, location);
  const { repoConfig, policy } = settings;
  // The trusted config's limit applies from here, counted from the start of the run.
  clock.arm(repoConfig.config.limits.max_run_seconds);
  clock.check();
  io.log.info(`policy ${policy.name} ${policy.version} (${policy.digest}) and ${repoConfig.path} read from ${settings.origin}`);
  run.notes.push(`Policy and config read from ${settings.origin}.`);
  if (settings.defaulted) {
    io.log.warning(settings.defaulted);
    run.notes.push(`Warning: ${settings.defaulted}.`);
  }

  const workspaceRoot = path.resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const configDir = path.posix.dirname(toPosix(path.normalize(inputs.config)));
  const prefix = configDir === '.' ? '' : configDir;
  let workspace: Workspace = createFsWorkspace(path.join(workspaceRoot, prefix), prefix);

  const selection = await selectModels(run, settings, workspace, prefix);
  const policyDiff = selection.policyChanged.length > 0 ? await diffChangedPolicy(run, settings) : undefined;
  const { approvals, headApprovals } = await gatherApprovals(run, settings);

  if (target.kind === 'release' && target.release.id !== undefined && selection.names?.length === 1) {
    const model = (await listModels(repoConfig, workspace)).find((entry) => entry.model.name === selection.names![0]);
    if (model) {
      const { overlayReleaseAssets } = await import('../github/release-assets.js');
      const overlay = await overlayReleaseAssets(client, repository, { id: target.release.id, tag: target.release.tag }, model.model.path, workspace, {
        tempDir: path.join(env.RUNNER_TEMP ?? tmpdir(), 'modelgate'),
        maxBytes: repoConfig.config.limits.max_file_bytes,
        log: io.log,
      });
      if (overlay) {
        workspace = overlay.workspace;
        run.notes.push(`Release assets read as artefacts of ${model.model.name}: ${overlay.names.join(', ')}.`);
      }
    }
  }

  const now = io.now();
  // Nothing to judge (no model selected, or only a policy change): a pass that the findings below may turn.
  const noModelsJudged: Decision = { verdict: 'pass', policy: { name: policy.name, version: policy.version, digest: policy.digest }, models: [], notices: [] };
  let subjects: Subject[] = [];
  let decision: Decision;
  if (selection.names !== undefined && selection.names.length === 0) {
    decision = noModelsJudged;
    io.log.info(selection.reason ?? 'no model to check');
    run.notes.push(selection.reason ?? 'No model to check.');
  } else {
    // Rules that read `previous` compare with the model's previous approved decision in the audit trail.
    // Without an audit store there is no earlier decision to read, nor a store client to load.
    const previousDecisions = inputs.audit
      ? await (await import('../audit/previous.js')).lookupPreviousDecisions(policy, inputs.audit, { cwd: workspaceRoot, ...(auditGitHub && { github: auditGitHub }) })
      : undefined;
    clock.check();
    subjects = await gatherSubjects({ repoConfig, policy, workspace, models: selection.names ?? [], approvals, now, ...(previousDecisions && { previousDecisions }) });
    const policyFinding = selection.policyChanged.length > 0 || selection.policyUnknown !== undefined;
    if (subjects.length === 0 && !policyFinding) {
      throw new ModelgateError('usage', `no models found: list them under "models" in ${repoConfig.path}, or put them in the discovery folders`);
    }
    decision = subjects.length > 0 ? evaluate(policy, subjects, { now }) : noModelsJudged;
  }
  if (target.kind === 'pull_request' && (selection.policyChanged.length > 0 || selection.policyUnknown !== undefined)) {
    const github = repoConfig.config.github;
    // A policy change is approved only by reviews of the head commit, whatever `require_latest_head` says.
    const result =
      selection.policyUnknown !== undefined
        ? policyUnknownResult(selection.policyUnknown, repoConfig.path)
        : policyChangeResult(selection.policyChanged, headApprovals, { owners: github.policy_owners, required: github.policy_owner_approvals, author: target.author });
    io.log.info(`${result.rule}: ${result.status}: ${result.message}`);
    decision = addResult(decision, result);
  }

  // A verdict reached after the limit is not given out.
  clock.check();
  outputs.verdict = decision.verdict;
  outputs['blocked-models'] = JSON.stringify(blockedModels(decision));
  outputs['failed-rules'] = JSON.stringify(failedRules(decision));
  const reportDir = path.join(env.RUNNER_TEMP ?? tmpdir(), 'modelgate');
  await mkdir(reportDir, { recursive: true });
  const reportPath = path.join(reportDir, `decision-${decisionId}.json`);
  await writeFile(reportPath, renderJson(decision));
  outputs['report-json'] = reportPath;

  // Past the run's time limit nothing is recorded: a late decision is no decision.
  clock.check();
  // The decision is recorded before it is published: a check run never shows a verdict that is not in the audit trail.
  let auditFailure: string | undefined;
  if (inputs.audit) {
    try {
      const { records, store } = await recordDecisions(decision, subjects, {
        url: inputs.audit,
        cwd: workspaceRoot,
        actor: env.GITHUB_ACTOR ?? 'github-actions',
        trigger: { type: triggerType(target), ref: target.ref, ...(runUrl && { url: runUrl }) },
        now,
        ...(auditGitHub && { github: auditGitHub }),
        ...(policyDiff && 'to' in policyDiff && { policyChange: policyChangeOf(policyDiff, selection.policyChanged) }),
      });
      if (records.length > 0) io.log.info(`audit: ${records.length} record${records.length === 1 ? '' : 's'} appended to ${store} (seq ${records[0]!.seq}-${records.at(-1)!.seq})`);
    } catch (error) {
      if (!(error instanceof AuditFailure)) throw error;
      auditFailure = error.message;
      io.log.error(`modelgate: ${auditFailure}`);
      run.notes.push(`The run fails: ${auditFailure}`);
    }
  }

  // Attested after it is recorded, before it is published: a decision that is not in the audit trail is not attested either.
  let attestFailure: string | undefined;
  if (inputs.attest && !auditFailure) {
    if (run.readOnly) run.notes.push(`No attestation was made: ${run.readOnly} (and no OIDC token to sign with).`);
    else {
      clock.check();
      try {
        const made = await attestDecision(run, decision, subjects, settings, { now, prefix, reportDir });
        outputs.attestations = JSON.stringify(made);
      } catch (error) {
        if (!(error instanceof AttestationFailure)) throw error;
        attestFailure = `attest: ${error.message}`;
        io.log.error(`modelgate: ${attestFailure}`);
        run.notes.push(`The run fails: ${attestFailure}`);
      }
    }
  }
  const recordFailure = auditFailure ?? attestFailure;

  const problems = await publish(run, decision, recordFailure, policyDiff);

  if (inputs.sarif) {
    const sarifPath = path.resolve(workspaceRoot, inputs.sarif);
    await mkdir(path.dirname(sarifPath), { recursive: true });
    const { renderSarif } = await import('../report/sarif.js');
    await writeFile(sarifPath, renderSarif(decision, { toolVersion: VERSION, rules: ruleInfo(settings), fallbackPath: repoConfig.path }));
    io.log.info(`SARIF written to ${inputs.sarif}`);
  }
  if (auditFailure) throw new AuditFailure(auditFailure);
  if (attestFailure) throw new AttestationFailure(attestFailure);

  const blocked = blockedModels(decision);
  const summaryLine = `verdict ${decision.verdict}${blocked.length ? `: blocked ${blocked.join(', ')}` : ''}`;
  io.log.info(`modelgate: ${summaryLine} (decision ${decisionId})`);
  if (problems.length > 0) return `modelgate: ${summaryLine}; but the result could not be published: ${problems.join('; ')}`;
  if (verdictBlocks(decision.verdict, run.failOn)) {
    const rules = failedRules(decision);
    return `modelgate: ${summaryLine}${rules.length ? ` (rules: ${rules.join(', ')})` : ''}; see the job summary${decision.verdict === 'warn' ? ' (fail-on: warn)' : ''}`;
  }
  return undefined;
}

/** The policy and config: through the API at the trusted ref (the config already requested), or from the checkout. */
async function loadSettings(run: Run, location: TrustedLocation | undefined): Promise<TrustedSettings> {
  const { inputs, client, repository, io } = run;
  const options = settingsOptions(inputs);
  if (location) {
    const packs = createFsPolicySource(process.cwd());
    return loadSettingsAtRef(client, repository, location.ref, inputs.config, inputs.policy, packs, location.origin, { ...options, config: location.config });
  }
  return loadLocalSettings(path.resolve(io.env.GITHUB_WORKSPACE ?? process.cwd()), inputs.config, inputs.policy, options);
}

/** A `config` input other than the default must exist where it is read. */
function settingsOptions(inputs: ActionInputs): SettingsOptions {
  return { configExplicit: path.posix.normalize(inputs.config.replace(/\\/g, '/')) !== DEFAULT_CONFIG_PATH };
}

interface Selection {
  /** Model names to check; undefined for all. */
  names: string[] | undefined;
  /** Changed files that are policy (pull requests only). */
  policyChanged: string[];
  /** Why a policy change cannot be ruled out (pull requests whose files GitHub could not list all, and whose trees could not be compared). */
  policyUnknown?: string;
  reason?: string;
}

async function selectModels(run: Run, settings: TrustedSettings, workspace: Workspace, prefix: string): Promise<Selection> {
  const { inputs, target, io } = run;
  const requested = inputs.models;
  const mode = requested === undefined ? (target.kind === 'pull_request' ? 'changed' : 'all') : requested === 'all' || requested === 'changed' ? requested : 'named';
  if (target.kind !== 'pull_request') {
    if (mode === 'named') return { names: splitList(requested!), policyChanged: [] };
    if (mode === 'changed') io.log.info(`models: changed applies to pull requests; a ${target.event} event checks all models`);
    const named = target.kind === 'release' || target.kind === 'tag' ? (target.tag ? [target.tag.model] : []) : target.models;
    if (named.length === 0) return { names: undefined, policyChanged: [] };
    const known = new Set((await listModels(settings.repoConfig, workspace)).map((entry) => entry.model.name));
    const unknown = named.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      io.log.warning(`${target.ref || target.event} names ${unknown.map((name) => `"${name}"`).join(', ')}, which is not a model of ${settings.repoConfig.path}: checking all models`);
      return { names: undefined, policyChanged: [] };
    }
    return { names: named, policyChanged: [] };
  }

  const { pullRequest } = target;
  const changed = await listChangedFiles(run.client, run.repository, pullRequest.number, pullRequest.changedFiles);
  const policyFiles: PolicyFiles = {
    config: settings.repoConfig.path,
    policy: settings.policy.files.filter((file) => !file.startsWith('pack:')),
    globs: settings.repoConfig.config.github.policy_paths,
  };
  let policyChanged = changedPolicyFiles(changed.paths, policyFiles);
  let policyUnknown: string | undefined;
  if (changed.incomplete) {
    // The list may miss a policy file: compare the policy files of the two commits instead.
    const compared = await comparePolicyFiles(run, policyFiles);
    if ('unknown' in compared) policyUnknown = compared.unknown;
    else policyChanged = [...new Set([...policyChanged, ...compared.changed])].sort();
  }
  if (policyChanged.length > 0) io.log.warning(`this pull request changes the policy: ${policyChanged.join(', ')}`);
  if (policyUnknown) io.log.warning(`cannot rule out a policy change: ${policyUnknown}`);
  const policy = { policyChanged, ...(policyUnknown !== undefined && { policyUnknown }) };
  if (mode === 'named') return { names: splitList(requested!), ...policy };
  if (mode === 'all') return { names: undefined, ...policy };
  if (changed.incomplete) {
    io.log.warning('GitHub did not list every changed file of this pull request (more than 3000): checking all models');
    return { names: undefined, ...policy };
  }
  // A change of the policy concerns every model it judges.
  if (policyChanged.length > 0) return { names: undefined, policyChanged };
  const models = await listModels(settings.repoConfig, workspace);
  const inRoot = changed.paths.map((file) => (prefix ? (file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined) : file)).filter((file): file is string => file !== undefined);
  const names = models
    .filter(({ model }) => {
      const folder = model.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
      return inRoot.some((file) => folder === '' || folder === '.' || file === folder || file.startsWith(`${folder}/`));
    })
    .map(({ model }) => model.name);
  io.log.info(names.length > 0 ? `models changed by this pull request: ${names.join(', ')}` : `no model folder is changed by this pull request (${changed.paths.length} files)`);
  return { names, policyChanged, reason: names.length === 0 ? 'No model is changed by this pull request: nothing to check.' : undefined };
}

/**
 * The policy files of the base and the head commit, compared by blob SHA through the trees API
 * (one request per commit, every file, `policy_paths` globs and workflows included).
 */
async function comparePolicyFiles(run: Run, files: PolicyFiles): Promise<{ changed: string[] } | { unknown: string }> {
  const { target, client, repository } = run;
  if (target.kind !== 'pull_request') return { changed: [] };
  const { baseSha, headSha } = target.pullRequest;
  try {
    const [base, head] = [await readTreeShas(client, repository, baseSha), await readTreeShas(client, repository, headSha)];
    if (!base || !head) return { unknown: `GitHub did not list every changed file (more than 3000), and its file tree of ${base ? 'the head' : 'the base'} commit is truncated` };
    return { changed: diffPolicyTrees(base, head, files) };
  } catch (error) {
    if (!isRequestError(error)) throw error;
    return { unknown: `GitHub did not list every changed file (more than 3000), and the policy files of the base and head commits could not be compared (${describeRequestError(error)})` };
  }
}

/**
 * Who may not approve this change: on pull requests the author, the authors and committers of
 * its commits, and whoever started or re-ran the run (except the reviewer whose review started
 * a `pull_request_review` run); otherwise the person who started the change (the sender, the
 * release's author, the deployment's creator), the run's actor and whoever re-ran it.
 */
async function excludedApprovers(run: Run): Promise<Map<string, string>> {
  const { target, client, repository, io } = run;
  const excluded = new Map<string, string>();
  const actor = io.env.GITHUB_ACTOR;
  const triggering = io.env.GITHUB_TRIGGERING_ACTOR;
  if (target.kind === 'pull_request') {
    exclude(excluded, target.author, 'is the author');
    try {
      for (const login of await listCommitLogins(client, repository, target.pullRequest.number)) exclude(excluded, login, 'authored or committed a commit of this pull request');
    } catch (error) {
      if (!isRequestError(error)) throw error;
      io.log.warning(
        `the commits of this pull request could not be listed (${describeRequestError(error)}): only the author's approval is left out, not those of the other authors and committers of its commits`,
      );
    }
    if (target.event !== 'pull_request_review') exclude(excluded, actor, 'started this run');
    if (triggering && (target.event !== 'pull_request_review' || triggering.toLowerCase() !== actor?.toLowerCase())) exclude(excluded, triggering, 're-ran this run');
    return excluded;
  }
  exclude(excluded, target.author, 'started this change');
  exclude(excluded, actor, 'started this change');
  exclude(excluded, triggering, 're-ran this run');
  return excluded;
}

/**
 * The approvals the policy sees, and for `policy.changed` the reviews given on the head commit
 * only (a policy change is never approved by a review of an older commit).
 */
async function gatherApprovals(run: Run, settings: TrustedSettings): Promise<{ approvals: Approval[]; headApprovals: Approval[] }> {
  const { target, client, teamsClient, repository, io } = run;
  const github = settings.repoConfig.config.github;
  const approvals: Approval[] = [];
  let headApprovals: Approval[] = [];
  const excluded = await excludedApprovers(run);
  if (target.kind === 'pull_request') {
    const reviews = await listReviews(client, repository, target.pullRequest.number);
    const options = { excluded, headSha: target.pullRequest.headSha };
    const fromReviews = approvalsFromReviews(reviews, { ...options, requireLatestHead: github.approvals.require_latest_head });
    for (const note of fromReviews.notes) io.log.info(note);
    approvals.push(...fromReviews.approvals);
    headApprovals = approvalsFromReviews(reviews, { ...options, requireLatestHead: true }).approvals;
  }
  const runId = Number(io.env.GITHUB_RUN_ID);
  if (Number.isSafeInteger(runId) && runId > 0 && target.kind !== 'pull_request') {
    approvals.push(...(await listEnvironmentApprovals(client, repository, runId, excluded, io.log)));
  }
  const teams = [...new Set([...github.teams, ...github.policy_owners])];
  if (teams.length === 0 || (approvals.length === 0 && headApprovals.length === 0)) return { approvals, headApprovals };
  const lookup = await resolveTeams(teamsClient, repository.owner, teams, io.log);
  const resolved = withTeams(approvals, lookup);
  for (const approval of resolved) io.log.info(`approval: ${approval.user} (${approval.state}, ${approval.source}${approval.teams.length ? `, teams ${approval.teams.join(', ')}` : ''})`);
  return { approvals: resolved, headApprovals: withTeams(headApprovals, lookup) };
}

/** Check run, sticky comment, annotations and job summary. Returns what could not be published (failing the step). */
async function publish(run: Run, decision: Decision, auditFailure: string | undefined, policyDiff: PolicyDiffReport | undefined): Promise<string[]> {
  const { io, inputs, target, client, repository } = run;
  const problems: string[] = [];
  const skipped: string[] = [];
  const failOn = run.failOn;
  let checkRunPublished = false;

  if (inputs['check-run']) {
    if (run.readOnly) skipped.push('the check run');
    else {
      try {
        const published = await publishCheckRun(client, repository, {
          headSha: target.sha,
          // A decision that is not in the audit trail never passes.
          conclusion: auditFailure ? 'failure' : checkConclusion(decision.verdict, failOn),
          output: renderCheckOutput(decision, { failOn, notes: run.notes, ...(auditFailure && { failure: auditFailure }), ...(run.runUrl && { detailsUrl: run.runUrl }) }),
          annotations: renderAnnotations(decision),
          externalId: run.decisionId,
          ...(run.runUrl && { detailsUrl: run.runUrl }),
        });
        checkRunPublished = true;
        io.log.info(`check run "modelgate" published${published.url ? `: ${published.url}` : ''} (${published.annotationRequests} request${published.annotationRequests === 1 ? '' : 's'} with annotations)`);
      } catch (error) {
        if (error instanceof RunTimeLimitExceeded) throw error;
        if (isPermissionDenied(error)) io.log.warning(`the check run was not published (${describeRequestError(error)}): give the job "permissions: checks: write"`);
        else problems.push(`check run: ${describeRequestError(error)}`);
      }
    }
  }

  if (inputs.comment && target.kind === 'pull_request') {
    if (run.readOnly) skipped.push('the pull-request comment');
    else {
      try {
        const existing = await findStickyComment(client, repository, target.pullRequest.number);
        const body = renderStickyComment(decision, {
          failOn,
          decisionId: run.decisionId,
          notes: run.notes,
          ...(run.runUrl && { runUrl: run.runUrl }),
          ...(existing?.state && { previous: existing.state }),
          ...(policyDiff && { policyDiff }),
        });
        const result = await publishStickyComment(client, repository, target.pullRequest.number, body, existing, { create: decision.models.length > 0 });
        io.log.info(`pull-request comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
      } catch (error) {
        if (error instanceof RunTimeLimitExceeded) throw error;
        if (isPermissionDenied(error)) io.log.warning(`the pull-request comment was not published (${describeRequestError(error)}): give the job "permissions: pull-requests: write"`);
        else problems.push(`pull-request comment: ${describeRequestError(error)}`);
      }
    }
  }

  if (skipped.length > 0) {
    const line = `${skipped.join(' and ')} ${skipped.length === 1 ? 'was' : 'were'} skipped: ${run.readOnly}. The job summary, the annotations and the outputs carry the result.`;
    io.log.info(line.charAt(0).toUpperCase() + line.slice(1));
    run.notes.push(line.charAt(0).toUpperCase() + line.slice(1));
  }

  // Without a check run, findings still reach the diff as workflow annotations.
  if (!checkRunPublished) {
    for (const { model, result } of findingsOf(decision, ['error', 'fail', 'warn'])) {
      const located = isRepositoryPath(result.location) ? result.location : undefined;
      io.annotate(result.status === 'warn' ? 'warning' : 'error', result.message, {
        title: `modelgate ${result.rule} (${model.name})`,
        ...(located && { file: located.path, ...(located.line !== undefined && { startLine: located.line }), ...(located.column !== undefined && { startColumn: located.column }) }),
      });
    }
  }

  const summary = [
    renderMarkdown(decision).trimEnd(),
    '',
    ...(policyDiff ? [renderPolicyDiff(policyDiff), ''] : []),
    ...run.notes.map((note) => `> ${escapeMarkdown(note)}`),
    '',
    `<sub>decision \`${run.decisionId}\` · fail-on \`${failOn}\` · modelgate ${VERSION}</sub>`,
    '',
  ].join('\n');
  try {
    await io.summary(truncate(summary, SUMMARY_LIMIT));
  } catch (error) {
    io.log.warning(`the job summary could not be written: ${describeError(error)}`);
  }
  return problems;
}

/** The audit trail's record of a pull request's policy change: from the base policy to the head's. */
function policyChangeOf(report: Extract<PolicyDiffReport, { to: unknown }>, paths: readonly string[]): PolicyChange {
  const ref = (policy: PolicyHeader) => (policy.digest ? { name: policy.name, version: policy.version, digest: policy.digest } : undefined);
  const previous = ref(report.from) ?? null;
  const after = ref(report.to);
  return { previous, ...(after && { policy: after }), paths };
}

/**
 * `policy diff` of the trusted policy and the one the pull request's head would load, for the
 * comment and the job summary. The head's policy is read through the API and compiled, never
 * evaluated: it explains the change, it does not judge anything. When it cannot be read or is
 * invalid, the report says why.
 */
async function diffChangedPolicy(run: Run, settings: TrustedSettings): Promise<PolicyDiffReport | undefined> {
  const { target, client, repository, inputs } = run;
  if (target.kind !== 'pull_request') return undefined;
  const from = { name: settings.policy.name, version: settings.policy.version, origin: settings.origin, digest: settings.policy.digest };
  const headSha = target.pullRequest.headSha;
  const origin = `the head commit ${headSha.slice(0, 12)}`;
  const options = settingsOptions(inputs);
  try {
    const head = await loadSettingsAtRef(client, repository, headSha, inputs.config, inputs.policy, createFsPolicySource(process.cwd()), origin, options);
    const { diffPolicies } = await import('../policy/diff.js');
    return { from, to: { name: head.policy.name, version: head.policy.version, origin, digest: head.policy.digest }, changes: diffPolicies(settings.policy, head.policy) };
  } catch (error) {
    if (isModelgateError(error) && !(error instanceof RunTimeLimitExceeded)) return { from, unreadable: error.message };
    if (isRequestError(error)) return { from, unreadable: `GitHub did not give it (${describeRequestError(error)})` };
    throw error;
  }
}

/**
 * One SLSA verification summary attestation per judged model, signed and stored; the predicate
 * of each is also written next to the report, so a later step can attest a container image
 * with it. Models without an artefact file have no subject to attest and are named in a note.
 */
async function attestDecision(
  run: Run,
  decision: Decision,
  subjects: readonly Subject[],
  settings: TrustedSettings,
  context: { now: Date; prefix: string; reportDir: string },
): Promise<{ model: string; verificationResult: string; id: number; url: string; predicate: string }[]> {
  const { repository, target, serverUrl, io } = run;
  const repositoryUrl = `git+${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}`;
  const atCommit = (file: string) => `${repositoryUrl}@${target.sha}#${file}`;
  const topFile = settings.policy.files.at(-1) ?? '';
  const policyUri = topFile.startsWith('pack:')
    ? `git+https://github.com/modelgate/modelgate@v${VERSION}#policies/${topFile.slice('pack:'.length)}.yaml`
    : `${repositoryUrl}@${settings.ref ?? target.sha}#${topFile}`;
  const sigstore = sigstoreInstanceFor(run.payload);
  const { buildVerificationStatement } = await import('../report/attestation.js');
  const made: { model: string; verificationResult: string; id: number; url: string; predicate: string }[] = [];
  const unattested: string[] = [];
  for (const model of decision.models) {
    const subject = subjects.find((candidate) => candidate.model.name === model.name);
    const folder = subject ? path.posix.normalize(path.posix.join(context.prefix, toPosix(subject.model.path))).replace(/\/+$/, '') : '';
    const statement = buildVerificationStatement(decision, model, subject, {
      decisionId: run.decisionId,
      time: context.now,
      verifierVersion: VERSION,
      resourceUri: atCommit(folder === '.' ? '' : folder),
      policyUri,
      artefactUri: (file) => (isRepositoryPath({ path: file }) ? atCommit(file) : undefined),
    });
    if (!statement) {
      unattested.push(model.name);
      continue;
    }
    run.clock.check();
    let stored: StoredAttestation;
    try {
      stored = await createAttestation(run.client, repository, statement, { sigstore, serverUrl });
    } catch (error) {
      if (!(error instanceof AttestationFailure) || decision.models.length === 1) throw error;
      const before = made.length > 0 ? `; attested before it: ${made.map((entry) => `${entry.model} (${entry.url})`).join(', ')}` : '';
      throw new AttestationFailure(`${model.name}: ${error.message}${before}`, { cause: error });
    }
    const predicate = path.join(context.reportDir, `attestation-${run.decisionId}-${model.name.replace(/[^\w.-]/g, '_')}.json`);
    await writeFile(predicate, `${JSON.stringify(statement.predicate, null, 2)}\n`);
    io.log.info(`attestation for ${model.name} (${statement.predicate.verificationResult}, ${statement.subject.length} subject${statement.subject.length === 1 ? '' : 's'}): ${stored.url}`);
    made.push({ model: model.name, verificationResult: statement.predicate.verificationResult, id: stored.id, url: stored.url, predicate });
  }
  if (unattested.length > 0) {
    const line = `No attestation for ${unattested.join(', ')}: no artefact file was judged, so there is nothing to attest.`;
    io.log.warning(line);
    run.notes.push(line);
  }
  if (made.length > 0) run.notes.push(`Attestations: ${made.map((entry) => `${entry.model} ${entry.verificationResult} (${entry.url})`).join(', ')}.`);
  return made;
}

function ruleInfo(settings: TrustedSettings): Record<string, SarifRuleInfo> {
  return Object.fromEntries(settings.policy.rules.map((rule) => [rule.id, { description: rule.description, severity: rule.severity, controls: rule.controls }]));
}

function triggerType(target: GateTarget): TriggerType {
  switch (target.kind) {
    case 'pull_request':
      return 'pull_request';
    case 'release':
    case 'tag':
    case 'deployment':
      return 'release';
    default:
      return 'cli';
  }
}
