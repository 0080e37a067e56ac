import type { FormatAdapter } from './types.js';
import { CYCLONEDX_MLBOM_FORMAT } from './cyclonedx.js';
import { HUGGINGFACE_MODEL_CARD_FORMAT } from './huggingface.js';
import { NATIVE_FORMATS } from './native.js';

/**
 * Every format modelgate reads, in detection order: more specific formats first. A
 * Hugging Face card is any Markdown file, so it comes last.
 */
export const FORMATS: readonly FormatAdapter[] = [...NATIVE_FORMATS, CYCLONEDX_MLBOM_FORMAT, HUGGINGFACE_MODEL_CARD_FORMAT];

export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((format) => format.id === id);
}
