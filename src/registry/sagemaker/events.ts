import { z } from 'zod';
import type { ArtefactKind } from '../../artefacts/evidence.js';
import type { ArtefactSpec } from '../../policy/config.js';
import type { ReportSpec } from '../config.js';
import { PayloadError } from '../payload.js';

/**
 * SageMaker Model Registry events as EventBridge delivers them (the SageMaker developer
 * guide, "Model package state change"), and the ApprovalDescription the hook writes. Pure.
 */
export const STATE_CHANGE = 'SageMaker Model Package State Change';

const EventSchema = z.looseObject({
  id: z.string().min(1).max(128),
  'detail-type': z.string().min(1),
  time: z.string().min(1),
  detail: z.looseObject({
    ModelPackageArn: z.string().regex(/^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package\/\S+$/, 'must be a model package ARN'),
    ModelPackageGroupName: z.string().optional(),
    ModelPackageName: z.string().optional(),
    ModelApprovalStatus: z.string().optional(),
    ModelPackageStatus: z.string().optional(),
  }),
});

export type PackageEvent =
  | { kind: 'package'; id: string; time: Date; arn: string; model: string; approvalStatus: string | undefined; packageStatus: string | undefined }
  | { kind: 'other'; event: string };

export function parsePackageEvent(text: string): PackageEvent {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PayloadError('the body is not JSON');
  }
  const detailType = (json as { 'detail-type'?: unknown } | null)?.['detail-type'];
  if (typeof detailType === 'string' && detailType !== STATE_CHANGE) return { kind: 'other', event: detailType };
  const parsed = EventSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new PayloadError(`not an EventBridge "${STATE_CHANGE}" event: ${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const { id, time, detail } = parsed.data;
  const when = new Date(time);
  if (Number.isNaN(when.getTime())) throw new PayloadError(`time: "${time}" is not a date-time`);
  const arn = detail.ModelPackageArn;
  // arn:…:model-package/<group>/<version> for a versioned package, arn:…:model-package/<name> otherwise.
  const fromArn = arn.slice(arn.indexOf('model-package/') + 'model-package/'.length).split('/')[0]!;
  return {
    kind: 'package',
    id,
    time: when,
    arn,
    model: detail.ModelPackageGroupName ?? detail.ModelPackageName ?? fromArn,
    approvalStatus: detail.ModelApprovalStatus,
    packageStatus: detail.ModelPackageStatus,
  };
}

/**
 * The report URIs a package names, per kind: the first of the configured locations that the
 * package has. Kinds with none are left out, as unconfigured artefacts are in a repository.
 */
export function reportArtefacts(pkg: { ModelMetrics?: unknown; DriftCheckBaselines?: unknown; CustomerMetadataProperties?: Record<string, string> | undefined }, reports: Partial<Record<ArtefactKind, ReportSpec>>): Partial<Record<ArtefactKind, ArtefactSpec>> {
  const artefacts: Partial<Record<ArtefactKind, ArtefactSpec>> = {};
  for (const [kind, spec] of Object.entries(reports) as [ArtefactKind, ReportSpec][]) {
    const uri = spec.from.map((location) => reportLocation(pkg, location)).find((found) => found !== undefined);
    if (uri !== undefined) artefacts[kind] = { paths: [uri], format: spec.format };
  }
  return artefacts;
}

function reportLocation(pkg: { ModelMetrics?: unknown; DriftCheckBaselines?: unknown; CustomerMetadataProperties?: Record<string, string> | undefined }, location: string): string | undefined {
  const dot = location.indexOf('.');
  const root = location.slice(0, dot);
  const rest = location.slice(dot + 1);
  if (root === 'CustomerMetadataProperties') {
    const value = pkg.CustomerMetadataProperties?.[rest];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  }
  let node: unknown = root === 'ModelMetrics' ? pkg.ModelMetrics : pkg.DriftCheckBaselines;
  for (const part of rest.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  const uri = node && typeof node === 'object' ? (node as { S3Uri?: unknown }).S3Uri : undefined;
  return typeof uri === 'string' && uri.trim() !== '' ? uri.trim() : undefined;
}

/** SageMaker limits ApprovalDescription to 1,024 characters. */
const MAX_DESCRIPTION = 1024;

/** What the hook writes as ApprovalDescription; it names the status it left, so its own echo event is recognised. */
export function approvalDescription(outcome: { verdict: string; decision_id: string; failed_rules: readonly string[]; policy: { name: string; version: string } }, status: string): string {
  const failed = outcome.failed_rules.length > 0 ? `; failed: ${outcome.failed_rules.join(', ')}` : '';
  const text = `modelgate: ${outcome.verdict}; status ${status}; policy ${outcome.policy.name} ${outcome.policy.version}; decision ${outcome.decision_id}${failed}`;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}

/** The status named by a description the hook wrote, or undefined for any other description. */
export function statusLeftByModelgate(description: string | undefined): string | undefined {
  return description === undefined ? undefined : /^modelgate: (?:pass|warn|fail); status (\w+);/.exec(description)?.[1];
}
