/** Where a value came from, so that a finding can point at the line to fix. */
export interface SourceLocation {
  path: string;
  line?: number;
  column?: number;
}

export function formatLocation(location: SourceLocation): string {
  let text = location.path;
  if (location.line !== undefined) {
    text += `:${location.line}`;
    if (location.column !== undefined) text += `:${location.column}`;
  }
  return text;
}

/** Line and column (1-based) of a character offset, from a precomputed table of line starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function positionAt(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

/** Works out where the value at a pointer stands; shared by every lazy location of one document. */
export type PositionResolver = (pointer: readonly (string | number)[]) => { line: number; column: number };

/**
 * A location whose line and column are worked out on first read (then kept): finding the
 * line of every item of a large artefact costs more than parsing it, and only the items a
 * finding names are ever read. A class with private fields, not per-object accessors or
 * closures, because large artefacts create one per item: each costs one small object. Its
 * own enumerable data stays `{ path }` (private fields are not properties), whoever copies
 * or compares it; `toJSON` and `toPlainLocation` give the plain form.
 */
class LazyLocation implements SourceLocation {
  readonly path: string;
  /** Set until the position is worked out. */
  #resolve: PositionResolver | undefined;
  /** The pointer until then, the position after (one field for both keeps each location small). */
  #target: readonly (string | number)[] | { line: number; column: number };
  /** A last segment after the pointer, so the many children of one value can share its pointer. */
  #last: string | number | undefined;

  constructor(path: string, resolve: PositionResolver, pointer: readonly (string | number)[], last: string | number | undefined) {
    this.path = path;
    this.#resolve = resolve;
    this.#target = pointer;
    this.#last = last;
  }

  #position(): { line: number; column: number } {
    const resolve = this.#resolve;
    if (resolve !== undefined) {
      const pointer = this.#target as readonly (string | number)[];
      this.#target = resolve(this.#last === undefined ? pointer : [...pointer, this.#last]);
      this.#resolve = undefined;
    }
    return this.#target as { line: number; column: number };
  }

  get line(): number | undefined {
    return this.#position().line;
  }

  get column(): number | undefined {
    return this.#position().column;
  }

  toJSON(): SourceLocation {
    return toPlainLocation(this);
  }
}

/** Whether a location is resolved lazily (and so has accessors, not own line and column). */
export function isLazyLocation(value: unknown): value is SourceLocation {
  return value instanceof LazyLocation;
}

/** The location of the value at `pointer` (then `last`, if given), resolved by `resolve` when its line is first read. */
export function lazyLocation(path: string, resolve: PositionResolver, pointer: readonly (string | number)[], last?: string | number): SourceLocation {
  return new LazyLocation(path, resolve, pointer, last);
}

/** A location as plain data, for results that are compared, copied or serialized. */
export function toPlainLocation(location: SourceLocation): SourceLocation {
  const plain: SourceLocation = { path: location.path };
  if (location.line !== undefined) plain.line = location.line;
  if (location.column !== undefined) plain.column = location.column;
  return plain;
}
