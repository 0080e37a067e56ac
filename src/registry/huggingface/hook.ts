import { timingSafeEqual } from 'node:crypto';
import { modelSettings, type HuggingFaceConfig } from '../config.js';
import { runDelivery, type HookReply } from '../delivery.js';
import { artefactPaths, badRequest, fetchFiles, header, ignored, rejected, type HookContext, type HookHandler } from '../hook.js';
import { judgeRegistryModel } from '../judge.js';
import type { RecordedOutcome } from '../ledger.js';
import { PayloadError } from '../payload.js';
import { createHubClient, type HubClient } from './client.js';
import { parseHubEvent, type PushedRef } from './events.js';

export const SECRET_HEADER = 'x-webhook-secret';

/**
 * `POST /hooks/huggingface`: a Hub webhook. Each watched ref a push updated is judged at its
 * new commit from the files the Hub serves at that commit, and recorded; a discussion comment
 * with the verdict is optional. The Hub has no gate to close, so the record is the outcome.
 */
export function createHuggingFaceHook(context: HookContext, config: HuggingFaceConfig, client: HubClient = defaultClient(context, config)): HookHandler {
  const { runtime, services } = context;
  const secret = Buffer.from(runtime.secrets.huggingface!.webhook, 'utf8');

  return async (request) => {
    const given = header(request, SECRET_HEADER);
    if (given === undefined) return rejected('the X-Webhook-Secret header is missing (set a secret on the webhook)');
    const givenBytes = Buffer.from(given, 'utf8');
    if (givenBytes.length !== secret.length || !timingSafeEqual(givenBytes, secret)) return rejected('the X-Webhook-Secret header does not match the webhook secret');
    let event;
    try {
      event = parseHubEvent(request.body.toString('utf8'), config.refs);
    } catch (error) {
      if (error instanceof PayloadError) return badRequest(error.message);
      throw error;
    }
    if (event.kind === 'other') return ignored(event.reason);

    // One decision per updated ref; the Hub sends no delivery id, so the commit is the key: a replay judges nothing twice.
    const replies: HookReply[] = [];
    for (const pushed of event.refs) replies.push(await judgeRef(event.repo, event.event, pushed));
    if (replies.length === 1) return replies[0]!;
    const failed = replies.find((reply) => reply.status >= 500);
    if (failed) return failed;
    return { status: 200, body: { result: 'recorded', refs: replies.map((reply) => reply.body) }, outcome: replies.every((reply) => reply.outcome === 'duplicate') ? 'duplicate' : 'recorded' };
  };

  function judgeRef(repo: string, eventName: string, pushed: PushedRef): Promise<HookReply> {
    const settings = modelSettings(runtime.config, 'huggingface', repo);
    const artefacts = settings.artefacts ?? config.artefacts;
    return runDelivery(
      {
        source: 'huggingface',
        key: `huggingface:${repo}:${pushed.ref}:${pushed.sha}`,
        model: repo,
        judge: async () => {
          const files = await fetchFiles(artefactPaths(artefacts), (path) => client.downloadFile(repo, pushed.sha, path, runtime.config.limits.max_file_bytes));
          const judgement = await judgeRegistryModel(
            runtime.policy,
            runtime.config.limits,
            { name: repo, version: pushed.sha, risk: settings.risk, base: `hf://${repo}@${pushed.sha}`, artefacts },
            files,
            'the Hugging Face Hub',
            services.now(),
            services.store,
          );
          return {
            judgement,
            trigger: { type: 'registry', registry: 'huggingface', event: eventName, ref: `${pushed.ref}@${pushed.sha}`, url: client.commitUrl(repo, pushed.sha) },
          };
        },
        writeBack: (outcome) => comment(repo, pushed, outcome),
      },
      services,
    );
  }

  async function comment(repo: string, pushed: PushedRef, outcome: RecordedOutcome): Promise<void> {
    if (config.comment === 'off' || (config.comment === 'on_fail' && outcome.verdict !== 'fail')) return;
    const short = pushed.sha.slice(0, 12);
    const blocked = outcome.failed_rules.length > 0 ? `\n\nRules not met: ${outcome.failed_rules.map((rule) => `\`${rule}\``).join(', ')}.` : '';
    const text =
      `**modelgate: ${outcome.verdict}** for commit \`${short}\` (${pushed.ref}) under the policy ${outcome.policy.name} ${outcome.policy.version}.${blocked}\n\n` +
      `Decision \`${outcome.decision_id}\` is recorded in the audit trail.`;
    const pullRequest = /^refs\/pr\/(\d+)$/.exec(pushed.ref);
    if (pullRequest) await client.comment(repo, Number(pullRequest[1]), text);
    else await client.openDiscussion(repo, `modelgate: ${outcome.verdict} for ${short}`, text);
  }
}

function defaultClient(context: HookContext, config: HuggingFaceConfig): HubClient {
  return createHubClient({
    endpoint: config.endpoint,
    token: context.runtime.secrets.huggingface!.token,
    call: (operation) => context.callOptions('huggingface', operation),
  });
}
