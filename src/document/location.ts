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

/**
 * A location whose line and column are worked out on first read (then kept): finding the
 * line of every item of a large artefact costs more than parsing it, and only the items a
 * finding names are ever read. A class, not per-object accessors, because large artefacts
 * create one per item; `toJSON` and `toPlainLocation` give the plain form.
 */
interface Pending {
  resolve: (() => { line: number; column: number }) | undefined;
  line: number;
  column: number;
}

// State lives beside the instance, not in it, so the object's own data stays `{ path }`
// plus its accessors, whoever copies or compares it.
const pending = new WeakMap<object, Pending>();

function positionOf(location: object): Pending | undefined {
  const state = pending.get(location);
  if (state?.resolve) {
    const { line, column } = state.resolve();
    state.line = line;
    state.column = column;
    state.resolve = undefined;
  }
  return state;
}

class LazyLocation implements SourceLocation {
  readonly path: string;

  constructor(path: string, resolve: () => { line: number; column: number }) {
    this.path = path;
    pending.set(this, { resolve, line: 0, column: 0 });
  }

  get line(): number | undefined {
    return positionOf(this)?.line;
  }

  get column(): number | undefined {
    return positionOf(this)?.column;
  }

  toJSON(): SourceLocation {
    return toPlainLocation(this);
  }
}

/** Whether a location is resolved lazily (and so has accessors, not own line and column). */
export function isLazyLocation(value: unknown): value is SourceLocation {
  return value instanceof LazyLocation;
}

export function lazyLocation(path: string, resolve: () => { line: number; column: number }): SourceLocation {
  return new LazyLocation(path, resolve);
}

/** A location as plain data, for results that are compared, copied or serialized. */
export function toPlainLocation(location: SourceLocation): SourceLocation {
  const plain: SourceLocation = { path: location.path };
  if (location.line !== undefined) plain.line = location.line;
  if (location.column !== undefined) plain.column = location.column;
  return plain;
}
