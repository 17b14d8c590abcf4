import { chinaInstant } from '../../../../shared/calendar-day.ts';

/**
 * 阳光药师 attendance. The Zhejiang rule was not found (../shared/research/anchors-china-rules.md §9: "阳光药师 rules"
 * are an unknown to get from the bureau); comparable practice is a GPS clock-in on a phone twice a day (Ruian 瑞安药店
 * 监管助手, Wuhu 阳光药师) with an absence warning (Cangnan). So: a pharmacy-day is covered when one of its licensed
 * pharmacists checked in by the opening time plus the tolerance and checked out no earlier than the closing time minus
 * it (a day still running needs no check-out yet). The hours and tolerance are the bureau's setting (rules/pharmacy-settings.ts);
 * these are its defaults.
 */
export interface DutyRules {
  opensAt: string;
  closesAt: string;
  toleranceMinutes: number;
}
export const defaultDutyRules: DutyRules = { opensAt: '08:00', closesAt: '20:00', toleranceMinutes: 30 };

/** The instant of a China-time clock reading on a day (UTC+8, no daylight saving). */
export function chinaClock(day: string, time: string): Date {
  return chinaInstant(day, `${time}:00`);
}

export interface CheckInOut {
  checkedInAt: Date;
  checkedOutAt: Date | null;
}

/** Whether the day's check-ins cover it; `now` decides whether a missing check-out is still to come. */
export function isDayCovered(day: string, shifts: readonly CheckInOut[], now: Date, rules: DutyRules = defaultDutyRules): boolean {
  const tolerance = rules.toleranceMinutes * 60_000;
  const latestIn = chinaClock(day, rules.opensAt).getTime() + tolerance;
  const earliestOut = chinaClock(day, rules.closesAt).getTime() - tolerance;
  return shifts.some(
    (shift) =>
      shift.checkedInAt.getTime() <= latestIn &&
      (shift.checkedOutAt === null ? now.getTime() < earliestOut : shift.checkedOutAt.getTime() >= earliestOut),
  );
}

/** A pharmacy open without its pharmacist: past the opening time plus the tolerance today, and nobody checked in by then. */
export function isOpenWithoutPharmacist(
  day: string,
  shifts: readonly CheckInOut[],
  now: Date,
  rules: DutyRules = defaultDutyRules,
): boolean {
  const latestIn = chinaClock(day, rules.opensAt).getTime() + rules.toleranceMinutes * 60_000;
  if (now.getTime() < latestIn) return false;
  return !shifts.some((shift) => shift.checkedInAt.getTime() <= latestIn);
}

/** The attendance rate in percent, two decimals (covered pharmacy-days over the pharmacy-days due); null when none were due. */
export function attendanceRate(covered: number, due: number): number | null {
  if (due === 0) return null;
  return Math.round((covered / due) * 10_000) / 100;
}
