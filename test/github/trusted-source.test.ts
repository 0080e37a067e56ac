import { afterEach, describe, expect, it } from 'vitest';
import { normalizeRepoPath } from '../../src/github/contents.js';
import { loadSettingsAtRef } from '../../src/github/trusted-source.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { BASE_SHA, defaultScenario, MODEL_REPO, OWNER, readTree, REPO, serveModelRepo } from './model-repo.js';
import { testClient } from './test-client.js';

let github: FakeGitHub | undefined;
afterEach(async () => {
  await github?.close();
  github = undefined;
});
const repository = { owner: OWNER, repo: REPO };
const packs = createFsPolicySource(process.cwd());

async function load(files: Record<string, string>, options: { config?: string; policy?: string; ref?: string; configExplicit?: boolean } = {}) {
  github = await startFakeGitHub();
  serveModelRepo(github, defaultScenario({ refs: { [BASE_SHA]: files } }));
  return loadSettingsAtRef(testClient(github.url), repository, options.ref ?? BASE_SHA, options.config ?? '.modelgate.yml', options.policy, packs, 'the base commit', {
    configExplicit: options.configExplicit ?? false,
  });
}

describe('loadSettingsAtRef', () => {
  it('reads the config, the policy and the files it extends at the commit through the contents API, as raw text', async () => {
    const settings = await load(readTree(MODEL_REPO));
    expect(settings.policy).toMatchObject({ name: 'model-policy', version: '2.0.0' });
    expect(settings.policy.files).toEqual(['pack:starter', 'policies/thresholds.yaml', 'policies/model-policy.yaml']);
    expect(settings.repoConfig.config.github).toEqual({
      teams: ['ml-risk', 'release-managers'],
      policy_owners: ['ml-governance'],
      policy_owner_approvals: 1,
      policy_paths: [],
      approvals: { require_latest_head: true },
    });
    expect(github!.requests.map((request) => [request.method, request.pathname, request.query.get('ref'), request.headers.accept])).toEqual([
      ['GET', `/repos/${OWNER}/${REPO}/contents/.modelgate.yml`, BASE_SHA, 'application/vnd.github.v3.raw'],
      ['GET', `/repos/${OWNER}/${REPO}/contents/policies/model-policy.yaml`, BASE_SHA, 'application/vnd.github.v3.raw'],
      ['GET', `/repos/${OWNER}/${REPO}/contents/policies/thresholds.yaml`, BASE_SHA, 'application/vnd.github.v3.raw'],
    ]);
    // Locations name repository paths, so findings about the policy can be annotated.
    expect(settings.policy.rules.find((rule) => rule.id === 'model-card.owners')!.location).toMatchObject({ path: 'policies/thresholds.yaml', line: 8 });
  });

  it('applies the defaults when the commit has no config (starter pack, discovery), and says so', async () => {
    const settings = await load({});
    expect(settings.policy.name).toBe('starter');
    expect(settings.repoConfig.config.discover.enabled).toBe(true);
    expect(settings.defaulted).toBe('there is no .modelgate.yml at the base commit: models are found by discovery and judged with the defaults (the starter pack)');
  });

  it('fails closed when the trusted ref names no commit, instead of falling back to the starter pack', async () => {
    await expect(load(readTree(MODEL_REPO), { ref: 'no-such-branch' })).rejects.toThrow(
      /^the trusted ref "no-such-branch" does not exist in octo-org\/octo-repo \(GitHub: No commit found for the ref no-such-branch\)/,
    );
  });

  it('requires a config named explicitly by the config input to exist at the ref', async () => {
    await expect(load(readTree(MODEL_REPO), { config: 'ml/.modelgate.yml', configExplicit: true })).rejects.toThrow(
      'the config ml/.modelgate.yml (input "config") does not exist at the base commit',
    );
  });

  it('reads a config in a subfolder, with its policy relative to it', async () => {
    const files = readTree(MODEL_REPO);
    const settings = await load(
      { 'ml/.modelgate.yml': files['.modelgate.yml']!, 'ml/policies/model-policy.yaml': files['policies/model-policy.yaml']!, 'ml/policies/thresholds.yaml': files['policies/thresholds.yaml']! },
      { config: 'ml/.modelgate.yml' },
    );
    expect(settings.policy.files).toEqual(['pack:starter', 'ml/policies/thresholds.yaml', 'ml/policies/model-policy.yaml']);
  });

  it('is a configuration error, with file and line, when the config at the commit is invalid or its policy is missing', async () => {
    await expect(load({ '.modelgate.yml': 'policy: starter\nunknown_key: 1\n' })).rejects.toThrow(/^\.modelgate\.yml:2:1: /);
    await github!.close();
    github = undefined;
    await expect(load({ '.modelgate.yml': 'policy: policies/gone.yaml\n' })).rejects.toThrow('cannot read policy file policies/gone.yaml: not found at the base commit');
  });

  it('refuses policy paths that leave the repository', () => {
    expect(() => normalizeRepoPath('../shared/policy.yaml', '')).toThrow('policy path "../shared/policy.yaml" leaves the repository');
    expect(normalizeRepoPath('../policy.yaml', 'ml/policies')).toBe('ml/policy.yaml');
  });
});
