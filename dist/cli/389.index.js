export const id = 389;
export const ids = [389];
export const modules = {

/***/ 12389:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   archiveEvidencePack: () => (/* binding */ archiveEvidencePack)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(56118);



const gzipAsync = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.promisify)(node_zlib__WEBPACK_IMPORTED_MODULE_1__.gzip);
/**
 * The pack's files as a gzipped tar under one folder. Reproducible: the same files and time
 * give the same bytes (fixed modes and owners, every entry dated `time`, no name or time in
 * the gzip header), so two people packing the same trail can compare checksums.
 */
async function archiveEvidencePack(files, folder, time) {
    const archive = (0,tar_stream__WEBPACK_IMPORTED_MODULE_2__.pack)();
    const chunks = [];
    const collected = new Promise((resolve, reject) => {
        archive.on('data', (chunk) => chunks.push(chunk));
        archive.on('end', () => resolve(Buffer.concat(chunks)));
        archive.on('error', reject);
    });
    // Whole seconds: tar keeps no fractions, and a fraction would differ between equal packs.
    const mtime = new Date(Math.floor(time.getTime() / 1000) * 1000);
    const owner = { uid: 0, gid: 0, uname: '', gname: '', mtime };
    const directories = new Set([folder]);
    for (const file of files) {
        const parts = file.path.split('/');
        for (let depth = 1; depth < parts.length; depth += 1)
            directories.add(`${folder}/${parts.slice(0, depth).join('/')}`);
    }
    // Folders first, so extracting tools that need them before their files find them.
    for (const directory of [...directories].sort()) {
        await addEntry(archive, { name: `${directory}/`, type: 'directory', mode: 0o755, ...owner });
    }
    for (const file of files) {
        await addEntry(archive, { name: `${folder}/${file.path}`, type: 'file', mode: 0o644, size: file.bytes.length, ...owner }, Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    }
    archive.finalize();
    return gzipAsync(await collected, { level: 9 });
}
function addEntry(archive, header, body) {
    return new Promise((resolve, reject) => {
        const callback = (error) => (error ? reject(error) : resolve());
        if (body)
            archive.entry(header, body, callback);
        else
            archive.entry(header, callback);
    });
}


/***/ })

};
