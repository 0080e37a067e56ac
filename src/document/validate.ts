import type { z } from 'zod';
import { ModelgateError, type ErrorCode } from '../errors.js';
import type { ParsedDocument } from './parse.js';

/**
 * Validates a parsed document against a zod schema; the first problem becomes an
 * error at the file:line:column of the offending value.
 */
export function validateDocument<T extends z.ZodType>(
  doc: ParsedDocument,
  schema: T,
  what: string,
  code: ErrorCode = 'config',
): z.output<T> {
  const result = schema.safeParse(doc.value);
  if (result.success) return result.data;
  const { issue, pointer: at } = firstIssue(result.error);
  const field = at.length > 0 ? `${at.join('.')}: ` : '';
  throw new ModelgateError(code, `invalid ${what}: ${field}${issue.message}`, doc.locate(at));
}

/**
 * zod reports a value that matches no branch of a union as a bare "Invalid input";
 * the branch that got furthest into the value says what is actually wrong.
 */
function mostSpecific(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const deepest = issue.errors
    .map((branch) => branch[0])
    .filter((candidate): candidate is z.core.$ZodIssue => candidate !== undefined)
    .sort((a, b) => b.path.length - a.path.length)[0];
  return deepest ? mostSpecific({ ...deepest, path: [...issue.path, ...deepest.path] }) : issue;
}

/**
 * The issue to report and the pointer to the offending value. A misspelt key usually causes
 * the other issues (a required field "missing"), so it is reported first; for an unknown key
 * the pointer names the key itself.
 */
export function firstIssue(error: z.ZodError): { issue: z.core.$ZodIssue; pointer: (string | number)[] } {
  const issue = mostSpecific(error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? error.issues[0]!);
  const offendingKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const pointer = [...issue.path, ...(offendingKey === undefined ? [] : [offendingKey])].filter(
    (key): key is string | number => typeof key !== 'symbol',
  );
  return { issue, pointer };
}

/**
 * `schema.safeParse(value)`, without the copy when zod would return the value unchanged.
 *
 * zod builds a new object for every object it accepts, and reports through a payload per
 * field: for evidence of tens of thousands of items that cost more than parsing the file.
 * Most values are already exactly what the schema describes (adapters build them so), so a
 * check compiled once from the schema's own definition looks first: when it finds the
 * value certainly accepted and unchanged (no default to fill in, no key to strip, no string
 * to trim), the value itself is the result. Anything else, including every value zod
 * refuses and every schema construct the check does not know, goes to zod, which gives the
 * result and the issue to report. The check may be stricter than zod, never looser.
 */
export function safeParseUnchanged<T extends z.ZodType>(schema: T, value: unknown): z.ZodSafeParseResult<z.output<T>> {
  const accepts = unchangedCheckOf(schema);
  if (accepts?.(value)) return { success: true, data: value as z.output<T> };
  return schema.safeParse(value);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** String formats zod 4 checks with nothing but their pattern. */
const PATTERN_FORMATS: ReadonlySet<string> = new Set(['regex', 'uuid', 'guid', 'datetime', 'date', 'time', 'duration', 'email', 'ipv4', 'lowercase', 'uppercase']);

/** Whether a value is accepted by a schema as it is; compiled once per schema. */
type UnchangedCheck = (value: unknown) => boolean;

const compiledChecks = new WeakMap<object, UnchangedCheck | null>();

/** Every zod schema node and check carries its definition here (zod/v4/core). */
interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string; checks?: ZodNode[]; check?: string }; values?: ReadonlySet<unknown>; optin?: string };
}

function unchangedCheckOf(schema: z.ZodType): UnchangedCheck | undefined {
  const node = schema as unknown as ZodNode;
  let check = compiledChecks.get(node);
  if (check === undefined) {
    check = compileUnchanged(node) ?? null;
    compiledChecks.set(node, check);
  }
  return check ?? undefined;
}

/** An object literal's kind of object: what zod's output is, so returning the value itself is the same. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/** Schema nodes being compiled: a recursive schema (a getter in a shape) is left to zod. */
const compiling = new Set<ZodNode>();

/** The check for one schema node, or undefined for a construct it does not know (zod then decides). */
function compileUnchanged(node: ZodNode): UnchangedCheck | undefined {
  if (compiling.has(node)) return undefined;
  compiling.add(node);
  try {
    return compileNode(node);
  } finally {
    compiling.delete(node);
  }
}

function compileNode(node: ZodNode): UnchangedCheck | undefined {
  const def = node._zod.def;
  const base = compileType(node);
  if (!base) return undefined;
  // A string format (z.uuid()), a number format (z.int()) or a custom schema is a check on itself.
  const own = def.check !== undefined && def.type !== 'custom' ? compileCheck(node) : undefined;
  if (def.check !== undefined && def.type !== 'custom' && !own) return undefined;
  const checks: UnchangedCheck[] = own ? [own] : [];
  for (const check of def.checks ?? []) {
    const compiled = compileCheck(check);
    if (!compiled) return undefined;
    checks.push(compiled);
  }
  if (def.coerce) return undefined;
  if (checks.length === 0) return base;
  if (checks.length === 1) {
    const [only] = checks as [UnchangedCheck];
    return (value) => base(value) && only(value);
  }
  return (value) => {
    if (!base(value)) return false;
    for (let index = 0; index < checks.length; index++) if (!checks[index]!(value)) return false;
    return true;
  };
}

function compileType(node: ZodNode): UnchangedCheck | undefined {
  const def = node._zod.def;
  const inner = (key: string) => compileUnchanged(def[key] as ZodNode);
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'null':
      return (value) => value === null;
    case 'any':
    case 'unknown':
      return () => true;
    case 'enum':
    case 'literal': {
      const values = node._zod.values;
      return values ? (value) => values.has(value) : undefined;
    }
    case 'custom': {
      const fn = def.fn as ((value: unknown) => unknown) | undefined;
      if (!fn) return () => true;
      return (value) => {
        const result = fn(value);
        return !(result instanceof Promise) && Boolean(result);
      };
    }
    case 'optional': {
      const check = inner('innerType');
      if (!check) return undefined;
      // A default inside fills in an absent value: a change, left to zod.
      if ((def.innerType as ZodNode)._zod.optin === 'defaulted') return (value) => value !== undefined && check(value);
      return (value) => value === undefined || check(value);
    }
    case 'nullable': {
      const check = inner('innerType');
      return check && ((value) => value === null || check(value));
    }
    case 'default': {
      const check = inner('innerType');
      return check && ((value) => value !== undefined && check(value));
    }
    case 'pipe': {
      const first = inner('in');
      const then = inner('out');
      return first && then && ((value) => first(value) && then(value));
    }
    case 'array': {
      const element = inner('element');
      return (
        element &&
        ((value) => {
          if (!Array.isArray(value)) return false;
          for (let index = 0; index < value.length; index++) if (!element(value[index])) return false;
          return true;
        })
      );
    }
    case 'record':
      return compileRecord(def);
    case 'object':
      return compileObject(def);
    case 'union':
      return compileDiscriminatedUnion(def);
    default:
      return undefined;
  }
}

/**
 * An object's check is generated as code (as zod generates its own object parser): a
 * `switch` over the value's keys with the field names as literals lets the engine compare
 * interned names and call each field's check from its own call site. Fields seen are kept
 * in a bit mask, so objects of up to 30 fields are compiled; larger ones are left to zod.
 */
function compileObject(def: Record<string, unknown>): UnchangedCheck | undefined {
  const shape = def.shape as Record<string, ZodNode>;
  const keys = Object.keys(shape);
  if (keys.length > 30 || Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return undefined;
  const checks: UnchangedCheck[] = [];
  let required = 0;
  for (const [index, key] of keys.entries()) {
    const field = shape[key]!;
    const check = compileUnchanged(field);
    if (!check) return undefined;
    checks.push(check);
    // zod leaves out an absent key only for an optional field; any other it fills in or refuses.
    if (field._zod.optin !== 'optional') required |= 1 << index;
  }
  // Without a catchall zod strips unknown keys, with `never` it refuses them: a value with one is left to zod.
  const catchall = def.catchall as ZodNode | undefined;
  const rest = catchall && catchall._zod.def.type !== 'never' ? compileUnchanged(catchall) : undefined;
  if (catchall && catchall._zod.def.type !== 'never' && !rest) return undefined;

  // for-in gives every enumerable key, own or inherited, once: each is a field (checked as
  // zod reads it, `value[key]`) or another key. A field for-in does not give must be absent
  // altogether (`in`): a non-enumerable or inherited one is left to zod.
  const cases = keys.map((key, index) => `case ${JSON.stringify(key)}: if (!checks[${index}](value[key])) return false; seen |= ${1 << index}; break;`);
  const absent = keys.flatMap((key, index) => ((required >> index) & 1 ? [] : [`if (!(seen & ${1 << index}) && ${JSON.stringify(key)} in value) return false;`]));
  const source = `return function (value) {
    if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== plain) return false;
    let seen = 0;
    for (const key in value) {
      switch (key) {
        ${cases.join('\n        ')}
        default: if (rest === undefined || key === '__proto__' || !Object.hasOwn(value, key) || !rest(value[key])) return false;
      }
    }
    if ((seen & ${required}) !== ${required}) return false;
    ${absent.join('\n    ')}
    return true;
  };`;
  try {
    return new Function('checks', 'rest', 'plain', source)(checks, rest, Object.prototype) as UnchangedCheck;
  } catch {
    // Code generation is disabled (--disallow-code-generation-from-strings): zod decides.
    return undefined;
  }
}

/** A discriminated union: zod parses with the one option its discriminator value names. Other unions are left to zod. */
function compileDiscriminatedUnion(def: Record<string, unknown>): UnchangedCheck | undefined {
  const discriminator = def.discriminator;
  if (typeof discriminator !== 'string' || def.unionFallback) return undefined;
  const optionByValue = new Map<unknown, UnchangedCheck>();
  for (const option of def.options as ZodNode[]) {
    const values = (option._zod as { propValues?: Record<string, ReadonlySet<unknown>> }).propValues?.[discriminator];
    const check = compileUnchanged(option);
    if (!values || !check) return undefined;
    for (const value of values) {
      if (optionByValue.has(value)) return undefined;
      optionByValue.set(value, check);
    }
  }
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const check = optionByValue.get((value as Record<string, unknown>)[discriminator]);
    return check !== undefined && check(value);
  };
}

function compileRecord(def: Record<string, unknown>): UnchangedCheck | undefined {
  const keyType = def.keyType as ZodNode;
  // Keys from an enum make zod require each of them: left to zod.
  if (keyType._zod.values) return undefined;
  const key = compileUnchanged(keyType);
  const entry = compileUnchanged(def.valueType as ZodNode);
  if (!key || !entry) return undefined;
  return (value) => {
    if (!isPlainRecord(value) || Object.getOwnPropertySymbols(value).length > 0) return false;
    for (const name of Object.getOwnPropertyNames(value)) {
      if (name === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, name)) return false;
      if (!key(name) || !entry(value[name])) return false;
    }
    return true;
  };
}

/** A zod check (`.min()`, `.trim()`, `.refine()`, `.regex()` ...), or undefined for one it does not know. */
function compileCheck(check: ZodNode): UnchangedCheck | undefined {
  const def = check._zod.def;
  switch (def.check) {
    case 'min_length': {
      const minimum = def.minimum as number;
      return (value) => {
        const units = (value as { length: number }).length;
        if (units < minimum) return false;
        // zod counts a string's code points: as many as its UTF-16 units when it has no surrogate.
        return typeof value !== 'string' || units >= minimum * 2 || !SURROGATE.test(value);
      };
    }
    case 'max_length': {
      const maximum = def.maximum as number;
      return (value) => (value as { length: number }).length <= maximum;
    }
    case 'greater_than': {
      const limit = def.value;
      if (typeof limit !== 'number') return undefined;
      return def.inclusive ? (value) => (value as number) >= limit : (value) => (value as number) > limit;
    }
    case 'less_than': {
      const limit = def.value;
      if (typeof limit !== 'number') return undefined;
      return def.inclusive ? (value) => (value as number) <= limit : (value) => (value as number) < limit;
    }
    case 'overwrite': {
      // `.trim()` and the like: the value is unchanged only if the overwrite gives it back.
      const transform = def.tx as (value: unknown) => unknown;
      return (value) => Object.is(transform(value), value);
    }
    case 'custom': {
      const fn = def.fn as (value: unknown) => unknown;
      return (value) => {
        const result = fn(value);
        return !(result instanceof Promise) && Boolean(result);
      };
    }
    case 'number_format':
      // `.int()`: a safe integer. (Other formats bound 32-bit and float ranges: left to zod.)
      return def.format === 'safeint' ? (value) => Number.isSafeInteger(value) : undefined;
    case 'string_format': {
      // Formats that zod checks by their pattern alone; others (url, jwt, base64, ...) add checks of their own.
      const pattern = def.pattern;
      if (!PATTERN_FORMATS.has(def.format as string) || !(pattern instanceof RegExp)) return undefined;
      return (value) => {
        pattern.lastIndex = 0;
        return pattern.test(value as string);
      };
    }
    default:
      return undefined;
  }
}
