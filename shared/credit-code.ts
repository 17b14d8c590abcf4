/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015《法人和其他组织统一社会信用代码编码规则》
 * §4 (structure) and §5 (check character). 18 characters from the 31-character set 0-9 A-H J-N P Q R T U W X Y
 * (no I, O, Z, S, V), position by position:
 *
 * | positions | part | characters (§4.2) |
 * | --- | --- | --- |
 * | 1 | 登记管理部门代码 registration authority (1 机构编制, 5 民政, 9 工商, N 农业, Y 其他 …) | digit or letter of the set |
 * | 2 | 机构类别代码 organisation category | digit or letter of the set |
 * | 3–8 | 登记管理机关行政区划码 administrative division, GB/T 2260 | digits only |
 * | 9–17 | 主体标识码 subject identifier (组织机构代码, GB 11714) | digit or letter of the set |
 * | 18 | 校验码 check character (GB/T 17710) | digit or letter of the set |
 *
 * The check character over the first 17: C18 = 31 − (Σ Ci·Wi mod 31), Wi = 3^(i−1) mod 31, 31 written as 0.
 * Sources: GB 32100-2015 as summarised in public references (e.g. coloradmin.cn/o/878512.html, which quotes
 * §4's per-position wording); the 173 real codes in test-fixtures/uscc-real-valid.txt (python-stdnum).
 */
export const creditCodeCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const weights = Array.from({ length: 17 }, (_, index) => 3 ** index % 31);

export type CreditCodeCheck =
  | { ok: true }
  | { ok: false; reason: 'length' | 'charset'; position?: number }
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
/** Whether `character` may stand at 1-based `position` (GB 32100-2015 §4.2): digits at 3–8, the set elsewhere. */
export function isCreditCodeCharacterAllowed(character: string, position: number): boolean {
  if (position >= 3 && position <= 8) return /^[0-9]$/.test(character);
  return character.length === 1 && creditCodeCharset.includes(character);
}

export function validateCreditCode(code: string): CreditCodeCheck {
  if (code.length !== 18) return { ok: false, reason: 'length' };
  for (let index = 0; index < 18; index++)
    if (!isCreditCodeCharacterAllowed(code.charAt(index), index + 1)) return { ok: false, reason: 'charset', position: index + 1 };
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
