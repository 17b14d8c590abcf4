/**
 * Working-day arithmetic for legal deadlines ("within 7 working days of receipt"), with the Chinese
 * public-holiday calendar: weekdays work, weekends rest, except the days the State Council's yearly
 * notice (国务院办公厅关于部分节假日安排的通知) declares holidays (法定节假日) or make-up working days (调休上班).
 *
 * Counting follows 《民法典》 Art. 201: a period counted in days starts on the day after the event, so the
 * day of receipt is not counted; the deadline is the Nth working day after it.
 */
export interface HolidayCalendar {
  /** ISO dates (YYYY-MM-DD) that are holidays although they may fall on a weekday. */
  readonly holidays: ReadonlySet<string>;
  /** ISO dates that are working days although they fall on a weekend (调休). */
  readonly workdays: ReadonlySet<string>;
  /** First and last year the calendar covers; outside them only weekends rest. */
  readonly firstYear: number;
  readonly lastYear: number;
  /** The years that have at least one entry: a year without any has no published holidays yet. */
  readonly years: ReadonlySet<number>;
}

export function parseIsoDate(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (date.toISOString().slice(0, 10) !== iso) throw new RangeError(`no such date: ${iso}`);
  return date;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addCalendarDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return formatIsoDate(date);
}

export function isWorkingDay(iso: string, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(iso)) return true;
  if (calendar.holidays.has(iso)) return false;
  const weekday = parseIsoDate(iso).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The Nth working day after `start` (start itself not counted). N = 0 gives `start`. */
export function addWorkingDays(start: string, count: number, calendar: HolidayCalendar): string {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${count}`);
  let day = start;
  let remaining = count;
  while (remaining > 0) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day, calendar)) remaining -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: string, to: string, calendar: HolidayCalendar): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

export function buildHolidayCalendar(days: readonly { day: string; kind: 'holiday' | 'workday' }[]): HolidayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  const years = new Set<number>();
  for (const { day, kind } of days) {
    (kind === 'holiday' ? holidays : workdays).add(day);
    const year = Number(day.slice(0, 4));
    years.add(year);
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
  }
  return { holidays, workdays, firstYear, lastYear, years };
}
