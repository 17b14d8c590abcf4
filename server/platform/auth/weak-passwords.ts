import { readFileSync } from 'node:fs';
import { checkPasswordPolicy, type PasswordViolation, type PersonalWords } from './rules/password-policy.ts';

let weakPasswords: ReadonlySet<string> | undefined;

/** Whether a (lower-cased) form is on the list of common passwords in weak-passwords.txt (sources in its header). */
export function isWeakPassword(form: string): boolean {
  weakPasswords ??= new Set(
    readFileSync(new URL('./weak-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#')),
  );
  return weakPasswords.has(form);
}

/** The password policy against the shipped list of common passwords. */
export function passwordViolations(password: string, personal: PersonalWords = {}): PasswordViolation[] {
  return checkPasswordPolicy(password, personal, isWeakPassword);
}
