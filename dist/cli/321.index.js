export const id = 321;
export const ids = [321];
export const modules = {

/***/ 26321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   findArtefactsByDigest: () => (/* binding */ findArtefactsByDigest),
/* harmony export */   findPoliciesByDigest: () => (/* binding */ findPoliciesByDigest),
/* harmony export */   openGitHistory: () => (/* binding */ openGitHistory)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _policy_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(86929);
/* harmony import */ var _policy_load_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58164);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(83916);
/* harmony import */ var _policy_source_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(39560);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(23830);









/**
 * Finds the files an audit trail names by digest, for evidence packs: artefacts by sha256 and
 * policies by policy digest, first in the working tree, then in every commit of the git
 * history (all refs). Reads only; git runs as a command, so whatever git reads (packs,
 * alternates, partial clones) works.
 */
/** git output is read whole; a history larger than this is not read. */
const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;
/** Paths or object ids per git command: under any argument-length limit, and a bounded batch of blobs in memory. */
const ITEMS_PER_COMMAND = 200;
/** Commits tried when looking for policy versions, newest first. */
const MAX_POLICY_COMMITS = 2000;
const MAX_POLICY_BYTES = 1024 * 1024;
/** Files larger than this in the working tree are not hashed (artefacts are reports, not weights). */
const MAX_ARTEFACT_BYTES = 512 * 1024 * 1024;
/** The git history of `dir`, or why there is none (not a repository, git not installed). */
function openGitHistory(dir) {
    const probe = runGit(dir, ['rev-parse', '--is-inside-work-tree']);
    if (probe.error)
        return { reason: `git cannot be run (${probe.error})` };
    if (probe.status !== 0 || probe.stdout.toString().trim() !== 'true')
        return { reason: `${dir} is not in a git working tree` };
    const git = (args, input) => {
        const result = runGit(dir, args, input);
        if (result.error || result.status !== 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ModelgateError */ .HJ('config', `cannot read the git history of ${dir}: git ${args[0]} failed: ${result.error ?? result.stderr.toString().trim()}`);
        return result.stdout;
    };
    const shallow = runGit(dir, ['rev-parse', '--is-shallow-repository']).stdout.toString().trim() === 'true';
    return {
        history: {
            dir,
            shallow,
            blobsOf(paths) {
                const found = [];
                const seen = new Set();
                for (const chunk of chunks(paths)) {
                    // -z: paths verbatim; --relative: paths relative to `dir`, as pathspecs are; -m: merges too.
                    const out = git(['log', '--all', '-m', '--raw', '--no-renames', '--no-abbrev', '--relative', '-z', '--format=commit %H', '--', ...chunk]);
                    let commit = '';
                    const tokens = out.toString('utf8').split('\0');
                    for (let index = 0; index < tokens.length; index += 1) {
                        const token = tokens[index].replace(/^\n/, '');
                        if (token.startsWith('commit ')) {
                            commit = token.slice('commit '.length).trim();
                        }
                        else if (token.startsWith(':')) {
                            const blob = token.split(' ')[3];
                            const file = tokens[++index];
                            if (!blob || file === undefined || /^0+$/.test(blob))
                                continue;
                            const key = `${file}\0${blob}`;
                            if (seen.has(key))
                                continue;
                            seen.add(key);
                            found.push({ commit, path: file, blob });
                        }
                    }
                }
                return found;
            },
            readBlobs(ids) {
                const contents = new Map();
                if (ids.length === 0)
                    return contents;
                const out = git(['cat-file', '--batch'], Buffer.from(`${ids.join('\n')}\n`));
                let offset = 0;
                while (offset < out.length) {
                    const end = out.indexOf(0x0a, offset);
                    if (end === -1)
                        break;
                    const [id, type, size] = out.subarray(offset, end).toString('utf8').split(' ');
                    offset = end + 1;
                    if (type === 'missing' || size === undefined)
                        continue;
                    const length = Number(size);
                    if (type === 'blob')
                        contents.set(id, out.subarray(offset, offset + length));
                    offset += length + 1;
                }
                return contents;
            },
            commitsTouching(paths) {
                const commits = new Set();
                for (const chunk of chunks(paths)) {
                    for (const line of git(['log', '--all', '--format=%H', '--', ...chunk]).toString('utf8').split('\n'))
                        if (line)
                            commits.add(line);
                }
                return [...commits];
            },
            showFile(commit, file) {
                const result = runGit(dir, ['cat-file', 'blob', `${commit}:./${file}`]);
                return result.status === 0 ? result.stdout : undefined;
            },
        },
    };
}
/**
 * Artefacts by sha256: a file at one of its recorded paths in the working tree whose content
 * has that digest, else a blob at one of those paths anywhere in the git history.
 */
async function findArtefactsByDigest(dir, wanted, history) {
    const found = new Map();
    for (const [sha256, paths] of wanted) {
        for (const file of paths) {
            const bytes = await readWorkingTreeFile(dir, file);
            if (bytes && sha256Hex(bytes) === sha256) {
                found.set(sha256, { bytes, source: `working tree ${file}` });
                break;
            }
        }
    }
    const remaining = [...wanted.entries()].filter(([sha256]) => !found.has(sha256));
    if (!history || remaining.length === 0)
        return found;
    const paths = [...new Set(remaining.flatMap(([, list]) => list))].filter(isRepositoryPath);
    const blobs = history.blobsOf(paths);
    const wantedDigests = new Set(remaining.map(([sha256]) => sha256));
    // Read in batches and keep only matches, so a long history of large files is never all in memory.
    for (const ids of chunks([...new Set(blobs.map((blob) => blob.blob))])) {
        const contents = history.readBlobs(ids);
        for (const { commit, path: file, blob } of blobs) {
            const bytes = contents.get(blob);
            if (!bytes)
                continue;
            const digest = sha256Hex(bytes);
            if (wantedDigests.has(digest) && !found.has(digest))
                found.set(digest, { bytes: Buffer.from(bytes), source: `git ${commit.slice(0, 12)}:${file}` });
        }
    }
    return found;
}
/**
 * Policies by digest. Tries, in the working tree and then at each commit that changed the
 * config or a policy file found so far (newest first): the config's policy, the given
 * references and every shipped pack; each is loaded with everything it extends, as `check`
 * loads it, and its digest computed. Shipped packs are those of this modelgate.
 */
function findPoliciesByDigest(dir, wanted, search, history) {
    const found = new Map();
    const configPath = (0,_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .toPosix */ .d7)(node_path__WEBPACK_IMPORTED_MODULE_3___default().normalize(search.configPath ?? _policy_config_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_CONFIG_PATH */ .Bi));
    const fsSource = (0,_policy_source_js__WEBPACK_IMPORTED_MODULE_7__/* .createFsPolicySource */ .v)(dir);
    const repositoryFiles = new Set([configPath]);
    const tryAll = (source, configText, origin, packs = []) => {
        const references = [...(search.references ?? [])];
        const configured = configuredPolicy(configText, configPath);
        if (configured)
            references.unshift(configured);
        references.push(...packs);
        for (const reference of new Set(references)) {
            const recording = recordReads(source);
            let policy;
            try {
                policy = (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_5__/* .loadPolicy */ .tb)(reference, recording.source);
            }
            catch {
                // A policy that does not load at this commit judged nothing there.
                continue;
            }
            finally {
                for (const file of recording.read)
                    if (!file.path.startsWith('pack:'))
                        repositoryFiles.add(file.path);
            }
            if (wanted.has(policy.digest) && !found.has(policy.digest))
                found.set(policy.digest, { policy, files: recording.read, source: origin });
        }
    };
    // Shipped packs are this modelgate's, the same at every commit: tried once.
    tryAll(fsSource, readTextOrUndefined(() => fsSource.readFile(configPath).text), 'working tree', fsSource.packNames());
    if (!history)
        return found;
    const tried = new Set();
    // Each round may find policy files the earlier commits did not name; stop when no new commit turns up.
    for (let round = 0; round < 10 && found.size < wanted.size; round += 1) {
        const commits = history.commitsTouching([...repositoryFiles].filter(isRepositoryPath)).filter((commit) => !tried.has(commit));
        if (commits.length === 0)
            break;
        for (const commit of commits) {
            if (tried.size >= MAX_POLICY_COMMITS || found.size >= wanted.size)
                break;
            tried.add(commit);
            const source = createGitPolicySource(history, commit, fsSource);
            const configBytes = history.showFile(commit, configPath);
            tryAll(source, configBytes ? readTextOrUndefined(() => (0,_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .decodeText */ .g7)(configBytes, configPath)) : undefined, `git ${commit.slice(0, 12)}`);
        }
    }
    return found;
}
/** The config's policy reference relative to the repository root; the default pack without a config. */
function configuredPolicy(text, configPath) {
    if (text === undefined)
        return 'starter';
    try {
        const reference = (0,_policy_config_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRepoConfig */ .GR)(text, configPath).config.policy;
        return (0,_policy_load_js__WEBPACK_IMPORTED_MODULE_5__/* .isPackReference */ .bj)(reference) ? reference : node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.join(node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.dirname(configPath), reference));
    }
    catch {
        return undefined;
    }
}
/** Policy files as they were at a commit; `extends` paths resolve against the naming file's folder, as on disk. */
function createGitPolicySource(history, commit, packs) {
    return {
        readFile(file, relativeTo) {
            if (relativeTo?.startsWith('pack:'))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .configError */ .Fj)(`${relativeTo} extends "${file}": a shipped pack can only extend packs`);
            const target = node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.join(relativeTo ? node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.dirname(relativeTo) : '', file.replace(/\\/g, '/')));
            if (!isRepositoryPath(target))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .configError */ .Fj)(`policy path "${file}" leaves the repository`);
            const bytes = history.showFile(commit, target);
            if (!bytes)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .configError */ .Fj)(`cannot read policy file ${target}: not found at ${commit}`);
            if (bytes.length > MAX_POLICY_BYTES)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .configError */ .Fj)(`policy file ${target} is larger than ${MAX_POLICY_BYTES} bytes`);
            return { path: target, text: (0,_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .decodeText */ .g7)(bytes, target) };
        },
        readPack: (name) => packs.readPack(name),
        packNames: () => packs.packNames(),
    };
}
/** A source that remembers every file it handed out, in order, once each. */
function recordReads(source) {
    const read = [];
    const remember = (text) => {
        if (!read.some((known) => known.path === text.path))
            read.push(text);
        return text;
    };
    return {
        read,
        source: {
            readFile: (file, relativeTo) => remember(source.readFile(file, relativeTo)),
            readPack: (name) => {
                const text = source.readPack(name);
                return text && remember(text);
            },
            packNames: () => source.packNames(),
        },
    };
}
/** A file of the working tree inside `dir` (never through a link that leaves it), or undefined. */
async function readWorkingTreeFile(dir, file) {
    if (!isRepositoryPath(file))
        return undefined;
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_3___default().resolve(dir, file);
    try {
        const [root, target] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(dir), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.realpath)(absolute)]);
        const relative = node_path__WEBPACK_IMPORTED_MODULE_3___default().relative(root, target);
        if (relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_3___default().isAbsolute(relative))
            return undefined;
        const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(target);
        if (!info.isFile() || info.size > MAX_ARTEFACT_BYTES)
            return undefined;
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(target);
    }
    catch {
        return undefined;
    }
}
/** A clean relative path inside the repository: no absolute paths, no `..`. */
function isRepositoryPath(file) {
    return file !== '' && !node_path__WEBPACK_IMPORTED_MODULE_3___default().posix.isAbsolute(file) && !/^[A-Za-z]:/.test(file) && file.split('/').every((segment) => segment !== '..' && segment !== '');
}
function readTextOrUndefined(read) {
    try {
        return read();
    }
    catch {
        return undefined;
    }
}
function runGit(dir, args, input) {
    // Literal pathspecs: a recorded path with `*` or `:` names that file, not a pattern.
    const result = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawnSync)('git', ['--literal-pathspecs', '-c', 'core.quotePath=false', ...args], {
        cwd: dir,
        input,
        maxBuffer: MAX_GIT_OUTPUT,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    });
    return { status: result.status, stdout: result.stdout ?? Buffer.alloc(0), stderr: result.stderr ?? Buffer.alloc(0), ...(result.error && { error: result.error.message }) };
}
function chunks(items) {
    const out = [];
    for (let index = 0; index < items.length; index += ITEMS_PER_COMMAND)
        out.push(items.slice(index, index + ITEMS_PER_COMMAND));
    return out;
}
function sha256Hex(bytes) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(bytes).digest('hex');
}


/***/ })

};
