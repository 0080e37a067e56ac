import { catalogueEntryOf, frameworkOf, FRAMEWORKS } from '../policy/controls.js';
import type { ControlCoverage, RuleResult } from './decision.js';

/** Statuses that show a control's rule was not satisfied; a waived failure is still a failure of the control. */
const VIOLATING: readonly RuleResult['status'][] = ['fail', 'error', 'warn', 'waived'];

/**
 * Which controls one model's results evidence and violate, and which controls of the
 * frameworks the policy draws on no applicable rule reached. A control is evidenced only
 * when every result that names it passed; a skipped rule (its `when` was false) reaches nothing.
 */
export function controlCoverage(results: readonly RuleResult[], policyControls: readonly string[]): ControlCoverage {
  const passed = new Set<string>();
  const violated = new Set<string>();
  for (const result of results) {
    if (result.status === 'skipped') continue;
    for (const control of result.controls) (VIOLATING.includes(result.status) ? violated : passed).add(control);
  }
  const evidenced = [...passed].filter((control) => !violated.has(control));
  const reached = new Set([...evidenced, ...violated].map((control) => catalogueEntryOf(control)?.id ?? control));
  const frameworks = new Set(policyControls.map((control) => frameworkOf(control)?.prefix).filter((prefix) => prefix !== undefined));
  const notCovered = FRAMEWORKS.filter((framework) => frameworks.has(framework.prefix))
    .flatMap((framework) => framework.controls.map((entry) => entry.id))
    .filter((id) => !reached.has(id));
  return { evidenced: sortControls(evidenced), violated: sortControls([...violated]), not_covered: notCovered };
}

/** Catalogue order for known controls (A.6.2.10 after A.6.2.9), then the rest alphabetically. */
export function sortControls(controls: readonly string[]): string[] {
  const rank = (control: string) => {
    const entry = catalogueEntryOf(control);
    const framework = frameworkOf(control);
    if (!entry || !framework) return Number.MAX_SAFE_INTEGER;
    return FRAMEWORKS.indexOf(framework) * 1000 + framework.controls.indexOf(entry);
  };
  return [...controls].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}
