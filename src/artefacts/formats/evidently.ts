import { EVIDENTLY_LEGACY_REPORT_FORMAT, EVIDENTLY_LEGACY_SNAPSHOT_FORMAT, EVIDENTLY_LEGACY_TEST_SUITE_FORMAT } from './evidently-legacy.js';
import { EVIDENTLY_REPORT_FORMAT, EVIDENTLY_SNAPSHOT_FORMAT } from './evidently-v2.js';
import type { FormatAdapter } from './types.js';

export { EVIDENTLY_LEGACY_REPORT_FORMAT, EVIDENTLY_LEGACY_SNAPSHOT_FORMAT, EVIDENTLY_LEGACY_TEST_SUITE_FORMAT } from './evidently-legacy.js';
export { EVIDENTLY_REPORT_FORMAT, EVIDENTLY_SNAPSHOT_FORMAT } from './evidently-v2.js';

/**
 * Every Evidently drift output modelgate reads, one adapter per schema generation. Their
 * detection rules exclude each other, so the order only matters against other formats.
 */
export const EVIDENTLY_FORMATS: readonly FormatAdapter[] = [
  EVIDENTLY_LEGACY_REPORT_FORMAT,
  EVIDENTLY_LEGACY_TEST_SUITE_FORMAT,
  EVIDENTLY_LEGACY_SNAPSHOT_FORMAT,
  EVIDENTLY_REPORT_FORMAT,
  EVIDENTLY_SNAPSHOT_FORMAT,
];
