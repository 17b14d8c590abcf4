/**
 * 公民身份号码 check character (GB 11643-1999 §8.2, ISO 7064 MOD 11-2): weights 2^(17−i) mod 11 over the
 * first 17 digits, check = (12 − Σ mod 11) mod 11, written 0–9 or X.
 */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index++) sum += Number(first17.charAt(index)) * (2 ** (17 - index) % 11);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** An 18-character number with a valid check character (upper-case X). */
export function isValidResidentId(idNumber: string): boolean {
  return /^[1-9]\d{16}[\dX]$/.test(idNumber) && residentIdCheckCharacter(idNumber.slice(0, 17)) === idNumber.charAt(17);
}
