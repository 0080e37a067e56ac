import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * CycloneDX ML-BOM (JSON, spec 1.5 and later): the model card of a `machine-learning-model`
 * component, as defined by the `modelCard` object of the CycloneDX schema.
 */
export const CYCLONEDX_FORMAT_ID = 'cyclonedx-mlbom';

const MODEL_TYPE = 'machine-learning-model';

interface Located<T> {
  value: T;
  pointer: (string | number)[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Every component of the BOM, metadata.component first, then components[] depth first. */
function componentsOf(bom: Record<string, unknown>): Located<Record<string, unknown>>[] {
  const found: Located<Record<string, unknown>>[] = [];
  const visit = (value: unknown, pointer: (string | number)[]): void => {
    if (!isObject(value)) return;
    found.push({ value, pointer });
    if (Array.isArray(value.components)) value.components.forEach((child, index) => visit(child, [...pointer, 'components', index]));
  };
  if (isObject(bom.metadata)) visit(bom.metadata.component, ['metadata', 'component']);
  if (Array.isArray(bom.components)) bom.components.forEach((component, index) => visit(component, ['components', index]));
  return found;
}

/** Names by bom-ref, of components and of their inline data entries, to resolve dataset refs. */
function namesByRef(components: readonly Located<Record<string, unknown>>[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const { value: component } of components) {
    const ref = nonEmpty(component['bom-ref']);
    const name = nonEmpty(component.name);
    if (ref && name) names.set(ref, name);
  }
  for (const { value: component } of components) {
    if (!Array.isArray(component.data)) continue;
    for (const entry of component.data) {
      if (!isObject(entry)) continue;
      const ref = nonEmpty(entry['bom-ref']);
      const name = nonEmpty(entry.name);
      // A component's own name wins over a data entry's: the corpus refs point at components.
      if (ref && name && !names.has(ref)) names.set(ref, name);
    }
  }
  return names;
}

/** The license ids, names or expression of a component; several declared licenses all apply. */
function licenseOf(licenses: unknown): string | undefined {
  if (!Array.isArray(licenses)) return undefined;
  const found: string[] = [];
  for (const entry of licenses) {
    if (!isObject(entry)) continue;
    const expression = nonEmpty(entry.expression);
    const license = isObject(entry.license) ? (nonEmpty(entry.license.id) ?? nonEmpty(entry.license.name)) : undefined;
    const value = expression ?? license;
    if (value && !found.includes(value)) found.push(value);
  }
  if (found.length === 0) return undefined;
  return found.length === 1 ? found[0] : found.map((value) => (/\s/.test(value) ? `(${value})` : value)).join(' AND ');
}

/** A CycloneDX metric value is a string; it must spell a finite number to be compared. */
function metricValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  if (typeof raw !== 'string' || raw.length > 64 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

function strings(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(nonEmpty).filter((item): item is string => item !== undefined);
}

function datasetsOf(modelParameters: Record<string, unknown>, names: Map<string, string>): string[] {
  if (!Array.isArray(modelParameters.datasets)) return [];
  const datasets: string[] = [];
  for (const dataset of modelParameters.datasets) {
    if (!isObject(dataset)) continue;
    const ref = nonEmpty(dataset.ref);
    // An unresolved ref (e.g. a BOM-Link to another BOM) still names the dataset.
    const name = ref !== undefined ? (names.get(ref) ?? ref) : (nonEmpty(dataset.name) ?? nonEmpty(dataset['bom-ref']));
    if (name !== undefined && !datasets.includes(name)) datasets.push(name);
  }
  return datasets;
}

function evaluationsOf(doc: ParsedDocument, metrics: unknown, pointer: (string | number)[]): Record<string, unknown>[] {
  if (metrics === undefined) return [];
  if (!Array.isArray(metrics)) throw artefactError('performanceMetrics must be a list', doc.locate(pointer));
  return metrics.map((metric: unknown, index) => {
    const at = [...pointer, index];
    if (!isObject(metric)) throw artefactError('a performance metric must be an object', doc.locate(at));
    const name = nonEmpty(metric.type);
    if (name === undefined) throw artefactError('a performance metric has no type', doc.locate(at));
    const value = metricValue(metric.value);
    if (value === undefined) {
      const shown = metric.value === undefined ? 'no value' : `value ${JSON.stringify(metric.value)}, which is not a finite number`;
      throw artefactError(`performance metric "${name}" has ${shown}`, doc.locate(metric.value === undefined ? at : [...at, 'value']));
    }
    const evaluation: Record<string, unknown> = { metric: name, value, location: doc.locate(at) };
    const slice = nonEmpty(metric.slice);
    if (slice !== undefined) evaluation.split = slice;
    return evaluation;
  });
}

function ethicsOf(considerations: unknown): string[] {
  if (!Array.isArray(considerations)) return [];
  return considerations.flatMap((risk: unknown) => {
    if (!isObject(risk)) return strings(risk);
    const name = nonEmpty(risk.name);
    const mitigation = nonEmpty(risk.mitigationStrategy);
    if (name && mitigation) return [`${name} (mitigation: ${mitigation})`];
    return name ? [name] : mitigation ? [`mitigation: ${mitigation}`] : [];
  });
}

function hasItems(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : isObject(value) && Object.keys(value).length > 0;
}

function adaptCycloneDx(input: ArtefactInput): AdaptedEvidence {
  const doc = input.structured();
  const bom = doc.value;
  if (!isObject(bom) || bom.bomFormat !== 'CycloneDX') {
    throw artefactError('not a CycloneDX BOM (bomFormat is not "CycloneDX")', doc.locate([]));
  }
  const components = componentsOf(bom);
  const models = components.filter(({ value }) => value.type === MODEL_TYPE);
  const model = models.find(({ value }) => isObject(value.modelCard));
  if (!model) {
    const why = models.length === 0 ? `no component of type "${MODEL_TYPE}"` : `no "${MODEL_TYPE}" component has a modelCard`;
    throw artefactError(`not a model card: the CycloneDX BOM has ${why}`, doc.locate(models[0]?.pointer ?? []));
  }
  const component = model.value;
  const card = component.modelCard as Record<string, unknown>;
  const cardAt = [...model.pointer, 'modelCard'];
  const locate = (...pointer: JsonPointer): SourceLocation => doc.locate([...cardAt, ...pointer]);

  const data: Record<string, unknown> = {};
  const fieldLocations: Record<string, SourceLocation> = {};
  const sections: string[] = [];
  const set = (field: string, value: unknown, location: SourceLocation, section?: string): void => {
    data[field] = value;
    fieldLocations[field] = location;
    if (section) sections.push(section);
  };

  if (component.name !== undefined) set('name', component.name, doc.locate([...model.pointer, 'name']));
  if (component.version !== undefined) set('version', component.version, doc.locate([...model.pointer, 'version']));
  const license = licenseOf(component.licenses);
  if (license !== undefined) set('license', license, doc.locate([...model.pointer, 'licenses']));

  const parameters = isObject(card.modelParameters) ? card.modelParameters : {};
  const datasets = datasetsOf(parameters, namesByRef(components));
  if (datasets.length > 0) set('training_data', datasets, locate('modelParameters', 'datasets'), 'training_data');

  const analysis = isObject(card.quantitativeAnalysis) ? card.quantitativeAnalysis : {};
  const evaluation = evaluationsOf(doc, analysis.performanceMetrics, [...cardAt, 'quantitativeAnalysis', 'performanceMetrics']);
  if (evaluation.length > 0) set('evaluation', evaluation, locate('quantitativeAnalysis', 'performanceMetrics'), 'evaluation');

  // users are who the model is for, not what it is for; owners are not part of a modelCard.
  const considerations = isObject(card.considerations) ? card.considerations : {};
  const useCases = strings(considerations.useCases);
  if (useCases.length > 0) set('intended_use', useCases.join('\n'), locate('considerations', 'useCases'), 'intended_use');
  const limitations = strings(considerations.technicalLimitations);
  if (limitations.length > 0) set('limitations', limitations.join('\n'), locate('considerations', 'technicalLimitations'), 'limitations');
  const ethics = ethicsOf(considerations.ethicalConsiderations);
  if (ethics.length > 0) {
    set('ethical_considerations', ethics.join('\n'), locate('considerations', 'ethicalConsiderations'), 'ethical_considerations');
  }
  if (hasItems(considerations.performanceTradeoffs)) sections.push('performance_tradeoffs');
  if (hasItems(considerations.fairnessAssessments)) sections.push('fairness_assessments');
  if (hasItems(considerations.environmentalConsiderations)) sections.push('environmental_considerations');
  data.sections = sections;
  return { data, fieldLocations };
}

export const CYCLONEDX_MLBOM_FORMAT: FormatAdapter = {
  id: CYCLONEDX_FORMAT_ID,
  kind: 'model_card',
  description: 'CycloneDX 1.5+ ML-BOM (JSON): the modelCard of the first machine-learning-model component',
  detect: (input) => {
    if (!/\.json$/i.test(input.path)) return false;
    const value = input.structured().value;
    return isObject(value) && value.bomFormat === 'CycloneDX';
  },
  adapt: adaptCycloneDx,
};
