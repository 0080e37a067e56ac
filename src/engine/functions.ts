import semver from 'semver';

/**
 * Functions policies can call besides the CEL standard library. They are pure: the time
 * of evaluation reaches a policy as the variable `now`, never through a clock read here.
 */
export interface CelFunction {
  signature: string;
  description: string;
  handler: (...args: never[]) => unknown;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A date (midnight UTC) or an RFC 3339 time with an offset; anything else is an error, never a guess. */
export function parseInstant(value: string): number {
  const text = value.trim();
  const millis = DATE.test(text) ? Date.parse(`${text}T00:00:00Z`) : DATE_TIME.test(text) ? Date.parse(text.replace(' ', 'T')) : Number.NaN;
  // Date.parse may roll 2026-02-30 over to March; a calendar date must read back unchanged.
  const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(millis) || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== text.slice(0, 10)) {
    throw new Error(`not a date (YYYY-MM-DD) or an RFC 3339 time: "${value}"`);
  }
  return millis;
}

function version(value: string): string {
  const valid = semver.valid(value.trim());
  if (valid === null) throw new Error(`not a semantic version: "${value}"`);
  return valid;
}

export const CEL_FUNCTIONS: readonly CelFunction[] = [
  {
    signature: 'days_between(string, string): double',
    description: 'days from the first time to the second (negative when the first is later), e.g. days_between(drift.current.end, now)',
    handler: (from: string, to: string) => (parseInstant(to) - parseInstant(from)) / DAY_MS,
  },
  {
    signature: 'semver_valid(string): bool',
    description: 'whether the string is a semantic version such as 1.4.0 or 2.0.0-rc.1',
    handler: (value: string) => semver.valid(value.trim()) !== null,
  },
  {
    signature: 'semver_compare(string, string): int',
    description: '-1, 0 or 1 as the first version is lower than, equal to or higher than the second',
    handler: (left: string, right: string) => BigInt(semver.compare(version(left), version(right))),
  },
  {
    signature: 'semver_satisfies(string, string): bool',
    description: 'whether the version lies in the range, e.g. semver_satisfies(model.version, ">=1.0.0 <2.0.0")',
    handler: (value: string, range: string) => {
      if (semver.validRange(range) === null) throw new Error(`not a semantic version range: "${range}"`);
      return semver.satisfies(version(value), range, { includePrerelease: true });
    },
  },
];
