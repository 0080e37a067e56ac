import type { z } from 'zod';
import { artefactError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../document/limits.js';
import type { SourceLocation } from '../document/location.js';
import { parseStructured, type ParsedDocument } from '../document/parse.js';
import { firstIssue, safeParseUnchanged } from '../document/validate.js';
import { EVIDENCE_SCHEMAS, type ArtefactKind, type Evidence, type EvidenceByKind } from './evidence.js';
import { FORMATS } from './formats/index.js';
import type { ArtefactInput, FormatAdapter } from './formats/types.js';

export interface ArtefactFile {
  path: string;
  text: string;
  sha256: string;
}

export interface ReadOptions {
  /** The kind the file must be; when absent, any kind whose format matches. */
  kind?: ArtefactKind | undefined;
  /** A format id that skips detection, for files whose format is ambiguous. */
  format?: string | undefined;
  limits?: Limits | undefined;
  /** The formats to detect among; all known formats by default. */
  formats?: readonly FormatAdapter[] | undefined;
}

export function toArtefactInput(file: Pick<ArtefactFile, 'path' | 'text'>, limits: Limits = DEFAULT_LIMITS): ArtefactInput {
  let parsed: ParsedDocument | undefined;
  return {
    path: file.path,
    text: file.text,
    limits,
    structured: () => (parsed ??= parseStructured(file.text, file.path, { limits, errorCode: 'artefact' })),
  };
}

export function detectFormat(input: ArtefactInput, kind?: ArtefactKind, formats: readonly FormatAdapter[] = FORMATS): FormatAdapter {
  const candidates = formats.filter((format) => kind === undefined || format.kind === kind);
  const match = candidates.find((format) => format.detect(input));
  if (match) return match;
  const expected = kind ? `a ${kind} format` : 'a known artefact format';
  throw artefactError(
    `unknown format: not ${expected} (readable formats: ${candidates.map((format) => format.id).join(', ')})`,
    { path: input.path },
  );
}

/** Pure: detects the format of one file, adapts it and validates the normalized evidence. */
export function readArtefact(file: ArtefactFile, options: ReadOptions = {}): Evidence {
  const input = toArtefactInput(file, options.limits);
  const formats = options.formats ?? FORMATS;
  const format = options.format
    ? requireFormat(options.format, options.kind, file.path, formats)
    : detectFormat(input, options.kind, formats);
  const adapted = format.adapt(input);
  const schema: z.ZodType = EVIDENCE_SCHEMAS[format.kind];
  const result = safeParseUnchanged(schema, adapted.data);
  if (!result.success) {
    const { issue, pointer } = firstIssue(result.error);
    const where = adapted.locate?.(pointer) ?? issueLocation(pointer, adapted.data, adapted.fieldLocations) ?? { path: file.path };
    const field = pointer.length > 0 ? `${pointer.join('.')}: ` : '';
    throw artefactError(`not a valid ${format.kind} (${format.id}): ${field}${issue.message}`, where);
  }
  return {
    kind: format.kind,
    data: result.data as EvidenceByKind[ArtefactKind],
    sources: [{ path: file.path, format: format.id, sha256: file.sha256 }],
    fieldLocations: adapted.fieldLocations,
  };
}

function requireFormat(id: string, kind: ArtefactKind | undefined, path: string, formats: readonly FormatAdapter[]): FormatAdapter {
  const format = formats.find((candidate) => candidate.id === id);
  if (!format) throw artefactError(`unknown format "${id}"`, { path });
  if (kind && format.kind !== kind) {
    throw artefactError(`format "${id}" reads ${format.kind}, not ${kind}`, { path });
  }
  return format;
}

/** The item's own location when the issue is inside a located list item, else the field's. */
function issueLocation(
  path: readonly PropertyKey[],
  data: Record<string, unknown>,
  fieldLocations: Record<string, SourceLocation>,
): SourceLocation | undefined {
  const [field, index] = path;
  if (typeof field !== 'string') return undefined;
  const list = data[field];
  if (typeof index === 'number' && Array.isArray(list)) {
    const item: unknown = list[index];
    if (typeof item === 'object' && item !== null && 'location' in item) return item.location as SourceLocation;
  }
  return fieldLocations[field];
}

/**
 * Several files of one kind (e.g. `lineage/*.json`) make one evidence: lists are
 * joined; drift is drifted when any report says so and its share is the largest stated.
 * A model has one model card, so several are an error.
 */
export function mergeEvidence(kind: ArtefactKind, parts: readonly Evidence[]): Evidence {
  if (parts.length === 1) return parts[0]!;
  const sources = parts.flatMap((part) => part.sources);
  const fieldLocations = Object.assign({}, ...parts.map((part) => part.fieldLocations).reverse()) as Record<string, SourceLocation>;
  const data = parts.map((part) => part.data);
  switch (kind) {
    case 'model_card':
      throw artefactError(
        `a model has one model card, but ${parts.length} files matched: ${sources.map((source) => source.path).join(', ')}`,
        { path: sources[0]!.path },
      );
    case 'lineage': {
      const lineage = data as EvidenceByKind['lineage'][];
      const jobs = new Map(lineage.flatMap((l) => l.jobs).map((job) => [`${job.namespace ?? ''}\u0000${job.name}`, job]));
      return {
        kind,
        sources,
        fieldLocations,
        data: { datasets: lineage.flatMap((l) => l.datasets), jobs: [...jobs.values()], ...withDefined('extra', mergeExtra(lineage)) },
      };
    }
    case 'bias': {
      const bias = data as EvidenceByKind['bias'][];
      const attributes = [...new Set(bias.flatMap((b) => b.protected_attributes))];
      return {
        kind,
        sources,
        fieldLocations,
        data: { protected_attributes: attributes, metrics: bias.flatMap((b) => b.metrics), ...withDefined('extra', mergeExtra(bias)) },
      };
    }
    case 'drift': {
      const drift = data as EvidenceByKind['drift'][];
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

function withDefined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Unmapped fields of several files: lists are joined (e.g. every file's events), other values the last file's. */
function mergeExtra(parts: readonly { extra?: Record<string, unknown> | undefined }[]): Record<string, unknown> | undefined {
  const extras = parts.map((part) => part.extra).filter((extra): extra is Record<string, unknown> => extra !== undefined);
  if (extras.length === 0) return undefined;
  const merged: Record<string, unknown> = {};
  for (const extra of extras) {
    for (const [key, value] of Object.entries(extra)) {
      const previous = merged[key];
      merged[key] = Array.isArray(previous) && Array.isArray(value) ? [...previous, ...value] : value;
    }
  }
  return merged;
}
