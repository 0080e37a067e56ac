import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { archiveEvidencePack } from '../../src/audit/pack-archive.js';
import { PACK_VERIFY_SCRIPT, seqRanges } from '../../src/audit/pack-readme.js';
import { policyDigestContent } from '../../src/policy/load.js';
import { buildEvidencePack, packFolderName, wantedEvidence, type EvidencePackInput, type FoundPolicy, type PackManifest } from '../../src/audit/pack.js';
import { canonicalJson, type AuditRecord } from '../../src/audit/record.js';
import { verifyChain } from '../../src/audit/verify.js';
import { createFsPolicySource } from '../../src/io/policy-source.js';
import { loadPolicy } from '../../src/policy/load.js';
import { DEMO_REPO, makeRepo, NATIVE_CARD, runCli, type CliRun } from '../helpers.js';
import { chainUrl, POSTGRES_URL, requirePostgres } from './postgres.js';
import { decisionEntry, makeChain } from './records.js';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function run(command: string, args: string[], cwd: string, input?: string): CliRun {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', input, env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Extracts an archive with the system `tar`, as an auditor would; returns the folder it made. */
function extract(archive: string): string {
  const into = mkdtempSync(path.join(tmpdir(), 'modelgate-pack-'));
  const untar = run('tar', ['-xzf', archive, '-C', into], into);
  expect(untar.status, untar.stderr).toBe(0);
  const [folder, ...others] = readdirSync(into);
  expect(others).toEqual([]);
  return path.join(into, folder!);
}

/** The shell blocks of the pack's README, in order: what an auditor is told to run. */
function readmeCommands(readme: string): string[] {
  return [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

function runReadmeStep(folder: string, step: number): CliRun {
  const commands = readmeCommands(readFileSync(path.join(folder, 'README.md'), 'utf8'));
  expect(commands).toHaveLength(2);
  // --norc: some systems' bash reads a bashrc when its standard input is a socket.
  return run('bash', ['--norc', '--noprofile', '-euo', 'pipefail', '-c', commands[step]!], folder);
}

const HAVE_PYTHON = run('python3', ['--version'], tmpdir()).status === 0;
if (!HAVE_PYTHON) console.warn('skipping the evidence pack README recipe checks: python3 is not installed');

describe('evidence pack contents (pure)', () => {
  it('names the digest of every policy: policy.json hashes to the digest loadPolicy computes', () => {
    const source = createFsPolicySource(
      makeRepo({
        'ours.yaml': 'apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: ours, version: 2.1.0 }\nextends: [starter]\nrules:\n  - { id: extra.rule, description: "é \u2028 <x>", check: "true" }\n' +
          'waivers:\n  - { rule: extra.rule, model: m, reason: "known", approved_by: risk-officer, expires: "2030-01-01" }\n',
      }),
    );
    for (const reference of [...source.packNames(), 'ours.yaml']) {
      const policy = loadPolicy(reference, source);
      const content = policyDigestContent(policy);
      expect(`sha256:${sha256(content)}`, reference).toBe(policy.digest);
      expect(JSON.parse(content)).toMatchObject({ name: policy.name, version: policy.version });
    }
  });

  it('wants every artefact digest once, with its paths, and every policy digest of the selected records', () => {
    const records = makeChain(3, (index) =>
      decisionEntry('m', 'pass', {
        artefacts: [
          { path: `models/m/card-${index}.yaml`, sha256: 'c'.repeat(64) },
          { path: 'models/m/bias.yaml', sha256: String(index).repeat(64) },
        ],
        policy: { name: 'p', version: `1.${index % 2}.0`, digest: `sha256:${String(index % 2).repeat(64)}` },
      }),
    );
    const wanted = wantedEvidence(records);
    expect([...wanted.artefacts.entries()]).toEqual([
      ['0'.repeat(64), ['models/m/bias.yaml']],
      ['1'.repeat(64), ['models/m/bias.yaml']],
      ['2'.repeat(64), ['models/m/bias.yaml']],
      ['c'.repeat(64), ['models/m/card-0.yaml', 'models/m/card-1.yaml', 'models/m/card-2.yaml']],
    ]);
    expect([...wanted.policies.entries()]).toEqual([
      [`sha256:${'0'.repeat(64)}`, { name: 'p', version: '1.0.0' }],
      [`sha256:${'1'.repeat(64)}`, { name: 'p', version: '1.1.0' }],
    ]);
  });

  function packInput(records: AuditRecord[], extra: Partial<EvidencePackInput> = {}): EvidencePackInput {
    return {
      createdAt: new Date('2026-03-08T00:00:00Z'),
      store: 'file:audit.jsonl',
      selection: [],
      entries: records.map((record) => ({ text: canonicalJson(record) })),
      verification: verifyChain(records),
      selected: records,
      artefacts: new Map(),
      policies: new Map(),
      reportHtml: '<!doctype html><title>report</title>\n',
      ...extra,
    };
  }

  it('lists what it holds and what is missing, with the sha256 of every file', () => {
    const card = new TextEncoder().encode('name: m\n');
    const records = makeChain(2, () => decisionEntry('m', 'pass', { artefacts: [{ path: 'models/m/card.yaml', sha256: sha256(card) }, { path: 'models/m/gone.yaml', sha256: 'e'.repeat(64) }] }));
    const starter = loadPolicy('starter', createFsPolicySource(tmpdir()));
    const policies = new Map<string, FoundPolicy>([[starter.digest, { policy: starter, files: [{ path: 'pack:starter', text: 'pack text' }], source: 'working tree' }]]);
    const withStarter = makeChain(2, () => decisionEntry('m', 'pass', { artefacts: [{ path: 'models/m/card.yaml', sha256: sha256(card) }, { path: 'models/m/gone.yaml', sha256: 'e'.repeat(64) }], policy: { name: 'starter', version: starter.version, digest: starter.digest } }));
    const selected = [...withStarter.slice(0, 1)];
    const { files, manifest } = buildEvidencePack(packInput(withStarter, { selected, selection: ['--model m'], artefacts: new Map([[sha256(card), { bytes: card, source: 'working tree models/m/card.yaml' }]]), policies }));

    expect(files.map((file) => file.path)).toEqual([
      'README.md',
      'MANIFEST.sha256',
      'manifest.json',
      'records.jsonl',
      'verification.json',
      'report.html',
      `artefacts/sha256/${sha256(card)}`,
      `policies/sha256/${starter.digest.slice('sha256:'.length)}/policy.json`,
      `policies/sha256/${starter.digest.slice('sha256:'.length)}/sources/packs/starter.yaml`,
    ]);
    const text = (name: string) => new TextDecoder().decode(files.find((file) => file.path === name)!.bytes);
    expect(text('records.jsonl')).toBe(withStarter.map((record) => `${canonicalJson(record)}\n`).join(''));
    expect(JSON.parse(text('manifest.json'))).toEqual(manifest);
    expect(manifest).toMatchObject({
      format: 'modelgate.evidence-pack/v1',
      selection: ['--model m'],
      chain: { ok: true, stored: 2, verified: 2, head: `1:${withStarter[1]!.hash}`, broken: null },
      records: { file: 'records.jsonl', selected: [0] },
      artefacts: [
        { sha256: sha256(card), paths: ['models/m/card.yaml'], status: 'included', file: `artefacts/sha256/${sha256(card)}`, source: 'working tree models/m/card.yaml', size: card.length },
        { sha256: 'e'.repeat(64), paths: ['models/m/gone.yaml'], status: 'missing' },
      ],
      policies: [{ digest: starter.digest, name: 'starter', status: 'included', source: 'working tree' }],
      missing: { artefacts: 1, policies: 0 },
    });
    // Every file but the two manifests is in manifest.json; MANIFEST.sha256 covers all but itself.
    expect(manifest.files.map((file) => file.path)).toEqual(files.slice(3).map((file) => file.path));
    expect(text('MANIFEST.sha256')).toBe(files.filter((file) => file.path !== 'MANIFEST.sha256').map((file) => `${sha256(file.bytes)}  ${file.path}\n`).join(''));
    expect(text('README.md')).toContain(`- artefact \`${'e'.repeat(64)}\`, recorded at \`models/m/gone.yaml\``);

    // A policy digest that is not sha256, or not found, is missing; found bytes must match the digest.
    const odd = makeChain(1, () => decisionEntry('m', 'pass', { artefacts: [], policy: { name: 'legacy', version: '0.1.0', digest: 'md5:abc' } }));
    expect(buildEvidencePack(packInput(odd)).manifest.policies).toEqual([{ digest: 'md5:abc', name: 'legacy', version: '0.1.0', status: 'missing', reason: 'not a sha256 digest' }]);
    expect(() => buildEvidencePack(packInput(records, { artefacts: new Map([['e'.repeat(64), { bytes: card, source: 'somewhere' }]]) }))).toThrow(/artefact e+ from somewhere has sha256/);
  });

  it('archives reproducibly: the same files and time give the same bytes, which tar extracts', async () => {
    const records = makeChain(3);
    const { files } = buildEvidencePack(packInput(records));
    const time = new Date('2026-03-08T10:20:30.456Z');
    const first = await archiveEvidencePack(files, 'q1-evidence', time);
    expect((await archiveEvidencePack(files, 'q1-evidence', time)).equals(first)).toBe(true);
    const archive = path.join(mkdtempSync(path.join(tmpdir(), 'modelgate-pack-')), 'q1.tar.gz');
    writeFileSync(archive, first);
    const folder = extract(archive);
    expect(path.basename(folder)).toBe('q1-evidence');
    for (const file of files) expect(readFileSync(path.join(folder, file.path)).equals(Buffer.from(file.bytes)), file.path).toBe(true);
    expect(statSync(path.join(folder, 'records.jsonl')).mtime.toISOString()).toBe('2026-03-08T10:20:30.000Z');
    const listing = run('tar', ['-tvzf', archive], tmpdir()).stdout;
    expect(listing).toMatch(/^-rw-r--r-- 0\/0 .* q1-evidence\/records\.jsonl$/m);
    expect(packFolderName('q1 fraud.tar.gz')).toBe('q1-fraud');
    expect(packFolderName('../.tgz')).toBe('evidence');
    expect(seqRanges([0, 1, 2, 5, 7, 8])).toBe('0-2, 5, 7-8');
  });

  it.runIf(HAVE_PYTHON)('prints a Python canonicalizer that agrees with RFC 8785 on any JSON value', () => {
    // The README's script up to where it starts reading the pack: its number and canonical functions.
    const functions = PACK_VERIFY_SCRIPT.slice(0, PACK_VERIFY_SCRIPT.indexOf("\nwith open('manifest.json'"));
    const driver = `${functions}\nimport sys\nfor line in sys.stdin.buffer.read().decode('utf-8').split('\\n')[:-1]:\n    print(hashlib.sha256(canonical(json.loads(line)).encode('utf-8')).hexdigest())\n`;
    const edges = [0, -0, 1e21, 1e-7, 1.5e-7, 123456789012345680000, 0.000001, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, -1e-7, 2 ** 60, { '\ue000': 1, '😀': 2, a: [null, true, 'é\u2028\u0001"\\'] }];
    const values = [...edges, ...fc.sample(fc.jsonValue({ maxDepth: 4, depthSize: 'small', stringUnit: 'binary' }), { numRuns: 400, seed: 42 })];
    const result = run('python3', ['-c', driver], tmpdir(), values.map((value) => `${JSON.stringify(value)}\n`).join(''));
    expect(result.stderr).toBe('');
    const hashes = result.stdout.trimEnd().split('\n');
    expect(hashes).toHaveLength(values.length);
    values.forEach((value, index) => expect(hashes[index], JSON.stringify(value)).toBe(sha256(canonicalJson(value))));
  });
});

/** A throwaway git repository; `commit` records the working tree as it is. */
function gitRepo(files: Record<string, string>): { dir: string; write: (files: Record<string, string>) => void; remove: (file: string) => void; commit: (message: string) => string } {
  const dir = makeRepo(files);
  const git = (...args: string[]) => {
    const result = run('git', ['-c', 'init.defaultBranch=main', '-c', 'user.name=release-manager', '-c', 'user.email=release-manager@example.com', ...args], dir);
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.trim();
  };
  git('init', '-q');
  return {
    dir,
    write: (more) => {
      for (const [file, content] of Object.entries(more)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
    },
    remove: (file) => rmSync(path.join(dir, file)),
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '-m', message);
      return git('rev-parse', 'HEAD');
    },
  };
}

const POLICY_HEADER = (name: string, version: string) => `apiVersion: modelgate/v1\nkind: Policy\nmetadata: { name: ${name}, version: ${version} }\n`;
const card = (version: string) => NATIVE_CARD.replace('version: 1.0.0', `version: ${version}`);

describe('modelgate audit pack', () => {
  let repo: ReturnType<typeof gitRepo>;
  let commits: string[];
  let records: AuditRecord[];
  let auditText: string;
  const check = () => {
    const result = runCli(['check', '--config', '.modelgate.yml', '--audit', 'file:audit.jsonl', '--actor', 'release-bot'], { cwd: repo.dir });
    expect([0, 1], result.stderr).toContain(result.status);
  };

  /**
   * Four checks of two models: the first at a commit whose config named another policy file,
   * the second at a commit whose extended policy file changed since, the third of the
   * working tree as committed, the fourth with an uncommitted change to one model card that
   * was then undone (its digest is nowhere any more).
   */
  beforeAll(() => {
    repo = gitRepo({
      '.gitignore': 'audit.jsonl*\n*.tar.gz\n',
      '.modelgate.yml': 'policy: policies/first.yaml\nmodels:\n  - { name: scorer, path: models/scorer }\n  - { name: router, path: models/router }\n',
      'policies/first.yaml': `${POLICY_HEADER('first', '1.0.0')}extends: [starter]\n`,
      'models/scorer/model_card.yaml': card('1.0.0'),
      'models/router/model_card.yaml': card('0.1.0'),
    });
    commits = [repo.commit('first policy')];
    check();
    repo.remove('policies/first.yaml');
    repo.write({
      '.modelgate.yml': 'policy: policies/ours.yaml\nmodels:\n  - { name: scorer, path: models/scorer }\n  - { name: router, path: models/router }\n',
      'policies/ours.yaml': `${POLICY_HEADER('ours', '2.0.0')}extends: [common/base.yaml]\n`,
      'policies/common/base.yaml': `${POLICY_HEADER('base', '1.0.0')}extends: [starter]\nrules:\n  - { id: base.always, description: always, check: "true" }\n`,
      'models/scorer/model_card.yaml': card('2.0.0'),
    });
    commits.push(repo.commit('our policy'));
    check();
    repo.write({
      'policies/common/base.yaml': `${POLICY_HEADER('base', '1.1.0')}extends: [starter]\nrules:\n  - { id: base.always, description: always, check: "1 == 1" }\n`,
      'models/scorer/model_card.yaml': card('3.0.0'),
    });
    commits.push(repo.commit('stricter base'));
    check();
    repo.write({ 'models/router/model_card.yaml': card('0.2.0-uncommitted') });
    check();
    repo.write({ 'models/router/model_card.yaml': card('0.1.0') });
    auditText = readFileSync(path.join(repo.dir, 'audit.jsonl'), 'utf8');
    records = auditText.trimEnd().split('\n').map((line) => JSON.parse(line) as AuditRecord);
    expect(records.map((record) => `${record.subject!.model}:${record.subject!.version}`)).toEqual([
      'scorer:1.0.0', 'router:0.1.0', 'scorer:2.0.0', 'router:0.1.0', 'scorer:3.0.0', 'router:0.1.0', 'scorer:3.0.0', 'router:0.2.0-uncommitted',
    ]);
    expect(new Set(records.map((record) => record.policy.name))).toEqual(new Set(['first', 'ours']));
  }, 120_000);

  const pack = (args: string[], out = 'evidence.tar.gz') => runCli(['audit', 'pack', '--audit', 'file:audit.jsonl', '--out', out, ...args], { cwd: repo.dir });
  const uncommitted = () => records[7]!.subject!.artefacts.find((artefact) => artefact.path === 'models/router/model_card.yaml')!.sha256;

  it('packs the records, and the artefacts and policies from the working tree and git history; a digest found nowhere fails the run', () => {
    const result = pack([]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^packed evidence\.tar\.gz: 8 records \(8 selected\), chain verified, head 7:[0-9a-f]{64}; artefacts 4 included, 1 missing; policies 3 included, 0 missing\n$/);
    expect(result.stderr).toBe(
      `modelgate: audit pack: missing artefact ${uncommitted()} (models/router/model_card.yaml)\n` +
        'modelgate: audit pack: 1 digest named by the records could not be found in . (working tree or git history); they are listed as missing in the pack. Pass --allow-missing to accept that\n',
    );
    const folder = extract(path.join(repo.dir, 'evidence.tar.gz'));
    expect(path.basename(folder)).toBe('evidence');
    expect(readFileSync(path.join(folder, 'records.jsonl'), 'utf8')).toBe(auditText);

    const manifest = manifestOf(folder);
    const sources = Object.fromEntries(manifest.artefacts.map((artefact) => [artefact.sha256, artefact.source ?? artefact.status]));
    const cardOf = (index: number) => records[index]!.subject!.artefacts[0]!.sha256;
    expect(sources).toEqual({
      [cardOf(0)]: `git ${commits[0]!.slice(0, 12)}:models/scorer/model_card.yaml`,
      [cardOf(2)]: `git ${commits[1]!.slice(0, 12)}:models/scorer/model_card.yaml`,
      [cardOf(4)]: 'working tree models/scorer/model_card.yaml',
      [cardOf(1)]: 'working tree models/router/model_card.yaml',
      [uncommitted()]: 'missing',
    });
    for (const artefact of manifest.artefacts.filter((a) => a.status === 'included')) {
      expect(sha256(readFileSync(path.join(folder, artefact.file!)))).toBe(artefact.sha256);
    }
    expect(readFileSync(path.join(folder, `artefacts/sha256/${cardOf(2)}`), 'utf8')).toBe(card('2.0.0'));

    const policies = manifest.policies.map((policy) => [policy.name, policy.version, policy.source, policy.sources!.map((file) => file.split('/sources/')[1])]);
    expect(policies).toHaveLength(3);
    expect(policies).toEqual(
      expect.arrayContaining([
        ['first', '1.0.0', `git ${commits[0]!.slice(0, 12)}`, ['repo/policies/first.yaml', 'packs/starter.yaml']],
        ['ours', '2.0.0', `git ${commits[1]!.slice(0, 12)}`, ['repo/policies/ours.yaml', 'repo/policies/common/base.yaml', 'packs/starter.yaml']],
        ['ours', '2.0.0', 'working tree', ['repo/policies/ours.yaml', 'repo/policies/common/base.yaml', 'packs/starter.yaml']],
      ]),
    );
    for (const policy of manifest.policies) expect(`sha256:${sha256(readFileSync(path.join(folder, policy.file!)))}`).toBe(policy.digest);
    const base = manifest.policies.find((policy) => policy.source === `git ${commits[1]!.slice(0, 12)}`)!;
    expect(readFileSync(path.join(folder, base.sources![1]!), 'utf8')).toContain('check: "true"');
    expect(readFileSync(path.join(folder, 'report.html'), 'utf8')).toContain('<h2>Chain verified</h2>');
    expect(JSON.parse(readFileSync(path.join(folder, 'verification.json'), 'utf8'))).toMatchObject({ ok: true, checked: 8, anchor: `7:${records[7]!.hash}` });

    expect(pack(['--allow-missing'], 'accepted.tar.gz')).toMatchObject({ status: 0, stderr: `modelgate: audit pack: missing artefact ${uncommitted()} (models/router/model_card.yaml)\n` });
  });

  it.runIf(HAVE_PYTHON)('can be checked without modelgate, as its README says, and the check catches tampering', () => {
    expect(pack(['--allow-missing']).status).toBe(0);
    const folder = extract(path.join(repo.dir, 'evidence.tar.gz'));
    const sums = runReadmeStep(folder, 0);
    expect(sums.status, sums.stdout + sums.stderr).toBe(0);
    expect(sums.stdout.trimEnd().split('\n')).toHaveLength(manifestOf(folder).files.length + 2);
    const chain = runReadmeStep(folder, 1);
    expect(chain).toEqual({
      status: 0,
      stdout: `records: 8 verified, head 7:${records[7]!.hash}\nmissing: artefact ${uncommitted()} (models/router/model_card.yaml)\nartefacts: 4 of 5 present and matching; policies: 3 of 3\n`,
      stderr: '',
    });

    // An edited record: its hash no longer matches. The checksums catch it too.
    const edited = `${folder}-edited`;
    cpSync(folder, edited, { recursive: true });
    const lines = auditText.split('\n');
    lines[2] = lines[2]!.replace('"actor":"release-bot"', '"actor":"someone-else"');
    writeFileSync(path.join(edited, 'records.jsonl'), lines.join('\n'));
    expect(runReadmeStep(edited, 0).status).not.toBe(0);
    expect(runReadmeStep(edited, 1)).toMatchObject({ status: 1, stdout: expect.stringMatching(/^records: 2 verified, head 1:[0-9a-f]{64}\n[\s\S]*FAILED: line 3: the hash does not match the content \(the record was edited\)\n$/) });

    // A record edited with its hash recomputed: the next record's prev no longer links.
    const relinked = `${folder}-relinked`;
    cpSync(folder, relinked, { recursive: true });
    const record = { ...records[2]!, actor: 'someone-else' };
    const { hash: _hash, ...body } = record;
    lines[2] = canonicalJson({ ...body, hash: sha256(canonicalJson(body)) });
    writeFileSync(path.join(relinked, 'records.jsonl'), lines.join('\n'));
    expect(runReadmeStep(relinked, 1).stdout).toMatch(/FAILED: line 4: seq 3 or prev does not follow the record before it\n$/);

    // A swapped artefact: its content no longer matches its digest.
    const swapped = `${folder}-swapped`;
    cpSync(folder, swapped, { recursive: true });
    const artefact = manifestOf(folder).artefacts.find((a) => a.status === 'included')!;
    writeFileSync(path.join(swapped, artefact.file!), 'something else\n');
    expect(runReadmeStep(swapped, 0).stdout).toContain(`${artefact.file}: FAILED`);
    expect(runReadmeStep(swapped, 1)).toMatchObject({ status: 1, stdout: expect.stringContaining(`FAILED: ${artefact.file}: the content does not match the digest in the records`) });
  });

  it('selects records with the log filters, keeping the whole chain so it can be verified', () => {
    const result = pack(['--model', 'scorer', '--until', '2999-12-31'], 'scorer.tar.gz');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const folder = extract(path.join(repo.dir, 'scorer.tar.gz'));
    const manifest = manifestOf(folder);
    expect(manifest.records.selected).toEqual([0, 2, 4, 6]);
    expect(manifest.selection).toEqual(['--model scorer', '--until 2999-12-31']);
    expect(manifest.artefacts.map((artefact) => [artefact.paths, artefact.status])).toEqual(Array.from({ length: 3 }, () => [['models/scorer/model_card.yaml'], 'included']));
    expect(readFileSync(path.join(folder, 'records.jsonl'), 'utf8')).toBe(auditText);
    expect(readFileSync(path.join(folder, 'README.md'), 'utf8')).toContain('| Records | 8 stored, 4 selected (seq 0, 2, 4, 6) |');
  });

  it('packs a broken chain as stored, says where it breaks, and exits 1', () => {
    const lines = auditText.trimEnd().split('\n');
    writeFileSync(path.join(repo.dir, 'audit.jsonl.broken'), `${[...lines.slice(0, 3), ...lines.slice(4)].join('\n')}\n`);
    const result = runCli(['audit', 'pack', '--audit', 'file:audit.jsonl.broken', '--out', 'broken.tar.gz', '--allow-missing'], { cwd: repo.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^packed broken\.tar\.gz: 7 records \(3 selected\), chain broken at seq 4;/);
    expect(result.stderr).toMatch(/modelgate: audit chain broken: record seq 4 \(id [^)]+\) at audit\.jsonl\.broken:4: expected seq 3, found seq 4: records were deleted or moved/);
    const folder = extract(path.join(repo.dir, 'broken.tar.gz'));
    expect(readFileSync(path.join(folder, 'records.jsonl'), 'utf8')).toBe(readFileSync(path.join(repo.dir, 'audit.jsonl.broken'), 'utf8'));
    expect(manifestOf(folder).chain).toMatchObject({ ok: false, stored: 7, verified: 3, head: `2:${records[2]!.hash}`, broken: { seq: 4, reason: 'expected seq 3, found seq 4: records were deleted or moved' } });
    expect(readFileSync(path.join(folder, 'report.html'), 'utf8')).toContain('<h2>Chain broken</h2>');
    if (HAVE_PYTHON) expect(runReadmeStep(folder, 1).stdout).toMatch(/FAILED: line 4: seq 4 or prev does not follow the record before it\n$/);
  });

  it('looks in the working tree only outside a git repository, and says so', () => {
    const plain = makeRepo({ 'models/scorer/model_card.yaml': card('3.0.0') });
    writeFileSync(path.join(plain, 'audit.jsonl'), auditText);
    const result = runCli(['audit', 'pack', '--audit', 'file:audit.jsonl', '--out', 'plain.tgz', '--model', 'scorer', '--since', records[4]!.time], { cwd: plain });
    expect(result.stderr).toMatch(/^modelgate: audit pack: .* is not in a git working tree: artefacts and policies are looked up in the working tree only\n/);
    expect(result.stdout).toMatch(/artefacts 1 included, 0 missing; policies 0 included, 1 missing\n$/);
    expect(result.stderr).toMatch(/missing policy ours 2\.0\.0 \(sha256:[0-9a-f]{64}\)\n/);
    expect(result.status).toBe(1);
    expect(existsSync(path.join(plain, 'plain.tgz'))).toBe(true);
  });

  it('refuses a missing --out and an unreadable store with exit 2', () => {
    expect(runCli(['audit', 'pack', '--audit', 'file:audit.jsonl'], { cwd: repo.dir })).toMatchObject({ status: 2, stderr: expect.stringMatching(/required option '-o, --out <file>' not specified/) });
    expect(runCli(['audit', 'pack', '--audit', 'file:none.jsonl', '--out', 'x.tar.gz'], { cwd: repo.dir })).toMatchObject({ status: 2, stderr: 'modelgate: audit file not found: none.jsonl\n' });
    expect(existsSync(path.join(repo.dir, 'x.tar.gz'))).toBe(false);
  });
});

requirePostgres('the evidence pack of a PostgreSQL chain');

describe.runIf(POSTGRES_URL)('modelgate audit pack of a postgres:// store', () => {
  it('holds each row body exactly, one per line, and the artefacts from the working tree', () => {
    const dir = makeRepo({});
    const url = chainUrl();
    expect(runCli(['audit', 'migrate', '--audit', url], { cwd: dir }).status).toBe(0);
    const check = runCli(['check', '--config', path.join(DEMO_REPO, '.modelgate.yml'), '--model', 'fraud-scorer', '--model', 'support-router', '--audit', url], { cwd: dir });
    expect([0, 1], check.stderr).toContain(check.status);
    const exported = JSON.parse(runCli(['audit', 'export', '--audit', url, '--format', 'json'], { cwd: dir }).stdout) as AuditRecord[];
    const result = runCli(['audit', 'pack', '--audit', url, '--out', 'pg.tar.gz', '--repo', DEMO_REPO], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^packed pg\.tar\.gz: 2 records \(2 selected\), chain verified, head 1:[0-9a-f]{64}; artefacts \d+ included, 0 missing; policies 1 included, 0 missing\n$/);
    expect(result.status).toBe(0);
    const folder = extract(path.join(dir, 'pg.tar.gz'));
    expect(readFileSync(path.join(folder, 'records.jsonl'), 'utf8')).toBe(exported.map((record) => `${canonicalJson(record)}\n`).join(''));
    expect(manifestOf(folder).store).not.toContain(new URL(POSTGRES_URL!).password);
    if (HAVE_PYTHON) expect(runReadmeStep(folder, 1)).toMatchObject({ status: 0, stdout: expect.stringMatching(/^records: 2 verified, head 1:/) });
  });
});

function manifestOf(folder: string): PackManifest {
  return JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as PackManifest;
}
