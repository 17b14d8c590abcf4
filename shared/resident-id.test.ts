import { describe, expect, it } from 'vitest';
import { isValidResidentId, residentIdCheckCharacter } from './resident-id.ts';

describe('resident ID number (GB 11643-1999)', () => {
  it('computes the check character of the standard example', () => {
    // GB 11643-1999 appendix example: 11010519491231002X
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
  });
});
