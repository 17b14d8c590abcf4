import { chinaInstant } from '../../../../shared/calendar-day.ts';

/**
 * 药情每日通 daily reporting: every pharmacy reports each day — its registrations, or "nothing to register today" —
 * by the cut-off; after it, a pharmacy without a report is flagged to its station. The bureau's notice set the
 * cut-off at the end of the business day; the time is the bureau's setting (rules/pharmacy-settings.ts, 20:00 by default).
 */
export const defaultReportCutOff = '20:00';

/** Whether `now` (an instant) is past the cut-off of `day` (China time, UTC+8, no daylight saving). */
export function isPastCutOff(now: Date, day: string, cutOff = defaultReportCutOff): boolean {
  const [hours, minutes] = cutOff.split(':').map(Number);
  const limit = chinaInstant(day, '00:00:00').getTime() + ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  return now.getTime() >= limit;
}
