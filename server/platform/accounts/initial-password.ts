import { randomInt } from 'node:crypto';
import { passwordViolations } from '../auth/weak-passwords.ts';

// No look-alikes (0/O, 1/l/I), so a password read aloud or copied from paper is typed right.
const groups = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKMNPQRSTUVWXYZ', '23456789', '-_.!@#'];

/** A random 16-character password that passes the policy; users must change it at first sign-in. */
export function generateInitialPassword(): string {
  for (;;) {
    const characters = Array.from({ length: 16 }, (_, index) => {
      const group = groups[index < 4 ? index : randomInt(3)] as string;
      return group[randomInt(group.length)] as string;
    });
    for (let index = characters.length - 1; index > 0; index--) {
      const other = randomInt(index + 1);
      [characters[index], characters[other]] = [characters[other] as string, characters[index] as string];
    }
    const password = characters.join('');
    if (passwordViolations(password).length === 0) return password;
  }
}
