import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordViolations } from '../weak-passwords.ts';
import { checkPasswordPolicy, guessableForms } from './password-policy.ts';

describe('password policy', () => {
  it.each([
    ['Short-1a', ['too_short']],
    ['alllowercaseletters', ['too_few_classes']],
    ['Password123!', ['common']],
    ['P@ssw0rd1234', ['common']],
    ['Qwertyuiop12!', ['common']],
    ['Woaini-1314!!', ['common']],
    ['2008@Beijing!!', ['common']],
    ['Aaaaaaaaaaa1', ['repetitive']],
    ['111111111aA!', ['repetitive']],
    ['aaaaaaaaaaaaaaaa', ['too_few_classes', 'repetitive']],
    ['Zhang.Wei-Inspects-42', []],
    ['黄山松-Yellow-2026', []],
  ])('%s → %j (against the shipped list of common passwords)', (password, expected) => {
    expect(passwordViolations(password)).toEqual(expected);
  });

  it('refuses a password containing the username, a part of it, or the name', () => {
    expect(passwordViolations('Li.Ming-2026-Secure!', { username: 'li.ming' })).toEqual(['personal']);
    expect(passwordViolations('Wangxiaoer#2026', { username: 'wangxiaoer.station3' })).toEqual(['personal']);
    expect(passwordViolations('王小二-Market-2026', { username: 'w2', displayName: '王小二' })).toEqual(['personal']);
    expect(passwordViolations('Zhang.Wei-Inspects-42', { username: 'li.ming', displayName: '李明' })).toEqual([]);
  });

  it('takes apart the decorations a guesser strips first', () => {
    expect(guessableForms('P@ssw0rd1234')).toEqual(['p@ssw0rd1234', 'p@ssw0rd', 'password', 'pssw0rd1234']);
    expect(guessableForms('Woaini-1314!!')).toContain('woaini1314');
  });

  it('asks the list only about forms of the password itself', () => {
    const asked: string[] = [];
    checkPasswordPolicy('Tea&Mountain-77', {}, (form) => {
      asked.push(form);
      return false;
    });
    expect(asked).toEqual(['tea&mountain-77', 'tea&mountain', 'teamountain77']);
  });

  it('accepts long passphrases up to 128 characters, exactly as typed', () => {
    const passphrase = 'Seven tea fields climb the misty Siming hills 2026! ';
    expect(passwordViolations(passphrase.repeat(2).slice(0, 128))).toEqual([]);
    expect(passwordViolations(passphrase.repeat(3).slice(0, 129))).toEqual(['too_long']);
  });

  it('never accepts anything shorter than 12 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 11 }), (password) => passwordViolations(password).includes('too_short')));
  });

  it('never accepts a password that one character fills more than half of', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('a', '1', '!', 'Z'), (rest, filler) => {
        const password = filler.repeat(rest.length + 1) + rest;
        return passwordViolations(password).includes('repetitive');
      }),
    );
  });
});
