export const id = 374;
export const ids = [374];
export const modules = {

/***/ 7114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ sha256OfCanonicalText),
/* harmony export */   IX: () => (/* binding */ nextLink),
/* harmony export */   UM: () => (/* binding */ AUDIT_RECORD_FORMAT),
/* harmony export */   Us: () => (/* binding */ snapshotApproval),
/* harmony export */   cz: () => (/* binding */ buildDecisionRecord),
/* harmony export */   dj: () => (/* reexport safe */ _canonical_js__WEBPACK_IMPORTED_MODULE_1__.d),
/* harmony export */   eH: () => (/* binding */ AuditRecordSchema),
/* harmony export */   ob: () => (/* binding */ snapshotResult),
/* harmony export */   xe: () => (/* binding */ sealRecord)
/* harmony export */ });
/* unused harmony exports RECORD_KINDS, TRIGGER_TYPES, ArtefactDigestSchema, RecordSubjectSchema, REGISTRY_NAMES, EnforcementSchema, TriggerSchema, PolicyRefSchema, RecordResultSchema, ApprovalSnapshotSchema, WaiverDetailSchema, ObservedMetricSchema, ObservedDatasetSchema, ObservationsSchema, PolicyChangeDetailSchema, hashRecord, normalizeArtefacts */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _canonical_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98273);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13798);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64377);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37428);




/**
 * Audit records: one JSON object per event, chained by hash. Everything here is pure:
 * stores decide where records live, this module decides what a record is and how it is sealed.
 */
/** Written into every record, so a later format can change fields without old records becoming ambiguous. */
const AUDIT_RECORD_FORMAT = 'modelgate.audit/v1';
const RECORD_KINDS = (/* unused pure expression or super */ null && (['decision', 'approval', 'waiver', 'policy_change']));
const TRIGGER_TYPES = ['cli', 'pull_request', 'release', 'registry'];
const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');
const text = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().min(1);
const ArtefactDigestSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ path: text, sha256: sha256Hex });
const RecordSubjectSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    model: text,
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().nullable(),
    /** Every artefact file the decision read, by repository-relative path, sorted by path. */
    artefacts: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ArtefactDigestSchema),
});
const REGISTRY_NAMES = ['mlflow', 'huggingface', 'sagemaker'];
/**
 * What a registry hook did to the registry because of the decision, before recording it:
 * a blocked promotion's alias removed, or moved back to the version that last passed the
 * gate for it; `alias_unchanged` when the alias had already moved on.
 */
const EnforcementSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    action: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['alias_removed', 'alias_restored', 'alias_unchanged']),
    alias: text,
    /** The version the alias was moved back to (`alias_restored`). */
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** Why, in words. */
    reason: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
});
/**
 * The optional fields came with the registry hooks; records written before them lack them,
 * so each stays optional and old records keep their hashes.
 */
const TriggerSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(TRIGGER_TYPES),
    ref: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The registry whose event started the check (type `registry`). */
    registry: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(REGISTRY_NAMES).optional(),
    /** The registry's name for the event, e.g. `model_version_alias.created`. */
    event: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The delivery's idempotency key: a redelivered event finds its record by it. */
    delivery: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    /** The alias a promotion set (MLflow). */
    alias: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    enforcement: EnforcementSchema.optional(),
});
const PolicyRefSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ name: text, version: text, digest: text });
const RecordLocationSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    path: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    line: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive().optional(),
});
const RecordResultSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    rule: text,
    status: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['pass', 'fail', 'warn', 'waived', 'skipped', 'error']),
    severity: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['error', 'warn']),
    message: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    controls: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    location: RecordLocationSchema.optional(),
});
const ApprovalSnapshotSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    user: text,
    teams: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
    state: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['approved', 'changes_requested', 'commented', 'dismissed']),
    at: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
});
const WaiverDetailSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ rule: text, reason: text, approver: text, expires: text });
/**
 * What the evidence measured, kept with the decision so that history can be charted and
 * compared without the artefacts: one summary per metric (min/max over groups, so a bias
 * report with thousands of groups stays small) and the model's input datasets.
 */
const ObservedMetricSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    kind: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['bias', 'drift', 'evaluation']),
    name: text,
    /** The protected attribute (bias) or dataset (evaluation) the metric is about. */
    attribute: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    min: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    max: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig(),
    /** How many values (groups, splits) the summary covers. */
    count: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().positive(),
});
const ObservedDatasetSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    name: text,
    namespace: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    digest: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
const ObservationsSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    metrics: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ObservedMetricSchema),
    /** Input datasets of the lineage, sorted; at most MAX_LISTED_DATASETS (engine/observe.ts) of them. */
    datasets: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ObservedDatasetSchema),
    /** sha256 over the canonical JSON of every input dataset (all of them): equal digests, same training data. */
    datasets_digest: sha256Hex.nullable(),
    datasets_total: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
});
const PolicyChangeDetailSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
    previous: PolicyRefSchema.nullable(),
    paths: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()),
});
/** Fields every kind carries, so exports and filters treat all kinds alike. */
const envelope = {
    format: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(AUDIT_RECORD_FORMAT),
    id: zod__WEBPACK_IMPORTED_MODULE_2__/* .uuid */ .uRe(),
    seq: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
    time: zod__WEBPACK_IMPORTED_MODULE_3__/* .datetime */ .w$(),
    trigger: TriggerSchema,
    actor: text,
    policy: PolicyRefSchema,
    results: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(RecordResultSchema),
    approvals: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(ApprovalSnapshotSchema),
    prev: sha256Hex.nullable(),
    hash: sha256Hex,
};
/**
 * Strict objects without defaults or transforms: a record that parses is returned unchanged,
 * so what is hashed, stored and shown is one and the same value.
 */
const AuditRecordSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .discriminatedUnion */ .gMt('kind', [
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({
        ...envelope,
        kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('decision'),
        subject: RecordSubjectSchema,
        verdict: zod__WEBPACK_IMPORTED_MODULE_2__/* ["enum"] */ .k5n(['pass', 'warn', 'fail']),
        /** Added after the first records were written; absent from those, so optional. */
        observations: ObservationsSchema.optional(),
    }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('approval'), subject: RecordSubjectSchema, verdict: zod__WEBPACK_IMPORTED_MODULE_2__/* ["null"] */ .chJ() }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('waiver'), subject: RecordSubjectSchema, verdict: zod__WEBPACK_IMPORTED_MODULE_2__/* ["null"] */ .chJ(), waiver: WaiverDetailSchema }),
    zod__WEBPACK_IMPORTED_MODULE_2__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz('policy_change'), subject: RecordSubjectSchema.nullable(), verdict: zod__WEBPACK_IMPORTED_MODULE_2__/* ["null"] */ .chJ(), change: PolicyChangeDetailSchema }),
]);
/** `seq` and `prev` for the record that follows `head` (undefined for an empty chain). */
function nextLink(head) {
    return head ? { seq: head.seq + 1, prev: head.hash } : { seq: 0, prev: null };
}
/** The record's hash: sha256 (hex) over the RFC 8785 canonical JSON of the record without `hash`. */
function hashRecord(record) {
    const { hash: _hash, ...rest } = record;
    return sha256OfCanonicalText((0,_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(rest));
}
/** sha256 (lowercase hex) of a record's canonical text, UTF-8 encoded: the one definition of a record hash. */
function sha256OfCanonicalText(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', text, 'hex');
}
/**
 * Seals a record: checks it links to `head` and is a valid record, then adds its hash.
 * Stores call this inside their serialization, so a builder that ignores the head is caught here.
 */
function sealRecord(unsigned, head) {
    const expected = nextLink(head);
    if (unsigned.seq !== expected.seq || unsigned.prev !== expected.prev) {
        throw new Error(`record does not follow the chain head: seq ${unsigned.seq}, prev ${unsigned.prev} (expected seq ${expected.seq}, prev ${expected.prev})`);
    }
    // A JSON round trip drops `undefined` fields, so the hash covers exactly what is stored.
    const plain = JSON.parse(JSON.stringify(unsigned));
    const parsed = AuditRecordSchema.safeParse({ ...plain, hash: hashRecord(plain) });
    if (!parsed.success)
        throw new Error(`invalid audit record: ${zod__WEBPACK_IMPORTED_MODULE_4__/* .prettifyError */ .S1(parsed.error)}`);
    return parsed.data;
}
/** Builds the unsigned decision record for one model, linked to `head`. */
function buildDecisionRecord(entry, head, context) {
    return {
        format: AUDIT_RECORD_FORMAT,
        id: (context.newId ?? node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        ...nextLink(head),
        time: context.time.toISOString(),
        kind: 'decision',
        subject: { model: entry.model.name, version: entry.model.version, artefacts: normalizeArtefacts(entry.artefacts) },
        trigger: context.trigger,
        actor: context.actor,
        policy: { name: entry.policy.name, version: entry.policy.version, digest: entry.policy.digest },
        results: entry.model.results.map(snapshotResult),
        verdict: entry.model.verdict,
        approvals: entry.approvals.map(snapshotApproval),
        ...(entry.observations && { observations: entry.observations }),
    };
}
/** Sorted by path and without repeats: the same files judged give the same subject, whatever the glob order. */
function normalizeArtefacts(artefacts) {
    const byPath = new Map();
    for (const artefact of artefacts)
        byPath.set(`${artefact.path}\u0000${artefact.sha256}`, { path: artefact.path, sha256: artefact.sha256 });
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.sha256 < b.sha256 ? -1 : 1));
}
/** Copies only the contract fields, so engine-internal additions never leak into a signed record. */
function snapshotResult(result) {
    const snapshot = {
        rule: result.rule,
        status: result.status,
        severity: result.severity,
        message: result.message,
        controls: [...result.controls],
    };
    if (result.location) {
        const { path, line, column } = result.location;
        snapshot.location = { path, ...(line !== undefined && { line }), ...(column !== undefined && { column }) };
    }
    return snapshot;
}
function snapshotApproval(approval) {
    return {
        user: approval.user,
        teams: [...approval.teams],
        state: approval.state,
        ...(approval.at !== undefined && { at: approval.at }),
        source: approval.source,
    };
}


/***/ }),

/***/ 47374:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Km: () => (/* binding */ parseEntries),
/* harmony export */   VK: () => (/* binding */ AuditStoreError)
/* harmony export */ });
/* unused harmony export isMigratable */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81234);


function isMigratable(store) {
    return typeof store.migrate === 'function';
}
/**
 * A store that cannot be used (unreachable, locked, damaged). A configuration-class error:
 * the run ends with exit code 2 and this message, so nothing is lost without a word.
 */
class AuditStoreError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ {
    /** The trail does not exist yet (no file, no branch): nothing was ever recorded there. */
    trailMissing;
    constructor(message, options = {}) {
        super('config', message);
        this.name = 'AuditStoreError';
        this.trailMissing = options.trailMissing ?? false;
    }
}
/**
 * Records from stored entries, each checked on its own (valid, hash matches). Links between
 * records are `verify`'s job; a record that is damaged by itself stops the reading here,
 * so a log or an export never shows an edited record as if it were sound.
 */
async function* parseEntries(batches) {
    for await (const batch of batches) {
        for (const entry of batch) {
            const checked = (0,_verify_js__WEBPACK_IMPORTED_MODULE_1__/* .checkRecord */ .EQ)(entry);
            if ('reason' in checked)
                throw new AuditStoreError(`${entry.where}: ${checked.reason} (run \`modelgate audit verify\` to check the whole chain)`);
            yield checked.record;
        }
    }
}


/***/ }),

/***/ 81234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EQ: () => (/* binding */ checkRecord),
  mG: () => (/* binding */ createChainVerifier),
  lk: () => (/* binding */ describeBroken)
});

// UNUSED EXPORTS: formatAnchor, parseAnchor, verifyChain, verifyEntries

// EXTERNAL MODULE: ./src/document/validate.ts
var validate = __webpack_require__(40447);
// EXTERNAL MODULE: ./src/audit/record.ts
var audit_record = __webpack_require__(7114);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/audit/sealed-line.ts


const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DIGEST_LENGTH = 64;
/** Longer `seq` values are left to the full check, which knows where integers stop being exact. */
const MAX_SEQ_DIGITS = 15;
const NULL = Buffer.from('null');
/** For `hash`, `prev`, `seq`: the member's opening (`,"seq":`) and the ending searched for (`q":`); undefined when a schema change left a link key without an ending of its own. */
const MEMBERS = membersOf(audit_record/* AuditRecordSchema */.eH);
/** Reused for the bytes that are hashed, so a long chain does not allocate one buffer per record. */
let scratch = Buffer.alloc(16 * 1024);
/** The links of a stored line whose bytes are a sealed record and hash to its `hash`; undefined otherwise. */
function sealedLinks(line) {
    if (!MEMBERS || line.length < 2 || line[0] !== OPEN_BRACE || line[line.length - 1] !== CLOSE_BRACE)
        return undefined;
    const hashStart = memberValue(line, MEMBERS.hash, 0);
    const hashEnd = hashStart + 1 + DIGEST_LENGTH;
    if (hashStart < 0 || line[hashStart] !== QUOTE || line[hashEnd] !== QUOTE)
        return undefined;
    const stored = line.toString('latin1', hashStart + 1, hashEnd);
    const memberStart = hashStart - MEMBERS.hash.opening.length;
    if (digestWithout(line, memberStart, hashEnd + 1) !== stored)
        return undefined;
    // The bytes are the sealed ones. In canonical order `id` comes right after `hash`, then `prev`, then `seq`.
    const idStart = hashEnd + 1 + ID_OPENING.length + 1;
    if (!bytesAt(line, hashEnd + 1, ID_OPENING) || line[idStart - 1] !== QUOTE)
        return undefined;
    const prevStart = memberValue(line, MEMBERS.prev, idStart);
    if (prevStart < 0)
        return undefined;
    const seqStart = memberValue(line, MEMBERS.seq, prevStart);
    const seq = seqStart < 0 ? undefined : integerAt(line, seqStart);
    let prev;
    if (bytesAt(line, prevStart, NULL) && line[prevStart + NULL.length] === COMMA)
        prev = null;
    else if (line[prevStart] === QUOTE && line[prevStart + 1 + DIGEST_LENGTH] === QUOTE)
        prev = line.toString('latin1', prevStart + 1, prevStart + 1 + DIGEST_LENGTH);
    else
        return undefined;
    if (seq === undefined)
        return undefined;
    return new SealedLine(seq, prev, stored, line, idStart);
}
const ID_OPENING = Buffer.from(',"id":');
/** The links, with the id read from the line only when a message needs it. */
class SealedLine {
    seq;
    prev;
    hash;
    line;
    idStart;
    constructor(seq, prev, hash, line, idStart) {
        this.seq = seq;
        this.prev = prev;
        this.hash = hash;
        this.line = line;
        this.idStart = idStart;
    }
    get id() {
        let end = this.idStart;
        while (end < this.line.length && this.line[end] !== QUOTE)
            end += this.line[end] === BACKSLASH ? 2 : 1;
        const raw = this.line.toString('utf8', this.idStart, end);
        return raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw;
    }
}
/** Where the value of the first `member` at or after `from` starts; -1 when there is none. */
function memberValue(line, member, from) {
    const ending = line.indexOf(member.ending, from);
    if (ending < 0)
        return -1;
    const valueStart = ending + member.ending.length;
    return bytesAt(line, valueStart - member.opening.length, member.opening) ? valueStart : -1;
}
/** sha256 (hex) of the line without the bytes [cutStart, cutEnd). */
function digestWithout(line, cutStart, cutEnd) {
    const length = line.length - (cutEnd - cutStart);
    if (scratch.length < length)
        scratch = Buffer.alloc(Math.max(length, scratch.length * 2));
    line.copy(scratch, 0, 0, cutStart);
    line.copy(scratch, cutStart, cutEnd);
    return (0,external_node_crypto_.hash)('sha256', scratch.subarray(0, length), 'hex');
}
/** A non-negative integer as canonical JSON writes it (no sign, no leading zero, no fraction), ending the member. */
function integerAt(line, start) {
    let value = 0;
    let at = start;
    for (; at < line.length && at - start <= MAX_SEQ_DIGITS; at += 1) {
        const byte = line[at];
        if (byte < DIGIT_0 || byte > DIGIT_9)
            break;
        value = value * 10 + (byte - DIGIT_0);
    }
    const digits = at - start;
    const next = line[at];
    if (digits < 1 || digits > MAX_SEQ_DIGITS || (digits > 1 && line[start] === DIGIT_0) || (next !== COMMA && next !== CLOSE_BRACE))
        return undefined;
    return value;
}
function bytesAt(line, at, expected) {
    if (at < 0 || at + expected.length > line.length)
        return false;
    for (let index = 0; index < expected.length; index += 1) {
        if (line[at + index] !== expected[index])
            return false;
    }
    return true;
}
/**
 * For each link key, its member opening and the shortest ending of its name that no other key
 * of a record, at any depth, ends with. Undefined when there is none, or when some nested
 * object may have keys of any name.
 */
function membersOf(schema) {
    const keys = keysOf(schema);
    if (!keys)
        return undefined;
    const member = (key) => {
        for (let length = 1; length <= key.length; length += 1) {
            const ending = key.slice(-length);
            if (keys.every((other) => other === key || !other.endsWith(ending)))
                return { opening: Buffer.from(`,"${key}":`), ending: Buffer.from(`${ending}":`) };
        }
        return undefined;
    };
    const [hash, prev, seq] = [member('hash'), member('prev'), member('seq')];
    return hash && prev && seq ? { hash, prev, seq } : undefined;
}
/** Every key of every object in a record, at any depth; undefined when some object may have keys of any name. */
function keysOf(schema) {
    const keys = new Set();
    const walk = (node) => {
        const def = node.def;
        switch (def.type) {
            case 'object':
                if (def.catchall && def.catchall.def.type !== 'never')
                    return false;
                return Object.entries(def.shape).every(([key, value]) => {
                    keys.add(key);
                    return walk(value);
                });
            case 'array':
                return walk(def.element);
            case 'optional':
            case 'nullable':
                return walk(def.innerType);
            case 'union':
                return def.options.every((option) => walk(option));
            case 'string':
            case 'number':
            case 'boolean':
            case 'null':
            case 'literal':
            case 'enum':
                return true;
            default:
                return false;
        }
    };
    return walk(schema) ? [...keys] : undefined;
}

;// CONCATENATED MODULE: ./src/audit/verify.ts



/**
 * A streaming verifier, so a long chain is checked in constant memory. Each record must hash
 * to its `hash`, have seq equal to its position, and link to the record before it with
 * `prev` (null for the first). Stored text must be the record's canonical JSON, so that no
 * parser can read a stored record differently from the one verified.
 *
 * `push` takes a stored line whose bytes are a sealed record (`sealedLinks`) without parsing
 * it: bytes identical to the sealed ones were valid when they were sealed. Any other entry,
 * and every entry given to `read`, gets the full check (parsed, validated, canonical), which
 * also names what is wrong with a damaged one.
 */
function createChainVerifier(options = {}) {
    let position = 0;
    let last;
    let broken;
    let anchorSeen = false;
    /** Why this record breaks the chain, if it does; undefined when it links up. */
    const whyBroken = (record) => {
        const expectedSeq = last ? last.seq + 1 : 0;
        if (record.seq !== expectedSeq) {
            let why;
            if (!last)
                why = 'the chain does not start at its first record';
            else if (record.seq === last.seq)
                why = 'duplicate seq';
            else if (record.seq > expectedSeq)
                why = 'records were deleted or moved';
            else
                why = 'records are out of order';
            return `expected seq ${expectedSeq}, found seq ${record.seq}: ${why}`;
        }
        if (!last && record.prev !== null) {
            return `the first record must have prev null, but it links to ${record.prev}: the chain does not start here`;
        }
        if (last && record.prev !== last.hash) {
            return `prev does not match the hash of the record before it (seq ${last.seq}, id ${last.id}): a record was changed or replaced`;
        }
        if (options.anchor && record.seq === options.anchor.seq) {
            if (record.hash !== options.anchor.hash) {
                return `the hash differs from the anchor ${options.anchor.seq}:${options.anchor.hash}: the chain was rewritten up to here`;
            }
            anchorSeen = true;
        }
        last = record;
        return undefined;
    };
    /** Links the checked record into the chain; the break when it is the first one. */
    const link = (entry, checked) => {
        let reason;
        let value;
        if ('reason' in checked) {
            reason = checked.reason;
            value = checked.value;
        }
        else if ('links' in checked) {
            reason = whyBroken(checked.links);
            value = checked.links;
        }
        else {
            reason = whyBroken(checked.record);
            value = checked.record;
        }
        if (reason === undefined) {
            position += 1;
            return undefined;
        }
        broken = brokenRecord(position, entry.where, reason, value);
        return broken;
    };
    return {
        push(entry) {
            if (broken)
                return undefined;
            const links = 'text' in entry && !entry.incomplete ? sealedLinks(entry.bytes ?? Buffer.from(entry.text)) : undefined;
            return link(entry, links ? { links } : checkRecord(entry));
        },
        read(entry) {
            if (broken)
                return {};
            const checked = checkRecord(entry);
            const breaks = link(entry, checked);
            return breaks ? { broken: breaks } : { record: checked.record };
        },
        finish() {
            const head = last && { seq: last.seq, hash: last.hash };
            if (!broken && options.anchor && !anchorSeen) {
                const end = last ? `ends at seq ${last.seq}` : 'is empty';
                broken = {
                    position,
                    reason: `the chain ${end}, but the anchor names seq ${options.anchor.seq}: records were removed from the end`,
                };
            }
            return { ok: !broken, checked: position, ...(head && { head }), ...(broken && { broken }) };
        },
    };
}
function brokenRecord(position, where, reason, value) {
    const record = isObject(value) ? value : {};
    return {
        position,
        ...(typeof record.seq === 'number' && { seq: record.seq }),
        ...(typeof record.id === 'string' && { id: record.id }),
        ...(where !== undefined && { where }),
        reason,
    };
}
/**
 * Checks one record on its own, without its neighbours: readable, valid, its hash matches its
 * content and, for stored text, the text is its canonical JSON. Stores use it on the head
 * before linking a new record to it.
 */
function checkRecord(entry) {
    let value;
    if ('text' in entry) {
        if (entry.incomplete)
            return { reason: 'the last line has no newline at its end: an interrupted write left it incomplete' };
        if (entry.text.trim() === '')
            return { reason: 'empty line where a record should be' };
        try {
            value = JSON.parse(entry.text);
        }
        catch (error) {
            return { reason: `not JSON (${error.message}): a damaged or partly written record` };
        }
    }
    else {
        value = entry.value;
    }
    if (!isObject(value))
        return { reason: 'not a JSON object', value };
    // Stored records are exactly what the schema describes: checked without zod copying each one.
    const parsed = (0,validate/* safeParseUnchanged */.MT)(audit_record/* AuditRecordSchema */.eH, value);
    if (!parsed.success)
        return { reason: `not a valid record: ${summarizeIssues(parsed.error)}`, value };
    const canonical = canonicalForm(value, parsed.data.hash, 'text' in entry ? entry.text : undefined);
    if ('reason' in canonical)
        return { reason: canonical.reason, value };
    // Before the hash: a line hashed as it stands, by a writer that is not a store, is named for what it is.
    if (!canonical.textIsCanonical) {
        return { reason: 'the stored text is not the canonical JSON (RFC 8785) of the record: it was rewritten', value };
    }
    if ((0,audit_record/* sha256OfCanonicalText */.AJ)(canonical.unsigned) !== parsed.data.hash)
        return { reason: "the hash does not match the record's content: the record was edited", value };
    return { record: parsed.data, value };
}
/**
 * The record's RFC 8785 canonical JSON without its `hash` (what `hashRecord` hashes), and
 * whether the stored text (if any) is the record's canonical JSON.
 *
 * Canonical JSON is JSON.stringify with every object's keys sorted by UTF-16 code units. A
 * record parsed from text whose keys already stand in that order is serialized by
 * JSON.stringify itself, which is native and many times faster than canonicalizing again;
 * when that equals the text, the text is canonical, and the text without its `"hash":"…"`
 * member is the canonical JSON that was hashed, so it is hashed as stored. (The first such
 * member is the top-level one: in canonical text `"hash":"` only stands as a key, a record
 * has no other `hash` key, and one holding its own hash would be a sha256 fixed point.)
 * Anything else (keys out of order, integer-like keys that JSON.parse reorders, a possible
 * unpaired surrogate, which has no canonical form, or a record given as a value) takes the
 * canonicalizer.
 */
function canonicalForm(record, hash, text) {
    if (text !== undefined && !text.includes('\\ud') && keysInCanonicalOrder(record)) {
        const member = `"hash":${JSON.stringify(hash)}`;
        const at = JSON.stringify(record) === text ? text.indexOf(member) : -1;
        if (at > 0) {
            // The member and the comma that joins it to its neighbour.
            const unsigned = text[at - 1] === ',' ? text.slice(0, at - 1) + text.slice(at + member.length) : text.slice(0, at) + text.slice(at + member.length + 1);
            return { unsigned, textIsCanonical: true };
        }
        // JSON.stringify leaves out a property whose value is undefined, in place.
        return { unsigned: JSON.stringify({ ...record, hash: undefined }), textIsCanonical: false };
    }
    try {
        const { hash: _hash, ...unsigned } = record;
        return { unsigned: (0,audit_record/* canonicalJson */.dj)(unsigned), textIsCanonical: text === undefined || (0,audit_record/* canonicalJson */.dj)(record) === text };
    }
    catch (error) {
        return { reason: `the record has no canonical JSON (RFC 8785): ${error.message}` };
    }
}
/** Whether every object in a JSON value has its keys in ascending UTF-16 code unit order. */
function keysInCanonicalOrder(value) {
    if (typeof value !== 'object' || value === null)
        return true;
    if (Array.isArray(value))
        return value.every(keysInCanonicalOrder);
    let previous;
    for (const key of Object.keys(value)) {
        if (previous !== undefined && !(previous < key))
            return false;
        previous = key;
        if (!keysInCanonicalOrder(value[key]))
            return false;
    }
    return true;
}
/** Verifies records held in memory (values, or stored text). */
function verifyChain(records, options = {}) {
    const verifier = createChainVerifier(options);
    let index = 0;
    for (const record of records) {
        index += 1;
        if (verifier.push({ value: record, where: `record ${index}` }))
            break;
    }
    return verifier.finish();
}
/** Verifies a store's entries as they stream in, stopping at the first break. */
async function verifyEntries(batches, options = {}) {
    const verifier = createChainVerifier(options);
    for await (const batch of batches) {
        if (batch.some((entry) => verifier.push(entry)))
            break;
    }
    return verifier.finish();
}
/** `<seq>:<hash>`, the form `audit verify` prints and reads as `--anchor`. */
function formatAnchor(head) {
    return `${head.seq}:${head.hash}`;
}
function parseAnchor(value) {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim());
    if (!match)
        return undefined;
    return { seq: Number(match[1]), hash: match[2] };
}
/** One line naming the record and why it breaks the chain. */
function describeBroken(broken) {
    const what = broken.seq !== undefined ? `record seq ${broken.seq}${broken.id ? ` (id ${broken.id})` : ''}` : `the entry at position ${broken.position}`;
    return `${what}${broken.where ? ` at ${broken.where}` : ''}: ${broken.reason}`;
}
function summarizeIssues(error) {
    const issues = error.issues.slice(0, 3).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'record'}: ${issue.message}`);
    return issues.join('; ') + (error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '');
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/***/ })

};
