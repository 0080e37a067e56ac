import { expect } from 'vitest';
import { isLazyLocation, toPlainLocation } from '../src/document/location.js';

type Tester = (this: TesterContext, a: unknown, b: unknown, customTesters: Tester[]) => boolean | undefined;
interface TesterContext {
  equals(a: unknown, b: unknown, customTesters?: Tester[]): boolean;
}

// Parsers hand out locations whose line is computed on first read (accessors, not own
// fields); compare them as the plain locations they stand for. Passing the matcher's
// testers on keeps toMatchObject's subset semantics.
const lazyLocationEquality: Tester = function (a, b, customTesters) {
  if (!isLazyLocation(a) && !isLazyLocation(b)) return undefined;
  const plain = (value: unknown) => (isLazyLocation(value) ? toPlainLocation(value) : value);
  return this.equals(plain(a), plain(b), customTesters);
};

expect.addEqualityTesters([lazyLocationEquality as never]);
