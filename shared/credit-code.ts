/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015 §4–5: 18 characters from the 31-character
 * set 0-9 A-H J-N P Q R T U W X Y (no I, O, Z, S, V). The 18th is a check character over the first 17:
 * C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1) mod 31, and a result of 31 is written as 0. Positions 1–8
 * (registration authority, organisation kind, GB/T 2260 division) are digits in every code issued by the
 * market-supervision registries; like python-stdnum, a letter there is a format ('charset') error.
 */
export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const weights = Array.from({ length: 17 }, (_, index) => 3 ** index % 31);

export type CreditCodeCheck =
  | { ok: true }
  | { ok: false; reason: 'length' | 'charset' }
  | { ok: false; reason: 'check_character'; expected: string };

/** The check character for the first 17 characters of a code (upper-case); throws on a bad character. */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('A credit code body has 17 characters');
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const value = creditCodeCharset.indexOf(first17.charAt(index));
    if (value < 0) throw new Error(`"${first17.charAt(index)}" is not a credit-code character`);
    sum += value * (weights[index] as number);
  }
  return creditCodeCharset.charAt((31 - (sum % 31)) % 31);
}

/** Checks length, character set and check character of an (upper-case, trimmed) code. */
export function validateCreditCode(code: string): CreditCodeCheck {
  if (code.length !== 18) return { ok: false, reason: 'length' };
  if (!/^[0-9]{8}/.test(code)) return { ok: false, reason: 'charset' };
  for (const character of code) if (!creditCodeCharset.includes(character)) return { ok: false, reason: 'charset' };
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return code.charAt(17) === expected ? { ok: true } : { ok: false, reason: 'check_character', expected };
}

/** Upper-cases and strips spaces, as codes come from spreadsheets and forms. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * 组织机构代码 check character (GB 11714-1997), positions 9–17 of a credit code: C9 = 11 − (Σ Ci·Wi mod 11),
 * W = 3 7 9 10 5 8 4 2, letters count from A = 10; 10 is written X and 11 is written 0.
 */
export function organisationCodeCheckCharacter(first8: string): string {
  const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let index = 0; index < 8; index++) {
    const character = first8.charAt(index);
    const value = /[0-9]/.test(character) ? Number(character) : character.charCodeAt(0) - 55;
    sum += value * (orgWeights[index] as number);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}
