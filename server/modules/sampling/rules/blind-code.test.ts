import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindCodeAlphabet, blindCodeFromBytes, blindCodePattern } from './blind-code.ts';

describe('blind code', () => {
  it('maps bytes to the 32-character alphabet by their low five bits', () => {
    expect(blindCodeAlphabet).toHaveLength(32);
    expect(blindCodeFromBytes(new Uint8Array([0, 1, 2, 31, 32, 255, 8, 9, 10, 64]))).toBe('234Z2ZABC2');
  });
  it('has no look-alike characters', () => {
    for (const character of '01IO') expect(blindCodeAlphabet).not.toContain(character);
  });
  it('refuses too few bytes', () => {
    expect(() => blindCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
  });
  it('property: every code matches the stored pattern', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        expect(blindCodeFromBytes(bytes)).toMatch(new RegExp(blindCodePattern));
      }),
    );
  });
  it('10 000 codes from the CSPRNG do not collide (50 bits)', () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => blindCodeFromBytes(randomBytes(10))));
    expect(codes.size).toBe(10_000);
  });
});
