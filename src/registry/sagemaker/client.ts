import type { CallOutcome } from '../http.js';
import { RegistryCallError } from '../http.js';

/**
 * SageMaker Model Registry and S3 through the official AWS SDK v3 clients (see
 * docs/decisions/0003-aws-client.md): credentials from the SDK's default chain (environment,
 * shared files, container and instance roles, web identity), SigV4, the SDK's standard
 * retry strategy with backoff, and a timeout on every request. Loaded only when the
 * `sagemaker` source is configured.
 */

/** The fields of DescribeModelPackage the hook reads. */
export interface ModelPackage {
  ModelPackageArn: string;
  ModelPackageGroupName?: string | undefined;
  ModelPackageName?: string | undefined;
  ModelPackageVersion?: number | undefined;
  ModelPackageStatus?: string | undefined;
  ModelApprovalStatus?: string | undefined;
  ApprovalDescription?: string | undefined;
  ModelMetrics?: unknown;
  DriftCheckBaselines?: unknown;
  CustomerMetadataProperties?: Record<string, string> | undefined;
}

export interface SageMakerRegistry {
  /** The package, or undefined when SageMaker says it does not exist. */
  describeModelPackage(arn: string): Promise<ModelPackage | undefined>;
  updateApproval(arn: string, status: string, description: string): Promise<void>;
  /** An S3 object, or undefined when there is no such bucket or key. */
  getObject(uri: string, maxBytes: number): Promise<Uint8Array | undefined>;
  close(): void;
}

export interface SageMakerRegistryOptions {
  region?: string | undefined;
  endpoint?: string | undefined;
  s3Endpoint?: string | undefined;
  s3ForcePathStyle: boolean;
  timeoutMs: number;
  retries: number;
  /** Static credentials (tests); production uses the SDK's default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
  observe?: (registry: 'sagemaker' | 's3', operation: string, outcome: CallOutcome, seconds: number) => void;
}

export async function createSageMakerRegistry(options: SageMakerRegistryOptions): Promise<SageMakerRegistry> {
  const [{ SageMakerClient, DescribeModelPackageCommand, UpdateModelPackageCommand }, { S3Client, GetObjectCommand }] = await Promise.all([
    import('@aws-sdk/client-sagemaker'),
    import('@aws-sdk/client-s3'),
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

  const timed = async <T>(registry: 'sagemaker' | 's3', operation: string, what: string, run: () => Promise<T>): Promise<T> => {
    const started = process.hrtime.bigint();
    let outcome: CallOutcome = 'ok';
    try {
      return await run();
    } catch (error) {
      const failure = describeAwsError(what, error);
      outcome = failure.failure === 'status' ? (failure.status !== undefined && failure.status >= 500 ? 'server_error' : 'client_error') : failure.failure;
      throw failure;
    } finally {
      options.observe?.(registry, operation, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };

  return {
    async describeModelPackage(arn) {
      return timed('sagemaker', 'DescribeModelPackage', `SageMaker DescribeModelPackage ${arn}`, async () => {
        try {
          const output = await sagemaker.send(new DescribeModelPackageCommand({ ModelPackageName: arn }), { abortSignal: deadline() });
          if (!output.ModelPackageArn) throw new RegistryCallError(`SageMaker DescribeModelPackage ${arn}: the answer has no ModelPackageArn`, 'malformed');
          return output as ModelPackage;
        } catch (error) {
          // SageMaker answers a package that does not exist with a ValidationException saying so.
          if (awsName(error) === 'ValidationException' && /does not exist|not found/i.test(String((error as Error).message))) return undefined;
          throw error;
        }
      });
    },

    async updateApproval(arn, status, description) {
      await timed('sagemaker', 'UpdateModelPackage', `SageMaker UpdateModelPackage ${arn}`, () =>
        sagemaker.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: status as never, ApprovalDescription: description }), { abortSignal: deadline() }),
      );
    },

    async getObject(uri, maxBytes) {
      const { bucket, key } = parseS3Uri(uri);
      return timed('s3', 'GetObject', `S3 GetObject ${uri}`, async () => {
        let output;
        try {
          output = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: deadline() });
        } catch (error) {
          if (['NoSuchKey', 'NoSuchBucket', 'NotFound'].includes(awsName(error) ?? '') || awsStatus(error) === 404) return undefined;
          throw error;
        }
        if (output.ContentLength !== undefined && output.ContentLength > maxBytes) {
          (output.Body as { destroy?: () => void } | undefined)?.destroy?.();
          throw new RegistryCallError(`S3 GetObject ${uri}: the object is ${output.ContentLength} bytes, larger than ${maxBytes}`, 'too_large');
        }
        const chunks: Uint8Array[] = [];
        let total = 0;
        for await (const chunk of (output.Body ?? []) as AsyncIterable<Uint8Array>) {
          total += chunk.byteLength;
          if (total > maxBytes) {
            (output.Body as { destroy?: () => void }).destroy?.();
            throw new RegistryCallError(`S3 GetObject ${uri}: the object is larger than ${maxBytes} bytes`, 'too_large');
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
export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/.exec(uri);
  if (!match) throw new RegistryCallError(`"${uri}" is not an s3://bucket/key URI`, 'malformed');
  return { bucket: match[1]!, key: match[2]! };
}

function awsName(error: unknown): string | undefined {
  return (error as { name?: string } | undefined)?.name;
}

function awsStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

/** An SDK error as a RegistryCallError: the service's error name and message, or why it could not be reached. */
function describeAwsError(what: string, error: unknown): RegistryCallError {
  if (error instanceof RegistryCallError) return error;
  const name = awsName(error);
  const status = awsStatus(error);
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TimeoutError' || name === 'AbortError' || /timed? ?out|timeout/i.test(message)) return new RegistryCallError(`${what}: no answer in time (${message})`, 'timeout');
  if (status !== undefined) return new RegistryCallError(`${what}: HTTP ${status} ${name ?? ''}: ${message}`.replace(/\s+:/, ':'), 'status', status);
  const code = (error as { code?: string } | undefined)?.code;
  if (code || /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|socket hang up/i.test(message)) return new RegistryCallError(`${what}: cannot connect (${code ?? message})`, 'unreachable');
  return new RegistryCallError(`${what}: ${name ? `${name}: ` : ''}${message}`, 'malformed');
}
