import { artefactError } from '../../errors.js';
import type { SourceLocation } from '../../document/location.js';
import { parseYaml, type ParsedDocument } from '../../document/parse.js';
import type { AdaptedEvidence, ArtefactInput, FormatAdapter } from './types.js';

/**
 * Hugging Face model cards: a Markdown file (usually README.md) with optional YAML front
 * matter (license, datasets, model-index) and prose sections found by their headings.
 */
export const HUGGINGFACE_FORMAT_ID = 'huggingface-model-card';

/** The normalized names a documented section can take; the first five are also model card fields. */
export type SectionName =
  | 'intended_use'
  | 'out_of_scope_use'
  | 'limitations'
  | 'risks'
  | 'ethical_considerations'
  | 'training_data'
  | 'evaluation';

const TEXT_FIELDS = ['intended_use', 'out_of_scope_use', 'limitations', 'risks', 'ethical_considerations'] as const;
const SECTION_ORDER: readonly SectionName[] = [...TEXT_FIELDS, 'training_data', 'evaluation'];

/**
 * Heading wording varies between the Hub template, older templates and hand-written cards,
 * so headings are matched on normalized words. "Usage" and "How to use" are left out on
 * purpose: they hold code snippets, not a statement of intended use.
 */
const SECTION_MATCHERS: Record<SectionName, RegExp> = {
  out_of_scope_use: /\bout of scope\b|\bmisuse\b/,
  intended_use: /\bintended (uses?|usage|purposes?)\b|\bdirect uses?\b|\bdownstream uses?\b|\buse cases?\b|^(model )?uses?( and .*)?$/,
  limitations: /\blimitations?\b|\brisks?\b/,
  risks: /\brisks?\b/,
  ethical_considerations: /\bethic(s|al)\b/,
  training_data: /\btraining (data|datasets?|corpus)\b/,
  evaluation: /\bevaluations?\b|\beval results\b/,
};

/** What the Hub's card template writes where its author filled nothing in. */
const PLACEHOLDER = /\[More Information Needed\]/gi;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Bounded so that a long line of braces costs linear time, not quadratic. */
const TEMPLATE = /\{\{[^{}\n]{0,200}\}\}|\{%[^%\n]{0,200}%\}/g;
const DELIMITER = /^---[ \t]*$/;
/** Longer heading titles are not matched against field names: no real heading is that long. */
const MAX_TITLE = 200;

interface Heading {
  level: number;
  title: string;
  /** Index into the file's lines. */
  index: number;
  /** Index of the first line after the section (the next heading of the same or higher level). */
  end: number;
  /** Position in the heading list of the first heading after the section. */
  endPosition: number;
  sections: ReadonlySet<SectionName>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Lines without their terminator, so CRLF files read like LF files and keep their line numbers. */
function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The `---` lines that delimit the front matter, by line index; undefined when there is none. */
function findFrontMatter(lines: readonly string[], path: string): { open: number; close: number } | undefined {
  let open = 0;
  // The Hub accepts blank lines before the opening delimiter.
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length || !DELIMITER.test(lines[open]!)) return undefined;
  for (let close = open + 1; close < lines.length; close++) {
    if (DELIMITER.test(lines[close]!)) return { open, close };
  }
  throw artefactError('the front matter opened here is never closed by a "---" line', { path, line: open + 1 });
}

/**
 * Marks which body lines are Markdown text (not fenced code, not an HTML comment): only
 * those can hold a heading, and only those can hold an unrendered template, because a
 * card may legitimately show a Jinja chat template inside a code block.
 */
function textLines(lines: readonly string[], start: number): boolean[] {
  const isText = lines.map(() => false);
  let fence: string | undefined;
  let inComment = false;
  for (let index = start; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence !== undefined) {
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && /^([`~])\1*$/.test(trimmed)) fence = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    const lastOpen = line.lastIndexOf('<!--');
    if (lastOpen !== -1 && line.indexOf('-->', lastOpen) === -1) inComment = true;
    isText[index] = true;
  }
  return isText;
}

function rejectTemplates(lines: readonly string[], isText: readonly boolean[], frontMatter: { open: number; close: number } | undefined, path: string): void {
  const inFrontMatter = (index: number) => frontMatter !== undefined && index > frontMatter.open && index < frontMatter.close;
  for (let index = 0; index < lines.length; index++) {
    const yaml = inFrontMatter(index);
    if (!yaml && !isText[index]) continue;
    const line = lines[index]!;
    let backticks = 0;
    let counted = 0;
    for (const found of line.matchAll(TEMPLATE)) {
      backticks += countBackticks(line, counted, found.index);
      counted = found.index;
      // An inline code span (an odd number of backticks before) may show template syntax as an example.
      if (!yaml && backticks % 2 === 1) continue;
      const shown = found[0].length > 40 ? `${found[0].slice(0, 37)}...` : found[0];
      throw artefactError(`unrendered template: the card still holds Jinja placeholders such as ${shown}`, {
        path,
        line: index + 1,
        column: found.index + 1,
      });
    }
  }
}

function countBackticks(line: string, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if (line[i] === '`') count++;
  return count;
}

/** An ATX heading, scanned by hand: the equivalent regex backtracks quadratically on long lines. */
function headingOf(line: string): { level: number; title: string } | undefined {
  let start = 0;
  while (start < 3 && line[start] === ' ') start++;
  let level = 0;
  while (line[start + level] === '#') level++;
  if (level < 1 || level > 6) return undefined;
  const rest = line.slice(start + level);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return undefined;
  let title = rest.trim();
  // A closing sequence of #s is not part of the title.
  let end = title.length;
  while (end > 0 && title[end - 1] === '#') end--;
  if (end === 0) title = '';
  else if (end < title.length && (title[end - 1] === ' ' || title[end - 1] === '\t')) title = title.slice(0, end).trimEnd();
  return { level, title };
}

export function normalizeHeading(title: string): string {
  return title
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(\d+ )+/, '');
}

/** The documented sections a heading stands for, by its wording. */
export function sectionsOfHeading(title: string): Set<SectionName> {
  const found = new Set<SectionName>();
  if (title.length > MAX_TITLE) return found;
  const words = normalizeHeading(title);
  for (const name of SECTION_ORDER) if (SECTION_MATCHERS[name].test(words)) found.add(name);
  // "Out-of-scope use" also says "use"; it is never a statement of intended use.
  if (found.has('out_of_scope_use')) found.delete('intended_use');
  return found;
}

function findHeadings(lines: readonly string[], isText: readonly boolean[], start: number): Heading[] {
  const headings: Heading[] = [];
  for (let index = start; index < lines.length; index++) {
    if (!isText[index]) continue;
    const heading = headingOf(lines[index]!);
    if (!heading) continue;
    headings.push({ ...heading, index, end: lines.length, endPosition: Infinity, sections: sectionsOfHeading(heading.title) });
  }
  // One pass with a stack of open sections: a heading closes every open one of its level or deeper.
  const open: number[] = [];
  headings.forEach((heading, position) => {
    while (open.length > 0 && headings[open[open.length - 1]!]!.level >= heading.level) {
      const closed = headings[open.pop()!]!;
      closed.end = heading.index;
      closed.endPosition = position;
    }
    open.push(position);
  });
  for (const position of open) headings[position]!.endPosition = headings.length;
  return headings;
}

/**
 * The body under a heading, without HTML comments (invisible once rendered) and without
 * subsections that document another field: the Hub template nests "Out-of-Scope Use"
 * under "Uses", and its text is not a statement of intended use.
 */
function sectionText(lines: readonly string[], headings: readonly Heading[], position: number): string {
  const heading = headings[position]!;
  const parts: string[] = [];
  let index = heading.index + 1;
  for (const sub of headings.slice(position + 1, heading.endPosition)) {
    if (sub.index < index) continue;
    if ([...sub.sections].some((name) => !heading.sections.has(name))) {
      parts.push(lines.slice(index, sub.index).join('\n'));
      index = sub.end;
    }
  }
  parts.push(lines.slice(index, heading.end).join('\n'));
  return parts
    .join('\n')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .trim();
}

/** A section holding only sub-headings and template placeholders says nothing. */
function hasContent(text: string): boolean {
  return (
    text
      .split('\n')
      .filter((line) => headingOf(line) === undefined)
      .join('\n')
      .replace(PLACEHOLDER, '')
      .trim() !== ''
  );
}

interface MappedSections {
  values: Partial<Record<SectionName, { text: string; line: number }>>;
  present: SectionName[];
}

function mapSections(lines: readonly string[], headings: readonly Heading[]): MappedSections {
  const values: MappedSections['values'] = {};
  const present: SectionName[] = [];
  const texts = new Map<number, string | undefined>();
  // A heading can stand for several fields: its text is worked out once.
  const textOf = (position: number): string | undefined => {
    if (!texts.has(position)) {
      const text = sectionText(lines, headings, position);
      texts.set(position, hasContent(text) ? text : undefined);
    }
    return texts.get(position);
  };
  for (const name of SECTION_ORDER) {
    const chosen: { heading: Heading; text: string }[] = [];
    headings.forEach((heading, position) => {
      if (!heading.sections.has(name)) return;
      // A matching subsection of the section last taken is already part of its text.
      const last = chosen[chosen.length - 1];
      if (last && heading.index < last.heading.end) return;
      const text = textOf(position);
      if (text !== undefined) chosen.push({ heading, text });
    });
    const first = chosen[0];
    if (!first) continue;
    present.push(name);
    values[name] = { text: chosen.map(({ text }) => text).join('\n\n'), line: first.heading.index + 1 };
  }
  return { values, present };
}

/** A finite number, or a string that spells one; anything else is not a metric value. */
function metricValue(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  // Bounded before the pattern runs: the pattern backtracks on long runs of digits.
  if (typeof raw !== 'string' || raw.length > 64 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) return undefined;
  const value = Number(raw.trim());
  return Number.isFinite(value) ? value : undefined;
}

function listAt(doc: ParsedDocument, value: unknown, pointer: (string | number)[], what: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw artefactError(`${what} must be a list`, doc.locate(pointer));
  return value;
}

/** model-index results, flattened to one evaluation per metric, each with its own line. */
function evaluationsOf(doc: ParsedDocument, modelIndex: unknown): Record<string, unknown>[] {
  const evaluations: Record<string, unknown>[] = [];
  listAt(doc, modelIndex, ['model-index'], 'model-index').forEach((model, m) => {
    if (!isObject(model)) throw artefactError('a model-index entry must be a mapping', doc.locate(['model-index', m]));
    const resultsAt = ['model-index', m, 'results'];
    listAt(doc, model.results, resultsAt, 'model-index results').forEach((result, r) => {
      if (!isObject(result)) throw artefactError('a model-index result must be a mapping', doc.locate([...resultsAt, r]));
      // The Hub drops a result that names no dataset rather than rejecting the card.
      if (!isObject(result.dataset)) return;
      const dataset = result.dataset;
      const datasetName = typeof dataset.name === 'string' ? dataset.name : typeof dataset.type === 'string' ? dataset.type : undefined;
      const metricsAt = [...resultsAt, r, 'metrics'];
      listAt(doc, result.metrics, metricsAt, 'model-index metrics').forEach((metric, k) => {
        const at = [...metricsAt, k];
        if (!isObject(metric)) throw artefactError('a model-index metric must be a mapping', doc.locate(at));
        const name = typeof metric.type === 'string' && metric.type.trim() !== '' ? metric.type : metric.name;
        if (typeof name !== 'string' || name.trim() === '') {
          throw artefactError('a model-index metric has neither a type nor a name', doc.locate(at));
        }
        const value = metricValue(metric.value);
        if (value === undefined) {
          const shown = metric.value === undefined ? 'no value' : `value ${JSON.stringify(metric.value)}, which is not a finite number`;
          throw artefactError(`metric "${name}" has ${shown}`, doc.locate(metric.value === undefined ? at : [...at, 'value']));
        }
        const evaluation: Record<string, unknown> = { metric: name, value, location: doc.locate(at) };
        if (datasetName !== undefined) evaluation.dataset = datasetName;
        if (typeof dataset.split === 'string') evaluation.split = dataset.split;
        evaluations.push(evaluation);
      });
    });
  });
  return evaluations;
}

/** `license: other` defers to `license_name` (or `license_link`), as the Hub does. */
function licenseOf(meta: Record<string, unknown>): unknown {
  const license = meta.license;
  if (typeof license !== 'string' || license.trim().toLowerCase() !== 'other') return license;
  if (typeof meta.license_name === 'string' && meta.license_name.trim() !== '') return meta.license_name;
  if (typeof meta.license_link === 'string' && meta.license_link.trim() !== '') return meta.license_link;
  return license;
}

function adaptHuggingFace(input: ArtefactInput): AdaptedEvidence {
  const path = input.path;
  const lines = splitLines(input.text.replace(/^\uFEFF/, ''));
  const frontMatter = findFrontMatter(lines, path);
  const bodyStart = frontMatter ? frontMatter.close + 1 : 0;
  const isText = textLines(lines, bodyStart);
  rejectTemplates(lines, isText, frontMatter, path);

  const data: Record<string, unknown> = {};
  const fieldLocations: Record<string, SourceLocation> = {};

  if (frontMatter) {
    // Blank lines in place of everything before the YAML keep the parser's lines the file's lines.
    const yaml = '\n'.repeat(frontMatter.open + 1) + lines.slice(frontMatter.open + 1, frontMatter.close).join('\n');
    const doc = parseYaml(yaml, path, { errorCode: 'artefact', limits: input.limits });
    if (doc.value !== null && doc.value !== undefined && !isObject(doc.value)) {
      const found = Array.isArray(doc.value) ? 'a list' : `a ${typeof doc.value}`;
      throw artefactError(`the front matter must be a mapping of metadata, not ${found}`, doc.locate([]));
    }
    const meta: Record<string, unknown> = isObject(doc.value) ? doc.value : {};
    const keyLocation = (key: string): SourceLocation => {
      const escaped = key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
      const pattern = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:`);
      for (let index = frontMatter.open + 1; index < frontMatter.close; index++) {
        if (pattern.test(lines[index]!)) return { path, line: index + 1, column: 1 };
      }
      return doc.locate([key]);
    };

    if (meta.license !== undefined && meta.license !== null) {
      data.license = licenseOf(meta);
      fieldLocations.license = keyLocation('license');
    }
    if (meta.datasets !== undefined && meta.datasets !== null) {
      data.training_data = typeof meta.datasets === 'string' ? [meta.datasets] : meta.datasets;
      fieldLocations.training_data = keyLocation('datasets');
    }
    const modelIndex = meta['model-index'];
    if (modelIndex !== undefined && modelIndex !== null) {
      data.evaluation = evaluationsOf(doc, modelIndex);
      fieldLocations.evaluation = keyLocation('model-index');
    }
    const firstModel = Array.isArray(modelIndex) ? modelIndex[0] : undefined;
    if (typeof meta.model_name === 'string') {
      data.name = meta.model_name;
      fieldLocations.name = keyLocation('model_name');
    } else if (isObject(firstModel) && typeof firstModel.name === 'string') {
      data.name = firstModel.name;
      fieldLocations.name = doc.locate(['model-index', 0, 'name']);
    }
  }

  const headings = findHeadings(lines, isText, bodyStart);
  const { values, present } = mapSections(lines, headings);
  for (const field of TEXT_FIELDS) {
    const section = values[field];
    if (!section) continue;
    data[field] = section.text;
    fieldLocations[field] = { path, line: section.line, column: 1 };
  }
  data.sections = present;
  return { data, fieldLocations };
}

export const HUGGINGFACE_MODEL_CARD_FORMAT: FormatAdapter = {
  id: HUGGINGFACE_FORMAT_ID,
  kind: 'model_card',
  description: 'Hugging Face model card (Markdown with YAML front matter: license, datasets, model-index; sections by heading)',
  detect: (input) => /\.md$/i.test(input.path),
  adapt: adaptHuggingFace,
};
