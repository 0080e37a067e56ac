export const id = 426;
export const ids = [426];
export const modules = {

/***/ 6426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  judge: () => (/* binding */ judge)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 10 modules
var schemas = __webpack_require__(13798);
// EXTERNAL MODULE: ./src/artefacts/evidence.ts
var evidence = __webpack_require__(55254);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/document/limits.ts
var document_limits = __webpack_require__(15841);
// EXTERNAL MODULE: ./node_modules/jsonc-parser/lib/umd/main.js
var main = __webpack_require__(99547);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./src/document/location.ts
var document_location = __webpack_require__(85294);
;// CONCATENATED MODULE: ./src/document/parse.ts





/** Keys that would reach an object's prototype if copied by naive code downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * An unpaired UTF-16 surrogate, which only an escape (`"\ud800"`) can produce: such a
 * string is not Unicode text, has no UTF-8 form and no RFC 8785 canonical JSON, so a
 * value carrying it into a report or an audit record could not be recorded.
 */
const LONE_SURROGATE = /\p{Cs}/u;
function syntaxOf(path) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.yaml') || lower.endsWith('.yml'))
        return 'yaml';
    if (lower.endsWith('.json'))
        return 'json';
    return undefined;
}
/** Parses by file extension; other extensions are tried as JSON when they look like JSON, else YAML. */
function parseStructured(text, path, options = {}) {
    const syntax = syntaxOf(path) ?? (/^\s*[[{]/.test(text) ? 'json' : 'yaml');
    return syntax === 'json' ? parseJson(text, path, options) : parseYaml(text, path, options);
}
function parseYaml(text, path, options = {}) {
    const limits = options.limits ?? document_limits/* DEFAULT_LIMITS */.dR;
    const fail = failWith(options.errorCode ?? 'artefact', path);
    checkSize(text, limits, fail);
    const lineCounter = new dist/* LineCounter */.HN();
    let doc;
    let value;
    try {
        // yaml's own uniqueKeys check is quadratic in a mapping's size: duplicates are found below instead.
        doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
    }
    catch (error) {
        throw fail(`cannot parse YAML: ${describeParserCrash(error)}`);
    }
    const locateOffset = (offset) => {
        const { line, col } = lineCounter.linePos(offset);
        return { path, line, column: col };
    };
    const firstError = doc.errors[0];
    if (firstError) {
        const reason = /call stack/i.test(firstError.message) ? 'the document is nested too deeply' : firstLine(firstError.message);
        throw fail(`invalid YAML: ${reason}`, locateOffset(firstError.pos[0]));
    }
    const badKey = firstBadKey(doc);
    if (badKey)
        throw fail(`invalid YAML: ${badKey.reason}`, locateOffset(badKey.offset));
    try {
        value = doc.toJS({ maxAliasCount: limits.max_yaml_aliases });
    }
    catch (error) {
        throw fail(`cannot read YAML: ${describeParserCrash(error)}`);
    }
    const locate = (pointer, last) => {
        const offset = yamlOffset(doc, last === undefined ? pointer : [...pointer, last]);
        return offset === undefined ? { path, line: 1, column: 1 } : locateOffset(offset);
    };
    // YAML escapes (`\x`, `\u`, `\U`) can spell any character: its strings are always checked.
    checkTree(value, limits, locate, () => locate([]), fail, true);
    return { path, syntax: 'yaml', value, locate };
}
function parseJson(text, path, options = {}) {
    const limits = options.limits ?? document_limits/* DEFAULT_LIMITS */.dR;
    const fail = failWith(options.errorCode ?? 'artefact', path);
    const lineShift = (options.startLine ?? 1) - 1;
    checkSize(text, limits, fail);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw fail(`invalid JSON: ${describeJsonError(text, error)}`, locateJsonError(text, path, lineShift));
    }
    const doc = new JsonDocument(path, value, text, lineShift);
    const locateTooDeep = () => ({ path, ...doc.positionAtOffset(offsetBeyondDepth(text, limits.max_nesting_depth)) });
    checkTree(value, limits, (pointer) => doc.locate(pointer), locateTooDeep, fail, jsonStringsSuspect(text));
    return doc;
}
/**
 * A parsed JSON text. `locate` is a method, not a closure made per document: adapters call it
 * once per item, and optimized code that inlined one document's closure is discarded when
 * another document's is called or that one is collected, so each large document would be read
 * by unoptimized code while the adapter is compiled again. The position tree is only built
 * when a finding needs a line: most documents never do.
 */
class JsonDocument {
    path;
    value;
    syntax = 'json';
    #text;
    #lineShift;
    /** Shared by this document's lazy locations. */
    #resolve = (pointer) => this.#positionAt(pointer);
    #tree;
    #starts;
    constructor(path, value, text, lineShift) {
        this.path = path;
        this.value = value;
        this.#text = text;
        this.#lineShift = lineShift;
    }
    locate(pointer, last) {
        return (0,document_location/* lazyLocation */.QT)(this.path, this.#resolve, pointer, last);
    }
    positionAtOffset(offset) {
        this.#starts ??= (0,document_location/* lineStartsOf */.xV)(this.#text);
        const { line, column } = (0,document_location/* positionAt */.t$)(this.#starts, offset);
        return { line: line + this.#lineShift, column };
    }
    #positionAt(pointer) {
        this.#tree ??= (0,main.parseTree)(this.#text) ?? { type: 'null', offset: 0, length: 0 };
        return this.positionAtOffset(nodeStart(deepestNode(this.#tree, pointer)));
    }
}
/** Pairs of a YAML mapping by key, built on first use (see propertyTables). */
const pairTables = new WeakMap();
function yamlPair(map, key) {
    let table = pairTables.get(map);
    if (!table) {
        table = new Map();
        for (const pair of map.items) {
            if ((0,dist/* isScalar */.jn)(pair.key) && !table.has(String(pair.key.value)))
                table.set(String(pair.key.value), pair);
        }
        pairTables.set(map, table);
    }
    return table.get(key);
}
/**
 * The offset of the value at `pointer`, or of the key that names it (the line a reader
 * edits); a pointer past the document stops at its deepest existing parent.
 */
function yamlOffset(doc, pointer) {
    let node = doc.contents;
    let offset = (0,dist/* isNode */.Ll)(node) ? node.range?.[0] : undefined;
    for (const segment of pointer) {
        if ((0,dist/* isMap */.jh)(node)) {
            const pair = yamlPair(node, String(segment));
            if (!pair)
                break;
            offset = (0,dist/* isNode */.Ll)(pair.key) ? pair.key.range?.[0] : offset;
            node = pair.value;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
            node = node.items[segment];
            offset = (0,dist/* isNode */.Ll)(node) ? (node.range?.[0] ?? offset) : offset;
        }
        else {
            break;
        }
    }
    return offset;
}
/** Where nesting first exceeds the limit, found by a scan: a tree walk would overflow on such input. */
function offsetBeyondDepth(text, maxDepth) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (inString) {
            if (char === '\\')
                i++;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"')
            inString = true;
        else if (char === '[' || char === '{') {
            if (++depth > maxDepth)
                return i;
        }
        else if (char === ']' || char === '}')
            depth--;
    }
    return 0;
}
/**
 * Property lookup tables per object node, built on first use: locating every item of a
 * large object one by one would otherwise scan its properties each time (quadratic).
 */
const propertyTables = new WeakMap();
function propertyValue(node, key) {
    let table = propertyTables.get(node);
    if (!table) {
        table = new Map();
        for (const property of node.children ?? []) {
            const [name, value] = property.children ?? [];
            if (name && value && !table.has(String(name.value)))
                table.set(String(name.value), value);
        }
        propertyTables.set(node, table);
    }
    return table.get(key);
}
/** The node at `pointer`, or its deepest existing ancestor. */
function deepestNode(root, pointer) {
    let node = root;
    for (const segment of pointer) {
        const next = node.type === 'object'
            ? propertyValue(node, String(segment))
            : node.type === 'array' && typeof segment === 'number'
                ? node.children?.[segment]
                : undefined;
        if (!next)
            break;
        node = next;
    }
    return node;
}
/** A property value's line is where its key stands: that is the line a reader edits. */
function nodeStart(node) {
    return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}
function locateJsonError(text, path, lineShift) {
    if (text.trim() === '')
        return { path };
    const errors = [];
    try {
        (0,main.parseTree)(text, errors, { allowTrailingComma: false, disallowComments: true });
    }
    catch {
        // A pathologically nested text overflows the locating parser; the reason still stands.
        return { path };
    }
    const first = errors[0];
    if (!first)
        return { path };
    const { line, column } = (0,document_location/* positionAt */.t$)((0,document_location/* lineStartsOf */.xV)(text), first.offset);
    return { path, line: line + lineShift, column };
}
function describeJsonError(text, error) {
    if (text.trim() === '')
        return 'the file is empty';
    const message = error instanceof Error ? error.message : String(error);
    // V8's message repeats a window of the input; the location prefix already says where.
    return firstLine(message.replace(/, "[\s\S]*$/, '').replace(/ in JSON at position \d+.*$/, ''));
}
function describeParserCrash(error) {
    if (error instanceof RangeError)
        return 'the document is nested too deeply';
    return firstLine(error instanceof Error ? error.message : String(error));
}
function firstLine(message) {
    return message.split('\n')[0]?.trim() ?? message;
}
function failWith(code, path) {
    return (message, location) => new errors/* ModelgateError */.HJ(code, message, location ?? { path });
}
function checkSize(text, limits, fail) {
    if (text.length > limits.max_file_bytes) {
        throw fail(`file is larger than the limit of ${limits.max_file_bytes} bytes`);
    }
}
const LONE_SURROGATE_MESSAGE = 'not valid Unicode text: a string holds an unpaired surrogate escape (\\ud800-\\udfff)';
/**
 * Whether the strings of a JSON text need checking for lone surrogates: a parsed string
 * can only hold one if the text has one or a `\u` escape. Most artefacts have neither.
 */
function jsonStringsSuspect(text) {
    return text.includes('\\u') || !isWellFormedText(text);
}
/** `String.prototype.isWellFormed` (constant time for a one-byte string) where the runtime has it. */
function isWellFormedText(text) {
    const native = text.isWellFormed;
    return native ? native.call(text) : !LONE_SURROGATE.test(text);
}
/**
 * Refuses prototype-polluting keys, strings that are not Unicode text and nesting beyond
 * the limit. A quick walk without paths finds whether anything is wrong; only then does
 * the walk that names the offending value run.
 */
function checkTree(value, limits, locate, locateTooDeep, fail, checkStrings) {
    if (treeIsClean(value, limits.max_nesting_depth, checkStrings))
        return;
    reportTreeProblem(value, limits, locate, locateTooDeep, fail);
}
/**
 * The quick walk: iterative (deep documents must not overflow the stack), without paths,
 * looking at strings only when they are suspect. Finds the same problems as
 * reportTreeProblem, which names them.
 */
function treeIsClean(root, maxDepth, checkStrings) {
    if (typeof root !== 'object' || root === null)
        return !(checkStrings && typeof root === 'string' && LONE_SURROGATE.test(root));
    // No closure: optimized code would hold on to one made per call, and be discarded when it is collected.
    const containers = [root];
    const depths = [0];
    while (containers.length > 0) {
        const current = containers.pop();
        const depth = depths.pop();
        if (depth >= maxDepth)
            return false;
        if (Array.isArray(current)) {
            for (let index = 0; index < current.length; index++) {
                const value = current[index];
                if (typeof value === 'object' && value !== null) {
                    containers.push(value);
                    depths.push(depth + 1);
                }
                else if (checkStrings && typeof value === 'string' && LONE_SURROGATE.test(value))
                    return false;
            }
            continue;
        }
        // for-in allocates no key list; an inherited key it may also see can only make the walk
        // report a problem, which reportTreeProblem (own keys only) then confirms or not.
        for (const key in current) {
            if (FORBIDDEN_KEYS.has(key))
                return false;
            if (checkStrings && LONE_SURROGATE.test(key))
                return false;
            const value = current[key];
            if (typeof value === 'object' && value !== null) {
                containers.push(value);
                depths.push(depth + 1);
            }
            else if (checkStrings && typeof value === 'string' && LONE_SURROGATE.test(value))
                return false;
        }
    }
    return true;
}
/** The walk that names the first problem: each entry links to its parent, so a path is only rebuilt for an error. */
function reportTreeProblem(value, limits, locate, locateTooDeep, fail) {
    const pointerOf = (entry) => {
        const pointer = [];
        for (let current = entry; current?.parent; current = current.parent)
            pointer.unshift(current.key);
        return pointer;
    };
    const stack = [{ value, depth: 0, parent: undefined, key: '' }];
    while (stack.length > 0) {
        const entry = stack.pop();
        const current = entry.value;
        if (typeof current === 'string' && LONE_SURROGATE.test(current)) {
            throw fail(LONE_SURROGATE_MESSAGE, locate(pointerOf(entry)));
        }
        if (current === null || typeof current !== 'object')
            continue;
        if (entry.depth >= limits.max_nesting_depth) {
            throw fail(`nesting deeper than the limit of ${limits.max_nesting_depth} levels`, locateTooDeep());
        }
        if (Array.isArray(current)) {
            for (let index = 0; index < current.length; index++) {
                stack.push({ value: current[index], depth: entry.depth + 1, parent: entry, key: index });
            }
            continue;
        }
        for (const key of Object.keys(current)) {
            if (FORBIDDEN_KEYS.has(key)) {
                throw fail(`forbidden key "${key}"`, locate([...pointerOf(entry), key]));
            }
            if (LONE_SURROGATE.test(key))
                throw fail(LONE_SURROGATE_MESSAGE, locate([...pointerOf(entry), key]));
            stack.push({ value: current[key], depth: entry.depth + 1, parent: entry, key });
        }
    }
}
/**
 * The first key of any mapping that would be lost or ambiguous in the parsed value: a
 * repeated key (compared as the parsed object's key, so an alias of an earlier key or a
 * `~` beside `""` counts), or a key that is a map, list or binary value, which would be
 * turned into text. Found with one set per mapping.
 */
function firstBadKey(doc) {
    let found;
    (0,dist/* visit */.YR)(doc, {
        Map(_, map) {
            const seen = new Set();
            for (const pair of map.items) {
                const offset = ((0,dist/* isNode */.Ll)(pair.key) ? pair.key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
                const key = objectKeyOf(pair.key, doc);
                if (key === undefined) {
                    found = { reason: 'a mapping key must be a string, number, bool or null, not a map, list or binary value', offset };
                    return dist/* visit */.YR.BREAK;
                }
                if (seen.has(key)) {
                    found = { reason: `Map keys must be unique ("${key}")`, offset };
                    return dist/* visit */.YR.BREAK;
                }
                seen.add(key);
            }
            return undefined;
        },
    });
    return found;
}
/** The property name a mapping key becomes in the parsed value (as `yaml`'s toJS names it); undefined for a non-scalar key. */
function objectKeyOf(key, doc) {
    const node = (0,dist/* isAlias */.Vj)(key) ? key.resolve(doc) : key;
    if (node === null || node === undefined)
        return '';
    if (!(0,dist/* isScalar */.jn)(node))
        return undefined;
    if (node.value === null)
        return '';
    return typeof node.value === 'object' ? undefined : String(node.value);
}

// EXTERNAL MODULE: ./src/document/validate.ts
var validate = __webpack_require__(40447);
;// CONCATENATED MODULE: ./src/artefacts/formats/cyclonedx.ts

/**
 * CycloneDX ML-BOM (JSON, spec 1.5 and later): the model card of a `machine-learning-model`
 * component, as defined by the `modelCard` object of the CycloneDX schema.
 */
const CYCLONEDX_FORMAT_ID = 'cyclonedx-mlbom';
const MODEL_TYPE = 'machine-learning-model';
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** Every component of the BOM, metadata.component first, then components[] depth first. */
function componentsOf(bom) {
    const found = [];
    const visit = (value, pointer) => {
        if (!isObject(value))
            return;
        found.push({ value, pointer });
        if (Array.isArray(value.components))
            value.components.forEach((child, index) => visit(child, [...pointer, 'components', index]));
    };
    if (isObject(bom.metadata))
        visit(bom.metadata.component, ['metadata', 'component']);
    if (Array.isArray(bom.components))
        bom.components.forEach((component, index) => visit(component, ['components', index]));
    return found;
}
/** Names by bom-ref, of components and of their inline data entries, to resolve dataset refs. */
function namesByRef(components) {
    const names = new Map();
    for (const { value: component } of components) {
        const ref = nonEmpty(component['bom-ref']);
        const name = nonEmpty(component.name);
        if (ref && name)
            names.set(ref, name);
    }
    for (const { value: component } of components) {
        if (!Array.isArray(component.data))
            continue;
        for (const entry of component.data) {
            if (!isObject(entry))
                continue;
            const ref = nonEmpty(entry['bom-ref']);
            const name = nonEmpty(entry.name);
            // A component's own name wins over a data entry's: the corpus refs point at components.
            if (ref && name && !names.has(ref))
                names.set(ref, name);
        }
    }
    return names;
}
/** The license ids, names or expression of a component; several declared licenses all apply. */
function licenseOf(licenses) {
    if (!Array.isArray(licenses))
        return undefined;
    const found = [];
    for (const entry of licenses) {
        if (!isObject(entry))
            continue;
        const expression = nonEmpty(entry.expression);
        const license = isObject(entry.license) ? (nonEmpty(entry.license.id) ?? nonEmpty(entry.license.name)) : undefined;
        const value = expression ?? license;
        if (value && !found.includes(value))
            found.push(value);
    }
    if (found.length === 0)
        return undefined;
    return found.length === 1 ? found[0] : found.map((value) => (/\s/.test(value) ? `(${value})` : value)).join(' AND ');
}
/** A CycloneDX metric value is a string; it must spell a finite number to be compared. */
function metricValue(raw) {
    if (typeof raw === 'number')
        return Number.isFinite(raw) ? raw : undefined;
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    if (typeof raw !== 'string' || raw.length > 64 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim()))
        return undefined;
    const value = Number(raw.trim());
    return Number.isFinite(value) ? value : undefined;
}
function strings(value) {
    const items = Array.isArray(value) ? value : [value];
    return items.map(nonEmpty).filter((item) => item !== undefined);
}
function datasetsOf(modelParameters, names) {
    if (!Array.isArray(modelParameters.datasets))
        return [];
    const datasets = [];
    for (const dataset of modelParameters.datasets) {
        if (!isObject(dataset))
            continue;
        const ref = nonEmpty(dataset.ref);
        // An unresolved ref (e.g. a BOM-Link to another BOM) still names the dataset.
        const name = ref !== undefined ? (names.get(ref) ?? ref) : (nonEmpty(dataset.name) ?? nonEmpty(dataset['bom-ref']));
        if (name !== undefined && !datasets.includes(name))
            datasets.push(name);
    }
    return datasets;
}
function evaluationsOf(doc, metrics, pointer) {
    if (metrics === undefined)
        return [];
    if (!Array.isArray(metrics))
        throw (0,errors/* artefactError */.bo)('performanceMetrics must be a list', doc.locate(pointer));
    return metrics.map((metric, index) => {
        const at = [...pointer, index];
        if (!isObject(metric))
            throw (0,errors/* artefactError */.bo)('a performance metric must be an object', doc.locate(at));
        const name = nonEmpty(metric.type);
        if (name === undefined)
            throw (0,errors/* artefactError */.bo)('a performance metric has no type', doc.locate(at));
        const value = metricValue(metric.value);
        if (value === undefined) {
            const shown = metric.value === undefined ? 'no value' : `value ${JSON.stringify(metric.value)}, which is not a finite number`;
            throw (0,errors/* artefactError */.bo)(`performance metric "${name}" has ${shown}`, doc.locate(metric.value === undefined ? at : [...at, 'value']));
        }
        const evaluation = { metric: name, value, location: doc.locate(at) };
        const slice = nonEmpty(metric.slice);
        if (slice !== undefined)
            evaluation.split = slice;
        return evaluation;
    });
}
function ethicsOf(considerations) {
    if (!Array.isArray(considerations))
        return [];
    return considerations.flatMap((risk) => {
        if (!isObject(risk))
            return strings(risk);
        const name = nonEmpty(risk.name);
        const mitigation = nonEmpty(risk.mitigationStrategy);
        if (name && mitigation)
            return [`${name} (mitigation: ${mitigation})`];
        return name ? [name] : mitigation ? [`mitigation: ${mitigation}`] : [];
    });
}
function hasItems(value) {
    return Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0;
}
function adaptCycloneDx(input) {
    const doc = input.structured();
    const bom = doc.value;
    if (!isObject(bom) || bom.bomFormat !== 'CycloneDX') {
        throw (0,errors/* artefactError */.bo)('not a CycloneDX BOM (bomFormat is not "CycloneDX")', doc.locate([]));
    }
    const components = componentsOf(bom);
    const models = components.filter(({ value }) => value.type === MODEL_TYPE);
    const model = models.find(({ value }) => isObject(value.modelCard));
    if (!model) {
        const why = models.length === 0 ? `no component of type "${MODEL_TYPE}"` : `no "${MODEL_TYPE}" component has a modelCard`;
        throw (0,errors/* artefactError */.bo)(`not a model card: the CycloneDX BOM has ${why}`, doc.locate(models[0]?.pointer ?? []));
    }
    const component = model.value;
    const card = component.modelCard;
    const cardAt = [...model.pointer, 'modelCard'];
    const locate = (...pointer) => doc.locate([...cardAt, ...pointer]);
    const data = {};
    const fieldLocations = {};
    const sections = [];
    const set = (field, value, location, section) => {
        data[field] = value;
        fieldLocations[field] = location;
        if (section)
            sections.push(section);
    };
    if (component.name !== undefined)
        set('name', component.name, doc.locate([...model.pointer, 'name']));
    if (component.version !== undefined)
        set('version', component.version, doc.locate([...model.pointer, 'version']));
    const license = licenseOf(component.licenses);
    if (license !== undefined)
        set('license', license, doc.locate([...model.pointer, 'licenses']));
    const parameters = isObject(card.modelParameters) ? card.modelParameters : {};
    const datasets = datasetsOf(parameters, namesByRef(components));
    if (datasets.length > 0)
        set('training_data', datasets, locate('modelParameters', 'datasets'), 'training_data');
    const analysis = isObject(card.quantitativeAnalysis) ? card.quantitativeAnalysis : {};
    const evaluation = evaluationsOf(doc, analysis.performanceMetrics, [...cardAt, 'quantitativeAnalysis', 'performanceMetrics']);
    if (evaluation.length > 0)
        set('evaluation', evaluation, locate('quantitativeAnalysis', 'performanceMetrics'), 'evaluation');
    // users are who the model is for, not what it is for; owners are not part of a modelCard.
    const considerations = isObject(card.considerations) ? card.considerations : {};
    const useCases = strings(considerations.useCases);
    if (useCases.length > 0)
        set('intended_use', useCases.join('\n'), locate('considerations', 'useCases'), 'intended_use');
    const limitations = strings(considerations.technicalLimitations);
    if (limitations.length > 0)
        set('limitations', limitations.join('\n'), locate('considerations', 'technicalLimitations'), 'limitations');
    const ethics = ethicsOf(considerations.ethicalConsiderations);
    if (ethics.length > 0) {
        set('ethical_considerations', ethics.join('\n'), locate('considerations', 'ethicalConsiderations'), 'ethical_considerations');
    }
    if (hasItems(considerations.performanceTradeoffs))
        sections.push('performance_tradeoffs');
    if (hasItems(considerations.fairnessAssessments))
        sections.push('fairness_assessments');
    if (hasItems(considerations.environmentalConsiderations))
        sections.push('environmental_considerations');
    data.sections = sections;
    return { data, fieldLocations };
}
const CYCLONEDX_MLBOM_FORMAT = {
    id: CYCLONEDX_FORMAT_ID,
    kind: 'model_card',
    description: 'CycloneDX 1.5+ ML-BOM (JSON): the modelCard of the first machine-learning-model component',
    detect: (input) => {
        if (!/\.json$/i.test(input.path))
            return false;
        const value = input.structured().value;
        return isObject(value) && value.bomFormat === 'CycloneDX';
    },
    adapt: adaptCycloneDx,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/evidently-common.ts

/**
 * What every Evidently generation shares once read: per-column drift results, the
 * dataset-level statements a report makes, and the rules that fill in what a
 * generation leaves unsaid. Each generation's reader only finds these pieces.
 */
/** Evidently's default share of drifted columns at which a dataset counts as drifted (DatasetDriftMetric, DriftedColumnsCount). */
const DEFAULT_DRIFT_SHARE = 0.5;
const NO_DRIFT_METRIC = 'no drift metric (DatasetDriftMetric, DataDriftTable, DriftedColumnsCount, ...)';
function evidently_common_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function evidently_common_nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
/** `evidently:metric:DataDriftTable`, `evidently.metrics.data_drift.data_drift_table.DataDriftTable` → `DataDriftTable`. */
function typeName(type) {
    const text = evidently_common_nonEmpty(type);
    if (text === undefined)
        return undefined;
    return text.split(/[:.]/).pop() || undefined;
}
/** True for a `.json` file whose top level is an object; only then may a detector look inside. */
function jsonObjectOf(input) {
    if (!/\.json$/i.test(input.path))
        return undefined;
    const value = input.structured().value;
    // A native modelgate file names its apiVersion; Evidently never writes one.
    if (!evidently_common_isObject(value) || typeof value.apiVersion === 'string')
        return undefined;
    return value;
}
/** Reads numbers, booleans and strings at a pointer, refusing anything else with the line it stands on. */
class Reader {
    doc;
    constructor(doc) {
        this.doc = doc;
    }
    locate(pointer, last) {
        return this.doc.locate(pointer, last);
    }
    fail(message, pointer) {
        throw (0,errors/* artefactError */.bo)(message, this.doc.locate(pointer));
    }
    /** A finite number; absent (or null, which Evidently writes for an unset optional) gives undefined. */
    optionalNumber(value, pointer, what) {
        if (value === undefined || value === null)
            return undefined;
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
        this.fail(`${what} is ${JSON.stringify(value)}, which is not a finite number`, pointer);
    }
    number(value, pointer, what) {
        if (value === null)
            this.fail(`${what} is null, which is not a finite number`, pointer);
        const number = this.optionalNumber(value, pointer, what);
        if (number === undefined)
            this.fail(`${what} is missing`, pointer);
        return number;
    }
    /** A share of columns, 0..1. */
    share(value, pointer, what) {
        const share = this.number(value, pointer, what);
        if (share < 0 || share > 1)
            this.fail(`${what} is ${share}, which is not a share between 0 and 1`, pointer);
        return share;
    }
    /** The top-level object of a file: an adapter can be chosen by `--format` without detection, so it checks again. */
    topLevel(what, required) {
        const value = this.doc.value;
        if (!evidently_common_isObject(value))
            this.fail(`not ${what}: expected a JSON object at the top level`, []);
        if (required !== undefined && !evidently_common_isObject(value[required]))
            this.fail(`not ${what}: it has no "${required}" object`, []);
        return value;
    }
    boolean(value, pointer, what) {
        if (typeof value === 'boolean')
            return value;
        this.fail(`${what} is ${value === undefined ? 'missing' : `${JSON.stringify(value)}, not true or false`}`, pointer);
    }
    /**
     * `owner[key]` as an optional finite number, for the fields of every column, whose entry is
     * at `at` (then `last`, when given): the pointer and the message ("<key> of column "<name>"")
     * are only built when the value is refused.
     */
    columnNumber(owner, key, column, at, last) {
        const value = owner[key];
        if (typeof value === 'number' && Number.isFinite(value))
            return value;
        if (value === undefined || value === null)
            return undefined;
        return this.optionalNumber(value, [...joined(at, last), key], `${key} of column "${column}"`);
    }
    /** `owner[key]` as a boolean, built like columnNumber. */
    columnBoolean(owner, key, column, at, last) {
        const value = owner[key];
        if (typeof value === 'boolean')
            return value;
        return this.boolean(value, [...joined(at, last), key], `${key} of column "${column}"`);
    }
}
/** `pointer`, then `last` when given. */
function joined(pointer, last) {
    return last === undefined ? pointer : [...pointer, last];
}
/** Ranks of dataset-level statements, lowest first. */
const RANK = { table: 1, datasetMetric: 2, numberTest: 3, shareTest: 4 };
/**
 * Collects what one Evidently file says about drift and turns it into normalized drift
 * evidence: stated values win; unstated ones are derived the way Evidently derives them.
 */
class DriftCollector {
    reader;
    features = new Map();
    featuresLocation;
    datasetDrift = [];
    shares = [];
    driftShare;
    extra = {};
    driftMetrics = [];
    otherMetrics = [];
    otherTests = [];
    windows = {};
    windowLocations = {};
    constructor(reader) {
        this.reader = reader;
    }
    /** Where the per-column results are, for `fieldLocations.features` (the first list seen). */
    featuresAt(pointer) {
        this.featuresLocation ??= this.reader.locate(pointer);
    }
    /**
     * One column's result. A column reported twice (e.g. by DataDriftTable and by a
     * ColumnDriftMetric) stays one feature, the first report's, and counts as drifted if
     * any report says so: a gate must not miss a drift one of two metrics found.
     */
    addFeature(input) {
        const existing = this.features.get(input.name);
        if (existing) {
            existing.drifted ||= input.drifted;
            const also = Array.isArray(existing.extra.also_reported_by) ? existing.extra.also_reported_by : [];
            existing.extra.also_reported_by = [...also, input.source];
            return;
        }
        if (this.featuresLocation === undefined)
            this.featuresAt(input.last === undefined ? input.pointer.slice(0, -1) : input.pointer);
        // Fields in the order of the drift schema, as the evidence is shown.
        const feature = { name: input.name };
        if (input.test !== undefined)
            feature.test = input.test;
        if (input.score !== undefined)
            feature.score = input.score;
        if (input.threshold !== undefined)
            feature.threshold = input.threshold;
        feature.drifted = input.drifted;
        feature.location = this.reader.locate(input.pointer, input.last);
        feature.extra = input.extra;
        this.features.set(input.name, feature);
    }
    stateDatasetDrift(value, pointer, source, rank) {
        this.datasetDrift.push({ value, location: this.reader.locate(pointer), source, rank });
    }
    stateShare(value, pointer, source, rank) {
        this.shares.push({ value, location: this.reader.locate(pointer), source, rank });
    }
    /** The share of drifted columns at which the tool calls the dataset drifted; the first stated wins. */
    stateDriftShare(value, pointer, source) {
        this.driftShare ??= { value, location: this.reader.locate(pointer), source, rank: 0 };
    }
    /** Reference and current windows: Evidently has no fields for them, so they come from run metadata and the timestamp. */
    readWindows(metadata, metadataPointer, timestamp, timestampPointer) {
        for (const side of ['reference', 'current']) {
            const window = {};
            let at;
            if (evidently_common_isObject(metadata)) {
                const nested = metadata[side];
                for (const bound of ['start', 'end']) {
                    const fromNested = evidently_common_isObject(nested) ? evidently_common_nonEmpty(nested[bound]) : undefined;
                    const flat = evidently_common_nonEmpty(metadata[`${side}_${bound}`]);
                    if (fromNested !== undefined) {
                        window[bound] = fromNested;
                        at ??= [...metadataPointer, side];
                    }
                    else if (flat !== undefined) {
                        window[bound] = flat;
                        at ??= [...metadataPointer, `${side}_${bound}`];
                    }
                }
            }
            // Evidently's timestamp is the time the current data refers to (the run time when not set): the current window ends there.
            const stamp = evidently_common_nonEmpty(timestamp);
            if (side === 'current' && window.end === undefined && stamp !== undefined) {
                window.end = stamp;
                at ??= timestampPointer;
            }
            if (at !== undefined) {
                this.windows[side] = window;
                this.windowLocations[side] = this.reader.locate(at);
            }
        }
    }
    hasDriftEvidence() {
        return this.features.size > 0 || this.shares.length > 0 || this.datasetDrift.length > 0;
    }
    /** Normalized drift evidence; `missing` says what the file lacks when it holds no drift result at all. */
    finish(missing) {
        if (!this.hasDriftEvidence()) {
            const found = missing.found.length > 0 ? `; it has: ${[...new Set(missing.found)].join(', ')}` : '';
            this.reader.fail(`${NO_DRIFT_METRIC} in this ${missing.what}${found}`, missing.pointer);
        }
        const features = [...this.features.values()];
        const fieldLocations = {};
        // Several statements of one rank (e.g. metrics over different column sets) read as one, as mergeEvidence merges files.
        const shares = topRanked(this.shares);
        const statedDrift = topRanked(this.datasetDrift);
        let share;
        if (shares.length > 0) {
            share = shares.reduce((max, next) => (next.value > max.value ? next : max));
        }
        else if (features.length > 0) {
            const drifted = features.filter((feature) => feature.drifted).length;
            share = { value: drifted / features.length, location: this.featuresLocation, source: 'derived from the columns', rank: 0 };
        }
        else {
            const stated = statedDrift[0];
            throw (0,errors/* artefactError */.bo)(`${stated.source} states dataset drift but neither the share of drifted columns nor any column's result`, stated.location);
        }
        fieldLocations.share_drifted = share.location;
        let datasetDrift;
        if (statedDrift.length > 0) {
            datasetDrift = statedDrift.some((stated) => stated.value);
            const deciding = statedDrift.find((stated) => stated.value === datasetDrift);
            fieldLocations.dataset_drift = deciding.location;
            this.extra.dataset_drift_from = deciding.source;
        }
        else {
            // Not stated by this generation: decided as Evidently's DatasetDriftMetric decides (share >= drift_share).
            const threshold = this.driftShare?.value ?? DEFAULT_DRIFT_SHARE;
            datasetDrift = share.value >= threshold;
            fieldLocations.dataset_drift = this.driftShare?.location ?? share.location;
            this.extra.dataset_drift_from = `derived: share of drifted columns >= drift_share (${threshold}${this.driftShare ? `, from ${this.driftShare.source}` : ', Evidently default'})`;
        }
        if (this.featuresLocation)
            fieldLocations.features = this.featuresLocation;
        const extra = { ...this.extra };
        if (this.driftMetrics.length > 0)
            extra.drift_metrics = this.driftMetrics;
        if (this.otherMetrics.length > 0)
            extra.other_metrics = this.otherMetrics;
        if (this.otherTests.length > 0)
            extra.other_tests = this.otherTests;
        const data = { dataset_drift: datasetDrift, share_drifted: share.value, features };
        for (const side of ['reference', 'current']) {
            if (this.windows[side]) {
                data[side] = this.windows[side];
                fieldLocations[side] = this.windowLocations[side];
            }
        }
        data.extra = extra;
        const locate = (path) => {
            const [field, index] = path;
            if (field === 'features' && typeof index === 'number')
                return features[index]?.location ?? fieldLocations.features ?? { path: this.reader.doc.path };
            return (typeof field === 'string' ? fieldLocations[field] : undefined) ?? { path: this.reader.doc.path };
        };
        return { data, fieldLocations, locate };
    }
}
function topRanked(statements) {
    const top = Math.max(...statements.map((statement) => statement.rank));
    return statements.filter((statement) => statement.rank === top);
}
/** Fields of a per-column result that are plot data (histograms, scatter, correlations), not findings: not carried. */
const PLOT_FIELDS = new Set([
    'current',
    'reference',
    'scatter',
    'current_distribution',
    'reference_distribution',
    'current_small_distribution',
    'reference_small_distribution',
    'current_correlations',
    'reference_correlations',
    'current_scatter',
    'x_name',
    'plot_shape',
]);
/**
 * The fields of an entry that no normalized field took, minus plot data and the `type`
 * tag pydantic writes to tell classes apart (the metric's name is kept instead).
 */
function unmapped(entry, mapped, into = {}) {
    for (const key in entry) {
        if (!mapped.includes(key) && !PLOT_FIELDS.has(key) && key !== 'type' && Object.hasOwn(entry, key))
            into[key] = entry[key];
    }
    return into;
}
/** A column's `extra`: the metric or test that reported it, then its fields no normalized field took. */
function featureExtra(source, entry, mapped) {
    return unmapped(entry, mapped, { source });
}
/**
 * How a statistical test decides drift, from its Evidently name or display name: p-value
 * tests drift below the threshold, distances at or above it (each as in Evidently's stattests).
 * Only needed where a generation states a score but not whether it drifted.
 */
// No prototype: a test named `constructor` or `toString` must find nothing.
const STATTEST_RULES = Object.create(null);
const pValueBelow = (score, threshold) => score < threshold;
const distanceAtLeast = (score, threshold) => score >= threshold;
for (const name of ['chisquare', 'chi-square p_value', 'z', 'z-test p_value', 'anderson', 'anderson-darling', 'tvd', 'total-variation-distance', 'mannw', 'mann-whitney u-rank test', 'fisher_exact', "fisher's exact test", 'empirical_mmd', 'cramer_von_mises', 'epps_singleton', 'g_test', 't_test']) {
    STATTEST_RULES[name] = pValueBelow;
}
for (const name of ['wasserstein', 'wasserstein distance (normed)', 'psi', 'jensenshannon', 'jensen-shannon distance', 'kl_div', 'kullback-leibler divergence', 'hellinger', 'hellinger distance']) {
    STATTEST_RULES[name] = distanceAtLeast;
}
STATTEST_RULES.ks = STATTEST_RULES['k-s p_value'] = (score, threshold) => score <= threshold;
STATTEST_RULES.ed = STATTEST_RULES['energy-distance'] = (score, threshold) => score > threshold;
function driftRuleOf(test) {
    const key = test.trim().toLowerCase();
    return STATTEST_RULES[key] ?? (/p[_-]value/.test(key) ? pValueBelow : undefined);
}
/** A test status that says its condition failed: FAIL, or WARNING for a non-critical test. */
function statusFailed(status) {
    if (status === 'FAIL' || status === 'WARNING')
        return true;
    if (status === 'SUCCESS')
        return false;
    return undefined;
}

;// CONCATENATED MODULE: ./src/artefacts/formats/evidently-legacy.ts

/**
 * Evidently's legacy API: `Report` and `TestSuite` of 0.2–0.4 (module `evidently`), kept
 * as `evidently.legacy` in 0.5–0.7. Three files come out of it: the report JSON
 * (`json()`/`as_dict()`/`save_json()`), the test suite JSON, and the snapshot that
 * `save()` and the 0.4 workspace write.
 */
const COLUMN_FIELDS = ['column_name', 'stattest_name', 'stattest_threshold', 'threshold', 'drift_score', 'drift_detected'];
/**
 * One column's drift result: a DataDriftTable `drift_by_columns` entry (at `at`, then its
 * `key`, so the table's columns share its pointer) or a ColumnDriftMetric result (at `at`).
 */
function readColumn(collector, entry, at, source, key) {
    const reader = collector.reader;
    if (!evidently_common_isObject(entry))
        reader.fail(`a ${source} column result must be an object`, joined(at, key));
    const name = evidently_common_nonEmpty(entry.column_name) ?? key;
    if (name === undefined)
        reader.fail(`a ${source} column result has no column_name`, joined(at, key));
    // 0.2 wrote `threshold`; 0.3 and later `stattest_threshold`.
    const thresholdKey = entry.stattest_threshold !== undefined ? 'stattest_threshold' : 'threshold';
    collector.addFeature({
        name,
        test: evidently_common_nonEmpty(entry.stattest_name),
        score: reader.columnNumber(entry, 'drift_score', name, at, key),
        threshold: reader.columnNumber(entry, thresholdKey, name, at, key),
        drifted: reader.columnBoolean(entry, 'drift_detected', name, at, key),
        pointer: at,
        last: key,
        source,
        extra: featureExtra(source, entry, COLUMN_FIELDS),
    });
}
const DATASET_METRICS = new Set(['DatasetDriftMetric']);
const TABLE_METRICS = new Set(['DataDriftTable', 'TextDescriptorsDriftMetric']);
const COLUMN_METRICS = new Set(['ColumnDriftMetric']);
const EMBEDDING_METRICS = new Set(['EmbeddingsDriftMetric']);
/** Result types of the snapshot, for a metric whose own config lost its type. */
// No prototype: a name such as `toString` from the report must find nothing.
const METRIC_OF_RESULT = Object.assign(Object.create(null), {
    DatasetDriftMetricResults: 'DatasetDriftMetric',
    DataDriftTableResults: 'DataDriftTable',
    ColumnDataDriftMetrics: 'ColumnDriftMetric',
    ColumnDriftMetricResults: 'ColumnDriftMetric',
    EmbeddingsDriftMetricResults: 'EmbeddingsDriftMetric',
    TextDescriptorsDriftMetricResults: 'TextDescriptorsDriftMetric',
});
function isLegacyDriftMetric(name) {
    return DATASET_METRICS.has(name) || TABLE_METRICS.has(name) || COLUMN_METRICS.has(name) || EMBEDDING_METRICS.has(name);
}
/**
 * One legacy metric result. Returns false for a metric that says nothing about drift.
 * `config` is the metric's own parameters where the file keeps them (snapshots).
 */
function readLegacyMetric(collector, name, result, pointer, config) {
    if (!isLegacyDriftMetric(name))
        return false;
    const reader = collector.reader;
    if (!evidently_common_isObject(result))
        reader.fail(`the result of ${name} must be an object`, pointer);
    if (typeName(result.type) === 'ErrorResult')
        reader.fail(`${name} ended in an error when Evidently ran it: no drift result`, pointer);
    if (COLUMN_METRICS.has(name)) {
        readColumn(collector, result, pointer, name);
        return true;
    }
    if (EMBEDDING_METRICS.has(name)) {
        const embeddings = evidently_common_nonEmpty(result.embeddings_name) ?? 'embeddings';
        collector.addFeature({
            name: embeddings,
            test: evidently_common_nonEmpty(result.method_name),
            score: reader.optionalNumber(result.drift_score, [...pointer, 'drift_score'], `drift_score of embeddings "${embeddings}"`),
            drifted: reader.boolean(result.drift_detected, [...pointer, 'drift_detected'], `drift_detected of embeddings "${embeddings}"`),
            pointer,
            source: name,
            extra: featureExtra(name, result, ['embeddings_name', 'method_name', 'drift_score', 'drift_detected']),
        });
        return true;
    }
    const rank = DATASET_METRICS.has(name) ? RANK.datasetMetric : RANK.table;
    collector.stateDatasetDrift(reader.boolean(result.dataset_drift, [...pointer, 'dataset_drift'], `dataset_drift of ${name}`), [...pointer, 'dataset_drift'], `${name}.dataset_drift`, rank);
    const share = reader.share(result.share_of_drifted_columns, [...pointer, 'share_of_drifted_columns'], `share_of_drifted_columns of ${name}`);
    collector.stateShare(share, [...pointer, 'share_of_drifted_columns'], `${name}.share_of_drifted_columns`, rank);
    for (const count of ['number_of_columns', 'number_of_drifted_columns']) {
        reader.optionalNumber(result[count], [...pointer, count], `${count} of ${name}`);
    }
    // 0.2 named DatasetDriftMetric's threshold `threshold`; 0.3 and later `drift_share`.
    const driftShareKey = result.drift_share !== undefined ? 'drift_share' : result.threshold !== undefined ? 'threshold' : undefined;
    if (driftShareKey !== undefined) {
        const driftShare = reader.share(result[driftShareKey], [...pointer, driftShareKey], `${driftShareKey} of ${name}`);
        collector.stateDriftShare(driftShare, [...pointer, driftShareKey], `${name}.${driftShareKey}`);
    }
    const summary = { metric: name, ...unmapped(result, ['drift_by_columns']) };
    if (config !== undefined)
        summary.config = config;
    collector.driftMetrics.push(summary);
    const columns = result.drift_by_columns;
    if (columns !== undefined) {
        if (!evidently_common_isObject(columns))
            reader.fail(`drift_by_columns of ${name} must be an object of columns`, [...pointer, 'drift_by_columns']);
        const columnsAt = [...pointer, 'drift_by_columns'];
        collector.featuresAt(columnsAt);
        for (const key of Object.keys(columns))
            readColumn(collector, columns[key], columnsAt, name, key);
    }
    return true;
}
/** Legacy drift tests by class (snapshots) or by the display name the JSON keeps (0.1 names included). */
// No prototype: a name such as `toString` from the report must find nothing.
const TEST_KINDS = Object.assign(Object.create(null), {
    TestShareOfDriftedColumns: 'share',
    TestShareOfDriftedFeatures: 'share',
    'Share of Drifted Columns': 'share',
    'Share of Drifted Features': 'share',
    TestNumberOfDriftedColumns: 'number',
    TestNumberOfDriftedFeatures: 'number',
    'Number of Drifted Features': 'number',
    'Number of Drifted Columns': 'number',
    TestColumnDrift: 'column',
    TestFeatureValueDrift: 'column',
    'Drift per Column': 'column',
    'Drift per Feature': 'column',
});
/** A column's drift flag in test parameters: `detected` (0.2+) or `data_drift` (0.1: a boolean or "Detected"/"Not Detected"). */
function detectedOf(reader, parameters, pointer, column) {
    const key = parameters.detected !== undefined ? 'detected' : parameters.data_drift !== undefined ? 'data_drift' : undefined;
    if (key === undefined)
        return undefined;
    const value = parameters[key];
    if (value === 'Detected')
        return true;
    if (value === 'Not Detected')
        return false;
    return reader.columnBoolean(parameters, key, column, pointer);
}
/** A column of a drift test; `at` is where its fields are, `pointer` where the column's entry (or its test) stands. */
function readTestColumn(collector, name, parameters, pointer, at, source, fallbackDrifted) {
    const reader = collector.reader;
    const drifted = detectedOf(reader, parameters, at, name) ?? fallbackDrifted;
    if (drifted === undefined)
        reader.fail(`the drift test result of column "${name}" says neither "detected" nor a status`, pointer);
    collector.addFeature({
        name,
        test: evidently_common_nonEmpty(parameters.stattest),
        score: reader.columnNumber(parameters, 'score', name, at),
        threshold: reader.columnNumber(parameters, 'threshold', name, at),
        drifted,
        pointer,
        source,
        extra: featureExtra(source, parameters, ['column_name', 'stattest', 'score', 'threshold', 'detected', 'data_drift', 'type']),
    });
}
/**
 * One legacy test result `{name, description, status, group, parameters}`. Column tests
 * become features; the share (or number) test's verdict is the dataset's drift, as the
 * team's own gate decided it. Returns false for a test that is not about drift.
 */
function readLegacyTest(collector, test, pointer, className) {
    const reader = collector.reader;
    if (!evidently_common_isObject(test))
        return false;
    const title = evidently_common_nonEmpty(test.name) ?? className ?? 'test';
    const kind = (className !== undefined ? TEST_KINDS[className] : undefined) ?? TEST_KINDS[title];
    if (kind === undefined)
        return false;
    const status = test.status;
    const description = typeof test.description === 'string' ? test.description : undefined;
    if (status === 'ERROR') {
        reader.fail(`drift test "${title}" ended in ERROR when Evidently ran it${description ? `: ${description}` : ''}`, [...pointer, 'status']);
    }
    const failed = statusFailed(status);
    const parameters = evidently_common_isObject(test.parameters) ? test.parameters : {};
    const parametersAt = [...pointer, 'parameters'];
    const summary = { test: title, status };
    if (description !== undefined)
        summary.description = description;
    if (parameters.condition !== undefined)
        summary.condition = parameters.condition;
    const tests = Array.isArray(collector.extra.drift_tests) ? collector.extra.drift_tests : [];
    collector.extra.drift_tests = [...tests, summary];
    // A skipped test computed nothing: it is listed, and says nothing about drift.
    if (status === 'SKIPPED')
        return true;
    if (kind === 'column') {
        // 0.1 kept the one column under `features`; later versions flatten it with its name.
        const nested = evidently_common_isObject(parameters.features) ? Object.entries(parameters.features) : [];
        if (nested.length > 0) {
            for (const [name, entry] of nested) {
                if (!evidently_common_isObject(entry))
                    reader.fail(`the drift test result of column "${name}" must be an object`, [...parametersAt, 'features', name]);
                readTestColumn(collector, name, entry, [...parametersAt, 'features', name], [...parametersAt, 'features', name], title, failed);
            }
            return true;
        }
        const name = evidently_common_nonEmpty(parameters.column_name) ?? description?.match(/\*\*(.+?)\*\*/)?.[1];
        if (name === undefined)
            reader.fail(`drift test "${title}" names no column`, pointer);
        readTestColumn(collector, name, parameters, pointer, parametersAt, title, failed);
        return true;
    }
    if (evidently_common_isObject(parameters.features)) {
        collector.featuresAt([...parametersAt, 'features']);
        for (const [name, entry] of Object.entries(parameters.features)) {
            if (!evidently_common_isObject(entry))
                reader.fail(`the drift test result of column "${name}" must be an object`, [...parametersAt, 'features', name]);
            readTestColumn(collector, name, entry, [...parametersAt, 'features', name], [...parametersAt, 'features', name], title);
        }
    }
    else {
        // Without the column table the description still says "... (2 out of 5)" or "... for 2 out of 5 features".
        const counts = description?.match(/(\d+) out of (\d+)/);
        const total = counts ? Number(counts[2]) : 0;
        if (counts && total > 0)
            collector.stateShare(Number(counts[1]) / total, [...pointer, 'description'], `test "${title}" description`, kind === 'share' ? RANK.shareTest : RANK.numberTest);
    }
    if (failed !== undefined) {
        const condition = parameters.condition !== undefined ? ` (condition ${JSON.stringify(parameters.condition)})` : '';
        collector.stateDatasetDrift(failed, [...pointer, 'status'], `test "${title}" status ${String(status)}${condition}`, kind === 'share' ? RANK.shareTest : RANK.numberTest);
    }
    return true;
}
function metricList(reader, value, pointer) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value))
        reader.fail(`"${String(pointer[pointer.length - 1])}" must be a list`, pointer);
    return value;
}
/** `{metric, result}` entries of a report JSON (or of a test suite's `metric_results`). */
function readLegacyMetricEntries(collector, entries, at, found) {
    entries.forEach((entry, index) => {
        const pointer = [...at, index];
        if (!evidently_common_isObject(entry) || typeof entry.metric !== 'string')
            collector.reader.fail('a report metric must be an object with a "metric" name', pointer);
        found.push(entry.metric);
        if (!readLegacyMetric(collector, entry.metric, entry.result, [...pointer, 'result']))
            collector.otherMetrics.push(entry);
    });
}
/** Top-level fields worth keeping (version, timestamp, run metadata); unset ones (null) are left out. */
function keepFields(collector, source, keys) {
    for (const key of keys)
        if (source[key] !== undefined && source[key] !== null)
            collector.extra[key] = source[key];
}
function adaptLegacyReport(input) {
    const reader = new Reader(input.structured());
    const report = reader.topLevel('an Evidently report');
    const collector = new DriftCollector(reader);
    const found = [];
    readLegacyMetricEntries(collector, metricList(reader, report.metrics, ['metrics']), ['metrics'], found);
    keepFields(collector, report, ['version', 'timestamp']);
    collector.readWindows(undefined, [], report.timestamp, ['timestamp']);
    return collector.finish({ what: 'Evidently report', pointer: ['metrics'], found });
}
function adaptLegacyTestSuite(input) {
    const reader = new Reader(input.structured());
    const suite = reader.topLevel('an Evidently test suite');
    const collector = new DriftCollector(reader);
    const found = [];
    // `json(include_metrics=True)` adds the metrics the tests ran on: read first, their scores are not rounded.
    readLegacyMetricEntries(collector, metricList(reader, suite.metric_results, ['metric_results']), ['metric_results'], found);
    metricList(reader, suite.tests, ['tests']).forEach((test, index) => {
        if (!readLegacyTest(collector, test, ['tests', index]))
            collector.otherTests.push(test);
        if (evidently_common_isObject(test) && typeof test.name === 'string')
            found.push(test.name);
    });
    keepFields(collector, suite, ['version', 'timestamp', 'summary']);
    collector.readWindows(undefined, [], suite.timestamp, ['timestamp']);
    return collector.finish({ what: 'Evidently test suite', pointer: ['tests'], found });
}
function adaptLegacySnapshot(input) {
    const reader = new Reader(input.structured());
    const snapshot = reader.topLevel('an Evidently snapshot', 'suite');
    const collector = new DriftCollector(reader);
    const suite = snapshot.suite;
    const found = [];
    const metrics = metricList(reader, suite.metrics, ['suite', 'metrics']);
    metricList(reader, suite.metric_results, ['suite', 'metric_results']).forEach((result, index) => {
        const config = evidently_common_isObject(metrics[index]) ? metrics[index] : undefined;
        const name = typeName(config?.type) ?? (evidently_common_isObject(result) ? METRIC_OF_RESULT[typeName(result.type) ?? ''] : undefined);
        if (name === undefined)
            return;
        found.push(name);
        const params = config ? unmapped(config, ['type']) : undefined;
        if (!readLegacyMetric(collector, name, result, ['suite', 'metric_results', index], params)) {
            // Snapshot results embed rendering data: other metrics are listed by name and configuration only.
            collector.otherMetrics.push({ metric: name, ...(params ? { config: params } : {}) });
        }
    });
    const tests = metricList(reader, suite.tests, ['suite', 'tests']);
    metricList(reader, suite.test_results, ['suite', 'test_results']).forEach((result, index) => {
        const config = tests[index];
        const className = evidently_common_isObject(config) ? typeName(config.type) : undefined;
        if (!readLegacyTest(collector, result, ['suite', 'test_results', index], className))
            collector.otherTests.push(result);
        if (evidently_common_isObject(result) && typeof result.name === 'string')
            found.push(result.name);
    });
    keepFields(collector, snapshot, ['id', 'name', 'timestamp', 'metadata', 'tags']);
    collector.readWindows(snapshot.metadata, ['metadata'], snapshot.timestamp, ['timestamp']);
    return collector.finish({ what: 'Evidently snapshot', pointer: ['suite'], found });
}
/** A legacy `{metric: "Name", result: {...}}` entry, as opposed to a 0.6+ `{id, value}` one. */
function isLegacyMetricEntry(entry) {
    return evidently_common_isObject(entry) && typeof entry.metric === 'string' && 'result' in entry;
}
function isLegacyTestEntry(entry) {
    return evidently_common_isObject(entry) && typeof entry.name === 'string' && typeof entry.status === 'string' && entry.metric_config === undefined;
}
const EVIDENTLY_LEGACY_REPORT_FORMAT = {
    id: 'evidently-legacy-report',
    kind: 'drift',
    description: 'Evidently Report JSON of the legacy API: 0.2–0.4 `Report.json()`/`as_dict()`/`save_json()` and `evidently.legacy.report.Report` in 0.5–0.7 (metrics[].metric/result: DatasetDriftMetric, DataDriftTable, ColumnDriftMetric, ...)',
    detect: (input) => {
        const value = jsonObjectOf(input);
        if (!value || !Array.isArray(value.metrics))
            return false;
        // An empty report still reads (as "no drift metric") when it carries the legacy version stamp.
        return value.metrics.some(isLegacyMetricEntry) || (value.metrics.length === 0 && typeof value.version === 'string' && value.tests === undefined);
    },
    adapt: adaptLegacyReport,
};
const EVIDENTLY_LEGACY_TEST_SUITE_FORMAT = {
    id: 'evidently-legacy-test-suite',
    kind: 'drift',
    description: 'Evidently TestSuite JSON of the legacy API: 0.2–0.4 `TestSuite.json()`/`as_dict()`/`save_json()` and `evidently.legacy.test_suite.TestSuite` in 0.5–0.7 (tests[].name/status/parameters: TestShareOfDriftedColumns, TestNumberOfDriftedColumns, TestColumnDrift, ...)',
    detect: (input) => {
        const value = jsonObjectOf(input);
        if (!value || !Array.isArray(value.tests) || value.metrics !== undefined)
            return false;
        return value.tests.some(isLegacyTestEntry) || (value.tests.length === 0 && evidently_common_isObject(value.summary));
    },
    adapt: adaptLegacyTestSuite,
};
const EVIDENTLY_LEGACY_SNAPSHOT_FORMAT = {
    id: 'evidently-legacy-snapshot',
    kind: 'drift',
    description: 'Evidently legacy Snapshot JSON: `Report.save()`/`TestSuite.save()` and workspace snapshots of 0.4, `evidently.legacy` in 0.5–0.7 (suite.metrics/metric_results/tests/test_results, metadata, tags, timestamp)',
    detect: (input) => {
        const value = jsonObjectOf(input);
        return !!value && evidently_common_isObject(value.suite) && (Array.isArray(value.suite.metric_results) || Array.isArray(value.suite.test_results));
    },
    adapt: adaptLegacySnapshot,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/evidently-v2.ts

/** A parameter value written in a metric label: numbers read as numbers. */
function labelValue(text) {
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    return text.length <= 64 && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : text;
}
/**
 * `ValueDrift(column=age,method=Wasserstein distance (normed),threshold=0.1)` → type and
 * parameters. 0.6 writes only this label (`metric_id`); 0.7 adds a `config` object.
 */
function parseMetricLabel(label) {
    const match = /^([A-Za-z_][\w]*)\((.*)\)$/s.exec(label.trim());
    if (!match)
        return undefined;
    const params = {};
    // Values may hold commas and parentheses ("Wasserstein distance (normed)"): split only before the next `name=`.
    for (const part of match[2].split(/,(?=[A-Za-z_]\w*=)/)) {
        const eq = part.indexOf('=');
        if (eq > 0)
            params[part.slice(0, eq)] = labelValue(part.slice(eq + 1));
    }
    return { type: match[1], params };
}
function paramsOf(config) {
    if (!evidently_common_isObject(config))
        return {};
    const { type: _type, ...params } = config;
    return params;
}
function readRunMetrics(reader, run) {
    if (!Array.isArray(run.metrics))
        reader.fail('"metrics" must be a list', ['metrics']);
    const items = run.metrics.map((metric, index) => {
        const pointer = ['metrics', index];
        if (!evidently_common_isObject(metric))
            reader.fail('a metric must be an object', pointer);
        const label = evidently_common_nonEmpty(metric.metric_name) ?? evidently_common_nonEmpty(metric.metric_id);
        const parsed = label !== undefined ? parseMetricLabel(label) : undefined;
        const config = evidently_common_isObject(metric.config) ? metric.config : undefined;
        const value = metric.value;
        return {
            id: evidently_common_nonEmpty(metric.id),
            type: typeName(config?.type) ?? parsed?.type,
            params: { ...parsed?.params, ...paramsOf(config) },
            pointer,
            single: { value, pointer: [...pointer, 'value'] },
            count: { value: evidently_common_isObject(value) ? value.count : undefined, pointer: [...pointer, 'value', 'count'] },
            share: { value: evidently_common_isObject(value) ? value.share : undefined, pointer: [...pointer, 'value', 'share'] },
            tests: [],
            kept: metric,
        };
    });
    const looseTests = (Array.isArray(run.tests) ? run.tests : []).flatMap((test, index) => evidently_common_isObject(test) ? [{ test, pointer: ['tests', index] }] : []);
    // A test names its metric by the metric's `id` in `metric_config.metric_id`.
    const byId = new Map(items.filter((item) => item.id !== undefined).map((item) => [item.id, item]));
    const unattached = [];
    for (const entry of looseTests) {
        const metricId = evidently_common_isObject(entry.test.metric_config) ? evidently_common_nonEmpty(entry.test.metric_config.metric_id) : undefined;
        const owner = metricId !== undefined ? byId.get(metricId) : undefined;
        if (owner)
            owner.tests.push(entry);
        else
            unattached.push(entry);
    }
    return { items, looseTests: unattached };
}
function readSnapshotMetrics(reader, snapshot) {
    if (!evidently_common_isObject(snapshot.metric_results))
        reader.fail('"metric_results" must be an object of results by metric id', ['metric_results']);
    return Object.entries(snapshot.metric_results).map(([key, result]) => {
        const pointer = ['metric_results', key];
        if (!evidently_common_isObject(result))
            reader.fail('a metric result must be an object', pointer);
        const location = evidently_common_isObject(result.metric_value_location) ? result.metric_value_location : {};
        const metric = evidently_common_isObject(location.metric) ? location.metric : {};
        const config = evidently_common_isObject(metric.params) ? metric.params : {};
        const count = evidently_common_isObject(result.count) ? result.count : {};
        const share = evidently_common_isObject(result.share) ? result.share : {};
        const tests = Array.isArray(result.tests) ? result.tests : [];
        const type = typeName(config.type);
        const params = paramsOf(config);
        return {
            id: evidently_common_nonEmpty(metric.metric_id) ?? key,
            type,
            params,
            pointer,
            single: { value: result.value, pointer: [...pointer, 'value'] },
            count: { value: count.value, pointer: [...pointer, 'count', 'value'] },
            share: { value: share.value, pointer: [...pointer, 'share', 'value'] },
            tests: tests.flatMap((test, index) => (evidently_common_isObject(test) ? [{ test, pointer: [...pointer, 'tests', index] }] : [])),
            // Snapshot results embed rendering widgets: other metrics keep their id, type, parameters and value only.
            kept: {
                id: key,
                metric: type ?? evidently_common_nonEmpty(result.display_name) ?? key,
                config: params,
                ...(result.value !== undefined ? { value: result.value } : {}),
                ...(count.value !== undefined ? { count: count.value } : {}),
                ...(share.value !== undefined ? { share: share.value } : {}),
            },
        };
    });
}
function testSummary(test) {
    const summary = {};
    for (const key of ['id', 'name', 'description', 'status'])
        if (test[key] !== undefined)
            summary[key] = test[key];
    if (evidently_common_isObject(test.metric_config) && test.metric_config.metric_id !== undefined)
        summary.metric_id = test.metric_config.metric_id;
    return summary;
}
/** The drift test Evidently adds to a ValueDrift when a report runs with `include_tests=True`. */
function isValueDriftTest(test) {
    return test.id === 'drift' || (typeof test.name === 'string' && /^value drift for column /i.test(test.name));
}
function readDriftedColumnsCount(collector, item) {
    const reader = collector.reader;
    const share = reader.share(item.share.value, item.share.pointer, 'the share of DriftedColumnsCount');
    const count = reader.optionalNumber(item.count.value, item.count.pointer, 'the count of DriftedColumnsCount');
    collector.stateShare(share, item.share.pointer, 'DriftedColumnsCount.share', RANK.datasetMetric);
    const driftShare = item.params.drift_share;
    if (driftShare !== undefined)
        collector.stateDriftShare(reader.share(driftShare, item.pointer, 'drift_share of DriftedColumnsCount'), item.pointer, 'DriftedColumnsCount drift_share');
    collector.driftMetrics.push({
        metric: 'DriftedColumnsCount',
        ...(item.id !== undefined ? { id: item.id } : {}),
        ...(count !== undefined ? { count } : {}),
        share,
        config: item.params,
    });
    for (const { test } of item.tests)
        collector.otherTests.push(testSummary(test));
}
/**
 * A ValueDrift holds only the column's score. Whether it drifted is the verdict of its
 * drift test when the report ran with tests, else the score against the threshold in the
 * direction of the method (p-values below, distances at or above), as Evidently decides.
 */
function readValueDrift(collector, item) {
    const reader = collector.reader;
    const name = evidently_common_nonEmpty(item.params.column);
    if (name === undefined)
        reader.fail('ValueDrift names no column', item.pointer);
    const score = reader.number(item.single.value, item.single.pointer, `the drift score of column "${name}"`);
    const method = evidently_common_nonEmpty(item.params.method);
    const threshold = reader.optionalNumber(item.params.threshold, item.pointer, `threshold of ValueDrift for column "${name}"`);
    const extra = { source: 'ValueDrift' };
    if (item.id !== undefined)
        extra.metric_id = item.id;
    let drifted;
    const driftTest = item.tests.find(({ test }) => isValueDriftTest(test));
    if (driftTest) {
        if (driftTest.test.status === 'ERROR')
            reader.fail(`the drift test of column "${name}" ended in ERROR when Evidently ran it`, [...driftTest.pointer, 'status']);
        drifted = statusFailed(driftTest.test.status);
        extra.decided_by = `test status ${String(driftTest.test.status)}`;
    }
    const rule = method !== undefined ? driftRuleOf(method) : undefined;
    if (drifted === undefined && rule !== undefined && threshold !== undefined) {
        drifted = rule(score, threshold);
        extra.decided_by = `score against threshold (${method})`;
    }
    if (drifted === undefined) {
        const why = method === undefined || threshold === undefined ? 'states no method and threshold' : `uses "${method}", whose drift direction modelgate does not know`;
        reader.fail(`ValueDrift for column "${name}" ${why} and has no drift test result: run the Report with include_tests=True, or set method and threshold`, item.pointer);
    }
    for (const { test } of item.tests)
        if (test !== driftTest?.test)
            collector.otherTests.push(testSummary(test));
    collector.addFeature({ name, test: method, score, threshold, drifted, pointer: item.pointer, source: 'ValueDrift', extra });
}
function readItems(collector, items, listAt) {
    const found = [];
    collector.featuresAt(listAt);
    for (const item of items) {
        if (item.type !== undefined)
            found.push(item.type);
        if (item.type === 'DriftedColumnsCount')
            readDriftedColumnsCount(collector, item);
        else if (item.type === 'ValueDrift')
            readValueDrift(collector, item);
        else {
            collector.otherMetrics.push(item.kept);
            for (const { test } of item.tests)
                collector.otherTests.push(testSummary(test));
        }
    }
    return found;
}
function adaptRun(input) {
    const reader = new Reader(input.structured());
    const collector = new DriftCollector(reader);
    const { items, looseTests } = readRunMetrics(reader, reader.topLevel('an Evidently report'));
    const found = readItems(collector, items, ['metrics']);
    for (const { test } of looseTests)
        collector.otherTests.push(testSummary(test));
    return collector.finish({ what: 'Evidently report', pointer: ['metrics'], found });
}
function adaptSnapshot(input) {
    const reader = new Reader(input.structured());
    const snapshot = reader.topLevel('an Evidently snapshot', 'metric_results');
    const collector = new DriftCollector(reader);
    const found = readItems(collector, readSnapshotMetrics(reader, snapshot), ['metric_results']);
    for (const key of ['name', 'timestamp', 'metadata', 'tags'])
        if (snapshot[key] !== undefined && snapshot[key] !== null)
            collector.extra[key] = snapshot[key];
    collector.readWindows(snapshot.metadata, ['metadata'], snapshot.timestamp, ['timestamp']);
    return collector.finish({ what: 'Evidently snapshot', pointer: ['metric_results'], found });
}
/** A 0.6/0.7 `{id, metric_id | metric_name | config, value}` entry. */
function isRunMetricEntry(entry) {
    return evidently_common_isObject(entry) && 'value' in entry && (typeof entry.metric_id === 'string' || typeof entry.metric_name === 'string' || evidently_common_isObject(entry.config));
}
const EVIDENTLY_REPORT_FORMAT = {
    id: 'evidently-report',
    kind: 'drift',
    description: 'Evidently Report run JSON of the current API: 0.6 (`evidently.future`, metrics[].id/metric_id/value) and 0.7 (metrics[].id/metric_name/config/value) from `Snapshot.dict()`/`json()`/`save_json()`, with tests[] (DriftedColumnsCount, ValueDrift, ...)',
    detect: (input) => {
        const value = jsonObjectOf(input);
        if (!value || !Array.isArray(value.metrics))
            return false;
        return value.metrics.some(isRunMetricEntry) || (value.metrics.length === 0 && Array.isArray(value.tests));
    },
    adapt: adaptRun,
};
const EVIDENTLY_SNAPSHOT_FORMAT = {
    id: 'evidently-snapshot',
    kind: 'drift',
    description: 'Evidently Snapshot dump of the current API, 0.6–0.7: `Snapshot.dumps()`/`dump_dict()` and workspace runs (metric_results by metric id, top_level_metrics, timestamp, metadata, tags)',
    detect: (input) => {
        const value = jsonObjectOf(input);
        return !!value && evidently_common_isObject(value.metric_results) && Array.isArray(value.top_level_metrics);
    },
    adapt: adaptSnapshot,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/evidently.ts




/**
 * Every Evidently drift output modelgate reads, one adapter per schema generation. Their
 * detection rules exclude each other, so the order only matters against other formats.
 */
const EVIDENTLY_FORMATS = [
    EVIDENTLY_LEGACY_REPORT_FORMAT,
    EVIDENTLY_LEGACY_TEST_SUITE_FORMAT,
    EVIDENTLY_LEGACY_SNAPSHOT_FORMAT,
    EVIDENTLY_REPORT_FORMAT,
    EVIDENTLY_SNAPSHOT_FORMAT,
];

// EXTERNAL MODULE: ./node_modules/csv-parse/lib/sync.js + 9 modules
var sync = __webpack_require__(25175);
;// CONCATENATED MODULE: ./src/artefacts/metrics.ts
/**
 * Fairness metrics go by several names across tools; policies use one. A metric whose
 * name is an alias is renamed and keeps the tool's name in `original_name`.
 */
const BIAS_METRIC_ALIASES = {
    di: 'disparate_impact',
    disparate_impact_ratio: 'disparate_impact',
    spd: 'statistical_parity_difference',
    dppl: 'statistical_parity_difference',
    demographic_parity_difference: 'statistical_parity_difference',
    statistical_parity: 'statistical_parity_difference',
};
const CANONICAL_NAMES = new Set(Object.values(BIAS_METRIC_ALIASES));
function normalizeBiasMetricName(name) {
    const key = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
    // hasOwn: a name such as `constructor` must not resolve to an inherited property.
    const normalized = Object.hasOwn(BIAS_METRIC_ALIASES, key) ? BIAS_METRIC_ALIASES[key] : CANONICAL_NAMES.has(key) ? key : undefined;
    if (normalized === undefined || normalized === name)
        return { name };
    return { name: normalized, original_name: name };
}

;// CONCATENATED MODULE: ./src/artefacts/formats/fairlearn-table.ts



/**
 * A Fairlearn metric table: the shape `MetricFrame.by_group` exports (rows are groups of
 * one or more sensitive features, columns are metrics), as CSV or JSON. Fairlearn has no
 * file format of its own, so the exact rules are modelgate's, documented in
 * docs/formats/fairlearn-table.md.
 */
const FAIRLEARN_TABLE_FORMAT_ID = 'fairlearn-table';
/** Joins the values of several sensitive features into one group key, and their names into one attribute. */
const JOIN = ',';
const SELECTION_RATE = 'selection_rate';
/** Rows read to decide whether a CSV file is a metric table; the whole file is read by `adapt`. */
const DETECT_RECORDS = 50;
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Spellings of values that are numbers gone wrong: they keep a column a metric column, and then fail. */
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;
function fairlearn_table_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isNumberText(text) {
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    return text.length <= 64 && NUMBER.test(text);
}
/** Whether a value belongs in a metric column: a number, or a string that spells one (finite or not). */
function looksNumeric(value) {
    if (typeof value === 'number')
        return true;
    if (typeof value !== 'string')
        return false;
    const text = value.trim();
    return isNumberText(text) || NOT_FINITE.test(text);
}
function isMetricName(name, canonical) {
    return normalizeBiasMetricName(name).name === canonical || name.trim().toLowerCase().replace(/[\s-]+/g, '_') === canonical;
}
/** A cell's value as a finite number, or an error naming the metric, the group and the line. */
function fairlearn_table_valueOf(cell, metric, group, allowText) {
    const { raw } = cell;
    const where = `metric "${metric}" for group "${group}"`;
    if (raw === undefined || raw === null || raw === '')
        throw (0,errors/* artefactError */.bo)(`${where} has no value`, cell.location);
    if (typeof raw === 'number') {
        if (Number.isFinite(raw))
            return raw;
    }
    else if (typeof raw === 'string' && allowText && isNumberText(raw.trim())) {
        const value = Number(raw.trim());
        if (Number.isFinite(value))
            return value;
    }
    else if (typeof raw === 'string' && !allowText && looksNumeric(raw)) {
        throw (0,errors/* artefactError */.bo)(`${where} is the string ${JSON.stringify(raw)}; a metric value must be a JSON number`, cell.location);
    }
    throw (0,errors/* artefactError */.bo)(`${where} has value ${JSON.stringify(raw)}, which is not a finite number`, cell.location);
}
/**
 * Leading comment lines hold the directives. They come before the header, so no CSV
 * record (and no quoted field) can span them: reading them line by line is safe.
 */
function readPreamble(text) {
    const preamble = { lines: 0, comments: [] };
    let start = 0;
    while (start < text.length) {
        const end = text.indexOf('\n', start);
        const line = text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
        const trimmed = line.trim();
        if (trimmed !== '' && !trimmed.startsWith('#'))
            break;
        preamble.lines++;
        if (trimmed.startsWith('#')) {
            const directive = /^#\s*(sensitive_features|reference_group)\s*:(.*)$/i.exec(trimmed);
            const lineNumber = preamble.lines;
            if (directive?.[1].toLowerCase() === 'sensitive_features') {
                const names = directive[2].split(JOIN).map((name) => name.trim()).filter((name) => name !== '');
                preamble.sensitiveFeatures = { names, line: lineNumber };
            }
            else if (directive) {
                preamble.referenceGroup = { value: directive[2].trim(), line: lineNumber };
            }
            else {
                preamble.comments.push(trimmed.replace(/^#\s?/, ''));
            }
        }
        if (end === -1)
            break;
        start = end + 1;
    }
    return preamble;
}
function readCsvRecords(input, text, fromLine, limit) {
    let records;
    try {
        records = (0,sync/* parse */.qg)(text, {
            from_line: fromLine,
            info: true,
            trim: true,
            skip_empty_lines: true,
            ...(limit === undefined ? {} : { to: limit }),
        });
    }
    catch (error) {
        if (error instanceof sync/* CsvError */.J$) {
            const line = error.lines;
            const reason = error.message.replace(/ (on|at) line \d+.*$/, '');
            throw (0,errors/* artefactError */.bo)(`invalid CSV: ${reason}`, line ? { path: input.path, line } : { path: input.path });
        }
        throw error;
    }
    return records.map(({ record, info }) => {
        // info.lines is the line a record ends on; a quoted field may span several lines.
        const breaks = record.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
        return { cells: record, line: info.lines - breaks };
    });
}
function stripBom(text) {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Fairlearn names an unnamed sensitive feature `sensitive_feature_<i>`; an empty header cell gets that name. */
function headerOf(input, record) {
    const names = record.cells.map((cell, index) => (cell === '' ? `sensitive_feature_${index}` : cell));
    const seen = new Set();
    for (const name of names) {
        const at = { path: input.path, line: record.line };
        // The same names a JSON or YAML artefact may not use as keys: code downstream may copy them into objects.
        if (FORBIDDEN_NAMES.has(name))
            throw (0,errors/* artefactError */.bo)(`forbidden column name "${name}"`, at);
        if (seen.has(name))
            throw (0,errors/* artefactError */.bo)(`the header names column "${name}" twice`, at);
        seen.add(name);
    }
    return names;
}
/** Which columns are sensitive features: the declared ones, else those holding any non-numeric value. */
function featureColumns(input, header, rows, preamble) {
    if (preamble.sensitiveFeatures) {
        return new Set(preamble.sensitiveFeatures.names.map((name) => header.indexOf(name)).filter((index) => index >= 0));
    }
    const features = new Set();
    header.forEach((name, column) => {
        const cells = rows.map((row) => row.cells[column] ?? '').filter((cell) => cell !== '');
        const text = cells.filter((cell) => !looksNumeric(cell));
        if (text.length === 0)
            return;
        // One stray "NA" must not turn a metric column into a group column whose numbers are never checked.
        if (text.length < cells.length || isKnownMetric(name)) {
            const row = rows.find((candidate) => candidate.cells[column] !== '' && !looksNumeric(candidate.cells[column]));
            throw (0,errors/* artefactError */.bo)(`column "${name}" mixes numbers and text ("${text[0]}"): a metric value must be a number; if the column is a sensitive feature, declare it in a "# sensitive_features:" line`, { path: input.path, line: row?.line ?? 1 });
        }
        features.add(column);
    });
    return features;
}
/** Metric names of Fairlearn's `MetricFrame` and of bias reports: such a column is never a group column. */
const KNOWN_METRICS = new Set([
    'selection_rate', 'count', 'accuracy', 'accuracy_score', 'balanced_accuracy', 'precision', 'precision_score', 'recall', 'recall_score',
    'f1', 'f1_score', 'roc_auc', 'roc_auc_score', 'false_positive_rate', 'false_negative_rate', 'true_positive_rate', 'true_negative_rate',
    'mean_prediction', 'mean_absolute_error', 'mean_squared_error', 'disparate_impact', 'statistical_parity_difference',
    'demographic_parity_difference', 'demographic_parity_ratio', 'equalized_odds_difference', 'equalized_odds_ratio',
]);
/** A column named like a bias metric is a metric, whatever its cells hold. */
function isKnownMetric(name) {
    return normalizeBiasMetricName(name).name !== name.trim() || KNOWN_METRICS.has(name.trim().toLowerCase());
}
function detectCsv(input) {
    const text = stripBom(input.text);
    const preamble = readPreamble(text);
    const records = readCsvRecords(input, text, preamble.lines + 1, DETECT_RECORDS);
    if (records.length < 2)
        return false;
    const header = headerOf(input, records[0]);
    const rows = records.slice(1);
    const features = featureColumns(input, header, rows, preamble);
    // A metric column: not a feature, with at least one number in the rows read.
    return header.some((_, column) => !features.has(column) && rows.some((row) => isNumberText(row.cells[column] ?? '')));
}
function readCsvTable(input) {
    if (input.text.length > input.limits.max_file_bytes) {
        throw (0,errors/* artefactError */.bo)(`file is larger than the limit of ${input.limits.max_file_bytes} bytes`, { path: input.path });
    }
    const text = stripBom(input.text);
    const preamble = readPreamble(text);
    const records = readCsvRecords(input, text, preamble.lines + 1);
    const at = (line) => ({ path: input.path, line });
    if (records.length === 0)
        throw (0,errors/* artefactError */.bo)('the metric table is empty: no header and no rows', { path: input.path });
    const headerRecord = records[0];
    const header = headerOf(input, headerRecord);
    const rows = records.slice(1);
    if (rows.length === 0)
        throw (0,errors/* artefactError */.bo)('the metric table has a header but no rows', at(headerRecord.line));
    if (preamble.sensitiveFeatures) {
        const { names, line } = preamble.sensitiveFeatures;
        if (names.length === 0)
            throw (0,errors/* artefactError */.bo)('the sensitive_features comment names no column', at(line));
        const missing = names.filter((name) => !header.includes(name));
        if (missing.length > 0) {
            throw (0,errors/* artefactError */.bo)(`the sensitive_features comment names ${missing.map((name) => `"${name}"`).join(', ')}, which the header does not have`, at(line));
        }
    }
    const featureIndexes = featureColumns(input, header, rows, preamble);
    // Header order for both the attribute name and the group key, whatever order a comment declares.
    const featureOrder = header.map((_, column) => column).filter((column) => featureIndexes.has(column));
    const features = featureOrder.map((column) => header[column]);
    const metricIndexes = header.map((_, column) => column).filter((column) => !featureIndexes.has(column));
    if (features.length === 0) {
        throw (0,errors/* artefactError */.bo)('no sensitive-feature column: every column is numeric; name the group columns in a leading "# sensitive_features: a,b" line', at(headerRecord.line));
    }
    if (metricIndexes.length === 0)
        throw (0,errors/* artefactError */.bo)('no metric column: every column holds text', at(headerRecord.line));
    const table = {
        features,
        metricNames: metricIndexes.map((column) => header[column]),
        rows: rows.map((record) => {
            const group = featureOrder.map((column) => record.cells[column]).join(JOIN);
            const values = new Map();
            for (const column of metricIndexes)
                values.set(header[column], { raw: record.cells[column], location: at(record.line) });
            return { group, values, location: at(record.line) };
        }),
        fieldLocations: {
            protected_attributes: at(preamble.sensitiveFeatures?.line ?? headerRecord.line),
            metrics: at(headerRecord.line),
        },
        extra: preamble.comments.length > 0 ? { comments: preamble.comments } : {},
    };
    if (preamble.referenceGroup) {
        table.referenceGroup = { value: preamble.referenceGroup.value, location: at(preamble.referenceGroup.line) };
    }
    return table;
}
// ---------------------------------------------------------------------------------------------
// JSON
function featuresOf(doc, value) {
    const names = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(names) || names.length === 0 || !names.every((name) => typeof name === 'string' && name.trim() !== '')) {
        throw (0,errors/* artefactError */.bo)('sensitive_features must be a non-empty list of column names', doc.locate(['sensitive_features']));
    }
    return names.map((name) => name.trim());
}
/** Rows as objects (`to_json(orient="records")` after `reset_index()`), at `pointer` in the document. */
function readRecordRows(doc, list, pointer, declared) {
    const rows = list.map((row, index) => {
        if (!fairlearn_table_isObject(row))
            throw (0,errors/* artefactError */.bo)('a row must be an object of column values', doc.locate([...pointer, index]));
        return row;
    });
    const columns = [];
    for (const row of rows)
        for (const key of Object.keys(row))
            if (!columns.includes(key))
                columns.push(key);
    const features = declared ?? columns.filter((column) => isTextColumn(doc, rows, column, pointer));
    if (declared) {
        const missing = declared.filter((name) => !columns.includes(name));
        if (missing.length > 0) {
            throw (0,errors/* artefactError */.bo)(`sensitive_features names ${missing.map((name) => `"${name}"`).join(', ')}, which no row has`, doc.locate(['sensitive_features']));
        }
    }
    if (features.length === 0) {
        throw (0,errors/* artefactError */.bo)('no sensitive-feature column: every column is numeric; declare them in "sensitive_features"', doc.locate(pointer));
    }
    const metricNames = columns.filter((column) => !features.includes(column));
    if (metricNames.length === 0)
        throw (0,errors/* artefactError */.bo)('no metric column: every column holds text', doc.locate(pointer));
    return {
        features,
        metricNames,
        rows: rows.map((row, index) => {
            const location = doc.locate([...pointer, index]);
            const group = features
                .map((feature) => {
                const value = row[feature];
                if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
                    throw (0,errors/* artefactError */.bo)(`row has no value for sensitive feature "${feature}"`, location);
                }
                return String(value);
            })
                .join(JOIN);
            const values = new Map();
            for (const metric of metricNames) {
                // An absent value is treated like null (an error), never as a group without that metric.
                values.set(metric, Object.hasOwn(row, metric) ? { raw: row[metric], location: doc.locate([...pointer, index, metric]) } : { raw: null, location });
            }
            return { group, values, location };
        }),
    };
}
/** A JSON column of text only is a sensitive feature; one that mixes numbers and text is an error (see featureColumns). */
function isTextColumn(doc, rows, column, pointer) {
    const present = rows.map((row, index) => ({ value: row[column], index })).filter(({ value }) => value !== undefined && value !== null);
    const text = present.filter(({ value }) => !looksNumeric(value));
    if (text.length === 0)
        return false;
    if (text.length < present.length || isKnownMetric(column)) {
        throw (0,errors/* artefactError */.bo)(`column "${column}" mixes numbers and text: a metric value must be a number; if the column is a sensitive feature, declare it in "sensitive_features"`, doc.locate([...pointer, text[0].index, column]));
    }
    return true;
}
/** The by-metric mapping (`by_group.to_json()`): `{metric: {group: value}}`. */
function readMetricMap(doc, metrics, features) {
    const rows = new Map();
    for (const [metric, byGroup] of Object.entries(metrics)) {
        if (!fairlearn_table_isObject(byGroup)) {
            throw (0,errors/* artefactError */.bo)(`metrics.${metric} must map each group to its value`, doc.locate(['metrics', metric]));
        }
        for (const [group, raw] of Object.entries(byGroup)) {
            const location = doc.locate(['metrics', metric, group]);
            if (features.length > 1 && group.split(JOIN).length !== features.length) {
                throw (0,errors/* artefactError */.bo)(`group "${group}" of metric "${metric}" does not have one value for each of the ${features.length} sensitive features (${features.join(JOIN)}), joined by ","`, location);
            }
            const key = features.length > 1 ? group.split(JOIN).map((part) => part.trim()).join(JOIN) : group;
            let row = rows.get(key);
            if (!row)
                rows.set(key, (row = { group: key, values: new Map(), location }));
            // "Female,Black" and "Female, Black" are one group: a second value for it is ambiguous.
            if (row.values.has(metric))
                throw (0,errors/* artefactError */.bo)(`group "${key}" of metric "${metric}" appears twice`, location);
            row.values.set(metric, { raw, location });
        }
    }
    return { features, metricNames: Object.keys(metrics), rows: [...rows.values()] };
}
function readJsonTable(input) {
    const doc = input.structured();
    const root = doc.value;
    if (Array.isArray(root)) {
        if (root.length === 0)
            throw (0,errors/* artefactError */.bo)('the metric table has no rows', doc.locate([]));
        return { ...readRecordRows(doc, root, []), fieldLocations: { metrics: doc.locate([]), protected_attributes: doc.locate([]) }, extra: {} };
    }
    if (!fairlearn_table_isObject(root) || root.sensitive_features === undefined || root.metrics === undefined) {
        throw (0,errors/* artefactError */.bo)('not a Fairlearn metric table: expected "sensitive_features" and "metrics"', doc.locate([]));
    }
    const features = featuresOf(doc, root.sensitive_features);
    let body;
    if (Array.isArray(root.metrics)) {
        if (root.metrics.length === 0)
            throw (0,errors/* artefactError */.bo)('metrics has no rows', doc.locate(['metrics']));
        body = readRecordRows(doc, root.metrics, ['metrics'], features);
    }
    else if (fairlearn_table_isObject(root.metrics)) {
        if (Object.keys(root.metrics).length === 0)
            throw (0,errors/* artefactError */.bo)('metrics names no metric', doc.locate(['metrics']));
        body = readMetricMap(doc, root.metrics, features);
    }
    else {
        throw (0,errors/* artefactError */.bo)('metrics must map each metric to its values by group, or list rows', doc.locate(['metrics']));
    }
    const table = {
        ...body,
        fieldLocations: { metrics: doc.locate(['metrics']), protected_attributes: doc.locate(['sensitive_features']) },
        extra: {},
    };
    const reference = root.reference_group;
    if (reference !== undefined && reference !== null) {
        const value = Array.isArray(reference) && reference.every((part) => typeof part === 'string' || typeof part === 'number')
            ? reference.map(String).join(JOIN)
            : typeof reference === 'string' || typeof reference === 'number'
                ? String(reference)
                : undefined;
        if (value === undefined) {
            throw (0,errors/* artefactError */.bo)('reference_group must be a group name, or a list of one value per sensitive feature', doc.locate(['reference_group']));
        }
        table.referenceGroup = { value, location: doc.locate(['reference_group']) };
    }
    for (const [key, value] of Object.entries(root)) {
        if (!['sensitive_features', 'metrics', 'reference_group'].includes(key))
            table.extra[key] = value;
    }
    return table;
}
function looksLikeJsonTable(value) {
    if (fairlearn_table_isObject(value)) {
        const features = value.sensitive_features;
        const namesFeatures = typeof features === 'string' || (Array.isArray(features) && features.every((name) => typeof name === 'string'));
        return namesFeatures && (fairlearn_table_isObject(value.metrics) || Array.isArray(value.metrics));
    }
    // A bare list of flat rows, each with at least one text (group) and one number (metric).
    if (!Array.isArray(value) || value.length === 0)
        return false;
    return value.every((row) => fairlearn_table_isObject(row) &&
        Object.values(row).every((cell) => cell === null || ['string', 'number', 'boolean'].includes(typeof cell)) &&
        Object.values(row).some((cell) => typeof cell === 'number') &&
        Object.values(row).some((cell) => typeof cell === 'string' && !looksNumeric(cell)));
}
// ---------------------------------------------------------------------------------------------
// Normalized evidence
/**
 * The reference group for derived metrics: the one the file names, else the group with
 * the highest selection rate (the most favoured group; the first such row on a tie).
 */
function referenceOf(table, rates) {
    if (table.referenceGroup) {
        const { location } = table.referenceGroup;
        // Written by hand, the group may have spaces around its parts: rows are compared without them.
        const written = table.referenceGroup.value;
        const value = table.features.length > 1 ? written.split(JOIN).map((part) => part.trim()).join(JOIN) : written.trim();
        const found = rates.find(({ row }) => row.group === value);
        if (!found) {
            const known = rates.map(({ row }) => `"${row.group}"`).join(', ');
            throw (0,errors/* artefactError */.bo)(`reference group "${value}" has no selection_rate row (groups: ${known})`, location);
        }
        return { group: value, rate: found.rate, rule: 'declared' };
    }
    const best = rates.reduce((top, candidate) => (candidate.rate > top.rate ? candidate : top));
    return { group: best.row.group, rate: best.rate, rule: 'highest_selection_rate' };
}
function toEvidence(table, allowText) {
    const attribute = table.features.join(JOIN);
    const seen = new Map();
    for (const row of table.rows) {
        const first = seen.get(row.group);
        if (first) {
            throw (0,errors/* artefactError */.bo)(`group "${row.group}" appears twice (first at line ${first.line ?? '?'})`, row.location);
        }
        seen.set(row.group, row.location);
    }
    const metrics = [];
    const numbers = new Map();
    for (const row of table.rows) {
        const values = new Map();
        for (const metric of table.metricNames) {
            const cell = row.values.get(metric);
            if (!cell)
                continue;
            const value = fairlearn_table_valueOf(cell, metric, row.group, allowText);
            values.set(metric, value);
            metrics.push({ ...normalizeBiasMetricName(metric), attribute, group: row.group, value, location: cell.location });
        }
        numbers.set(row, values);
    }
    const extra = { ...table.extra };
    const rateColumn = table.metricNames.find((name) => isMetricName(name, SELECTION_RATE));
    const rates = rateColumn === undefined ? [] : table.rows.flatMap((row) => {
        const rate = numbers.get(row)?.get(rateColumn);
        return rate === undefined ? [] : [{ row, rate }];
    });
    if (rateColumn !== undefined && rates.length > 0) {
        const reference = referenceOf(table, rates);
        extra.reference_group = reference.group;
        extra.reference_group_rule = reference.rule;
        // A column the table already has is the tool's own number: it is not derived again.
        const has = (canonical) => table.metricNames.some((name) => isMetricName(name, canonical));
        const deriveRatio = !has('disparate_impact');
        const deriveDifference = !has('statistical_parity_difference');
        if (deriveRatio && reference.rate === 0 && rates.some(({ rate }) => rate > 0)) {
            // Every other group's ratio to a zero rate is unbounded: far outside any threshold, never "0 checked".
            throw (0,errors/* artefactError */.bo)(`the selection rate of reference group "${reference.group}" is 0, so the disparate impact of the other groups is unbounded`, rates.find(({ row }) => row.group === reference.group).row.location);
        }
        if (deriveRatio && reference.rate === 0) {
            extra.not_derived = { disparate_impact: `every selection rate is 0, including that of reference group "${reference.group}"` };
        }
        for (const { row, rate } of rates) {
            if (row.group === reference.group)
                continue;
            const base = {
                original_name: `derived from ${rateColumn}`,
                attribute,
                group: row.group,
                reference_group: reference.group,
                location: row.values.get(rateColumn).location,
                extra: { reference_selection_rate: reference.rate, selection_rate: rate },
            };
            if (deriveRatio && reference.rate !== 0)
                metrics.push({ name: 'disparate_impact', value: rate / reference.rate, ...base });
            if (deriveDifference)
                metrics.push({ name: 'statistical_parity_difference', value: rate - reference.rate, ...base });
        }
    }
    const data = { protected_attributes: table.features, metrics };
    if (Object.keys(extra).length > 0)
        data.extra = extra;
    return { data, fieldLocations: table.fieldLocations };
}
function adaptFairlearnTable(input) {
    if (/\.csv$/i.test(input.path))
        return toEvidence(readCsvTable(input), true);
    return toEvidence(readJsonTable(input), false);
}
const FAIRLEARN_TABLE_FORMAT = {
    id: FAIRLEARN_TABLE_FORMAT_ID,
    kind: 'bias',
    description: 'Fairlearn metric table (MetricFrame.by_group of Fairlearn 0.7+ exported as CSV, or as JSON with sensitive_features and metrics); modelgate-defined layout',
    detect: (input) => {
        if (/\.csv$/i.test(input.path))
            return detectCsv(input);
        if (!/\.json$/i.test(input.path))
            return false;
        return looksLikeJsonTable(input.structured().value);
    },
    adapt: adaptFairlearnTable,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/huggingface.ts


/**
 * Hugging Face model cards: a Markdown file (usually README.md) with optional YAML front
 * matter (license, datasets, model-index) and prose sections found by their headings.
 */
const HUGGINGFACE_FORMAT_ID = 'huggingface-model-card';
const TEXT_FIELDS = ['intended_use', 'out_of_scope_use', 'limitations', 'risks', 'ethical_considerations'];
const SECTION_ORDER = [...TEXT_FIELDS, 'training_data', 'evaluation'];
/**
 * Heading wording varies between the Hub template, older templates and hand-written cards,
 * so headings are matched on normalized words. "Usage" and "How to use" are left out on
 * purpose: they hold code snippets, not a statement of intended use.
 */
const SECTION_MATCHERS = {
    out_of_scope_use: /\bout of scope\b|\bmisuse\b/,
    intended_use: /\bintended (uses?|usage|purposes?)\b|\bdirect uses?\b|\bdownstream uses?\b|\buse cases?\b|^(model )?uses?( and .*)?$/,
    limitations: /\blimitations?\b|\brisks?\b/,
    risks: /\brisks?\b/,
    ethical_considerations: /\bethic(s|al)\b/,
    training_data: /\btraining (data|datasets?|corpus)\b/,
    evaluation: /\bevaluations?\b|\beval results\b/,
};
/** What the Hub's card template writes where its author filled nothing in. */
const PLACEHOLDER = /\[More Information Needed\]/gi;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Bounded so that a long line of braces costs linear time, not quadratic. */
const TEMPLATE = /\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}/g;
const DELIMITER = /^---[ \t]*$/;
/** Longer heading titles are not matched against field names: no real heading is that long. */
const MAX_TITLE = 200;
function huggingface_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Lines without their terminator, so CRLF files read like LF files and keep their line numbers. */
function splitLines(text) {
    return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}
/** The `---` lines that delimit the front matter, by line index; undefined when there is none. */
function findFrontMatter(lines, path) {
    let open = 0;
    // The Hub accepts blank lines before the opening delimiter.
    while (open < lines.length && lines[open].trim() === '')
        open++;
    if (open >= lines.length || !DELIMITER.test(lines[open]))
        return undefined;
    for (let close = open + 1; close < lines.length; close++) {
        if (DELIMITER.test(lines[close]))
            return { open, close };
    }
    throw (0,errors/* artefactError */.bo)('the front matter opened here is never closed by a "---" line', { path, line: open + 1 });
}
/**
 * Marks which body lines are Markdown text (not fenced code, not an HTML comment): only
 * those can hold a heading, and only those can hold an unrendered template, because a
 * card may legitimately show a Jinja chat template inside a code block.
 */
function textLines(lines, start) {
    const isText = lines.map(() => false);
    let fence;
    let inComment = false;
    for (let index = start; index < lines.length; index++) {
        const line = lines[index];
        if (fence !== undefined) {
            const trimmed = line.trim();
            if (trimmed.startsWith(fence) && /^([`~])\1*$/.test(trimmed))
                fence = undefined;
            continue;
        }
        if (inComment) {
            if (line.includes('-->'))
                inComment = false;
            continue;
        }
        const opening = FENCE.exec(line);
        if (opening) {
            fence = opening[1];
            continue;
        }
        const lastOpen = line.lastIndexOf('<!--');
        if (lastOpen !== -1 && line.indexOf('-->', lastOpen) === -1)
            inComment = true;
        isText[index] = true;
    }
    return isText;
}
function rejectTemplates(lines, isText, frontMatter, path) {
    const inFrontMatter = (index) => frontMatter !== undefined && index > frontMatter.open && index < frontMatter.close;
    for (let index = 0; index < lines.length; index++) {
        const yaml = inFrontMatter(index);
        if (!yaml && !isText[index])
            continue;
        const line = lines[index];
        let backticks = 0;
        let counted = 0;
        for (const found of line.matchAll(TEMPLATE)) {
            backticks += countBackticks(line, counted, found.index);
            counted = found.index;
            // An inline code span (an odd number of backticks before) may show template syntax as an example.
            if (!yaml && backticks % 2 === 1)
                continue;
            const shown = found[0].length > 40 ? `${found[0].slice(0, 37)}...` : found[0];
            throw (0,errors/* artefactError */.bo)(`unrendered template: the card still holds Jinja placeholders such as ${shown}`, {
                path,
                line: index + 1,
                column: found.index + 1,
            });
        }
    }
}
function countBackticks(line, start, end) {
    let count = 0;
    for (let i = start; i < end; i++)
        if (line[i] === '`')
            count++;
    return count;
}
/** An ATX heading, scanned by hand: the equivalent regex backtracks quadratically on long lines. */
function headingOf(line) {
    let start = 0;
    while (start < 3 && line[start] === ' ')
        start++;
    let level = 0;
    while (line[start + level] === '#')
        level++;
    if (level < 1 || level > 6)
        return undefined;
    const rest = line.slice(start + level);
    if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t')
        return undefined;
    let title = rest.trim();
    // A closing sequence of #s is not part of the title.
    let end = title.length;
    while (end > 0 && title[end - 1] === '#')
        end--;
    if (end === 0)
        title = '';
    else if (end < title.length && (title[end - 1] === ' ' || title[end - 1] === '\t'))
        title = title.slice(0, end).trimEnd();
    return { level, title };
}
function normalizeHeading(title) {
    return title
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&/g, ' and ')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .replace(/^(\d+ )+/, '');
}
/** The documented sections a heading stands for, by its wording. */
function sectionsOfHeading(title) {
    const found = new Set();
    if (title.length > MAX_TITLE)
        return found;
    const words = normalizeHeading(title);
    for (const name of SECTION_ORDER)
        if (SECTION_MATCHERS[name].test(words))
            found.add(name);
    // "Out-of-scope use" also says "use"; it is never a statement of intended use.
    if (found.has('out_of_scope_use'))
        found.delete('intended_use');
    return found;
}
function findHeadings(lines, isText, start) {
    const headings = [];
    for (let index = start; index < lines.length; index++) {
        if (!isText[index])
            continue;
        const heading = headingOf(lines[index]);
        if (!heading)
            continue;
        headings.push({ ...heading, index, end: lines.length, endPosition: Infinity, sections: sectionsOfHeading(heading.title) });
    }
    // One pass with a stack of open sections: a heading closes every open one of its level or deeper.
    const open = [];
    headings.forEach((heading, position) => {
        while (open.length > 0 && headings[open[open.length - 1]].level >= heading.level) {
            const closed = headings[open.pop()];
            closed.end = heading.index;
            closed.endPosition = position;
        }
        open.push(position);
    });
    for (const position of open)
        headings[position].endPosition = headings.length;
    return headings;
}
/**
 * The body under a heading, without HTML comments (invisible once rendered) and without
 * subsections that document another field: the Hub template nests "Out-of-Scope Use"
 * under "Uses", and its text is not a statement of intended use.
 */
function sectionText(lines, headings, position) {
    const heading = headings[position];
    const parts = [];
    let index = heading.index + 1;
    for (const sub of headings.slice(position + 1, heading.endPosition)) {
        if (sub.index < index)
            continue;
        if ([...sub.sections].some((name) => !heading.sections.has(name))) {
            parts.push(lines.slice(index, sub.index).join('\n'));
            index = sub.end;
        }
    }
    parts.push(lines.slice(index, heading.end).join('\n'));
    return parts
        .join('\n')
        .replace(/<!--[\s\S]*?(-->|$)/g, '')
        .trim();
}
/** A section holding only sub-headings and template placeholders says nothing. */
function hasContent(text) {
    return (text
        .split('\n')
        .filter((line) => headingOf(line) === undefined)
        .join('\n')
        .replace(PLACEHOLDER, '')
        .trim() !== '');
}
function mapSections(lines, headings) {
    const values = {};
    const present = [];
    const texts = new Map();
    // A heading can stand for several fields: its text is worked out once.
    const textOf = (position) => {
        if (!texts.has(position)) {
            const text = sectionText(lines, headings, position);
            texts.set(position, hasContent(text) ? text : undefined);
        }
        return texts.get(position);
    };
    for (const name of SECTION_ORDER) {
        const chosen = [];
        headings.forEach((heading, position) => {
            if (!heading.sections.has(name))
                return;
            // A matching subsection of the section last taken is already part of its text.
            const last = chosen[chosen.length - 1];
            if (last && heading.index < last.heading.end)
                return;
            const text = textOf(position);
            if (text !== undefined)
                chosen.push({ heading, text });
        });
        const first = chosen[0];
        if (!first)
            continue;
        present.push(name);
        values[name] = { text: chosen.map(({ text }) => text).join('\n\n'), line: first.heading.index + 1 };
    }
    return { values, present };
}
/** A finite number, or a string that spells one; anything else is not a metric value. */
function huggingface_metricValue(raw) {
    if (typeof raw === 'number')
        return Number.isFinite(raw) ? raw : undefined;
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    if (typeof raw !== 'string' || raw.length > 64 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim()))
        return undefined;
    const value = Number(raw.trim());
    return Number.isFinite(value) ? value : undefined;
}
function listAt(doc, value, pointer, what) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw (0,errors/* artefactError */.bo)(`${what} must be a list`, doc.locate(pointer));
    return value;
}
/** model-index results, flattened to one evaluation per metric, each with its own line. */
function huggingface_evaluationsOf(doc, modelIndex) {
    const evaluations = [];
    listAt(doc, modelIndex, ['model-index'], 'model-index').forEach((model, m) => {
        if (!huggingface_isObject(model))
            throw (0,errors/* artefactError */.bo)('a model-index entry must be a mapping', doc.locate(['model-index', m]));
        const resultsAt = ['model-index', m, 'results'];
        listAt(doc, model.results, resultsAt, 'model-index results').forEach((result, r) => {
            if (!huggingface_isObject(result))
                throw (0,errors/* artefactError */.bo)('a model-index result must be a mapping', doc.locate([...resultsAt, r]));
            // The Hub drops a result that names no dataset rather than rejecting the card.
            if (!huggingface_isObject(result.dataset))
                return;
            const dataset = result.dataset;
            const datasetName = typeof dataset.name === 'string' ? dataset.name : typeof dataset.type === 'string' ? dataset.type : undefined;
            const metricsAt = [...resultsAt, r, 'metrics'];
            listAt(doc, result.metrics, metricsAt, 'model-index metrics').forEach((metric, k) => {
                const at = [...metricsAt, k];
                if (!huggingface_isObject(metric))
                    throw (0,errors/* artefactError */.bo)('a model-index metric must be a mapping', doc.locate(at));
                const name = typeof metric.type === 'string' && metric.type.trim() !== '' ? metric.type : metric.name;
                if (typeof name !== 'string' || name.trim() === '') {
                    throw (0,errors/* artefactError */.bo)('a model-index metric has neither a type nor a name', doc.locate(at));
                }
                const value = huggingface_metricValue(metric.value);
                if (value === undefined) {
                    const shown = metric.value === undefined ? 'no value' : `value ${JSON.stringify(metric.value)}, which is not a finite number`;
                    throw (0,errors/* artefactError */.bo)(`metric "${name}" has ${shown}`, doc.locate(metric.value === undefined ? at : [...at, 'value']));
                }
                const evaluation = { metric: name, value, location: doc.locate(at) };
                if (datasetName !== undefined)
                    evaluation.dataset = datasetName;
                if (typeof dataset.split === 'string')
                    evaluation.split = dataset.split;
                evaluations.push(evaluation);
            });
        });
    });
    return evaluations;
}
/** `license: other` defers to `license_name` (or `license_link`), as the Hub does. */
function huggingface_licenseOf(meta) {
    const license = meta.license;
    if (typeof license !== 'string' || license.trim().toLowerCase() !== 'other')
        return license;
    if (typeof meta.license_name === 'string' && meta.license_name.trim() !== '')
        return meta.license_name;
    if (typeof meta.license_link === 'string' && meta.license_link.trim() !== '')
        return meta.license_link;
    return license;
}
function adaptHuggingFace(input) {
    const path = input.path;
    const lines = splitLines(input.text.replace(/^\uFEFF/, ''));
    const frontMatter = findFrontMatter(lines, path);
    const bodyStart = frontMatter ? frontMatter.close + 1 : 0;
    const isText = textLines(lines, bodyStart);
    rejectTemplates(lines, isText, frontMatter, path);
    const data = {};
    const fieldLocations = {};
    if (frontMatter) {
        // Blank lines in place of everything before the YAML keep the parser's lines the file's lines.
        const yaml = '\n'.repeat(frontMatter.open + 1) + lines.slice(frontMatter.open + 1, frontMatter.close).join('\n');
        const doc = parseYaml(yaml, path, { errorCode: 'artefact', limits: input.limits });
        if (doc.value !== null && doc.value !== undefined && !huggingface_isObject(doc.value)) {
            const found = Array.isArray(doc.value) ? 'a list' : `a ${typeof doc.value}`;
            throw (0,errors/* artefactError */.bo)(`the front matter must be a mapping of metadata, not ${found}`, doc.locate([]));
        }
        const meta = huggingface_isObject(doc.value) ? doc.value : {};
        const keyLocation = (key) => {
            const escaped = key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
            const pattern = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:`);
            for (let index = frontMatter.open + 1; index < frontMatter.close; index++) {
                if (pattern.test(lines[index]))
                    return { path, line: index + 1, column: 1 };
            }
            return doc.locate([key]);
        };
        if (meta.license !== undefined && meta.license !== null) {
            data.license = huggingface_licenseOf(meta);
            fieldLocations.license = keyLocation('license');
        }
        if (meta.datasets !== undefined && meta.datasets !== null) {
            data.training_data = typeof meta.datasets === 'string' ? [meta.datasets] : meta.datasets;
            fieldLocations.training_data = keyLocation('datasets');
        }
        const modelIndex = meta['model-index'];
        if (modelIndex !== undefined && modelIndex !== null) {
            data.evaluation = huggingface_evaluationsOf(doc, modelIndex);
            fieldLocations.evaluation = keyLocation('model-index');
        }
        const firstModel = Array.isArray(modelIndex) ? modelIndex[0] : undefined;
        if (typeof meta.model_name === 'string') {
            data.name = meta.model_name;
            fieldLocations.name = keyLocation('model_name');
        }
        else if (huggingface_isObject(firstModel) && typeof firstModel.name === 'string') {
            data.name = firstModel.name;
            fieldLocations.name = doc.locate(['model-index', 0, 'name']);
        }
    }
    const headings = findHeadings(lines, isText, bodyStart);
    const { values, present } = mapSections(lines, headings);
    for (const field of TEXT_FIELDS) {
        const section = values[field];
        if (!section)
            continue;
        data[field] = section.text;
        fieldLocations[field] = { path, line: section.line, column: 1 };
    }
    data.sections = present;
    return { data, fieldLocations };
}
const HUGGINGFACE_MODEL_CARD_FORMAT = {
    id: HUGGINGFACE_FORMAT_ID,
    kind: 'model_card',
    description: 'Hugging Face model card (Markdown with YAML front matter: license, datasets, model-index; sections by heading)',
    detect: (input) => /\.md$/i.test(input.path),
    adapt: adaptHuggingFace,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/model-card-toolkit.ts

/**
 * Google Model Card Toolkit JSON (`model_card.json`): schema v0.0.2 as written by
 * model-card-toolkit 1.x and 2.x, and the older v0.0.1 shape (plain-string lists,
 * `license` as one string, `data` as `{train, eval}`), which cards in the wild still use.
 */
const MODEL_CARD_TOOLKIT_FORMAT_ID = 'model-card-toolkit';
const SECTIONS = ['schema_version', 'model_details', 'model_parameters', 'quantitative_analysis', 'considerations'];
function model_card_toolkit_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function model_card_toolkit_nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
const model_card_toolkit_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The toolkit writes metric values as strings (v0.0.2) or numbers (v0.0.1): both must spell a finite number. */
function numberOf(raw) {
    if (typeof raw === 'number')
        return Number.isFinite(raw) ? raw : undefined;
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    if (typeof raw !== 'string' || raw.length > 64 || !model_card_toolkit_NUMBER.test(raw.trim()))
        return undefined;
    const value = Number(raw.trim());
    return Number.isFinite(value) ? value : undefined;
}
function describe(raw) {
    return raw === undefined ? 'no value' : `value ${JSON.stringify(raw)}, which is not a finite number`;
}
class CardReader {
    doc;
    data = {};
    fieldLocations = {};
    sections = [];
    extra = {};
    constructor(doc) {
        this.doc = doc;
    }
    locate(pointer) {
        return this.doc.locate(pointer);
    }
    set(field, value, pointer, section) {
        this.data[field] = value;
        this.fieldLocations[field] = this.locate(pointer);
        if (section)
            this.sections.push(section);
    }
    keep(key, value) {
        if (value !== undefined)
            this.extra[key] = value;
    }
    /** An object section, or an error naming its line when it is something else. */
    section(value, pointer) {
        if (value === undefined || value === null)
            return {};
        if (!model_card_toolkit_isObject(value))
            throw (0,errors/* artefactError */.bo)(`${pointer.join('.')} must be an object`, this.locate(pointer));
        return value;
    }
    /** Keys a section holds that the schema does not name: kept under `extra.unmapped`, by their dotted path. */
    keepUnknown(value, pointer, known) {
        for (const [key, item] of Object.entries(value)) {
            if (known.includes(key))
                continue;
            const unmapped = (this.extra.unmapped ??= {});
            unmapped[[...pointer, key].join('.')] = item;
        }
    }
    /**
     * A list of texts: v0.0.2 writes `[{description}]`, v0.0.1 writes `[string]`; a lone
     * string is read as a list of one. Anything else is an error naming its line.
     */
    texts(value, pointer, property = 'description') {
        if (value === undefined || value === null)
            return [];
        const items = Array.isArray(value) ? value : [value];
        return items.flatMap((item, index) => {
            const at = Array.isArray(value) ? [...pointer, index] : pointer;
            if (typeof item === 'string')
                return model_card_toolkit_nonEmpty(item) ?? [];
            if (model_card_toolkit_isObject(item)) {
                const text = item[property];
                if (text === undefined || text === null)
                    return [];
                if (typeof text === 'string')
                    return model_card_toolkit_nonEmpty(text) ?? [];
                throw (0,errors/* artefactError */.bo)(`${[...at, property].join('.')} must be a string`, this.locate([...at, property]));
            }
            throw (0,errors/* artefactError */.bo)(`${at.join('.')} must be a string or an object with "${property}"`, this.locate(at));
        });
    }
    list(value, pointer) {
        if (value === undefined || value === null)
            return [];
        if (!Array.isArray(value))
            throw (0,errors/* artefactError */.bo)(`${pointer.join('.')} must be a list`, this.locate(pointer));
        return value;
    }
}
function readDetails(reader, details) {
    const at = ['model_details'];
    const name = model_card_toolkit_nonEmpty(details.name);
    if (name !== undefined)
        reader.set('name', name, [...at, 'name']);
    // v0.0.1 and v0.0.2 both write an object {name, date, diff}; a bare string is read as the name.
    const version = details.version;
    if (model_card_toolkit_isObject(version)) {
        const versionName = model_card_toolkit_nonEmpty(version.name);
        if (versionName !== undefined)
            reader.set('version', versionName, [...at, 'version', 'name']);
        reader.keep('version_date', model_card_toolkit_nonEmpty(version.date));
        reader.keep('version_diff', model_card_toolkit_nonEmpty(version.diff));
    }
    else if (model_card_toolkit_nonEmpty(version) !== undefined) {
        reader.set('version', model_card_toolkit_nonEmpty(version), [...at, 'version']);
    }
    const licenses = [];
    const customLicenses = [];
    reader.list(details.licenses, [...at, 'licenses']).forEach((license, index) => {
        if (typeof license === 'string') {
            if (model_card_toolkit_nonEmpty(license))
                licenses.push(license.trim());
            return;
        }
        if (!model_card_toolkit_isObject(license))
            throw (0,errors/* artefactError */.bo)('a license must be an object', reader.locate([...at, 'licenses', index]));
        const identifier = model_card_toolkit_nonEmpty(license.identifier);
        const custom = model_card_toolkit_nonEmpty(license.custom_text);
        if (identifier !== undefined)
            licenses.push(identifier);
        else if (custom !== undefined)
            customLicenses.push(custom);
    });
    const license = model_card_toolkit_nonEmpty(details.license); // v0.0.1
    if (license !== undefined)
        licenses.push(license);
    const all = [...new Set([...licenses, ...customLicenses])];
    if (all.length > 0) {
        // Several licenses all apply, as in an SPDX expression; a custom text stands as written.
        const value = all.length === 1 ? all[0] : all.map((item) => (/\s/.test(item) ? `(${item})` : item)).join(' AND ');
        reader.set('license', value, [...at, details.licenses !== undefined ? 'licenses' : 'license']);
        if (customLicenses.length > 0)
            reader.keep('custom_licenses', customLicenses);
    }
    const owners = [];
    const contacts = [];
    reader.list(details.owners, [...at, 'owners']).forEach((owner, index) => {
        if (typeof owner === 'string') {
            if (model_card_toolkit_nonEmpty(owner))
                owners.push(owner.trim());
            return;
        }
        if (!model_card_toolkit_isObject(owner))
            throw (0,errors/* artefactError */.bo)('an owner must be an object', reader.locate([...at, 'owners', index]));
        const ownerName = model_card_toolkit_nonEmpty(owner.name);
        const contact = model_card_toolkit_nonEmpty(owner.contact);
        // An owner known only by a contact is still an owner.
        const shown = ownerName ?? contact;
        if (shown !== undefined && !owners.includes(shown))
            owners.push(shown);
        if (contact !== undefined)
            contacts.push({ ...(ownerName ? { name: ownerName } : {}), contact });
    });
    if (owners.length > 0)
        reader.set('owners', owners, [...at, 'owners']);
    if (contacts.length > 0)
        reader.keep('owner_contacts', contacts);
    reader.keep('overview', model_card_toolkit_nonEmpty(details.overview));
    reader.keep('documentation', model_card_toolkit_nonEmpty(details.documentation));
    reader.keep('model_path', model_card_toolkit_nonEmpty(details.path));
    const references = reader.texts(details.references, [...at, 'references'], 'reference');
    if (references.length > 0)
        reader.keep('references', references);
    const citations = reader.list(details.citations, [...at, 'citations']).filter((item) => item !== null);
    const citation = model_card_toolkit_nonEmpty(details.citation); // v0.0.1
    if (citations.length > 0 || citation !== undefined)
        reader.keep('citations', citation ? [...citations, citation] : citations);
    reader.keepUnknown(details, at, [
        'name', 'overview', 'documentation', 'owners', 'version', 'licenses', 'license',
        'references', 'citations', 'citation', 'path',
    ]);
}
/** Names and descriptions of a graphics collection; the base64 images themselves are not evidence. */
function graphicsOf(value) {
    if (!model_card_toolkit_isObject(value))
        return undefined;
    const names = Array.isArray(value.collection)
        ? value.collection.map((graphic) => (model_card_toolkit_isObject(graphic) ? model_card_toolkit_nonEmpty(graphic.name) : undefined)).filter(Boolean)
        : [];
    const description = model_card_toolkit_nonEmpty(value.description);
    if (names.length === 0 && description === undefined)
        return undefined;
    return { ...(description ? { description } : {}), names };
}
function readDataset(reader, dataset, pointer, role) {
    if (dataset === undefined || dataset === null)
        return undefined;
    if (!model_card_toolkit_isObject(dataset))
        throw (0,errors/* artefactError */.bo)('a dataset must be an object', reader.locate(pointer));
    const entry = {};
    const name = model_card_toolkit_nonEmpty(dataset.name);
    const link = model_card_toolkit_nonEmpty(dataset.link);
    if (name)
        entry.name = name;
    if (link)
        entry.link = link;
    if (role)
        entry.role = role;
    const description = model_card_toolkit_nonEmpty(dataset.description);
    if (description)
        entry.description = description;
    // v0.0.2: {sensitive_data: [..]}; v0.0.1: a boolean.
    if (typeof dataset.sensitive === 'boolean')
        entry.sensitive = dataset.sensitive;
    else if (model_card_toolkit_isObject(dataset.sensitive)) {
        const sensitive = reader.texts(dataset.sensitive.sensitive_data, [...pointer, 'sensitive', 'sensitive_data']);
        if (sensitive.length > 0)
            entry.sensitive_data = sensitive;
    }
    const graphics = graphicsOf(dataset.graphics);
    if (graphics)
        entry.graphics = graphics;
    for (const [key, value] of Object.entries(dataset)) {
        if (!['name', 'link', 'description', 'sensitive', 'graphics'].includes(key))
            entry[key] = value;
    }
    return entry;
}
function readParameters(reader, parameters) {
    const at = ['model_parameters'];
    const datasets = [];
    const training = [];
    if (model_card_toolkit_isObject(parameters.data)) {
        // v0.0.1: {train, eval}; only the train set is training data.
        for (const role of ['train', 'eval']) {
            const entry = readDataset(reader, parameters.data[role], [...at, 'data', role], role);
            if (!entry)
                continue;
            datasets.push(entry);
            const name = (entry.name ?? entry.link);
            if (role === 'train' && name !== undefined)
                training.push(name);
        }
    }
    else {
        // v0.0.2 lists the datasets used "to train and evaluate" without a role: all are read as training data.
        reader.list(parameters.data, [...at, 'data']).forEach((dataset, index) => {
            const entry = readDataset(reader, dataset, [...at, 'data', index]);
            if (!entry)
                return;
            datasets.push(entry);
            const name = (entry.name ?? entry.link);
            if (name !== undefined && !training.includes(name))
                training.push(name);
        });
    }
    if (training.length > 0)
        reader.set('training_data', training, [...at, 'data'], 'training_data');
    if (datasets.length > 0)
        reader.keep('datasets', datasets);
    reader.keep('model_architecture', model_card_toolkit_nonEmpty(parameters.model_architecture));
    reader.keep('input_format', model_card_toolkit_nonEmpty(parameters.input_format));
    reader.keep('output_format', model_card_toolkit_nonEmpty(parameters.output_format));
    reader.keep('input_format_map', parameters.input_format_map);
    reader.keep('output_format_map', parameters.output_format_map);
    reader.keepUnknown(parameters, at, [
        'model_architecture', 'data', 'input_format', 'output_format', 'input_format_map', 'output_format_map',
    ]);
}
function readMetrics(reader, analysis) {
    const at = ['quantitative_analysis', 'performance_metrics'];
    const evaluation = reader.list(analysis.performance_metrics, at).map((metric, index) => {
        const item = [...at, index];
        if (!model_card_toolkit_isObject(metric))
            throw (0,errors/* artefactError */.bo)('a performance metric must be an object', reader.locate(item));
        const name = model_card_toolkit_nonEmpty(metric.type);
        if (name === undefined)
            throw (0,errors/* artefactError */.bo)('a performance metric has no type', reader.locate(item));
        const value = numberOf(metric.value);
        if (value === undefined) {
            const where = metric.value === undefined ? item : [...item, 'value'];
            throw (0,errors/* artefactError */.bo)(`performance metric "${name}" has ${describe(metric.value)}`, reader.locate(where));
        }
        const result = { metric: name, value, location: reader.locate(item) };
        const slice = model_card_toolkit_nonEmpty(metric.slice);
        if (slice !== undefined)
            result.split = slice;
        const extra = {};
        if (metric.confidence_interval !== undefined && metric.confidence_interval !== null) {
            const interval = reader.section(metric.confidence_interval, [...item, 'confidence_interval']);
            const bounds = {};
            for (const bound of ['lower_bound', 'upper_bound']) {
                if (interval[bound] === undefined || interval[bound] === '')
                    continue;
                const parsed = numberOf(interval[bound]);
                if (parsed === undefined) {
                    throw (0,errors/* artefactError */.bo)(`performance metric "${name}" has a confidence interval ${bound} ${JSON.stringify(interval[bound])}, which is not a finite number`, reader.locate([...item, 'confidence_interval', bound]));
                }
                bounds[bound] = parsed;
            }
            if (Object.keys(bounds).length > 0)
                extra.confidence_interval = bounds;
        }
        if (metric.threshold !== undefined) {
            const threshold = numberOf(metric.threshold);
            if (threshold === undefined) {
                throw (0,errors/* artefactError */.bo)(`performance metric "${name}" has threshold ${describe(metric.threshold)}`, reader.locate([...item, 'threshold']));
            }
            extra.threshold = threshold;
        }
        for (const [key, other] of Object.entries(metric)) {
            if (!['type', 'value', 'slice', 'confidence_interval', 'threshold'].includes(key))
                extra[key] = other;
        }
        if (Object.keys(extra).length > 0)
            result.extra = extra;
        return result;
    });
    if (evaluation.length > 0)
        reader.set('evaluation', evaluation, at, 'evaluation');
    const graphics = graphicsOf(analysis.graphics);
    if (graphics)
        reader.keep('performance_graphics', graphics);
    reader.keepUnknown(analysis, ['quantitative_analysis'], ['performance_metrics', 'graphics']);
}
function readConsiderations(reader, considerations) {
    const at = ['considerations'];
    const useCases = reader.texts(considerations.use_cases, [...at, 'use_cases']);
    if (useCases.length > 0)
        reader.set('intended_use', useCases.join('\n'), [...at, 'use_cases'], 'intended_use');
    const limitations = reader.texts(considerations.limitations, [...at, 'limitations']);
    if (limitations.length > 0)
        reader.set('limitations', limitations.join('\n'), [...at, 'limitations'], 'limitations');
    const ethics = reader.list(considerations.ethical_considerations, [...at, 'ethical_considerations']).flatMap((risk, index) => {
        if (typeof risk === 'string')
            return model_card_toolkit_nonEmpty(risk) ?? [];
        if (!model_card_toolkit_isObject(risk)) {
            throw (0,errors/* artefactError */.bo)('an ethical consideration must be an object', reader.locate([...at, 'ethical_considerations', index]));
        }
        const name = model_card_toolkit_nonEmpty(risk.name);
        const mitigation = model_card_toolkit_nonEmpty(risk.mitigation_strategy);
        if (name && mitigation)
            return [`${name} (mitigation: ${mitigation})`];
        return name ? [name] : mitigation ? [`mitigation: ${mitigation}`] : [];
    });
    if (ethics.length > 0) {
        reader.set('ethical_considerations', ethics.join('\n'), [...at, 'ethical_considerations'], 'ethical_considerations');
    }
    // Users say who the model serves, not what it is for: they stay out of intended_use.
    const users = reader.texts(considerations.users, [...at, 'users']);
    if (users.length > 0) {
        reader.keep('users', users);
        reader.sections.push('users');
    }
    const tradeoffs = reader.texts(considerations.tradeoffs, [...at, 'tradeoffs']);
    if (tradeoffs.length > 0) {
        reader.keep('tradeoffs', tradeoffs);
        reader.sections.push('tradeoffs');
    }
    reader.keepUnknown(considerations, at, ['users', 'use_cases', 'limitations', 'tradeoffs', 'ethical_considerations']);
}
function adaptModelCardToolkit(input) {
    const doc = input.structured();
    const card = doc.value;
    if (!model_card_toolkit_isObject(card) || !model_card_toolkit_isObject(card.model_details)) {
        throw (0,errors/* artefactError */.bo)('not a Model Card Toolkit card: no "model_details" object', doc.locate([]));
    }
    const reader = new CardReader(doc);
    if (card.schema_version !== undefined)
        reader.keep('schema_version', card.schema_version);
    readDetails(reader, card.model_details);
    readParameters(reader, reader.section(card.model_parameters, ['model_parameters']));
    readMetrics(reader, reader.section(card.quantitative_analysis, ['quantitative_analysis']));
    readConsiderations(reader, reader.section(card.considerations, ['considerations']));
    reader.keepUnknown(card, [], SECTIONS);
    reader.data.sections = reader.sections;
    if (Object.keys(reader.extra).length > 0)
        reader.data.extra = reader.extra;
    return { data: reader.data, fieldLocations: reader.fieldLocations };
}
const MODEL_CARD_TOOLKIT_FORMAT = {
    id: MODEL_CARD_TOOLKIT_FORMAT_ID,
    kind: 'model_card',
    description: 'Google Model Card Toolkit model_card.json (schema v0.0.2 of model-card-toolkit 1.x/2.x; v0.0.1 also read)',
    detect: (input) => {
        if (!/\.json$/i.test(input.path))
            return false;
        const value = input.structured().value;
        // A native card carries apiVersion, a BOM bomFormat, a JSON-LD document @context: none of them is this format.
        return model_card_toolkit_isObject(value) && model_card_toolkit_isObject(value.model_details) && value.apiVersion === undefined && value.bomFormat === undefined && value['@context'] === undefined;
    },
    adapt: adaptModelCardToolkit,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/native.ts



const NATIVE_API_VERSION = 'modelgate/v1';
/** Lists whose items carry their own line, so a failing item is reported where it stands. */
const ITEM_LISTS = {
    model_card: ['evaluation'],
    lineage: ['datasets'],
    bias: ['metrics'],
    drift: ['features'],
};
function native_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function looksNative(input, kind) {
    if (!/\.(ya?ml|json)$/i.test(input.path))
        return false;
    const value = input.structured().value;
    return native_isObject(value) && value.apiVersion === NATIVE_API_VERSION && value.kind === kind;
}
function adaptNative(input, kind) {
    const doc = input.structured();
    const value = doc.value;
    if (!native_isObject(value))
        throw (0,errors/* artefactError */.bo)('expected a mapping at the top level', doc.locate([]));
    const { apiVersion: _apiVersion, kind: _kind, ...fields } = value;
    const data = { ...fields };
    const fieldLocations = {};
    for (const key of Object.keys(fields))
        fieldLocations[key] = doc.locate([key]);
    for (const list of ITEM_LISTS[kind]) {
        const items = data[list];
        if (!Array.isArray(items))
            continue;
        data[list] = items.map((item, index) => native_isObject(item) ? { ...item, location: doc.locate([list, index]) } : item);
    }
    if (kind === 'drift')
        deriveDriftShare(data);
    if (kind === 'bias' && Array.isArray(data.metrics)) {
        data.metrics = data.metrics.map((metric) => native_isObject(metric) && typeof metric.name === 'string' && metric.original_name === undefined
            ? { ...metric, ...normalizeBiasMetricName(metric.name) }
            : metric);
    }
    return { data, fieldLocations, locate: (path) => doc.locate(path) };
}
/** The share of drifted features is implied by the feature list when a report does not state it. */
function deriveDriftShare(data) {
    const features = data.features;
    if (data.share_drifted !== undefined || !Array.isArray(features) || features.length === 0)
        return;
    const drifted = features.filter((feature) => native_isObject(feature) && feature.drifted === true).length;
    data.share_drifted = drifted / features.length;
}
const NATIVE_FORMATS = evidence/* ARTEFACT_KINDS */.D_.map((kind) => ({
    id: `modelgate-${kind.replace('_', '-')}`,
    kind,
    description: `modelgate native ${kind} (YAML or JSON, apiVersion ${NATIVE_API_VERSION}, kind ${kind})`,
    detect: (input) => looksNative(input, kind),
    adapt: (input) => adaptNative(input, kind),
}));

;// CONCATENATED MODULE: ./src/artefacts/formats/openlineage.ts


/**
 * OpenLineage events (spec 1-0-x and 2-0-x, https://openlineage.io/spec/2-0-2/OpenLineage.json):
 * run events, and the static-lineage job and dataset events of 2-0-x, as one JSON object, a
 * JSON array, or NDJSON / JSON Lines (what the OpenLineage file transport writes).
 */
const OPENLINEAGE_FORMAT_ID = 'openlineage';
/** The run states of spec 2-0-2, whose enum includes RUNNING; other strings are kept as written. */
const EVENT_TYPES = new Set(['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER']);
/** The schemaURL fragment names the event kind, in `$defs` (1-0-x and later) or `definitions` (older). */
const EVENT_SCHEMA = /OpenLineage\.json#\/(?:\$defs|definitions)\/(RunEvent|JobEvent|DatasetEvent)$/;
const LINES_FILE = /\.(ndjson|jsonl)$/i;
/** Top-level keys each event kind maps to a normalized field or its event record; others are kept as written. */
const COMMON_KEYS = ['eventType', 'eventTime', 'producer', 'schemaURL'];
const MAPPED_KEYS = {
    RunEvent: new Set([...COMMON_KEYS, 'run', 'job', 'inputs', 'outputs']),
    JobEvent: new Set([...COMMON_KEYS, 'job', 'inputs', 'outputs']),
    DatasetEvent: new Set([...COMMON_KEYS, 'dataset']),
};
const FACET_GROUPS = ['inputFacets', 'outputFacets'];
const DATASET_KEYS = new Set(['namespace', 'name', 'facets', 'inputFacets', 'outputFacets']);
function openlineage_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isNamed(value) {
    return openlineage_isObject(value) && typeof value.namespace === 'string' && typeof value.name === 'string';
}
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
/** The event kind, or undefined for anything that is not an OpenLineage event. */
function kindOf(value) {
    if (!openlineage_isObject(value))
        return undefined;
    if (typeof value.producer !== 'string' && typeof value.schemaURL !== 'string')
        return undefined;
    const declared = typeof value.schemaURL === 'string' ? EVENT_SCHEMA.exec(value.schemaURL)?.[1] : undefined;
    if (declared === 'DatasetEvent')
        return isNamed(value.dataset) ? 'DatasetEvent' : undefined;
    if (!isNamed(value.job))
        return undefined;
    if (declared === 'JobEvent')
        return 'JobEvent';
    const hasRunId = openlineage_isObject(value.run) && typeof value.run.runId === 'string';
    const hasEventType = typeof value.eventType === 'string' && EVENT_TYPES.has(value.eventType);
    return hasRunId || hasEventType ? 'RunEvent' : undefined;
}
/** Says which required part a would-be event lacks, for the error that refuses it. */
function whyNotEvent(value) {
    if (!openlineage_isObject(value))
        return { reason: `an event must be a JSON object, not ${describeValue(value)}`, pointer: [] };
    if (typeof value.producer !== 'string' && typeof value.schemaURL !== 'string') {
        return { reason: 'not an OpenLineage event: it has neither a producer nor a schemaURL', pointer: [] };
    }
    if (!isNamed(value.job)) {
        return { reason: 'not an OpenLineage event: it has no job with a namespace and a name', pointer: value.job === undefined ? [] : ['job'] };
    }
    return { reason: 'not an OpenLineage run event: it has neither run.runId nor a known eventType', pointer: [] };
}
/**
 * NDJSON: every line is parsed on its own by the project's JSON parser (limits and forbidden
 * keys apply), told the line it stands on so that locations name the file's line (still
 * worked out only when read). `firstOnly` serves detection.
 */
function readLines(input, firstOnly) {
    const { path, text, limits } = input;
    if (text.length > limits.max_file_bytes) {
        throw (0,errors/* artefactError */.bo)(`file is larger than the limit of ${limits.max_file_bytes} bytes`, { path });
    }
    const entries = [];
    let start = 0;
    for (let line = 1; start <= text.length; line++) {
        const newline = text.indexOf('\n', start);
        const end = newline === -1 ? text.length : newline;
        // A byte order mark becomes a space, so columns stay those of the file.
        const raw = text.slice(start, end);
        const content = line === 1 ? raw.replace(/^\uFEFF/, ' ') : raw;
        start = end + 1;
        if (content.trim() === '')
            continue;
        if (firstOnly && !content.trimStart().startsWith('{'))
            return [];
        let doc;
        try {
            doc = parseJson(content, path, { limits, errorCode: 'artefact', startLine: line });
        }
        catch (error) {
            if (!(error instanceof errors/* ModelgateError */.HJ) || !error.location)
                throw error;
            const hint = error.reason.startsWith('invalid JSON') ? ' (each line of an NDJSON file must hold one whole event)' : '';
            throw (0,errors/* artefactError */.bo)(`${error.reason}${hint}`, error.location.line === undefined ? { path: error.location.path, line } : error.location);
        }
        entries.push({ value: doc.value, locate: (pointer, last) => doc.locate(pointer, last) });
        if (firstOnly)
            break;
    }
    return entries;
}
function readEvents(input) {
    if (LINES_FILE.test(input.path))
        return { entries: readLines(input, false), fileLocation: { path: input.path } };
    const doc = input.structured();
    const value = doc.value;
    const entries = Array.isArray(value)
        ? value.map((item, index) => ({ value: item, locate: (pointer, last) => doc.locate([index, ...pointer], last) }))
        : [{ value, locate: (pointer, last) => doc.locate(pointer, last) }];
    return { entries, fileLocation: doc.locate([]) };
}
function detectOpenLineage(input) {
    if (LINES_FILE.test(input.path))
        return kindOf(readLines(input, true)[0]?.value) !== undefined;
    if (!/\.json$/i.test(input.path))
        return false;
    const value = input.structured().value;
    return kindOf(Array.isArray(value) ? value[0] : value) !== undefined;
}
/** A string the spec requires or allows; any other type is refused where it stands. */
function optionalString(owner, key, at, pointer, what) {
    const value = owner[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw (0,errors/* artefactError */.bo)(`${what} must be a string, not ${describeValue(value)}`, at([...pointer, key]));
    return value;
}
function optionalObject(owner, key, at, pointer, what) {
    const value = owner[key];
    if (value === undefined || value === null)
        return undefined;
    if (!openlineage_isObject(value))
        throw (0,errors/* artefactError */.bo)(`${what} must be an object, not ${describeValue(value)}`, at([...pointer, key]));
    return value;
}
const NO_FACETS = Object.freeze({});
/**
 * Facets by name; a facet is an object by the spec, so anything else is refused. The
 * file's own object is returned (read, never changed) unless a null facet must be left out.
 */
function facetsOf(owner, key, at, pointer) {
    const facets = optionalObject(owner, key, at, pointer, key);
    if (!facets)
        return NO_FACETS;
    let withoutNulls;
    for (const name of Object.keys(facets)) {
        const facet = facets[name];
        // A null facet is how some clients write "not set".
        if (facet === null) {
            withoutNulls ??= { ...facets };
            delete withoutNulls[name];
            continue;
        }
        if (!openlineage_isObject(facet))
            throw (0,errors/* artefactError */.bo)(`facet "${name}" must be an object, not ${describeValue(facet)}`, at([...pointer, key, name]));
    }
    return withoutNulls ?? facets;
}
/** Absent, null or a string: what optionalString accepts without a word. */
function isOptionalString(value) {
    return value === undefined || value === null || typeof value === 'string';
}
/**
 * Checks the documented facets modelgate maps (version, dataSource, ownership) where they
 * stand, so a wrong type is reported at its own line even when a later event replaces it.
 * Runs for every dataset: pointers are only built for a value that is refused.
 */
function checkMappedFacets(facets, at, pointer) {
    const { version, dataSource, ownership } = facets;
    if (version && !isOptionalString(version.datasetVersion)) {
        optionalString(version, 'datasetVersion', at, [...pointer, 'facets', 'version'], 'version facet datasetVersion');
    }
    if (dataSource && !(isOptionalString(dataSource.uri) && isOptionalString(dataSource.name))) {
        optionalString(dataSource, 'uri', at, [...pointer, 'facets', 'dataSource'], 'dataSource facet uri');
        optionalString(dataSource, 'name', at, [...pointer, 'facets', 'dataSource'], 'dataSource facet name');
    }
    const owners = ownership?.owners;
    if (owners === undefined || owners === null)
        return;
    if (!Array.isArray(owners)) {
        throw (0,errors/* artefactError */.bo)(`ownership facet owners must be a list, not ${describeValue(owners)}`, at([...pointer, 'facets', 'ownership', 'owners']));
    }
    for (let index = 0; index < owners.length; index++) {
        const owner = owners[index];
        if (!openlineage_isObject(owner) || typeof owner.name !== 'string' || owner.name.trim() === '') {
            throw (0,errors/* artefactError */.bo)('an owner of the ownership facet has no name', at([...pointer, 'facets', 'ownership', 'owners', index]));
        }
    }
}
function openlineage_nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
function ownersOf(facets) {
    const owners = facets.ownership?.owners;
    if (!Array.isArray(owners))
        return [];
    const names = [];
    for (const owner of owners) {
        const name = openlineage_isObject(owner) ? openlineage_nonEmpty(owner.name) : undefined;
        if (name !== undefined && !names.includes(name))
            names.push(name);
    }
    return names;
}
class LineageCollector {
    /** Datasets by namespace, then name: kept by the strings the file holds, without building a key per dataset. */
    datasets = new Map();
    /** Datasets as read or written, in the order first named. */
    items = [];
    jobs = new Map();
    events = [];
    /** Dataset events, to keep their facets on the record when no run names the dataset. */
    datasetEvents = [];
    firstJobLocation;
    addEvent(entry) {
        const kind = kindOf(entry.value);
        if (kind === undefined) {
            const { reason, pointer } = whyNotEvent(entry.value);
            throw (0,errors/* artefactError */.bo)(reason, entry.locate(pointer));
        }
        const event = entry.value;
        const at = entry.locate;
        const record = {};
        for (const [key, value] of Object.entries(event))
            if (!MAPPED_KEYS[kind].has(key))
                record[key] = value;
        record.kind = kind;
        const eventType = optionalString(event, 'eventType', at, [], 'eventType');
        if (eventType !== undefined)
            record.eventType = eventType;
        const eventTime = optionalString(event, 'eventTime', at, [], 'eventTime');
        if (eventTime !== undefined)
            record.eventTime = eventTime;
        const producer = optionalString(event, 'producer', at, [], 'producer');
        if (producer !== undefined)
            record.producer = producer;
        const schemaURL = optionalString(event, 'schemaURL', at, [], 'schemaURL');
        if (schemaURL !== undefined)
            record.schemaURL = schemaURL;
        record.location = at([]);
        this.events.push(record);
        if (kind === 'DatasetEvent') {
            this.addDatasetEvent(event.dataset, at, record);
            return;
        }
        if (kind === 'RunEvent') {
            const run = event.run;
            if (!openlineage_isObject(run) || typeof run.runId !== 'string') {
                throw (0,errors/* artefactError */.bo)('a run event must have a run with a runId', at(run === undefined ? [] : ['run']));
            }
            record.runId = run.runId;
            const runFacets = facetsOf(run, 'facets', at, ['run']);
            if (Object.keys(runFacets).length > 0)
                record.runFacets = runFacets;
        }
        const job = event.job;
        if (job.name.trim() === '')
            throw (0,errors/* artefactError */.bo)('the job has an empty name', at(['job', 'name']));
        record.job = { namespace: job.namespace, name: job.name };
        const jobFacets = facetsOf(job, 'facets', at, ['job']);
        if (Object.keys(jobFacets).length > 0)
            record.jobFacets = jobFacets;
        const jobKey = JSON.stringify([job.namespace, job.name]);
        if (!this.jobs.has(jobKey))
            this.jobs.set(jobKey, { namespace: job.namespace, name: job.name });
        this.firstJobLocation ??= at(['job']);
        for (const [key, role] of [['inputs', 'input'], ['outputs', 'output']]) {
            const list = event[key];
            if (list === undefined || list === null)
                continue;
            if (!Array.isArray(list))
                throw (0,errors/* artefactError */.bo)(`${key} must be a list of datasets, not ${describeValue(list)}`, at([key]));
            // The list's pointer is shared by its datasets' locations, each adding its index.
            const listAt = [key];
            for (let index = 0; index < list.length; index++)
                this.addDataset(list[index], role, at, listAt, index);
        }
    }
    /** Refuses a dataset without a name and a namespace; `role` names it in the message. */
    identify(dataset, at, pointer, role) {
        if (isNamed(dataset) && dataset.name.trim() !== '')
            return;
        const what = role === undefined ? 'the dataset of a dataset event' : `${role} dataset`;
        if (!openlineage_isObject(dataset))
            throw (0,errors/* artefactError */.bo)(`${what} must be an object, not ${describeValue(dataset)}`, at(pointer));
        if (typeof dataset.name !== 'string' || dataset.name.trim() === '') {
            throw (0,errors/* artefactError */.bo)(`${what} has no name`, at(dataset.name === undefined ? pointer : [...pointer, 'name']));
        }
        if (typeof dataset.namespace !== 'string') {
            const found = dataset.namespace === undefined ? 'no namespace' : `namespace ${describeValue(dataset.namespace)}, not a string`;
            throw (0,errors/* artefactError */.bo)(`${what} "${dataset.name}" has ${found}`, at(dataset.namespace === undefined ? pointer : [...pointer, 'namespace']));
        }
    }
    entryOf(namespace, name) {
        let byName = this.datasets.get(namespace);
        if (!byName)
            this.datasets.set(namespace, (byName = new Map()));
        let entry = byName.get(name);
        if (!entry)
            byName.set(name, (entry = { facets: NO_FACETS, merged: false }));
        return entry;
    }
    /** Later facets replace earlier ones of the same name, as the spec says a newly emitted facet does. */
    mergeFacets(entry, facets) {
        if (entry.facets === NO_FACETS) {
            entry.facets = facets;
            return;
        }
        if (Object.keys(facets).length === 0)
            return;
        if (!entry.merged) {
            entry.facets = { ...entry.facets };
            entry.merged = true;
        }
        Object.assign(entry.facets, facets);
    }
    addDataset(value, role, at, listAt, index) {
        const pointer = [...listAt, index];
        this.identify(value, at, pointer, role);
        const { namespace, name } = value;
        const facets = facetsOf(value, 'facets', at, pointer);
        checkMappedFacets(facets, at, pointer);
        const entry = this.entryOf(namespace, name);
        this.mergeFacets(entry, facets);
        let item = entry[role];
        if (!item) {
            item = { role, entry, namespace, name, location: at(listAt, index), inputFacets: undefined, outputFacets: undefined, others: undefined };
            entry[role] = item;
            this.items.push(item);
        }
        for (const group of FACET_GROUPS) {
            if (value[group] === undefined)
                continue;
            const groupFacets = facetsOf(value, group, at, pointer);
            if (Object.keys(groupFacets).length > 0)
                Object.assign((item[group] ??= {}), groupFacets);
        }
        for (const field in value)
            if (!DATASET_KEYS.has(field) && Object.hasOwn(value, field))
                (item.others ??= {})[field] = value[field];
    }
    addDatasetEvent(value, at, record) {
        this.identify(value, at, ['dataset'], undefined);
        const { namespace, name } = value;
        const facets = facetsOf(value, 'facets', at, ['dataset']);
        checkMappedFacets(facets, at, ['dataset']);
        const entry = this.entryOf(namespace, name);
        this.mergeFacets(entry, facets);
        record.dataset = { namespace, name };
        this.datasetEvents.push({ record, entry, facets });
    }
    toData() {
        const datasets = this.items.map((item) => {
            // The dataset's facets, shared by its input and output items: nothing changes them after this.
            const facets = item.entry.facets;
            const { name, namespace, role, location } = item;
            const version = openlineage_nonEmpty(facets.version?.datasetVersion);
            const source = openlineage_nonEmpty(facets.dataSource?.uri) ?? openlineage_nonEmpty(facets.dataSource?.name);
            const owners = ownersOf(facets);
            const extra = item.others ? { ...item.others, facets } : { facets };
            for (const group of FACET_GROUPS)
                if (item[group])
                    extra[group] = item[group];
            // One literal per shape, fields in the schema's order: added one by one, they would spill into a second store.
            if (version === undefined) {
                return source === undefined ? { name, namespace, role, owners, location, extra } : { name, namespace, role, source, owners, location, extra };
            }
            return source === undefined ? { name, namespace, role, version, owners, location, extra } : { name, namespace, role, version, source, owners, location, extra };
        });
        // A dataset event about a dataset no run or job names keeps its facets on its own record.
        for (const { record, entry, facets } of this.datasetEvents)
            if (!entry.input && !entry.output)
                record.datasetFacets = facets;
        return { datasets, jobs: [...this.jobs.values()].map(({ name, namespace }) => ({ name, namespace })), extra: { events: this.events } };
    }
}
function adaptOpenLineage(input) {
    const { entries, fileLocation } = readEvents(input);
    if (entries.length === 0)
        throw (0,errors/* artefactError */.bo)('no OpenLineage event in the file', fileLocation);
    const collector = new LineageCollector();
    for (const entry of entries)
        collector.addEvent(entry);
    const data = collector.toData();
    const firstEvent = entries[0].locate([]);
    const firstDataset = collector.items[0];
    const fieldLocations = {
        datasets: firstDataset?.location ?? firstEvent,
        jobs: collector.firstJobLocation ?? firstEvent,
        extra: firstEvent,
    };
    return { data, fieldLocations };
}
const OPENLINEAGE_FORMAT = {
    id: OPENLINEAGE_FORMAT_ID,
    kind: 'lineage',
    description: 'OpenLineage events, spec 1-0-x and 2-0-x (RunEvent; JobEvent and DatasetEvent of 2-0-x): one JSON object, a JSON array (.json), or NDJSON / JSON Lines (.ndjson, .jsonl)',
    detect: detectOpenLineage,
    adapt: adaptOpenLineage,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/sagemaker-clarify.ts


/**
 * SageMaker Clarify bias analysis output (`analysis.json`, analysis schema version 1.0):
 * `pre_training_bias_metrics` and `post_training_bias_metrics`, each holding, per facet, one
 * entry per facet value or threshold with Clarify's metrics.
 */
const SAGEMAKER_CLARIFY_FORMAT_ID = 'sagemaker-clarify';
const sagemaker_clarify_SECTIONS = [
    { key: 'pre_training_bias_metrics', stage: 'pre_training' },
    { key: 'post_training_bias_metrics', stage: 'post_training' },
];
/** What is reported when a Clarify file has no bias section to read. */
const NO_BIAS = 'no bias metrics (pre_training_bias_metrics / post_training_bias_metrics)';
/** Explainability sections of analysis.json: such a file is Clarify output, but holds no bias metric. */
const EXPLANATION_METHODS = ['kernel_shap', 'pdp', 'asymmetric_shapley_value'];
/**
 * Clarify's short codes (as written in `metrics[].name`) and the names policies use. DI and
 * DPPL take the names other tools share (see ../metrics.ts); the others are spelled out.
 * Keys are upper case: codes are matched without regard to case (the docs write `DCAcc`).
 */
const CLARIFY_METRIC_NAMES = new Map([
    // pre-training
    ['CI', 'class_imbalance'],
    ['DPL', 'difference_in_proportions_of_labels'],
    ['KL', 'kl_divergence'],
    ['JS', 'js_divergence'],
    ['LP', 'lp_norm'],
    ['TVD', 'total_variation_distance'],
    ['KS', 'kolmogorov_smirnov'],
    ['CDDL', 'conditional_demographic_disparity_labels'],
    // post-training
    ['DPPL', 'statistical_parity_difference'],
    ['DI', 'disparate_impact'],
    ['DCA', 'difference_in_conditional_acceptance'],
    ['DCACC', 'difference_in_conditional_acceptance'],
    ['DCR', 'difference_in_conditional_rejection'],
    ['DCO', 'difference_in_conditional_outcomes'],
    ['RD', 'recall_difference'],
    ['SD', 'specificity_difference'],
    ['DAR', 'difference_in_acceptance_rates'],
    ['DRR', 'difference_in_rejection_rates'],
    ['AD', 'accuracy_difference'],
    ['CDDPL', 'conditional_demographic_disparity_predicted_labels'],
    ['TE', 'treatment_equality'],
    ['FT', 'flip_test'],
    ['GE', 'generalized_entropy'],
]);
/** The normalized name of a Clarify code; an unknown code keeps its own name (or a shared alias). */
function clarifyMetricName(code) {
    return CLARIFY_METRIC_NAMES.get(code.trim().toUpperCase()) ?? normalizeBiasMetricName(code).name;
}
function sagemaker_clarify_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The fields of `record` other than `keys`, in a new object (undefined when there are none). */
function rest(record, keys) {
    let kept;
    for (const key in record) {
        if (keys.includes(key) || !Object.hasOwn(record, key))
            continue;
        kept ??= {};
        kept[key] = record[key];
    }
    return kept;
}
/** The own fields of `record` other than `keys`, in order. */
function ownFieldsBesides(record, keys) {
    const fields = [];
    for (const key in record)
        if (!keys.includes(key) && Object.hasOwn(record, key))
            fields.push(key);
    return fields;
}
/** Clarify writes the group as a string; a hand-made or older file may hold a number or a list. */
function groupOf(raw) {
    if (typeof raw === 'string')
        return raw;
    if (typeof raw === 'number' || typeof raw === 'boolean')
        return String(raw);
    if (Array.isArray(raw) && raw.length > 0 && raw.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
        return raw.map(String).join(',');
    }
    return undefined;
}
/** The spellings of ±∞ and NaN Clarify and its JSON encoders write in place of a number. */
const sagemaker_clarify_NOT_FINITE = /^[+-]?(inf|infinity|∞|nan)$/i;
function describeMetric({ code, facet, group, sectionKey }) {
    return `bias metric ${code} for facet "${facet}" = "${group}" (${sectionKey})`;
}
/**
 * A metric's value as a finite number. A metric Clarify could not compute (`value: null`
 * with an `error`) is refused rather than skipped: a policy over the remaining metrics could
 * otherwise pass without ever seeing the group the metric was about.
 */
function sagemaker_clarify_metricValue(metric, context) {
    const raw = metric.value;
    if (typeof raw === 'number' && Number.isFinite(raw))
        return raw;
    const { doc, pointer, code } = context;
    const at = doc.locate([...pointer, raw === undefined ? 'name' : 'value']);
    if (typeof raw === 'number')
        throw (0,errors/* artefactError */.bo)(`${describeMetric(context)} has value ${raw}, which is not a finite number`, at);
    if (raw === null || raw === undefined) {
        const reason = typeof metric.error === 'string' && metric.error.trim() !== '' ? `: "${metric.error.trim()}"` : ' (no value and no error given)';
        throw (0,errors/* artefactError */.bo)(`${describeMetric(context)} was not computed by Clarify${reason}. A metric without a value cannot be checked: ` +
            `fix the data or configuration, or leave ${code} out of the analysis methods`, at);
    }
    const shown = JSON.stringify(raw);
    if (typeof raw === 'string' && sagemaker_clarify_NOT_FINITE.test(raw.trim())) {
        throw (0,errors/* artefactError */.bo)(`${describeMetric(context)} has value ${shown}, which is not a finite number`, at);
    }
    throw (0,errors/* artefactError */.bo)(`${describeMetric(context)} has value ${shown}, which is not a number`, at);
}
const METRIC_FIELDS = ['name', 'value'];
const ENTRY_FIELDS = ['value_or_threshold', 'metrics'];
const SECTION_FIELDS = ['label', 'label_value_or_threshold', 'facets'];
/**
 * Whether `metric` would give exactly `shared.extra`: the same fields besides name and value,
 * in the same order, with the same values. (A field whose value is an object never matches,
 * since no two parsed metrics share one.)
 */
function givesSharedExtra(metric, shared) {
    let index = 0;
    for (const key in metric) {
        if (METRIC_FIELDS.includes(key) || !Object.hasOwn(metric, key))
            continue;
        if (shared.keys[index] !== key || !Object.is(shared.extra[key], metric[key]))
            return false;
        index++;
    }
    return index === shared.keys.length;
}
/**
 * Adds the metrics of one bias section to `metrics`. Large analyses hold tens of thousands of
 * metrics, and everything built stays alive while the rest is read (the garbage collector
 * copies it, more than once), so each metric costs only itself and its lazily resolved
 * location: the location shares its entry's pointer, an `extra` equal to the first one
 * of the same code is shared (evidence is read, never written), and names are normalized
 * once per distinct code.
 */
function readSection(doc, sectionKey, stage, section, names, metrics) {
    const sectionAt = [sectionKey];
    if (!sagemaker_clarify_isObject(section))
        throw (0,errors/* artefactError */.bo)(`${sectionKey} must be an object`, doc.locate(sectionAt));
    const facets = section.facets;
    if (facets === undefined)
        throw (0,errors/* artefactError */.bo)(`${sectionKey} has no facets`, doc.locate(sectionAt));
    if (!sagemaker_clarify_isObject(facets)) {
        throw (0,errors/* artefactError */.bo)(`${sectionKey}.facets must be an object of facet names to lists of facet values`, doc.locate([...sectionAt, 'facets']));
    }
    const label = section.label;
    const labelValue = section.label_value_or_threshold;
    const sharedExtras = new Map();
    const facetNames = [];
    for (const facet of Object.keys(facets)) {
        const entries = facets[facet];
        const facetAt = [...sectionAt, 'facets', facet];
        if (facet.trim() === '')
            throw (0,errors/* artefactError */.bo)(`${sectionKey} has a facet with an empty name`, doc.locate(facetAt));
        if (!Array.isArray(entries)) {
            throw (0,errors/* artefactError */.bo)(`facet "${facet}" in ${sectionKey} must be a list of facet values with their metrics`, doc.locate(facetAt));
        }
        facetNames.push(facet);
        for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
            const entry = entries[entryIndex];
            if (!sagemaker_clarify_isObject(entry))
                throw (0,errors/* artefactError */.bo)(`an entry of facet "${facet}" in ${sectionKey} must be an object`, doc.locate([...facetAt, entryIndex]));
            const group = groupOf(entry.value_or_threshold);
            if (group === undefined) {
                const why = entry.value_or_threshold === undefined ? 'has no value_or_threshold' : 'has a value_or_threshold that is not a string';
                throw (0,errors/* artefactError */.bo)(`an entry of facet "${facet}" in ${sectionKey} ${why}`, doc.locate(entry.value_or_threshold === undefined ? [...facetAt, entryIndex] : [...facetAt, entryIndex, 'value_or_threshold']));
            }
            const entryMetrics = entry.metrics;
            if (!Array.isArray(entryMetrics)) {
                throw (0,errors/* artefactError */.bo)(`facet "${facet}" = "${group}" in ${sectionKey} has no metrics list`, doc.locate(entryMetrics === undefined ? [...facetAt, entryIndex] : [...facetAt, entryIndex, 'metrics']));
            }
            const entryExtra = rest(entry, ENTRY_FIELDS);
            // Shared by the entry's metrics, whose locations each add their index; a literal, as a
            // spread would reserve room to grow in each of thousands of pointers kept until read.
            const metricsAt = [sectionKey, 'facets', facet, entryIndex, 'metrics'];
            for (let metricIndex = 0; metricIndex < entryMetrics.length; metricIndex++) {
                const metric = entryMetrics[metricIndex];
                if (!sagemaker_clarify_isObject(metric))
                    throw (0,errors/* artefactError */.bo)(`a metric of facet "${facet}" = "${group}" in ${sectionKey} must be an object`, doc.locate(metricsAt, metricIndex));
                const code = typeof metric.name === 'string' ? metric.name.trim() : '';
                if (code === '')
                    throw (0,errors/* artefactError */.bo)(`a metric of facet "${facet}" = "${group}" in ${sectionKey} has no name`, doc.locate(metricsAt, metricIndex));
                const raw = metric.value;
                // JSON.parse turns 1e999 into Infinity.
                const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : sagemaker_clarify_metricValue(metric, { doc, pointer: [...metricsAt, metricIndex], code, stage, sectionKey, facet, group });
                let name = names.get(code);
                if (name === undefined)
                    names.set(code, (name = clarifyMetricName(code)));
                // An entry's own fields make its metrics' extras differ from other entries': never shared.
                const shared = entryExtra ? undefined : sharedExtras.get(code);
                let extra;
                if (shared && givesSharedExtra(metric, shared)) {
                    extra = shared.extra;
                }
                else {
                    extra = rest(metric, METRIC_FIELDS);
                    if (label !== undefined || labelValue !== undefined || entryExtra) {
                        extra ??= {};
                        if (label !== undefined)
                            extra.label = label;
                        if (labelValue !== undefined)
                            extra.label_value_or_threshold = labelValue;
                        if (entryExtra)
                            extra.facet_entry = entryExtra;
                    }
                    // The first extra of each code is offered for sharing; one that differs stays the metric's own.
                    if (extra && !entryExtra && !shared)
                        sharedExtras.set(code, { extra, keys: ownFieldsBesides(metric, METRIC_FIELDS) });
                }
                const location = doc.locate(metricsAt, metricIndex);
                // One literal each way: a field added later would move to a separate, larger store.
                metrics.push(extra
                    ? { name, original_name: code, attribute: facet, group, stage, value, location, extra }
                    : { name, original_name: code, attribute: facet, group, stage, value, location });
            }
        }
    }
    const sectionExtra = rest(section, SECTION_FIELDS);
    return { facets: facetNames, ...(sectionExtra ? { extra: sectionExtra } : {}) };
}
function adaptClarify(input) {
    const doc = input.structured();
    const root = doc.value;
    if (!sagemaker_clarify_isObject(root))
        throw (0,errors/* artefactError */.bo)('expected a JSON object at the top level', doc.locate([]));
    const present = sagemaker_clarify_SECTIONS.filter(({ key }) => Object.hasOwn(root, key));
    if (present.length === 0)
        throw (0,errors/* artefactError */.bo)(NO_BIAS, doc.locate([]));
    const metrics = [];
    const attributes = [];
    const extra = rest(root, sagemaker_clarify_SECTIONS.map(({ key }) => key)) ?? {};
    const names = new Map();
    for (const { key, stage } of present) {
        const section = readSection(doc, key, stage, root[key], names, metrics);
        for (const facet of section.facets)
            if (!attributes.includes(facet))
                attributes.push(facet);
        if (section.extra)
            extra[key] = section.extra;
    }
    const first = present[0].key;
    if (metrics.length === 0)
        throw (0,errors/* artefactError */.bo)(`${NO_BIAS}: the bias sections list no metric for any facet`, doc.locate([first]));
    const data = { protected_attributes: attributes, metrics };
    if (Object.keys(extra).length > 0)
        data.extra = extra;
    const fieldLocations = {
        protected_attributes: doc.locate([first, 'facets']),
        metrics: doc.locate([first]),
    };
    if (data.extra !== undefined)
        fieldLocations.extra = doc.locate([]);
    const locate = (path) => {
        const [field, index] = path;
        if (field === 'metrics' && typeof index === 'number' && metrics[index])
            return metrics[index].location;
        if (typeof field === 'string' && fieldLocations[field])
            return fieldLocations[field];
        return doc.locate([]);
    };
    return { data, fieldLocations, locate };
}
function looksLikeClarify(input) {
    if (!/\.json$/i.test(input.path))
        return false;
    const value = input.structured().value;
    if (!sagemaker_clarify_isObject(value))
        return false;
    if (sagemaker_clarify_SECTIONS.some(({ key }) => Object.hasOwn(value, key)))
        return true;
    // An explainability-only analysis.json is claimed so that reading it as bias says what is missing.
    const explanations = value.explanations;
    return sagemaker_clarify_isObject(explanations) && EXPLANATION_METHODS.some((method) => Object.hasOwn(explanations, method));
}
const SAGEMAKER_CLARIFY_FORMAT = {
    id: SAGEMAKER_CLARIFY_FORMAT_ID,
    kind: 'bias',
    description: 'SageMaker Clarify bias analysis analysis.json (analysis schema 1.0: pre_training_bias_metrics / post_training_bias_metrics, ' +
        'as written by the Clarify processing container and by smclarify up to 0.5; also the Model Monitor model-bias baseline of the same shape)',
    detect: looksLikeClarify,
    adapt: adaptClarify,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/sagemaker-model-monitor.ts

/**
 * SageMaker Model Monitor `constraint_violations.json`, the output of a monitoring execution:
 * `{ violations: [{ feature_name, constraint_check_type, description }] }`. Features with a
 * `baseline_drift_check` violation are the drifted features; every other violation (data
 * quality, model quality, bias drift, feature attribution drift) is kept in `extra.violations`.
 */
const SAGEMAKER_MODEL_MONITOR_FORMAT_ID = 'sagemaker-model-monitor';
const DRIFT_CHECK = 'baseline_drift_check';
/** The check types of the data quality monitor, whose violations name a feature. */
const DATA_QUALITY_CHECKS = new Set([
    'data_type_check',
    'completeness_check',
    DRIFT_CHECK,
    'missing_column_check',
    'extra_column_check',
    'categorical_values_check',
]);
/** The inferred types of Model Monitor's statistics.json and constraints.json features. */
const INFERRED_TYPES = new Set(['Integral', 'Fractional', 'String', 'Unknown']);
const sagemaker_model_monitor_NUMBER = String.raw `[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?`;
/**
 * The drift message of the prebuilt container, e.g. "Baseline drift distance: 0.72 exceeds
 * threshold: 0.1" (older containers: "Numerical distance: 0.27 exceeds numerical threshold: 0").
 */
const DRIFT_MESSAGE = new RegExp(`distance:\\s*(${sagemaker_model_monitor_NUMBER})\\s+exceeds\\s+(?:[a-z]+\\s+)?threshold:\\s*(${sagemaker_model_monitor_NUMBER})`, 'i');
/** The model quality message, e.g. "Metric weightedF2 with 0.56 +/- 0.005 was LessThanThreshold '0.8'". */
const QUALITY_MESSAGE = new RegExp(`with\\s+(${sagemaker_model_monitor_NUMBER})(?:\\s*\\+/-\\s*(${sagemaker_model_monitor_NUMBER}))?\\s+was\\s+[A-Za-z]+\\s+'?(${sagemaker_model_monitor_NUMBER})'?`);
function sagemaker_model_monitor_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A number the message spells, when it is finite; descriptions are prose, so an odd one is left unparsed. */
function finiteNumber(text) {
    if (text === undefined)
        return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
}
function parseDrift(description) {
    // Bounded before the pattern runs: the message is one short sentence.
    const match = description !== undefined && description.length <= 1000 ? DRIFT_MESSAGE.exec(description) : null;
    if (!match)
        return {};
    const score = finiteNumber(match[1]);
    const threshold = finiteNumber(match[2]);
    return { ...(score === undefined ? {} : { score }), ...(threshold === undefined ? {} : { threshold }) };
}
function parseQuality(description) {
    const match = description !== undefined && description.length <= 1000 ? QUALITY_MESSAGE.exec(description) : null;
    if (!match)
        return {};
    const parsed = {};
    const value = finiteNumber(match[1]);
    const deviation = finiteNumber(match[2]);
    const threshold = finiteNumber(match[3]);
    if (value !== undefined)
        parsed.value = value;
    if (deviation !== undefined)
        parsed.standard_deviation = deviation;
    if (threshold !== undefined)
        parsed.threshold = threshold;
    return parsed;
}
/** Which Model Monitor job writes a violation of this check type. */
function monitorOf(check) {
    if (DATA_QUALITY_CHECKS.has(check))
        return 'data_quality';
    if (check === 'bias_drift_check')
        return 'model_bias';
    if (check === 'feature_attribution_drift_check')
        return 'model_explainability';
    // Model quality violations are named after their comparison operator (LessThanThreshold, ...).
    if (/Threshold$/.test(check))
        return 'model_quality';
    return undefined;
}
/** A data quality statistics.json or constraints.json: per-feature baseline facts, not a verdict. */
function isBaselineFile(value) {
    const features = value.features;
    return (Object.hasOwn(value, 'version') &&
        Array.isArray(features) &&
        features.length > 0 &&
        features.every((feature) => sagemaker_model_monitor_isObject(feature) && typeof feature.name === 'string' && typeof feature.inferred_type === 'string' && INFERRED_TYPES.has(feature.inferred_type)));
}
function isViolationsFile(value) {
    const violations = value.violations;
    if (!Array.isArray(violations))
        return false;
    // An empty list is only Model Monitor's when nothing else is said: `{"violations": []}` alone is too common a shape.
    if (violations.length === 0)
        return Object.keys(value).every((key) => key === 'violations' || key === 'version');
    return violations.some((item) => sagemaker_model_monitor_isObject(item) && Object.hasOwn(item, 'constraint_check_type'));
}
function readViolation(doc, item, pointer) {
    if (!sagemaker_model_monitor_isObject(item))
        throw (0,errors/* artefactError */.bo)('a violation must be an object', doc.locate(pointer));
    const check = item.constraint_check_type;
    if (typeof check !== 'string' || check.trim() === '') {
        throw (0,errors/* artefactError */.bo)('a violation has no constraint_check_type', doc.locate(check === undefined ? pointer : [...pointer, 'constraint_check_type']));
    }
    const description = item.description;
    if (description !== undefined && typeof description !== 'string') {
        throw (0,errors/* artefactError */.bo)(`the description of a ${check} violation must be a string`, doc.locate([...pointer, 'description']));
    }
    return { check: check.trim(), item, ...(description === undefined ? {} : { description }) };
}
function adaptModelMonitor(input) {
    const doc = input.structured();
    const root = doc.value;
    if (!sagemaker_model_monitor_isObject(root))
        throw (0,errors/* artefactError */.bo)('expected a JSON object at the top level', doc.locate([]));
    if (!Object.hasOwn(root, 'violations') && isBaselineFile(root)) {
        throw (0,errors/* artefactError */.bo)('this is a Model Monitor statistics.json or constraints.json: it holds per-feature statistics, not a drift verdict; ' +
            "read the monitoring execution's constraint_violations.json as drift instead", doc.locate([]));
    }
    const violations = root.violations;
    if (!Array.isArray(violations))
        throw (0,errors/* artefactError */.bo)('violations must be a list', doc.locate(Object.hasOwn(root, 'violations') ? ['violations'] : []));
    const features = [];
    const others = [];
    const counts = new Map();
    violations.forEach((raw, index) => {
        const pointer = ['violations', index];
        const { check, item, description } = readViolation(doc, raw, pointer);
        counts.set(check, (counts.get(check) ?? 0) + 1);
        const location = doc.locate(pointer);
        const monitor = monitorOf(check);
        if (check !== DRIFT_CHECK) {
            const parsed = monitor === 'model_quality' ? parseQuality(description) : {};
            others.push({ ...item, ...parsed, ...(monitor === undefined ? {} : { monitor }), location });
            return;
        }
        const name = typeof item.feature_name === 'string' ? item.feature_name.trim() : '';
        if (name === '') {
            throw (0,errors/* artefactError */.bo)(`a ${DRIFT_CHECK} violation names no feature_name`, doc.locate(item.feature_name === undefined ? pointer : [...pointer, 'feature_name']));
        }
        // One feature, one entry; a repeated drift violation stays visible among the other violations.
        if (features.some((feature) => feature.data.name === name)) {
            others.push({ ...item, monitor, duplicate: true, location });
            return;
        }
        const extra = Object.fromEntries(Object.entries(item).filter(([key]) => key !== 'feature_name' && key !== 'constraint_check_type'));
        features.push({
            pointer,
            data: {
                name,
                test: DRIFT_CHECK,
                ...parseDrift(description),
                drifted: true,
                location,
                ...(Object.keys(extra).length > 0 ? { extra } : {}),
            },
        });
    });
    const drifted = features.length;
    const extra = Object.fromEntries(Object.entries(root).filter(([key]) => key !== 'violations'));
    extra.violations = others;
    extra.violation_counts = Object.fromEntries(counts);
    // The file lists violations only: how many features were compared is not stated, so the
    // share is exact only when nothing drifted; otherwise 1 is the one bound that is never too low.
    extra.share_drifted_basis = drifted === 0 ? 'exact' : 'upper_bound';
    const data = {
        dataset_drift: drifted > 0,
        share_drifted: drifted > 0 ? 1 : 0,
        features: features.map((feature) => feature.data),
        extra,
    };
    const at = doc.locate(['violations']);
    const fieldLocations = { dataset_drift: at, share_drifted: at, features: at, extra: doc.locate([]) };
    const locate = (path) => {
        const [field, index] = path;
        if (field === 'features' && typeof index === 'number' && features[index])
            return doc.locate(features[index].pointer);
        if (typeof field === 'string' && fieldLocations[field])
            return fieldLocations[field];
        return doc.locate([]);
    };
    return { data, fieldLocations, locate };
}
function looksLikeModelMonitor(input) {
    if (!/\.json$/i.test(input.path))
        return false;
    const value = input.structured().value;
    // statistics.json and constraints.json are claimed so that reading one as drift says which file to read instead.
    return sagemaker_model_monitor_isObject(value) && (isViolationsFile(value) || isBaselineFile(value));
}
const SAGEMAKER_MODEL_MONITOR_FORMAT = {
    id: SAGEMAKER_MODEL_MONITOR_FORMAT_ID,
    kind: 'drift',
    description: 'SageMaker Model Monitor constraint_violations.json (prebuilt sagemaker-model-monitor-analyzer container: data quality ' +
        'violations, with baseline_drift_check as feature drift; model quality, bias drift and feature attribution drift violations kept as extra)',
    detect: looksLikeModelMonitor,
    adapt: adaptModelMonitor,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/spdx-ai.ts

/**
 * SPDX 3.0 AI profile (JSON-LD serialization of SPDX 3.0.0 and 3.0.1): the model card of
 * one `ai_AIPackage` element, with its licenses and datasets found through relationships.
 */
const SPDX_AI_FORMAT_ID = 'spdx-ai';
const RISK_LEVELS = ['serious', 'high', 'medium', 'low'];
/**
 * Package properties whose value a normalized field holds as written; every other one
 * (agents and metric thresholds too, whose ids a reader may need) is kept in `extra` as written.
 */
const MAPPED = new Set([
    'type', '@type', 'name', 'software_packageVersion', 'ai_informationAboutApplication', 'ai_limitation',
    'ai_safetyRiskAssessment', 'ai_metric',
]);
const RELATIONSHIP_TYPES = new Set(['Relationship', 'LifecycleScopedRelationship']);
const COLLECTION_TYPES = new Set(['SpdxDocument', 'Bom', 'Bundle', 'software_Sbom']);
function spdx_ai_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function spdx_ai_nonEmpty(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
function spdx_ai_strings(value) {
    const items = Array.isArray(value) ? value : [value];
    return items.map(spdx_ai_nonEmpty).filter((item) => item !== undefined);
}
/** The compact type name: `ai_AIPackage` and a full or prefixed IRI such as `.../AI/AIPackage` read the same. */
function typeOf(element) {
    const type = spdx_ai_nonEmpty(element.type) ?? spdx_ai_nonEmpty(element['@type']);
    if (type === undefined)
        return undefined;
    const iri = /(?:^|\/|:)(AI|Dataset|Core|Software|SimpleLicensing|ExpandedLicensing)\/([A-Za-z]+)$/.exec(type);
    if (iri)
        return iri[1] === 'Core' ? iri[2] : `${iri[1].toLowerCase()}_${iri[2]}`;
    return type;
}
function isAiPackage(element) {
    const type = typeOf(element);
    // The spec's compact JSON-LD name is ai_AIPackage; some hand-written documents use the bare class name.
    return type === 'ai_AIPackage' || type === 'AIPackage';
}
function idOf(element) {
    return spdx_ai_nonEmpty(element.spdxId) ?? spdx_ai_nonEmpty(element['@id']);
}
function mentionsSpdx(context) {
    const items = Array.isArray(context) ? context : [context];
    return items.some((item) => typeof item === 'string' && /spdx\.org\/rdf\/3\./i.test(item));
}
const spdx_ai_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const spdx_ai_NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;
/** A DictionaryEntry value is a string: a metric is numeric when it spells a finite number. */
function spdx_ai_numberOf(raw) {
    if (typeof raw === 'number')
        return Number.isFinite(raw) ? raw : undefined;
    // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
    if (typeof raw !== 'string' || raw.length > 64 || !spdx_ai_NUMBER.test(raw.trim()))
        return undefined;
    const value = Number(raw.trim());
    return Number.isFinite(value) ? value : undefined;
}
class Graph {
    doc;
    elements;
    byId = new Map();
    constructor(doc) {
        this.doc = doc;
        const root = doc.value;
        // A document with a single element may be written without @graph: the top level is that element.
        const graph = root['@graph'];
        if (graph !== undefined && !Array.isArray(graph))
            throw (0,errors/* artefactError */.bo)('@graph must be a list', doc.locate(['@graph']));
        this.elements = Array.isArray(graph)
            ? graph.flatMap((value, index) => (spdx_ai_isObject(value) ? [{ value, pointer: ['@graph', index] }] : []))
            : [{ value: root, pointer: [] }];
        for (const element of this.elements) {
            const id = idOf(element.value);
            if (id !== undefined && !this.byId.has(id))
                this.byId.set(id, element);
        }
    }
    locate(pointer) {
        return this.doc.locate(pointer);
    }
    /** A reference is an id string or an inline object. */
    resolve(reference) {
        if (spdx_ai_isObject(reference))
            return { value: reference, pointer: [] };
        const id = spdx_ai_nonEmpty(reference);
        return id === undefined ? undefined : this.byId.get(id);
    }
    nameOf(reference) {
        const element = this.resolve(reference);
        return (element ? spdx_ai_nonEmpty(element.value.name) : undefined) ?? spdx_ai_nonEmpty(reference);
    }
    /** Relationships from one element, with their targets as written. */
    relationshipsFrom(id) {
        if (id === undefined)
            return [];
        return this.elements.flatMap((element) => {
            const { value } = element;
            if (!RELATIONSHIP_TYPES.has(typeOf(value) ?? '') || spdx_ai_nonEmpty(value.from) !== id)
                return [];
            const type = spdx_ai_nonEmpty(value.relationshipType);
            if (type === undefined)
                return [];
            const to = Array.isArray(value.to) ? value.to : value.to === undefined ? [] : [value.to];
            return [{ type, to, element }];
        });
    }
    /** The AI package the document is about: a root element when one is an AI package, else the first. */
    pickPackage() {
        const packages = this.elements.filter((element) => isAiPackage(element.value));
        if (packages.length === 0)
            return undefined;
        const roots = new Set(this.elements
            .filter((element) => COLLECTION_TYPES.has(typeOf(element.value) ?? ''))
            .flatMap((element) => spdx_ai_strings(element.value.rootElement)));
        const chosen = packages.find((element) => roots.has(idOf(element.value) ?? '')) ?? packages[0];
        return { chosen, others: packages.filter((element) => element !== chosen) };
    }
}
const LISTED_LICENSE = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html)?$/;
/** The license a relationship target stands for, as an SPDX expression or name. */
function spdx_ai_licenseOf(graph, reference) {
    const id = spdx_ai_nonEmpty(reference);
    if (id === 'expandedlicensing_NoAssertionLicense' || id?.endsWith('/NoAssertionLicense'))
        return 'NOASSERTION';
    if (id === 'expandedlicensing_NoneLicense' || id?.endsWith('/NoneLicense'))
        return 'NONE';
    const element = graph.resolve(reference);
    if (element) {
        const { value } = element;
        const expression = spdx_ai_nonEmpty(value.simplelicensing_licenseExpression);
        if (expression !== undefined)
            return expression;
        const listed = LISTED_LICENSE.exec(idOf(value) ?? '');
        if (listed)
            return listed[1];
        return spdx_ai_nonEmpty(value.name) ?? idOf(value);
    }
    const listed = LISTED_LICENSE.exec(id ?? '');
    return listed ? listed[1] : id;
}
function joinLicenses(licenses) {
    const unique = [...new Set(licenses)];
    if (unique.length === 0)
        return undefined;
    return unique.length === 1 ? unique[0] : unique.map((item) => (/\s/.test(item) ? `(${item})` : item)).join(' AND ');
}
function riskOf(graph, raw, pointer) {
    if (raw === undefined || raw === null || raw === '')
        return undefined;
    // The enum is written as its bare name; an IRI such as spdx:AI/SafetyRiskAssessmentType/high ends with it.
    const name = typeof raw === 'string' ? raw.trim().split(/[/#]/).pop().toLowerCase() : undefined;
    if (name === undefined || !RISK_LEVELS.includes(name)) {
        throw (0,errors/* artefactError */.bo)(`ai_safetyRiskAssessment is ${JSON.stringify(raw)}, not one of ${RISK_LEVELS.join(', ')}`, graph.locate(pointer));
    }
    return name;
}
function adaptSpdxAi(input) {
    const doc = input.structured();
    if (!spdx_ai_isObject(doc.value) || !mentionsSpdx(doc.value['@context'])) {
        throw (0,errors/* artefactError */.bo)('not an SPDX 3 JSON-LD document: @context does not name spdx.org/rdf/3.x', doc.locate([]));
    }
    const graph = new Graph(doc);
    const picked = graph.pickPackage();
    if (!picked) {
        throw (0,errors/* artefactError */.bo)('not an AI model card: the SPDX document has no ai_AIPackage element', doc.locate(['@graph']));
    }
    const { value: pkg, pointer: at } = picked.chosen;
    const pkgId = idOf(pkg);
    const data = {};
    const fieldLocations = {};
    const sections = [];
    const extra = {};
    const set = (field, value, pointer, section) => {
        data[field] = value;
        fieldLocations[field] = graph.locate(pointer);
        if (section)
            sections.push(section);
    };
    const name = spdx_ai_nonEmpty(pkg.name);
    if (name !== undefined)
        set('name', name, [...at, 'name']);
    const version = spdx_ai_nonEmpty(pkg.software_packageVersion);
    if (version !== undefined)
        set('version', version, [...at, 'software_packageVersion']);
    // The creator first, then the supplier: both answer for the model.
    const owners = [...spdx_ai_strings(pkg.originatedBy), ...spdx_ai_strings(pkg.suppliedBy)]
        .map((reference) => graph.nameOf(reference))
        .filter((owner) => owner !== undefined);
    if (owners.length > 0)
        set('owners', [...new Set(owners)], [...at, pkg.originatedBy !== undefined ? 'originatedBy' : 'suppliedBy']);
    const intended = spdx_ai_nonEmpty(pkg.ai_informationAboutApplication);
    if (intended !== undefined)
        set('intended_use', intended, [...at, 'ai_informationAboutApplication'], 'intended_use');
    const limitation = spdx_ai_nonEmpty(pkg.ai_limitation);
    if (limitation !== undefined)
        set('limitations', limitation, [...at, 'ai_limitation'], 'limitations');
    const risk = riskOf(graph, pkg.ai_safetyRiskAssessment, [...at, 'ai_safetyRiskAssessment']);
    if (risk !== undefined)
        set('risk', risk, [...at, 'ai_safetyRiskAssessment']);
    const declared = [];
    const concluded = [];
    const training = [];
    const tested = [];
    let declaredAt;
    let concludedAt;
    let trainedAt;
    const otherRelationships = [];
    for (const relationship of graph.relationshipsFrom(pkgId)) {
        const targets = relationship.to;
        switch (relationship.type) {
            case 'hasDeclaredLicense':
                declared.push(...targets.map((target) => spdx_ai_licenseOf(graph, target)).filter((item) => item !== undefined));
                declaredAt ??= [...relationship.element.pointer, 'to'];
                break;
            case 'hasConcludedLicense':
                concluded.push(...targets.map((target) => spdx_ai_licenseOf(graph, target)).filter((item) => item !== undefined));
                concludedAt ??= [...relationship.element.pointer, 'to'];
                break;
            case 'trainedOn':
                training.push(...targets.map((target) => graph.nameOf(target)).filter((item) => item !== undefined));
                trainedAt ??= [...relationship.element.pointer, 'to'];
                break;
            case 'testedOn':
                tested.push(...targets.map((target) => graph.nameOf(target)).filter((item) => item !== undefined));
                break;
            default:
                otherRelationships.push({
                    type: relationship.type,
                    to: targets.map((target) => graph.nameOf(target) ?? target),
                });
        }
    }
    // What the supplier declares is what a model card states; the concluded license stands in when none is declared.
    const declaredLicense = joinLicenses(declared);
    const concludedLicense = joinLicenses(concluded);
    if (declaredLicense !== undefined)
        set('license', declaredLicense, declaredAt);
    else if (concludedLicense !== undefined)
        set('license', concludedLicense, concludedAt);
    if (declaredLicense !== undefined)
        extra.declared_license = declaredLicense;
    if (concludedLicense !== undefined)
        extra.concluded_license = concludedLicense;
    const trainingData = [...new Set(training)];
    if (trainingData.length > 0)
        set('training_data', trainingData, trainedAt, 'training_data');
    else if (spdx_ai_nonEmpty(pkg.ai_informationAboutTraining) !== undefined)
        sections.push('training_data');
    if (tested.length > 0)
        extra.tested_on = [...new Set(tested)];
    if (otherRelationships.length > 0)
        extra.relationships = otherRelationships;
    const evaluation = [];
    const nonNumeric = [];
    const metrics = pkg.ai_metric === undefined ? [] : Array.isArray(pkg.ai_metric) ? pkg.ai_metric : [pkg.ai_metric];
    const thresholds = new Map();
    for (const entry of Array.isArray(pkg.ai_metricDecisionThreshold) ? pkg.ai_metricDecisionThreshold : []) {
        const resolved = graph.resolve(entry)?.value;
        const key = resolved ? spdx_ai_nonEmpty(resolved.key) : undefined;
        if (key !== undefined && resolved)
            thresholds.set(key, spdx_ai_numberOf(resolved.value) ?? resolved.value);
    }
    metrics.forEach((entry, index) => {
        const pointer = [...at, 'ai_metric', index];
        const resolved = graph.resolve(entry);
        if (!resolved)
            throw (0,errors/* artefactError */.bo)('an ai_metric entry must be a DictionaryEntry', graph.locate(pointer));
        const key = spdx_ai_nonEmpty(resolved.value.key);
        if (key === undefined)
            throw (0,errors/* artefactError */.bo)('an ai_metric DictionaryEntry has no key', graph.locate(pointer));
        const raw = resolved.value.value;
        const value = spdx_ai_numberOf(raw);
        if (value === undefined) {
            // Infinity or NaN spelled out is a broken number, not a description: it must never reach a threshold.
            if ((typeof raw === 'string' && spdx_ai_NOT_FINITE.test(raw.trim())) || typeof raw === 'number') {
                throw (0,errors/* artefactError */.bo)(`ai_metric "${key}" has value ${JSON.stringify(raw)}, which is not a finite number`, graph.locate([...pointer, 'value']));
            }
            nonNumeric.push({ key, value: raw });
            return;
        }
        const result = { metric: key, value, location: graph.locate(pointer) };
        if (thresholds.has(key))
            result.extra = { decision_threshold: thresholds.get(key) };
        evaluation.push(result);
    });
    if (evaluation.length > 0)
        set('evaluation', evaluation, [...at, 'ai_metric'], 'evaluation');
    if (nonNumeric.length > 0)
        extra.non_numeric_metrics = nonNumeric;
    // Everything the package says that has no normalized field, under its SPDX property name.
    for (const [key, value] of Object.entries(pkg)) {
        if (!MAPPED.has(key))
            extra[key] = value;
    }
    if (picked.others.length > 0) {
        extra.other_ai_packages = picked.others.map((other) => spdx_ai_nonEmpty(other.value.name) ?? idOf(other.value) ?? '(unnamed)');
    }
    const specVersion = graph.elements.map((element) => element.value).find((value) => typeOf(value) === 'CreationInfo')?.specVersion;
    if (specVersion !== undefined)
        extra.spec_version = specVersion;
    data.sections = sections;
    if (Object.keys(extra).length > 0)
        data.extra = extra;
    return { data, fieldLocations };
}
const SPDX_AI_FORMAT = {
    id: SPDX_AI_FORMAT_ID,
    kind: 'model_card',
    description: 'SPDX 3.0.x AI profile (JSON-LD, spec 3.0.0 and 3.0.1): the ai_AIPackage element, its licenses and trainedOn datasets',
    detect: (input) => {
        if (!/\.(json|jsonld)$/i.test(input.path))
            return false;
        const value = input.structured().value;
        return spdx_ai_isObject(value) && mentionsSpdx(value['@context']);
    },
    adapt: adaptSpdxAi,
};

;// CONCATENATED MODULE: ./src/artefacts/formats/index.ts










/**
 * Every format modelgate reads, in detection order: formats recognised by a distinctive
 * marker first; the catch-alls last — a Fairlearn table is any CSV with a numeric column
 * and a Hugging Face card is any Markdown file.
 */
const FORMATS = [
    ...NATIVE_FORMATS,
    CYCLONEDX_MLBOM_FORMAT,
    SPDX_AI_FORMAT,
    MODEL_CARD_TOOLKIT_FORMAT,
    OPENLINEAGE_FORMAT,
    SAGEMAKER_CLARIFY_FORMAT,
    SAGEMAKER_MODEL_MONITOR_FORMAT,
    ...EVIDENTLY_FORMATS,
    FAIRLEARN_TABLE_FORMAT,
    HUGGINGFACE_MODEL_CARD_FORMAT,
];
function findFormat(id) {
    return FORMATS.find((format) => format.id === id);
}

;// CONCATENATED MODULE: ./src/artefacts/read.ts






function toArtefactInput(file, limits = document_limits/* DEFAULT_LIMITS */.dR) {
    let parsed;
    return {
        path: file.path,
        text: file.text,
        limits,
        structured: () => (parsed ??= parseStructured(file.text, file.path, { limits, errorCode: 'artefact' })),
    };
}
function detectFormat(input, kind, formats = FORMATS) {
    const candidates = formats.filter((format) => kind === undefined || format.kind === kind);
    const match = candidates.find((format) => format.detect(input));
    if (match)
        return match;
    const expected = kind ? `a ${kind} format` : 'a known artefact format';
    throw (0,errors/* artefactError */.bo)(`unknown format: not ${expected} (readable formats: ${candidates.map((format) => format.id).join(', ')})`, { path: input.path });
}
/** Pure: detects the format of one file, adapts it and validates the normalized evidence. */
function readArtefact(file, options = {}) {
    const input = toArtefactInput(file, options.limits);
    const formats = options.formats ?? FORMATS;
    const format = options.format
        ? requireFormat(options.format, options.kind, file.path, formats)
        : detectFormat(input, options.kind, formats);
    const adapted = format.adapt(input);
    const schema = evidence/* EVIDENCE_SCHEMAS */.dP[format.kind];
    const result = (0,validate/* safeParseUnchanged */.MT)(schema, adapted.data);
    if (!result.success) {
        const { issue, pointer } = (0,validate/* firstIssue */.OE)(result.error);
        const where = adapted.locate?.(pointer) ?? issueLocation(pointer, adapted.data, adapted.fieldLocations) ?? { path: file.path };
        const field = pointer.length > 0 ? `${pointer.join('.')}: ` : '';
        throw (0,errors/* artefactError */.bo)(`not a valid ${format.kind} (${format.id}): ${field}${issue.message}`, where);
    }
    return {
        kind: format.kind,
        data: result.data,
        sources: [{ path: file.path, format: format.id, sha256: file.sha256 }],
        fieldLocations: adapted.fieldLocations,
    };
}
function requireFormat(id, kind, path, formats) {
    const format = formats.find((candidate) => candidate.id === id);
    if (!format)
        throw (0,errors/* artefactError */.bo)(`unknown format "${id}"`, { path });
    if (kind && format.kind !== kind) {
        throw (0,errors/* artefactError */.bo)(`format "${id}" reads ${format.kind}, not ${kind}`, { path });
    }
    return format;
}
/** The item's own location when the issue is inside a located list item, else the field's. */
function issueLocation(path, data, fieldLocations) {
    const [field, index] = path;
    if (typeof field !== 'string')
        return undefined;
    const list = data[field];
    if (typeof index === 'number' && Array.isArray(list)) {
        const item = list[index];
        if (typeof item === 'object' && item !== null && 'location' in item)
            return item.location;
    }
    return fieldLocations[field];
}
/**
 * Several files of one kind (e.g. `lineage/*.json`) make one evidence: lists are
 * joined; drift is drifted when any report says so and its share is the largest stated.
 * A model has one model card, so several are an error.
 */
function mergeEvidence(kind, parts) {
    if (parts.length === 1)
        return parts[0];
    const sources = parts.flatMap((part) => part.sources);
    const fieldLocations = Object.assign({}, ...parts.map((part) => part.fieldLocations).reverse());
    const data = parts.map((part) => part.data);
    switch (kind) {
        case 'model_card':
            throw (0,errors/* artefactError */.bo)(`a model has one model card, but ${parts.length} files matched: ${sources.map((source) => source.path).join(', ')}`, { path: sources[0].path });
        case 'lineage': {
            const lineage = data;
            const jobs = new Map(lineage.flatMap((l) => l.jobs).map((job) => [`${job.namespace ?? ''}\u0000${job.name}`, job]));
            return {
                kind,
                sources,
                fieldLocations,
                data: { datasets: lineage.flatMap((l) => l.datasets), jobs: [...jobs.values()], ...withDefined('extra', mergeExtra(lineage)) },
            };
        }
        case 'bias': {
            const bias = data;
            const attributes = [...new Set(bias.flatMap((b) => b.protected_attributes))];
            return {
                kind,
                sources,
                fieldLocations,
                data: { protected_attributes: attributes, metrics: bias.flatMap((b) => b.metrics), ...withDefined('extra', mergeExtra(bias)) },
            };
        }
        case 'drift': {
            const drift = data;
            return {
                kind,
                sources,
                fieldLocations,
                data: {
                    dataset_drift: drift.some((d) => d.dataset_drift),
                    share_drifted: Math.max(...drift.map((d) => d.share_drifted)),
                    features: drift.flatMap((d) => d.features),
                    // The widest span the reports cover: the first reference window, the last current one.
                    ...withDefined('reference', drift.find((d) => d.reference)?.reference),
                    ...withDefined('current', drift.findLast((d) => d.current)?.current),
                    ...withDefined('extra', mergeExtra(drift)),
                },
            };
        }
    }
}
function withDefined(key, value) {
    return value === undefined ? {} : { [key]: value };
}
/** Unmapped fields of several files: lists are joined (e.g. every file's events), other values the last file's. */
function mergeExtra(parts) {
    const extras = parts.map((part) => part.extra).filter((extra) => extra !== undefined);
    if (extras.length === 0)
        return undefined;
    const merged = {};
    for (const extra of extras) {
        for (const [key, value] of Object.entries(extra)) {
            const previous = merged[key];
            merged[key] = Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value;
        }
    }
    return merged;
}

// EXTERNAL MODULE: ./src/engine/observe.ts
var observe = __webpack_require__(69622);
;// CONCATENATED MODULE: ./src/policy/controls.ts
const entries = (prefix, list) => list.map(([control, title]) => ({ id: `${prefix}:${control}`, title }));
/** ISO/IEC 42001:2023 Annex A (Table A.1): the 38 reference controls, with their titles. */
const ISO42001 = {
    prefix: 'ISO42001',
    name: 'ISO/IEC 42001:2023 Annex A',
    controls: entries('ISO42001', [
        ['A.2.2', 'AI policy'],
        ['A.2.3', 'Alignment with other organizational policies'],
        ['A.2.4', 'Review of the AI policy'],
        ['A.3.2', 'AI roles and responsibilities'],
        ['A.3.3', 'Reporting of concerns'],
        ['A.4.2', 'Resource documentation'],
        ['A.4.3', 'Data resources'],
        ['A.4.4', 'Tooling resources'],
        ['A.4.5', 'System and computing resources'],
        ['A.4.6', 'Human resources'],
        ['A.5.2', 'AI system impact assessment process'],
        ['A.5.3', 'Documentation of AI system impact assessments'],
        ['A.5.4', 'Assessing AI system impact on individuals or groups of individuals'],
        ['A.5.5', 'Assessing societal impacts of AI systems'],
        ['A.6.1.2', 'Objectives for responsible development of AI system'],
        ['A.6.1.3', 'Processes for responsible AI system design and development'],
        ['A.6.2.2', 'AI system requirements and specification'],
        ['A.6.2.3', 'Documentation of AI system design and development'],
        ['A.6.2.4', 'AI system verification and validation'],
        ['A.6.2.5', 'AI system deployment'],
        ['A.6.2.6', 'AI system operation and monitoring'],
        ['A.6.2.7', 'AI system technical documentation'],
        ['A.6.2.8', 'AI system recording of event logs'],
        ['A.7.2', 'Data for development and enhancement of AI system'],
        ['A.7.3', 'Acquisition of data'],
        ['A.7.4', 'Quality of data for AI systems'],
        ['A.7.5', 'Data provenance'],
        ['A.7.6', 'Data preparation'],
        ['A.8.2', 'System documentation and information for users'],
        ['A.8.3', 'External reporting'],
        ['A.8.4', 'Communication of incidents'],
        ['A.8.5', 'Information for interested parties'],
        ['A.9.2', 'Processes for responsible use of AI systems'],
        ['A.9.3', 'Objectives for responsible use of AI system'],
        ['A.9.4', 'Intended use of the AI system'],
        ['A.10.2', 'Allocating responsibilities'],
        ['A.10.3', 'Suppliers'],
        ['A.10.4', 'Customers'],
    ]),
};
/** Regulation (EU) 2024/1689: the articles that oblige providers of high-risk AI systems, with their titles in the Official Journal. */
const EU_AI_ACT = {
    prefix: 'EU-AI-Act',
    name: 'EU AI Act, requirements for high-risk AI systems and their providers',
    controls: entries('EU-AI-Act', [
        ['Art.9', 'Risk management system'],
        ['Art.10', 'Data and data governance'],
        ['Art.11', 'Technical documentation'],
        ['Art.12', 'Record-keeping'],
        ['Art.13', 'Transparency and provision of information to deployers'],
        ['Art.14', 'Human oversight'],
        ['Art.15', 'Accuracy, robustness and cybersecurity'],
        ['Art.16', 'Obligations of providers of high-risk AI systems'],
        ['Art.17', 'Quality management system'],
        ['Art.18', 'Documentation keeping'],
        ['Art.19', 'Automatically generated logs'],
        ['Art.43', 'Conformity assessment'],
        ['Art.47', 'EU declaration of conformity'],
        ['Art.49', 'Registration'],
        ['Art.72', 'Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems'],
        ['Art.73', 'Reporting of serious incidents'],
    ]),
};
/**
 * NIST AI 100-1, Artificial Intelligence Risk Management Framework (AI RMF 1.0), January 2023:
 * the 72 subcategories of Tables 1 to 4 (GOVERN 19, MAP 18, MEASURE 22, MANAGE 13), each
 * titled by a shortened form of its outcome statement.
 */
const NIST_AI_RMF = {
    prefix: 'NIST-AI-RMF',
    name: 'NIST AI Risk Management Framework 1.0 (NIST AI 100-1)',
    controls: entries('NIST-AI-RMF', [
        ['GOVERN 1.1', 'Legal and regulatory requirements involving AI are understood, managed and documented'],
        ['GOVERN 1.2', 'The characteristics of trustworthy AI are integrated into organizational policies, processes, procedures and practices'],
        ['GOVERN 1.3', "The needed level of risk management activities is determined from the organization's risk tolerance"],
        ['GOVERN 1.4', 'The risk management process and its outcomes are established through transparent policies, procedures and other controls'],
        ['GOVERN 1.5', 'Ongoing monitoring and periodic review of the risk management process are planned, with roles and responsibilities defined'],
        ['GOVERN 1.6', 'Mechanisms are in place to inventory AI systems'],
        ['GOVERN 1.7', 'Processes are in place to decommission and phase out AI systems safely'],
        ['GOVERN 2.1', 'Roles, responsibilities and lines of communication for AI risks are documented and clear'],
        ['GOVERN 2.2', 'Personnel and partners receive AI risk management training'],
        ['GOVERN 2.3', 'Executive leadership takes responsibility for decisions about AI risks'],
        ['GOVERN 3.1', 'Decision-making about AI risks is informed by a diverse team'],
        ['GOVERN 3.2', 'Roles and responsibilities for human-AI configurations and oversight are defined'],
        ['GOVERN 4.1', 'Policies and practices foster a critical-thinking and safety-first mindset'],
        ['GOVERN 4.2', 'Teams document the risks and potential impacts of the AI technology and communicate about them'],
        ['GOVERN 4.3', 'Practices enable AI testing, identification of incidents and information sharing'],
        ['GOVERN 5.1', 'Feedback from those external to the team about individual and societal impacts is collected and integrated'],
        ['GOVERN 5.2', 'Adjudicated feedback from relevant AI actors is regularly incorporated into system design and implementation'],
        ['GOVERN 6.1', 'Policies address AI risks of third-party entities, including infringement of intellectual property or other rights'],
        ['GOVERN 6.2', 'Contingency processes handle failures or incidents in high-risk third-party data or AI systems'],
        ['MAP 1.1', 'Intended purposes, beneficial uses, context-specific laws and norms, and deployment settings are understood and documented'],
        ['MAP 1.2', 'Interdisciplinary AI actors and competencies for establishing context are diverse and their participation is documented'],
        ['MAP 1.3', "The organization's mission and relevant goals for AI technology are understood and documented"],
        ['MAP 1.4', 'The business value or context of business use is defined or re-evaluated'],
        ['MAP 1.5', 'Organizational risk tolerances are determined and documented'],
        ['MAP 1.6', 'System requirements are elicited from and understood by relevant AI actors'],
        ['MAP 2.1', 'The specific tasks and methods the AI system implements are defined'],
        ['MAP 2.2', 'Knowledge limits and how output may be used and overseen by humans are documented'],
        ['MAP 2.3', 'Scientific integrity and TEVV considerations, including data collection and selection, are identified and documented'],
        ['MAP 3.1', 'Potential benefits of intended functionality and performance are examined and documented'],
        ['MAP 3.2', 'Potential costs, including non-monetary costs of AI errors, are examined and documented'],
        ['MAP 3.3', 'Targeted application scope is specified and documented'],
        ['MAP 3.4', 'Processes for operator and practitioner proficiency are defined, assessed and documented'],
        ['MAP 3.5', 'Processes for human oversight are defined, assessed and documented'],
        ['MAP 4.1', 'Approaches for mapping technology and legal risks of components, including third-party data or software, are documented'],
        ['MAP 4.2', 'Internal risk controls for components, including third-party AI technologies, are identified and documented'],
        ['MAP 5.1', 'Likelihood and magnitude of each identified impact are identified and documented'],
        ['MAP 5.2', 'Practices for engaging relevant AI actors and integrating feedback about impacts are in place and documented'],
        ['MEASURE 1.1', 'Approaches and metrics for the most significant AI risks are selected; what cannot be measured is documented'],
        ['MEASURE 1.2', 'Appropriateness of AI metrics and effectiveness of existing controls are regularly assessed and updated'],
        ['MEASURE 1.3', 'Internal experts who are not front-line developers, or independent assessors, take part in regular assessments'],
        ['MEASURE 2.1', 'Test sets, metrics and details about the tools used during TEVV are documented'],
        ['MEASURE 2.2', 'Evaluations involving human subjects meet applicable requirements and are representative of the relevant population'],
        ['MEASURE 2.3', 'Performance or assurance criteria are measured and demonstrated for conditions similar to deployment'],
        ['MEASURE 2.4', 'Functionality and behavior of the AI system and its components are monitored in production'],
        ['MEASURE 2.5', 'The AI system is demonstrated to be valid and reliable; limits of generalizability are documented'],
        ['MEASURE 2.6', 'The AI system is evaluated regularly for safety risks'],
        ['MEASURE 2.7', 'AI system security and resilience are evaluated and documented'],
        ['MEASURE 2.8', 'Risks associated with transparency and accountability are examined and documented'],
        ['MEASURE 2.9', 'The AI model is explained, validated and documented, and its output is interpreted within its context'],
        ['MEASURE 2.10', 'Privacy risk of the AI system is examined and documented'],
        ['MEASURE 2.11', 'Fairness and bias are evaluated and results are documented'],
        ['MEASURE 2.12', 'Environmental impact and sustainability of model training and management are assessed and documented'],
        ['MEASURE 2.13', 'Effectiveness of the employed TEVV metrics and processes is evaluated and documented'],
        ['MEASURE 3.1', 'Existing, unanticipated and emergent AI risks are regularly identified and tracked'],
        ['MEASURE 3.2', 'Risk tracking approaches are considered where risks are hard to assess or metrics are not yet available'],
        ['MEASURE 3.3', 'Feedback processes for end users and impacted communities to report problems and appeal outcomes are established'],
        ['MEASURE 4.1', 'Measurement approaches are connected to deployment contexts and informed by domain experts and end users'],
        ['MEASURE 4.2', 'Measurement results on trustworthiness in deployment are informed by domain experts and relevant AI actors'],
        ['MEASURE 4.3', 'Measurable performance improvements or declines are identified and documented'],
        ['MANAGE 1.1', 'A determination is made whether the AI system achieves its intended purposes and whether it should proceed'],
        ['MANAGE 1.2', 'Treatment of documented AI risks is prioritized by impact, likelihood and available resources or methods'],
        ['MANAGE 1.3', 'Responses to high-priority AI risks are developed, planned and documented'],
        ['MANAGE 1.4', 'Negative residual risks to downstream acquirers and end users are documented'],
        ['MANAGE 2.1', 'Resources required to manage AI risks are taken into account, with viable non-AI alternatives'],
        ['MANAGE 2.2', 'Mechanisms are in place and applied to sustain the value of deployed AI systems'],
        ['MANAGE 2.3', 'Procedures are followed to respond to and recover from a previously unknown risk'],
        ['MANAGE 2.4', 'Mechanisms are in place to supersede, disengage or deactivate AI systems whose outcomes are inconsistent with intended use'],
        ['MANAGE 3.1', 'AI risks and benefits from third-party resources are regularly monitored, and risk controls are applied and documented'],
        ['MANAGE 3.2', 'Pre-trained models used for development are monitored as part of regular monitoring and maintenance'],
        ['MANAGE 4.1', 'Post-deployment monitoring plans are implemented, including incident response, recovery and change management'],
        ['MANAGE 4.2', 'Measurable activities for continual improvement are integrated into AI system updates'],
        ['MANAGE 4.3', 'Incidents and errors are communicated to relevant AI actors; tracking, response and recovery are followed and documented'],
    ]),
};
const FRAMEWORKS = [ISO42001, EU_AI_ACT, NIST_AI_RMF];
function frameworkOf(control) {
    const prefix = control.slice(0, control.indexOf(':'));
    return FRAMEWORKS.find((framework) => framework.prefix === prefix);
}
/** The catalogue entry a control belongs to: the same id, or the entry it refines (`Art.10(2)` → `Art.10`). */
function catalogueEntryOf(control) {
    return frameworkOf(control)?.controls.find((entry) => control === entry.id || control.startsWith(`${entry.id}(`));
}
/** The title of a control, from its catalogue entry when there is one. */
function controls_controlTitle(control) {
    return catalogueEntryOf(control)?.title ?? '';
}

;// CONCATENATED MODULE: ./src/engine/coverage.ts

/** Statuses that show a control's rule was not satisfied; a waived failure is still a failure of the control. */
const VIOLATING = ['fail', 'error', 'warn', 'waived'];
/**
 * Which controls one model's results evidence and violate, and which controls of the
 * frameworks the policy draws on no applicable rule reached. A control is evidenced only
 * when every result that names it passed; a skipped rule (its `when` was false) reaches nothing.
 */
function controlCoverage(results, policyControls) {
    const passed = new Set();
    const violated = new Set();
    for (const result of results) {
        if (result.status === 'skipped')
            continue;
        for (const control of result.controls)
            (VIOLATING.includes(result.status) ? violated : passed).add(control);
    }
    const evidenced = [...passed].filter((control) => !violated.has(control));
    const reached = new Set([...evidenced, ...violated].map((control) => catalogueEntryOf(control)?.id ?? control));
    const frameworks = new Set(policyControls.map((control) => frameworkOf(control)?.prefix).filter((prefix) => prefix !== undefined));
    const notCovered = FRAMEWORKS.filter((framework) => frameworks.has(framework.prefix))
        .flatMap((framework) => framework.controls.map((entry) => entry.id))
        .filter((id) => !reached.has(id));
    return { evidenced: coverage_sortControls(evidenced), violated: coverage_sortControls([...violated]), not_covered: notCovered };
}
/** Catalogue order for known controls (A.6.2.10 after A.6.2.9), then the rest alphabetically. */
function coverage_sortControls(controls) {
    const rank = (control) => {
        const entry = catalogueEntryOf(control);
        const framework = frameworkOf(control);
        if (!entry || !framework)
            return Number.MAX_SAFE_INTEGER;
        return FRAMEWORKS.indexOf(framework) * 1000 + framework.controls.indexOf(entry);
    };
    return [...controls].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

// EXTERNAL MODULE: ./src/engine/compile.ts + 1 modules
var compile = __webpack_require__(40807);
;// CONCATENATED MODULE: ./src/engine/decision.ts
const VERDICT_RANK = { pass: 0, warn: 1, fail: 2 };
function worstVerdict(verdicts) {
    return verdicts.reduce((worst, verdict) => (VERDICT_RANK[verdict] > VERDICT_RANK[worst] ? verdict : worst), 'pass');
}
function verdictOfResults(results) {
    if (results.some((result) => result.status === 'fail' || result.status === 'error'))
        return 'fail';
    return results.some((result) => result.status === 'warn') ? 'warn' : 'pass';
}

;// CONCATENATED MODULE: ./src/engine/evaluate.ts





/** Pure: judges every subject against the compiled policy. Never throws for a rule; a rule that cannot be evaluated blocks. */
function evaluate_evaluate(policy, subjects, options) {
    const notices = [];
    const models = subjects.map((subject) => evaluateSubject(policy, subject, options, notices));
    return {
        verdict: worstVerdict(models.map((model) => model.verdict)),
        policy: { name: policy.name, version: policy.version, digest: policy.digest },
        models,
        notices,
    };
}
function evaluateSubject(policy, subject, options, notices) {
    const results = [];
    for (const [kind, problem] of Object.entries(subject.problems)) {
        if (!problem.blocking)
            continue;
        results.push({
            rule: `artefact.${kind}`,
            status: 'error',
            severity: 'error',
            message: problem.reason,
            controls: [],
            location: (0,document_location/* toPlainLocation */.PQ)(problem.location),
        });
    }
    const context = contextOf(subject, options.now);
    for (const rule of policy.rules) {
        const ruleResults = evaluateRule(rule, subject, context);
        results.push(...ruleResults.map((result) => applyWaiver(result, rule, subject, policy.waivers, options.now, notices)));
    }
    return {
        name: subject.model.name,
        version: subject.model.version ?? subject.evidence.model_card?.data.version ?? null,
        verdict: verdictOfResults(results),
        results,
        controls: controlCoverage(results, policy.rules.flatMap((rule) => rule.controls)),
    };
}
/**
 * CEL variables for one subject; a kind without evidence is left unset, so any use of it is an
 * error. `observed` is computed as the decision record computes its observations, so a digest
 * compared here is the digest a later run finds in the audit trail.
 */
function contextOf(subject, now) {
    const context = {
        model: {
            name: subject.model.name,
            version: subject.model.version ?? subject.evidence.model_card?.data.version ?? '',
            path: subject.model.path,
            risk: effectiveRisk(subject.model.risk, subject.evidence.model_card?.data.risk),
        },
        approvals: subject.approvals,
        now: now.toISOString(),
        observed: (0,observe/* observeEvidence */.a)(subject.evidence),
    };
    // Like `oldObject` in Kubernetes admission policies: null when there is nothing before; unset when unknown.
    const previous = unavailablePrevious(subject);
    if (previous === undefined)
        context.previous = subject.previous ?? null;
    for (const [kind, evidence] of Object.entries(subject.evidence))
        context[kind] = evidence.data;
    return context;
}
/** Why the previous decision is unknown, when the audit trail could not be read. */
function unavailablePrevious(subject) {
    const previous = subject.previous;
    return previous && 'unavailable' in previous ? previous.unavailable : undefined;
}
function evaluateRule(rule, subject, context) {
    const result = (status, message, location) => ({
        rule: rule.id,
        status,
        severity: rule.severity,
        message,
        controls: rule.controls,
        ...(location ? { location: (0,document_location/* toPlainLocation */.PQ)(location) } : {}),
    });
    const failed = rule.severity === 'error' ? 'fail' : 'warn';
    const when = rule.compiled.when;
    if (when) {
        const applies = run(when, context);
        // A condition that cannot be evaluated is treated as applying: fail closed.
        if (applies.ok && applies.value === false)
            return [result('skipped', `not applicable: ${rule.when}`)];
        if (applies.ok && typeof applies.value !== 'boolean') {
            return [result('error', `when: returned ${evaluate_describeValue(applies.value)}, not a bool`, rule.expressionLocations.when)];
        }
    }
    const unknownPrevious = rule.reads.has('previous') ? unavailablePrevious(subject) : undefined;
    if (unknownPrevious !== undefined) {
        // Unknown is not "none": a rule about the previous decision cannot pass without it.
        return [result('error', `the previous approved decision is unknown: ${unknownPrevious}`, subject.location)];
    }
    const missing = rule.requires.filter((kind) => !subject.evidence[kind]);
    if (missing.length > 0)
        return missing.map((kind) => missingResult(kind, subject, rule, result, failed));
    if (rule.compiled.for_each) {
        const items = run(rule.compiled.for_each, context);
        if (!items.ok)
            return [result('error', `for_each: ${items.error}`, rule.expressionLocations.for_each)];
        if (!Array.isArray(items.value)) {
            return [result('error', `for_each: returned ${evaluate_describeValue(items.value)}, not a list`, rule.expressionLocations.for_each)];
        }
        const findings = [];
        items.value.forEach((item, index) => {
            const itemContext = { ...context, item };
            const outcome = run(rule.compiled.check, itemContext);
            const where = itemLocation(item) ?? locateRule(rule, subject);
            if (!outcome.ok)
                findings.push(result('error', `item ${index}: ${outcome.error}`, where));
            else if (typeof outcome.value !== 'boolean')
                findings.push(result('error', `item ${index}: check returned ${evaluate_describeValue(outcome.value)}, not a bool`, where));
            else if (!outcome.value)
                findings.push(result(failed, messageOf(rule, itemContext, `${rule.description} (item ${index})`), where));
        });
        if (findings.length > 0)
            return findings;
        return [result('pass', `${rule.description} (${items.value.length} checked)`)];
    }
    const outcome = run(rule.compiled.check, context);
    const where = locateRule(rule, subject);
    if (!outcome.ok)
        return [result('error', outcome.error, where)];
    if (typeof outcome.value !== 'boolean')
        return [result('error', `check returned ${evaluate_describeValue(outcome.value)}, not a bool`, where)];
    return outcome.value ? [result('pass', rule.description)] : [result(failed, messageOf(rule, context, rule.description), where)];
}
function missingResult(kind, subject, rule, result, failed) {
    const problem = subject.problems[kind];
    if (problem?.blocking)
        return result('error', `required ${kind} artefact cannot be used: ${problem.reason}`, problem.location);
    const reason = problem?.reason ?? `no ${kind} artefact found for model "${subject.model.name}"`;
    return result(failed, `${rule.description}: ${reason}`, problem?.location ?? subject.location);
}
function run(expression, context) {
    try {
        return { ok: true, value: expression(context) };
    }
    catch (error) {
        return { ok: false, error: (0,compile/* celReason */.DG)(error) };
    }
}
function messageOf(rule, context, fallback) {
    if (!rule.compiled.message)
        return fallback;
    const message = run(rule.compiled.message, context);
    return message.ok && typeof message.value === 'string' && message.value.trim() !== '' ? message.value : fallback;
}
function itemLocation(item) {
    if (typeof item !== 'object' || item === null || !('location' in item))
        return undefined;
    const location = item.location;
    return typeof location === 'object' && location !== null && 'path' in location ? location : undefined;
}
const FIELD_REFERENCE = /\b(model_card|lineage|bias|drift)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)/;
/** A rule about one field points at that field's line; otherwise at the artefact, or where the model is declared. */
function locateRule(rule, subject) {
    const reference = FIELD_REFERENCE.exec(rule.check);
    const kind = (reference?.[1] ?? rule.requires[0]);
    const evidence = kind ? subject.evidence[kind] : undefined;
    if (!evidence)
        return subject.location;
    const field = reference?.[2];
    return (field ? evidence.fieldLocations[field] : undefined) ?? { path: evidence.sources[0].path };
}
function evaluate_describeValue(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'bigint')
        return `int ${value}`;
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}
/** A waiver turns a failing result of its rule and model into `waived` until the end of its expiry day (UTC). */
function applyWaiver(result, rule, subject, waivers, now, notices) {
    if (result.status !== 'fail' && result.status !== 'warn')
        return result;
    const matching = waivers.filter((waiver) => waiver.rule === rule.id && (waiver.model === subject.model.name || waiver.model === '*'));
    const today = now.toISOString().slice(0, 10);
    const active = matching.find((waiver) => waiver.expires >= today);
    if (active) {
        return {
            ...result,
            status: 'waived',
            message: `${result.message} — waived until ${active.expires} by ${active.approved_by}: ${active.reason}`,
            waiver: { reason: active.reason, approved_by: active.approved_by, expires: active.expires },
        };
    }
    const expired = matching[0];
    if (!expired)
        return result;
    const notice = `${(0,document_location/* formatLocation */.j$)(expired.location)}: waiver of rule "${rule.id}" for model "${subject.model.name}" expired on ${expired.expires} and no longer applies`;
    if (!notices.includes(notice))
        notices.push(notice);
    return { ...result, message: `${result.message} (waiver expired on ${expired.expires})` };
}
/** Known tiers, least strict first; other labels are compared as written. */
const RISK_ORDER = ['minimal', 'low', 'limited', 'medium', 'high', 'unacceptable'];
/**
 * The configured risk, unless the model card states a stricter known tier: the card sits
 * beside the model and changes in the same pull request, so it may raise the tier but never
 * lower one the config sets.
 */
function effectiveRisk(configured, card) {
    if (configured === undefined)
        return card ?? '';
    if (card === undefined)
        return configured;
    const rank = (tier) => RISK_ORDER.indexOf(tier.trim().toLowerCase());
    return rank(card) > rank(configured) && rank(configured) >= 0 ? card : configured;
}

// EXTERNAL MODULE: ./src/policy/config-path.ts
var config_path = __webpack_require__(60864);
;// CONCATENATED MODULE: ./src/policy/config.ts








/** Paths in the config are relative to the repository and may not climb out of it. */
const relativePath = schemas/* string */.YjP()
    .trim()
    .min(1)
    .refine((path) => !path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path), 'must be relative to the repository')
    .refine((path) => !path.split(/[\\/]/).includes('..'), 'must not contain ".." (paths stay inside the repository)');
const globs = schemas/* union */.KCZ([relativePath.transform((glob) => [glob]), schemas/* array */.YOg(relativePath).min(1)]);
const ArtefactSpecSchema = schemas/* union */.KCZ([
    globs.transform((paths) => ({ paths, format: undefined })),
    schemas/* object */.Ikc({
        path: globs,
        format: schemas/* string */.YjP()
            .trim()
            .refine((id) => findFormat(id) !== undefined, { error: (issue) => `unknown format "${String(issue.input)}" (formats: ${FORMATS.map((format) => format.id).join(', ')})` })
            .optional(),
    })
        .strict()
        .transform(({ path, format }) => ({ paths: path, format })),
]);
const ModelConfigSchema = schemas/* object */.Ikc({
    name: schemas/* string */.YjP().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._@/-]*$/, 'must be a model name: letters, digits, ".", "_", "-", "@", "/"'),
    path: relativePath,
    version: schemas/* string */.YjP().trim().min(1).optional(),
    risk: schemas/* string */.YjP().trim().min(1).optional(),
    artefacts: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(evidence/* ARTEFACT_KINDS */.D_), ArtefactSpecSchema).default({}),
})
    .strict();
/** A GitHub team: its slug in the repository owner's organization, or `org/slug` for another one. */
const teamReference = schemas/* string */.YjP()
    .trim()
    .regex(/^([A-Za-z0-9][A-Za-z0-9-]*\/)?[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a team slug, e.g. ml-risk, or org/team-slug');
/**
 * What the GitHub Action needs beyond the CLI: whose approvals a policy change needs and how
 * reviews count. The Action reads this section from the trusted commit, so a pull request
 * cannot name its own approvers.
 */
const GitHubConfigSchema = schemas/* object */.Ikc({
    /** Teams whose membership each approver's `teams` lists (policy owners are always included). */
    teams: schemas/* array */.YOg(teamReference).default([]),
    /** Teams that own the policy: a pull request that changes the policy or this config needs their approval. */
    policy_owners: schemas/* array */.YOg(teamReference).default([]),
    /** How many different policy owners must approve such a pull request. */
    policy_owner_approvals: schemas/* number */.aig().int().positive().default(1),
    /** More files that count as policy (globs, relative to the repository root), besides this config and the policy files it loads. */
    policy_paths: schemas/* array */.YOg(relativePath).default([]),
    approvals: schemas/* object */.Ikc({
        /** Count a review only when it was given on the pull request's latest commit. */
        require_latest_head: schemas/* boolean */.zMY().default(true),
    })
        .strict()
        .default({ require_latest_head: true }),
})
    .strict();
const RepoConfigSchema = schemas/* object */.Ikc({
    policy: schemas/* string */.YjP().trim().min(1).default('starter'),
    models: schemas/* array */.YOg(ModelConfigSchema).default([]),
    discover: schemas/* object */.Ikc({
        enabled: schemas/* boolean */.zMY().default(true),
        roots: schemas/* array */.YOg(relativePath).default(['models/*']),
    })
        .strict()
        .default({ enabled: true, roots: ['models/*'] }),
    limits: document_limits/* LimitsSchema */._n.default(document_limits/* LimitsSchema */._n.parse({})),
    github: GitHubConfigSchema.default(GitHubConfigSchema.parse({})),
})
    .strict();
/** Pure: parses and validates `.modelgate.yml` text; errors name file:line:column. */
function parseRepoConfig(text, path) {
    const doc = parseYaml(text, path, { errorCode: 'config' });
    const config = (0,validate/* validateDocument */.mv)(doc, RepoConfigSchema, 'config');
    const modelLocations = {};
    const seen = new Set();
    config.models.forEach((model, index) => {
        const location = doc.locate(['models', index]);
        if (seen.has(model.name)) {
            throw (0,errors/* configError */.Fj)(`model "${model.name}" is listed twice`, location);
        }
        seen.add(model.name);
        modelLocations[model.name] = location;
    });
    return { path, config, modelLocations };
}
/**
 * Where artefacts are looked for when the config does not say: per kind, patterns
 * relative to the model folder, tried in order; the first pattern that matches wins.
 */
const CONVENTIONAL_ARTEFACTS = {
    model_card: ['model_card.{yaml,yml,json}', 'model-card.{yaml,yml,json}', 'README.md'],
    lineage: ['lineage.{yaml,yml,json,ndjson,jsonl}', 'lineage/*.{yaml,yml,json,ndjson,jsonl}'],
    bias: ['bias.{yaml,yml,json,csv}', 'reports/bias*.{yaml,yml,json,csv}', 'reports/analysis.json'],
    drift: ['drift.{yaml,yml,json}', 'reports/drift*.{yaml,yml,json}', 'reports/constraint_violations.json'],
};

;// CONCATENATED MODULE: ./src/check.ts






/** An approval, from a file for CI systems other than GitHub; `model` limits it to one model. */
const ApprovalEntrySchema = evidence/* ApprovalSchema */.LT.extend({ model: schemas/* string */.YjP().optional() });
const ApprovalsFileSchema = schemas/* array */.YOg(ApprovalEntrySchema);
/** The one use case: gather evidence for each model, judge it, return the Decision. */
async function check(request) {
    return (await checkKeepingSubjects(request)).decision;
}
/** `check`, keeping what was judged: an audit record names the digest of every artefact read. */
async function checkKeepingSubjects(request) {
    const subjects = await gatherSubjects(request);
    return { decision: evaluate(request.policy, subjects, { now: request.now }), subjects };
}
async function gatherSubjects(request) {
    const { repoConfig, workspace } = request;
    const all = await listModels(repoConfig, workspace);
    const selected = selectModels(all, request.models ?? []);
    return Promise.all(selected.map(async ({ model, location }) => {
        const subject = {
            model: { name: model.name, version: model.version, path: model.path, risk: model.risk },
            location,
            evidence: {},
            problems: {},
            approvals: approvalsFor(model.name, request.approvals ?? []),
            ...previousFor(model.name, request.previousDecisions),
        };
        for (const kind of evidence/* ARTEFACT_KINDS */.D_) {
            const gathered = await gatherKind(kind, model, location, workspace, repoConfig.config.limits);
            if ('evidence' in gathered)
                subject.evidence[kind] = gathered.evidence;
            else
                subject.problems[kind] = gathered.problem;
        }
        return subject;
    }));
}
/** Configured models, then models found by convention in the discovery roots. */
async function listModels(repoConfig, workspace) {
    const { config } = repoConfig;
    const listed = config.models.map((model) => ({
        model,
        location: repoConfig.modelLocations[model.name] ?? { path: repoConfig.path },
        discovered: false,
    }));
    if (!config.discover.enabled)
        return listed;
    const configuredPaths = new Set(config.models.map((model) => normalizeFolder(model.path)));
    const names = new Map(config.models.map((model) => [model.name, model.path]));
    for (const folder of await workspace.findFolders(config.discover.roots)) {
        if (configuredPaths.has(normalizeFolder(folder)))
            continue;
        const name = folder.split('/').pop() ?? folder;
        const conventional = await workspace.findFiles(folder, Object.values(CONVENTIONAL_ARTEFACTS).flat());
        if (conventional.length === 0)
            continue;
        // Skipping a second folder of the same name would leave a model unchecked without a word.
        const other = names.get(name);
        if (other !== undefined) {
            throw new errors/* ModelgateError */.HJ('config', `two models are named "${name}" (${other} and ${folder}): list one in the config with a name of its own`, { path: repoConfig.path });
        }
        names.set(name, folder);
        listed.push({ model: { name, path: folder, artefacts: {} }, location: { path: folder }, discovered: true });
    }
    return listed;
}
function normalizeFolder(path) {
    return path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
}
function selectModels(all, names) {
    if (names.length === 0)
        return all;
    const unknown = names.filter((name) => !all.some((entry) => entry.model.name === name));
    if (unknown.length > 0) {
        const known = all.map((entry) => entry.model.name).join(', ') || 'none';
        throw new errors/* ModelgateError */.HJ('usage', `unknown model ${unknown.map((name) => `"${name}"`).join(', ')} (models: ${known})`);
    }
    return all.filter((entry) => names.includes(entry.model.name));
}
function approvalsFor(model, approvals) {
    return approvals
        .filter((approval) => approval.model === undefined || approval.model === model)
        .map(({ model: _model, ...approval }) => approval);
}
function previousFor(model, lookup) {
    if (lookup === undefined)
        return {};
    return { previous: 'unavailable' in lookup ? lookup : (lookup.decisions.get(model) ?? null) };
}
async function gatherKind(kind, model, modelLocation, workspace, limits) {
    const spec = model.artefacts[kind];
    let files;
    if (spec) {
        files = await workspace.findFiles(model.path, spec.paths);
        if (files.length === 0) {
            return problem(true, `configured ${kind} artefact not found: ${spec.paths.join(', ')} (in ${model.path})`, modelLocation);
        }
    }
    else {
        files = await findConventional(kind, model.path, workspace);
        if (files.length === 0) {
            return problem(false, `no ${kind} artefact found for model "${model.name}" (set artefacts.${kind} in the config)`, modelLocation);
        }
    }
    if (files.length > limits.max_files_per_kind) {
        return problem(true, `${files.length} ${kind} files match, more than the limit of ${limits.max_files_per_kind}`, modelLocation);
    }
    try {
        const parts = [];
        for (const path of files) {
            const file = await workspace.readFile(path, limits);
            parts.push(readArtefact(file, { kind, format: spec?.format, limits }));
        }
        return { evidence: mergeEvidence(kind, parts) };
    }
    catch (error) {
        if ((0,errors/* isModelgateError */.j$)(error))
            return problem(true, error.reason, error.location ?? modelLocation);
        return problem(true, `cannot read ${kind} artefact: ${(0,errors/* describeError */.Uc)(error)}`, modelLocation);
    }
}
async function findConventional(kind, folder, workspace) {
    for (const pattern of CONVENTIONAL_ARTEFACTS[kind]) {
        const files = await workspace.findFiles(folder, [pattern]);
        if (files.length > 0)
            return files;
    }
    return [];
}
function problem(blocking, reason, location) {
    return { problem: { blocking, reason, location } };
}

// EXTERNAL MODULE: ./src/github/client.ts + 1 modules
var github_client = __webpack_require__(43154);
;// CONCATENATED MODULE: ./src/github/approvals.ts

const REVIEW_SOURCE = 'pull-request-review';
/** Review authors whose approval counts: people with write access to the repository, as GitHub labels them. */
const COUNTED_ASSOCIATIONS = ['OWNER', 'MEMBER', 'COLLABORATOR'];
const STATE = {
    APPROVED: 'approved',
    CHANGES_REQUESTED: 'changes_requested',
    DISMISSED: 'dismissed',
    COMMENTED: 'commented',
};
/**
 * One approval per reviewer, from their latest review that decides something, as GitHub's own
 * review status does: a later comment does not withdraw an approval, a later "changes
 * requested" or a dismissal does. Left out: the reviews of excluded people (the author, the
 * authors and committers of the pull request's commits, who started the run), of bots, and of
 * people without write access (`author_association` other than OWNER, MEMBER or COLLABORATOR).
 * With `requireLatestHead` an approval of an older commit counts as dismissed.
 */
function approvalsFromReviews(reviews, options) {
    const notes = [];
    const latest = new Map();
    const ordered = [...reviews].sort((a, b) => (a.submitted_at ?? '').localeCompare(b.submitted_at ?? '') || a.id - b.id);
    for (const review of ordered) {
        const user = review.user?.login;
        const state = STATE[review.state];
        if (!user || !state)
            continue; // PENDING reviews are drafts nobody else can see.
        const excluded = options.excluded.get(user.toLowerCase());
        if (excluded) {
            if (state === 'approved')
                notes.push(`the approval by ${user} is not counted: ${user} ${excluded}`);
            continue;
        }
        if (review.user?.type === 'Bot') {
            if (state === 'approved')
                notes.push(`the approval by ${user} is not counted: ${user} is a bot`);
            continue;
        }
        const association = review.author_association ?? 'NONE';
        if (!COUNTED_ASSOCIATIONS.includes(association)) {
            if (state === 'approved')
                notes.push(`the approval by ${user} is not counted: ${user} has no write access to the repository (author_association ${association})`);
            continue;
        }
        const previous = latest.get(user);
        if (state === 'commented' && previous && previous.state !== 'COMMENTED')
            continue;
        latest.set(user, review);
    }
    const approvals = [...latest.entries()].map(([user, review]) => {
        let state = STATE[review.state];
        if (state === 'approved' && options.requireLatestHead && review.commit_id !== options.headSha) {
            notes.push(`the approval by ${user} is not counted: it was given on ${(review.commit_id ?? 'an older commit').slice(0, 7)}, not on the head commit ${options.headSha.slice(0, 7)}`);
            state = 'dismissed';
        }
        return { user, teams: [], state, ...(review.submitted_at ? { at: review.submitted_at } : {}), source: REVIEW_SOURCE };
    });
    return { approvals, notes };
}
/**
 * Who approved (or rejected) the deployment of this run to a protected environment. Needs
 * `actions: read`; without it the run goes on without these approvals and says so.
 */
async function listEnvironmentApprovals(client, repository, runId, excluded, log) {
    let answers;
    try {
        answers = (await client.rest.actions.getReviewsForRun({ ...repository, run_id: runId })).data;
    }
    catch (error) {
        if (!(0,github_client/* isPermissionDenied */.T1)(error))
            throw error;
        log.warning(`environment approvals of run ${runId} could not be read (${(0,github_client/* describeRequestError */.tM)(error)}); give the job "permissions: actions: read". Going on without them.`);
        return [];
    }
    const approvals = [];
    for (const answer of answers) {
        const user = answer.user?.login;
        if (!user)
            continue;
        const reason = excluded.get(user.toLowerCase());
        if (reason) {
            log.info(`the environment approval by ${user} is not counted: ${user} ${reason}`);
            continue;
        }
        const environments = answer.environments.map((environment) => environment.name).filter(Boolean);
        approvals.push({
            user,
            teams: [],
            state: answer.state === 'approved' ? 'approved' : 'changes_requested',
            source: `environment:${environments.join(',') || 'unknown'}`,
        });
    }
    return approvals;
}
/**
 * Members of each team, by listing the team. The GITHUB_TOKEN cannot read organization teams:
 * a GitHub App token with the organization permission "Members: read", or a classic personal
 * access token with `read:org`, can. Without it, approvers carry no teams and rules that need
 * a team fail, which the warning explains.
 */
async function resolveTeams(client, defaultOrg, teams, log) {
    const teamsByUser = new Map();
    const unreadable = [];
    for (const team of [...new Set(teams)]) {
        const [org, slug] = team.includes('/') ? team.split('/', 2) : [defaultOrg, team];
        let members;
        try {
            members = await (0,github_client/* paginateAll */.Ti)(client, client.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
        }
        catch (error) {
            if (!(0,github_client/* isPermissionDenied */.T1)(error))
                throw error;
            unreadable.push(team);
            log.warning(`members of team ${org}/${slug} could not be read (${(0,github_client/* describeRequestError */.tM)(error)}). Reading team membership needs a token with the organization permission "Members: read" (GitHub App) or a classic personal access token with read:org, passed as teams-token (or github-token); the default GITHUB_TOKEN cannot read teams. Approvals are judged without this team.`);
            continue;
        }
        for (const member of members) {
            const login = member.login.toLowerCase();
            teamsByUser.set(login, [...(teamsByUser.get(login) ?? []), team]);
        }
    }
    return { teamsByUser, unreadable };
}
function withTeams(approvals, lookup) {
    return approvals.map((approval) => ({ ...approval, teams: [...new Set([...approval.teams, ...(lookup.teamsByUser.get(approval.user.toLowerCase()) ?? [])])] }));
}
/** Adds a login to the people who may not approve, keeping the first reason given for it. */
function exclude(excluded, login, reason) {
    if (!login)
        return;
    const key = login.toLowerCase();
    if (!excluded.has(key))
        excluded.set(key, reason);
}

// EXTERNAL MODULE: ./src/github/attest.ts
var attest = __webpack_require__(81978);
// EXTERNAL MODULE: ./src/github/event.ts
var github_event = __webpack_require__(85015);
;// CONCATENATED MODULE: ./src/github/policy-change.ts



const POLICY_CHANGED_RULE = 'policy.changed';
/**
 * Files that count as policy in every repository: the workflows and local actions. A pull
 * request's workflow runs the gate with the pull request's own inputs (`models`, `fail-on`,
 * `policy`, `config`), so changing it changes what judges the pull request.
 */
const DEFAULT_POLICY_GLOBS = ['.github/workflows/**', '.github/actions/**'];
/**
 * The name of the entry a repository-level finding gets in `models[]` when no model was judged
 * (a pull request that changes only the policy of a repository without models): the Decision
 * keeps its shape, and the finding still blocks.
 */
const REPOSITORY_ENTRY = '(repository)';
/** The changed paths that are policy: the config, a policy file, or a path matching `policy_paths`. */
function changedPolicyFiles(changed, files) {
    const isPolicy = policyMatcher(files);
    return changed.filter(isPolicy);
}
/** Whether a repository path is policy: the config, a loaded policy file, the workflows, or a `policy_paths` glob. */
function policyMatcher(files) {
    const exact = new Set([files.config, ...files.policy].map((file) => external_node_path_default().posix.normalize(file)));
    const patterns = [...DEFAULT_POLICY_GLOBS, ...files.globs].map(globToRegExp);
    return (file) => exact.has(external_node_path_default().posix.normalize(file)) || patterns.some((pattern) => pattern.test(file));
}
/**
 * The policy files that differ between two commits, from the blob SHAs of their trees: a file
 * added, removed or changed. Used when GitHub cannot list every file of a pull request.
 */
function diffPolicyTrees(base, head, files) {
    const isPolicy = policyMatcher(files);
    const paths = new Set([...base.keys(), ...head.keys()]);
    return [...paths].filter((file) => isPolicy(file) && base.get(file) !== head.get(file)).sort();
}
/**
 * The `policy.changed` finding: a pull request that changes what judges it passes only with
 * approvals of different policy owners, never its author's. The trusted config names the owners,
 * so the pull request cannot name its own. `approvals` must be the reviews given on the head
 * commit: an approval of an older commit never approves a policy change.
 */
function policyChangeResult(changed, approvals, owners) {
    const approvers = [
        ...new Set(approvals
            .filter((approval) => approval.state === 'approved' && approval.source === REVIEW_SOURCE && approval.user.toLowerCase() !== owners.author.toLowerCase())
            .filter((approval) => owners.owners.length === 0 || approval.teams.some((team) => owners.owners.includes(team)))
            .map((approval) => approval.user)),
    ].sort();
    const who = owners.owners.length > 0 ? `a member of ${owners.owners.join(' or ')}` : 'a reviewer other than the author (no github.policy_owners are configured)';
    const files = changed.join(', ');
    const base = { rule: POLICY_CHANGED_RULE, severity: 'error', controls: [], location: { path: changed[0] } };
    if (approvers.length >= owners.required) {
        return { ...base, status: 'pass', message: `this pull request changes the policy (${files}); approved by ${approvers.join(', ')}` };
    }
    const count = owners.required === 1 ? 'an approval' : `${owners.required} approvals by different people`;
    const have = approvers.length > 0 ? ` (so far: ${approvers.join(', ')})` : '';
    return {
        ...base,
        status: 'fail',
        message: `this pull request changes the policy (${files}): it needs ${count} from ${who}${have}; every model was judged with the policy of the trusted commit, not the changed one`,
    };
}
/**
 * A failing `policy.changed` when GitHub cannot tell whether the pull request changes the
 * policy: no approval makes it pass, since nobody can see what would be approved.
 */
function policyUnknownResult(reason, location) {
    return {
        rule: POLICY_CHANGED_RULE,
        status: 'fail',
        severity: 'error',
        controls: [],
        location: { path: location },
        message: `cannot rule out a policy change: ${reason}; every model was judged with the policy of the trusted commit`,
    };
}
/**
 * The Decision with a result added to every model, and the verdicts worked out again. With no
 * model, the result goes into an entry named `(repository)`, so that a failing repository-level
 * finding still blocks and shows.
 */
function addResult(decision, result) {
    if (decision.models.length === 0) {
        const entry = { name: REPOSITORY_ENTRY, version: null, verdict: verdictOfResults([result]), results: [result] };
        return { ...decision, models: [entry], verdict: worstVerdict([decision.verdict, entry.verdict]) };
    }
    const models = decision.models.map((model) => {
        const results = [result, ...model.results];
        return { ...model, results, verdict: verdictOfResults(results) };
    });
    return { ...decision, models, verdict: worstVerdict([decision.verdict, ...models.map((model) => model.verdict)]) };
}
/** `*` within a segment, `**` across segments, `?`, `{a,b}`; enough for the paths of a config. */
function globToRegExp(glob) {
    let pattern = '';
    for (let index = 0; index < glob.length; index++) {
        const char = glob[index];
        if (char === '*') {
            if (glob[index + 1] === '*') {
                const slash = glob[index + 2] === '/';
                pattern += slash ? '(?:.*/)?' : '.*';
                index += slash ? 2 : 1;
            }
            else {
                pattern += '[^/]*';
            }
        }
        else if (char === '?')
            pattern += '[^/]';
        else if (char === '{') {
            const end = glob.indexOf('}', index);
            if (end === -1)
                pattern += '\\{';
            else {
                pattern += `(?:${glob
                    .slice(index + 1, end)
                    .split(',')
                    .map((part) => part.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))
                    .join('|')})`;
                index = end;
            }
        }
        else
            pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${pattern}$`);
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts

/** The files API lists at most 3000 files of a pull request. */
const MAX_LISTED_FILES = 3000;
/** Every file a pull request changes, following the `Link` pages of the files API. */
async function listChangedFiles(client, repository, number, expected) {
    const files = await (0,github_client/* paginateAll */.Ti)(client, client.rest.pulls.listFiles, { ...repository, pull_number: number, per_page: 100 });
    const paths = new Set();
    for (const file of files) {
        paths.add(file.filename);
        if (file.previous_filename)
            paths.add(file.previous_filename);
    }
    const incomplete = files.length >= MAX_LISTED_FILES || (expected !== undefined && files.length < expected);
    return { paths: [...paths].sort(), incomplete };
}
/** Reviews of a pull request in the order they were given. */
async function listReviews(client, repository, number) {
    return (0,github_client/* paginateAll */.Ti)(client, client.rest.pulls.listReviews, { ...repository, pull_number: number, per_page: 100 });
}
/**
 * The GitHub logins of the authors and committers of a pull request's commits (every page).
 * Commits whose author or committer is not linked to a GitHub account have no login there.
 */
async function listCommitLogins(client, repository, number) {
    const commits = await (0,github_client/* paginateAll */.Ti)(client, client.rest.pulls.listCommits, { ...repository, pull_number: number, per_page: 100 });
    const logins = new Set();
    for (const commit of commits) {
        if (commit.author?.login)
            logins.add(commit.author.login);
        if (commit.committer?.login)
            logins.add(commit.committer.login);
    }
    return [...logins];
}
/** The blob SHA of every file of a commit, by repository path; undefined when GitHub cut the listing short. */
async function readTreeShas(client, repository, ref) {
    const { data } = await client.rest.git.getTree({ ...repository, tree_sha: ref, recursive: 'true' });
    if (data.truncated)
        return undefined;
    const shas = new Map();
    for (const entry of data.tree)
        if (entry.type === 'blob' && entry.path && entry.sha)
            shas.set(entry.path, entry.sha);
    return shas;
}

// EXTERNAL MODULE: ./src/report/findings.ts
var report_findings = __webpack_require__(19334);
;// CONCATENATED MODULE: ./src/report/check-run.ts


/** The Checks API takes at most 50 annotations per request; more are added by updating the run. */
const ANNOTATIONS_PER_REQUEST = 50;
/** `output.summary` and `output.text` each hold at most 65,535 characters. */
const CHECK_OUTPUT_LIMIT = 65_535;
/**
 * One annotation per failing, erroring or warning result that points at a repository file.
 * Results without a line are annotated on line 1, so they still show on the file; results
 * about the same place with the same message (e.g. a policy change, reported for every
 * model) are annotated once.
 */
function renderAnnotations(decision) {
    const annotations = [];
    const seen = new Set();
    for (const { model, result } of (0,report_findings/* findingsOf */.WX)(decision, ['error', 'fail', 'warn'])) {
        if (!(0,report_findings/* isRepositoryPath */.og)(result.location))
            continue;
        const { path, line, column } = result.location;
        const key = `${path}\u0000${line ?? 1}\u0000${result.rule}\u0000${result.message}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const annotation = {
            path,
            start_line: line ?? 1,
            end_line: line ?? 1,
            annotation_level: result.status === 'warn' ? 'warning' : 'failure',
            title: `${result.rule} (${model.name})`,
            message: (0,report_findings/* truncate */.xv)(result.message, 64_000),
        };
        // The Checks API accepts columns only on single-line annotations.
        if (line !== undefined && column !== undefined) {
            annotation.start_column = column;
            annotation.end_column = column;
        }
        if (result.controls.length > 0)
            annotation.raw_details = `controls: ${result.controls.join(', ')}`;
        annotations.push(annotation);
    }
    return annotations;
}
function batchAnnotations(annotations, size = ANNOTATIONS_PER_REQUEST) {
    const batches = [];
    for (let start = 0; start < annotations.length; start += size)
        batches.push(annotations.slice(start, start + size));
    return batches;
}
function checkConclusion(verdict, failOn) {
    if ((0,report_findings/* verdictBlocks */.wx)(verdict, failOn))
        return 'failure';
    return verdict === 'pass' ? 'success' : 'neutral';
}
/** The check run's `output`: a title, a summary with the table of models, and the findings as text. */
function renderCheckOutput(decision, options) {
    const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
    const total = decision.models.length;
    const relaxed = decision.verdict !== 'pass' && !(0,report_findings/* verdictBlocks */.wx)(decision.verdict, options.failOn);
    const verdictTitle = total === 0
        ? 'No model to check'
        : `${decision.verdict.toUpperCase()}: ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked${relaxed ? ` (does not fail the run: fail-on ${options.failOn})` : ''}`;
    const title = options.failure ? `FAILED: ${options.failure}` : verdictTitle;
    const summaryLines = [
        ...(options.failure ? [`**The run fails:** ${(0,report_findings/* escapeTableCell */.aL)(options.failure)} (the verdict was ${decision.verdict})`, ''] : []),
        `Policy \`${decision.policy.name}\` ${decision.policy.version} (\`${decision.policy.digest}\`)`,
        ...(options.notes ?? []).map((note) => `> ${note}`),
        '',
    ];
    if (total > 0) {
        summaryLines.push('| model | version | verdict |', '|---|---|---|');
        for (const model of decision.models)
            summaryLines.push(`| ${(0,report_findings/* escapeTableCell */.aL)(model.name)} | ${(0,report_findings/* escapeTableCell */.aL)(model.version ?? '—')} | ${model.verdict} |`);
    }
    for (const notice of decision.notices)
        summaryLines.push('', `> ⚠️ ${(0,report_findings/* escapeTableCell */.aL)(notice)}`);
    const more = options.detailsUrl ? `\n\n… (cut: the full report is in the [job summary](${options.detailsUrl}))` : '\n\n… (cut)';
    const text = (0,report_findings/* findingsOf */.WX)(decision)
        .map(({ model, result }) => {
        const where = result.location ? ` — \`${(0,document_location/* formatLocation */.j$)(result.location)}\`` : '';
        return `- **${result.status}** \`${result.rule}\` (${model.name}): ${result.message}${where}`;
    })
        .join('\n');
    return {
        title: (0,report_findings/* truncate */.xv)(title, 255, '…'),
        summary: (0,report_findings/* truncate */.xv)(summaryLines.join('\n'), CHECK_OUTPUT_LIMIT, more),
        text: (0,report_findings/* truncate */.xv)(text || 'Nothing needs attention.', CHECK_OUTPUT_LIMIT, more),
    };
}

;// CONCATENATED MODULE: ./src/report/controls.ts



const CONTROLS_FORMATS = (/* unused pure expression or super */ null && (['text', 'markdown', 'csv', 'json']));
function controlRows(model) {
    const coverage = model.controls ?? { evidenced: [], violated: [], not_covered: [] };
    const rulesOf = (control) => {
        const statuses = new Map();
        for (const result of model.results) {
            if (!result.controls.includes(control))
                continue;
            statuses.set(result.rule, (statuses.get(result.rule) ?? new Set()).add(result.status));
        }
        return [...statuses.entries()].map(([rule, set]) => `${rule} (${[...set].join('/')})`);
    };
    const row = (control, state) => ({ control, title: controlTitle(control), state, rules: state === 'not covered' ? [] : rulesOf(control) });
    const reached = [...coverage.evidenced.map((control) => row(control, 'evidenced')), ...coverage.violated.map((control) => row(control, 'violated'))];
    const order = sortControls(reached.map((entry) => entry.control));
    reached.sort((a, b) => order.indexOf(a.control) - order.indexOf(b.control));
    return [...reached, ...coverage.not_covered.map((control) => row(control, 'not covered'))];
}
/** "12 evidenced, 1 violated, 25 not covered" for one model. */
function coverageSummary(model) {
    const coverage = model.controls ?? { evidenced: [], violated: [], not_covered: [] };
    return `${coverage.evidenced.length} evidenced, ${coverage.violated.length} violated, ${coverage.not_covered.length} not covered`;
}
/** One line for a pull-request comment or job summary; empty when the Decision carries no coverage. */
function coverageLine(decision) {
    const models = decision.models.filter((model) => model.controls !== undefined);
    if (models.length === 0)
        return '';
    const parts = models.map((model) => {
        const coverage = model.controls;
        return `${model.name} ${coverage.evidenced.length}/${coverage.violated.length}/${coverage.not_covered.length}`;
    });
    return `Controls (evidenced/violated/not covered): ${parts.join(', ')}`;
}
function renderControls(decision, format) {
    switch (format) {
        case 'json':
            return `${JSON.stringify({
                policy: decision.policy,
                models: decision.models.map((model) => ({ name: model.name, version: model.version, verdict: model.verdict, controls: controlRows(model) })),
            }, null, 2)}\n`;
        case 'csv':
            return renderCsv(decision);
        case 'markdown':
            return renderMarkdownTable(decision);
        case 'text':
            return renderTextTable(decision);
    }
}
const STATE_MARK = { evidenced: '✓ evidenced', violated: '✗ violated', 'not covered': '· not covered' };
function renderTextTable(decision) {
    const lines = [`policy ${decision.policy.name} ${decision.policy.version}`, ''];
    for (const model of decision.models) {
        const rows = controlRows(model);
        lines.push(`${model.name}${model.version ? ` ${model.version}` : ''}: ${coverageSummary(model)}`);
        const width = Math.max(0, ...rows.map((row) => row.control.length));
        for (const row of rows) {
            const rules = row.rules.length > 0 ? `  ← ${row.rules.join(', ')}` : '';
            lines.push(`  ${STATE_MARK[row.state].padEnd(14)} ${row.control.padEnd(width)}  ${row.title}${rules}`);
        }
        lines.push('');
    }
    return `${lines.join('\n')}`;
}
function renderMarkdownTable(decision) {
    const lines = [`## modelgate controls: policy \`${decision.policy.name}\` ${decision.policy.version}`];
    for (const model of decision.models) {
        lines.push('', `### ${escapeTableCell(model.name)}${model.version ? ` ${escapeTableCell(model.version)}` : ''}`, '', coverageSummary(model), '');
        lines.push('| control | title | state | rules |', '|---|---|---|---|');
        for (const row of controlRows(model)) {
            lines.push(`| \`${row.control}\` | ${escapeTableCell(row.title)} | ${row.state} | ${escapeTableCell(row.rules.join(', '))} |`);
        }
    }
    return `${lines.join('\n')}\n`;
}
/** RFC 4180: quote every field, double the quotes inside. */
function renderCsv(decision) {
    const quote = (value) => `"${value.replace(/"/g, '""')}"`;
    const lines = [['model', 'version', 'control', 'title', 'state', 'rules'].map(quote).join(',')];
    for (const model of decision.models) {
        for (const row of controlRows(model)) {
            lines.push([model.name, model.version ?? '', row.control, row.title, row.state, row.rules.join('; ')].map(quote).join(','));
        }
    }
    return `${lines.join('\r\n')}\r\n`;
}

;// CONCATENATED MODULE: ./src/report/comment.ts



/**
 * The hidden first line of the sticky pull-request comment. It finds the comment again on the
 * next run (so it is updated, never duplicated) and carries the verdict it showed, so a later
 * passing run can say that the earlier failure is resolved.
 */
const COMMENT_MARKER = '<!-- modelgate:sticky-comment';
/** GitHub refuses comment bodies longer than 65,536 characters. */
const COMMENT_LIMIT = 65_536;
function isStickyComment(body) {
    return typeof body === 'string' && body.startsWith(COMMENT_MARKER);
}
/** The state a sticky comment recorded, or undefined when the body is not one (or its state is unreadable). */
function parseCommentState(body) {
    if (!isStickyComment(body))
        return undefined;
    const firstLine = body.split('\n', 1)[0];
    const json = firstLine.slice(COMMENT_MARKER.length, firstLine.lastIndexOf('-->')).trim();
    try {
        const state = JSON.parse(json);
        if (state.verdict === 'pass' || state.verdict === 'warn' || state.verdict === 'fail')
            return { verdict: state.verdict, ...(state.decisionId && { decisionId: state.decisionId }) };
    }
    catch {
        // An unreadable state only loses the "resolved" line; the comment is still ours to update.
    }
    return undefined;
}
/** The most changes listed; a policy rewritten wholesale is better read with `modelgate policy diff`. */
const MAX_LISTED_CHANGES = 50;
const MARK = { pass: '✅', warn: '⚠️', fail: '❌' };
const STATUS_MARK = { error: '⛔ error', fail: '❌ fail', warn: '⚠️ warn', waived: '🔕 waived', pass: '✅ pass', skipped: '➖ skipped' };
/**
 * The sticky comment: a headline, a compact table of models, and the findings of each model
 * in a collapsed section. When that would pass GitHub's limit, a summary with the table only
 * and a link to the job summary; the table itself is cut as a last resort.
 */
function renderStickyComment(decision, options) {
    const limit = options.limit ?? COMMENT_LIMIT;
    const state = { verdict: decision.verdict, decisionId: options.decisionId };
    const marker = `${COMMENT_MARKER} ${JSON.stringify(state)} -->`;
    const head = headline(decision, options);
    const table = modelTable(decision);
    const details = decision.models
        .map((model) => {
        const findings = (0,report_findings/* findingsOf */.WX)({ ...decision, models: [model] });
        if (findings.length === 0)
            return '';
        const rows = findings.map(({ result }) => {
            const location = result.location ? `\`${(0,report_findings/* escapeTableCell */.aL)((0,document_location/* formatLocation */.j$)(result.location))}\`` : '';
            return `| ${STATUS_MARK[result.status]} | \`${result.rule}\` | ${(0,report_findings/* escapeTableCell */.aL)(result.message)} | ${location} |`;
        });
        return [
            `<details><summary><b>${escapeHtml(model.name)}</b>: ${findings.length} finding${findings.length === 1 ? '' : 's'}</summary>`,
            '',
            '| status | rule | message | location |',
            '|---|---|---|---|',
            ...rows,
            '',
            '</details>',
        ].join('\n');
    })
        .filter(Boolean);
    const notices = decision.notices.map((notice) => `> ⚠️ ${(0,report_findings/* escapeTableCell */.aL)(notice)}`);
    const coverage = coverageLine(decision);
    const footer = `<sub>modelgate · policy \`${decision.policy.name}\` ${decision.policy.version} · decision \`${options.decisionId}\`${options.runUrl ? ` · [run](${options.runUrl})` : ''}</sub>`;
    const coverageLines = coverage ? [(0,report_findings/* escapeTableCell */.aL)(coverage), ''] : [];
    const diffLines = options.policyDiff ? [renderPolicyDiff(options.policyDiff), ''] : [];
    const full = [marker, head, '', table, '', ...diffLines, ...coverageLines, ...details.flatMap((section) => [section, '']), ...notices, ...(notices.length ? [''] : []), footer].join('\n');
    if (full.length <= limit)
        return full;
    const link = options.runUrl ? `see the [job summary](${options.runUrl})` : 'see the job summary of this run';
    const short = [marker, head, '', table, '', ...diffLines, `The findings are too many for a comment: ${link}.`, '', footer].join('\n');
    if (short.length <= limit)
        return short;
    const bare = [marker, head, '', `The report is too long for a comment: ${link}.`, '', footer].join('\n');
    return (0,report_findings/* truncate */.xv)(bare, limit);
}
function headline(decision, options) {
    const total = decision.models.length;
    const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
    const lines = [];
    const title = total === 0
        ? 'no model to check'
        : `${decision.verdict.toUpperCase()} — ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked`;
    lines.push(`## ${MARK[decision.verdict]} modelgate: ${title}`);
    if (decision.verdict !== 'pass' && !(0,report_findings/* verdictBlocks */.wx)(decision.verdict, options.failOn)) {
        lines.push('', `This does not fail the check (\`fail-on: ${options.failOn}\`).`);
    }
    if (options.previous && options.previous.verdict !== 'pass' && decision.verdict === 'pass') {
        lines.push('', `✅ **Resolved:** an earlier run of modelgate found this pull request ${options.previous.verdict === 'fail' ? 'blocked' : 'with warnings'}; this run passes.`);
    }
    for (const note of options.notes ?? [])
        lines.push('', `> ${note}`);
    return lines.join('\n');
}
function modelTable(decision) {
    if (decision.models.length === 0)
        return 'No model of this pull request needed checking.';
    const rows = decision.models.map((model) => {
        const findings = model.results.filter((result) => result.status === 'fail' || result.status === 'error' || result.status === 'warn').length;
        return `| ${(0,report_findings/* escapeTableCell */.aL)(model.name)} | ${(0,report_findings/* escapeTableCell */.aL)(model.version ?? '—')} | ${MARK[model.verdict]} ${model.verdict} | ${findings} |`;
    });
    return ['| model | version | verdict | findings |', '|---|---|---|---|', ...rows].join('\n');
}
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/**
 * `policy diff` in Markdown, for the sticky comment and the job summary: which rules,
 * thresholds, control mappings and waivers the pull request changes. Every line is escaped:
 * the head's policy is the pull request's text.
 */
function renderPolicyDiff(report) {
    const header = (policy) => `${(0,report_findings/* escapeTableCell */.aL)(policy.name)} ${(0,report_findings/* escapeTableCell */.aL)(policy.version)} (${(0,report_findings/* escapeTableCell */.aL)(policy.origin)})`;
    const lines = ['### Policy diff', ''];
    if ('unreadable' in report) {
        lines.push(`The policy of this pull request cannot be compared with ${header(report.from)}: ${(0,report_findings/* escapeTableCell */.aL)(report.unreadable)}`);
        return lines.join('\n');
    }
    const count = report.changes.length;
    lines.push(`${header(report.from)} → ${header(report.to)}: ${count === 0 ? 'no change to rules or waivers' : `${count} change${count === 1 ? '' : 's'}`}`);
    if (count > 0) {
        lines.push('', ...report.changes.slice(0, MAX_LISTED_CHANGES).map((change) => `- ${(0,report_findings/* escapeTableCell */.aL)(change)}`));
        if (count > MAX_LISTED_CHANGES)
            lines.push(`- … and ${count - MAX_LISTED_CHANGES} more: run \`modelgate policy diff\` on the two versions`);
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/github/publish.ts



const CHECK_RUN_NAME = 'modelgate';
/**
 * Creates the completed `modelgate` check run with the first 50 annotations, then adds the
 * rest 50 at a time by updating it: the Checks API takes no more per request, and an update
 * appends annotations rather than replacing them.
 */
async function publishCheckRun(client, repository, input) {
    const [first = [], ...rest] = batchAnnotations(input.annotations);
    const created = await client.rest.checks.create({
        ...repository,
        name: CHECK_RUN_NAME,
        head_sha: input.headSha,
        status: 'completed',
        conclusion: input.conclusion,
        completed_at: new Date().toISOString(),
        ...(input.externalId && { external_id: input.externalId }),
        ...(input.detailsUrl && { details_url: input.detailsUrl }),
        output: { ...input.output, annotations: first },
    });
    for (const batch of rest) {
        await client.rest.checks.update({
            ...repository,
            check_run_id: created.data.id,
            output: { title: input.output.title, summary: input.output.summary, annotations: batch },
        });
    }
    return { id: created.data.id, url: created.data.html_url, annotationRequests: first.length > 0 ? 1 + rest.length : 0 };
}
/**
 * Who the token writes comments as: the login `GET /user` gives for a user's token; undefined
 * for the GITHUB_TOKEN and GitHub App installation tokens, which may not read `/user` and write
 * as a bot (`github-actions[bot]`, `<app-slug>[bot]`).
 */
async function readCommentIdentity(client) {
    try {
        return (await client.rest.users.getAuthenticated()).data.login;
    }
    catch (error) {
        if ((0,github_client/* isRequestError */.eK)(error) && [401, 403, 404].includes(error.status))
            return undefined;
        throw error;
    }
}
/**
 * Whether a comment was written by the identity the Action writes as, so that nobody else's
 * comment carrying the marker is taken over (or trusted for "resolved"). With a user's token,
 * the author must be that user. Otherwise the token is the GITHUB_TOKEN or a GitHub App's, and
 * the author must be a bot: `github-actions[bot]`, or the app the comment was made through
 * (`performed_via_github_app.slug` + `[bot]`). People (type `User`) never match then.
 */
function isOwnComment(comment, identity) {
    const login = comment.user?.login;
    if (!login)
        return false;
    if (identity !== undefined)
        return login.toLowerCase() === identity.toLowerCase();
    if (comment.user?.type !== 'Bot')
        return false;
    const app = comment.performed_via_github_app?.slug;
    return login === 'github-actions[bot]' || (app !== undefined && login.toLowerCase() === `${app.toLowerCase()}[bot]`);
}
/** The sticky comment on a pull request, if there is one, and what it last showed: the first one with the marker written by the Action's own identity. */
async function findStickyComment(client, repository, number) {
    const comments = await (0,github_client/* paginateAll */.Ti)(client, client.rest.issues.listComments, { ...repository, issue_number: number, per_page: 100 });
    const marked = comments.filter((candidate) => isStickyComment(candidate.body));
    if (marked.length === 0)
        return undefined;
    const identity = await readCommentIdentity(client);
    const comment = marked.find((candidate) => isOwnComment(candidate, identity));
    return comment ? { id: comment.id, body: comment.body ?? '', state: parseCommentState(comment.body) } : undefined;
}
/**
 * Updates the sticky comment found by its marker, or creates it. `create: false` only updates:
 * a run with nothing to report leaves no new comment, but still replaces an old failure.
 */
async function publishStickyComment(client, repository, number, body, existing, options) {
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id };
        const updated = await client.rest.issues.updateComment({ ...repository, comment_id: existing.id, body });
        return { action: 'updated', id: updated.data.id, url: updated.data.html_url };
    }
    if (!options.create)
        return { action: 'skipped' };
    const created = await client.rest.issues.createComment({ ...repository, issue_number: number, body });
    return { action: 'created', id: created.data.id, url: created.data.html_url };
}

// EXTERNAL MODULE: ./src/io/workspace.ts
var io_workspace = __webpack_require__(22645);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/canonicalize/lib/canonicalize.js
var canonicalize = __webpack_require__(98799);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/iso.js
var iso = __webpack_require__(64377);
;// CONCATENATED MODULE: ./src/policy/schema.ts



const POLICY_API_VERSION = 'modelgate/v1';
const cel = schemas/* string */.YjP().trim().min(1, 'must be a CEL expression');
const RuleSchema = schemas/* object */.Ikc({
    id: schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"'),
    description: schemas/* string */.YjP().trim().min(1),
    severity: schemas/* enum */.k5n(['error', 'warn']).default('error'),
    controls: schemas/* array */.YOg(schemas/* string */.YjP().trim().min(1)).default([]),
    requires: schemas/* array */.YOg(evidence/* ArtefactKindSchema */.Qy).default([]),
    when: cel.optional(),
    for_each: cel.optional(),
    check: cel,
    message: cel.optional(),
})
    .strict();
const WaiverSchema = schemas/* object */.Ikc({
    rule: schemas/* string */.YjP().trim().min(1),
    model: schemas/* string */.YjP().trim().min(1),
    reason: schemas/* string */.YjP().trim().min(1),
    approved_by: schemas/* string */.YjP().trim().min(1),
    expires: iso/* date */.p6('must be a date, YYYY-MM-DD'),
})
    .strict();
const PolicySchema = schemas/* object */.Ikc({
    apiVersion: schemas/* literal */.euz(POLICY_API_VERSION),
    kind: schemas/* literal */.euz('Policy'),
    metadata: schemas/* object */.Ikc({
        name: schemas/* string */.YjP().trim().min(1),
        version: schemas/* string */.YjP().refine((value) => semver_default().valid(value) !== null, 'must be a semantic version, e.g. 1.0.0'),
        description: schemas/* string */.YjP().optional(),
    })
        .strict(),
    extends: schemas/* array */.YOg(schemas/* string */.YjP().trim().min(1)).default([]),
    rules: schemas/* array */.YOg(RuleSchema).default([]),
    waivers: schemas/* array */.YOg(WaiverSchema).default([]),
})
    .strict();

;// CONCATENATED MODULE: ./src/policy/load.ts






const PACK_NAME = /^[a-z0-9][a-z0-9-]*$/;
/** A reference without a slash or extension names a shipped pack; anything else is a file. */
function isPackReference(reference) {
    return PACK_NAME.test(reference);
}
function readPolicyReference(reference, source, relativeTo) {
    if (!isPackReference(reference))
        return source.readFile(reference, relativeTo);
    const pack = source.readPack(reference);
    if (!pack) {
        throw (0,errors/* configError */.Fj)(`unknown policy pack "${reference}" (shipped packs: ${source.packNames().join(', ')})`);
    }
    return pack;
}
/** Loads a policy and everything it extends; base rules come first and a rule with the same id overrides. */
function loadPolicy(reference, source) {
    const top = readPolicyReference(reference, source);
    const files = [];
    const { policy: header, rules, waivers } = resolve(top, source, [], files);
    // A policy without rules would pass every model: that is a mistake, not a policy.
    if (rules.length === 0)
        throw (0,errors/* configError */.Fj)(`policy "${header.metadata.name}" has no rules`, { path: top.path });
    const ruleIds = new Set(rules.map((rule) => rule.id));
    const stray = waivers.find((waiver) => !ruleIds.has(waiver.rule));
    // A misspelt rule id would waive nothing, silently: refuse it.
    if (stray)
        throw (0,errors/* configError */.Fj)(`waiver names rule "${stray.rule}", which this policy does not have`, stray.location);
    return {
        name: header.metadata.name,
        version: header.metadata.version,
        description: header.metadata.description,
        digest: `sha256:${(0,external_node_crypto_.createHash)('sha256').update(policyDigestContent({ name: header.metadata.name, version: header.metadata.version, rules, waivers })).digest('hex')}`,
        files,
        rules,
        waivers,
    };
}
function resolve(text, source, chain, files) {
    if (chain.includes(text.path)) {
        throw (0,errors/* configError */.Fj)(`policy extends itself: ${[...chain, text.path].join(' -> ')}`, { path: text.path });
    }
    const document = parseYaml(text.text, text.path, { errorCode: 'config' });
    const policy = (0,validate/* validateDocument */.mv)(document, PolicySchema, 'policy');
    const rules = new Map();
    const waivers = [];
    policy.extends.forEach((reference, index) => {
        const base = resolve(readExtended(reference, source, text.path, document.locate(['extends', index])), source, [...chain, text.path], files);
        for (const rule of base.rules)
            rules.set(rule.id, rule);
        waivers.push(...base.waivers);
    });
    files.push(text.path);
    const seen = new Set();
    policy.rules.forEach((rule, index) => {
        const location = document.locate(['rules', index]);
        if (seen.has(rule.id))
            throw (0,errors/* configError */.Fj)(`rule id "${rule.id}" is defined twice in this policy`, location);
        seen.add(rule.id);
        const expressionLocations = {};
        for (const field of ['when', 'for_each', 'check', 'message']) {
            if (rule[field] !== undefined)
                expressionLocations[field] = document.locate(['rules', index, field]);
        }
        // Deleting first keeps an overriding rule at the end, in the order a reader of this file expects.
        rules.delete(rule.id);
        rules.set(rule.id, { ...rule, location, expressionLocations });
    });
    policy.waivers.forEach((waiver, index) => waivers.push({ ...waiver, location: document.locate(['waivers', index]) }));
    return { policy, rules: [...rules.values()], waivers };
}
function readExtended(reference, source, from, at) {
    try {
        return readPolicyReference(reference, source, from);
    }
    catch (error) {
        if ((0,errors/* isModelgateError */.j$)(error) && error.location === undefined) {
            throw (0,errors/* configError */.Fj)(`extends "${reference}": ${error.message}`, at);
        }
        throw error;
    }
}
/**
 * The exact text a policy digest is the sha256 of: the canonical JSON (RFC 8785) of its name,
 * version, rules and waivers as resolved, without source positions. Evidence packs store it as
 * `policy.json`, so `sha256sum` of that file reproduces the digest in the records.
 */
function policyDigestContent(policy) {
    const content = {
        name: policy.name,
        version: policy.version,
        rules: policy.rules.map(({ location: _location, expressionLocations: _expressions, ...rule }) => rule),
        waivers: policy.waivers.map(({ location: _location, ...waiver }) => waiver),
    };
    return (0,canonicalize/* default */.A)(content) ?? '';
}

// EXTERNAL MODULE: ./src/github/contents.ts
var contents = __webpack_require__(33113);
;// CONCATENATED MODULE: ./src/github/trusted-source.ts







const MAX_POLICY_BYTES = 1024 * 1024;
/** A policy and everything it extends, read one file at a time: a bound against a cycle of missing files. */
const MAX_POLICY_FILES = 64;
class MissingFile extends Error {
    file;
    constructor(file) {
        super(`not fetched yet: ${file}`);
        this.file = file;
    }
}
/**
 * Loads `.modelgate.yml` and the policy it names (with everything the policy extends) from a
 * commit through the API. `loadPolicy` reads synchronously, so each file it asks for and does
 * not have yet is fetched and the load is tried again.
 */
async function loadSettingsAtRef(client, repository, ref, configPath, policyOverride, packs, originLabel, options = { configExplicit: false }) {
    const configFile = (0,contents/* normalizeRepoPath */.N)(configPath, '');
    const configBytes = await (options.config ?? (0,contents/* readFileAtRef */.Z)(client, repository, configFile, ref));
    if (!configBytes && options.configExplicit) {
        throw (0,errors/* configError */.Fj)(`the config ${configFile} (input "config") does not exist at ${originLabel}: create it there, or leave the input unset to use ${config_path/* DEFAULT_CONFIG_PATH */.B}`);
    }
    // No default config at a trusted commit that exists: discovery and the starter pack, as for the CLI, with a warning.
    const defaulted = configBytes
        ? undefined
        : `there is no ${configFile} at ${originLabel}: models are found by discovery and judged with the defaults (${policyOverride ? `policy ${policyOverride}` : 'the starter pack'})`;
    const repoConfig = parseRepoConfig(configBytes ? decode(configBytes, configFile) : '{}', configFile);
    const root = external_node_path_default().posix.dirname(configFile) === '.' ? '' : external_node_path_default().posix.dirname(configFile);
    const reference = policyOverride ?? repoConfig.config.policy;
    // An override names a repository path; the config's `policy` is relative to the config's folder.
    const topReference = isPackReference(reference) ? reference : (0,contents/* normalizeRepoPath */.N)(reference, policyOverride ? '' : root);
    const fetched = new Map();
    const source = {
        readFile(file, relativeTo) {
            if (relativeTo?.startsWith('pack:'))
                throw (0,errors/* configError */.Fj)(`${relativeTo} extends "${file}": a shipped pack can only extend packs`);
            const target = relativeTo ? (0,contents/* normalizeRepoPath */.N)(file, external_node_path_default().posix.dirname(relativeTo)) : (0,contents/* normalizeRepoPath */.N)(file, '');
            if (!fetched.has(target))
                throw new MissingFile(target);
            const text = fetched.get(target);
            if (text === null || text === undefined)
                throw (0,errors/* configError */.Fj)(`cannot read policy file ${target}: not found at ${originLabel}`);
            return { path: target, text };
        },
        readPack: (name) => packs.readPack(name),
        packNames: () => packs.packNames(),
    };
    for (let attempt = 0; attempt <= MAX_POLICY_FILES; attempt++) {
        try {
            const policy = (0,compile/* compilePolicy */.C_)(loadPolicy(topReference, source));
            return { repoConfig, policy, origin: originLabel, ref, ...(defaulted && { defaulted }) };
        }
        catch (error) {
            if (!(error instanceof MissingFile))
                throw error;
            const bytes = await (0,contents/* readFileAtRef */.Z)(client, repository, error.file, ref);
            if (bytes && bytes.length > MAX_POLICY_BYTES)
                throw (0,errors/* configError */.Fj)(`policy file ${error.file} is larger than ${MAX_POLICY_BYTES} bytes`);
            fetched.set(error.file, bytes ? decode(bytes, error.file) : null);
        }
    }
    throw (0,errors/* configError */.Fj)(`the policy extends more than ${MAX_POLICY_FILES} files`);
}
function decode(bytes, file) {
    try {
        return (0,io_workspace/* decodeText */.g7)(bytes, file);
    }
    catch (error) {
        throw (0,errors/* configError */.Fj)(`${file}: ${error.message}`);
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/io/policy-source.ts





const policy_source_MAX_POLICY_BYTES = 1024 * 1024;
/**
 * The shipped packs live in `policies/` at the package root, which sits above
 * both `src/io/` (tests) and `dist/<bundle>/` (bundles).
 */
function findPacksDir(from = external_node_path_default().dirname((0,external_node_url_.fileURLToPath)(import.meta.url))) {
    for (let dir = from, depth = 0; depth < 5; dir = external_node_path_default().dirname(dir), depth++) {
        const candidate = external_node_path_default().join(dir, 'policies');
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(candidate, 'starter.yaml')) && (0,external_node_fs_.existsSync)(external_node_path_default().join(dir, 'package.json')))
            return candidate;
    }
    return undefined;
}
/**
 * Reads policy files from disk. Display paths are relative to `cwd`; `extends` paths
 * are resolved against the folder of the file that names them.
 */
function createFsPolicySource(cwd, packsDir = findPacksDir()) {
    const absoluteOf = new Map();
    const read = (absolute, shown) => {
        let bytes;
        try {
            bytes = (0,external_node_fs_.readFileSync)(absolute);
        }
        catch (error) {
            const code = error.code;
            throw (0,errors/* configError */.Fj)(`cannot read policy file ${shown}: ${code === 'ENOENT' ? 'not found' : (code ?? error.message)}`);
        }
        if (bytes.length > policy_source_MAX_POLICY_BYTES)
            throw (0,errors/* configError */.Fj)(`policy file ${shown} is larger than ${policy_source_MAX_POLICY_BYTES} bytes`);
        let text;
        try {
            text = (0,io_workspace/* decodeText */.g7)(bytes, shown);
        }
        catch (error) {
            throw (0,errors/* configError */.Fj)(`policy file ${shown}: ${error.message}`);
        }
        absoluteOf.set(shown, absolute);
        return { path: shown, text };
    };
    return {
        readFile(file, relativeTo) {
            const base = relativeTo ? external_node_path_default().dirname(absoluteOf.get(relativeTo) ?? external_node_path_default().resolve(cwd, relativeTo)) : cwd;
            const absolute = external_node_path_default().resolve(base, file);
            return read(absolute, (0,io_workspace/* toPosix */.d7)(external_node_path_default().relative(cwd, absolute)) || absolute);
        },
        readPack(name) {
            if (!packsDir)
                return undefined;
            const absolute = external_node_path_default().join(packsDir, `${name}.yaml`);
            return (0,external_node_fs_.existsSync)(absolute) ? read(absolute, `pack:${name}`) : undefined;
        },
        packNames() {
            if (!packsDir)
                return [];
            return (0,external_node_fs_.readdirSync)(packsDir)
                .filter((file) => file.endsWith('.yaml'))
                .map((file) => file.slice(0, -'.yaml'.length))
                .sort();
        },
    };
}

;// CONCATENATED MODULE: ./src/report/render.ts



const REPORT_FORMATS = (/* unused pure expression or super */ null && (['text', 'json', 'markdown']));
function renderDecision(decision, format, options = {}) {
    switch (format) {
        case 'json':
            return renderJson(decision);
        case 'markdown':
            return renderMarkdown(decision);
        case 'text':
            return renderText(decision, options);
    }
}
function renderJson(decision) {
    return `${JSON.stringify(decision, null, 2)}\n`;
}
/** Statuses a reader must act on, in the order they are shown. */
const ATTENTION = ['error', 'fail', 'warn', 'waived'];
function needsAttention(result) {
    return ATTENTION.includes(result.status);
}
function ordered(results) {
    return results.filter(needsAttention).sort((a, b) => ATTENTION.indexOf(a.status) - ATTENTION.indexOf(b.status));
}
function counts(model) {
    const tally = new Map();
    for (const result of model.results)
        tally.set(result.status, (tally.get(result.status) ?? 0) + 1);
    return [...tally.entries()].map(([status, count]) => `${count} ${status}`).join(', ');
}
function modelTitle(model) {
    return model.version ? `${model.name} ${model.version}` : model.name;
}
function summaryLine(decision) {
    const blocked = decision.models.filter((model) => model.verdict === 'fail').length;
    const warned = decision.models.filter((model) => model.verdict === 'warn').length;
    const total = decision.models.length;
    return `verdict: ${decision.verdict} — ${blocked} of ${total} model${total === 1 ? '' : 's'} blocked, ${warned} passed with warnings`;
}
const ANSI = { red: [31, 39], yellow: [33, 39], green: [32, 39], cyan: [36, 39], dim: [2, 22], bold: [1, 22] };
const STATUS_STYLE = { error: 'red', fail: 'red', warn: 'yellow', waived: 'cyan', pass: 'green', skipped: 'dim' };
const VERDICT_STYLE = { fail: 'red', warn: 'yellow', pass: 'green' };
const VERDICT_MARK = { fail: '✗', warn: '!', pass: '✓' };
/**
 * Artefact text shown in a terminal or a CI log on one line, with control characters made
 * visible: a message must not start a line of its own (a `::command::` on a runner) or move
 * the cursor.
 */
function printable(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => (char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? ' ' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
function renderText(decision, options = {}) {
    const paint = (style, text) => (options.color ? `\u001b[${ANSI[style][0]}m${text}\u001b[${ANSI[style][1]}m` : text);
    const lines = [`policy ${decision.policy.name} ${decision.policy.version} (${decision.policy.digest.slice(0, 19)}…)`, ''];
    for (const model of decision.models) {
        const verdict = paint(VERDICT_STYLE[model.verdict], `${VERDICT_MARK[model.verdict]} ${model.verdict}`);
        lines.push(`${verdict}  ${paint('bold', printable(modelTitle(model)))}  ${paint('dim', `(${counts(model)})`)}`);
        for (const result of ordered(model.results)) {
            lines.push(`    ${paint(STATUS_STYLE[result.status], result.status.toUpperCase().padEnd(6))} ${printable(result.rule)}: ${printable(result.message)}`);
            if (result.location)
                lines.push(`           ${paint('dim', printable(formatLocation(result.location)))}`);
        }
    }
    if (decision.notices.length > 0) {
        lines.push('', ...decision.notices.map((notice) => `${paint('yellow', 'notice')} ${notice}`));
    }
    lines.push('', paint(VERDICT_STYLE[decision.verdict], summaryLine(decision)));
    return `${lines.join('\n')}\n`;
}
const MARKDOWN_MARK = { error: '⛔ error', fail: '❌ fail', warn: '⚠️ warn', waived: '🔕 waived', pass: '✅ pass', skipped: '➖ skipped' };
/** Markdown for PR comments and job summaries: a table of models, then what needs attention per model. */
function renderMarkdown(decision) {
    const escape = report_findings/* escapeTableCell */.aL;
    const lines = [
        `## modelgate: ${decision.verdict.toUpperCase()}`,
        '',
        `Policy \`${decision.policy.name}\` ${decision.policy.version} (\`${decision.policy.digest}\`)`,
        '',
        '| model | version | verdict | results |',
        '|---|---|---|---|',
        ...decision.models.map((model) => `| ${escape(model.name)} | ${escape(model.version ?? '—')} | ${model.verdict} | ${counts(model)} |`),
    ];
    for (const model of decision.models) {
        const findings = ordered(model.results);
        if (findings.length === 0)
            continue;
        lines.push('', `### ${escape(modelTitle(model))}`, '', '| status | rule | message | location | controls |', '|---|---|---|---|---|');
        for (const result of findings) {
            const location = result.location ? `\`${escape((0,document_location/* formatLocation */.j$)(result.location))}\`` : '';
            lines.push(`| ${MARKDOWN_MARK[result.status]} | \`${result.rule}\` | ${escape(result.message)} | ${location} | ${escape(result.controls.join(', '))} |`);
        }
    }
    if (decision.notices.length > 0)
        lines.push('', ...decision.notices.map((notice) => `> ⚠️ ${escape(notice)}`));
    lines.push('', summaryLine(decision));
    const coverage = coverageLine(decision);
    if (coverage)
        lines.push('', escape(coverage));
    return `${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/version.ts + 1 modules
var version = __webpack_require__(71013);
// EXTERNAL MODULE: ./src/action/audit.ts
var audit = __webpack_require__(40913);
;// CONCATENATED MODULE: ./src/action/settings.ts








/**
 * The config and policy of the checked-out commit, for events whose checkout is already
 * trusted (a tag, a release, a branch, a manual run). Paths are shown relative to the
 * repository root, as GitHub needs them for annotations.
 */
async function loadLocalSettings(root, configPath, policyOverride, options = { configExplicit: false }) {
    const configFile = (0,io_workspace/* toPosix */.d7)(external_node_path_default().normalize(configPath));
    let text;
    try {
        const bytes = await (0,promises_.readFile)(external_node_path_default().resolve(root, configFile));
        text = (0,io_workspace/* decodeText */.g7)(bytes, configFile);
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw (0,errors/* configError */.Fj)(`${configFile}: ${error.message}`);
        if (options.configExplicit)
            throw (0,errors/* configError */.Fj)(`the config ${configFile} (input "config") does not exist in the checked-out commit`);
    }
    const defaulted = text === undefined ? `there is no ${configFile} in the checked-out commit: models are found by discovery and judged with the defaults (${policyOverride ? `policy ${policyOverride}` : 'the starter pack'})` : undefined;
    text ??= '{}';
    const repoConfig = parseRepoConfig(text, configFile);
    const reference = policyOverride ?? repoConfig.config.policy;
    const configDir = external_node_path_default().posix.dirname(configFile);
    const resolved = isPackReference(reference) ? reference : policyOverride ? reference : external_node_path_default().posix.join(configDir, reference);
    const policy = (0,compile/* compilePolicy */.C_)(loadPolicy(resolved, createFsPolicySource(root)));
    return { repoConfig, policy, origin: 'the checked-out commit', ...(defaulted && { defaulted }) };
}

;// CONCATENATED MODULE: ./src/action/judge.ts

























/** The job summary may hold 1 MiB per step. */
const SUMMARY_LIMIT = 1024 * 1024 - 1024;
/**
 * Everything from the trusted policy and config on: models and approvals → Decision → audit,
 * attestation, check run, comment, summary, SARIF. Returns why the step fails, if it does.
 */
async function judge(run, outputs, location) {
    const { io, inputs, target, client, repository, decisionId, runUrl, clock, auditGitHub } = run;
    const env = io.env;
    const settings = await loadSettings(run, location);
    const { repoConfig, policy } = settings;
    // The trusted config's limit applies from here, counted from the start of the run.
    clock.arm(repoConfig.config.limits.max_run_seconds);
    clock.check();
    io.log.info(`policy ${policy.name} ${policy.version} (${policy.digest}) and ${repoConfig.path} read from ${settings.origin}`);
    run.notes.push(`Policy and config read from ${settings.origin}.`);
    if (settings.defaulted) {
        io.log.warning(settings.defaulted);
        run.notes.push(`Warning: ${settings.defaulted}.`);
    }
    const workspaceRoot = external_node_path_default().resolve(env.GITHUB_WORKSPACE ?? process.cwd());
    const configDir = external_node_path_default().posix.dirname((0,io_workspace/* toPosix */.d7)(external_node_path_default().normalize(inputs.config)));
    const prefix = configDir === '.' ? '' : configDir;
    let workspace = (0,io_workspace/* createFsWorkspace */.FP)(external_node_path_default().join(workspaceRoot, prefix), prefix);
    const selection = await judge_selectModels(run, settings, workspace, prefix);
    const policyDiff = selection.policyChanged.length > 0 ? await diffChangedPolicy(run, settings) : undefined;
    const { approvals, headApprovals } = await gatherApprovals(run, settings);
    if (target.kind === 'release' && target.release.id !== undefined && selection.names?.length === 1) {
        const model = (await listModels(repoConfig, workspace)).find((entry) => entry.model.name === selection.names[0]);
        if (model) {
            const { overlayReleaseAssets } = await __webpack_require__.e(/* import() */ 382).then(__webpack_require__.bind(__webpack_require__, 382));
            const overlay = await overlayReleaseAssets(client, repository, { id: target.release.id, tag: target.release.tag }, model.model.path, workspace, {
                tempDir: external_node_path_default().join(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'modelgate'),
                maxBytes: repoConfig.config.limits.max_file_bytes,
                log: io.log,
            });
            if (overlay) {
                workspace = overlay.workspace;
                run.notes.push(`Release assets read as artefacts of ${model.model.name}: ${overlay.names.join(', ')}.`);
            }
        }
    }
    const now = io.now();
    // Nothing to judge (no model selected, or only a policy change): a pass that the findings below may turn.
    const noModelsJudged = { verdict: 'pass', policy: { name: policy.name, version: policy.version, digest: policy.digest }, models: [], notices: [] };
    let subjects = [];
    let decision;
    if (selection.names !== undefined && selection.names.length === 0) {
        decision = noModelsJudged;
        io.log.info(selection.reason ?? 'no model to check');
        run.notes.push(selection.reason ?? 'No model to check.');
    }
    else {
        // Rules that read `previous` compare with the model's previous approved decision in the audit trail.
        // Without an audit store there is no earlier decision to read, nor a store client to load.
        const previousDecisions = inputs.audit
            ? await (await Promise.all(/* import() */[__webpack_require__.e(374), __webpack_require__.e(106)]).then(__webpack_require__.bind(__webpack_require__, 53106))).lookupPreviousDecisions(policy, inputs.audit, { cwd: workspaceRoot, ...(auditGitHub && { github: auditGitHub }) })
            : undefined;
        clock.check();
        subjects = await gatherSubjects({ repoConfig, policy, workspace, models: selection.names ?? [], approvals, now, ...(previousDecisions && { previousDecisions }) });
        const policyFinding = selection.policyChanged.length > 0 || selection.policyUnknown !== undefined;
        if (subjects.length === 0 && !policyFinding) {
            throw new errors/* ModelgateError */.HJ('usage', `no models found: list them under "models" in ${repoConfig.path}, or put them in the discovery folders`);
        }
        decision = subjects.length > 0 ? evaluate_evaluate(policy, subjects, { now }) : noModelsJudged;
    }
    if (target.kind === 'pull_request' && (selection.policyChanged.length > 0 || selection.policyUnknown !== undefined)) {
        const github = repoConfig.config.github;
        // A policy change is approved only by reviews of the head commit, whatever `require_latest_head` says.
        const result = selection.policyUnknown !== undefined
            ? policyUnknownResult(selection.policyUnknown, repoConfig.path)
            : policyChangeResult(selection.policyChanged, headApprovals, { owners: github.policy_owners, required: github.policy_owner_approvals, author: target.author });
        io.log.info(`${result.rule}: ${result.status}: ${result.message}`);
        decision = addResult(decision, result);
    }
    // A verdict reached after the limit is not given out.
    clock.check();
    outputs.verdict = decision.verdict;
    outputs['blocked-models'] = JSON.stringify((0,report_findings/* blockedModels */.zB)(decision));
    outputs['failed-rules'] = JSON.stringify((0,report_findings/* failedRules */.VJ)(decision));
    const reportDir = external_node_path_default().join(env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'modelgate');
    await (0,promises_.mkdir)(reportDir, { recursive: true });
    const reportPath = external_node_path_default().join(reportDir, `decision-${decisionId}.json`);
    await (0,promises_.writeFile)(reportPath, renderJson(decision));
    outputs['report-json'] = reportPath;
    // Past the run's time limit nothing is recorded: a late decision is no decision.
    clock.check();
    // The decision is recorded before it is published: a check run never shows a verdict that is not in the audit trail.
    let auditFailure;
    if (inputs.audit) {
        try {
            const { records, store } = await (0,audit/* recordDecisions */.T)(decision, subjects, {
                url: inputs.audit,
                cwd: workspaceRoot,
                actor: env.GITHUB_ACTOR ?? 'github-actions',
                trigger: { type: triggerType(target), ref: target.ref, ...(runUrl && { url: runUrl }) },
                now,
                ...(auditGitHub && { github: auditGitHub }),
                ...(policyDiff && 'to' in policyDiff && { policyChange: policyChangeOf(policyDiff, selection.policyChanged) }),
            });
            if (records.length > 0)
                io.log.info(`audit: ${records.length} record${records.length === 1 ? '' : 's'} appended to ${store} (seq ${records[0].seq}-${records.at(-1).seq})`);
        }
        catch (error) {
            if (!(error instanceof audit/* AuditFailure */.Y))
                throw error;
            auditFailure = error.message;
            io.log.error(`modelgate: ${auditFailure}`);
            run.notes.push(`The run fails: ${auditFailure}`);
        }
    }
    // Attested after it is recorded, before it is published: a decision that is not in the audit trail is not attested either.
    let attestFailure;
    if (inputs.attest && !auditFailure) {
        if (run.readOnly)
            run.notes.push(`No attestation was made: ${run.readOnly} (and no OIDC token to sign with).`);
        else {
            clock.check();
            try {
                const made = await attestDecision(run, decision, subjects, settings, { now, prefix, reportDir });
                outputs.attestations = JSON.stringify(made);
            }
            catch (error) {
                if (!(error instanceof attest/* AttestationFailure */.ls))
                    throw error;
                attestFailure = `attest: ${error.message}`;
                io.log.error(`modelgate: ${attestFailure}`);
                run.notes.push(`The run fails: ${attestFailure}`);
            }
        }
    }
    const recordFailure = auditFailure ?? attestFailure;
    const problems = await publish(run, decision, recordFailure, policyDiff);
    if (inputs.sarif) {
        const sarifPath = external_node_path_default().resolve(workspaceRoot, inputs.sarif);
        await (0,promises_.mkdir)(external_node_path_default().dirname(sarifPath), { recursive: true });
        const { renderSarif } = await __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 10643));
        await (0,promises_.writeFile)(sarifPath, renderSarif(decision, { toolVersion: version/* VERSION */.x, rules: ruleInfo(settings), fallbackPath: repoConfig.path }));
        io.log.info(`SARIF written to ${inputs.sarif}`);
    }
    if (auditFailure)
        throw new audit/* AuditFailure */.Y(auditFailure);
    if (attestFailure)
        throw new attest/* AttestationFailure */.ls(attestFailure);
    const blocked = (0,report_findings/* blockedModels */.zB)(decision);
    const summaryLine = `verdict ${decision.verdict}${blocked.length ? `: blocked ${blocked.join(', ')}` : ''}`;
    io.log.info(`modelgate: ${summaryLine} (decision ${decisionId})`);
    if (problems.length > 0)
        return `modelgate: ${summaryLine}; but the result could not be published: ${problems.join('; ')}`;
    if ((0,report_findings/* verdictBlocks */.wx)(decision.verdict, run.failOn)) {
        const rules = (0,report_findings/* failedRules */.VJ)(decision);
        return `modelgate: ${summaryLine}${rules.length ? ` (rules: ${rules.join(', ')})` : ''}; see the job summary${decision.verdict === 'warn' ? ' (fail-on: warn)' : ''}`;
    }
    return undefined;
}
/** The policy and config: through the API at the trusted ref (the config already requested), or from the checkout. */
async function loadSettings(run, location) {
    const { inputs, client, repository, io } = run;
    const options = settingsOptions(inputs);
    if (location) {
        const packs = createFsPolicySource(process.cwd());
        return loadSettingsAtRef(client, repository, location.ref, inputs.config, inputs.policy, packs, location.origin, { ...options, config: location.config });
    }
    return loadLocalSettings(external_node_path_default().resolve(io.env.GITHUB_WORKSPACE ?? process.cwd()), inputs.config, inputs.policy, options);
}
/** A `config` input other than the default must exist where it is read. */
function settingsOptions(inputs) {
    return { configExplicit: external_node_path_default().posix.normalize(inputs.config.replace(/\\/g, '/')) !== config_path/* DEFAULT_CONFIG_PATH */.B };
}
async function judge_selectModels(run, settings, workspace, prefix) {
    const { inputs, target, io } = run;
    const requested = inputs.models;
    const mode = requested === undefined ? (target.kind === 'pull_request' ? 'changed' : 'all') : requested === 'all' || requested === 'changed' ? requested : 'named';
    if (target.kind !== 'pull_request') {
        if (mode === 'named')
            return { names: (0,github_event/* splitList */.ry)(requested), policyChanged: [] };
        if (mode === 'changed')
            io.log.info(`models: changed applies to pull requests; a ${target.event} event checks all models`);
        const named = target.kind === 'release' || target.kind === 'tag' ? (target.tag ? [target.tag.model] : []) : target.models;
        if (named.length === 0)
            return { names: undefined, policyChanged: [] };
        const known = new Set((await listModels(settings.repoConfig, workspace)).map((entry) => entry.model.name));
        const unknown = named.filter((name) => !known.has(name));
        if (unknown.length > 0) {
            io.log.warning(`${target.ref || target.event} names ${unknown.map((name) => `"${name}"`).join(', ')}, which is not a model of ${settings.repoConfig.path}: checking all models`);
            return { names: undefined, policyChanged: [] };
        }
        return { names: named, policyChanged: [] };
    }
    const { pullRequest } = target;
    const changed = await listChangedFiles(run.client, run.repository, pullRequest.number, pullRequest.changedFiles);
    const policyFiles = {
        config: settings.repoConfig.path,
        policy: settings.policy.files.filter((file) => !file.startsWith('pack:')),
        globs: settings.repoConfig.config.github.policy_paths,
    };
    let policyChanged = changedPolicyFiles(changed.paths, policyFiles);
    let policyUnknown;
    if (changed.incomplete) {
        // The list may miss a policy file: compare the policy files of the two commits instead.
        const compared = await comparePolicyFiles(run, policyFiles);
        if ('unknown' in compared)
            policyUnknown = compared.unknown;
        else
            policyChanged = [...new Set([...policyChanged, ...compared.changed])].sort();
    }
    if (policyChanged.length > 0)
        io.log.warning(`this pull request changes the policy: ${policyChanged.join(', ')}`);
    if (policyUnknown)
        io.log.warning(`cannot rule out a policy change: ${policyUnknown}`);
    const policy = { policyChanged, ...(policyUnknown !== undefined && { policyUnknown }) };
    if (mode === 'named')
        return { names: (0,github_event/* splitList */.ry)(requested), ...policy };
    if (mode === 'all')
        return { names: undefined, ...policy };
    if (changed.incomplete) {
        io.log.warning('GitHub did not list every changed file of this pull request (more than 3000): checking all models');
        return { names: undefined, ...policy };
    }
    // A change of the policy concerns every model it judges.
    if (policyChanged.length > 0)
        return { names: undefined, policyChanged };
    const models = await listModels(settings.repoConfig, workspace);
    const inRoot = changed.paths.map((file) => (prefix ? (file.startsWith(`${prefix}/`) ? file.slice(prefix.length + 1) : undefined) : file)).filter((file) => file !== undefined);
    const names = models
        .filter(({ model }) => {
        const folder = model.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
        return inRoot.some((file) => folder === '' || folder === '.' || file === folder || file.startsWith(`${folder}/`));
    })
        .map(({ model }) => model.name);
    io.log.info(names.length > 0 ? `models changed by this pull request: ${names.join(', ')}` : `no model folder is changed by this pull request (${changed.paths.length} files)`);
    return { names, policyChanged, reason: names.length === 0 ? 'No model is changed by this pull request: nothing to check.' : undefined };
}
/**
 * The policy files of the base and the head commit, compared by blob SHA through the trees API
 * (one request per commit, every file, `policy_paths` globs and workflows included).
 */
async function comparePolicyFiles(run, files) {
    const { target, client, repository } = run;
    if (target.kind !== 'pull_request')
        return { changed: [] };
    const { baseSha, headSha } = target.pullRequest;
    try {
        const [base, head] = [await readTreeShas(client, repository, baseSha), await readTreeShas(client, repository, headSha)];
        if (!base || !head)
            return { unknown: `GitHub did not list every changed file (more than 3000), and its file tree of ${base ? 'the head' : 'the base'} commit is truncated` };
        return { changed: diffPolicyTrees(base, head, files) };
    }
    catch (error) {
        if (!(0,github_client/* isRequestError */.eK)(error))
            throw error;
        return { unknown: `GitHub did not list every changed file (more than 3000), and the policy files of the base and head commits could not be compared (${(0,github_client/* describeRequestError */.tM)(error)})` };
    }
}
/**
 * Who may not approve this change: on pull requests the author, the authors and committers of
 * its commits, and whoever started or re-ran the run (except the reviewer whose review started
 * a `pull_request_review` run); otherwise the person who started the change (the sender, the
 * release's author, the deployment's creator), the run's actor and whoever re-ran it.
 */
async function excludedApprovers(run) {
    const { target, client, repository, io } = run;
    const excluded = new Map();
    const actor = io.env.GITHUB_ACTOR;
    const triggering = io.env.GITHUB_TRIGGERING_ACTOR;
    if (target.kind === 'pull_request') {
        exclude(excluded, target.author, 'is the author');
        try {
            for (const login of await listCommitLogins(client, repository, target.pullRequest.number))
                exclude(excluded, login, 'authored or committed a commit of this pull request');
        }
        catch (error) {
            if (!(0,github_client/* isRequestError */.eK)(error))
                throw error;
            io.log.warning(`the commits of this pull request could not be listed (${(0,github_client/* describeRequestError */.tM)(error)}): only the author's approval is left out, not those of the other authors and committers of its commits`);
        }
        if (target.event !== 'pull_request_review')
            exclude(excluded, actor, 'started this run');
        if (triggering && (target.event !== 'pull_request_review' || triggering.toLowerCase() !== actor?.toLowerCase()))
            exclude(excluded, triggering, 're-ran this run');
        return excluded;
    }
    exclude(excluded, target.author, 'started this change');
    exclude(excluded, actor, 'started this change');
    exclude(excluded, triggering, 're-ran this run');
    return excluded;
}
/**
 * The approvals the policy sees, and for `policy.changed` the reviews given on the head commit
 * only (a policy change is never approved by a review of an older commit).
 */
async function gatherApprovals(run, settings) {
    const { target, client, teamsClient, repository, io } = run;
    const github = settings.repoConfig.config.github;
    const approvals = [];
    let headApprovals = [];
    const excluded = await excludedApprovers(run);
    if (target.kind === 'pull_request') {
        const reviews = await listReviews(client, repository, target.pullRequest.number);
        const options = { excluded, headSha: target.pullRequest.headSha };
        const fromReviews = approvalsFromReviews(reviews, { ...options, requireLatestHead: github.approvals.require_latest_head });
        for (const note of fromReviews.notes)
            io.log.info(note);
        approvals.push(...fromReviews.approvals);
        headApprovals = approvalsFromReviews(reviews, { ...options, requireLatestHead: true }).approvals;
    }
    const runId = Number(io.env.GITHUB_RUN_ID);
    if (Number.isSafeInteger(runId) && runId > 0 && target.kind !== 'pull_request') {
        approvals.push(...(await listEnvironmentApprovals(client, repository, runId, excluded, io.log)));
    }
    const teams = [...new Set([...github.teams, ...github.policy_owners])];
    if (teams.length === 0 || (approvals.length === 0 && headApprovals.length === 0))
        return { approvals, headApprovals };
    const lookup = await resolveTeams(teamsClient, repository.owner, teams, io.log);
    const resolved = withTeams(approvals, lookup);
    for (const approval of resolved)
        io.log.info(`approval: ${approval.user} (${approval.state}, ${approval.source}${approval.teams.length ? `, teams ${approval.teams.join(', ')}` : ''})`);
    return { approvals: resolved, headApprovals: withTeams(headApprovals, lookup) };
}
/** Check run, sticky comment, annotations and job summary. Returns what could not be published (failing the step). */
async function publish(run, decision, auditFailure, policyDiff) {
    const { io, inputs, target, client, repository } = run;
    const problems = [];
    const skipped = [];
    const failOn = run.failOn;
    let checkRunPublished = false;
    if (inputs['check-run']) {
        if (run.readOnly)
            skipped.push('the check run');
        else {
            try {
                const published = await publishCheckRun(client, repository, {
                    headSha: target.sha,
                    // A decision that is not in the audit trail never passes.
                    conclusion: auditFailure ? 'failure' : checkConclusion(decision.verdict, failOn),
                    output: renderCheckOutput(decision, { failOn, notes: run.notes, ...(auditFailure && { failure: auditFailure }), ...(run.runUrl && { detailsUrl: run.runUrl }) }),
                    annotations: renderAnnotations(decision),
                    externalId: run.decisionId,
                    ...(run.runUrl && { detailsUrl: run.runUrl }),
                });
                checkRunPublished = true;
                io.log.info(`check run "modelgate" published${published.url ? `: ${published.url}` : ''} (${published.annotationRequests} request${published.annotationRequests === 1 ? '' : 's'} with annotations)`);
            }
            catch (error) {
                if (error instanceof document_limits/* RunTimeLimitExceeded */.v8)
                    throw error;
                if ((0,github_client/* isPermissionDenied */.T1)(error))
                    io.log.warning(`the check run was not published (${(0,github_client/* describeRequestError */.tM)(error)}): give the job "permissions: checks: write"`);
                else
                    problems.push(`check run: ${(0,github_client/* describeRequestError */.tM)(error)}`);
            }
        }
    }
    if (inputs.comment && target.kind === 'pull_request') {
        if (run.readOnly)
            skipped.push('the pull-request comment');
        else {
            try {
                const existing = await findStickyComment(client, repository, target.pullRequest.number);
                const body = renderStickyComment(decision, {
                    failOn,
                    decisionId: run.decisionId,
                    notes: run.notes,
                    ...(run.runUrl && { runUrl: run.runUrl }),
                    ...(existing?.state && { previous: existing.state }),
                    ...(policyDiff && { policyDiff }),
                });
                const result = await publishStickyComment(client, repository, target.pullRequest.number, body, existing, { create: decision.models.length > 0 });
                io.log.info(`pull-request comment ${result.action}${result.url ? `: ${result.url}` : ''}`);
            }
            catch (error) {
                if (error instanceof document_limits/* RunTimeLimitExceeded */.v8)
                    throw error;
                if ((0,github_client/* isPermissionDenied */.T1)(error))
                    io.log.warning(`the pull-request comment was not published (${(0,github_client/* describeRequestError */.tM)(error)}): give the job "permissions: pull-requests: write"`);
                else
                    problems.push(`pull-request comment: ${(0,github_client/* describeRequestError */.tM)(error)}`);
            }
        }
    }
    if (skipped.length > 0) {
        const line = `${skipped.join(' and ')} ${skipped.length === 1 ? 'was' : 'were'} skipped: ${run.readOnly}. The job summary, the annotations and the outputs carry the result.`;
        io.log.info(line.charAt(0).toUpperCase() + line.slice(1));
        run.notes.push(line.charAt(0).toUpperCase() + line.slice(1));
    }
    // Without a check run, findings still reach the diff as workflow annotations.
    if (!checkRunPublished) {
        for (const { model, result } of (0,report_findings/* findingsOf */.WX)(decision, ['error', 'fail', 'warn'])) {
            const located = (0,report_findings/* isRepositoryPath */.og)(result.location) ? result.location : undefined;
            io.annotate(result.status === 'warn' ? 'warning' : 'error', result.message, {
                title: `modelgate ${result.rule} (${model.name})`,
                ...(located && { file: located.path, ...(located.line !== undefined && { startLine: located.line }), ...(located.column !== undefined && { startColumn: located.column }) }),
            });
        }
    }
    const summary = [
        renderMarkdown(decision).trimEnd(),
        '',
        ...(policyDiff ? [renderPolicyDiff(policyDiff), ''] : []),
        ...run.notes.map((note) => `> ${(0,report_findings/* escapeMarkdown */.FV)(note)}`),
        '',
        `<sub>decision \`${run.decisionId}\` · fail-on \`${failOn}\` · modelgate ${version/* VERSION */.x}</sub>`,
        '',
    ].join('\n');
    try {
        await io.summary((0,report_findings/* truncate */.xv)(summary, SUMMARY_LIMIT));
    }
    catch (error) {
        io.log.warning(`the job summary could not be written: ${(0,errors/* describeError */.Uc)(error)}`);
    }
    return problems;
}
/** The audit trail's record of a pull request's policy change: from the base policy to the head's. */
function policyChangeOf(report, paths) {
    const ref = (policy) => (policy.digest ? { name: policy.name, version: policy.version, digest: policy.digest } : undefined);
    const previous = ref(report.from) ?? null;
    const after = ref(report.to);
    return { previous, ...(after && { policy: after }), paths };
}
/**
 * `policy diff` of the trusted policy and the one the pull request's head would load, for the
 * comment and the job summary. The head's policy is read through the API and compiled, never
 * evaluated: it explains the change, it does not judge anything. When it cannot be read or is
 * invalid, the report says why.
 */
async function diffChangedPolicy(run, settings) {
    const { target, client, repository, inputs } = run;
    if (target.kind !== 'pull_request')
        return undefined;
    const from = { name: settings.policy.name, version: settings.policy.version, origin: settings.origin, digest: settings.policy.digest };
    const headSha = target.pullRequest.headSha;
    const origin = `the head commit ${headSha.slice(0, 12)}`;
    const options = settingsOptions(inputs);
    try {
        const head = await loadSettingsAtRef(client, repository, headSha, inputs.config, inputs.policy, createFsPolicySource(process.cwd()), origin, options);
        const { diffPolicies } = await __webpack_require__.e(/* import() */ 839).then(__webpack_require__.bind(__webpack_require__, 22839));
        return { from, to: { name: head.policy.name, version: head.policy.version, origin, digest: head.policy.digest }, changes: diffPolicies(settings.policy, head.policy) };
    }
    catch (error) {
        if ((0,errors/* isModelgateError */.j$)(error) && !(error instanceof document_limits/* RunTimeLimitExceeded */.v8))
            return { from, unreadable: error.message };
        if ((0,github_client/* isRequestError */.eK)(error))
            return { from, unreadable: `GitHub did not give it (${(0,github_client/* describeRequestError */.tM)(error)})` };
        throw error;
    }
}
/**
 * One SLSA verification summary attestation per judged model, signed and stored; the predicate
 * of each is also written next to the report, so a later step can attest a container image
 * with it. Models without an artefact file have no subject to attest and are named in a note.
 */
async function attestDecision(run, decision, subjects, settings, context) {
    const { repository, target, serverUrl, io } = run;
    const repositoryUrl = `git+${serverUrl.replace(/\/+$/, '')}/${repository.owner}/${repository.repo}`;
    const atCommit = (file) => `${repositoryUrl}@${target.sha}#${file}`;
    const topFile = settings.policy.files.at(-1) ?? '';
    const policyUri = topFile.startsWith('pack:')
        ? `git+https://github.com/modelgate/modelgate@v${version/* VERSION */.x}#policies/${topFile.slice('pack:'.length)}.yaml`
        : `${repositoryUrl}@${settings.ref ?? target.sha}#${topFile}`;
    const sigstore = (0,attest/* sigstoreInstanceFor */.XQ)(run.payload);
    const { buildVerificationStatement } = await __webpack_require__.e(/* import() */ 344).then(__webpack_require__.bind(__webpack_require__, 61344));
    const made = [];
    const unattested = [];
    for (const model of decision.models) {
        const subject = subjects.find((candidate) => candidate.model.name === model.name);
        const folder = subject ? external_node_path_default().posix.normalize(external_node_path_default().posix.join(context.prefix, (0,io_workspace/* toPosix */.d7)(subject.model.path))).replace(/\/+$/, '') : '';
        const statement = buildVerificationStatement(decision, model, subject, {
            decisionId: run.decisionId,
            time: context.now,
            verifierVersion: version/* VERSION */.x,
            resourceUri: atCommit(folder === '.' ? '' : folder),
            policyUri,
            artefactUri: (file) => ((0,report_findings/* isRepositoryPath */.og)({ path: file }) ? atCommit(file) : undefined),
        });
        if (!statement) {
            unattested.push(model.name);
            continue;
        }
        run.clock.check();
        let stored;
        try {
            stored = await (0,attest/* createAttestation */.l8)(run.client, repository, statement, { sigstore, serverUrl });
        }
        catch (error) {
            if (!(error instanceof attest/* AttestationFailure */.ls) || decision.models.length === 1)
                throw error;
            const before = made.length > 0 ? `; attested before it: ${made.map((entry) => `${entry.model} (${entry.url})`).join(', ')}` : '';
            throw new attest/* AttestationFailure */.ls(`${model.name}: ${error.message}${before}`, { cause: error });
        }
        const predicate = external_node_path_default().join(context.reportDir, `attestation-${run.decisionId}-${model.name.replace(/[^\w.-]/g, '_')}.json`);
        await (0,promises_.writeFile)(predicate, `${JSON.stringify(statement.predicate, null, 2)}\n`);
        io.log.info(`attestation for ${model.name} (${statement.predicate.verificationResult}, ${statement.subject.length} subject${statement.subject.length === 1 ? '' : 's'}): ${stored.url}`);
        made.push({ model: model.name, verificationResult: statement.predicate.verificationResult, id: stored.id, url: stored.url, predicate });
    }
    if (unattested.length > 0) {
        const line = `No attestation for ${unattested.join(', ')}: no artefact file was judged, so there is nothing to attest.`;
        io.log.warning(line);
        run.notes.push(line);
    }
    if (made.length > 0)
        run.notes.push(`Attestations: ${made.map((entry) => `${entry.model} ${entry.verificationResult} (${entry.url})`).join(', ')}.`);
    return made;
}
function ruleInfo(settings) {
    return Object.fromEntries(settings.policy.rules.map((rule) => [rule.id, { description: rule.description, severity: rule.severity, controls: rule.controls }]));
}
function triggerType(target) {
    switch (target.kind) {
        case 'pull_request':
            return 'pull_request';
        case 'release':
        case 'tag':
        case 'deployment':
            return 'release';
        default:
            return 'cli';
    }
}


/***/ }),

/***/ 55254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D_: () => (/* binding */ ARTEFACT_KINDS),
/* harmony export */   LT: () => (/* binding */ ApprovalSchema),
/* harmony export */   Qy: () => (/* binding */ ArtefactKindSchema),
/* harmony export */   dP: () => (/* binding */ EVIDENCE_SCHEMAS)
/* harmony export */ });
/* unused harmony exports LocationSchema, SourceFileSchema, EvaluationResultSchema, ModelCardSchema, DatasetSchema, LineageSchema, BiasMetricSchema, BiasSchema, WindowSchema, DriftFeatureSchema, DriftSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13798);

/**
 * The normalized evidence every adapter produces. Policies are written against
 * these shapes only, so a new real-world format never changes a policy or the engine.
 */
const ARTEFACT_KINDS = ['model_card', 'lineage', 'bias', 'drift'];
const ArtefactKindSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(ARTEFACT_KINDS);
/**
 * A source location. Checked by shape only (its `path`), never read field by field:
 * parsers hand out locations whose line is computed on first use, so validating
 * evidence must not force every item's line to be worked out.
 */
const LocationSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY((value) => typeof value === 'object' && value !== null && typeof value.path === 'string', { message: 'must be a source location' });
/** A finite number: NaN and ±Infinity are never accepted as a metric, so they can never pass a threshold. */
const finite = zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().refine(Number.isFinite, { message: 'must be a finite number (not NaN or Infinity)' });
const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().trim().min(1);
/**
 * A plain object of named values. (Its keys are strings: JSON and YAML give no symbol keys,
 * and a symbol-keyed property is invisible to JSON, CEL and reports alike.)
 */
function isRecord(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return false;
    const prototype = Object.getPrototypeOf(value);
    return (prototype === null || prototype === Object.prototype) && !Object.hasOwn(value, '__proto__');
}
/**
 * What a tool wrote that has no normalized field: kept, so a policy can still reach it
 * (e.g. `has(item.extra.facets.ownership)`), instead of being dropped. Checked as a record
 * but kept by reference: a zod record copies every key of every item's `extra`, which cost
 * more than the rest of validating a large artefact. Described as the record it is.
 */
const extra = zod__WEBPACK_IMPORTED_MODULE_0__/* .custom */ .IeY(isRecord, { message: 'Invalid input: expected an object of named values' })
    .meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} })
    .optional();
const SourceFileSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    path: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    format: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    sha256: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
});
const EvaluationResultSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    metric: text,
    value: finite,
    dataset: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    split: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    location: LocationSchema.optional(),
    extra,
});
const ModelCardSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    license: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    owners: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    risk: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    intended_use: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    out_of_scope_use: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    limitations: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    risks: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    ethical_considerations: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    training_data: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    evaluation: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(EvaluationResultSchema).default([]),
    /** Names of the documented sections present, normalized to the field names above. */
    sections: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    extra,
});
const DatasetSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: text,
    namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    role: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['input', 'output']).default('input'),
    version: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    digest: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    license: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    contains_pii: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
    legal_basis: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    owners: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    location: LocationSchema.optional(),
    extra,
});
const LineageSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    datasets: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(DatasetSchema).default([]),
    jobs: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ name: text, namespace: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() })).default([]),
    extra,
});
const BiasMetricSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    /** Normalized name, e.g. `disparate_impact`; the tool's own name is kept in `original_name`. */
    name: text,
    original_name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    attribute: text,
    group: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    reference_group: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    stage: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['pre_training', 'post_training']).optional(),
    value: finite,
    location: LocationSchema.optional(),
    extra,
});
const BiasSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    protected_attributes: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    metrics: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(BiasMetricSchema).default([]),
    extra,
});
const WindowSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({ start: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(), end: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() });
const DriftFeatureSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    name: text,
    test: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    score: finite.optional(),
    threshold: finite.optional(),
    drifted: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    location: LocationSchema.optional(),
    extra,
});
const DriftSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    dataset_drift: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY(),
    /** Share of features that drifted, 0..1; derived from `features` when the tool does not state it. */
    share_drifted: finite.pipe(zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().min(0).max(1)),
    features: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(DriftFeatureSchema).default([]),
    reference: WindowSchema.optional(),
    current: WindowSchema.optional(),
    extra,
});
const EVIDENCE_SCHEMAS = {
    model_card: ModelCardSchema,
    lineage: LineageSchema,
    bias: BiasSchema,
    drift: DriftSchema,
};
const ApprovalSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .strictObject */ .rej({
    user: text,
    teams: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).default([]),
    state: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(['approved', 'changes_requested', 'commented', 'dismissed']).default('approved'),
    at: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    source: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().default('file'),
});


/***/ }),

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


/***/ }),

/***/ 40807:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DG: () => (/* binding */ celReason),
  C_: () => (/* binding */ compilePolicy),
  _I: () => (/* binding */ policyReads)
});

// UNUSED EXPORTS: CEL_VARIABLES, MAX_COMPREHENSION_NESTING

// EXTERNAL MODULE: ./node_modules/@marcbachmann/cel-js/lib/index.js + 13 modules
var lib = __webpack_require__(47337);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/artefacts/evidence.ts
var evidence = __webpack_require__(55254);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(62088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/engine/functions.ts

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** A date (midnight UTC) or an RFC 3339 time with an offset; anything else is an error, never a guess. */
function parseInstant(value) {
    const text = value.trim();
    const millis = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? Date.parse(text.replace(' ', 'T')) : Number.NaN;
    // Date.parse may roll 2026-02-30 over to March; a calendar date must read back unchanged.
    const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(millis) || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== text.slice(0, 10)) {
        throw new Error(`not a date (YYYY-MM-DD) or an RFC 3339 time: "${value}"`);
    }
    return millis;
}
function version(value) {
    const valid = semver_default().valid(value.trim());
    if (valid === null)
        throw new Error(`not a semantic version: "${value}"`);
    return valid;
}
const CEL_FUNCTIONS = [
    {
        signature: 'days_between(string, string): double',
        description: 'days from the first time to the second (negative when the first is later), e.g. days_between(drift.current.end, now)',
        handler: (from, to) => (parseInstant(to) - parseInstant(from)) / DAY_MS,
    },
    {
        signature: 'semver_valid(string): bool',
        description: 'whether the string is a semantic version such as 1.4.0 or 2.0.0-rc.1',
        handler: (value) => semver_default().valid(value.trim()) !== null,
    },
    {
        signature: 'semver_compare(string, string): int',
        description: '-1, 0 or 1 as the first version is lower than, equal to or higher than the second',
        handler: (left, right) => BigInt(semver_default().compare(version(left), version(right))),
    },
    {
        signature: 'semver_satisfies(string, string): bool',
        description: 'whether the version lies in the range, e.g. semver_satisfies(model.version, ">=1.0.0 <2.0.0")',
        handler: (value, range) => {
            if (semver_default().validRange(range) === null)
                throw new Error(`not a semantic version range: "${range}"`);
            return semver_default().satisfies(version(value), range, { includePrerelease: true });
        },
    },
];

;// CONCATENATED MODULE: ./src/engine/compile.ts




/** The variables every expression sees; `item` is added inside `for_each` rules only. */
const CEL_VARIABLES = {
    model: 'a map: name, version, path, risk',
    approvals: 'a list of approvals: user, teams, state, at, source',
    now: 'the time of the evaluation, an RFC 3339 string in UTC',
    previous: "the model's previous approved decision in the audit trail (decision_id, seq, time, verdict, version, datasets, datasets_digest, datasets_total), or null",
    observed: 'what the decision record will observe of the evidence: datasets, datasets_digest, datasets_total, metrics',
    ...Object.fromEntries(evidence/* ARTEFACT_KINDS */.D_.map((kind) => [kind, `the normalized ${kind} evidence (set only when the artefact was read)`])),
};
/** Which result types each expression may have; `dyn` is accepted because evidence fields are dynamic. */
const EXPECTED_TYPES = {
    when: (type) => type === 'bool' || type === 'dyn',
    check: (type) => type === 'bool' || type === 'dyn',
    for_each: (type) => type.startsWith('list') || type === 'dyn',
    message: (type) => type === 'string' || type === 'dyn',
};
const VARIABLE_TYPES = { approvals: 'list', now: 'string' };
// Structural bounds so that a hostile policy cannot make parsing or evaluation explode.
const CEL_LIMITS = { maxAstNodes: 2000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 };
/**
 * How deeply comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) may nest, a
 * rule's `for_each` counting as one: evaluation cost grows with the product of the lists'
 * sizes, so two levels keep it at most quadratic in the evidence, which the artefact size
 * limits bound. Chained comprehensions (`a.filter(…).all(…)`) do not nest.
 */
const MAX_COMPREHENSION_NESTING = 2;
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
function createEnvironments() {
    const subject = new lib/* Environment */.OH({ limits: CEL_LIMITS, homogeneousAggregateLiterals: false });
    for (const name of Object.keys(CEL_VARIABLES))
        subject.registerVariable(name, VARIABLE_TYPES[name] ?? 'dyn');
    for (const fn of CEL_FUNCTIONS)
        subject.registerFunction(fn.signature, fn.handler, { description: fn.description });
    const item = subject.clone().registerVariable('item', 'dyn');
    return { subject, item };
}
/** Compiles every expression of every rule once; any syntax or type error is a configuration error at its line. */
function compilePolicy(policy) {
    const environments = createEnvironments();
    const rules = policy.rules.map((rule) => compileRule(rule, environments));
    return { ...policy, rules };
}
function compileRule(rule, environments) {
    const compiled = {};
    const reads = new Set();
    for (const field of ['when', 'for_each', 'check', 'message']) {
        const expression = rule[field];
        if (expression === undefined)
            continue;
        const perItem = rule.for_each !== undefined && (field === 'check' || field === 'message');
        const environment = perItem ? environments.item : environments.subject;
        const location = rule.expressionLocations[field] ?? rule.location;
        compiled[field] = compileExpression(environment, expression, field, rule.id, location);
        const ast = compiled[field].ast;
        const nesting = comprehensionNesting(ast) + (perItem ? 1 : 0);
        if (nesting > MAX_COMPREHENSION_NESTING) {
            const why = perItem ? ' (the rule\'s for_each counts as one)' : '';
            throw (0,errors/* configError */.Fj)(`rule "${rule.id}": ${field}: comprehensions nest ${nesting} deep${why}; at most ${MAX_COMPREHENSION_NESTING} are allowed, so that evaluation stays at most quadratic in the evidence`, location);
        }
        collectVariables(ast, reads);
    }
    return { ...rule, compiled, reads };
}
/** Whether any rule of the policy reads the CEL variable. */
function policyReads(policy, variable) {
    return policy.rules.some((rule) => rule.reads.has(variable));
}
/** The deepest nesting of comprehension macros in an AST: a macro inside another's body adds one. */
function comprehensionNesting(node) {
    if (Array.isArray(node))
        return node.reduce((deepest, element) => Math.max(deepest, comprehensionNesting(element)), 0);
    if (typeof node !== 'object' || node === null || !('op' in node) || !('args' in node))
        return 0;
    const { op, args } = node;
    if (op === 'rcall' && Array.isArray(args) && typeof args[0] === 'string' && COMPREHENSIONS.has(args[0])) {
        // args: [name, receiver, [variable, body...]]: the receiver runs once, the body once per element.
        return Math.max(comprehensionNesting(args[1]), 1 + comprehensionNesting(args[2]));
    }
    return comprehensionNesting(args);
}
/** Adds every policy variable an AST names; a macro's own variable that shadows one counts too, which only errs towards reading. */
function collectVariables(node, into) {
    if (Array.isArray(node)) {
        for (const element of node)
            collectVariables(element, into);
        return;
    }
    if (typeof node !== 'object' || node === null || !('op' in node) || !('args' in node))
        return;
    const { op, args } = node;
    if (op === 'id') {
        if (typeof args === 'string' && Object.hasOwn(CEL_VARIABLES, args))
            into.add(args);
        return;
    }
    collectVariables(args, into);
}
function compileExpression(environment, expression, field, ruleId, location) {
    const fail = (reason) => (0,errors/* configError */.Fj)(`rule "${ruleId}": ${field}: ${reason}`, location);
    let type;
    let program;
    try {
        const check = environment.check(expression);
        if (!check.valid)
            throw fail(celReason(check.error));
        type = check.type ?? 'dyn';
        program = environment.parse(expression);
    }
    catch (error) {
        throw (0,errors/* isModelgateError */.j$)(error) ? error : fail(celReason(error));
    }
    if (!EXPECTED_TYPES[field](type))
        throw fail(`must return ${expectedName(field)}, but returns ${type}`);
    return program;
}
function expectedName(field) {
    if (field === 'for_each')
        return 'a list';
    return field === 'message' ? 'a string' : 'a bool';
}
/** cel-js errors carry a one-line summary and the offset in the expression. */
function celReason(error) {
    if (!(error instanceof Error))
        return String(error);
    const withSummary = error;
    const summary = withSummary.summary ?? error.message.split('\n')[0] ?? error.message;
    const at = withSummary.range ? ` (at character ${withSummary.range.start + 1} of the expression)` : '';
    return `${summary}${at}`;
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

/***/ 22645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FP: () => (/* binding */ createFsWorkspace),
/* harmony export */   d7: () => (/* binding */ toPosix),
/* harmony export */   g7: () => (/* binding */ decodeText)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83916);





const UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * A workspace over a folder on disk. Paths in and out are repository-relative with
 * forward slashes; `displayPrefix` is put before them in messages (e.g. the folder
 * relative to where the user ran the command) so they can be opened as printed.
 *
 * The filesystem is read with synchronous calls behind the asynchronous interface: a check
 * reads a few small files per model, and each asynchronous call would cost a round trip
 * through libuv's thread pool several times what the read itself costs.
 */
function createFsWorkspace(root, displayPrefix = '') {
    const rootPath = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root);
    let realRoot;
    const display = (relative) => (displayPrefix ? node_path__WEBPACK_IMPORTED_MODULE_2___default().posix.join(displayPrefix, relative) : relative);
    /** The real path (symlinks resolved) of an existing path, or undefined. */
    const real = (absolute) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(absolute);
        }
        catch {
            return undefined;
        }
    };
    /** Whether a real path lies inside the repository (no symlink or `..` leads out of it). */
    const inside = (target) => {
        realRoot ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.realpathSync)(rootPath);
        const relative = node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(realRoot, target);
        return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2___default().isAbsolute(relative));
    };
    return {
        async findFiles(base, patterns) {
            const cwd = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(rootPath, base);
            const target = real(cwd);
            if (target === undefined || !inside(target))
                return [];
            const found = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .globSync */ .AZ)([...patterns], { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
            return found.map((file) => toPosix(node_path__WEBPACK_IMPORTED_MODULE_2___default().relative(rootPath, node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(cwd, file)))).sort();
        },
        async findFolders(patterns) {
            const found = (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .globSync */ .AZ)([...patterns], { cwd: rootPath, onlyDirectories: true, dot: false, followSymbolicLinks: false, expandDirectories: false });
            return found.map((folder) => toPosix(folder).replace(/\/+$/, '')).sort();
        },
        async readFile(relative, limits) {
            const shown = display(relative);
            // The real path: a missing file (or a symlink to one) has none.
            const target = real(node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(rootPath, relative));
            if (target === undefined)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('file not found', { path: shown });
            if (!inside(target))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('refused: the path leaves the repository (through a symlink or "..")', { path: shown });
            const bytes = readRegularFile(target, shown, limits);
            return { path: shown, text: decodeText(bytes, shown), sha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') };
        },
    };
}
/** Where the platform has them (not on Windows): open without waiting (a FIFO would wait for a writer), and not through a symlink. */
const OPEN_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW ?? 0);
/**
 * The bytes of a regular file (given by its real path) within the size limit, judged by the
 * open file itself, so that it cannot change between the check and the read.
 */
function readRegularFile(real, shown, limits) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(real, OPEN_FLAGS);
    }
    catch {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('file not found', { path: shown });
    }
    try {
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
        if (!info.isFile())
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('not a regular file', { path: shown });
        if (info.size > limits.max_file_bytes) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)(`file is ${info.size} bytes, larger than the limit of ${limits.max_file_bytes}`, { path: shown });
        }
        const bytes = Buffer.allocUnsafe(info.size);
        let filled = 0;
        while (filled < info.size) {
            const read = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, bytes, filled, info.size - filled, filled);
            if (read === 0)
                break;
            filled += read;
        }
        return bytes.subarray(0, filled);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
/** Artefacts are text: a NUL byte or invalid UTF-8 means a binary or mis-encoded file, which is refused. */
function decodeText(bytes, shownPath) {
    if (bytes.includes(0))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('binary file (contains NUL bytes), expected UTF-8 text', { path: shownPath });
    try {
        return UTF8.decode(bytes).replace(/^\uFEFF/, '');
    }
    catch {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .artefactError */ .bo)('not valid UTF-8 text', { path: shownPath });
    }
}
function toPosix(file) {
    return file.split((node_path__WEBPACK_IMPORTED_MODULE_2___default().sep)).join('/');
}


/***/ }),

/***/ 71013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  x: () => (/* binding */ VERSION)
});

;// CONCATENATED MODULE: ./package.json
const package_namespaceObject = {"rE":"0.1.0"};
;// CONCATENATED MODULE: ./src/version.ts

const VERSION = package_namespaceObject.rE;


/***/ })

};
