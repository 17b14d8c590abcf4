import { addWorkingDays, type HolidayCalendar } from './working-days.ts';

export const deadlineFlags = ['on_time', 'due_soon', 'overdue'] as const;
export type DeadlineFlag = (typeof deadlineFlags)[number];

/**
 * How a legal deadline stands today, for queues and reminders: `overdue` once the due day has passed,
 * `due_soon` when it falls within the next `soonWorkingDays` working days (today counts), else `on_time`.
 * The due day itself is still in time (a period ends at the end of its last day, 《民法典》 Art. 203).
 */
export function deadlineFlag(due: string, today: string, calendar: HolidayCalendar, soonWorkingDays = 2): DeadlineFlag {
  if (due < today) return 'overdue';
  return due <= soonLimit(today, calendar, soonWorkingDays) ? 'due_soon' : 'on_time';
}

/** The last due day still flagged `due_soon` today: lets a query select flagged rows with a date range. */
export function soonLimit(today: string, calendar: HolidayCalendar, soonWorkingDays = 2): string {
  return addWorkingDays(today, soonWorkingDays, calendar);
}

/** Today's date in China Standard Time (UTC+8, no daylight saving): the day every deadline is judged on. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
