/**
 * Canonical JSON for commitments (RFC 8785 JCS, restricted to what a draw publishes: strings, safe
 * integers, booleans, null, arrays and objects). Object keys are sorted by UTF-16 code units and no
 * whitespace is written, so the same value always gives the same bytes — and the same SHA-256.
 * The standalone verifier (verifier/draw-verifier.js) implements the same function independently.
 */
export type CanonicalValue = string | number | boolean | null | readonly CanonicalValue[] | { readonly [key: string]: CanonicalValue };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`canonical JSON takes safe integers only, not ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item as CanonicalValue)).join(',')}]`;
  const record = value as { readonly [key: string]: CanonicalValue };
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key] as CanonicalValue)}`).join(',')}}`;
}
