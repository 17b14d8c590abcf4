import { addMonths, daysBetween } from '../../../../shared/calendar-day.ts';

/**
 * 健康证 — health certificate state of a food handler on a day (《食品安全法》第45条: staff handling ready-to-eat
 * food have a health check every year and a certificate before starting work; ../shared/research/anchors-china-rules.md §6). A certificate
 * without a printed expiry is valid until the exam date + 1 year − 1 day (valid through the day before the
 * anniversary). Warnings at 30 and 7 days before expiry are our choice (no rule found).
 */
export const certificateStates = ['valid', 'expiring', 'expired', 'missing'] as const;
export type CertificateState = (typeof certificateStates)[number];
export const warningLevels = ['expiring-30', 'expiring-7', 'expired', 'missing'] as const;
export type WarningLevel = (typeof warningLevels)[number];

export const certificateWarningDays = { early: 30, late: 7 } as const;

/** Last valid day of a certificate issued (examined) on `examinedOn`. */
export function certificateValidUntil(examinedOn: string): string {
  const anniversary = addMonths(examinedOn, 12);
  return new Date(Date.parse(`${anniversary}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function certificateState(validUntil: string | null, day: string): CertificateState {
  if (validUntil === null) return 'missing';
  if (validUntil < day) return 'expired';
  return daysBetween(day, validUntil) < certificateWarningDays.early ? 'expiring' : 'valid';
}

/** The warning due on `day` for a person still employed; null when the certificate is comfortably valid. */
export function certificateWarning(validUntil: string | null, day: string): WarningLevel | null {
  if (validUntil === null) return 'missing';
  if (validUntil < day) return 'expired';
  const daysLeft = daysBetween(day, validUntil);
  if (daysLeft < certificateWarningDays.late) return 'expiring-7';
  if (daysLeft < certificateWarningDays.early) return 'expiring-30';
  return null;
}

/** Employed on `day`: hired on or before it and not yet left (the leave day itself is no longer employed). */
export function isEmployedOn(person: { hiredOn: string; leftOn: string | null }, day: string): boolean {
  return person.hiredOn <= day && (person.leftOn === null || day < person.leftOn);
}

/** 持证率: people employed with a certificate valid that day (valid or expiring) ÷ people employed, in basis points (10000 = 100%). */
export function complianceBasisPoints(states: readonly CertificateState[]): number | null {
  if (states.length === 0) return null;
  const compliant = states.filter((state) => state === 'valid' || state === 'expiring').length;
  return Math.floor((compliant * 20_000 + states.length) / (2 * states.length));
}
