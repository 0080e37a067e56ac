import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import { ModelgateError, type ErrorCode } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { lazyLocation, lineStartsOf, positionAt, type PositionResolver, type SourceLocation } from './location.js';

export type JsonPointer = readonly (string | number)[];

/** A parsed YAML or JSON text that can say where any of its values stands. */
export interface ParsedDocument {
  path: string;
  syntax: 'yaml' | 'json';
  value: unknown;
  /**
   * Where the value at `pointer` stands; with `last`, the value at `pointer` then `last`, so
   * that the many children of one value share its pointer instead of each holding a copy.
   * A method of the document: called detached, it has no document to look in.
   */
  locate(pointer: JsonPointer, last?: string | number): SourceLocation;
}

export interface ParseOptions {
  limits?: Limits;
  /** What kind of error a bad document is: a policy or config is `config`, an artefact is `artefact`. */
  errorCode?: ErrorCode;
  /** For parseJson: the line of the file the text starts on (e.g. one line of an NDJSON file); 1 by default. */
  startLine?: number;
}

/** Keys that would reach an object's prototype if copied by naive code downstream. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An unpaired UTF-16 surrogate, which only an escape (`"\ud800"`) can produce: such a
 * string is not Unicode text, has no UTF-8 form and no RFC 8785 canonical JSON, so a
 * value carrying it into a report or an audit record could not be recorded.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function syntaxOf(path: string): 'yaml' | 'json' | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

/** Parses by file extension; other extensions are tried as JSON when they look like JSON, else YAML. */
export function parseStructured(text: string, path: string, options: ParseOptions = {}): ParsedDocument {
  const syntax = syntaxOf(path) ?? (/^\s*[[{]/.test(text) ? 'json' : 'yaml');
  return syntax === 'json' ? parseJson(text, path, options) : parseYaml(text, path, options);
}

export function parseYaml(text: string, path: string, options: ParseOptions = {}): ParsedDocument {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const fail = failWith(options.errorCode ?? 'artefact', path);
  checkSize(text, limits, fail);
  const lineCounter = new LineCounter();
  let doc: Document;
  let value: unknown;
  try {
    // yaml's own uniqueKeys check is quadratic in a mapping's size: duplicates are found below instead.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    throw fail(`cannot parse YAML: ${describeParserCrash(error)}`);
  }
  const locateOffset = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { path, line, column: col };
  };
  const firstError = doc.errors[0];
  if (firstError) {
    const reason = /call stack/i.test(firstError.message) ? 'the document is nested too deeply' : firstLine(firstError.message);
    throw fail(`invalid YAML: ${reason}`, locateOffset(firstError.pos[0]));
  }
  const badKey = firstBadKey(doc);
  if (badKey) throw fail(`invalid YAML: ${badKey.reason}`, locateOffset(badKey.offset));
  try {
    value = doc.toJS({ maxAliasCount: limits.max_yaml_aliases });
  } catch (error) {
    throw fail(`cannot read YAML: ${describeParserCrash(error)}`);
  }
  const locate = (pointer: JsonPointer, last?: string | number): SourceLocation => {
    const offset = yamlOffset(doc, last === undefined ? pointer : [...pointer, last]);
    return offset === undefined ? { path, line: 1, column: 1 } : locateOffset(offset);
  };
  // YAML escapes (`\x`, `\u`, `\U`) can spell any character: its strings are always checked.
  checkTree(value, limits, locate, () => locate([]), fail, true);
  return { path, syntax: 'yaml', value, locate };
}

export function parseJson(text: string, path: string, options: ParseOptions = {}): ParsedDocument {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const fail = failWith(options.errorCode ?? 'artefact', path);
  const lineShift = (options.startLine ?? 1) - 1;
  checkSize(text, limits, fail);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fail(`invalid JSON: ${describeJsonError(text, error)}`, locateJsonError(text, path, lineShift));
  }
  const doc = new JsonDocument(path, value, text, lineShift);
  const locateTooDeep = (): SourceLocation => ({ path, ...doc.positionAtOffset(offsetBeyondDepth(text, limits.max_nesting_depth)) });
  checkTree(value, limits, (pointer) => doc.locate(pointer), locateTooDeep, fail, jsonStringsSuspect(text));
  return doc;
}

/**
 * A parsed JSON text. `locate` is a method, not a closure made per document: adapters call it
 * once per item, and optimized code that inlined one document's closure is discarded when
 * another document's is called or that one is collected, so each large document would be read
 * by unoptimized code while the adapter is compiled again. The position tree is only built
 * when a finding needs a line: most documents never do.
 */
class JsonDocument implements ParsedDocument {
  readonly syntax = 'json';
  readonly #text: string;
  readonly #lineShift: number;
  /** Shared by this document's lazy locations. */
  readonly #resolve: PositionResolver = (pointer) => this.#positionAt(pointer);
  #tree: JsonNode | undefined;
  #starts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly value: unknown,
    text: string,
    lineShift: number,
  ) {
    this.#text = text;
    this.#lineShift = lineShift;
  }

  locate(pointer: JsonPointer, last?: string | number): SourceLocation {
    return lazyLocation(this.path, this.#resolve, pointer, last);
  }

  positionAtOffset(offset: number): { line: number; column: number } {
    this.#starts ??= lineStartsOf(this.#text);
    const { line, column } = positionAt(this.#starts, offset);
    return { line: line + this.#lineShift, column };
  }

  #positionAt(pointer: JsonPointer): { line: number; column: number } {
    this.#tree ??= parseTree(this.#text) ?? { type: 'null', offset: 0, length: 0 };
    return this.positionAtOffset(nodeStart(deepestNode(this.#tree, pointer)));
  }
}

/** Pairs of a YAML mapping by key, built on first use (see propertyTables). */
const pairTables = new WeakMap<YAMLMap, Map<string, Pair>>();

function yamlPair(map: YAMLMap, key: string): Pair | undefined {
  let table = pairTables.get(map);
  if (!table) {
    table = new Map();
    for (const pair of map.items) {
      if (isScalar(pair.key) && !table.has(String(pair.key.value))) table.set(String(pair.key.value), pair);
    }
    pairTables.set(map, table);
  }
  return table.get(key);
}

/**
 * The offset of the value at `pointer`, or of the key that names it (the line a reader
 * edits); a pointer past the document stops at its deepest existing parent.
 */
function yamlOffset(doc: Document, pointer: JsonPointer): number | undefined {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? node.range?.[0] : undefined;
  for (const segment of pointer) {
    if (isMap(node)) {
      const pair = yamlPair(node, String(segment));
      if (!pair) break;
      offset = isNode(pair.key) ? pair.key.range?.[0] : offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
      offset = isNode(node) ? (node.range?.[0] ?? offset) : offset;
    } else {
      break;
    }
  }
  return offset;
}

/** Where nesting first exceeds the limit, found by a scan: a tree walk would overflow on such input. */
function offsetBeyondDepth(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) return i;
    } else if (char === ']' || char === '}') depth--;
  }
  return 0;
}

/**
 * Property lookup tables per object node, built on first use: locating every item of a
 * large object one by one would otherwise scan its properties each time (quadratic).
 */
const propertyTables = new WeakMap<JsonNode, Map<string, JsonNode>>();

function propertyValue(node: JsonNode, key: string): JsonNode | undefined {
  let table = propertyTables.get(node);
  if (!table) {
    table = new Map();
    for (const property of node.children ?? []) {
      const [name, value] = property.children ?? [];
      if (name && value && !table.has(String(name.value))) table.set(String(name.value), value);
    }
    propertyTables.set(node, table);
  }
  return table.get(key);
}

/** The node at `pointer`, or its deepest existing ancestor. */
function deepestNode(root: JsonNode, pointer: JsonPointer): JsonNode {
  let node = root;
  for (const segment of pointer) {
    const next =
      node.type === 'object'
        ? propertyValue(node, String(segment))
        : node.type === 'array' && typeof segment === 'number'
          ? node.children?.[segment]
          : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

/** A property value's line is where its key stands: that is the line a reader edits. */
function nodeStart(node: JsonNode): number {
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function locateJsonError(text: string, path: string, lineShift: number): SourceLocation {
  if (text.trim() === '') return { path };
  const errors: ParseError[] = [];
  try {
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  } catch {
    // A pathologically nested text overflows the locating parser; the reason still stands.
    return { path };
  }
  const first = errors[0];
  if (!first) return { path };
  const { line, column } = positionAt(lineStartsOf(text), first.offset);
  return { path, line: line + lineShift, column };
}

function describeJsonError(text: string, error: unknown): string {
  if (text.trim() === '') return 'the file is empty';
  const message = error instanceof Error ? error.message : String(error);
  // V8's message repeats a window of the input; the location prefix already says where.
  return firstLine(message.replace(/, "[\s\S]*$/, '').replace(/ in JSON at position \d+.*$/, ''));
}

function describeParserCrash(error: unknown): string {
  if (error instanceof RangeError) return 'the document is nested too deeply';
  return firstLine(error instanceof Error ? error.message : String(error));
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

type Fail = (message: string, location?: SourceLocation) => ModelgateError;

function failWith(code: ErrorCode, path: string): Fail {
  return (message, location) => new ModelgateError(code, message, location ?? { path });
}

function checkSize(text: string, limits: Limits, fail: Fail): void {
  if (text.length > limits.max_file_bytes) {
    throw fail(`file is larger than the limit of ${limits.max_file_bytes} bytes`);
  }
}

const LONE_SURROGATE_MESSAGE = 'not valid Unicode text: a string holds an unpaired surrogate escape (\\ud800-\\udfff)';

/**
 * Whether the strings of a JSON text need checking for lone surrogates: a parsed string
 * can only hold one if the text has one or a `\u` escape. Most artefacts have neither.
 */
function jsonStringsSuspect(text: string): boolean {
  return text.includes('\\u') || !isWellFormedText(text);
}

/** `String.prototype.isWellFormed` (constant time for a one-byte string) where the runtime has it. */
function isWellFormedText(text: string): boolean {
  const native = (text as string & { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !LONE_SURROGATE.test(text);
}

/**
 * Refuses prototype-polluting keys, strings that are not Unicode text and nesting beyond
 * the limit. A quick walk without paths finds whether anything is wrong; only then does
 * the walk that names the offending value run.
 */
function checkTree(
  value: unknown,
  limits: Limits,
  locate: (pointer: JsonPointer) => SourceLocation,
  locateTooDeep: () => SourceLocation,
  fail: Fail,
  checkStrings: boolean,
): void {
  if (treeIsClean(value, limits.max_nesting_depth, checkStrings)) return;
  reportTreeProblem(value, limits, locate, locateTooDeep, fail);
}

/**
 * The quick walk: iterative (deep documents must not overflow the stack), without paths,
 * looking at strings only when they are suspect. Finds the same problems as
 * reportTreeProblem, which names them.
 */
function treeIsClean(root: unknown, maxDepth: number, checkStrings: boolean): boolean {
  if (typeof root !== 'object' || root === null) return !(checkStrings && typeof root === 'string' && LONE_SURROGATE.test(root));
  // No closure: optimized code would hold on to one made per call, and be discarded when it is collected.
  const containers: object[] = [root];
  const depths: number[] = [0];
  while (containers.length > 0) {
    const current = containers.pop()!;
    const depth = depths.pop()!;
    if (depth >= maxDepth) return false;
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        const value: unknown = current[index];
        if (typeof value === 'object' && value !== null) {
          containers.push(value);
          depths.push(depth + 1);
        } else if (checkStrings && typeof value === 'string' && LONE_SURROGATE.test(value)) return false;
      }
      continue;
    }
    // for-in allocates no key list; an inherited key it may also see can only make the walk
    // report a problem, which reportTreeProblem (own keys only) then confirms or not.
    for (const key in current) {
      if (FORBIDDEN_KEYS.has(key)) return false;
      if (checkStrings && LONE_SURROGATE.test(key)) return false;
      const value: unknown = (current as Record<string, unknown>)[key];
      if (typeof value === 'object' && value !== null) {
        containers.push(value);
        depths.push(depth + 1);
      } else if (checkStrings && typeof value === 'string' && LONE_SURROGATE.test(value)) return false;
    }
  }
  return true;
}

/** The walk that names the first problem: each entry links to its parent, so a path is only rebuilt for an error. */
function reportTreeProblem(
  value: unknown,
  limits: Limits,
  locate: (pointer: JsonPointer) => SourceLocation,
  locateTooDeep: () => SourceLocation,
  fail: Fail,
): void {
  interface Entry {
    value: unknown;
    depth: number;
    parent: Entry | undefined;
    key: string | number;
  }
  const pointerOf = (entry: Entry | undefined): (string | number)[] => {
    const pointer: (string | number)[] = [];
    for (let current = entry; current?.parent; current = current.parent) pointer.unshift(current.key);
    return pointer;
  };
  const stack: Entry[] = [{ value, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const current = entry.value;
    if (typeof current === 'string' && LONE_SURROGATE.test(current)) {
      throw fail(LONE_SURROGATE_MESSAGE, locate(pointerOf(entry)));
    }
    if (current === null || typeof current !== 'object') continue;
    if (entry.depth >= limits.max_nesting_depth) {
      throw fail(`nesting deeper than the limit of ${limits.max_nesting_depth} levels`, locateTooDeep());
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++) {
        stack.push({ value: current[index], depth: entry.depth + 1, parent: entry, key: index });
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw fail(`forbidden key "${key}"`, locate([...pointerOf(entry), key]));
      }
      if (LONE_SURROGATE.test(key)) throw fail(LONE_SURROGATE_MESSAGE, locate([...pointerOf(entry), key]));
      stack.push({ value: (current as Record<string, unknown>)[key], depth: entry.depth + 1, parent: entry, key });
    }
  }
}

/**
 * The first key of any mapping that would be lost or ambiguous in the parsed value: a
 * repeated key (compared as the parsed object's key, so an alias of an earlier key or a
 * `~` beside `""` counts), or a key that is a map, list or binary value, which would be
 * turned into text. Found with one set per mapping.
 */
function firstBadKey(doc: Document): { reason: string; offset: number } | undefined {
  let found: { reason: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const offset = (isNode(pair.key) ? pair.key.range?.[0] : undefined) ?? map.range?.[0] ?? 0;
        const key = objectKeyOf(pair.key, doc);
        if (key === undefined) {
          found = { reason: 'a mapping key must be a string, number, bool or null, not a map, list or binary value', offset };
          return visit.BREAK;
        }
        if (seen.has(key)) {
          found = { reason: `Map keys must be unique ("${key}")`, offset };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** The property name a mapping key becomes in the parsed value (as `yaml`'s toJS names it); undefined for a non-scalar key. */
function objectKeyOf(key: unknown, doc: Document): string | undefined {
  const node = isAlias(key) ? key.resolve(doc) : key;
  if (node === null || node === undefined) return '';
  if (!isScalar(node)) return undefined;
  if (node.value === null) return '';
  return typeof node.value === 'object' ? undefined : String(node.value);
}
