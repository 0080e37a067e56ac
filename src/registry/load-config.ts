import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compilePolicy, type CompiledPolicy } from '../engine/compile.js';
import { configError, ModelgateError } from '../errors.js';
import { createFsPolicySource } from '../io/policy-source.js';
import { decodeText, toPosix } from '../io/workspace.js';
import { loadPolicy } from '../policy/load.js';
import { parseServeConfig, type SecretRef, type ServeConfig } from './config.js';

/** The hook server's configuration with its secrets read and its policy compiled: what the server runs on. */
export interface HookRuntimeConfig {
  /** The config file as shown in messages. */
  path: string;
  /** Its folder: relative policy paths and `file:` audit paths start here. */
  dir: string;
  config: ServeConfig;
  policy: CompiledPolicy;
  /** The audit store URL (a secret when it is a PostgreSQL URL with a password). */
  auditUrl: string;
  secrets: HookSecrets;
}

export interface HookSecrets {
  mlflow?: { webhook: string; token?: string; password?: string };
  huggingface?: { webhook: string; token?: string };
  sagemaker?: { shared: string };
}

/** Larger secret files are a mistake (a wrong path), not a secret. */
const MAX_SECRET_BYTES = 64 * 1024;

/**
 * Reads the config file, reads each secret from its environment variable or file, and loads
 * the policy. Every failure is a config error naming the file and line, before the server
 * listens; no secret value ever appears in a message.
 */
export async function loadServeConfig(file: string, options: { cwd: string; env: Record<string, string | undefined> }): Promise<HookRuntimeConfig> {
  const absolute = path.resolve(options.cwd, file);
  const shown = toPosix(path.relative(options.cwd, absolute)) || absolute;
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelgateError('usage', `config file not found: ${file}`);
    throw configError(`cannot read the serve config ${shown}: ${code ?? (error as Error).message}`);
  }
  let text: string;
  try {
    text = decodeText(bytes, shown);
  } catch (error) {
    throw configError((error as Error).message);
  }
  const parsed = parseServeConfig(text, shown);
  const { config } = parsed;
  const dir = path.dirname(absolute);

  const secret = async (reference: SecretRef, pointer: (string | number)[]): Promise<string> => {
    const at = parsed.locate(pointer);
    if ('secret_env' in reference) {
      const value = options.env[reference.secret_env];
      if (value === undefined || value.trim() === '') throw configError(`${pointer.join('.')}: the environment variable ${reference.secret_env} is not set`, at);
      return value.trim();
    }
    const secretPath = path.resolve(dir, reference.secret_file);
    let content: Buffer;
    try {
      content = await readFile(secretPath);
    } catch (error) {
      throw configError(`${pointer.join('.')}: cannot read the secret file ${reference.secret_file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, at);
    }
    if (content.length > MAX_SECRET_BYTES) throw configError(`${pointer.join('.')}: the secret file ${reference.secret_file} is larger than ${MAX_SECRET_BYTES} bytes`, at);
    // A trailing newline is how editors and `echo` end files; it is never part of the secret.
    const value = content.toString('utf8').replace(/[\r\n]+$/, '');
    if (value.trim() === '') throw configError(`${pointer.join('.')}: the secret file ${reference.secret_file} is empty`, at);
    return value;
  };

  const secrets: HookSecrets = {};
  if (config.mlflow) {
    const { webhook_secret, token, password } = config.mlflow;
    secrets.mlflow = {
      webhook: await secret(webhook_secret, ['mlflow', 'webhook_secret']),
      ...(token && { token: await secret(token, ['mlflow', 'token']) }),
      ...(password && { password: await secret(password, ['mlflow', 'password']) }),
    };
  }
  if (config.huggingface) {
    const { webhook_secret, token } = config.huggingface;
    secrets.huggingface = {
      webhook: await secret(webhook_secret, ['huggingface', 'webhook_secret']),
      ...(token && { token: await secret(token, ['huggingface', 'token']) }),
    };
  }
  if (config.sagemaker) secrets.sagemaker = { shared: await secret(config.sagemaker.shared_secret, ['sagemaker', 'shared_secret']) };

  const auditUrl = typeof config.audit.url === 'string' ? config.audit.url : await secret(config.audit.url, ['audit', 'url']);
  if (!/^file:/i.test(auditUrl) && !/^postgres(ql)?:\/\//i.test(auditUrl)) {
    throw configError('audit.url: the secret must be a postgres://... or file:PATH URL', parsed.locate(['audit', 'url']));
  }
  const policy = compilePolicy(loadPolicy(config.policy, createFsPolicySource(dir)));
  return { path: shown, dir, config, policy, auditUrl, secrets };
}
