import { formatLocation } from '../document/location.js';
import type { PolicyTestOutcome } from '../engine/policy-test.js';

/** A test-runner report: one line per case, the unmet expectations below a failing case, a summary line. */
export function renderPolicyTestReport(outcomes: readonly PolicyTestOutcome[]): string {
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const outcome of outcomes) {
    lines.push(`${outcome.path} (policy ${outcome.policy.name} ${outcome.policy.version})`);
    for (const testCase of outcome.cases) {
      if (testCase.failures.length === 0) {
        passed++;
        lines.push(`  ✓ ${testCase.name}`);
        continue;
      }
      failed++;
      lines.push(`  ✗ ${testCase.name}  (${formatLocation(testCase.location)})`);
      for (const failure of testCase.failures) lines.push(`      ${failure}`);
    }
    lines.push('');
  }
  const files = `${outcomes.length} file${outcomes.length === 1 ? '' : 's'}`;
  lines.push(`${failed === 0 ? 'ok' : 'FAILED'}: ${passed} passed, ${failed} failed (${passed + failed} cases in ${files})`);
  return `${lines.join('\n')}\n`;
}
