/**
 * Login-failure handling (MLPS 2.0 身份鉴别 b; ASVS 6.3.1): five consecutive failures lock the account
 * for fifteen minutes; a success resets the count.
 */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

export interface FailureState {
  failedLogins: number;
  lockedUntil: Date | null;
}

export function isLocked(state: FailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt. The count restarts once a lock has run out. */
export function afterFailedLogin(state: FailureState, now: Date, policy = lockoutPolicy): FailureState {
  const hadExpiredLock = state.lockedUntil !== null && !isLocked(state, now);
  const failedLogins = (hadExpiredLock ? 0 : state.failedLogins) + 1;
  const lockedUntil =
    failedLogins >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : hadExpiredLock ? null : state.lockedUntil;
  return { failedLogins, lockedUntil };
}
