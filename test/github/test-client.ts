import Bottleneck from 'bottleneck';
import { createGitHubClient, type ClientLog, type GitHubClientOptions } from '../../src/github/client.js';

export const TEST_TOKEN = 'ghs_inprocesstoken00000000000000000000001';

export interface CollectedLog extends ClientLog {
  lines: string[];
}

export function collectLog(): CollectedLog {
  const lines: string[] = [];
  return {
    lines,
    debug: (message) => lines.push(`debug: ${message}`),
    info: (message) => lines.push(`info: ${message}`),
    warning: (message) => lines.push(`warning: ${message}`),
  };
}

/**
 * The Action's client pointed at the loopback server, with waits of a millisecond per second
 * of `Retry-After` and without GitHub's spacing of writes, so fault tests take no time.
 */
export function testClient(baseUrl: string, log: ClientLog = collectLog(), retries = 2, options: Pick<GitHubClientOptions, 'timeoutMs' | 'signal' | 'maxPages'> = {}) {
  const group = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  return createGitHubClient({ token: TEST_TOKEN, baseUrl, log, retries, retryAfterBaseValue: 1, throttle: { write: group(), notifications: group(), search: group() }, ...options });
}
