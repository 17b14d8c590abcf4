/**
 * Password policy for staff and operators, reconciling OWASP ASVS 5.0 V6.2 (at least 8, here 12 characters; long
 * passwords allowed; checked against a list of common and breached passwords (6.2.4) and against words of the
 * user's own context (6.2.11)) with MLPS 2.0 level 3 (GB/T 22239-2019 8.1.4.1 身份鉴别 a: complexity and periodic
 * change, so three of four character classes, and no recent password again). See
 * ../shared/research/anchors-reliability-security.md §2.3. The list itself is data (platform/auth/weak-passwords.txt),
 * passed in as `isWeak`; a reused password is found by the service, which holds the hashes.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;
/** A new password may repeat none of this many previous ones. */
export const passwordHistoryLength = 4;

export type PasswordViolation = 'too_short' | 'too_long' | 'too_few_classes' | 'common' | 'repetitive' | 'personal' | 'reused';

/** Words of the user's own that a password must not contain. */
export interface PersonalWords {
  username?: string;
  displayName?: string;
}

function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
}

/** Common substitutions undone: p@ssw0rd → password. */
function withoutLeetspeak(text: string): string {
  const letters: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };
  return text.replace(/[@40!1357$]/g, (character) => letters[character] as string);
}

/**
 * The forms of a password that a guesser tries first: as typed (lower-cased), without the digits and symbols
 * around a word (`Password2024!` → `password`), that word without leetspeak, and its letters and digits only
 * (`woaini-1314!` → `woaini1314`).
 */
export function guessableForms(password: string): string[] {
  const lower = password.toLowerCase();
  const word = lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  const inner = lower.replace(/^[^\p{L}@$!]+/u, '').replace(/[^\p{L}]+$/u, '');
  const lettersAndDigits = lower.replace(/[^\p{L}\p{N}]/gu, '');
  return [...new Set([lower, word, withoutLeetspeak(inner), lettersAndDigits])].filter((form) => form.length >= 4);
}

/** Few different characters, or one character filling half of it: `Aaaaaaaaaaa1`, `111111111aA!`. */
function isRepetitive(password: string): boolean {
  const characters = [...password.toLowerCase()];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  return counts.size < 5 || Math.max(...counts.values()) * 2 > characters.length;
}

function containsPersonalWord(password: string, personal: PersonalWords): boolean {
  const lower = password.toLowerCase().replace(/\s+/g, '');
  const username = personal.username?.toLowerCase() ?? '';
  const words = [username, ...username.split(/[._\-0-9]+/).filter((part) => part.length >= 4)];
  const name = personal.displayName?.toLowerCase().replace(/\s+/g, '') ?? '';
  if (name.length >= 2) words.push(name);
  return words.some((word) => word.length >= 3 && lower.includes(word));
}

/** The policy's verdict: an empty list means the password is acceptable. `isWeak` tells a listed common password. */
export function checkPasswordPolicy(password: string, personal: PersonalWords, isWeak: (form: string) => boolean): PasswordViolation[] {
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < passwordMinLength) violations.push('too_short');
  if (length > passwordMaxLength) violations.push('too_long');
  if (characterClasses(password) < 3) violations.push('too_few_classes');
  if (guessableForms(password).some(isWeak)) violations.push('common');
  if (isRepetitive(password)) violations.push('repetitive');
  if (containsPersonalWord(password, personal)) violations.push('personal');
  return violations;
}
