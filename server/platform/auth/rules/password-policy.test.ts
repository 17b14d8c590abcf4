import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['Short-1a', ['too_short']],
    ['alllowercaseletters', ['too_few_classes']],
    ['Password123!', ['common']],
    ['P@ssw0rd1234', ['common']],
    ['Qwertyuiop12!', ['common']],
    ['1qaz2wsx3edc', ['too_few_classes', 'common']],
    ['Zhang.Wei-Inspects-42', []],
    ['黄山松-Yellow-2026', []],
    ['aaaaaaaaaaaaaaaa', ['too_few_classes', 'common']],
  ])('%s → %j', (password, expected) => {
    expect(checkPasswordPolicy(password)).toEqual(expected);
  });

  it('refuses a password containing the username', () => {
    expect(checkPasswordPolicy('Li.Ming-2026-Secure!', { username: 'li.ming' })).toEqual(['contains_username']);
  });

  it('accepts long passphrases up to 128 characters, exactly as typed', () => {
    expect(checkPasswordPolicy(`Aa1-${'x'.repeat(124)}`)).toEqual([]);
    expect(checkPasswordPolicy(`Aa1-${'x'.repeat(125)}`)).toEqual(['too_long']);
  });

  it('never accepts anything shorter than 12 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 11 }), (password) => checkPasswordPolicy(password).includes('too_short')));
  });
});
