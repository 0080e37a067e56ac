export const id = 581;
export const ids = [581];
export const modules = {

/***/ 54581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createSageMakerRegistry: () => (/* binding */ createSageMakerRegistry)
/* harmony export */ });
/* unused harmony export parseS3Uri */
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58851);

async function createSageMakerRegistry(options) {
    const [{ SageMakerClient, DescribeModelPackageCommand, UpdateModelPackageCommand }, { S3Client, GetObjectCommand }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459)]).then(__webpack_require__.t.bind(__webpack_require__, 94459, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 53711, 19)),
    ]);
    const common = {
        ...(options.region && { region: options.region }),
        ...(options.credentials && { credentials: options.credentials }),
        maxAttempts: options.retries + 1,
        requestHandler: { requestTimeout: options.timeoutMs, connectionTimeout: options.timeoutMs },
    };
    const sagemaker = new SageMakerClient({ ...common, ...(options.endpoint && { endpoint: options.endpoint }) });
    const s3 = new S3Client({ ...common, ...(options.s3Endpoint && { endpoint: options.s3Endpoint }), forcePathStyle: options.s3ForcePathStyle });
    // Every try has its own timeout; this bounds a call with all its tries and backoff.
    const deadline = () => AbortSignal.timeout(options.timeoutMs * (options.retries + 1) + 30_000);
    const timed = async (registry, operation, what, run) => {
        const started = process.hrtime.bigint();
        let outcome = 'ok';
        try {
            return await run();
        }
        catch (error) {
            const failure = describeAwsError(what, error);
            outcome = failure.failure === 'status' ? (failure.status !== undefined && failure.status >= 500 ? 'server_error' : 'client_error') : failure.failure;
            throw failure;
        }
        finally {
            options.observe?.(registry, operation, outcome, Number(process.hrtime.bigint() - started) / 1e9);
        }
    };
    return {
        async describeModelPackage(arn) {
            return timed('sagemaker', 'DescribeModelPackage', `SageMaker DescribeModelPackage ${arn}`, async () => {
                try {
                    const output = await sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }), { abortSignal: deadline() });
                    if (!output.ModelPackageArn)
                        throw new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`SageMaker DescribeModelPackage ${arn}: the answer has no ModelPackageArn`, 'malformed');
                    return output;
                }
                catch (error) {
                    // SageMaker answers a package that does not exist with a ValidationException saying so.
                    if (awsName(error) === 'ValidationException' && /does not exist|not found/i.test(String(error.message)))
                        return undefined;
                    throw error;
                }
            });
        },
        async updateApproval(arn, status, description) {
            await timed('sagemaker', 'UpdateModelPackage', `SageMaker UpdateModelPackage ${arn}`, () => sagemaker.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: status, ApprovalDescription: description }), { abortSignal: deadline() }));
        },
        async getObject(uri, maxBytes) {
            const { bucket, key } = parseS3Uri(uri);
            return timed('s3', 'GetObject', `S3 GetObject ${uri}`, async () => {
                let output;
                try {
                    output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: deadline() });
                }
                catch (error) {
                    if (['NoSuchKey', 'NoSuchBucket', 'NotFound'].includes(awsName(error) ?? '') || awsStatus(error) === 404)
                        return undefined;
                    throw error;
                }
                if (output.ContentLength !== undefined && output.ContentLength > maxBytes) {
                    output.Body?.destroy?.();
                    throw new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`S3 GetObject ${uri}: the object is ${output.ContentLength} bytes, larger than ${maxBytes}`, 'too_large');
                }
                const chunks = [];
                let total = 0;
                for await (const chunk of (output.Body ?? [])) {
                    total += chunk.byteLength;
                    if (total > maxBytes) {
                        output.Body.destroy?.();
                        throw new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`S3 GetObject ${uri}: the object is larger than ${maxBytes} bytes`, 'too_large');
                    }
                    chunks.push(chunk);
                }
                return new Uint8Array(Buffer.concat(chunks));
            });
        },
        close() {
            sagemaker.destroy();
            s3.destroy();
        },
    };
}
/** `s3://bucket/key` as bucket and key; anything else is not a report location the hook can read. */
function parseS3Uri(uri) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri);
    if (!match)
        throw new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`"${uri}" is not an s3://bucket/key URI`, 'malformed');
    return { bucket: match[1], key: match[2] };
}
function awsName(error) {
    return error?.name;
}
function awsStatus(error) {
    return error?.$metadata?.httpStatusCode;
}
/** An SDK error as a RegistryCallError: the service's error name and message, or why it could not be reached. */
function describeAwsError(what, error) {
    if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI)
        return error;
    const name = awsName(error);
    const status = awsStatus(error);
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'TimeoutError' || name === 'AbortError' || /timed? ?out|timeout/i.test(message))
        return new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`${what}: no answer in time (${message})`, 'timeout');
    if (status !== undefined)
        return new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`${what}: HTTP ${status} ${name ?? ''}: ${message}`.replace(/\s+:/, ':'), 'status', status);
    const code = error?.code;
    if (code || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up/i.test(message))
        return new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`${what}: cannot connect (${code ?? message})`, 'unreachable');
    return new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .RegistryCallError */ .aI(`${what}: ${name ? `${name}: ` : ''}${message}`, 'malformed');
}


/***/ })

};
