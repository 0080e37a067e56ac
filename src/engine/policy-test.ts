import type { ArtefactKind, Evidence } from '../artefacts/evidence.js';
import { readArtefact, type ArtefactFile } from '../artefacts/read.js';
import { observeEvidence } from './observe.js';
import type { SourceLocation } from '../document/location.js';
import type { LoadedPolicyTest, PolicyTestCase, TestPreviousDecision } from '../policy/test-file.js';
import type { CompiledPolicy } from './compile.js';
import type { PreviousDecision, ResultStatus, RuleResult, Subject } from './decision.js';
import { evaluate } from './evaluate.js';

/** Reads an evidence file named by a test case, relative to the test file; the CLI supplies it. */
export type EvidenceFileReader = (path: string, relativeTo: string) => ArtefactFile;

export interface CaseOutcome {
  name: string;
  location: SourceLocation;
  /** One line per unmet expectation; empty when the case passed. */
  failures: string[];
}

export interface PolicyTestOutcome {
  path: string;
  policy: { name: string; version: string };
  cases: CaseOutcome[];
}

/** Worst first: the status that stands for a rule with several results. */
const STATUS_RANK: readonly ResultStatus[] = ['error', 'fail', 'warn', 'waived', 'pass', 'skipped'];

/** The status of a rule in one model's results: its worst result, or undefined when it gave none. */
export function ruleStatus(results: readonly RuleResult[]): ResultStatus | undefined {
  return STATUS_RANK.find((status) => results.some((result) => result.status === status));
}

/** Runs every case of a test file against the compiled policy, at the file's `now`. */
export function runPolicyTest(file: LoadedPolicyTest, policy: CompiledPolicy, readFile: EvidenceFileReader): PolicyTestOutcome {
  const now = new Date(file.test.now);
  const ruleIds = new Set(policy.rules.map((rule) => rule.id));
  const cases = file.test.cases.map((testCase, index) => {
    const location = file.caseLocations[index] ?? { path: file.path };
    const failures: string[] = [];
    let subject: Subject;
    try {
      subject = subjectOf(file, testCase, index, location, readFile);
    } catch (error) {
      // Evidence a case cannot build is a broken test, reported as its failure.
      return { name: testCase.name, location, failures: [`evidence: ${error instanceof Error ? error.message : String(error)}`] };
    }
    const model = evaluate(policy, [subject], { now }).models[0]!;
    if (testCase.expect.verdict !== undefined && model.verdict !== testCase.expect.verdict) {
      failures.push(`verdict: expected ${testCase.expect.verdict}, got ${model.verdict}`);
    }
    for (const [rule, expected] of Object.entries(testCase.expect.results)) {
      if (!ruleIds.has(rule) && !rule.startsWith('artefact.')) {
        failures.push(`${rule}: the policy has no such rule`);
        continue;
      }
      const results = model.results.filter((result) => result.rule === rule);
      const actual = ruleStatus(results);
      const messages = results.map((result) => result.message);
      if (actual !== expected.status) {
        failures.push(`${rule}: expected ${expected.status}, got ${actual ?? 'no result'}${messages.length > 0 ? ` (${messages.join('; ')})` : ''}`);
      } else if (expected.message !== undefined && !messages.some((message) => message.includes(expected.message!))) {
        failures.push(`${rule}: no message contains "${expected.message}" (${messages.join('; ')})`);
      }
    }
    return { name: testCase.name, location, failures };
  });
  return { path: file.path, policy: { name: policy.name, version: policy.version }, cases };
}

function subjectOf(file: LoadedPolicyTest, testCase: PolicyTestCase, index: number, location: SourceLocation, readFile: EvidenceFileReader): Subject {
  const defaults = file.test.defaults;
  const model = { ...defaults.model, ...testCase.model };
  const inputs = { ...defaults.evidence, ...testCase.evidence };
  const evidence: Subject['evidence'] = {};
  for (const [kind, input] of Object.entries(inputs) as [ArtefactKind, string | Record<string, unknown> | null | undefined][]) {
    if (input === null || input === undefined) continue;
    (evidence as Record<string, Evidence>)[kind] = evidenceOf(kind, input, `${file.path}#cases[${index}].evidence.${kind}`, file.path, readFile);
  }
  const previous = testCase.previous !== undefined ? testCase.previous : defaults.previous;
  return {
    model: { name: model.name ?? 'model', version: model.version, path: model.path ?? `models/${model.name ?? 'model'}`, risk: model.risk },
    location,
    evidence,
    problems: {},
    approvals: testCase.approvals ?? defaults.approvals ?? [],
    ...(previous !== undefined && { previous: previous && previousOf(previous, file, index, readFile) }),
  };
}

/** The previous decision a test describes, with its datasets observed as a decision record observes them. */
function previousOf(input: TestPreviousDecision, file: LoadedPolicyTest, index: number, readFile: EvidenceFileReader): PreviousDecision {
  const lineage = input.lineage === undefined ? undefined : evidenceOf('lineage', input.lineage, `${file.path}#cases[${index}].previous.lineage`, file.path, readFile);
  // Read with kind `lineage`, so the evidence is lineage.
  const observations = lineage ? observeEvidence({ lineage: lineage as Evidence<'lineage'> }) : undefined;
  return {
    decision_id: input.decision_id,
    seq: input.seq,
    // Recorded times are in the form `Date.toISOString` writes.
    time: new Date(input.time ?? file.test.now).toISOString(),
    verdict: input.verdict,
    version: input.version,
    datasets: observations?.datasets ?? [],
    datasets_digest: observations?.datasets_digest ?? null,
    datasets_total: observations?.datasets_total ?? 0,
  };
}

function evidenceOf(kind: ArtefactKind, input: string | Record<string, unknown>, inlinePath: string, testPath: string, readFile: EvidenceFileReader): Evidence {
  if (typeof input === 'string') return readArtefact(readFile(input, testPath), { kind });
  // Inline evidence is the native format; its header is implied by the key it is written under.
  const text = JSON.stringify({ apiVersion: 'modelgate/v1', kind, ...input });
  return readArtefact({ path: inlinePath, text, sha256: '' }, { kind, format: `modelgate-${kind.replace('_', '-')}` });
}
