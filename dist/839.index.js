export const id = 839;
export const ids = [839];
export const modules = {

/***/ 22839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   diffPolicies: () => (/* binding */ diffPolicies)
/* harmony export */ });
const EXPRESSION_FIELDS = ['when', 'for_each', 'check', 'message'];
const NUMBER = /(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/;
/**
 * Pure: what changed from one effective policy to another, in sentences a reviewer can read
 * in a pull request: version, rules added and removed, severities, thresholds, conditions,
 * control mappings, required artefacts and waivers. Empty when the effective rules and waivers are equal.
 */
function diffPolicies(before, after) {
    const changes = [];
    if (before.name !== after.name)
        changes.push(`policy renamed: ${before.name} → ${after.name}`);
    if (before.version !== after.version)
        changes.push(`version: ${before.version} → ${after.version}`);
    const old = new Map(before.rules.map((rule) => [rule.id, rule]));
    const current = new Map(after.rules.map((rule) => [rule.id, rule]));
    for (const rule of after.rules) {
        if (!old.has(rule.id))
            changes.push(`rule ${rule.id} added (${rule.severity}${controlsNote(rule.controls)}): ${rule.description}`);
    }
    for (const rule of before.rules) {
        if (!current.has(rule.id))
            changes.push(`rule ${rule.id} removed (was ${rule.severity}${controlsNote(rule.controls)}): ${rule.description}`);
    }
    for (const rule of after.rules) {
        const previous = old.get(rule.id);
        if (previous)
            changes.push(...diffRule(previous, rule));
    }
    changes.push(...diffWaivers(before.waivers, after.waivers));
    return changes;
}
function controlsNote(controls) {
    return controls.length > 0 ? `; controls ${controls.join(', ')}` : '; no controls';
}
function diffRule(before, after) {
    const at = `rule ${after.id}`;
    const changes = [];
    if (before.severity !== after.severity) {
        changes.push(`${at}: severity ${before.severity} → ${after.severity} (${after.severity === 'error' ? 'now blocks' : 'no longer blocks, only warns'})`);
    }
    const addedControls = after.controls.filter((control) => !before.controls.includes(control));
    const removedControls = before.controls.filter((control) => !after.controls.includes(control));
    if (addedControls.length > 0)
        changes.push(`${at}: now evidences ${addedControls.join(', ')}`);
    if (removedControls.length > 0)
        changes.push(`${at}: no longer evidences ${removedControls.join(', ')}`);
    const addedKinds = after.requires.filter((kind) => !before.requires.includes(kind));
    const removedKinds = before.requires.filter((kind) => !after.requires.includes(kind));
    if (addedKinds.length > 0)
        changes.push(`${at}: now requires ${addedKinds.join(', ')}`);
    if (removedKinds.length > 0)
        changes.push(`${at}: no longer requires ${removedKinds.join(', ')}`);
    for (const field of EXPRESSION_FIELDS)
        changes.push(...diffExpression(at, field, before[field], after[field]));
    if (before.description !== after.description)
        changes.push(`${at}: description "${before.description}" → "${after.description}"`);
    return changes;
}
function diffExpression(at, field, before, after) {
    const normalize = (text) => text.replace(/\s+/g, ' ').trim();
    if (before === undefined && after === undefined)
        return [];
    if (before === undefined)
        return [`${at}: ${field} added: ${normalize(after)}`];
    if (after === undefined)
        return [`${at}: ${field} removed (was: ${normalize(before)})`];
    if (normalize(before) === normalize(after))
        return [];
    const oldNumbers = numbersOf(before);
    const newNumbers = numbersOf(after);
    // Same expression up to its numbers: the change is a threshold, said as old → new per number.
    if (shapeOf(before) === shapeOf(after) && oldNumbers.length === newNumbers.length) {
        const moved = oldNumbers.map((value, index) => [value, newNumbers[index]]).filter(([from, to]) => Number(from) !== Number(to));
        if (moved.length === 0)
            return [];
        const words = moved.map(([from, to]) => `${from} → ${to} (${Number(to) > Number(from) ? 'raised' : 'lowered'})`).join(', ');
        return [`${at}: ${field} threshold ${words}: ${normalize(after)}`];
    }
    return [`${at}: ${field} changed: ${normalize(before)} → ${normalize(after)}`];
}
/** A number outside string literals, so that a message's wording is not mistaken for a threshold. */
const TOKEN = new RegExp(`(${STRING.source})|${NUMBER.source}`, 'g');
function numbersOf(expression) {
    return [...expression.matchAll(TOKEN)].filter((match) => match[1] === undefined).map((match) => match[0]);
}
/** The expression with every number outside strings replaced by `#`. */
function shapeOf(expression) {
    return expression.replace(/\s+/g, ' ').trim().replace(TOKEN, (match, literal) => literal ?? '#');
}
function diffWaivers(before, after) {
    const key = (waiver) => `${waiver.rule}\u0000${waiver.model}`;
    const old = new Map(before.map((waiver) => [key(waiver), waiver]));
    const current = new Map(after.map((waiver) => [key(waiver), waiver]));
    const changes = [];
    for (const waiver of after) {
        const previous = old.get(key(waiver));
        const what = `waiver of ${waiver.rule} for ${waiver.model}`;
        if (!previous)
            changes.push(`${what} added: until ${waiver.expires}, approved by ${waiver.approved_by}: ${waiver.reason}`);
        else if (previous.expires !== waiver.expires)
            changes.push(`${what}: expiry ${previous.expires} → ${waiver.expires}`);
        else if (previous.approved_by !== waiver.approved_by || previous.reason !== waiver.reason)
            changes.push(`${what}: approver or reason changed`);
    }
    for (const waiver of before) {
        if (!current.has(key(waiver)))
            changes.push(`waiver of ${waiver.rule} for ${waiver.model} removed (was until ${waiver.expires})`);
    }
    return changes;
}


/***/ })

};
