import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';

/**
 * The PostgreSQL tests run against a real server named by MODELGATE_TEST_POSTGRES_URL
 * (`.ci/postgres.sh` starts one). Without it they are skipped with a message, except in CI,
 * where a missing server is a failure: CI must never pass without testing this store.
 */
export const POSTGRES_URL = process.env.MODELGATE_TEST_POSTGRES_URL;
export const POSTGRES_RESTART = process.env.MODELGATE_TEST_POSTGRES_RESTART;

export function requirePostgres(what: string): void {
  if (POSTGRES_URL) return;
  if (process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase())) {
    it(`has a PostgreSQL server for ${what}`, () => {
      expect.fail('MODELGATE_TEST_POSTGRES_URL is not set but CI is: .ci/run must start PostgreSQL with `eval "$(bash .ci/postgres.sh)"`');
    });
  } else {
    console.warn(`skipping ${what}: MODELGATE_TEST_POSTGRES_URL is not set (start a throwaway server with: eval "$(bash .ci/postgres.sh)")`);
  }
}

/** The test server's URL with a fresh chain, so tests never see each other's records. */
export function chainUrl(chain = `test-${randomUUID()}`, base = POSTGRES_URL!): string {
  const url = new URL(base);
  url.searchParams.set('chain', chain);
  return url.toString();
}

/** The URL without its password, as messages must show it. */
export function shownUrl(base = POSTGRES_URL!): string {
  const url = new URL(base);
  return `${url.protocol}//${url.username}@${url.host}${url.pathname}`;
}
