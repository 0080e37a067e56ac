import type { FormatAdapter } from './types.js';
import { CYCLONEDX_MLBOM_FORMAT } from './cyclonedx.js';
import { EVIDENTLY_FORMATS } from './evidently.js';
import { FAIRLEARN_TABLE_FORMAT } from './fairlearn-table.js';
import { HUGGINGFACE_MODEL_CARD_FORMAT } from './huggingface.js';
import { MODEL_CARD_TOOLKIT_FORMAT } from './model-card-toolkit.js';
import { NATIVE_FORMATS } from './native.js';
import { OPENLINEAGE_FORMAT } from './openlineage.js';
import { SAGEMAKER_CLARIFY_FORMAT } from './sagemaker-clarify.js';
import { SAGEMAKER_MODEL_MONITOR_FORMAT } from './sagemaker-model-monitor.js';
import { SPDX_AI_FORMAT } from './spdx-ai.js';

/**
 * Every format modelgate reads, in detection order: formats recognised by a distinctive
 * marker first; the catch-alls last — a Fairlearn table is any CSV with a numeric column
 * and a Hugging Face card is any Markdown file.
 */
export const FORMATS: readonly FormatAdapter[] = [
  ...NATIVE_FORMATS,
  CYCLONEDX_MLBOM_FORMAT,
  SPDX_AI_FORMAT,
  MODEL_CARD_TOOLKIT_FORMAT,
  OPENLINEAGE_FORMAT,
  SAGEMAKER_CLARIFY_FORMAT,
  SAGEMAKER_MODEL_MONITOR_FORMAT,
  ...EVIDENTLY_FORMATS,
  FAIRLEARN_TABLE_FORMAT,
  HUGGINGFACE_MODEL_CARD_FORMAT,
];

export function findFormat(id: string): FormatAdapter | undefined {
  return FORMATS.find((format) => format.id === id);
}
