import { createHash, verify, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MODELGATE_VERIFIER_ID, VSA_PREDICATE_TYPE, type Statement } from '../../src/report/attestation.js';
import { fixture, startFakeGitHub, type FakeGitHub, type Json, type RecordedRequest } from '../github/fake-github.js';
import { GITHUB_SIGSTORE_HOSTS, PUBLIC_GOOD_HOSTS, startFakeSigstore, verifyTimestamp, type FakeSigstore } from '../github/fake-sigstore.js';
import { checkout, defaultScenario, OWNER, REPO, serveModelRepo } from '../github/model-repo.js';
import { inputEnvironment, readOutputs, runBundle, runnerFiles, writeEvent } from './runner.js';

/**
 * `attest: true` end to end: the Action bundle, run as a runner runs it, signs each model
 * decision with a certificate for the workflow's OIDC identity from Fulcio, has it
 * timestamped, and stores the Sigstore bundle with the repository's attestations. GitHub, the
 * runner's token service, Fulcio and the timestamp authority are loopback servers (see
 * fake-sigstore.ts); the Sigstore client reaches its fixed https hosts through HTTPS_PROXY.
 */

const TOKEN = 'ghs_attesttoken00000000000000000000000001';
const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';
const WORKFLOW_REF = `${OWNER}/${REPO}/.github/workflows/promote.yml@refs/heads/main`;
const ATTESTATIONS = new RegExp(`^/repos/${OWNER}/${REPO}/attestations$`);

let github: FakeGitHub | undefined;
let sigstore: FakeSigstore | undefined;
afterEach(async () => {
  await github?.close();
  await sigstore?.close();
  github = undefined;
  sigstore = undefined;
});

interface TlogEntry {
  /** Absent when 0: the bundle's JSON leaves out default values. */
  logIndex?: string;
  logId: { keyId: string };
  kindVersion: { kind: string; version: string };
  integratedTime: string;
  inclusionPromise: { signedEntryTimestamp: string };
  inclusionProof: { rootHash: string; treeSize: string };
  canonicalizedBody: string;
}

interface SigstoreBundle {
  mediaType: string;
  verificationMaterial: { certificate?: { rawBytes: string }; tlogEntries?: TlogEntry[]; timestampVerificationData?: { rfc3161Timestamps: { signedTimestamp: string }[] } };
  dsseEnvelope: { payload: string; payloadType: string; signatures: { sig: string; keyid: string }[] };
}

/** A manual run on the default branch of a private repository, checking every model, with `attest: true`. */
async function runAttesting(store: (request: RecordedRequest) => { status: number; body: unknown }, env: Record<string, string> = {}, visibility: 'private' | 'public' = 'private') {
  github = await startFakeGitHub();
  const scenario = defaultScenario({
    environmentApprovals: [
      { user: 'octocat', state: 'approved', environment: 'production' },
      { user: 'hubot', state: 'approved', environment: 'production' },
    ],
  });
  const published = serveModelRepo(github, scenario);
  let nextId = 7000;
  github.route('POST', ATTESTATIONS, (request) => {
    const answer = store(request);
    // GitHub answers 201 with the new attestation's id.
    return answer.status === 201 ? { status: 201, body: { id: nextId++ } } : answer;
  });
  sigstore = await startFakeSigstore({ workflowRef: WORKFLOW_REF, repository: `${OWNER}/${REPO}`, sha: SHA });
  const files = runnerFiles();
  const workspace = checkout();
  const payload = fixture<Json>('events/workflow_dispatch.json');
  payload.repository = { ...(payload.repository as Json), private: visibility === 'private', visibility };
  payload.inputs = {};
  payload.sender = { ...(payload.sender as Json), login: 'Codertocat' };
  const run = await runBundle({
    ...inputEnvironment({ attest: 'true', audit: 'file:audit.jsonl' }, { 'github.token': TOKEN }),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: writeEvent(files, payload),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: String(scenario.runId),
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    // What `permissions: id-token: write` gives a job.
    ACTIONS_ID_TOKEN_REQUEST_URL: sigstore.idTokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: sigstore.idTokenRequestToken,
    // The Sigstore client's only way out is the test proxy, which trusts the test root.
    HTTPS_PROXY: sigstore.proxyUrl,
    NO_PROXY: '127.0.0.1',
    NODE_EXTRA_CA_CERTS: sigstore.caFile,
    ...env,
  });
  const outputs = readOutputs(files.output);
  const stored = github.requests.filter((request) => request.method === 'POST' && ATTESTATIONS.test(request.pathname));
  return { run, outputs, published, stored, workspace, summary: readFileSync(files.summary, 'utf8') };
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
/** DSSE's pre-authentication encoding: what the signature is over. */
const pae = (type: string, payload: Buffer) => Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload]);

describe('attest: true', () => {
  it('signs one SLSA verification summary per model with a Fulcio certificate and a timestamp, and stores it with the repository\'s attestations', async () => {
    const { run, outputs, published, stored, workspace, summary } = await runAttesting(() => ({ status: 201, body: {} }));

    expect(run.stderr).toBe('');
    // churn-predictor is blocked by its bias report; both decisions are attested.
    expect(run.status).toBe(1);
    expect(outputs.verdict).toBe('fail');
    expect(sigstore!.refusedHosts).toEqual([]);
    expect(sigstore!.rejected).toEqual([]);
    // A private repository signs with GitHub's instance only.
    expect(new Set(sigstore!.connectedHosts)).toEqual(new Set(GITHUB_SIGSTORE_HOSTS));
    // The OIDC token was asked for the sigstore audience with the runner's request token.
    expect(sigstore!.tokenRequests.every((request) => request.audience === 'sigstore' && request.authorization === `Bearer ${sigstore!.idTokenRequestToken}`)).toBe(true);
    expect(stored).toHaveLength(2);
    expect(stored.every((request) => request.headers.authorization === `token ${TOKEN}`)).toBe(true);

    const byModel = new Map<string, { statement: Statement; bundle: SigstoreBundle }>();
    for (const request of stored) {
      const bundle = (request.body as { bundle: SigstoreBundle }).bundle;
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
      expect(bundle.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
      const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
      const statement = JSON.parse(payload.toString('utf8')) as Statement;
      const modelName = JSON.parse(Buffer.from(statement.predicate['https://github.com/modelgate/modelgate/blob/main/docs/attestations.md#the-decision'].content!, 'base64').toString('utf8')).model.name as string;
      byModel.set(modelName, { statement, bundle });

      // The certificate: issued by the (test) Fulcio root for the workflow's identity.
      const certificate = new X509Certificate(Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, 'base64'));
      expect(certificate.verify(new X509Certificate(sigstore!.caPem).publicKey)).toBe(true);
      expect(certificate.subjectAltName).toBe(`URI:https://github.com/${WORKFLOW_REF}`);
      // The DSSE signature over the statement verifies with the certificate's key.
      const signature = Buffer.from(bundle.dsseEnvelope.signatures[0]!.sig, 'base64');
      expect(verify('sha256', pae(bundle.dsseEnvelope.payloadType, payload), certificate.publicKey, signature)).toBe(true);
      // GitHub's instance: an RFC 3161 timestamp over the signature, no transparency log.
      expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
      const timestamp = Buffer.from(bundle.verificationMaterial.timestampVerificationData!.rfc3161Timestamps[0]!.signedTimestamp, 'base64');
      expect(verifyTimestamp(sigstore!, timestamp, signature)).toBe(true);
    }

    const fraud = byModel.get('fraud-scorer')!.statement;
    const churn = byModel.get('churn-predictor')!.statement;
    expect(fraud.predicateType).toBe(VSA_PREDICATE_TYPE);
    expect(fraud.predicate.verifier.id).toBe(MODELGATE_VERIFIER_ID);
    expect([fraud.predicate.verificationResult, churn.predicate.verificationResult]).toEqual(['PASSED', 'FAILED']);
    expect(fraud.predicate.resourceUri).toBe(`git+https://github.com/${OWNER}/${REPO}@${SHA}#models/fraud-scorer`);
    // The policy was read at the default branch through the API.
    expect(fraud.predicate.policy.uri).toBe(`git+https://github.com/${OWNER}/${REPO}@main#policies/model-policy.yaml`);
    // The subject: every artefact file of the model, by the sha256 of the bytes in the checkout.
    for (const entry of fraud.subject) expect(entry.digest.sha256).toBe(sha256(readFileSync(path.join(workspace, entry.name))));
    expect(fraud.subject.map((entry) => entry.name)).toContain('models/fraud-scorer/model_card.yaml');

    // Outputs: one entry per model, with the predicate written for a later step.
    const attestations = JSON.parse(outputs.attestations!) as { model: string; verificationResult: string; id: number; url: string; predicate: string }[];
    expect(attestations.map((entry) => [entry.model, entry.verificationResult, entry.url])).toEqual([
      ['fraud-scorer', 'PASSED', `https://github.com/${OWNER}/${REPO}/attestations/7000`],
      ['churn-predictor', 'FAILED', `https://github.com/${OWNER}/${REPO}/attestations/7001`],
    ]);
    expect(JSON.parse(readFileSync(attestations[0]!.predicate, 'utf8'))).toEqual(fraud.predicate);
    expect(summary).toContain(`Attestations: fraud-scorer PASSED (https://github.com/${OWNER}/${REPO}/attestations/7000), churn-predictor FAILED`);
    // Recorded first, then attested, then published.
    const records = readFileSync(path.join(workspace, 'audit.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { kind: string; subject: { model: string } });
    expect(records.filter((record) => record.kind === 'decision').map((record) => record.subject.model)).toEqual(['fraud-scorer', 'churn-predictor']);
    expect(published.checkRuns[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('signs a public repository\'s decisions with the public-good instance: Fulcio and a Rekor transparency log entry', async () => {
    const { run, outputs, stored } = await runAttesting(() => ({ status: 201, body: {} }), {}, 'public');
    expect(run.stderr).toBe('');
    expect(JSON.parse(outputs.attestations!)).toHaveLength(2);
    expect(sigstore!.refusedHosts).toEqual([]);
    expect(new Set(sigstore!.connectedHosts)).toEqual(new Set(PUBLIC_GOOD_HOSTS));
    for (const request of stored) {
      const bundle = (request.body as { bundle: SigstoreBundle }).bundle;
      const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64');
      expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []).toEqual([]);
      const [entry] = bundle.verificationMaterial.tlogEntries!;
      expect(entry!.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
      // The log entry is about this statement, and the log's promise to include it verifies with the log's key.
      const body = JSON.parse(Buffer.from(entry!.canonicalizedBody, 'base64').toString('utf8')) as { spec: { payloadHash: { value: string } } };
      expect(body.spec.payloadHash.value).toBe(sha256(payload));
      const promised = JSON.stringify({ body: entry!.canonicalizedBody, integratedTime: Number(entry!.integratedTime), logID: Buffer.from(entry!.logId.keyId, 'base64').toString('hex'), logIndex: Number(entry!.logIndex ?? 0) });
      expect(verify('sha256', Buffer.from(promised), sigstore!.logPublicKey, Buffer.from(entry!.inclusionPromise.signedEntryTimestamp, 'base64'))).toBe(true);
    }
  });

  it('fails the step, and the check run, when the token may not store attestations (no "attestations: write")', async () => {
    const { run, outputs, published, stored } = await runAttesting(() => ({
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/repos/repos#create-an-attestation', status: '403' },
    }));
    expect(run.status).toBe(1);
    expect(stored).toHaveLength(1);
    // The first model's attestation fails; the run stops there and names the model.
    const reason = `attest: fraud-scorer: the attestation could not be stored (POST /repos/${OWNER}/${REPO}/attestations: HTTP 403 Resource not accessible by integration): give the job "permissions: attestations: write"`;
    expect(run.stdout).toContain(`::error::modelgate: ${reason}`);
    // The verdict reached stays in the outputs; the check run says why the run failed.
    expect(outputs.verdict).toBe('fail');
    expect(outputs.attestations).toBe('[]');
    expect(published.checkRuns[0]).toMatchObject({ conclusion: 'failure', output: expect.objectContaining({ title: expect.stringMatching(/^FAILED: attest: fraud-scorer: the attestation could not be stored/) }) });
  });

  it('fails the step before judging when the job may not request an OIDC token (no "id-token: write")', async () => {
    const { run, outputs, published, stored, workspace } = await runAttesting(() => ({ status: 201, body: {} }), { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      '::error::modelgate: attest: true needs an OIDC token to sign with, and the job cannot request one (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set): give the job "permissions: id-token: write" (and "attestations: write")',
    );
    expect(outputs.verdict).toBe('error');
    expect(stored).toEqual([]);
    expect(published.checkRuns).toEqual([]);
    expect(existsSync(path.join(workspace, 'audit.jsonl'))).toBe(false);
  });
});
