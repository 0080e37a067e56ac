export const id = 344;
export const ids = [344];
export const modules = {

/***/ 61344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildVerificationStatement: () => (/* binding */ buildVerificationStatement)
/* harmony export */ });
/* unused harmony exports INTOTO_STATEMENT_TYPE, VSA_PREDICATE_TYPE, MODELGATE_VERIFIER_ID, DECISION_FIELD, MAX_EMBEDDED_DECISION_BYTES, SLSA_VERSION, VERIFIED_LEVELS */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var canonicalize__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98799);


/**
 * A model decision as an in-toto Statement v1 whose predicate is a SLSA Verification Summary
 * Attestation (https://slsa.dev/verification_summary/v1): modelgate (the verifier) judged the
 * model's artefact files (the subject) against a policy, and says whether they passed. Pure:
 * values in, the statement out; signing and storing it are the edge's job.
 */
const INTOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1';
/** `verifier.id`: who judged. Consumers pair it with the signer (the workflow's identity in the certificate). */
const MODELGATE_VERIFIER_ID = 'https://github.com/modelgate/modelgate';
/**
 * The extension field (a URI, as the in-toto parsing rules require of extension fields) that
 * carries the full model decision: a ResourceDescriptor with its sha256 and, up to
 * MAX_EMBEDDED_DECISION_BYTES, the decision itself as `content`.
 */
const DECISION_FIELD = 'https://github.com/modelgate/modelgate/blob/main/docs/attestations.md#the-decision';
/** A decision larger than this is referenced by digest only; the audit trail and the job's report keep it. */
const MAX_EMBEDDED_DECISION_BYTES = 256 * 1024;
/** The version of the VSA format followed (`slsaVersion`, MAJOR.MINOR). */
const SLSA_VERSION = '1.0';
/** `verifiedLevels` for a model that passed: without warnings, or with warnings only. Never `SLSA_…`, which the spec reserves. */
const VERIFIED_LEVELS = { pass: 'MODELGATE_VERDICT_PASS', warn: 'MODELGATE_VERDICT_WARN', fail: 'FAILED' };
/**
 * The Statement for one model of a Decision, or undefined when the model has no artefact file
 * to be the subject (an in-toto Statement needs at least one): nothing was judged that a
 * consumer could hold in hand and check against the attestation.
 *
 * - subject: every artefact file judged, by repository path, with its sha256;
 * - `verificationResult`: PASSED when the model's verdict is `pass` or `warn` (no
 *   error-severity rule failed), FAILED otherwise; `fail-on` does not change it;
 * - `inputAttestations`: the same files as the evidence they are (a model card, a bias report
 *   are claims about the model by its producers), with their kind;
 * - the full decision (rule results, approvals, policy) in DECISION_FIELD, by digest.
 */
function buildVerificationStatement(decision, model, subject, context) {
    const artefacts = artefactsOf(subject);
    if (artefacts.length === 0)
        return undefined;
    const passed = model.verdict !== 'fail';
    const record = canonicalJson({
        decisionId: context.decisionId,
        policy: decision.policy,
        model,
        approvals: (subject?.approvals ?? []).map(approvalSnapshot),
        notices: decision.notices,
    });
    const bytes = Buffer.from(record, 'utf8');
    const embedded = bytes.length <= MAX_EMBEDDED_DECISION_BYTES;
    return {
        _type: INTOTO_STATEMENT_TYPE,
        subject: artefacts.map(({ path, sha256 }) => ({ name: path, digest: { sha256 } })),
        predicateType: VSA_PREDICATE_TYPE,
        predicate: {
            verifier: { id: MODELGATE_VERIFIER_ID, version: { modelgate: context.verifierVersion } },
            timeVerified: context.time.toISOString(),
            resourceUri: context.resourceUri,
            policy: {
                uri: context.policyUri,
                digest: { sha256: hexDigest(decision.policy.digest) },
                annotations: { name: decision.policy.name, version: decision.policy.version },
            },
            inputAttestations: artefacts.map(({ path, sha256, kind, format }) => {
                const uri = context.artefactUri(path);
                return { name: path, ...(uri && { uri }), digest: { sha256 }, annotations: { kind, format } };
            }),
            verificationResult: passed ? 'PASSED' : 'FAILED',
            verifiedLevels: [VERIFIED_LEVELS[model.verdict]],
            slsaVersion: SLSA_VERSION,
            [DECISION_FIELD]: {
                name: `modelgate-decision-${context.decisionId}-${model.name}.json`,
                digest: { sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') },
                mediaType: 'application/json',
                ...(embedded && { content: bytes.toString('base64') }),
                annotations: {
                    decisionId: context.decisionId,
                    model: model.name,
                    verdict: model.verdict,
                    ...(!embedded && { content: `omitted: ${bytes.length} bytes, more than ${MAX_EMBEDDED_DECISION_BYTES}` }),
                },
            },
        },
    };
}
/** Every artefact file of a subject once, sorted by path: what the audit record lists too. */
function artefactsOf(subject) {
    const byPath = new Map();
    for (const [kind, evidence] of Object.entries(subject?.evidence ?? {})) {
        for (const source of evidence?.sources ?? []) {
            byPath.set(source.path, { path: source.path, sha256: hexDigest(source.sha256), kind, format: source.format });
        }
    }
    return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
function approvalSnapshot(approval) {
    return { user: approval.user, teams: approval.teams, state: approval.state, ...(approval.at && { at: approval.at }), source: approval.source };
}
/** `sha256:abc…` or `abc…` → `abc…`. */
function hexDigest(digest) {
    return digest.replace(/^sha256:/, '');
}
/** RFC 8785 canonical JSON, so the digest can be recomputed from the decision by anyone. */
function canonicalJson(value) {
    const text = (0,canonicalize__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(value);
    if (text === undefined)
        throw new Error('the decision cannot be written as JSON');
    return text;
}


/***/ })

};
