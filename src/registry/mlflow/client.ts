import { z } from 'zod';
import { callRegistry, parseJsonBody, RegistryCallError, type CallOptions } from '../http.js';

/**
 * The MLflow REST API calls the hook makes (API 2.0, as MLflow's own REST store calls them:
 * GET with query parameters, POST and DELETE with a JSON body), and artifact downloads
 * through the tracking server's artifacts proxy (`mlflow server --serve-artifacts`, the
 * default since MLflow 2).
 */

const ModelVersionSchema = z.looseObject({
  name: z.string(),
  version: z.union([z.string(), z.number().transform(String)]),
  run_id: z.string().nullable().optional(),
  source: z.string().nullable().optional(),
  status: z.string().optional(),
  aliases: z.array(z.string()).optional(),
});
export type ModelVersion = z.output<typeof ModelVersionSchema>;

const ModelVersionAnswerSchema = z.looseObject({ model_version: ModelVersionSchema });
const RunAnswerSchema = z.looseObject({
  run: z.looseObject({ info: z.looseObject({ run_id: z.string().optional(), artifact_uri: z.string().min(1) }) }),
});

export interface MlflowClient {
  /** The model version, or undefined when MLflow says it does not exist. */
  getModelVersion(name: string, version: string): Promise<ModelVersion | undefined>;
  /** The run's artifact root URI (looked up once per run: MLflow never changes it). */
  getRunArtifactUri(runId: string): Promise<string>;
  /** A file under an artifact root, or undefined when it is not there. */
  downloadArtifact(artifactUri: string, path: string, maxBytes: number): Promise<Uint8Array | undefined>;
  setModelVersionTag(name: string, version: string, key: string, value: string): Promise<void>;
  /** The version an alias points to, or undefined when the alias is not set. */
  getAliasVersion(name: string, alias: string): Promise<string | undefined>;
  setAlias(name: string, alias: string, version: string): Promise<void>;
  deleteAlias(name: string, alias: string): Promise<void>;
  /** The UI page of a model version, for audit records. */
  modelVersionUrl(name: string, version: string): string;
}

export interface MlflowClientOptions {
  trackingUri: string;
  token?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  call: (operation: string) => CallOptions;
}

/** Runs whose artifact URI a client keeps; the oldest is forgotten first. */
const MAX_KNOWN_RUNS = 1024;

export function createMlflowClient(options: MlflowClientOptions): MlflowClient {
  const api = `${options.trackingUri}/api/2.0/mlflow`;
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  else if (options.username && options.password) headers.authorization = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;

  const json = async <T extends z.ZodType>(operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, body: Record<string, string>, schema: T, accept: number[] = []) => {
    const what = `MLflow ${method} ${path}`;
    const url = method === 'GET' ? `${api}/${path}?${new URLSearchParams(body).toString()}` : `${api}/${path}`;
    const response = await callRegistry(what, { method, url, headers, ...(method !== 'GET' && { json: body }), accept }, options.call(operation));
    if (accept.includes(response.status)) return { status: response.status, value: undefined, error: mlflowError(response.body) };
    const parsed = schema.safeParse(parseJsonBody(what, response));
    if (!parsed.success) throw new RegistryCallError(`${what}: unexpected answer: ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}`, 'malformed', response.status);
    return { status: response.status, value: parsed.data as z.output<T> };
  };

  // MLflow sets a run's artifact URI when the run is created and has no call that changes it, so
  // one lookup serves every later event of the run's model versions (registration, tags, aliases).
  // Only answers are kept, never failures; the files themselves are always fetched afresh.
  const artifactUris = new Map<string, string>();

  return {
    async getModelVersion(name, version) {
      const { value } = await json('model-versions/get', 'GET', 'model-versions/get', { name, version }, ModelVersionAnswerSchema, [404]);
      return value?.model_version;
    },

    async getRunArtifactUri(runId) {
      const known = artifactUris.get(runId);
      if (known !== undefined) return known;
      const { value } = await json('runs/get', 'GET', 'runs/get', { run_id: runId }, RunAnswerSchema);
      const uri = value!.run.info.artifact_uri;
      if (artifactUris.size >= MAX_KNOWN_RUNS) artifactUris.delete(artifactUris.keys().next().value!);
      artifactUris.set(runId, uri);
      return uri;
    },

    async downloadArtifact(artifactUri, path, maxBytes) {
      const root = proxiedArtifactPath(artifactUri);
      const url = `${options.trackingUri}/api/2.0/mlflow-artifacts/artifacts/${[...root.split('/'), ...path.split('/')].filter(Boolean).map(encodeURIComponent).join('/')}`;
      const call = options.call('mlflow-artifacts download');
      const response = await callRegistry(`MLflow artifact ${path}`, { url, headers: { ...headers, accept: '*/*' }, accept: [404] }, { ...call, maxBytes });
      return response.status === 404 ? undefined : response.body;
    },

    async setModelVersionTag(name, version, key, value) {
      // A version deleted since the decision has nowhere to hold the tags; the record still says it all.
      await json('model-versions/set-tag', 'POST', 'model-versions/set-tag', { name, version, key, value }, z.unknown(), [404]);
    },

    async getAliasVersion(name, alias) {
      const answer = await json('registered-models/alias', 'GET', 'registered-models/alias', { name, alias }, ModelVersionAnswerSchema, [400, 404]);
      if (answer.value) return answer.value.model_version.version;
      // MLflow's stores answer an alias that is not set with 400 INVALID_PARAMETER_VALUE "Registered model alias <alias> not found."
      if (answer.status === 404 || /alias .* not found/i.test(answer.error?.message ?? '')) return undefined;
      throw new RegistryCallError(`MLflow GET registered-models/alias: HTTP ${answer.status}${answer.error ? ` (${answer.error.error_code}: ${answer.error.message})` : ''}`, 'status', answer.status);
    },

    async setAlias(name, alias, version) {
      await json('registered-models/alias', 'POST', 'registered-models/alias', { name, alias, version }, z.unknown());
    },

    async deleteAlias(name, alias) {
      // Deleting an alias that is already gone is what was wanted.
      await json('registered-models/alias', 'DELETE', 'registered-models/alias', { name, alias }, z.unknown(), [404]);
    },

    modelVersionUrl(name, version) {
      return `${options.trackingUri}/#/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}`;
    },
  };
}

/**
 * The path under the artifacts proxy of a run's artifact root: `mlflow-artifacts:/0/<run>/artifacts`
 * or `mlflow-artifacts://host:port/0/<run>/artifacts`. Any other scheme (s3://, gs://, a local
 * path) is stored where only the MLflow client reaches it, not through the tracking server.
 */
export function proxiedArtifactPath(artifactUri: string): string {
  const match = /^mlflow-artifacts:(\/\/[^/]*)?\/?(.*)$/.exec(artifactUri);
  if (!match) {
    throw new RegistryCallError(
      `the run's artifacts are at ${artifactUri}, which the tracking server does not serve: run \`mlflow server\` with --serve-artifacts (artifact URIs mlflow-artifacts:/...)`,
      'malformed',
    );
  }
  return match[2]!.replace(/\/+$/, '');
}

/** MLflow's error body, `{"error_code": "...", "message": "..."}`, when the answer has one. */
function mlflowError(body: Uint8Array): { error_code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { error_code?: unknown; message?: unknown };
    return typeof parsed.error_code === 'string' ? { error_code: parsed.error_code, message: typeof parsed.message === 'string' ? parsed.message : '' } : undefined;
  } catch {
    return undefined;
  }
}
