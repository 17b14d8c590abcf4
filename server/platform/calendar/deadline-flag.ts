import { deadlineFlags } from '../../../shared/vocabularies/deadlines.ts';
import { addWorkingDays, type HolidayCalendar } from './working-days.ts';

export { deadlineFlags };

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
