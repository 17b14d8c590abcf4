import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailedLogin, type FailureState, isLocked } from './lockout.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));

describe('lockout', () => {
  it('locks at the fifth consecutive failure for exactly 15 minutes', () => {
    let state: FailureState = { failedLogins: 0, lockedUntil: null };
    for (let attempt = 1; attempt <= 4; attempt++) {
      state = afterFailedLogin(state, at(attempt));
      expect(isLocked(state, at(attempt))).toBe(false);
    }
    state = afterFailedLogin(state, at(5));
    expect(state).toEqual({ failedLogins: 5, lockedUntil: at(20) });
    expect(isLocked(state, new Date(at(20).getTime() - 1))).toBe(true);
    expect(isLocked(state, at(20))).toBe(false);
  });

  it('starts counting again after a lock has run out', () => {
    const expired = { failedLogins: 5, lockedUntil: at(20) };
    expect(afterFailedLogin(expired, at(30))).toEqual({ failedLogins: 1, lockedUntil: null });
  });

  it('is locked after any run of ≥ 5 failures within the lock window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 30 }), (failures) => {
        let state: FailureState = { failedLogins: 0, lockedUntil: null };
        for (let index = 0; index < failures; index++) state = afterFailedLogin(state, at(0));
        return isLocked(state, at(14));
      }),
    );
  });
});
