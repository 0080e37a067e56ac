import type { SourceLocation } from './document/location.js';
import { formatLocation } from './document/location.js';

/**
 * `usage` and `config` errors end a run with exit code 2; `artefact` errors are
 * turned into blocking results by the engine, so they never end a run on their own.
 */
export type ErrorCode = 'usage' | 'config' | 'artefact';

export class ModelgateError extends Error {
  readonly code: ErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: SourceLocation) {
    super(location ? `${formatLocation(location)}: ${message}` : message);
    this.name = 'ModelgateError';
    this.code = code;
    this.location = location;
  }

  /** The reason without the location prefix, for reports that show the location separately. */
  get reason(): string {
    return this.location ? this.message.slice(formatLocation(this.location).length + 2) : this.message;
  }
}

export function configError(message: string, location?: SourceLocation): ModelgateError {
  return new ModelgateError('config', message, location);
}

export function artefactError(message: string, location?: SourceLocation): ModelgateError {
  return new ModelgateError('artefact', message, location);
}

export function isModelgateError(error: unknown): error is ModelgateError {
  return error instanceof ModelgateError;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
