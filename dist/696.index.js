export const id = 696;
export const ids = [696];
export const modules = {

/***/ 7114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ sha256OfCanonicalText),
/* harmony export */   IX: () => (/* binding */ nextLink),
/* harmony export */   UM: () => (/* binding */ AUDIT_RECORD_FORMAT),
/* harmony export */   Us: () => (/* binding */ snapshotApproval),
/* harmony export */   a9: () => (/* binding */ observeEvidence),
/* harmony export */   cz: () => (/* binding */ buildDecisionRecord),
/* harmony export */   dj: () => (/* binding */ canonicalJson),
/* harmony export */   eH: () => (/* binding */ AuditRecordSchema),
/* harmony export */   ob: () => (/* binding */ snapshotResult),
/* harmony export */   xe: () => (/* binding */ sealRecord)
/* harmony export */ });
/* unused harmony exports RECORD_KINDS, TRIGGER_TYPES, ArtefactDigestSchema, RecordSubjectSchema, REGISTRY_NAMES, EnforcementSchema, TriggerSchema, PolicyRefSchema, RecordResultSchema, ApprovalSnapshotSchema, WaiverDetailSchema, ObservedMetricSchema, ObservedDatasetSchema, MAX_LISTED_DATASETS, ObservationsSchema, PolicyChangeDetailSchema, hashRecord, normalizeArtefacts */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(98799);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13798);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64377);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37428);



/**
 * Audit records: one JSON object per event, chained by hash. Everything here is pure:
 * stores decide where records live, this module decides what a record is and how it is sealed.
 */
/** Written into every record, so a later format can change fields without old records becoming ambiguous. */
const AUDIT_RECORD_FORMAT = 'modelgate.audit/v1';
const RECORD_KINDS = (/* unused pure expression or super */ null && (['decision', 'approval', 'waiver', 'policy_change']));
const TRIGGER_TYPES = ['cli', 'pull_request', 'release', 'registry'];
const sha256Hex = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256');
const text = zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().min(1);
const ArtefactDigestSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ path: text, sha256: sha256Hex });
const RecordSubjectSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    model: text,
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().nullable(),
    /** Every artefact file the decision read, by repository-relative path, sorted by path. */
    artefacts: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ArtefactDigestSchema),
});
const REGISTRY_NAMES = ['mlflow', 'huggingface', 'sagemaker'];
/**
 * What a registry hook did to the registry because of the decision, before recording it:
 * a blocked promotion's alias removed, or moved back to the version that last passed the
 * gate for it; `alias_unchanged` when the alias had already moved on.
 */
const EnforcementSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    action: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['alias_removed', 'alias_restored', 'alias_unchanged']),
    alias: text,
    /** The version the alias was moved back to (`alias_restored`). */
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** Why, in words. */
    reason: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
/**
 * The optional fields came with the registry hooks; records written before them lack them,
 * so each stays optional and old records keep their hashes.
 */
const TriggerSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    type: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(TRIGGER_TYPES),
    ref: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    url: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** The registry whose event started the check (type `registry`). */
    registry: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(REGISTRY_NAMES).optional(),
    /** The registry's name for the event, e.g. `model_version_alias.created`. */
    event: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** The delivery's idempotency key: a redelivered event finds its record by it. */
    delivery: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    /** The alias a promotion set (MLflow). */
    alias: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    enforcement: EnforcementSchema.optional(),
});
const PolicyRefSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ name: text, version: text, digest: text });
const RecordLocationSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    path: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    line: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().optional(),
    column: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive().optional(),
});
const RecordResultSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    rule: text,
    status: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pass', 'fail', 'warn', 'waived', 'skipped', 'error']),
    severity: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['error', 'warn']),
    message: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    controls: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    location: RecordLocationSchema.optional(),
});
const ApprovalSnapshotSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    user: text,
    teams: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
    state: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['approved', 'changes_requested', 'commented', 'dismissed']),
    at: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
});
const WaiverDetailSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ rule: text, reason: text, approver: text, expires: text });
/**
 * What the evidence measured, kept with the decision so that history can be charted and
 * compared without the artefacts: one summary per metric (min/max over groups, so a bias
 * report with thousands of groups stays small) and the model's input datasets.
 */
const ObservedMetricSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    kind: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['bias', 'drift', 'evaluation']),
    name: text,
    /** The protected attribute (bias) or dataset (evaluation) the metric is about. */
    attribute: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    min: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    max: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig(),
    /** How many values (groups, splits) the summary covers. */
    count: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().positive(),
});
const ObservedDatasetSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    name: text,
    namespace: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
    digest: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
/** Input datasets beyond this many are counted in `datasets_digest` but not listed. */
const MAX_LISTED_DATASETS = 100;
const ObservationsSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    metrics: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ObservedMetricSchema),
    /** Input datasets of the lineage, sorted; at most MAX_LISTED_DATASETS of them. */
    datasets: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ObservedDatasetSchema),
    /** sha256 over the canonical JSON of every input dataset (all of them): equal digests, same training data. */
    datasets_digest: sha256Hex.nullable(),
    datasets_total: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
});
const PolicyChangeDetailSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
    previous: PolicyRefSchema.nullable(),
    paths: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP()),
});
/** Fields every kind carries, so exports and filters treat all kinds alike. */
const envelope = {
    format: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz(AUDIT_RECORD_FORMAT),
    id: zod__WEBPACK_IMPORTED_MODULE_1__/* .uuid */ .uRe(),
    seq: zod__WEBPACK_IMPORTED_MODULE_1__/* .number */ .aig().int().nonnegative(),
    time: zod__WEBPACK_IMPORTED_MODULE_2__/* .datetime */ .w$(),
    trigger: TriggerSchema,
    actor: text,
    policy: PolicyRefSchema,
    results: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(RecordResultSchema),
    approvals: zod__WEBPACK_IMPORTED_MODULE_1__/* .array */ .YOg(ApprovalSnapshotSchema),
    prev: sha256Hex.nullable(),
    hash: sha256Hex,
};
/**
 * Strict objects without defaults or transforms: a record that parses is returned unchanged,
 * so what is hashed, stored and shown is one and the same value.
 */
const AuditRecordSchema = zod__WEBPACK_IMPORTED_MODULE_1__/* .discriminatedUnion */ .gMt('kind', [
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({
        ...envelope,
        kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('decision'),
        subject: RecordSubjectSchema,
        verdict: zod__WEBPACK_IMPORTED_MODULE_1__/* ["enum"] */ .k5n(['pass', 'warn', 'fail']),
        /** Added after the first records were written; absent from those, so optional. */
        observations: ObservationsSchema.optional(),
    }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('approval'), subject: RecordSubjectSchema, verdict: zod__WEBPACK_IMPORTED_MODULE_1__/* ["null"] */ .chJ() }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('waiver'), subject: RecordSubjectSchema, verdict: zod__WEBPACK_IMPORTED_MODULE_1__/* ["null"] */ .chJ(), waiver: WaiverDetailSchema }),
    zod__WEBPACK_IMPORTED_MODULE_1__/* .strictObject */ .rej({ ...envelope, kind: zod__WEBPACK_IMPORTED_MODULE_1__/* .literal */ .euz('policy_change'), subject: RecordSubjectSchema.nullable(), verdict: zod__WEBPACK_IMPORTED_MODULE_1__/* ["null"] */ .chJ(), change: PolicyChangeDetailSchema }),
]);
/** `seq` and `prev` for the record that follows `head` (undefined for an empty chain). */
function nextLink(head) {
    return head ? { seq: head.seq + 1, prev: head.hash } : { seq: 0, prev: null };
}
/** The record's hash: sha256 (hex) over the RFC 8785 canonical JSON of the record without `hash`. */
function hashRecord(record) {
    const { hash: _hash, ...rest } = record;
    return sha256OfCanonicalText(canonicalJson(rest));
}
/** sha256 (lowercase hex) of a record's canonical text, UTF-8 encoded: the one definition of a record hash. */
function sha256OfCanonicalText(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.hash)('sha256', text, 'hex');
}
/** RFC 8785 canonical JSON; also the exact text a store keeps, so that text has one reading. */
function canonicalJson(value) {
    const serialized = (0,canonicalize__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A)(value);
    if (serialized === undefined)
        throw new TypeError('value has no JSON form');
    return serialized;
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
    const unique = [...new Map(inputs.map((dataset) => [canonicalJson(dataset), dataset])).entries()]
        .sort(([a], [b]) => compareText(a, b))
        .map(([, dataset]) => dataset);
    return {
        metrics,
        datasets: unique.slice(0, MAX_LISTED_DATASETS),
        datasets_digest: evidence.lineage ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonicalJson(unique), 'utf8').digest('hex') : null,
        datasets_total: unique.length,
    };
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
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

/***/ 40447:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ safeParseUnchanged),
/* harmony export */   OE: () => (/* binding */ firstIssue),
/* harmony export */   mv: () => (/* binding */ validateDocument)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/**
 * Validates a parsed document against a zod schema; the first problem becomes an
 * error at the file:line:column of the offending value.
 */
function validateDocument(doc, schema, what, code = 'config') {
    const result = schema.safeParse(doc.value);
    if (result.success)
        return result.data;
    const { issue, pointer: at } = firstIssue(result.error);
    const field = at.length > 0 ? `${at.join('.')}: ` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ModelgateError */ .HJ(code, `invalid ${what}: ${field}${issue.message}`, doc.locate(at));
}
/**
 * zod reports a value that matches no branch of a union as a bare "Invalid input";
 * the branch that got furthest into the value says what is actually wrong.
 */
function mostSpecific(issue) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0)
        return issue;
    const deepest = issue.errors
        .map((branch) => branch[0])
        .filter((candidate) => candidate !== undefined)
        .sort((a, b) => b.path.length - a.path.length)[0];
    return deepest ? mostSpecific({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}
/**
 * The issue to report and the pointer to the offending value. A misspelt key usually causes
 * the other issues (a required field "missing"), so it is reported first; for an unknown key
 * the pointer names the key itself.
 */
function firstIssue(error) {
    const issue = mostSpecific(error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0]);
    const offendingKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const pointer = [...issue.path, ...(offendingKey === undefined ? [] : [offendingKey])].filter((key) => typeof key !== 'symbol');
    return { issue, pointer };
}
/**
 * `schema.safeParse(value)`, without the copy when zod would return the value unchanged.
 *
 * zod builds a new object for every object it accepts, and reports through a payload per
 * field: for evidence of tens of thousands of items that cost more than parsing the file.
 * Most values are already exactly what the schema describes (adapters build them so), so a
 * check compiled once from the schema's own definition looks first: when it finds the
 * value certainly accepted and unchanged (no default to fill in, no key to strip, no string
 * to trim), the value itself is the result. Anything else, including every value zod
 * refuses and every schema construct the check does not know, goes to zod, which gives the
 * result and the issue to report. The check may be stricter than zod, never looser.
 */
function safeParseUnchanged(schema, value) {
    const accepts = unchangedCheckOf(schema);
    if (accepts?.(value))
        return { success: true, data: value };
    return schema.safeParse(value);
}
const SURROGATE = /[\uD800-\uDFFF]/;
/** String formats zod 4 checks with nothing but their pattern. */
const PATTERN_FORMATS = new Set(['regex', 'uuid', 'guid', 'datetime', 'date', 'time', 'duration', 'email', 'ipv4', 'lowercase', 'uppercase']);
const compiledChecks = new WeakMap();
function unchangedCheckOf(schema) {
    const node = schema;
    let check = compiledChecks.get(node);
    if (check === undefined) {
        check = compileUnchanged(node) ?? null;
        compiledChecks.set(node, check);
    }
    return check ?? undefined;
}
/** An object literal's kind of object: what zod's output is, so returning the value itself is the same. */
function isPlainRecord(value) {
    return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}
/** Schema nodes being compiled: a recursive schema (a getter in a shape) is left to zod. */
const compiling = new Set();
/** The check for one schema node, or undefined for a construct it does not know (zod then decides). */
function compileUnchanged(node) {
    if (compiling.has(node))
        return undefined;
    compiling.add(node);
    try {
        return compileNode(node);
    }
    finally {
        compiling.delete(node);
    }
}
function compileNode(node) {
    const def = node._zod.def;
    const base = compileType(node);
    if (!base)
        return undefined;
    // A string format (z.uuid()), a number format (z.int()) or a custom schema is a check on itself.
    const own = def.check !== undefined && def.type !== 'custom' ? compileCheck(node) : undefined;
    if (def.check !== undefined && def.type !== 'custom' && !own)
        return undefined;
    const checks = own ? [own] : [];
    for (const check of def.checks ?? []) {
        const compiled = compileCheck(check);
        if (!compiled)
            return undefined;
        checks.push(compiled);
    }
    if (def.coerce)
        return undefined;
    if (checks.length === 0)
        return base;
    if (checks.length === 1) {
        const [only] = checks;
        return (value) => base(value) && only(value);
    }
    return (value) => {
        if (!base(value))
            return false;
        for (let index = 0; index < checks.length; index++)
            if (!checks[index](value))
                return false;
        return true;
    };
}
function compileType(node) {
    const def = node._zod.def;
    const inner = (key) => compileUnchanged(def[key]);
    switch (def.type) {
        case 'string':
            return (value) => typeof value === 'string';
        case 'number':
            return (value) => typeof value === 'number' && Number.isFinite(value);
        case 'boolean':
            return (value) => typeof value === 'boolean';
        case 'null':
            return (value) => value === null;
        case 'any':
        case 'unknown':
            return () => true;
        case 'enum':
        case 'literal': {
            const values = node._zod.values;
            return values ? (value) => values.has(value) : undefined;
        }
        case 'custom': {
            const fn = def.fn;
            if (!fn)
                return () => true;
            return (value) => {
                const result = fn(value);
                return !(result instanceof Promise) && Boolean(result);
            };
        }
        case 'optional': {
            const check = inner('innerType');
            if (!check)
                return undefined;
            // A default inside fills in an absent value: a change, left to zod.
            if (def.innerType._zod.optin === 'defaulted')
                return (value) => value !== undefined && check(value);
            return (value) => value === undefined || check(value);
        }
        case 'nullable': {
            const check = inner('innerType');
            return check && ((value) => value === null || check(value));
        }
        case 'default': {
            const check = inner('innerType');
            return check && ((value) => value !== undefined && check(value));
        }
        case 'pipe': {
            const first = inner('in');
            const then = inner('out');
            return first && then && ((value) => first(value) && then(value));
        }
        case 'array': {
            const element = inner('element');
            return (element &&
                ((value) => {
                    if (!Array.isArray(value))
                        return false;
                    for (let index = 0; index < value.length; index++)
                        if (!element(value[index]))
                            return false;
                    return true;
                }));
        }
        case 'record':
            return compileRecord(def);
        case 'object':
            return compileObject(def);
        case 'union':
            return compileDiscriminatedUnion(def);
        default:
            return undefined;
    }
}
/**
 * An object's check is generated as code (as zod generates its own object parser): a
 * `switch` over the value's keys with the field names as literals lets the engine compare
 * interned names and call each field's check from its own call site. Fields seen are kept
 * in a bit mask, so objects of up to 30 fields are compiled; larger ones are left to zod.
 */
function compileObject(def) {
    const shape = def.shape;
    const keys = Object.keys(shape);
    if (keys.length > 30 || Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__'))
        return undefined;
    const checks = [];
    let required = 0;
    for (const [index, key] of keys.entries()) {
        const field = shape[key];
        const check = compileUnchanged(field);
        if (!check)
            return undefined;
        checks.push(check);
        // zod leaves out an absent key only for an optional field; any other it fills in or refuses.
        if (field._zod.optin !== 'optional')
            required |= 1 << index;
    }
    // Without a catchall zod strips unknown keys, with `never` it refuses them: a value with one is left to zod.
    const catchall = def.catchall;
    const rest = catchall && catchall._zod.def.type !== 'never' ? compileUnchanged(catchall) : undefined;
    if (catchall && catchall._zod.def.type !== 'never' && !rest)
        return undefined;
    // for-in gives every enumerable key, own or inherited, once: each is a field (checked as
    // zod reads it, `value[key]`) or another key. A field for-in does not give must be absent
    // altogether (`in`): a non-enumerable or inherited one is left to zod.
    const cases = keys.map((key, index) => `case ${JSON.stringify(key)}: if (!checks[${index}](value[key])) return false; seen |= ${1 << index}; break;`);
    const absent = keys.flatMap((key, index) => ((required >> index) & 1 ? [] : [`if (!(seen & ${1 << index}) && ${JSON.stringify(key)} in value) return false;`]));
    const source = `return function (value) {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== plain) return false;
    let seen = 0;
    for (const key in value) {
      switch (key) {
        ${cases.join('\n        ')}
        default: if (rest === undefined || key === '__proto__' || !Object.hasOwn(value, key) || !rest(value[key])) return false;
      }
    }
    if ((seen & ${required}) !== ${required}) return false;
    ${absent.join('\n    ')}
    return true;
  };`;
    try {
        return new Function('checks', 'rest', 'plain', source)(checks, rest, Object.prototype);
    }
    catch {
        // Code generation is disabled (--disallow-code-generation-from-strings): zod decides.
        return undefined;
    }
}
/** A discriminated union: zod parses with the one option its discriminator value names. Other unions are left to zod. */
function compileDiscriminatedUnion(def) {
    const discriminator = def.discriminator;
    if (typeof discriminator !== 'string' || def.unionFallback)
        return undefined;
    const optionByValue = new Map();
    for (const option of def.options) {
        const values = option._zod.propValues?.[discriminator];
        const check = compileUnchanged(option);
        if (!values || !check)
            return undefined;
        for (const value of values) {
            if (optionByValue.has(value))
                return undefined;
            optionByValue.set(value, check);
        }
    }
    return (value) => {
        if (typeof value !== 'object' || value === null)
            return false;
        const check = optionByValue.get(value[discriminator]);
        return check !== undefined && check(value);
    };
}
function compileRecord(def) {
    const keyType = def.keyType;
    // Keys from an enum make zod require each of them: left to zod.
    if (keyType._zod.values)
        return undefined;
    const key = compileUnchanged(keyType);
    const entry = compileUnchanged(def.valueType);
    if (!key || !entry)
        return undefined;
    return (value) => {
        if (!isPlainRecord(value) || Object.getOwnPropertySymbols(value).length > 0)
            return false;
        for (const name of Object.getOwnPropertyNames(value)) {
            if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name))
                return false;
            if (!key(name) || !entry(value[name]))
                return false;
        }
        return true;
    };
}
/** A zod check (`.min()`, `.trim()`, `.refine()`, `.regex()` ...), or undefined for one it does not know. */
function compileCheck(check) {
    const def = check._zod.def;
    switch (def.check) {
        case 'min_length': {
            const minimum = def.minimum;
            return (value) => {
                const units = value.length;
                if (units < minimum)
                    return false;
                // zod counts a string's code points: as many as its UTF-16 units when it has no surrogate.
                return typeof value !== 'string' || units >= minimum * 2 || !SURROGATE.test(value);
            };
        }
        case 'max_length': {
            const maximum = def.maximum;
            return (value) => value.length <= maximum;
        }
        case 'greater_than': {
            const limit = def.value;
            if (typeof limit !== 'number')
                return undefined;
            return def.inclusive ? (value) => value >= limit : (value) => value > limit;
        }
        case 'less_than': {
            const limit = def.value;
            if (typeof limit !== 'number')
                return undefined;
            return def.inclusive ? (value) => value <= limit : (value) => value < limit;
        }
        case 'overwrite': {
            // `.trim()` and the like: the value is unchanged only if the overwrite gives it back.
            const transform = def.tx;
            return (value) => Object.is(transform(value), value);
        }
        case 'custom': {
            const fn = def.fn;
            return (value) => {
                const result = fn(value);
                return !(result instanceof Promise) && Boolean(result);
            };
        }
        case 'number_format':
            // `.int()`: a safe integer. (Other formats bound 32-bit and float ranges: left to zod.)
            return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : undefined;
        case 'string_format': {
            // Formats that zod checks by their pattern alone; others (url, jwt, base64, ...) add checks of their own.
            const pattern = def.pattern;
            if (!PATTERN_FORMATS.has(def.format) || !(pattern instanceof RegExp))
                return undefined;
            return (value) => {
                pattern.lastIndex = 0;
                return pattern.test(value);
            };
        }
        default:
            return undefined;
    }
}


/***/ })

};
