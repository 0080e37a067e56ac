/**
 * Fairness metrics go by several names across tools; policies use one. A metric whose
 * name is an alias is renamed and keeps the tool's name in `original_name`.
 */
const BIAS_METRIC_ALIASES: Record<string, string> = {
  di: 'disparate_impact',
  disparate_impact_ratio: 'disparate_impact',
  spd: 'statistical_parity_difference',
  dppl: 'statistical_parity_difference',
  demographic_parity_difference: 'statistical_parity_difference',
  statistical_parity: 'statistical_parity_difference',
};

const CANONICAL_NAMES = new Set(Object.values(BIAS_METRIC_ALIASES));

export function normalizeBiasMetricName(name: string): { name: string; original_name?: string } {
  const key = name.trim().toLowerCase().replace(/[\s-]+/g, '_');
  // hasOwn: a name such as `constructor` must not resolve to an inherited property.
  const normalized = Object.hasOwn(BIAS_METRIC_ALIASES, key) ? BIAS_METRIC_ALIASES[key] : CANONICAL_NAMES.has(key) ? key : undefined;
  if (normalized === undefined || normalized === name) return { name };
  return { name: normalized, original_name: name };
}
