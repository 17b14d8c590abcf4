/**
 * Session timeouts (ASVS 7.3.1/7.3.2, MLPS 身份鉴别 b): a session ends after `idleMinutes` without a
 * request, and in any case `absoluteHours` after sign-in.
 */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export type SessionValidity = 'valid' | 'idle_timeout' | 'absolute_timeout';

export function sessionValidity(session: SessionTimes, now: Date, policy: SessionPolicy): SessionValidity {
  if (now.getTime() >= session.createdAt.getTime() + policy.absoluteHours * 3_600_000) return 'absolute_timeout';
  if (now.getTime() >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000) return 'idle_timeout';
  return 'valid';
}

/** The absolute end of a session started at `createdAt`. */
export function sessionExpiry(createdAt: Date, policy: SessionPolicy): Date {
  return new Date(createdAt.getTime() + policy.absoluteHours * 3_600_000);
}
