/**
 * A trace code (追溯码) names one batch or one lot split from it: the 6-digit district that issued it, then 10
 * characters of Crockford base32 (50 random bits; no I, L, O, U, so a code read aloud or typed from a label is not
 * misread). The district prefix lets a scan find the one district (Citus shard) that holds the code.
 */
export const traceCodePattern = '^[0-9]{6}[0-9A-HJKMNP-TV-Z]{10}$';
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A code from 10 random bytes (one character from the low 5 bits of each). */
export function traceCode(districtCode: string, randomBytes: Uint8Array): string {
  if (!/^[0-9]{6}$/.test(districtCode)) throw new Error(`not a district code: ${districtCode}`);
  if (randomBytes.length < 10) throw new Error('a trace code needs 10 random bytes');
  let code = districtCode;
  for (let index = 0; index < 10; index += 1) code += alphabet[(randomBytes[index] as number) & 31];
  return code;
}

/** The district of a well-formed code, or undefined. Typed input is upper-cased and stripped of spaces and dashes first. */
export function normaliseTraceCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(traceCodePattern).test(code) ? code : undefined;
}

export function districtOfCode(code: string): string {
  return code.slice(0, 6);
}

/**
 * The code inside an identifier a scanner or an EPCIS document gives: the code itself, a URL ending in `/t/<code>`
 * (the consumer page the QR label points at), or `urn:zhijian:lot:<code>`.
 */
export function codeFromIdentifier(identifier: string): string | undefined {
  const trimmed = identifier.trim();
  const fromUrl = /\/t\/([0-9A-Za-z]{16})(?:[?#].*)?$/.exec(trimmed)?.[1];
  const fromUrn = /^urn:zhijian:lot:([0-9A-Za-z]{16})$/.exec(trimmed)?.[1];
  return normaliseTraceCode(fromUrl ?? fromUrn ?? trimmed);
}
