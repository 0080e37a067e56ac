import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import type { JsonPointer, ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * Google Model Card Toolkit JSON (`model_card.json`): schema v0.0.2 as written by
 * model-card-toolkit 1.x and 2.x, and the older v0.0.1 shape (plain-string lists,
 * `license` as one string, `data` as `{train, eval}`), which cards in the wild still use.
 */
export const MODEL_CARD_TOOLKIT_FORMAT_ID = 'model-card-toolkit';

const SECTIONS = ['schema_version', 'model_details', 'model_parameters', 'quantitative_analysis', 'considerations'];

type Pointer = (string | number)[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The toolkit writes metric values as strings (v0.0.2) or numbers (v0.0.1): both must spell a finite number. */
function numberOf(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  if (typeof raw !== 'string' || raw.length > 64 || !NUMBER.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

function describe(raw: unknown): string {
  return raw === undefined ? 'no value' : `value ${JSON.stringify(raw)}, which is not a finite number`;
}

class CardReader {
  readonly data: Record<string, unknown> = {};
  readonly fieldLocations: Record<string, SourceLocation> = {};
  readonly sections: string[] = [];
  readonly extra: Record<string, unknown> = {};

  constructor(readonly doc: ParsedDocument) {}

  locate(pointer: JsonPointer): SourceLocation {
    return this.doc.locate(pointer);
  }

  set(field: string, value: unknown, pointer: JsonPointer, section?: string): void {
    this.data[field] = value;
    this.fieldLocations[field] = this.locate(pointer);
    if (section) this.sections.push(section);
  }

  keep(key: string, value: unknown): void {
    if (value !== undefined) this.extra[key] = value;
  }

  /** An object section, or an error naming its line when it is something else. */
  section(value: unknown, pointer: Pointer): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    if (!isObject(value)) throw artefactError(`${pointer.join('.')} must be an object`, this.locate(pointer));
    return value;
  }

  /** Keys a section holds that the schema does not name: kept under `extra.unmapped`, by their dotted path. */
  keepUnknown(value: Record<string, unknown>, pointer: Pointer, known: readonly string[]): void {
    for (const [key, item] of Object.entries(value)) {
      if (known.includes(key)) continue;
      const unmapped = (this.extra.unmapped ??= {}) as Record<string, unknown>;
      unmapped[[...pointer, key].join('.')] = item;
    }
  }

  /**
   * A list of texts: v0.0.2 writes `[{description}]`, v0.0.1 writes `[string]`; a lone
   * string is read as a list of one. Anything else is an error naming its line.
   */
  texts(value: unknown, pointer: Pointer, property = 'description'): string[] {
    if (value === undefined || value === null) return [];
    const items = Array.isArray(value) ? value : [value];
    return items.flatMap((item: unknown, index) => {
      const at = Array.isArray(value) ? [...pointer, index] : pointer;
      if (typeof item === 'string') return nonEmpty(item) ?? [];
      if (isObject(item)) {
        const text = item[property];
        if (text === undefined || text === null) return [];
        if (typeof text === 'string') return nonEmpty(text) ?? [];
        throw artefactError(`${[...at, property].join('.')} must be a string`, this.locate([...at, property]));
      }
      throw artefactError(`${at.join('.')} must be a string or an object with "${property}"`, this.locate(at));
    });
  }

  list(value: unknown, pointer: Pointer): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw artefactError(`${pointer.join('.')} must be a list`, this.locate(pointer));
    return value;
  }
}

function readDetails(reader: CardReader, details: Record<string, unknown>): void {
  const at: Pointer = ['model_details'];
  const name = nonEmpty(details.name);
  if (name !== undefined) reader.set('name', name, [...at, 'name']);

  // v0.0.1 and v0.0.2 both write an object {name, date, diff}; a bare string is read as the name.
  const version = details.version;
  if (isObject(version)) {
    const versionName = nonEmpty(version.name);
    if (versionName !== undefined) reader.set('version', versionName, [...at, 'version', 'name']);
    reader.keep('version_date', nonEmpty(version.date));
    reader.keep('version_diff', nonEmpty(version.diff));
  } else if (nonEmpty(version) !== undefined) {
    reader.set('version', nonEmpty(version), [...at, 'version']);
  }

  const licenses: string[] = [];
  const customLicenses: string[] = [];
  reader.list(details.licenses, [...at, 'licenses']).forEach((license: unknown, index) => {
    if (typeof license === 'string') {
      if (nonEmpty(license)) licenses.push(license.trim());
      return;
    }
    if (!isObject(license)) throw artefactError('a license must be an object', reader.locate([...at, 'licenses', index]));
    const identifier = nonEmpty(license.identifier);
    const custom = nonEmpty(license.custom_text);
    if (identifier !== undefined) licenses.push(identifier);
    else if (custom !== undefined) customLicenses.push(custom);
  });
  const license = nonEmpty(details.license); // v0.0.1
  if (license !== undefined) licenses.push(license);
  const all = [...new Set([...licenses, ...customLicenses])];
  if (all.length > 0) {
    // Several licenses all apply, as in an SPDX expression; a custom text stands as written.
    const value = all.length === 1 ? all[0] : all.map((item) => (/\s/.test(item) ? `(${item})` : item)).join(' AND ');
    reader.set('license', value, [...at, details.licenses !== undefined ? 'licenses' : 'license']);
    if (customLicenses.length > 0) reader.keep('custom_licenses', customLicenses);
  }

  const owners: string[] = [];
  const contacts: Record<string, string>[] = [];
  reader.list(details.owners, [...at, 'owners']).forEach((owner: unknown, index) => {
    if (typeof owner === 'string') {
      if (nonEmpty(owner)) owners.push(owner.trim());
      return;
    }
    if (!isObject(owner)) throw artefactError('an owner must be an object', reader.locate([...at, 'owners', index]));
    const ownerName = nonEmpty(owner.name);
    const contact = nonEmpty(owner.contact);
    // An owner known only by a contact is still an owner.
    const shown = ownerName ?? contact;
    if (shown !== undefined && !owners.includes(shown)) owners.push(shown);
    if (contact !== undefined) contacts.push({ ...(ownerName ? { name: ownerName } : {}), contact });
  });
  if (owners.length > 0) reader.set('owners', owners, [...at, 'owners']);
  if (contacts.length > 0) reader.keep('owner_contacts', contacts);

  reader.keep('overview', nonEmpty(details.overview));
  reader.keep('documentation', nonEmpty(details.documentation));
  reader.keep('model_path', nonEmpty(details.path));
  const references = reader.texts(details.references, [...at, 'references'], 'reference');
  if (references.length > 0) reader.keep('references', references);
  const citations = reader.list(details.citations, [...at, 'citations']).filter((item) => item !== null);
  const citation = nonEmpty(details.citation); // v0.0.1
  if (citations.length > 0 || citation !== undefined) reader.keep('citations', citation ? [...citations, citation] : citations);
  reader.keepUnknown(details, at, [
    'name', 'overview', 'documentation', 'owners', 'version', 'licenses', 'license',
    'references', 'citations', 'citation', 'path',
  ]);
}

/** Names and descriptions of a graphics collection; the base64 images themselves are not evidence. */
function graphicsOf(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  const names = Array.isArray(value.collection)
    ? value.collection.map((graphic: unknown) => (isObject(graphic) ? nonEmpty(graphic.name) : undefined)).filter(Boolean)
    : [];
  const description = nonEmpty(value.description);
  if (names.length === 0 && description === undefined) return undefined;
  return { ...(description ? { description } : {}), names };
}

function readDataset(reader: CardReader, dataset: unknown, pointer: Pointer, role?: string): Record<string, unknown> | undefined {
  if (dataset === undefined || dataset === null) return undefined;
  if (!isObject(dataset)) throw artefactError('a dataset must be an object', reader.locate(pointer));
  const entry: Record<string, unknown> = {};
  const name = nonEmpty(dataset.name);
  const link = nonEmpty(dataset.link);
  if (name) entry.name = name;
  if (link) entry.link = link;
  if (role) entry.role = role;
  const description = nonEmpty(dataset.description);
  if (description) entry.description = description;
  // v0.0.2: {sensitive_data: [..]}; v0.0.1: a boolean.
  if (typeof dataset.sensitive === 'boolean') entry.sensitive = dataset.sensitive;
  else if (isObject(dataset.sensitive)) {
    const sensitive = reader.texts(dataset.sensitive.sensitive_data, [...pointer, 'sensitive', 'sensitive_data']);
    if (sensitive.length > 0) entry.sensitive_data = sensitive;
  }
  const graphics = graphicsOf(dataset.graphics);
  if (graphics) entry.graphics = graphics;
  for (const [key, value] of Object.entries(dataset)) {
    if (!['name', 'link', 'description', 'sensitive', 'graphics'].includes(key)) entry[key] = value;
  }
  return entry;
}

function readParameters(reader: CardReader, parameters: Record<string, unknown>): void {
  const at: Pointer = ['model_parameters'];
  const datasets: Record<string, unknown>[] = [];
  const training: string[] = [];
  if (isObject(parameters.data)) {
    // v0.0.1: {train, eval}; only the train set is training data.
    for (const role of ['train', 'eval']) {
      const entry = readDataset(reader, parameters.data[role], [...at, 'data', role], role);
      if (!entry) continue;
      datasets.push(entry);
      const name = (entry.name ?? entry.link) as string | undefined;
      if (role === 'train' && name !== undefined) training.push(name);
    }
  } else {
    // v0.0.2 lists the datasets used "to train and evaluate" without a role: all are read as training data.
    reader.list(parameters.data, [...at, 'data']).forEach((dataset, index) => {
      const entry = readDataset(reader, dataset, [...at, 'data', index]);
      if (!entry) return;
      datasets.push(entry);
      const name = (entry.name ?? entry.link) as string | undefined;
      if (name !== undefined && !training.includes(name)) training.push(name);
    });
  }
  if (training.length > 0) reader.set('training_data', training, [...at, 'data'], 'training_data');
  if (datasets.length > 0) reader.keep('datasets', datasets);
  reader.keep('model_architecture', nonEmpty(parameters.model_architecture));
  reader.keep('input_format', nonEmpty(parameters.input_format));
  reader.keep('output_format', nonEmpty(parameters.output_format));
  reader.keep('input_format_map', parameters.input_format_map);
  reader.keep('output_format_map', parameters.output_format_map);
  reader.keepUnknown(parameters, at, [
    'model_architecture', 'data', 'input_format', 'output_format', 'input_format_map', 'output_format_map',
  ]);
}

function readMetrics(reader: CardReader, analysis: Record<string, unknown>): void {
  const at: Pointer = ['quantitative_analysis', 'performance_metrics'];
  const evaluation = reader.list(analysis.performance_metrics, at).map((metric: unknown, index) => {
    const item: Pointer = [...at, index];
    if (!isObject(metric)) throw artefactError('a performance metric must be an object', reader.locate(item));
    const name = nonEmpty(metric.type);
    if (name === undefined) throw artefactError('a performance metric has no type', reader.locate(item));
    const value = numberOf(metric.value);
    if (value === undefined) {
      const where = metric.value === undefined ? item : [...item, 'value'];
      throw artefactError(`performance metric "${name}" has ${describe(metric.value)}`, reader.locate(where));
    }
    const result: Record<string, unknown> = { metric: name, value, location: reader.locate(item) };
    const slice = nonEmpty(metric.slice);
    if (slice !== undefined) result.split = slice;
    const extra: Record<string, unknown> = {};
    if (metric.confidence_interval !== undefined && metric.confidence_interval !== null) {
      const interval = reader.section(metric.confidence_interval, [...item, 'confidence_interval']);
      const bounds: Record<string, number> = {};
      for (const bound of ['lower_bound', 'upper_bound']) {
        if (interval[bound] === undefined || interval[bound] === '') continue;
        const parsed = numberOf(interval[bound]);
        if (parsed === undefined) {
          throw artefactError(
            `performance metric "${name}" has a confidence interval ${bound} ${JSON.stringify(interval[bound])}, which is not a finite number`,
            reader.locate([...item, 'confidence_interval', bound]),
          );
        }
        bounds[bound] = parsed;
      }
      if (Object.keys(bounds).length > 0) extra.confidence_interval = bounds;
    }
    if (metric.threshold !== undefined) {
      const threshold = numberOf(metric.threshold);
      if (threshold === undefined) {
        throw artefactError(`performance metric "${name}" has threshold ${describe(metric.threshold)}`, reader.locate([...item, 'threshold']));
      }
      extra.threshold = threshold;
    }
    for (const [key, other] of Object.entries(metric)) {
      if (!['type', 'value', 'slice', 'confidence_interval', 'threshold'].includes(key)) extra[key] = other;
    }
    if (Object.keys(extra).length > 0) result.extra = extra;
    return result;
  });
  if (evaluation.length > 0) reader.set('evaluation', evaluation, at, 'evaluation');
  const graphics = graphicsOf(analysis.graphics);
  if (graphics) reader.keep('performance_graphics', graphics);
  reader.keepUnknown(analysis, ['quantitative_analysis'], ['performance_metrics', 'graphics']);
}

function readConsiderations(reader: CardReader, considerations: Record<string, unknown>): void {
  const at: Pointer = ['considerations'];
  const useCases = reader.texts(considerations.use_cases, [...at, 'use_cases']);
  if (useCases.length > 0) reader.set('intended_use', useCases.join('\n'), [...at, 'use_cases'], 'intended_use');
  const limitations = reader.texts(considerations.limitations, [...at, 'limitations']);
  if (limitations.length > 0) reader.set('limitations', limitations.join('\n'), [...at, 'limitations'], 'limitations');

  const ethics = reader.list(considerations.ethical_considerations, [...at, 'ethical_considerations']).flatMap((risk: unknown, index) => {
    if (typeof risk === 'string') return nonEmpty(risk) ?? [];
    if (!isObject(risk)) {
      throw artefactError('an ethical consideration must be an object', reader.locate([...at, 'ethical_considerations', index]));
    }
    const name = nonEmpty(risk.name);
    const mitigation = nonEmpty(risk.mitigation_strategy);
    if (name && mitigation) return [`${name} (mitigation: ${mitigation})`];
    return name ? [name] : mitigation ? [`mitigation: ${mitigation}`] : [];
  });
  if (ethics.length > 0) {
    reader.set('ethical_considerations', ethics.join('\n'), [...at, 'ethical_considerations'], 'ethical_considerations');
  }

  // Users say who the model serves, not what it is for: they stay out of intended_use.
  const users = reader.texts(considerations.users, [...at, 'users']);
  if (users.length > 0) {
    reader.keep('users', users);
    reader.sections.push('users');
  }
  const tradeoffs = reader.texts(considerations.tradeoffs, [...at, 'tradeoffs']);
  if (tradeoffs.length > 0) {
    reader.keep('tradeoffs', tradeoffs);
    reader.sections.push('tradeoffs');
  }
  reader.keepUnknown(considerations, at, ['users', 'use_cases', 'limitations', 'tradeoffs', 'ethical_considerations']);
}

function adaptModelCardToolkit(input: ArtefactInput): AdaptedEvidence {
  const doc = input.structured();
  const card = doc.value;
  if (!isObject(card) || !isObject(card.model_details)) {
    throw artefactError('not a Model Card Toolkit card: no "model_details" object', doc.locate([]));
  }
  const reader = new CardReader(doc);
  if (card.schema_version !== undefined) reader.keep('schema_version', card.schema_version);
  readDetails(reader, card.model_details);
  readParameters(reader, reader.section(card.model_parameters, ['model_parameters']));
  readMetrics(reader, reader.section(card.quantitative_analysis, ['quantitative_analysis']));
  readConsiderations(reader, reader.section(card.considerations, ['considerations']));
  reader.keepUnknown(card, [], SECTIONS);
  reader.data.sections = reader.sections;
  if (Object.keys(reader.extra).length > 0) reader.data.extra = reader.extra;
  return { data: reader.data, fieldLocations: reader.fieldLocations };
}

export const MODEL_CARD_TOOLKIT_FORMAT: FormatAdapter = {
  id: MODEL_CARD_TOOLKIT_FORMAT_ID,
  kind: 'model_card',
  description: 'Google Model Card Toolkit model_card.json (schema v0.0.2 of model-card-toolkit 1.x/2.x; v0.0.1 also read)',
  detect: (input) => {
    if (!/\.json$/i.test(input.path)) return false;
    const value = input.structured().value;
    // A native card carries apiVersion, a BOM bomFormat, a JSON-LD document @context: none of them is this format.
    return isObject(value) && isObject(value.model_details) && value.apiVersion === undefined && value.bomFormat === undefined && value['@context'] === undefined;
  },
  adapt: adaptModelCardToolkit,
};
