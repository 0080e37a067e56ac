import type { Enforcement } from '../../audit/record.js';
import { describeError } from '../../errors.js';
import { modelSettings, type MlflowConfig } from '../config.js';
import { runDelivery, type DeliveryWork } from '../delivery.js';
import { artefactPaths, badRequest, fetchFiles, header, ignored, rejected, type HookContext, type HookHandler } from '../hook.js';
import { judgeRegistryModel, type Judgement } from '../judge.js';
import type { FetchedFile } from '../workspace.js';
import { createMlflowClient, type MlflowClient } from './client.js';
import { PayloadError } from '../payload.js';
import { parseMlflowEvent } from './events.js';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyMlflowDelivery } from './signature.js';

/** Tags the hook writes on the model version; its own tag events are acknowledged and ignored. */
export const TAG_PREFIX = 'modelgate.';
export const VERDICT_TAG = 'modelgate.verdict';
export const DECISION_TAG = 'modelgate.decision_id';
export const FAILED_RULES_TAG = 'modelgate.failed_rules';
/** MLflow refuses longer tag values (5,000 characters in its SQL store). */
const MAX_TAG_VALUE = 5000;

/**
 * `POST /hooks/mlflow`: an MLflow 3 webhook. Registrations, tag changes and alias promotions
 * are judged, recorded and tagged; a blocked promotion to a protected alias loses the alias
 * (or gets back the version that last passed for it). Other events are acknowledged.
 */
export function createMlflowHook(context: HookContext, config: MlflowConfig, client: MlflowClient = defaultClient(context, config)): HookHandler {
  const { runtime, services } = context;
  const secret = runtime.secrets.mlflow!.webhook;
  const protectedAliases = new Set(config.protected_aliases);

  return async (request) => {
    const check = verifyMlflowDelivery(
      { signature: header(request, SIGNATURE_HEADER), deliveryId: header(request, DELIVERY_ID_HEADER), timestamp: header(request, TIMESTAMP_HEADER) },
      request.body,
      secret,
      Math.floor(services.now().getTime() / 1000),
      config.timestamp_tolerance_seconds,
    );
    if (!check.ok) return rejected(check.reason, check.stale ? 'stale' : 'unauthorized');
    let event;
    try {
      event = parseMlflowEvent(request.body.toString('utf8'));
    } catch (error) {
      if (error instanceof PayloadError) return badRequest(error.message);
      throw error;
    }
    if (event.kind === 'other') return ignored(`${event.event} events need no decision`);
    if (event.kind === 'tag' && event.key.startsWith(TAG_PREFIX)) return ignored(`the tag ${event.key} is modelgate's own`);

    const { name, version } = event;
    const alias = event.kind === 'promotion' ? event.alias : undefined;
    const work: DeliveryWork = {
      source: 'mlflow',
      key: `mlflow:${check.deliveryId}`,
      model: name,
      judge: async () => {
        const judgement = await judgeVersion(name, version);
        return {
          judgement,
          trigger: {
            type: 'registry',
            registry: 'mlflow',
            event: event.event,
            ref: alias === undefined ? `models:/${name}/${version}` : `models:/${name}@${alias}`,
            url: client.modelVersionUrl(name, version),
            ...(alias !== undefined && { alias }),
          },
        };
      },
      ...(alias !== undefined && protectedAliases.has(alias) && { enforce: (judgement: Judgement) => enforceAlias(name, version, alias, judgement) }),
      writeBack: async (outcome) => {
        const failed = outcome.failed_rules.join(',');
        await Promise.all([
          client.setModelVersionTag(name, version, VERDICT_TAG, outcome.verdict),
          client.setModelVersionTag(name, version, DECISION_TAG, outcome.decision_id),
          client.setModelVersionTag(name, version, FAILED_RULES_TAG, failed.length > MAX_TAG_VALUE ? `${failed.slice(0, MAX_TAG_VALUE - 1)}…` : failed),
        ]);
      },
    };
    return runDelivery(work, services);
  };

  async function judgeVersion(name: string, version: string): Promise<Judgement> {
    const settings = modelSettings(runtime.config, 'mlflow', name);
    const artefacts = settings.artefacts ?? config.artefacts;
    let base = `models:/${name}/${version}`;
    let files = new Map<string, FetchedFile>();
    let unreadableReason: string | undefined;
    try {
      const modelVersion = await client.getModelVersion(name, version);
      if (!modelVersion) unreadableReason = `MLflow has no version ${version} of the model "${name}"`;
      else if (!modelVersion.run_id) unreadableReason = `version ${version} of "${name}" names no run, and its governance artefacts are read from its run's artifacts`;
      else {
        const runId = modelVersion.run_id;
        base = `runs:/${runId}`;
        const artifactUri = await client.getRunArtifactUri(runId);
        files = await fetchFiles(artefactPaths(artefacts), (path) => client.downloadArtifact(artifactUri, path, runtime.config.limits.max_file_bytes));
      }
    } catch (error) {
      unreadableReason = describeError(error);
    }
    return judgeRegistryModel(
      runtime.policy,
      runtime.config.limits,
      { name, version, risk: settings.risk, base, artefacts },
      files,
      'MLflow',
      services.now(),
      services.store,
      unreadableReason,
    );
  }

  /** A blocked promotion to a protected alias: the alias goes back to the version that last passed for it, or is removed. */
  async function enforceAlias(name: string, version: string, alias: string, judgement: Judgement): Promise<Enforcement | undefined> {
    if (judgement.decision.verdict !== 'fail') return undefined;
    const current = await client.getAliasVersion(name, alias);
    if (current !== version) {
      const reason = current === undefined ? `the alias was already removed` : `the alias already points to version ${current}`;
      return { action: 'alias_unchanged', alias, reason: `version ${version} is blocked; ${reason}` };
    }
    const previous = await services.ledger.lastApprovedHolder(name, alias, version);
    if (previous !== undefined && (await client.getModelVersion(name, previous))) {
      await client.setAlias(name, alias, previous);
      return { action: 'alias_restored', alias, version: previous, reason: `version ${version} is blocked; ${alias} points again to version ${previous}, the last version that passed for it` };
    }
    await client.deleteAlias(name, alias);
    return { action: 'alias_removed', alias, reason: `version ${version} is blocked and no other version has passed for ${alias}` };
  }
}

function defaultClient(context: HookContext, config: MlflowConfig): MlflowClient {
  const secrets = context.runtime.secrets.mlflow!;
  return createMlflowClient({
    trackingUri: config.tracking_uri,
    token: secrets.token,
    username: config.username,
    password: secrets.password,
    call: (operation) => context.callOptions('mlflow', operation),
  });
}
