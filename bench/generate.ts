/**
 * Deterministic inputs for the benchmarks: the same seed gives the same bytes, so runs
 * compare like with like and nothing large is committed.
 */

/** mulberry32: a tiny seeded generator; quality is ample for synthetic test data. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** An Evidently 0.4 legacy Report with DatasetDriftMetric and a DataDriftTable of `features` columns. */
export function evidentlyReport(features: number, seed = 1): string {
  const random = seeded(seed);
  const columns: Record<string, unknown> = {};
  let drifted = 0;
  for (let i = 0; i < features; i++) {
    const score = round(random() * 0.2);
    const detected = score >= 0.1;
    if (detected) drifted++;
    columns[`feature_${i}`] = {
      column_name: `feature_${i}`,
      column_type: i % 5 === 0 ? 'cat' : 'num',
      stattest_name: 'Wasserstein distance (normed)',
      stattest_threshold: 0.1,
      drift_score: score,
      drift_detected: detected,
      current: { small_distribution: { x: [0, 0.5, 1], y: [round(random()), round(random()), round(random())] } },
      reference: { small_distribution: { x: [0, 0.5, 1], y: [round(random()), round(random()), round(random())] } },
    };
  }
  const share = drifted / features;
  const summary = { drift_share: 0.5, number_of_columns: features, number_of_drifted_columns: drifted, share_of_drifted_columns: share, dataset_drift: share >= 0.5 };
  return JSON.stringify(
    {
      version: '0.4.16',
      timestamp: '2025-10-01 00:00:00.000000',
      metrics: [
        { metric: 'DatasetDriftMetric', result: summary },
        { metric: 'DataDriftTable', result: { ...summary, drift_by_columns: columns } },
      ],
    },
    null,
    2,
  );
}

/** A SageMaker Clarify analysis.json with `groups` facet values, pre- and post-training metrics each. */
export function clarifyAnalysis(groups: number, seed = 2): string {
  const random = seeded(seed);
  const facet = (codes: string[]) =>
    Array.from({ length: groups }, (_, i) => ({
      value_or_threshold: `group_${i}`,
      metrics: codes.map((name) => ({ name, description: `${name} metric`, value: round(name === 'DI' ? 0.8 + random() * 0.4 : random() * 0.2 - 0.1) })),
    }));
  return JSON.stringify(
    {
      version: '1.0',
      pre_training_bias_metrics: { label: 'approved', label_value_or_threshold: '1', facets: { segment: facet(['CI', 'DPL', 'KL', 'JS']) } },
      post_training_bias_metrics: { label: 'approved', label_value_or_threshold: '1', facets: { segment: facet(['DI', 'DPPL', 'AD', 'RD']) } },
    },
    null,
    2,
  );
}

/** An OpenLineage COMPLETE run event reading `datasets` inputs, with version and ownership facets. */
export function openLineageEvent(datasets: number): string {
  const producer = 'https://github.com/OpenLineage/OpenLineage/tree/1.24.0/integration/spark';
  const facet = (name: string, body: Record<string, unknown>) => ({
    _producer: producer,
    _schemaURL: `https://openlineage.io/spec/facets/1-0-1/${name}.json#/$defs/${name}`,
    ...body,
  });
  return JSON.stringify(
    {
      eventType: 'COMPLETE',
      eventTime: '2025-10-01T00:00:00.000Z',
      producer,
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: '0192f0a0-0000-7000-8000-000000000000' },
      job: { namespace: 'spark://bench', name: 'train' },
      inputs: Array.from({ length: datasets }, (_, i) => ({
        namespace: 's3://lake',
        name: `table_${i}`,
        facets: {
          version: facet('DatasetVersionDatasetFacet', { datasetVersion: `v${i}` }),
          ownership: facet('OwnershipDatasetFacet', { owners: [{ name: `team:data-${i % 20}`, type: 'MAINTAINER' }] }),
        },
      })),
      outputs: [],
    },
    null,
    2,
  );
}

/** A repository of `models` models in native formats with realistic sizes (40 drift features, 12 bias metrics). */
export function modelRepo(models: number, seed = 3): Record<string, string> {
  const random = seeded(seed);
  const files: Record<string, string> = { '.modelgate.yml': 'policy: starter\n' };
  for (let m = 0; m < models; m++) {
    const dir = `models/model-${m}`;
    files[`${dir}/model_card.yaml`] = [
      'apiVersion: modelgate/v1',
      'kind: model_card',
      `name: model-${m}`,
      `version: 1.${m}.0`,
      'license: apache-2.0',
      'owners: [ml-platform]',
      `intended_use: Scores requests for use case ${m}.`,
      'limitations: Trained on data from 2024-2025 only.',
      'training_data: [events-2025]',
      'evaluation:',
      `  - { metric: auc, value: ${round(0.8 + random() * 0.15)}, dataset: holdout }`,
      `  - { metric: f1, value: ${round(0.7 + random() * 0.2)}, dataset: holdout }`,
      '',
    ].join('\n');
    files[`${dir}/lineage.yaml`] = [
      'apiVersion: modelgate/v1',
      'kind: lineage',
      'datasets:',
      ...Array.from({ length: 5 }, (_, d) => `  - { name: table-${d}, namespace: "s3://lake", role: input, version: "2025-0${d + 1}", owners: [data-${d}] }`),
      '',
    ].join('\n');
    files[`${dir}/bias.yaml`] = [
      'apiVersion: modelgate/v1',
      'kind: bias',
      'protected_attributes: [sex, age_band, region]',
      'metrics:',
      ...Array.from({ length: 12 }, (_, g) => `  - { name: ${g % 2 ? 'statistical_parity_difference' : 'disparate_impact'}, attribute: a${g % 3}, group: g${g}, value: ${g % 2 ? round(random() * 0.1 - 0.05) : round(0.85 + random() * 0.3)} }`),
      '',
    ].join('\n');
    files[`${dir}/drift.json`] = JSON.stringify(
      {
        apiVersion: 'modelgate/v1',
        kind: 'drift',
        dataset_drift: false,
        features: Array.from({ length: 40 }, (_, f) => ({ name: `f${f}`, test: 'psi', score: round(random() * 0.1), threshold: 0.2, drifted: false })),
      },
      null,
      2,
    );
  }
  return files;
}
