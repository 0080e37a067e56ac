export const id = 356;
export const ids = [356];
export const modules = {

/***/ 35356:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EVIDENCE_PACK_FORMAT: () => (/* binding */ EVIDENCE_PACK_FORMAT),
  PACK_FILES: () => (/* binding */ PACK_FILES),
  buildEvidencePack: () => (/* binding */ buildEvidencePack),
  packFolderName: () => (/* binding */ packFolderName),
  policyDigestHex: () => (/* binding */ policyDigestHex),
  renderChecksums: () => (/* binding */ renderChecksums),
  sha256Hex: () => (/* binding */ sha256Hex),
  wantedEvidence: () => (/* binding */ wantedEvidence)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/policy/load.ts
var load = __webpack_require__(58164);
// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(71013);
;// CONCATENATED MODULE: ./src/audit/pack-readme.ts
/**
 * The README of an evidence pack: what is in it and how to check all of it without modelgate,
 * with `sha256sum` and a short Python script (standard library only) that recomputes every
 * record hash with RFC 8785 canonical JSON. The script is printed in full so an auditor can
 * read what they run; test/audit/pack.test.ts runs it exactly as printed.
 */
/** Python 3.9+, standard library only. Run in the pack's folder; exit 1 on any mismatch. */
const PACK_VERIFY_SCRIPT = String.raw `import hashlib, json, os, re, sys
from decimal import Decimal

def number(value):
    # ECMAScript Number.prototype.toString, which RFC 8785 prescribes for numbers.
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float('inf'), float('-inf')):
        raise ValueError('not a JSON number')
    if value == 0:
        return '0'
    sign, (_, digits, exponent) = '-' if value < 0 else '', Decimal(repr(abs(value))).normalize().as_tuple()
    s, k = ''.join(map(str, digits)), len(digits)
    n = exponent + k
    if k <= n <= 21:
        return sign + s + '0' * (n - k)
    if 0 < n <= 21:
        return sign + s[:n] + '.' + s[n:]
    if -6 < n <= 0:
        return sign + '0.' + '0' * -n + s
    return sign + s[0] + ('.' + s[1:] if k > 1 else '') + 'e' + ('+' if n > 0 else '-') + str(abs(n - 1))

def canonical(value):
    # RFC 8785: members sorted by UTF-16 code units, no whitespace, ECMAScript strings and numbers.
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return '[' + ','.join(canonical(item) for item in value) + ']'
    keys = sorted(value, key=lambda key: key.encode('utf-16-be'))
    return '{' + ','.join(json.dumps(key, ensure_ascii=False) + ':' + canonical(value[key]) for key in keys) + '}'

def sha256_of(path):
    with open(path, 'rb') as file:
        return hashlib.sha256(file.read()).hexdigest()

with open('manifest.json', encoding='utf-8') as file:
    selected = set(json.load(file)['records']['selected'])
problems, artefacts, policies, seq, prev = [], {}, {}, 0, None
with open('records.jsonl', 'rb') as records:
    for line in records:
        if not line.endswith(b'\n'):
            problems.append(f'line {seq + 1}: incomplete (no newline at its end)')
            break
        text = line[:-1].decode('utf-8')
        record = json.loads(text)
        body = {key: value for key, value in record.items() if key != 'hash'}
        if canonical(record) != text:
            problems.append(f'line {seq + 1}: not the canonical JSON of the record')
        elif hashlib.sha256(canonical(body).encode('utf-8')).hexdigest() != record.get('hash'):
            problems.append(f'line {seq + 1}: the hash does not match the content (the record was edited)')
        elif record.get('seq') != seq or record.get('prev') != prev:
            problems.append(f'line {seq + 1}: seq {record.get("seq")} or prev does not follow the record before it')
        if problems:
            break
        if seq in selected:
            for artefact in (record.get('subject') or {}).get('artefacts', []):
                artefacts.setdefault(artefact['sha256'], artefact['path'])
            for policy in [record['policy'], (record.get('change') or {}).get('previous')]:
                if policy:
                    policies.setdefault(policy['digest'], policy['name'] + ' ' + policy['version'])
        seq, prev = seq + 1, record['hash']
print(f'records: {seq} verified' + (f', head {seq - 1}:{prev}' if seq else ''))
found = {'artefacts': 0, 'policies': 0}
for kind, wanted in (('artefacts', artefacts), ('policies', policies)):
    for digest, what in sorted(wanted.items()):
        name = digest.removeprefix('sha256:') if kind == 'policies' else digest
        path = os.path.join(kind, 'sha256', name, 'policy.json') if kind == 'policies' else os.path.join(kind, 'sha256', name)
        if not re.fullmatch('[0-9a-f]{64}', name) or not os.path.exists(path):
            print(f'missing: {kind[:-1] if kind == "artefacts" else "policy"} {digest} ({what})')
        elif sha256_of(path) != name:
            problems.append(f'{path}: the content does not match the digest in the records')
        else:
            found[kind] += 1
print(f'artefacts: {found["artefacts"]} of {len(artefacts)} present and matching; policies: {found["policies"]} of {len(policies)}')
for problem in problems:
    print('FAILED:', problem)
sys.exit(1 if problems else 0)
`;
function renderPackReadme(manifest) {
    const { chain } = manifest;
    const chainLine = chain.broken
        ? `**broken**: ${chain.verified} record${plural(chain.verified)} verified, then ${chain.broken.seq !== undefined ? `record seq ${chain.broken.seq}` : `the entry at position ${chain.broken.position}`}${chain.broken.where ? ` (${chain.broken.where})` : ''}: ${chain.broken.reason}`
        : chain.head
            ? `verified: ${chain.verified} record${plural(chain.verified)}, head \`${chain.head}\``
            : 'verified: the store holds no records';
    const included = (list) => list.filter((item) => item.status === 'included').length;
    const missing = [
        ...manifest.artefacts.filter((a) => a.status === 'missing').map((a) => `- artefact \`${a.sha256}\`, recorded at ${a.paths.map(code).join(', ')}`),
        ...manifest.policies.filter((p) => p.status === 'missing').map((p) => `- policy ${pack_readme_text(p.name)} ${pack_readme_text(p.version)}, \`${pack_readme_text(p.digest)}\`${p.reason ? ` (${p.reason})` : ''}`),
    ];
    const selection = manifest.selection.length > 0 ? `Records selected with \`${pack_readme_text(manifest.selection.join(' '))}\`.` : 'All records are selected.';
    return `# Evidence pack

Made by ${manifest.generator} at ${manifest.created} from the audit trail \`${pack_readme_text(manifest.store)}\`. ${selection}

| | |
|---|---|
| Records | ${chain.stored} stored, ${manifest.records.selected.length} selected${manifest.records.selected.length > 0 ? ` (seq ${seqRanges(manifest.records.selected)})` : ''} |
| Chain | ${chainLine} |
| Artefacts | ${included(manifest.artefacts)} included, ${manifest.missing.artefacts} missing |
| Policies | ${included(manifest.policies)} included, ${manifest.missing.policies} missing |
${missing.length > 0 ? `\nNot found when the pack was made (neither in the working tree nor in the git history):\n\n${missing.join('\n')}\n` : ''}
## Contents

| file | what it is |
|---|---|
| \`records.jsonl\` | every record of the chain, exactly as stored: one record per line, each its own canonical JSON |
| \`verification.json\` | the chain check made when the pack was made, and the head to compare with |
| \`report.html\` | the selected records for people: decision history with filters, per-model timelines, who approved each promotion; opens in a browser without network access |
| \`artefacts/sha256/<hex>\` | every artefact file the selected records judged, named by the sha256 of its content |
| \`policies/sha256/<hex>/policy.json\` | every policy the selected records were judged by: the canonical JSON whose sha256 is the policy digest in the records (\`sha256:<hex>\`) |
| \`policies/sha256/<hex>/sources/\` | the policy files it was read from (\`repo/\`: files of the repository, \`packs/\`: policy packs shipped with modelgate) |
| \`manifest.json\` | where each artefact and policy was found, what is missing, and the sha256 and size of every file |
| \`MANIFEST.sha256\` | the sha256 of every other file, in \`sha256sum\` format |

## Verifying without modelgate

You need \`sha256sum\` (GNU coreutils; on macOS \`shasum -a 256\`) and Python 3.9 or later with its
standard library only. Nothing is installed or downloaded. Run each step in this folder.

**1. Every file is intact.** Each line must say \`OK\`:

\`\`\`sh
sha256sum -c MANIFEST.sha256
\`\`\`

**2. The chain, the artefacts and the policies.** The script below reads \`records.jsonl\` and,
for every record in order, checks that the line is the record's canonical JSON (RFC 8785),
that the sha256 of the canonical JSON of the record without its \`hash\` member equals
\`hash\`, that \`seq\` is its position (0 for the first) and that \`prev\` is the hash of the
record before it (null for the first). For the selected records it then checks that every
artefact file and every \`policy.json\` named by a digest in the records hashes to that
digest. It prints the head of the chain, lists what is missing, and exits 1 with a
\`FAILED\` line for any mismatch. It is short: read it before you run it.

\`\`\`sh
python3 - <<'VERIFY'
${PACK_VERIFY_SCRIPT}VERIFY
\`\`\`

**3. The chain is the one that was kept.** A chain rewritten from start to end with every hash
recomputed still verifies. Compare the head printed in step 2 (\`seq:hash\`) with a head kept
outside the store: one printed by \`modelgate audit verify\` in a CI log, a ticket or a signed
release note. The chain must hold a record with that seq and that hash.

**4. The artefacts are the repository's files.** An artefact's name is the sha256 of its content;
the records name each artefact by that digest and by its path in the repository. To tie it
to the repository, run \`git show <commit>:<path> | sha256sum\` for the commit that was checked.

### The rules, for another implementation

- A record's \`hash\` is the sha256 (lowercase hex) of the UTF-8 bytes of the RFC 8785 canonical
  JSON of the record without its \`hash\` member.
- Record \`i\` (0-based line number) has \`seq\` = \`i\`; \`prev\` is null for the first record and
  the \`hash\` of record \`i - 1\` otherwise.
- Each line of \`records.jsonl\` is exactly the canonical JSON of its record, with its \`hash\`.
- \`subject.artefacts[].sha256\` names \`artefacts/sha256/<sha256>\`; a policy digest
  \`sha256:<hex>\` names \`policies/sha256/<hex>/policy.json\`, whose sha256 is \`<hex>\`.
`;
}
function code(value) {
    return `\`${pack_readme_text(value)}\``;
}
/** Record text in Markdown: backticks would end a code span, line breaks a list item. */
function pack_readme_text(value) {
    return value.replace(/`/g, "'").replace(/[\r\n]+/g, ' ');
}
/** `0-4, 7, 9-10` for [0,1,2,3,4,7,9,10]. */
function seqRanges(seqs) {
    const parts = [];
    for (let index = 0; index < seqs.length;) {
        let end = index;
        while (end + 1 < seqs.length && seqs[end + 1] === seqs[end] + 1)
            end += 1;
        parts.push(end === index ? `${seqs[index]}` : `${seqs[index]}-${seqs[end]}`);
        index = end + 1;
    }
    return parts.join(', ');
}
function plural(count) {
    return count === 1 ? '' : 's';
}

// EXTERNAL MODULE: ./src/audit/verify.ts + 1 modules
var verify = __webpack_require__(81234);
;// CONCATENATED MODULE: ./src/audit/pack.ts





/**
 * Evidence packs: everything an auditor needs to check a stretch of the audit trail on their
 * own, in one archive. Pure: the edge finds the files (working tree, git history) and writes
 * the archive; this module decides what goes in, under which names, and writes the manifest
 * and the README.
 */
const EVIDENCE_PACK_FORMAT = 'modelgate.evidence-pack/v1';
/** The files every pack has, by name inside the pack's folder. */
const PACK_FILES = {
    readme: 'README.md',
    checksums: 'MANIFEST.sha256',
    manifest: 'manifest.json',
    records: 'records.jsonl',
    verification: 'verification.json',
    report: 'report.html',
};
function wantedEvidence(records) {
    const artefacts = new Map();
    const policies = new Map();
    const wantPolicy = (policy) => {
        if (!policies.has(policy.digest))
            policies.set(policy.digest, { name: policy.name, version: policy.version });
    };
    for (const record of records) {
        for (const artefact of record.subject?.artefacts ?? []) {
            const paths = artefacts.get(artefact.sha256) ?? new Set();
            paths.add(artefact.path);
            artefacts.set(artefact.sha256, paths);
        }
        wantPolicy(record.policy);
        if (record.kind === 'policy_change' && record.change.previous)
            wantPolicy(record.change.previous);
    }
    return {
        artefacts: new Map([...artefacts.entries()].sort(([a], [b]) => compare(a, b)).map(([sha256, paths]) => [sha256, [...paths].sort(compare)])),
        policies: new Map([...policies.entries()].sort(([a], [b]) => compare(a, b))),
    };
}
/** A policy digest as the hex that names its files, or undefined when it is not a sha256 digest. */
function policyDigestHex(digest) {
    return /^sha256:([0-9a-f]{64})$/.exec(digest)?.[1];
}
/** Builds every file of the pack, the manifest and README last, as they describe the others. */
function buildEvidencePack(input) {
    const encoder = new TextEncoder();
    const wanted = wantedEvidence(input.selected);
    const content = [
        { path: PACK_FILES.records, bytes: encoder.encode(input.entries.map((entry) => `${entry.text}${entry.incomplete ? '' : '\n'}`).join('')) },
        { path: PACK_FILES.verification, bytes: encoder.encode(`${JSON.stringify(verificationJson(input), null, 2)}\n`) },
        { path: PACK_FILES.report, bytes: encoder.encode(input.reportHtml) },
    ];
    const artefacts = [];
    for (const [sha256, paths] of wanted.artefacts) {
        const found = input.artefacts.get(sha256);
        if (!found) {
            artefacts.push({ sha256, paths, status: 'missing' });
            continue;
        }
        const actual = sha256Hex(found.bytes);
        if (actual !== sha256)
            throw new Error(`artefact ${sha256} from ${found.source} has sha256 ${actual}`);
        const file = `artefacts/sha256/${sha256}`;
        content.push({ path: file, bytes: found.bytes });
        artefacts.push({ sha256, paths, status: 'included', file, source: found.source, size: found.bytes.length });
    }
    const policies = [];
    for (const [digest, recorded] of wanted.policies) {
        const hex = policyDigestHex(digest);
        const found = input.policies.get(digest);
        if (!hex || !found) {
            policies.push({ digest, ...recorded, status: 'missing', ...(!hex && { reason: 'not a sha256 digest' }) });
            continue;
        }
        const text = (0,load/* policyDigestContent */.Av)(found.policy);
        if (sha256Hex(encoder.encode(text)) !== hex)
            throw new Error(`policy ${found.policy.name} ${found.policy.version} from ${found.source} does not hash to ${digest}`);
        const folder = `policies/sha256/${hex}`;
        content.push({ path: `${folder}/policy.json`, bytes: encoder.encode(text) });
        const sources = found.files.map((file, index) => {
            const path = `${folder}/sources/${policySourceName(file.path, index)}`;
            content.push({ path, bytes: encoder.encode(file.text) });
            return path;
        });
        policies.push({ digest, name: found.policy.name, version: found.policy.version, status: 'included', file: `${folder}/policy.json`, sources, source: found.source });
    }
    const manifest = {
        format: EVIDENCE_PACK_FORMAT,
        created: input.createdAt.toISOString(),
        generator: `modelgate ${version/* VERSION */.x}`,
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
function renderChecksums(files) {
    return files.map((file) => `${sha256Hex(file.bytes)}  ${file.path}\n`).join('');
}
function chainSummary(input) {
    const { verification } = input;
    return {
        ok: verification.ok,
        stored: input.entries.length,
        verified: verification.checked,
        head: verification.head ? (0,verify/* formatAnchor */.zG)(verification.head) : null,
        broken: verification.broken ?? null,
    };
}
function verificationJson(input) {
    return { store: input.store, verified_at: input.createdAt.toISOString(), ...input.verification, ...(input.verification.head && { anchor: (0,verify/* formatAnchor */.zG)(input.verification.head) }) };
}
/**
 * A policy file's name inside the pack: repository files keep their path under `repo/`,
 * shipped packs go under `packs/`; anything else (a path outside the repository) by position.
 */
function policySourceName(shown, index) {
    if (shown.startsWith('pack:'))
        return `packs/${shown.slice('pack:'.length)}.yaml`;
    const clean = shown.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
    return clean ? `repo/${shown}` : `other/${index}-${shown.split('/').at(-1) || 'policy.yaml'}`;
}
function sha256Hex(bytes) {
    return (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
}
/** The folder name inside the archive, from the archive's file name (`q1-fraud.tar.gz` → `q1-fraud`). */
function packFolderName(fileName) {
    const base = fileName.replace(/\.(tar\.gz|tgz)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
    return base || 'evidence';
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
