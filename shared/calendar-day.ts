/**
 * The one home of calendar-day arithmetic: the bureau works in China Standard Time (UTC+8 all year, no daylight
 * saving since 1991), and a day is a `YYYY-MM-DD` string. Shared by the server and the web; adding days and working
 * days (holidays, make-up days) is in server/platform/calendar/working-days.ts.
 */

/** The bureau's time zone, for formatting instants and for cron schedules (Intl, croner). */
export const chinaTimeZone = 'Asia/Shanghai';

// The one place the offset is written (lint: scripts/lint/china-time.grit refuses it anywhere else).
const chinaOffsetMilliseconds = Date.UTC(1970, 0, 1, 8);

/** The date in China at this instant: the day every deadline, list and "today" is judged on. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + chinaOffsetMilliseconds).toISOString().slice(0, 10);
}

/** The instant of a China wall-clock time on a day (`09:00` by default: an office hour for records made after the fact). */
export function chinaInstant(day: string, time = '09:00:00'): Date {
  return new Date(Date.parse(`${day}T${time}Z`) - chinaOffsetMilliseconds);
}

const daysInMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * The same day `months` months later (negative: earlier), held at the end of a shorter month: 31 January plus one
 * month is 28 or 29 February, 29 February minus 12 months is 28 February (not 1 March, as Date#setUTCMonth gives).
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const targetDate = Math.min(date, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(targetDate).padStart(2, '0')}`;
}

/** The same calendar day a year earlier, for "the past 12 months" windows: 29 February falls back to 28 February. */
export function yearBefore(day: string): string {
  return addMonths(day, -12);
}

/** The day `days` days later (negative: earlier). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
