import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * SPDX 3.0 AI profile (JSON-LD serialization of SPDX 3.0.0 and 3.0.1): the model card of
 * one `ai_AIPackage` element, with its licenses and datasets found through relationships.
 */
export const SPDX_AI_FORMAT_ID = 'spdx-ai';

type Pointer = (string | number)[];

interface Element {
  value: Record<string, unknown>;
  pointer: Pointer;
}

const RISK_LEVELS = ['serious', 'high', 'medium', 'low'] as const;

/**
 * Package properties whose value a normalized field holds as written; every other one
 * (agents and metric thresholds too, whose ids a reader may need) is kept in `extra` as written.
 */
const MAPPED = new Set([
  'type', '@type', 'name', 'software_packageVersion', 'ai_informationAboutApplication', 'ai_limitation',
  'ai_safetyRiskAssessment', 'ai_metric',
]);

const RELATIONSHIP_TYPES = new Set(['Relationship', 'LifecycleScopedRelationship']);
const COLLECTION_TYPES = new Set(['SpdxDocument', 'Bom', 'Bundle', 'software_Sbom']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function strings(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(nonEmpty).filter((item): item is string => item !== undefined);
}

/** The compact type name: `ai_AIPackage` and a full or prefixed IRI such as `.../AI/AIPackage` read the same. */
function typeOf(element: Record<string, unknown>): string | undefined {
  const type = nonEmpty(element.type) ?? nonEmpty(element['@type']);
  if (type === undefined) return undefined;
  const iri = /(?:^|\/|:)(AI|Dataset|Core|Software|SimpleLicensing|ExpandedLicensing)\/([A-Za-z]+)$/.exec(type);
  if (iri) return iri[1] === 'Core' ? iri[2] : `${iri[1]!.toLowerCase()}_${iri[2]}`;
  return type;
}

function isAiPackage(element: Record<string, unknown>): boolean {
  const type = typeOf(element);
  // The spec's compact JSON-LD name is ai_AIPackage; some hand-written documents use the bare class name.
  return type === 'ai_AIPackage' || type === 'AIPackage';
}

function idOf(element: Record<string, unknown>): string | undefined {
  return nonEmpty(element.spdxId) ?? nonEmpty(element['@id']);
}

function mentionsSpdx(context: unknown): boolean {
  const items = Array.isArray(context) ? context : [context];
  return items.some((item) => typeof item === 'string' && /spdx\.org\/rdf\/3\./i.test(item));
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;

/** A DictionaryEntry value is a string: a metric is numeric when it spells a finite number. */
function numberOf(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  if (typeof raw !== 'string' || raw.length > 64 || !NUMBER.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

class Graph {
  readonly elements: Element[];
  readonly byId = new Map<string, Element>();

  constructor(readonly doc: ParsedDocument) {
    const root = doc.value as Record<string, unknown>;
    // A document with a single element may be written without @graph: the top level is that element.
    const graph = root['@graph'];
    if (graph !== undefined && !Array.isArray(graph)) throw artefactError('@graph must be a list', doc.locate(['@graph']));
    this.elements = Array.isArray(graph)
      ? graph.flatMap((value: unknown, index) => (isObject(value) ? [{ value, pointer: ['@graph', index] }] : []))
      : [{ value: root, pointer: [] }];
    for (const element of this.elements) {
      const id = idOf(element.value);
      if (id !== undefined && !this.byId.has(id)) this.byId.set(id, element);
    }
  }

  locate(pointer: JsonPointer): SourceLocation {
    return this.doc.locate(pointer);
  }

  /** A reference is an id string or an inline object. */
  resolve(reference: unknown): Element | undefined {
    if (isObject(reference)) return { value: reference, pointer: [] };
    const id = nonEmpty(reference);
    return id === undefined ? undefined : this.byId.get(id);
  }

  nameOf(reference: unknown): string | undefined {
    const element = this.resolve(reference);
    return (element ? nonEmpty(element.value.name) : undefined) ?? nonEmpty(reference);
  }

  /** Relationships from one element, with their targets as written. */
  relationshipsFrom(id: string | undefined): { type: string; to: unknown[]; element: Element }[] {
    if (id === undefined) return [];
    return this.elements.flatMap((element) => {
      const { value } = element;
      if (!RELATIONSHIP_TYPES.has(typeOf(value) ?? '') || nonEmpty(value.from) !== id) return [];
      const type = nonEmpty(value.relationshipType);
      if (type === undefined) return [];
      const to = Array.isArray(value.to) ? value.to : value.to === undefined ? [] : [value.to];
      return [{ type, to, element }];
    });
  }

  /** The AI package the document is about: a root element when one is an AI package, else the first. */
  pickPackage(): { chosen: Element; others: Element[] } | undefined {
    const packages = this.elements.filter((element) => isAiPackage(element.value));
    if (packages.length === 0) return undefined;
    const roots = new Set(
      this.elements
        .filter((element) => COLLECTION_TYPES.has(typeOf(element.value) ?? ''))
        .flatMap((element) => strings(element.value.rootElement)),
    );
    const chosen = packages.find((element) => roots.has(idOf(element.value) ?? '')) ?? packages[0]!;
    return { chosen, others: packages.filter((element) => element !== chosen) };
  }
}

const LISTED_LICENSE = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html)?$/;

/** The license a relationship target stands for, as an SPDX expression or name. */
function licenseOf(graph: Graph, reference: unknown): string | undefined {
  const id = nonEmpty(reference);
  if (id === 'expandedlicensing_NoAssertionLicense' || id?.endsWith('/NoAssertionLicense')) return 'NOASSERTION';
  if (id === 'expandedlicensing_NoneLicense' || id?.endsWith('/NoneLicense')) return 'NONE';
  const element = graph.resolve(reference);
  if (element) {
    const { value } = element;
    const expression = nonEmpty(value.simplelicensing_licenseExpression);
    if (expression !== undefined) return expression;
    const listed = LISTED_LICENSE.exec(idOf(value) ?? '');
    if (listed) return listed[1];
    return nonEmpty(value.name) ?? idOf(value);
  }
  const listed = LISTED_LICENSE.exec(id ?? '');
  return listed ? listed[1] : id;
}

function joinLicenses(licenses: string[]): string | undefined {
  const unique = [...new Set(licenses)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : unique.map((item) => (/\s/.test(item) ? `(${item})` : item)).join(' AND ');
}

function riskOf(graph: Graph, raw: unknown, pointer: Pointer): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  // The enum is written as its bare name; an IRI such as spdx:AI/SafetyRiskAssessmentType/high ends with it.
  const name = typeof raw === 'string' ? raw.trim().split(/[/#]/).pop()!.toLowerCase() : undefined;
  if (name === undefined || !(RISK_LEVELS as readonly string[]).includes(name)) {
    throw artefactError(
      `ai_safetyRiskAssessment is ${JSON.stringify(raw)}, not one of ${RISK_LEVELS.join(', ')}`,
      graph.locate(pointer),
    );
  }
  return name;
}

function adaptSpdxAi(input: ArtefactInput): AdaptedEvidence {
  const doc = input.structured();
  if (!isObject(doc.value) || !mentionsSpdx(doc.value['@context'])) {
    throw artefactError('not an SPDX 3 JSON-LD document: @context does not name spdx.org/rdf/3.x', doc.locate([]));
  }
  const graph = new Graph(doc);
  const picked = graph.pickPackage();
  if (!picked) {
    throw artefactError('not an AI model card: the SPDX document has no ai_AIPackage element', doc.locate(['@graph']));
  }
  const { value: pkg, pointer: at } = picked.chosen;
  const pkgId = idOf(pkg);

  const data: Record<string, unknown> = {};
  const fieldLocations: Record<string, SourceLocation> = {};
  const sections: string[] = [];
  const extra: Record<string, unknown> = {};
  const set = (field: string, value: unknown, pointer: Pointer, section?: string): void => {
    data[field] = value;
    fieldLocations[field] = graph.locate(pointer);
    if (section) sections.push(section);
  };

  const name = nonEmpty(pkg.name);
  if (name !== undefined) set('name', name, [...at, 'name']);
  const version = nonEmpty(pkg.software_packageVersion);
  if (version !== undefined) set('version', version, [...at, 'software_packageVersion']);

  // The creator first, then the supplier: both answer for the model.
  const owners = [...strings(pkg.originatedBy), ...strings(pkg.suppliedBy)]
    .map((reference) => graph.nameOf(reference))
    .filter((owner): owner is string => owner !== undefined);
  if (owners.length > 0) set('owners', [...new Set(owners)], [...at, pkg.originatedBy !== undefined ? 'originatedBy' : 'suppliedBy']);

  const intended = nonEmpty(pkg.ai_informationAboutApplication);
  if (intended !== undefined) set('intended_use', intended, [...at, 'ai_informationAboutApplication'], 'intended_use');
  const limitation = nonEmpty(pkg.ai_limitation);
  if (limitation !== undefined) set('limitations', limitation, [...at, 'ai_limitation'], 'limitations');
  const risk = riskOf(graph, pkg.ai_safetyRiskAssessment, [...at, 'ai_safetyRiskAssessment']);
  if (risk !== undefined) set('risk', risk, [...at, 'ai_safetyRiskAssessment']);

  const declared: string[] = [];
  const concluded: string[] = [];
  const training: string[] = [];
  const tested: string[] = [];
  let declaredAt: Pointer | undefined;
  let concludedAt: Pointer | undefined;
  let trainedAt: Pointer | undefined;
  const otherRelationships: Record<string, unknown>[] = [];
  for (const relationship of graph.relationshipsFrom(pkgId)) {
    const targets = relationship.to;
    switch (relationship.type) {
      case 'hasDeclaredLicense':
        declared.push(...targets.map((target) => licenseOf(graph, target)).filter((item): item is string => item !== undefined));
        declaredAt ??= [...relationship.element.pointer, 'to'];
        break;
      case 'hasConcludedLicense':
        concluded.push(...targets.map((target) => licenseOf(graph, target)).filter((item): item is string => item !== undefined));
        concludedAt ??= [...relationship.element.pointer, 'to'];
        break;
      case 'trainedOn':
        training.push(...targets.map((target) => graph.nameOf(target)).filter((item): item is string => item !== undefined));
        trainedAt ??= [...relationship.element.pointer, 'to'];
        break;
      case 'testedOn':
        tested.push(...targets.map((target) => graph.nameOf(target)).filter((item): item is string => item !== undefined));
        break;
      default:
        otherRelationships.push({
          type: relationship.type,
          to: targets.map((target) => graph.nameOf(target) ?? target),
        });
    }
  }
  // What the supplier declares is what a model card states; the concluded license stands in when none is declared.
  const declaredLicense = joinLicenses(declared);
  const concludedLicense = joinLicenses(concluded);
  if (declaredLicense !== undefined) set('license', declaredLicense, declaredAt!);
  else if (concludedLicense !== undefined) set('license', concludedLicense, concludedAt!);
  if (declaredLicense !== undefined) extra.declared_license = declaredLicense;
  if (concludedLicense !== undefined) extra.concluded_license = concludedLicense;

  const trainingData = [...new Set(training)];
  if (trainingData.length > 0) set('training_data', trainingData, trainedAt!, 'training_data');
  else if (nonEmpty(pkg.ai_informationAboutTraining) !== undefined) sections.push('training_data');
  if (tested.length > 0) extra.tested_on = [...new Set(tested)];
  if (otherRelationships.length > 0) extra.relationships = otherRelationships;

  const evaluation: Record<string, unknown>[] = [];
  const nonNumeric: { key: string; value: unknown }[] = [];
  const metrics = pkg.ai_metric === undefined ? [] : Array.isArray(pkg.ai_metric) ? pkg.ai_metric : [pkg.ai_metric];
  const thresholds = new Map<string, unknown>();
  for (const entry of Array.isArray(pkg.ai_metricDecisionThreshold) ? pkg.ai_metricDecisionThreshold : []) {
    const resolved = graph.resolve(entry)?.value;
    const key = resolved ? nonEmpty(resolved.key) : undefined;
    if (key !== undefined && resolved) thresholds.set(key, numberOf(resolved.value) ?? resolved.value);
  }
  metrics.forEach((entry: unknown, index) => {
    const pointer: Pointer = [...at, 'ai_metric', index];
    const resolved = graph.resolve(entry);
    if (!resolved) throw artefactError('an ai_metric entry must be a DictionaryEntry', graph.locate(pointer));
    const key = nonEmpty(resolved.value.key);
    if (key === undefined) throw artefactError('an ai_metric DictionaryEntry has no key', graph.locate(pointer));
    const raw = resolved.value.value;
    const value = numberOf(raw);
    if (value === undefined) {
      // Infinity or NaN spelled out is a broken number, not a description: it must never reach a threshold.
      if ((typeof raw === 'string' && NOT_FINITE.test(raw.trim())) || typeof raw === 'number') {
        throw artefactError(`ai_metric "${key}" has value ${JSON.stringify(raw)}, which is not a finite number`, graph.locate([...pointer, 'value']));
      }
      nonNumeric.push({ key, value: raw });
      return;
    }
    const result: Record<string, unknown> = { metric: key, value, location: graph.locate(pointer) };
    if (thresholds.has(key)) result.extra = { decision_threshold: thresholds.get(key) };
    evaluation.push(result);
  });
  if (evaluation.length > 0) set('evaluation', evaluation, [...at, 'ai_metric'], 'evaluation');
  if (nonNumeric.length > 0) extra.non_numeric_metrics = nonNumeric;

  // Everything the package says that has no normalized field, under its SPDX property name.
  for (const [key, value] of Object.entries(pkg)) {
    if (!MAPPED.has(key)) extra[key] = value;
  }
  if (picked.others.length > 0) {
    extra.other_ai_packages = picked.others.map((other) => nonEmpty(other.value.name) ?? idOf(other.value) ?? '(unnamed)');
  }
  const specVersion = graph.elements.map((element) => element.value).find((value) => typeOf(value) === 'CreationInfo')?.specVersion;
  if (specVersion !== undefined) extra.spec_version = specVersion;

  data.sections = sections;
  if (Object.keys(extra).length > 0) data.extra = extra;
  return { data, fieldLocations };
}

export const SPDX_AI_FORMAT: FormatAdapter = {
  id: SPDX_AI_FORMAT_ID,
  kind: 'model_card',
  description: 'SPDX 3.0.x AI profile (JSON-LD, spec 3.0.0 and 3.0.1): the ai_AIPackage element, its licenses and trainedOn datasets',
  detect: (input) => {
    if (!/\.(json|jsonld)$/i.test(input.path)) return false;
    const value = input.structured().value;
    return isObject(value) && mentionsSpdx(value['@context']);
  },
  adapt: adaptSpdxAi,
};
