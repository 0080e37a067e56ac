import { createHash } from 'node:crypto';
import type { Decision, RuleResult } from '../engine/decision.js';
import { findingsOf, isRepositoryPath } from './findings.js';

/** What SARIF needs about a rule beyond the Decision: its description, from the policy. */
export interface SarifRuleInfo {
  description: string;
  severity: 'error' | 'warn';
  controls: readonly string[];
}

export interface SarifOptions {
  toolVersion: string;
  /** Rule metadata by id; rules found only in results (e.g. `artefact.bias`) get a generic description. */
  rules?: Readonly<Record<string, SarifRuleInfo>>;
  /**
   * Where results that name no repository file are placed (code scanning requires a location
   * with a line): the repository config, by default.
   */
  fallbackPath?: string;
  informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Partial<Record<RuleResult['status'], SarifLevel>> = { error: 'error', fail: 'error', warn: 'warning', waived: 'note' };

/**
 * The Decision as SARIF 2.1.0 for code scanning: one result per failing, erroring, warning or
 * waived result; waived results carry a suppression with the waiver's text, so code scanning
 * shows them as dismissed rather than open.
 */
export function renderSarif(decision: Decision, options: SarifOptions): string {
  const fallbackPath = options.fallbackPath ?? '.modelgate.yml';
  const findings = findingsOf(decision, ['error', 'fail', 'warn', 'waived']);
  const ruleIds = [...new Set(findings.map(({ result }) => result.rule))].sort();
  const rules = ruleIds.map((id) => {
    const info = options.rules?.[id];
    const sample = findings.find(({ result }) => result.rule === id)!.result;
    const controls = info?.controls ?? sample.controls;
    return {
      id,
      name: id,
      shortDescription: { text: info?.description ?? describeBuiltIn(id) },
      defaultConfiguration: { level: (info?.severity ?? sample.severity) === 'error' ? 'error' : 'warning' },
      properties: { tags: ['modelgate', ...controls] },
    };
  });
  const results = findings.map(({ model, result }) => {
    const located = isRepositoryPath(result.location);
    const path = located ? result.location!.path : fallbackPath;
    const region: Record<string, number> = { startLine: (located && result.location!.line) || 1 };
    if (located && result.location!.line !== undefined && result.location!.column !== undefined) region.startColumn = result.location!.column;
    const sarif: Record<string, unknown> = {
      ruleId: result.rule,
      ruleIndex: ruleIds.indexOf(result.rule),
      level: LEVEL[result.status] ?? 'note',
      message: { text: `${model.name}: ${result.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' }, region } }],
      // Stable across runs while the same rule fails for the same model in the same file, so
      // code scanning keeps one alert instead of opening a new one each time a value changes.
      partialFingerprints: { 'modelgateFinding/v1': createHash('sha256').update(`${result.rule}\u0000${model.name}\u0000${path}`).digest('hex') },
      properties: { model: model.name, status: result.status, controls: result.controls, ...(located ? {} : result.location ? { location: result.location.path } : {}) },
    };
    if (result.status === 'waived') sarif.suppressions = [{ kind: 'external', justification: result.message }];
    return sarif;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelgate',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            ...(options.informationUri && { informationUri: options.informationUri }),
            rules,
          },
        },
        automationDetails: { id: `modelgate/${decision.policy.name}/` },
        properties: { verdict: decision.verdict, policy: decision.policy, notices: decision.notices },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeBuiltIn(id: string): string {
  if (id.startsWith('artefact.')) return `The configured ${id.slice('artefact.'.length)} artefact can be found and read`;
  if (id === 'policy.changed') return 'A change to the policy or the repository config is approved by the policy owners';
  return id;
}
