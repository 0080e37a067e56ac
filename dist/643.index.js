export const id = 643;
export const ids = [643];
export const modules = {

/***/ 10643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderSarif: () => (/* binding */ renderSarif)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(19334);


const LEVEL = { error: 'error', fail: 'error', warn: 'warning', waived: 'note' };
/**
 * The Decision as SARIF 2.1.0 for code scanning: one result per failing, erroring, warning or
 * waived result; waived results carry a suppression with the waiver's text, so code scanning
 * shows them as dismissed rather than open.
 */
function renderSarif(decision, options) {
    const fallbackPath = options.fallbackPath ?? '.modelgate.yml';
    const findings = (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .findingsOf */ .WX)(decision, ['error', 'fail', 'warn', 'waived']);
    const ruleIds = [...new Set(findings.map(({ result }) => result.rule))].sort();
    const rules = ruleIds.map((id) => {
        const info = options.rules?.[id];
        const sample = findings.find(({ result }) => result.rule === id).result;
        const controls = info?.controls ?? sample.controls;
        return {
            id,
            name: id,
            shortDescription: { text: info?.description ?? describeBuiltIn(id) },
            defaultConfiguration: { level: (info?.severity ?? sample.severity) === 'error' ? 'error' : 'warning' },
            properties: { tags: ['modelgate', ...controls] },
        };
    });
    const results = findings.map(({ model, result }) => {
        const located = (0,_findings_js__WEBPACK_IMPORTED_MODULE_1__/* .isRepositoryPath */ .og)(result.location);
        const path = located ? result.location.path : fallbackPath;
        const region = { startLine: (located && result.location.line) || 1 };
        if (located && result.location.line !== undefined && result.location.column !== undefined)
            region.startColumn = result.location.column;
        const sarif = {
            ruleId: result.rule,
            ruleIndex: ruleIds.indexOf(result.rule),
            level: LEVEL[result.status] ?? 'note',
            message: { text: `${model.name}: ${result.message}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: path, uriBaseId: '%SRCROOT%' }, region } }],
            // Stable across runs while the same rule fails for the same model in the same file, so
            // code scanning keeps one alert instead of opening a new one each time a value changes.
            partialFingerprints: { 'modelgateFinding/v1': (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${result.rule}\u0000${model.name}\u0000${path}`).digest('hex') },
            properties: { model: model.name, status: result.status, controls: result.controls, ...(located ? {} : result.location ? { location: result.location.path } : {}) },
        };
        if (result.status === 'waived')
            sarif.suppressions = [{ kind: 'external', justification: result.message }];
        return sarif;
    });
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'modelgate',
                        version: options.toolVersion,
                        semanticVersion: options.toolVersion,
                        ...(options.informationUri && { informationUri: options.informationUri }),
                        rules,
                    },
                },
                automationDetails: { id: `modelgate/${decision.policy.name}/` },
                properties: { verdict: decision.verdict, policy: decision.policy, notices: decision.notices },
                results,
            },
        ],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
function describeBuiltIn(id) {
    if (id.startsWith('artefact.'))
        return `The configured ${id.slice('artefact.'.length)} artefact can be found and read`;
    if (id === 'policy.changed')
        return 'A change to the policy or the repository config is approved by the policy owners';
    return id;
}


/***/ })

};
