import type { FormatAdapter } from './types.js';
import { NATIVE_FORMATS } from './native.js';

/** Every format modelgate reads, in detection order: more specific formats first. */
export const FORMATS: readonly FormatAdapter[] = [...NATIVE_FORMATS];

export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((format) => format.id === id);
}
