import { createHash } from 'node:crypto';
import { policyDigestContent, type PolicyText, type ResolvedPolicy } from '../policy/load.js';
import { VERSION } from '../version.js';
import { renderPackReadme } from './pack-readme.js';
import type { AuditRecord } from './record.js';
import { formatAnchor, type BrokenRecord, type ChainVerification } from './verify.js';

/**
 * Evidence packs: everything an auditor needs to check a stretch of the audit trail on their
 * own, in one archive. Pure: the edge finds the files (working tree, git history) and writes
 * the archive; this module decides what goes in, under which names, and writes the manifest
 * and the README.
 */

export const EVIDENCE_PACK_FORMAT = 'modelgate.evidence-pack/v1';

/** The files every pack has, by name inside the pack's folder. */
export const PACK_FILES = {
  readme: 'README.md',
  checksums: 'MANIFEST.sha256',
  manifest: 'manifest.json',
  records: 'records.jsonl',
  verification: 'verification.json',
  report: 'report.html',
} as const;

/** What the selected records name: artefact digests (with the paths they were judged at) and policy digests. */
export interface WantedEvidence {
  /** sha256 hex → the repository paths it was recorded at, sorted. */
  artefacts: Map<string, string[]>;
  /** policy digest (`sha256:<hex>`) → the names and versions recorded with it. */
  policies: Map<string, { name: string; version: string }>;
}

export function wantedEvidence(records: readonly AuditRecord[]): WantedEvidence {
  const artefacts = new Map<string, Set<string>>();
  const policies = new Map<string, { name: string; version: string }>();
  const wantPolicy = (policy: { name: string; version: string; digest: string }) => {
    if (!policies.has(policy.digest)) policies.set(policy.digest, { name: policy.name, version: policy.version });
  };
  for (const record of records) {
    for (const artefact of record.subject?.artefacts ?? []) {
      const paths = artefacts.get(artefact.sha256) ?? new Set<string>();
      paths.add(artefact.path);
      artefacts.set(artefact.sha256, paths);
    }
    wantPolicy(record.policy);
    if (record.kind === 'policy_change' && record.change.previous) wantPolicy(record.change.previous);
  }
  return {
    artefacts: new Map([...artefacts.entries()].sort(([a], [b]) => compare(a, b)).map(([sha256, paths]) => [sha256, [...paths].sort(compare)])),
    policies: new Map([...policies.entries()].sort(([a], [b]) => compare(a, b))),
  };
}

/** A policy digest as the hex that names its files, or undefined when it is not a sha256 digest. */
export function policyDigestHex(digest: string): string | undefined {
  return /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
}

export interface FoundArtefact {
  bytes: Uint8Array;
  /** Where it was found, for the manifest: `working tree models/a/card.yaml`, `git 1a2b3c4d5e6f:models/a/card.yaml`. */
  source: string;
}

export interface FoundPolicy {
  policy: ResolvedPolicy;
  /** The policy files as read (the policy and everything it extends), by their display path (`pack:<name>` for shipped packs). */
  files: readonly PolicyText[];
  source: string;
}

export interface EvidencePackInput {
  createdAt: Date;
  store: string;
  /** How the records were selected, as command-line options; empty for all. */
  selection: readonly string[];
  /** Every stored record in chain order, as its exact stored text. */
  entries: readonly { text: string; incomplete?: boolean }[];
  verification: ChainVerification;
  /** The verified records the selection kept. */
  selected: readonly AuditRecord[];
  artefacts: ReadonlyMap<string, FoundArtefact>;
  policies: ReadonlyMap<string, FoundPolicy>;
  reportHtml: string;
}

export interface PackFile {
  path: string;
  bytes: Uint8Array;
}

export interface ManifestArtefact {
  sha256: string;
  paths: string[];
  status: 'included' | 'missing';
  file?: string;
  source?: string;
  size?: number;
}

export interface ManifestPolicy {
  digest: string;
  name: string;
  version: string;
  status: 'included' | 'missing';
  /** `policy.json`: the canonical JSON whose sha256 is the digest. */
  file?: string;
  /** The policy files as read, for people. */
  sources?: string[];
  source?: string;
  reason?: string;
}

export interface PackManifest {
  format: typeof EVIDENCE_PACK_FORMAT;
  created: string;
  generator: string;
  store: string;
  selection: string[];
  chain: { ok: boolean; stored: number; verified: number; head: string | null; broken: BrokenRecord | null };
  records: { file: string; selected: number[] };
  artefacts: ManifestArtefact[];
  policies: ManifestPolicy[];
  missing: { artefacts: number; policies: number };
  /** Every file of the pack but manifest.json and MANIFEST.sha256, with its sha256 and size. */
  files: { path: string; sha256: string; size: number }[];
}

export interface EvidencePack {
  files: PackFile[];
  manifest: PackManifest;
}

/** Builds every file of the pack, the manifest and README last, as they describe the others. */
export function buildEvidencePack(input: EvidencePackInput): EvidencePack {
  const encoder = new TextEncoder();
  const wanted = wantedEvidence(input.selected);
  const content: PackFile[] = [
    { path: PACK_FILES.records, bytes: encoder.encode(input.entries.map((entry) => `${entry.text}${entry.incomplete ? '' : '\n'}`).join('')) },
    { path: PACK_FILES.verification, bytes: encoder.encode(`${JSON.stringify(verificationJson(input), null, 2)}\n`) },
    { path: PACK_FILES.report, bytes: encoder.encode(input.reportHtml) },
  ];

  const artefacts: ManifestArtefact[] = [];
  for (const [sha256, paths] of wanted.artefacts) {
    const found = input.artefacts.get(sha256);
    if (!found) {
      artefacts.push({ sha256, paths, status: 'missing' });
      continue;
    }
    const actual = sha256Hex(found.bytes);
    if (actual !== sha256) throw new Error(`artefact ${sha256} from ${found.source} has sha256 ${actual}`);
    const file = `artefacts/sha256/${sha256}`;
    content.push({ path: file, bytes: found.bytes });
    artefacts.push({ sha256, paths, status: 'included', file, source: found.source, size: found.bytes.length });
  }

  const policies: ManifestPolicy[] = [];
  for (const [digest, recorded] of wanted.policies) {
    const hex = policyDigestHex(digest);
    const found = input.policies.get(digest);
    if (!hex || !found) {
      policies.push({ digest, ...recorded, status: 'missing', ...(!hex && { reason: 'not a sha256 digest' }) });
      continue;
    }
    const text = policyDigestContent(found.policy);
    if (sha256Hex(encoder.encode(text)) !== hex) throw new Error(`policy ${found.policy.name} ${found.policy.version} from ${found.source} does not hash to ${digest}`);
    const folder = `policies/sha256/${hex}`;
    content.push({ path: `${folder}/policy.json`, bytes: encoder.encode(text) });
    const sources = found.files.map((file, index) => {
      const path = `${folder}/sources/${policySourceName(file.path, index)}`;
      content.push({ path, bytes: encoder.encode(file.text) });
      return path;
    });
    policies.push({ digest, name: found.policy.name, version: found.policy.version, status: 'included', file: `${folder}/policy.json`, sources, source: found.source });
  }

  const manifest: PackManifest = {
    format: EVIDENCE_PACK_FORMAT,
    created: input.createdAt.toISOString(),
    generator: `modelgate ${VERSION}`,
    store: input.store,
    selection: [...input.selection],
    chain: chainSummary(input),
    records: { file: PACK_FILES.records, selected: input.selected.map((record) => record.seq) },
    artefacts,
    policies,
    missing: { artefacts: artefacts.filter((a) => a.status === 'missing').length, policies: policies.filter((p) => p.status === 'missing').length },
    files: content.map((file) => ({ path: file.path, sha256: sha256Hex(file.bytes), size: file.bytes.length })),
  };
  const readme = { path: PACK_FILES.readme, bytes: encoder.encode(renderPackReadme(manifest)) };
  const manifestFile = { path: PACK_FILES.manifest, bytes: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  const checked = [readme, manifestFile, ...content];
  const checksums = { path: PACK_FILES.checksums, bytes: encoder.encode(renderChecksums(checked)) };
  return { files: [readme, checksums, manifestFile, ...content], manifest };
}

/** `sha256sum` output: `<hex>  <path>` per line, which `sha256sum -c` checks. */
export function renderChecksums(files: readonly PackFile[]): string {
  return files.map((file) => `${sha256Hex(file.bytes)}  ${file.path}\n`).join('');
}

function chainSummary(input: EvidencePackInput): PackManifest['chain'] {
  const { verification } = input;
  return {
    ok: verification.ok,
    stored: input.entries.length,
    verified: verification.checked,
    head: verification.head ? formatAnchor(verification.head) : null,
    broken: verification.broken ?? null,
  };
}

function verificationJson(input: EvidencePackInput) {
  return { store: input.store, verified_at: input.createdAt.toISOString(), ...input.verification, ...(input.verification.head && { anchor: formatAnchor(input.verification.head) }) };
}

/**
 * A policy file's name inside the pack: repository files keep their path under `repo/`,
 * shipped packs go under `packs/`; anything else (a path outside the repository) by position.
 */
function policySourceName(shown: string, index: number): string {
  if (shown.startsWith('pack:')) return `packs/${shown.slice('pack:'.length)}.yaml`;
  const clean = shown.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return clean ? `repo/${shown}` : `other/${index}-${shown.split('/').at(-1) || 'policy.yaml'}`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The folder name inside the archive, from the archive's file name (`q1-fraud.tar.gz` → `q1-fraud`). */
export function packFolderName(fileName: string): string {
  const base = fileName.replace(/\.(tar\.gz|tgz)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  return base || 'evidence';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
