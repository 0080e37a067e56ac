import { formatLocation } from '../document/location.js';
import type { ResolvedPolicy } from '../policy/load.js';

/** A policy in plain words: what each rule demands, how strictly, and which controls it evidences. */
export function renderPolicyExplanation(policy: ResolvedPolicy, now: Date): string {
  const today = now.toISOString().slice(0, 10);
  const lines = [`Policy ${policy.name} ${policy.version}`, `  digest: ${policy.digest}`, `  files: ${policy.files.join(', ')}`];
  if (policy.description) lines.push(`  ${policy.description.trim()}`);
  lines.push('', `${policy.rules.length} rule${policy.rules.length === 1 ? '' : 's'}:`);
  for (const rule of policy.rules) {
    const effect = rule.severity === 'error' ? 'blocks when it fails' : 'warns when it fails';
    lines.push('', `  ${rule.id} [${rule.severity}: ${effect}]`, `    ${rule.description}`);
    if (rule.controls.length > 0) lines.push(`    evidences: ${rule.controls.join(', ')}`);
    if (rule.requires.length > 0) lines.push(`    needs: ${rule.requires.join(', ')} (fails when absent)`);
    if (rule.when) lines.push(`    applies only when: ${rule.when}`);
    if (rule.for_each) lines.push(`    for each item of: ${rule.for_each}`, `      requires: ${rule.check}`);
    else lines.push(`    requires: ${rule.check}`);
    lines.push(`    defined at: ${formatLocation(rule.location)}`);
  }
  if (policy.waivers.length > 0) {
    lines.push('', 'Waivers:');
    for (const waiver of policy.waivers) {
      const state = waiver.expires >= today ? `until ${waiver.expires}` : `EXPIRED on ${waiver.expires}, no longer applies`;
      lines.push(`  ${waiver.rule} for ${waiver.model}: ${state}; approved by ${waiver.approved_by}: ${waiver.reason}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
