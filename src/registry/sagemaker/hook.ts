import { timingSafeEqual } from 'node:crypto';
import { describeError } from '../../errors.js';
import { modelSettings, type SageMakerConfig } from '../config.js';
import { runDelivery } from '../delivery.js';
import { artefactPaths, badRequest, fetchFiles, header, ignored, rejected, type HookContext, type HookHandler } from '../hook.js';
import { judgeRegistryModel } from '../judge.js';
import type { RecordedOutcome } from '../ledger.js';
import { PayloadError } from '../payload.js';
import type { FetchedFile } from '../workspace.js';
import type { SageMakerRegistry } from './client.js';
import { approvalDescription, parsePackageEvent, reportArtefacts, statusLeftByModelgate } from './events.js';

/**
 * `POST /hooks/sagemaker`: "SageMaker Model Package State Change" events from an EventBridge
 * rule whose target is an API destination; its connection sends the shared secret in
 * `secret_header`. A package waiting for approval or approved is judged from the reports its
 * ModelMetrics (or CustomerMetadataProperties) name, and the verdict is written back as its
 * ModelApprovalStatus (Rejected when blocked) with an ApprovalDescription.
 */
export function createSageMakerHook(context: HookContext, config: SageMakerConfig, registry: SageMakerRegistry): HookHandler {
  const { runtime, services } = context;
  const secret = Buffer.from(runtime.secrets.sagemaker!.shared, 'utf8');
  const secretHeader = config.secret_header.toLowerCase();

  return async (request) => {
    const given = header(request, secretHeader);
    if (given === undefined) return rejected(`the ${config.secret_header} header is missing (set it as the API key of the EventBridge connection)`);
    const givenBytes = Buffer.from(given, 'utf8');
    if (givenBytes.length !== secret.length || !timingSafeEqual(givenBytes, secret)) return rejected(`the ${config.secret_header} header does not match the shared secret`);
    let event;
    try {
      event = parsePackageEvent(request.body.toString('utf8'));
    } catch (error) {
      if (error instanceof PayloadError) return badRequest(error.message);
      throw error;
    }
    if (event.kind === 'other') return ignored(`"${event.event}" events need no decision`);
    const age = (services.now().getTime() - event.time.getTime()) / 1000;
    if (age > config.max_event_age_seconds) {
      return rejected(`the event is from ${event.time.toISOString()}, older than ${config.max_event_age_seconds} s (a replay, or a delivery retried for too long)`, 'stale');
    }
    if (event.approvalStatus === 'Rejected') return ignored('a rejected package needs no decision');

    const { arn, model } = event;
    return runDelivery(
      {
        source: 'sagemaker',
        key: `sagemaker:${event.id}`,
        model,
        judge: async () => {
          const settings = modelSettings(runtime.config, 'sagemaker', model);
          let files = new Map<string, FetchedFile>();
          let artefacts = {};
          let unreadableReason: string | undefined;
          let version: string | null = null;
          try {
            const pkg = await registry.describeModelPackage(arn);
            if (!pkg) unreadableReason = `SageMaker has no model package ${arn}`;
            else {
              const current = pkg.ModelApprovalStatus;
              if (current === 'Rejected') return { ignored: 'the package is rejected: it needs no decision' };
              if (pkg.ModelPackageStatus !== undefined && pkg.ModelPackageStatus !== 'Completed') return { ignored: `the package is ${pkg.ModelPackageStatus}, not Completed` };
              if (current !== undefined && statusLeftByModelgate(pkg.ApprovalDescription) === current) {
                return { ignored: `the package's status ${current} is the one modelgate's last decision left` };
              }
              version = pkg.ModelPackageVersion === undefined ? null : String(pkg.ModelPackageVersion);
              artefacts = reportArtefacts(pkg, config.reports);
              files = await fetchFiles(artefactPaths(artefacts), (uri) => registry.getObject(uri, runtime.config.limits.max_file_bytes));
            }
          } catch (error) {
            unreadableReason = describeError(error);
          }
          const judgement = await judgeRegistryModel(
            runtime.policy,
            runtime.config.limits,
            { name: model, version, risk: settings.risk, base: arn, artefacts },
            files,
            'SageMaker',
            services.now(),
            services.store,
            unreadableReason,
          );
          return { judgement, trigger: { type: 'registry', registry: 'sagemaker', event: 'SageMaker Model Package State Change', ref: arn } };
        },
        writeBack: (outcome) => writeApproval(arn, outcome),
      },
      services,
    );
  };

  /** Rejected when blocked; on a pass, Approved when configured, else the status stays. Skipped when already written. */
  async function writeApproval(arn: string, outcome: RecordedOutcome): Promise<void> {
    const pkg = await registry.describeModelPackage(arn);
    if (!pkg) return;
    const current = pkg.ModelApprovalStatus ?? 'PendingManualApproval';
    const status = outcome.verdict === 'fail' ? 'Rejected' : config.approve_on_pass ? 'Approved' : current;
    const description = approvalDescription(outcome, status);
    if (pkg.ApprovalDescription === description && current === status) return;
    await registry.updateApproval(arn, status, description);
  }
}
