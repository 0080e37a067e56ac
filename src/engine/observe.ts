import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical.js';
import type { Observations, ObservedDataset, ObservedMetric } from '../audit/record.js';
import type { Subject } from './decision.js';

/** Input datasets beyond this many are counted in `datasets_digest` but not listed. */
export const MAX_LISTED_DATASETS = 100;

/** Summarizes a model's evidence for its decision record: metric ranges and input datasets. */
export function observeEvidence(evidence: Subject['evidence']): Observations {
  const summaries = new Map<string, ObservedMetric>();
  const observe = (kind: ObservedMetric['kind'], name: string, attribute: string | undefined, value: number) => {
    const key = JSON.stringify([kind, name, attribute ?? null]);
    const known = summaries.get(key);
    if (known) {
      known.min = Math.min(known.min, value);
      known.max = Math.max(known.max, value);
      known.count += 1;
    } else {
      summaries.set(key, { kind, name, ...(attribute !== undefined && { attribute }), min: value, max: value, count: 1 });
    }
  };
  for (const metric of evidence.bias?.data.metrics ?? []) observe('bias', metric.name, metric.attribute, metric.value);
  if (evidence.drift) {
    observe('drift', 'share_drifted', undefined, evidence.drift.data.share_drifted);
    for (const feature of evidence.drift.data.features) if (feature.score !== undefined) observe('drift', 'feature_score', undefined, feature.score);
  }
  for (const result of evidence.model_card?.data.evaluation ?? []) observe('evaluation', result.metric, result.dataset, result.value);
  const metrics = [...summaries.values()].sort((a, b) => compareText(`${a.kind}\u0000${a.name}\u0000${a.attribute ?? ''}`, `${b.kind}\u0000${b.name}\u0000${b.attribute ?? ''}`));

  const inputs = (evidence.lineage?.data.datasets ?? [])
    .filter((dataset) => dataset.role === 'input')
    .map((dataset): ObservedDataset => ({
      name: dataset.name,
      ...(dataset.namespace !== undefined && { namespace: dataset.namespace }),
      ...(dataset.version !== undefined && { version: dataset.version }),
      ...(dataset.digest !== undefined && { digest: dataset.digest }),
    }));
  const unique = [...new Map(inputs.map((dataset) => [canonicalJson(dataset), dataset])).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, dataset]) => dataset);
  return {
    metrics,
    datasets: unique.slice(0, MAX_LISTED_DATASETS),
    datasets_digest: evidence.lineage ? createHash('sha256').update(canonicalJson(unique), 'utf8').digest('hex') : null,
    datasets_total: unique.length,
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
