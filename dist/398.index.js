export const id = 398;
export const ids = [398];
export const modules = {

/***/ 98273:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98799);

/** RFC 8785 canonical JSON; also the exact text a store keeps, so that text has one reading. */
function canonicalJson(value) {
    const serialized = (0,canonicalize__WEBPACK_IMPORTED_MODULE_0__/* ["default"] */ .A)(value);
    if (serialized === undefined)
        throw new TypeError('value has no JSON form');
    return serialized;
}


/***/ }),

/***/ 80398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DecisionNotRecorded: () => (/* binding */ DecisionNotRecorded),
  appendDecisionRecords: () => (/* binding */ appendDecisionRecords),
  decisionEntries: () => (/* binding */ decisionEntries)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/audit/record.ts
var record = __webpack_require__(7114);
;// CONCATENATED MODULE: ./src/audit/record-kinds.ts


/**
 * The records that join decisions in the chain: an approval a decision relied on, a waiver a
 * decision used, and a change of the policy. Pure, like the decision record: the store seals them.
 */
function envelope(head, context, policy) {
    return {
        format: record/* AUDIT_RECORD_FORMAT */.UM,
        id: (context.newId ?? external_node_crypto_.randomUUID)(),
        ...(0,record/* nextLink */.IX)(head),
        time: context.time.toISOString(),
        trigger: context.trigger,
        actor: context.actor,
        policy: { name: policy.name, version: policy.version, digest: policy.digest },
    };
}
/** One `approval` record: `approvals` holds the approval given, `subject` the model (and files) it was given for. */
function buildApprovalRecord(approval, subject, policy, head, context) {
    return { ...envelope(head, context, policy), kind: 'approval', subject, results: [], verdict: null, approvals: [approval] };
}
/** One `waiver` record for a result a waiver turned into `waived`; `results` holds that result. */
function buildWaiverRecord(waived, subject, policy, approvals, head, context) {
    return {
        ...envelope(head, context, policy),
        kind: 'waiver',
        subject,
        results: [waived.record],
        verdict: null,
        approvals: [...approvals],
        waiver: { rule: waived.record.rule, reason: waived.waiver.reason, approver: waived.waiver.approved_by, expires: waived.waiver.expires },
    };
}
/** One `policy_change` record: the policy judged now, the one before (if known) and the files that changed. */
function buildPolicyChangeRecord(change, policy, approvals, head, context) {
    return {
        ...envelope(head, context, policy),
        kind: 'policy_change',
        subject: null,
        results: [],
        verdict: null,
        approvals: [...approvals],
        change: { previous: change.previous, paths: [...change.paths].sort() },
    };
}
/** The waived results of a model decision, each with its waiver. */
function waivedResults(model) {
    return model.results.flatMap((result) => (result.status === 'waived' && result.waiver ? [{ record: (0,record/* snapshotResult */.ob)(result), waiver: result.waiver }] : []));
}
/** Approvals a decision relied on: those in the `approved` state. */
function approvalsGiven(approvals) {
    return approvals.filter((approval) => approval.state === 'approved');
}

// EXTERNAL MODULE: ./src/engine/observe.ts
var observe = __webpack_require__(69622);
;// CONCATENATED MODULE: ./src/audit/record-decisions.ts



/** A decision that was not (fully) recorded; the message says how far the appends got. */
class DecisionNotRecorded extends Error {
    name = 'DecisionNotRecorded';
}
/**
 * What each model's decision record is built from: the model's results, the digests of the
 * files its evidence was read from (`pathOf` turns a source's shown path into the recorded
 * path), the approvals and a summary of the evidence.
 */
function decisionEntries(decision, subjects, pathOf = (shown) => shown) {
    return decision.models.map((model) => {
        const subject = subjects.find((candidate) => candidate.model.name === model.name);
        const artefacts = Object.values(subject?.evidence ?? {}).flatMap((evidence) => (evidence?.sources ?? []).map((source) => ({ path: pathOf(source.path), sha256: source.sha256.replace(/^sha256:/, '') })));
        return { model, policy: decision.policy, artefacts, approvals: subject?.approvals ?? [], observations: (0,observe/* observeEvidence */.a)(subject?.evidence ?? {}) };
    });
}
/**
 * Appends one decision record per model of `decision`, with the digests of the files its
 * evidence was read from (`pathOf` turns a source's shown path into the recorded path); after
 * each decision, one `waiver` record per waiver it used and one `approval` record per approval
 * it relied on; before them all, a `policy_change` record when `policyChange` is given.
 * The CLI, the Action and the hook server all record through here, so a record means the same
 * wherever it was made. Returns the records in chain order; throws DecisionNotRecorded on the
 * first failed append.
 */
async function appendDecisionRecords(store, decision, subjects, context, pathOf = (shown) => shown, options = {}) {
    const records = [];
    let decisions = 0;
    // Each record carries the time it was appended.
    const recordContext = () => ({ time: context.now(), actor: context.actor, trigger: context.trigger });
    try {
        if (options.policyChange) {
            const change = options.policyChange;
            const approvals = approvalsGiven(subjects.flatMap((subject) => subject.approvals)).map(record/* snapshotApproval */.Us);
            const unique = [...new Map(approvals.map((approval) => [(0,record/* canonicalJson */.dj)(approval), approval])).values()];
            records.push(await store.append((head) => buildPolicyChangeRecord(change, change.policy ?? decision.policy, unique, head, recordContext())));
        }
        for (const entry of decisionEntries(decision, subjects, pathOf)) {
            const { model } = entry;
            const sealed = await store.append((head) => (0,record/* buildDecisionRecord */.cz)(entry, head, recordContext()));
            records.push(sealed);
            decisions += 1;
            const approvals = sealed.approvals;
            for (const waived of waivedResults(model)) {
                records.push(await store.append((head) => buildWaiverRecord(waived, sealed.subject, decision.policy, approvals, head, recordContext())));
            }
            for (const approval of approvalsGiven(entry.approvals)) {
                records.push(await store.append((head) => buildApprovalRecord((0,record/* snapshotApproval */.Us)(approval), sealed.subject, decision.policy, head, recordContext())));
            }
        }
    }
    catch (error) {
        const partly = records.length > 0 ? ` (${decisions} of ${decision.models.length} model decisions were recorded, up to seq ${records.at(-1).seq})` : '';
        throw new DecisionNotRecorded(`the decision was not recorded in ${store.description}${partly}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return records;
}


/***/ }),

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

/***/ 69622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ observeEvidence)
/* harmony export */ });
/* unused harmony export MAX_LISTED_DATASETS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _audit_canonical_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98273);


/** Input datasets beyond this many are counted in `datasets_digest` but not listed. */
const MAX_LISTED_DATASETS = 100;
/** Summarizes a model's evidence for its decision record: metric ranges and input datasets. */
function observeEvidence(evidence) {
    const summaries = new Map();
    const observe = (kind, name, attribute, value) => {
        const key = JSON.stringify([kind, name, attribute ?? null]);
        const known = summaries.get(key);
        if (known) {
            known.min = Math.min(known.min, value);
            known.max = Math.max(known.max, value);
            known.count += 1;
        }
        else {
            summaries.set(key, { kind, name, ...(attribute !== undefined && { attribute }), min: value, max: value, count: 1 });
        }
    };
    for (const metric of evidence.bias?.data.metrics ?? [])
        observe('bias', metric.name, metric.attribute, metric.value);
    if (evidence.drift) {
        observe('drift', 'share_drifted', undefined, evidence.drift.data.share_drifted);
        for (const feature of evidence.drift.data.features)
            if (feature.score !== undefined)
                observe('drift', 'feature_score', undefined, feature.score);
    }
    for (const result of evidence.model_card?.data.evaluation ?? [])
        observe('evaluation', result.metric, result.dataset, result.value);
    const metrics = [...summaries.values()].sort((a, b) => compareText(`${a.kind}\u0000${a.name}\u0000${a.attribute ?? ''}`, `${b.kind}\u0000${b.name}\u0000${b.attribute ?? ''}`));
    const inputs = (evidence.lineage?.data.datasets ?? [])
        .filter((dataset) => dataset.role === 'input')
        .map((dataset) => ({
        name: dataset.name,
        ...(dataset.namespace !== undefined && { namespace: dataset.namespace }),
        ...(dataset.version !== undefined && { version: dataset.version }),
        ...(dataset.digest !== undefined && { digest: dataset.digest }),
    }));
    const unique = [...new Map(inputs.map((dataset) => [(0,_audit_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(dataset), dataset])).entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([, dataset]) => dataset);
    return {
        metrics,
        datasets: unique.slice(0, MAX_LISTED_DATASETS),
        datasets_digest: evidence.lineage ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update((0,_audit_canonical_js__WEBPACK_IMPORTED_MODULE_1__/* .canonicalJson */ .d)(unique), 'utf8').digest('hex') : null,
        datasets_total: unique.length,
    };
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 98799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ canonicalize)
/* harmony export */ });
function hasLoneSurrogate (value) {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);

    if (code >= 0xD800 && code <= 0xDBFF) {
      if (i === value.length - 1) {
        return true;
      }
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xDC00 && next <= 0xDFFF)) {
        return true;
      }
      i++;
    } else if (code >= 0xDC00 && code <= 0xDFFF) {
      return true;
    }
  }

  return false;
}

function canonicalize (object, seen = new Set()) {
  if (typeof object === 'number' && isNaN(object)) {
    throw new Error('NaN is not allowed');
  }

  if (typeof object === 'number' && !isFinite(object)) {
    throw new Error('Infinity is not allowed');
  }

  if (typeof object === 'string' && hasLoneSurrogate(object)) {
    throw new Error('Lone surrogate is not allowed');
  }

  if (object === null || typeof object !== 'object') {
    return JSON.stringify(object);
  }

  if (typeof object.toJSON === 'function') {
    if (seen.has(object)) {
      throw new Error('Circular reference detected');
    }
    seen.add(object);
    const result = canonicalize(object.toJSON(), seen);
    seen.delete(object);
    return result;
  }

  if (seen.has(object)) {
    throw new Error('Circular reference detected');
  }
  seen.add(object);

  let result;
  if (Array.isArray(object)) {
    const values = object.map((cv) => {
      const value = cv === undefined || typeof cv === 'symbol' ? null : cv;
      return canonicalize(value, seen);
    });
    result = `[${values.join(',')}]`;
  } else {
    const parts = [];
    for (const key of Object.keys(object).sort()) {
      if (object[key] === undefined || typeof object[key] === 'symbol') {
        continue;
      }
      parts.push(`${canonicalize(key)}:${canonicalize(object[key], seen)}`);
    }
    result = `{${parts.join(',')}}`;
  }

  seen.delete(object);
  return result;
}


/***/ }),

/***/ 64377:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p6: () => (/* binding */ date),
/* harmony export */   w$: () => (/* binding */ datetime)
/* harmony export */ });
/* unused harmony exports time, duration */
/* harmony import */ var _core_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43759);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13798);



function datetime(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDateTime */ .G1(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODateTime */ .You, params);
}
function date(params) {
    return _core_index_js__WEBPACK_IMPORTED_MODULE_0__/* ._isoDate */ .db(_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .ZodISODate */ .Brp, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}


/***/ })

};
