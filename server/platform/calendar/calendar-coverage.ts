import type { HolidayCalendar } from './working-days.ts';

/**
 * Whether the holiday calendar covers the years a deadline needs. The State Council publishes the next year's
 * holidays (国务院办公厅关于部分节假日安排的通知) each autumn — the 2026 notice came on 2025-11-04 — so from
 * 1 November on, a missing next year is a warning for admins; a year is covered when it has at least one row.
 */
export const warnFromMonthDay = '11-01';

/** The year an admin must add now, or null: the current year when it is missing, else the next year from 1 November. */
export function missingCalendarYear(today: string, calendar: Pick<HolidayCalendar, 'years'>): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendar.years.has(year)) return year;
  if (today.slice(5) >= warnFromMonthDay && !calendar.years.has(year + 1)) return year + 1;
  return null;
}

/**
 * A deadline counted from `from` to `due` is provisional when any year it spans has no calendar: the days of
 * that year were counted as weekday/weekend only and may move once the State Council's notice is entered.
 */
export function isDeadlineProvisional(from: string, due: string, calendar: Pick<HolidayCalendar, 'years'>): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(due.slice(0, 4));
  for (let year = Math.min(first, last); year <= Math.max(first, last); year++) if (!calendar.years.has(year)) return true;
  return false;
}
