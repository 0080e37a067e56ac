import type { ParsedDocument } from '../../document/parse.js';
import type { SourceLocation } from '../../document/location.js';
import type { ArtefactKind } from '../evidence.js';
import type { Limits } from '../../document/limits.js';

/** The bytes of one artefact file, already decoded, with a lazily parsed structured view. */
export interface ArtefactInput {
  path: string;
  text: string;
  /** The bounds the parsers of this file must respect. */
  limits: Limits;
  /** Parses the text as YAML or JSON once, on first use; throws an `artefact` error naming the line. */
  structured(): ParsedDocument;
}

export interface AdaptedEvidence {
  /** Unvalidated normalized data; the caller validates it against the kind's schema. */
  data: Record<string, unknown>;
  fieldLocations: Record<string, SourceLocation>;
  /** Where a value of the normalized data stands, when the format maps it one to one. */
  locate?: (path: readonly (string | number)[]) => SourceLocation;
}

/**
 * One real-world format of one artefact kind. `detect` is cheap and answers false for
 * a file of another format; it throws only when the file cannot be parsed at all.
 */
export interface FormatAdapter {
  id: string;
  kind: ArtefactKind;
  description: string;
  detect(input: ArtefactInput): boolean;
  adapt(input: ArtefactInput): AdaptedEvidence;
}
