/**
 * 抽检分离 blind code (local practice; no national text requires it — ../shared/research/anchors-china-rules.md §4): the lab
 * sees only this code, never the source. 10 characters from a 32-character alphabet without the
 * look-alikes 0, 1, I and O = 50 bits; each byte of CSPRNG output picks one character with `byte & 31`,
 * which is unbiased because 256 is a multiple of 32.
 */
export const blindCodeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const blindCodeLength = 10;
export const blindCodePattern = '^[2-9A-HJ-NP-Z]{10}$';

export function blindCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < blindCodeLength) throw new RangeError(`a blind code needs ${blindCodeLength} random bytes`);
  let code = '';
  for (let index = 0; index < blindCodeLength; index++) code += blindCodeAlphabet.charAt((bytes[index] as number) & 31);
  return code;
}
