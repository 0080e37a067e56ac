import canonicalize from 'canonicalize';

/** RFC 8785 canonical JSON; also the exact text a store keeps, so that text has one reading. */
export function canonicalJson(value: unknown): string {
  const serialized = canonicalize(value);
  if (serialized === undefined) throw new TypeError('value has no JSON form');
  return serialized;
}
