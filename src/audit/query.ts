import type { Verdict } from '../engine/decision.js';
import { ModelgateError } from '../errors.js';
import type { AuditRecord, RecordKind } from './record.js';

/** What `audit log` and `audit export` keep; every list means "any of", an absent field means "all". */
export interface RecordFilter {
  models?: readonly string[];
  kinds?: readonly RecordKind[];
  verdicts?: readonly Verdict[];
  /** Users who approved (state `approved`), compared case-insensitively as logins are. */
  approvers?: readonly string[];
  /** Inclusive lower bound. */
  since?: Date;
  /** Exclusive upper bound (see `parseTimeBound`). */
  until?: Date;
}

export function matchesFilter(record: AuditRecord, filter: RecordFilter): boolean {
  if (filter.models?.length && !(record.subject && filter.models.includes(record.subject.model))) return false;
  if (filter.kinds?.length && !filter.kinds.includes(record.kind)) return false;
  if (filter.verdicts?.length && !(record.verdict && filter.verdicts.includes(record.verdict))) return false;
  if (filter.approvers?.length) {
    const wanted = new Set(filter.approvers.map((user) => user.toLowerCase()));
    if (!record.approvals.some((approval) => approval.state === 'approved' && wanted.has(approval.user.toLowerCase()))) return false;
  }
  const time = Date.parse(record.time);
  if (filter.since && time < filter.since.getTime()) return false;
  if (filter.until && time >= filter.until.getTime()) return false;
  return true;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * `--since` and `--until` values as bounds. A date alone is a whole day in UTC: `--since`
 * starts at its midnight and `--until` includes all of it, which is what a person means by
 * "until 2026-03-31". A date-time must name its offset, so the bound never depends on
 * the machine's time zone. Returned as the inclusive start or the exclusive end.
 */
export function parseTimeBound(value: string, bound: 'since' | 'until'): Date {
  // The calendar check matters: Date.parse reads 2026-02-30 as March 2nd.
  const day = value.slice(0, 10);
  const realDay = DATE_ONLY.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);
  const valid = realDay && (DATE_ONLY.test(value) || DATE_TIME.test(value));
  const parsed = valid ? Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value) : Number.NaN;
  if (Number.isNaN(parsed)) {
    throw new ModelgateError('usage', `--${bound} ${value}: expected an ISO 8601 date (2026-03-31) or date-time with offset (2026-03-31T12:00:00Z)`);
  }
  if (bound === 'since') return new Date(parsed);
  return new Date(parsed + (DATE_ONLY.test(value) ? 24 * 60 * 60 * 1000 : 1));
}
