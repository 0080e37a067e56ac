import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadLocalSettings } from '../../src/action/settings.js';
import { gatherSubjects } from '../../src/check.js';
import type { Decision, Subject } from '../../src/engine/decision.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { createFsWorkspace } from '../../src/io/workspace.js';
import {
  buildVerificationStatement,
  DECISION_FIELD,
  MAX_EMBEDDED_DECISION_BYTES,
  MODELGATE_VERIFIER_ID,
  VSA_PREDICATE_TYPE,
  type Statement,
  type VerificationContext,
} from '../../src/report/attestation.js';
import { MODEL_REPO } from '../github/model-repo.js';

/**
 * The attestation statement, checked against the shape the in-toto Statement v1 and the SLSA
 * Verification Summary Attestation v1 specifications give (field names, required fields,
 * types, the allowed values), for real decisions on the fixture repository.
 */

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const uri = z.string().refine((value) => URL.canParse(value), 'a URI');
const digestSet = z.record(z.string(), z.string()).refine((digest) => Object.keys(digest).length > 0, 'at least one digest');
/** in-toto ResourceDescriptor: at least one of uri, digest, content. */
const resourceDescriptor = z
  .object({ name: z.string().optional(), uri: uri.optional(), digest: digestSet.optional(), content: z.string().optional(), downloadLocation: uri.optional(), mediaType: z.string().optional(), annotations: z.record(z.string(), z.unknown()).optional() })
  .refine((descriptor) => descriptor.uri !== undefined || descriptor.digest !== undefined || descriptor.content !== undefined, 'uri, digest or content');
/** SlsaResult: the SLSA_BUILD_LEVEL_n values or FAILED; custom values must not start with SLSA_. */
const slsaResult = z.string().refine((value) => /^SLSA_BUILD_LEVEL_[0-3]$/.test(value) || value === 'FAILED' || !value.startsWith('SLSA_'), 'a SlsaResult');
const KNOWN_FIELDS = ['verifier', 'timeVerified', 'resourceUri', 'policy', 'inputAttestations', 'verificationResult', 'verifiedLevels', 'dependencyLevels', 'slsaVersion'];

const StatementSchema = z.object({
  _type: z.literal('https://in-toto.io/Statement/v1'),
  subject: z.array(z.object({ name: z.string(), digest: z.object({ sha256 }) })).min(1),
  predicateType: z.literal('https://slsa.dev/verification_summary/v1'),
  predicate: z
    .object({
      verifier: z.object({ id: uri }),
      timeVerified: z.iso.datetime(),
      resourceUri: uri,
      policy: resourceDescriptor.and(z.object({ uri })),
      inputAttestations: z.array(resourceDescriptor.and(z.object({ digest: digestSet }))).optional(),
      verificationResult: z.enum(['PASSED', 'FAILED']),
      verifiedLevels: z.array(slsaResult),
      dependencyLevels: z.record(slsaResult, z.number().int().nonnegative()).optional(),
      slsaVersion: z.string().regex(/^\d+\.\d+$/).optional(),
    })
    // Producers may add fields only under names that are URIs.
    .catchall(z.unknown())
    .refine((predicate) => Object.keys(predicate).every((key) => KNOWN_FIELDS.includes(key) || URL.canParse(key)), 'extension fields are URIs'),
});

const NOW = new Date('2026-11-22T12:00:00Z');
const context: VerificationContext = {
  decisionId: '6f1c2d3e-0000-4000-8000-000000000001',
  time: NOW,
  verifierVersion: '0.1.0',
  resourceUri: 'git+https://github.com/octo-org/octo-repo@ec26c3e57ca3a959ca5aad62de7213c562f8c821#models/fraud-scorer',
  policyUri: 'git+https://github.com/octo-org/octo-repo@f95f852bd8fca8fcc58a9a2d6c842781e32a215e#policies/model-policy.yaml',
  artefactUri: (file) => (file.startsWith('release:') ? undefined : `git+https://github.com/octo-org/octo-repo@ec26c3e57ca3a959ca5aad62de7213c562f8c821#${file}`),
};

/** The fixture repository judged as the Action judges it: fraud-scorer approved by two roles, churn-predictor blocked by its bias report. */
async function judgeFixture(): Promise<{ decision: Decision; subjects: Subject[] }> {
  const settings = await loadLocalSettings(MODEL_REPO, '.modelgate.yml', undefined);
  const approvals = [
    { user: 'octocat', teams: ['ml-risk'], state: 'approved' as const, at: '2026-11-20T09:10:00Z', source: 'pull-request-review' },
    { user: 'hubot', teams: ['release-managers'], state: 'approved' as const, at: '2026-11-20T09:11:00Z', source: 'pull-request-review' },
  ];
  const subjects = await gatherSubjects({ repoConfig: settings.repoConfig, policy: settings.policy, workspace: createFsWorkspace(MODEL_REPO, ''), approvals, now: NOW });
  return { decision: evaluate(settings.policy, subjects, { now: NOW }), subjects };
}

function statementFor(decision: Decision, subjects: Subject[], name: string): Statement {
  const model = decision.models.find((entry) => entry.name === name)!;
  const statement = buildVerificationStatement(decision, model, subjects.find((subject) => subject.model.name === name), context);
  expect(statement).toBeDefined();
  return statement!;
}

const sha256Of = (file: string) => createHash('sha256').update(readFileSync(path.join(MODEL_REPO, file))).digest('hex');

describe('the verification summary statement of a model decision', () => {
  it('is an in-toto Statement v1 with a SLSA VSA v1 predicate, its subject the artefact files judged, by sha256', async () => {
    const { decision, subjects } = await judgeFixture();
    const statement = statementFor(decision, subjects, 'fraud-scorer');
    expect(StatementSchema.safeParse(statement).error).toBeUndefined();
    // The schema is the spec's: a value it does not allow, or an extension field that is not a URI, is refused.
    expect(StatementSchema.safeParse({ ...statement, predicate: { ...statement.predicate, verificationResult: 'OK' } }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...statement, predicate: { ...statement.predicate, verifiedLevels: ['SLSA_MODEL_LEVEL_1'] } }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...statement, predicate: { ...statement.predicate, decision: {} } }).success).toBe(false);
    expect(StatementSchema.safeParse({ ...statement, subject: [] }).success).toBe(false);
    const files = ['models/fraud-scorer/lineage/training.yaml', 'models/fraud-scorer/model_card.yaml', 'models/fraud-scorer/reports/bias.yaml', 'models/fraud-scorer/reports/drift.yaml'];
    expect(statement.subject).toEqual(files.map((file) => ({ name: file, digest: { sha256: sha256Of(file) } })));
    expect(statement.predicateType).toBe(VSA_PREDICATE_TYPE);
    expect(statement.predicate).toMatchObject({
      verifier: { id: MODELGATE_VERIFIER_ID, version: { modelgate: '0.1.0' } },
      timeVerified: '2026-11-22T12:00:00.000Z',
      resourceUri: context.resourceUri,
      policy: { uri: context.policyUri, digest: { sha256: decision.policy.digest.replace('sha256:', '') }, annotations: { name: 'model-policy', version: '2.0.0' } },
      verificationResult: 'PASSED',
      verifiedLevels: ['MODELGATE_VERDICT_PASS'],
      slsaVersion: '1.0',
    });
    // Every input is listed, with its digest, kind and where it is.
    expect(statement.predicate.inputAttestations.map((input) => [input.name, input.annotations?.kind, input.digest.sha256, input.uri])).toEqual(
      files.map((file, index) => [file, ['lineage', 'model_card', 'bias', 'drift'][index], sha256Of(file), context.artefactUri(file)]),
    );
  });

  it('says FAILED, with verifiedLevels FAILED, for a blocked model', async () => {
    const { decision, subjects } = await judgeFixture();
    const statement = statementFor(decision, subjects, 'churn-predictor');
    expect(StatementSchema.safeParse(statement).error).toBeUndefined();
    expect(statement.predicate.verificationResult).toBe('FAILED');
    expect(statement.predicate.verifiedLevels).toEqual(['FAILED']);
  });

  it('says PASSED for a model that passes with warnings, and tells it apart in verifiedLevels', async () => {
    const { decision, subjects } = await judgeFixture();
    const warned: Decision = { ...decision, models: decision.models.map((model) => (model.name === 'fraud-scorer' ? { ...model, verdict: 'warn' as const } : model)) };
    const statement = statementFor(warned, subjects, 'fraud-scorer');
    expect(statement.predicate.verificationResult).toBe('PASSED');
    expect(statement.predicate.verifiedLevels).toEqual(['MODELGATE_VERDICT_WARN']);
  });

  it('carries the full decision under a URI-named field, as canonical JSON whose sha256 is its digest', async () => {
    const { decision, subjects } = await judgeFixture();
    const statement = statementFor(decision, subjects, 'churn-predictor');
    const field = statement.predicate[DECISION_FIELD];
    expect(URL.canParse(DECISION_FIELD)).toBe(true);
    expect(field.mediaType).toBe('application/json');
    const bytes = Buffer.from(field.content!, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(field.digest.sha256);
    const embedded = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    // RFC 8785: anyone can recompute the digest from the JSON.
    expect(canonicalize(embedded)).toBe(bytes.toString('utf8'));
    const model = decision.models.find((entry) => entry.name === 'churn-predictor')!;
    expect(embedded).toEqual({
      decisionId: context.decisionId,
      policy: decision.policy,
      model: JSON.parse(JSON.stringify(model)),
      approvals: [
        { user: 'octocat', teams: ['ml-risk'], state: 'approved', at: '2026-11-20T09:10:00Z', source: 'pull-request-review' },
        { user: 'hubot', teams: ['release-managers'], state: 'approved', at: '2026-11-20T09:11:00Z', source: 'pull-request-review' },
      ],
      notices: decision.notices,
    });
    expect(field.annotations).toEqual({ decisionId: context.decisionId, model: 'churn-predictor', verdict: 'fail' });
  });

  it('references a decision too large to embed by its digest only, and says so', async () => {
    const { decision, subjects } = await judgeFixture();
    const huge: Decision = {
      ...decision,
      models: decision.models.map((model) => ({
        ...model,
        results: Array.from({ length: 3000 }, (_, index) => ({ rule: `r${index}`, status: 'fail' as const, severity: 'error' as const, message: 'x'.repeat(100), controls: [] })),
      })),
    };
    const field = statementFor(huge, subjects, 'fraud-scorer').predicate[DECISION_FIELD];
    expect(field.content).toBeUndefined();
    expect(field.digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(field.annotations?.content).toMatch(new RegExp(`^omitted: \\d+ bytes, more than ${MAX_EMBEDDED_DECISION_BYTES}$`));
  });

  it('gives no statement for a model without artefact files (an in-toto subject cannot be empty), and leaves out URIs it has none for', async () => {
    const { decision, subjects } = await judgeFixture();
    const model = decision.models[0]!;
    expect(buildVerificationStatement(decision, model, undefined, context)).toBeUndefined();
    expect(buildVerificationStatement(decision, model, { ...subjects[0]!, evidence: {} }, context)).toBeUndefined();
    // A release asset read as an artefact: a subject and an input by digest, without a repository URI.
    const subject = subjects.find((entry) => entry.model.name === model.name)!;
    const bias = subject.evidence.bias!;
    const fromRelease: Subject = { ...subject, evidence: { ...subject.evidence, bias: { ...bias, sources: [{ ...bias.sources[0]!, path: 'release:fraud-scorer@1.4.0/bias.yaml' }] } } };
    const statement = buildVerificationStatement(decision, model, fromRelease, context)!;
    expect(StatementSchema.safeParse(statement).error).toBeUndefined();
    expect(statement.predicate.inputAttestations.find((input) => input.name === 'release:fraud-scorer@1.4.0/bias.yaml')).toEqual({
      name: 'release:fraud-scorer@1.4.0/bias.yaml',
      digest: { sha256: sha256Of('models/fraud-scorer/reports/bias.yaml') },
      annotations: { kind: 'bias', format: bias.sources[0]!.format },
    });
  });
});
