import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/engine/decision.js';
import { fixture, startFakeGitHub, type FakeGitHub, type Json } from '../github/fake-github.js';
import { BASE_SHA, calls, checkout, defaultScenario, HEAD_SHA, MODEL_REPO, OWNER, readTree, REPO, serveModelRepo, type Scenario } from '../github/model-repo.js';
import { documentedWorkflow, inputEnvironment, modelgateStep, readOutputs, runBundle, runnerFiles, writeEvent, type Workflow } from './runner.js';

/**
 * dist/index.js run with node as a runner runs it: the event payload on disk, GITHUB_* and
 * INPUT_* variables (from the workflows in README.md and the defaults in action.yml),
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GitHub as a loopback server.
 */

const TOKEN = 'ghs_testtoken0000000000000000000000000001';
const TEAMS_TOKEN = 'ghp_teamstoken000000000000000000000000002';
const RUN_ID = 30433642;

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});

interface Case {
  workflow: 'pull-request' | 'release' | 'promotion';
  eventName: string;
  payload: Json;
  scenario: Scenario;
  workspace?: string;
  sha?: string;
  ref?: string;
  actor?: string;
  dispatchInputs?: Record<string, string>;
}

async function runCase(spec: Case) {
  github = await startFakeGitHub();
  const published = serveModelRepo(github, spec.scenario);
  const workflow = documentedWorkflow(spec.workflow);
  expect(Object.keys(workflow.on)).toContain(spec.eventName);
  const files = runnerFiles();
  const workspace = spec.workspace ?? checkout();
  const context: Record<string, string> = {
    'github.token': TOKEN,
    'secrets.MODELGATE_TEAMS_TOKEN': TEAMS_TOKEN,
    ...Object.fromEntries(Object.entries(spec.dispatchInputs ?? {}).map(([name, value]) => [`inputs.${name}`, value])),
  };
  const env = {
    ...inputEnvironment(modelgateStep(workflow), context),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: spec.eventName,
    GITHUB_EVENT_PATH: writeEvent(files, spec.payload),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: spec.sha ?? '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    GITHUB_REF: spec.ref ?? 'refs/pull/2/merge',
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: spec.actor ?? 'Codertocat',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
  };
  const run = await runBundle(env);
  const outputs = readOutputs(files.output);
  const summary = readFileSync(files.summary, 'utf8');
  const decision = outputs['report-json'] ? (JSON.parse(readFileSync(outputs['report-json'], 'utf8')) as Decision) : undefined;
  // The tokens reach GitHub in the Authorization header and nowhere else.
  // `::add-mask::` is how the Action asks the runner to mask a value; the runner never prints that line.
  const logged = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
  expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
  for (const text of [logged, run.stderr, summary, JSON.stringify(outputs)]) {
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TEAMS_TOKEN);
  }
  return { run, outputs, summary, decision, published, requests: github.requests, workspace, scenario: spec.scenario };
}

const prEvent = (edit: (payload: Json) => void = () => undefined): Json => {
  const payload = fixture<Json>('events/pull_request.opened.json');
  edit(payload);
  return payload;
};
const setChangedFiles = (count: number) => (payload: Json) => {
  (payload.pull_request as Json).changed_files = count;
};

describe('the Action bundle on a pull request (workflow a)', () => {
  it('passes a PR whose changed model has its evidence and two approvers, and turns an earlier failure comment into "resolved"', async () => {
    const scenario = defaultScenario({
      prFiles: [{ filename: 'models/fraud-scorer/model_card.yaml' }],
      reviews: [
        { user: 'octocat', state: 'APPROVED' },
        { user: 'hubot', state: 'COMMENTED' },
        { user: 'hubot', state: 'APPROVED' },
      ],
      comments: [
        { id: 7, body: 'Looks good to me', login: 'octocat' },
        { id: 8, body: '<!-- modelgate:sticky-comment {"verdict":"fail","decisionId":"earlier"} -->\n## ❌ modelgate: FAIL', login: 'github-actions[bot]' },
      ],
    });
    const { run, outputs, summary, decision, published, requests } = await runCase({ workflow: 'pull-request', eventName: 'pull_request', payload: prEvent(setChangedFiles(1)), scenario });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(outputs.verdict).toBe('pass');
    expect(JSON.parse(outputs['blocked-models']!)).toEqual([]);
    expect(JSON.parse(outputs['failed-rules']!)).toEqual([]);
    expect(outputs['decision-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(decision!.models.map((model) => [model.name, model.verdict])).toEqual([['fraud-scorer', 'pass']]);
    const separation = decision!.models[0]!.results.find((result) => result.rule === 'approval.separation-of-duties');
    expect(separation?.status).toBe('pass');

    // The policy and config came from the base commit through the contents API.
    const contents = requests.filter((request) => request.pathname.includes('/contents/'));
    expect(contents.map((request) => [request.pathname.split('/contents/')[1], request.query.get('ref')])).toEqual([
      ['.modelgate.yml', BASE_SHA],
      ['policies/model-policy.yaml', BASE_SHA],
      ['policies/thresholds.yaml', BASE_SHA],
    ]);
    // Team lookups use the teams token; everything else the GitHub token.
    for (const request of requests) {
      expect(request.headers.authorization).toBe(`token ${request.pathname.startsWith('/orgs/') ? TEAMS_TOKEN : TOKEN}`);
    }

    expect(published.checkRuns).toHaveLength(1);
    expect(published.checkRuns[0]).toMatchObject({ name: 'modelgate', head_sha: HEAD_SHA, status: 'completed', conclusion: 'success', external_id: outputs['decision-id'] });
    // The sticky comment was updated in place, not posted again, and says the failure is resolved.
    expect(calls(requests).filter((call) => call.includes('/comments'))).toEqual([`GET /repos/${OWNER}/${REPO}/issues/2/comments`, `PATCH /repos/${OWNER}/${REPO}/issues/comments/8`]);
    expect(scenario.comments).toHaveLength(2);
    expect(scenario.comments[1]!.body).toContain('**Resolved:**');
    expect(summary).toContain('## modelgate: PASS');
    expect(summary).toContain(`read from the base commit ${BASE_SHA.slice(0, 12)}`);
  });

  it('blocks a PR whose changed model fails its bias thresholds: exit 1, annotations at the line, a new sticky comment', async () => {
    const scenario = defaultScenario({ prFiles: [{ filename: 'models/churn-predictor/reports/bias.yaml' }] });
    const { run, outputs, summary, decision, published, requests } = await runCase({ workflow: 'pull-request', eventName: 'pull_request', payload: prEvent(setChangedFiles(1)), scenario });

    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::modelgate: verdict fail: blocked churn-predictor \(rules: bias\.disparate-impact, bias\.parity-difference\)/m);
    expect(outputs.verdict).toBe('fail');
    expect(JSON.parse(outputs['blocked-models']!)).toEqual(['churn-predictor']);
    expect(JSON.parse(outputs['failed-rules']!)).toEqual(['bias.disparate-impact', 'bias.parity-difference']);
    expect(decision!.models.map((model) => model.name)).toEqual(['churn-predictor']);

    const checkRun = published.checkRuns[0]!;
    expect(checkRun).toMatchObject({ conclusion: 'failure', head_sha: HEAD_SHA });
    expect(checkRun.annotations).toEqual([
      expect.objectContaining({ path: 'models/churn-predictor/reports/bias.yaml', start_line: 10, end_line: 10, annotation_level: 'failure', title: 'bias.disparate-impact (churn-predictor)' }),
      expect.objectContaining({ path: 'models/churn-predictor/reports/bias.yaml', start_line: 15, annotation_level: 'failure' }),
    ]);
    expect(calls(requests).filter((call) => call.startsWith('POST'))).toEqual([`POST /repos/${OWNER}/${REPO}/check-runs`, `POST /repos/${OWNER}/${REPO}/issues/2/comments`]);
    expect(scenario.comments[0]!.body).toMatch(/^<!-- modelgate:sticky-comment \{"verdict":"fail"/);
    expect(scenario.comments[0]!.body).toContain('| churn-predictor | 3.1.0 | ❌ fail | 2 |');
    expect(summary).toContain('## modelgate: FAIL');
    // With the check run published, findings are not repeated as workflow annotations.
    expect(run.stdout).not.toMatch(/^::error title=/m);
  });

  it('judges a PR that edits its own policy with the base commit\'s policy and blocks it until a policy owner approves', async () => {
    const workspace = checkout();
    // The PR's checkout loosens the policy to nothing; the gate must not read it.
    writeFileSync(path.join(workspace, 'policies/model-policy.yaml'), 'apiVersion: modelgate/v1\nkind: Policy\nmetadata:\n  name: anything-goes\n  version: 9.9.9\n');
    const scenario = defaultScenario({
      prFiles: [{ filename: 'policies/model-policy.yaml' }, { filename: 'models/churn-predictor/reports/bias.yaml' }],
      reviews: [{ user: 'octocat', state: 'APPROVED' }],
    });
    const { run, outputs, decision, published, summary } = await runCase({ workflow: 'pull-request', eventName: 'pull_request', payload: prEvent(setChangedFiles(2)), scenario, workspace });

    expect(run.status).toBe(1);
    expect(decision!.policy).toMatchObject({ name: 'model-policy', version: '2.0.0' });
    // A policy change concerns every model, so both are checked, each with the finding.
    expect(decision!.models.map((model) => model.name)).toEqual(['fraud-scorer', 'churn-predictor']);
    expect(JSON.parse(outputs['failed-rules']!)).toEqual(expect.arrayContaining(['policy.changed', 'bias.disparate-impact']));
    const changed = decision!.models[0]!.results.find((result) => result.rule === 'policy.changed')!;
    expect(changed).toMatchObject({ status: 'fail', severity: 'error', location: { path: 'policies/model-policy.yaml' } });
    expect(changed.message).toContain('needs an approval from a member of ml-governance');
    expect(run.stdout).toContain('this pull request changes the policy: policies/model-policy.yaml');
    // One annotation for the policy change, though every model carries the finding.
    expect((published.checkRuns[0]!.annotations as Json[]).filter((annotation) => annotation.path === 'policies/model-policy.yaml')).toHaveLength(1);
    expect(summary).toContain('policy.changed');
  });
});

describe('the Action bundle on a pull request that edits the policy', () => {
  it('puts `policy diff` of the base and head policies in words into the sticky comment and the job summary', async () => {
    const base = readTree(MODEL_REPO);
    const head = {
      ...base,
      'policies/model-policy.yaml': base['policies/model-policy.yaml']!.replace('version: 2.0.0', 'version: 2.1.0').replace(
        /(id: approval\.separation-of-duties\n\s+description: )[^\n]+\n(\s+)severity: error/,
        '$1Approved by two roles, cc @octocat <b>now</b>\n$2severity: warn',
      ),
      'policies/thresholds.yaml': base['policies/thresholds.yaml']!.replace('severity: warn', 'severity: error'),
    };
    const scenario = defaultScenario({
      prFiles: [{ filename: 'policies/model-policy.yaml' }, { filename: 'policies/thresholds.yaml' }],
      refs: { [BASE_SHA]: base, [HEAD_SHA]: head },
    });
    const { run, decision, summary, requests } = await runCase({ workflow: 'pull-request', eventName: 'pull_request', payload: prEvent(setChangedFiles(2)), scenario });

    expect(run.status).toBe(1);
    // Judged with the base policy, as always.
    expect(decision!.policy).toMatchObject({ name: 'model-policy', version: '2.0.0' });
    const section = [
      '### Policy diff',
      '',
      `model-policy 2.0.0 (the base commit ${BASE_SHA.slice(0, 12)}) → model-policy 2.1.0 (the head commit ${HEAD_SHA.slice(0, 12)}): 4 changes`,
      '',
      '- version: 2.0.0 → 2.1.0',
      '- rule model-card.owners: severity warn → error (now blocks)',
      '- rule approval.separation-of-duties: severity error → warn (no longer blocks, only warns)',
      '- rule approval.separation-of-duties: description "A high-risk model is approved by ml-risk and by release-managers, two different people" → "Approved by two roles, cc &#64;octocat &lt;b&gt;now&lt;/b&gt;"',
    ].join('\n');
    expect(scenario.comments).toHaveLength(1);
    expect(scenario.comments[0]!.body).toContain(section);
    expect(summary).toContain(section);
    // The head's policy files were read through the API at the head commit, for the diff only.
    const contents = requests.filter((request) => request.pathname.includes('/contents/')).map((request) => [request.pathname.split('/contents/')[1], request.query.get('ref')]);
    expect(contents).toEqual(expect.arrayContaining([['policies/model-policy.yaml', HEAD_SHA], ['policies/thresholds.yaml', HEAD_SHA]]));
  });
});

describe('the Action bundle on a release (workflow b)', () => {
  it('checks the model the tag names, reads release assets as its artefacts, counts environment approvals and writes SARIF', async () => {
    const scenario = defaultScenario({
      environmentApprovals: [
        { user: 'octocat', state: 'approved', environment: 'production' },
        { user: 'hubot', state: 'approved', environment: 'production' },
      ],
      assets: [
        { id: 1, name: 'drift.yaml', content: readFileSync(path.join(checkout(), 'models/fraud-scorer/reports/drift.yaml'), 'utf8'), contentType: 'application/x-yaml' },
        { id: 2, name: 'fraud-scorer.onnx', content: '\u0000binary' },
      ],
    });
    const payload = fixture<Json>('events/release.published.json');
    Object.assign(payload.release as Json, { tag_name: 'fraud-scorer@1.4.0', id: scenario.releaseId });
    const sha = '4a0c5d7e6f8091a2b3c4d5e6f708192a3b4c5d6e';
    const { run, outputs, summary, decision, published, requests, workspace } = await runCase({ workflow: 'release', eventName: 'release', payload, scenario, sha, ref: 'refs/tags/fraud-scorer@1.4.0' });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(outputs.verdict).toBe('pass');
    expect(decision!.models.map((model) => [model.name, model.version, model.verdict])).toEqual([['fraud-scorer', '1.4.0', 'pass']]);
    expect(published.checkRuns[0]).toMatchObject({ head_sha: sha, conclusion: 'success' });
    expect(calls(requests)).toEqual(
      expect.arrayContaining([
        `GET /repos/${OWNER}/${REPO}/actions/runs/${RUN_ID}/approvals`,
        `GET /repos/${OWNER}/${REPO}/releases/${scenario.releaseId}/assets`,
        `GET /repos/${OWNER}/${REPO}/releases/assets/1`,
        'GET /downloads/1/drift.yaml',
      ]),
    );
    // The model binary is not an artefact: never downloaded. No PR, so no comment.
    expect(calls(requests)).not.toContain(`GET /repos/${OWNER}/${REPO}/releases/assets/2`);
    expect(calls(requests).some((call) => call.includes('/comments'))).toBe(false);
    // The tag's own tree is not trusted for the policy: it is read at the default branch through the API.
    const contents = requests.filter((request) => request.pathname.includes('/contents/'));
    expect(contents.map((request) => [request.pathname.split('/contents/')[1], request.query.get('ref')])).toEqual([
      ['.modelgate.yml', 'master'],
      ['policies/model-policy.yaml', 'master'],
      ['policies/thresholds.yaml', 'master'],
    ]);
    expect(summary).toContain('Release assets read as artefacts of fraud-scorer: drift.yaml');
    const sarif = JSON.parse(readFileSync(path.join(workspace, 'modelgate.sarif'), 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('modelgate');
    expect(sarif.runs[0]!.results).toEqual([]);
  });
});

describe('the Action bundle on a promotion through a protected environment (workflow c)', () => {
  it('does not count the approval of the person who started the run, so one reviewer alone cannot promote a high-risk model', async () => {
    const scenario = defaultScenario({
      environmentApprovals: [
        { user: 'octocat', state: 'approved', environment: 'production' },
        { user: 'Codertocat', state: 'approved', environment: 'production' },
      ],
      teams: { 'ml-risk': ['octocat'], 'release-managers': ['Codertocat'], 'ml-governance': [] },
    });
    const payload = fixture<Json>('events/workflow_dispatch.json');
    payload.inputs = { model: 'fraud-scorer' };
    payload.sender = { ...(payload.sender as Json), login: 'Codertocat' };
    const { run, outputs, decision, published } = await runCase({
      workflow: 'promotion',
      eventName: 'workflow_dispatch',
      payload,
      scenario,
      ref: 'refs/heads/main',
      actor: 'Codertocat',
      dispatchInputs: { model: 'fraud-scorer' },
    });

    expect(run.status).toBe(1);
    expect(outputs.verdict).toBe('fail');
    expect(JSON.parse(outputs['failed-rules']!)).toEqual(['approval.separation-of-duties']);
    expect(decision!.models.map((model) => model.name)).toEqual(['fraud-scorer']);
    expect(run.stdout).toContain('the environment approval by Codertocat is not counted');
    expect(published.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('promotes when two different people of the two teams approved the environment', async () => {
    const scenario = defaultScenario({
      environmentApprovals: [
        { user: 'octocat', state: 'approved', environment: 'production' },
        { user: 'hubot', state: 'approved', environment: 'production' },
      ],
    });
    const payload = fixture<Json>('events/workflow_dispatch.json');
    payload.inputs = { model: 'fraud-scorer' };
    payload.sender = { ...(payload.sender as Json), login: 'Codertocat' };
    const { run, outputs } = await runCase({ workflow: 'promotion', eventName: 'workflow_dispatch', payload, scenario, ref: 'refs/heads/main', dispatchInputs: { model: 'fraud-scorer' } });
    expect(run.status).toBe(0);
    expect(outputs.verdict).toBe('pass');
  });
});

describe('the documented workflows', () => {
  it('give each job the minimal permissions the Action needs', () => {
    expect(documentedWorkflow('pull-request').permissions).toEqual({ contents: 'read', 'pull-requests': 'write', checks: 'write' });
    expect(documentedWorkflow('release').permissions).toEqual({ contents: 'read', checks: 'write', actions: 'read' });
    expect(documentedWorkflow('promotion').permissions).toEqual({ contents: 'read', actions: 'read', checks: 'write' });
    expect(documentedWorkflow('promotion').jobs.promote!.environment).toBe('production');
  });

  it('run the pull-request gate once per pull request at a time, the latest run winning', () => {
    const workflow = documentedWorkflow('pull-request') as Workflow & { concurrency?: { group?: string; 'cancel-in-progress'?: boolean } };
    expect(workflow.concurrency).toEqual({ group: 'modelgate-${{ github.event.pull_request.number }}', 'cancel-in-progress': true });
  });
});
