import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describeError, isModelgateError, ModelgateError } from '../errors.js';
import { assertCanSign, AttestationFailure } from '../github/attest.js';
import { describeRequestError, GitHubFault, isRequestError, requestSent, type ClientLog, type GitHubClient } from '../github/client.js';
import { normalizeRepoPath, readFileAtRef } from '../github/contents.js';
import { planFromEvent, type GateTarget, type Repository } from '../github/event.js';
import { escapeMarkdown, type FailOn } from '../report/findings.js';
import { AuditFailure } from './audit.js';
import { readInputs } from './inputs.js';
import type { Run, TrustedLocation } from './judge.js';
import { RunClock } from './run-limit.js';

// Only what every run needs is imported here. The gate core (./judge.js, with YAML, CEL, the
// schemas and the artefact formats) is loaded once the event asks for a judgement, while the
// first API request is on its way.

/** Everything the Action touches outside itself, passed in so that nothing happens at import time. */
export interface ActionIo {
  getInput(name: string): string;
  env: Record<string, string | undefined>;
  log: ClientLog & { error(message: string): void };
  /** A workflow annotation (`core.error` / `core.warning`) on a file and line. */
  annotate(level: 'error' | 'warning', message: string, properties: { title: string; file?: string; startLine?: number; startColumn?: number }): void;
  /** Appends Markdown to the job summary. */
  summary(markdown: string): Promise<void>;
  setOutput(name: string, value: string): void;
  /** Keeps a value out of the log (`core.setSecret`). */
  setSecret(value: string): void;
  /** An Octokit for `baseUrl`; `timeoutMs` bounds each request, `signal` (the run's time limit) aborts them all. */
  createClient(token: string, baseUrl: string, options: { timeoutMs: number; signal: AbortSignal }): GitHubClient;
  now(): Date;
}

export type Outputs = Record<'verdict' | 'blocked-models' | 'failed-rules' | 'report-json' | 'decision-id' | 'attestations', string>;

export interface ActionResult {
  outputs: Outputs;
  /** Why the step fails, or undefined when it passes. */
  failure: string | undefined;
}

/**
 * The Action: event → trusted policy and config → models and approvals → Decision → check run,
 * comment, summary, SARIF, audit → outputs. Outputs are set on every path, failure included,
 * and the caller reports `failure` once.
 */
export async function runAction(io: ActionIo): Promise<ActionResult> {
  const decisionId = randomUUID();
  const outputs: Outputs = { verdict: 'error', 'blocked-models': '[]', 'failed-rules': '[]', 'report-json': '', 'decision-id': decisionId, attestations: '[]' };
  let failure: string | undefined;
  const clock = new RunClock();
  try {
    failure = await gate(io, decisionId, outputs, clock);
  } catch (error) {
    failure = explain(error);
    // A verdict already reached stays (e.g. when only the audit record failed); otherwise the gate could not judge.
    if (!outputs['report-json']) outputs.verdict = 'error';
    const heading = outputs['report-json'] ? 'the run failed after the verdict' : 'the gate could not judge';
    await io.summary(`## ⛔ modelgate: ${heading}\n\n${escapeMarkdown(failure)}\n`).catch(() => undefined);
  } finally {
    clock.stop();
    for (const [name, value] of Object.entries(outputs)) io.setOutput(name, value);
  }
  return { outputs, failure };
}

/** A failure in words for the step's error: API failures fail closed, with what was asked and what GitHub said. */
function explain(error: unknown): string {
  if (isModelgateError(error) || error instanceof AuditFailure || error instanceof AttestationFailure) return `modelgate: ${error.message}`;
  if (isRequestError(error)) {
    const retried = !(error instanceof GitHubFault) || error.retried;
    return `modelgate: the GitHub API did not answer as needed (${describeRequestError(error)})${retried ? ', also after retries' : ''}; the gate fails closed because it cannot judge without it`;
  }
  return `modelgate: internal error: ${describeError(error)}`;
}

async function gate(io: ActionIo, decisionId: string, outputs: Outputs, clock: RunClock): Promise<string | undefined> {
  const inputs = readInputs(io.getInput);
  const env = io.env;
  const eventName = required(env, 'GITHUB_EVENT_NAME');
  const payload = await readEvent(env.GITHUB_EVENT_PATH);
  const plan = planFromEvent({ eventName, sha: env.GITHUB_SHA ?? '', ref: env.GITHUB_REF ?? '', actor: env.GITHUB_ACTOR }, payload);
  if ('unsupported' in plan || 'nothingToDo' in plan) {
    const message = 'unsupported' in plan ? plan.unsupported : plan.nothingToDo;
    if ('unsupported' in plan) io.log.warning(message);
    else io.log.info(message);
    outputs.verdict = 'skipped';
    await io.summary(`## modelgate: skipped\n\n${escapeMarkdown(message)}\n`).catch(() => undefined);
    return undefined;
  }
  const { target } = plan;
  const repository = parseRepository(required(env, 'GITHUB_REPOSITORY'));
  const token = inputs['github-token'];
  if (!token) throw new ModelgateError('usage', 'input "github-token" is empty: pass a token, e.g. ${{ github.token }} (the default)');
  io.setSecret(token);
  const readOnly = readOnlyReason(target, env);
  // A promise to attest is checked before anything is judged: without the permission, nothing could be signed.
  if (inputs.attest && !readOnly) assertCanSign(env);
  const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
  const clientOptions = { timeoutMs: inputs['api-timeout'] * 1000, signal: clock.signal };
  const client = io.createClient(token, apiUrl, clientOptions);
  // The audit store's own client is not cut off by the run-time limit: the limit is checked
  // before recording starts, and an append must never be aborted halfway through its calls.
  const auditGitHub = inputs.audit && /^github:/i.test(inputs.audit)
    ? { client: io.createClient(token, apiUrl, { timeoutMs: clientOptions.timeoutMs, signal: new AbortController().signal }), repository }
    : undefined;
  const teamsToken = inputs['teams-token'];
  if (teamsToken) io.setSecret(teamsToken);
  const teamsClient = teamsToken ? io.createClient(teamsToken, apiUrl, clientOptions) : client;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runUrl = env.GITHUB_RUN_ID ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const run: Run = {
    io,
    inputs,
    repository,
    target,
    client,
    teamsClient,
    decisionId,
    runUrl,
    readOnly,
    failOn: effectiveFailOn(inputs['fail-on'], target, io),
    notes: [],
    clock,
    payload,
    serverUrl,
    auditGitHub,
  };

  // The first API request (the config at the trusted ref) is sent before the gate core (YAML,
  // CEL, schemas, artefact formats) is loaded: loading it then overlaps the request's round trip.
  const location = trustedLocation(run);
  const trusted = location && { ...location, config: readFileAtRef(client, repository, normalizeRepoPath(inputs.config, ''), location.ref) };
  if (trusted) {
    // Awaited in loadSettingsAtRef; until then a failed request must not count as unhandled.
    trusted.config.catch(() => undefined);
    await requestSent(trusted.config);
  }
  const { judge } = await import('./judge.js');
  return judge(run, outputs, trusted);
}

async function readEvent(file: string | undefined): Promise<Record<string, unknown>> {
  if (!file) throw new ModelgateError('usage', 'GITHUB_EVENT_PATH is not set: modelgate runs as a step of a GitHub Actions job');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ModelgateError('usage', `the event payload ${file} cannot be read`);
  }
  try {
    const payload: unknown = JSON.parse(text);
    if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) return payload as Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw new ModelgateError('usage', `the event payload ${file} is not a JSON object`);
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name];
  if (!value) throw new ModelgateError('usage', `${name} is not set: modelgate runs as a step of a GitHub Actions job`);
  return value;
}

function parseRepository(text: string): Repository {
  const [owner, repo, ...rest] = text.split('/');
  if (!owner || !repo || rest.length > 0) throw new ModelgateError('usage', `GITHUB_REPOSITORY "${text}" is not owner/repo`);
  return { owner, repo };
}

/** GitHub gives `pull_request` runs from forks and from Dependabot a read-only token. */
function readOnlyReason(target: GateTarget, env: Record<string, string | undefined>): string | undefined {
  if (target.kind !== 'pull_request') return undefined;
  if (target.pullRequest.fromFork) return 'this pull request comes from a fork, and GitHub gives such runs a read-only token';
  if (target.event !== 'pull_request_target' && env.GITHUB_ACTOR === 'dependabot[bot]') return 'Dependabot runs get a read-only token';
  return undefined;
}
/** Events whose checkout is not trusted by itself: policy and config are read at the default branch. */
const DEFAULT_BRANCH_EVENTS = new Set(['workflow_dispatch', 'push', 'release', 'deployment']);

/**
 * Where the policy and config come from. Pull requests: the base commit (or `trusted-ref` when
 * it names the base branch; any other value is the pull request's own choice and is ignored).
 * `workflow_dispatch`, `push`, `release`, `deployment`: `trusted-ref`, else the repository's
 * default branch: read through the API. Otherwise (`schedule`, which runs on the default
 * branch) the checkout, and undefined here.
 */
function trustedLocation(run: Run): Omit<TrustedLocation, 'config'> | undefined {
  const { inputs, target, io, payload } = run;
  const trustedRef = inputs['trusted-ref'];
  if (target.kind === 'pull_request') {
    const { baseSha } = target.pullRequest;
    const baseBranch = target.ref.replace(/^refs\/heads\//, '');
    const namesBase = trustedRef !== undefined && [baseBranch, `refs/heads/${baseBranch}`, baseSha].includes(trustedRef);
    if (trustedRef !== undefined && !namesBase) {
      io.log.warning(
        `trusted-ref "${trustedRef}" is ignored on ${target.event} events: the pull request's workflow sets it, so only the base branch (${baseBranch}) can be trusted; reading the base commit ${baseSha.slice(0, 12)}`,
      );
    }
    const ref = namesBase ? trustedRef : baseSha;
    const origin = namesBase && trustedRef !== baseSha ? `${trustedRef} (trusted-ref)` : `the base commit ${baseSha.slice(0, 12)}`;
    return { ref, origin };
  }
  if (trustedRef) return { ref: trustedRef, origin: `${trustedRef} (trusted-ref)` };
  if (DEFAULT_BRANCH_EVENTS.has(target.event)) {
    const repositoryPayload = payload.repository;
    const defaultBranch =
      typeof repositoryPayload === 'object' && repositoryPayload !== null ? (repositoryPayload as { default_branch?: unknown }).default_branch : undefined;
    if (typeof defaultBranch === 'string' && defaultBranch !== '') {
      return { ref: defaultBranch, origin: `the default branch ${defaultBranch}` };
    }
    io.log.warning(`the ${target.event} event names no repository.default_branch: the policy and config are read from the checked-out commit; set trusted-ref to read them from a branch`);
  }
  return undefined;
}

/**
 * On pull-request events `fail-on` comes from the pull request's own workflow: `never` there
 * cannot turn a blocked verdict into a passing run or check run; it counts as `error`.
 */
function effectiveFailOn(failOn: FailOn, target: GateTarget, io: ActionIo): FailOn {
  if (target.kind !== 'pull_request' || failOn !== 'never') return failOn;
  io.log.warning(`fail-on: never is not applied on ${target.event} events (the pull request's workflow sets it): a blocked verdict fails the step and the check run`);
  return 'error';
}
