import { describe, expect, it } from 'vitest';
import { ModelgateError } from '../../src/errors.js';
import { parseRepoConfig } from '../../src/policy/config.js';

function configError(text: string): string {
  try {
    parseRepoConfig(text, '.modelgate.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelgateError);
    expect((error as ModelgateError).code).toBe('config');
    return (error as ModelgateError).message;
  }
  throw new Error('expected a configuration error');
}

describe('parseRepoConfig', () => {
  it('applies the documented defaults to an empty config', () => {
    const { config } = parseRepoConfig('{}', '.modelgate.yml');
    expect(config).toMatchObject({ policy: 'starter', models: [], discover: { enabled: true, roots: ['models/*'] } });
    expect(config.limits.max_file_bytes).toBe(16 * 1024 * 1024);
  });

  it('accepts a glob, a list of globs, or a path with a format override', () => {
    const { config, modelLocations } = parseRepoConfig(
      'models:\n  - name: m\n    path: models/m\n    artefacts:\n      model_card: README.md\n      lineage: [lineage/*.json, extra.ndjson]\n      drift: { path: reports/d.json, format: modelgate-drift }\n',
      '.modelgate.yml',
    );
    expect(config.models[0]!.artefacts).toEqual({
      model_card: { paths: ['README.md'], format: undefined },
      lineage: { paths: ['lineage/*.json', 'extra.ndjson'], format: undefined },
      drift: { paths: ['reports/d.json'], format: 'modelgate-drift' },
    });
    expect(modelLocations.m).toEqual({ path: '.modelgate.yml', line: 2, column: 5 });
  });

  it('refuses paths that leave the repository, at their line', () => {
    expect(configError('models:\n  - name: m\n    path: ../elsewhere\n')).toMatch(/^\.modelgate\.yml:3:5: invalid config: models\.0\.path: must not contain "\.\."/);
    expect(configError('models:\n  - name: m\n    path: /etc\n')).toMatch(/models\.0\.path: must be relative to the repository/);
    expect(configError('models:\n  - name: m\n    path: m\n    artefacts:\n      bias: ../../x.json\n')).toMatch(/^\.modelgate\.yml:5:7: invalid config: models\.0\.artefacts\.bias/);
  });

  it('refuses unknown artefact kinds, unknown keys and duplicate models', () => {
    expect(configError('models:\n  - name: m\n    path: m\n    artefacts:\n      fairness: x.json\n')).toMatch(/^\.modelgate\.yml:5:7: .*artefacts/);
    expect(configError('polcy: starter\n')).toMatch(/^\.modelgate\.yml:1:1: invalid config: polcy: Unrecognized key/);
    expect(configError('models:\n  - { name: m, path: a }\n  - { name: m, path: b }\n')).toBe('.modelgate.yml:3:5: model "m" is listed twice');
  });

  it('refuses a config that is not YAML', () => {
    expect(configError('models: [\n')).toMatch(/^\.modelgate\.yml:\d+:\d+: invalid YAML/);
  });
});

describe('format overrides', () => {
  it('refuses an unknown format id when the config is read, not when the file is', () => {
    expect(configError('models:\n  - name: m\n    path: m\n    artefacts:\n      drift: { path: d.json, format: evidently-v9 }\n')).toMatch(
      /^\.modelgate\.yml:5:\d+: invalid config: models\.0\.artefacts\.drift\.format: unknown format "evidently-v9" \(formats: .*modelgate-drift/,
    );
  });
});
