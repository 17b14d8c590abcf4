import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCharset, creditCodeCheckCharacter, isCreditCodeCharacterAllowed, validateCreditCode } from './credit-code.ts';

const realCodes = readFileSync(new URL('../test-fixtures/uscc-real-valid.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts every real code collected by python-stdnum', () => {
    expect(realCodes.length).toBeGreaterThan(150);
    for (const code of realCodes) expect(validateCreditCode(code), code).toEqual({ ok: true });
  });

  it('names the expected check character of a wrong one', () => {
    expect(validateCreditCode('91110000600037341N')).toEqual({ ok: false, reason: 'check_character', expected: 'L' });
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
  });

  it('rejects bad characters and bad lengths', () => {
    expect(validateCreditCode('9111000060003IOZSV')).toEqual({ ok: false, reason: 'charset', position: 14 });
    expect(validateCreditCode('91A10000600037341L')).toEqual({ ok: false, reason: 'charset', position: 3 });
    expect(validateCreditCode('911100006000373I1L')).toEqual({ ok: false, reason: 'charset', position: 16 });
    expect(validateCreditCode('12345')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateCreditCode('')).toMatchObject({ ok: false, reason: 'length' });
  });

  it('rejects every single-character substitution of a valid code', () => {
    const validCode = fc.constantFrom(...realCodes);
    fc.assert(
      fc.property(validCode, fc.nat(17), fc.constantFrom(...creditCodeCharset), (code, position, replacement) => {
        fc.pre(code.charAt(position) !== replacement);
        const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(validateCreditCode(corrupted).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a letter as registration authority or organisation category (positions 1–2), as GB 32100 allows', () => {
    // N 农业 (农村集体经济组织), Y 其他: the authority code is a letter; positions 3–8 stay digits.
    expect(creditCodeCheckCharacter('N2330212MA2A4BC5D')).toBe('K');
    expect(validateCreditCode('N2330212MA2A4BC5DK')).toEqual({ ok: true });
    expect(creditCodeCheckCharacter('Y1330212MA2A4BC5D')).toBe('E');
    expect(validateCreditCode('Y1330212MA2A4BC5DE')).toEqual({ ok: true });
    expect(validateCreditCode('9N330212MA2A4BC5D3')).toMatchObject({ ok: true });
    // The former reading (positions 1–8 digits only) rejected these as a format error.
    expect(validateCreditCode('A1110000600037341L')).toEqual({ ok: false, reason: 'check_character', expected: 'K' });
  });

  it('allows exactly the set at 1–2 and 9–18 and exactly the digits at 3–8', () => {
    const allLetters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (let position = 1; position <= 18; position++)
      for (const character of allLetters)
        expect(isCreditCodeCharacterAllowed(character, position), `${character}@${position}`).toBe(
          position >= 3 && position <= 8 ? /[0-9]/.test(character) : !'IOZSV'.includes(character),
        );
  });

  it('rejects exhaustively every substitution of one code at every position', () => {
    const code = realCodes[0] as string;
    for (let position = 0; position < 18; position++) {
      for (const replacement of creditCodeCharset) {
        if (replacement === code.charAt(position)) continue;
        expect(validateCreditCode(code.slice(0, position) + replacement + code.slice(position + 1)).ok).toBe(false);
      }
    }
  });

  it('computes a check character that makes any well-formed 17-character body valid', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{9}$/), (body) => {
        expect(validateCreditCode(body + creditCodeCheckCharacter(body))).toEqual({ ok: true });
      }),
    );
  });
});
