export const id = 382;
export const ids = [382];
export const modules = {

/***/ 382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   overlayReleaseAssets: () => (/* binding */ overlayReleaseAssets)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _io_workspace_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22645);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(43154);
/* harmony import */ var _response_body_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48037);





/** Asset names that can be artefacts: text formats the adapters read. Model binaries are left alone. */
const ARTEFACT_ASSET = /\.(ya?ml|json|ndjson|jsonl|csv|md)$/i;
/**
 * Downloads a release's artefact assets and lays them over the model's folder of the tagged
 * tree: an asset `bias.yaml` is read as `<model path>/bias.yaml` and wins over the file of the
 * same path in the checkout. Findings about an asset name it as `release:<tag>/<asset>`.
 */
async function overlayReleaseAssets(client, repository, release, modelPath, base, options) {
    const assets = await (0,_client_js__WEBPACK_IMPORTED_MODULE_3__/* .paginateAll */ .Ti)(client, client.rest.repos.listReleaseAssets, { ...repository, release_id: release.id, per_page: 100 });
    const wanted = assets.filter((asset) => {
        if (!ARTEFACT_ASSET.test(asset.name)) {
            options.log.debug(`release asset ${asset.name}: not an artefact format, not read`);
            return false;
        }
        if (asset.size > options.maxBytes) {
            options.log.warning(`release asset ${asset.name} is ${asset.size} bytes, larger than the limit of ${options.maxBytes}: not read`);
            return false;
        }
        return true;
    });
    if (wanted.length === 0)
        return undefined;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(options.tempDir, { recursive: true });
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(options.tempDir, 'modelgate-assets-'));
    const folder = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, ...modelPath.split('/'));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(folder, { recursive: true });
    for (const asset of wanted) {
        // `application/octet-stream` makes GitHub answer with the file (through a redirect), not the asset's metadata.
        const response = await client.rest.repos.getReleaseAsset({
            ...repository,
            asset_id: asset.id,
            headers: { accept: 'application/octet-stream' },
            // The bytes as stored: a JSON asset must not be parsed and printed again, or its line numbers change.
            request: { parseSuccessResponseBody: false },
        });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(folder, node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(asset.name)), await (0,_response_body_js__WEBPACK_IMPORTED_MODULE_4__/* .readBody */ .x)(response.data));
        options.log.info(`release asset ${asset.name} read as ${modelPath}/${asset.name}`);
    }
    const overlay = (0,_io_workspace_js__WEBPACK_IMPORTED_MODULE_2__/* .createFsWorkspace */ .FP)(root);
    const shown = (file) => {
        const inFolder = file.startsWith(`${modelPath}/`) ? file.slice(modelPath.length + 1) : file;
        return `release:${release.tag}/${inFolder}`;
    };
    const names = wanted.map((asset) => asset.name);
    return {
        names,
        workspace: {
            async findFiles(baseFolder, patterns) {
                const [fromTree, fromAssets] = await Promise.all([base.findFiles(baseFolder, patterns), overlay.findFiles(baseFolder, patterns)]);
                return [...new Set([...fromTree, ...fromAssets])].sort();
            },
            findFolders: (patterns) => base.findFolders(patterns),
            async readFile(file, limits) {
                const fromAssets = (await overlay.findFiles(node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.dirname(file), [node_path__WEBPACK_IMPORTED_MODULE_1___default().posix.basename(file)])).includes(file);
                if (!fromAssets)
                    return base.readFile(file, limits);
                const read = await overlay.readFile(file, limits);
                return { ...read, path: shown(file) };
            },
        },
    };
}


/***/ })

};
