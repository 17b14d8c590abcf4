/**
 * Calendar-month arithmetic on ISO dates (YYYY-MM-DD), UTC, with the day clamped to the month's end
 * (2020-01-31 + 1 month = 2020-02-29; 2019-08-31 + 6 months = 2020-02-29). Grading blackouts and inspection
 * intervals are stated in months (量化分级指导意见 2012; 风险分级管理办法 2016).
 */
export function addCalendarMonths(iso: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match || !Number.isInteger(months)) throw new RangeError(`not an ISO date or whole months: ${iso} ${months}`);
  const monthIndex = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
