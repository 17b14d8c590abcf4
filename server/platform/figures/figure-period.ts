import { addCalendarDays, parseIsoDate } from '../calendar/working-days.ts';

/**
 * The periods a figure is asked for, as the bureau names them: a year `2020`, a quarter `2020-Q3`, a month
 * `2020-07`, or a range of days `2020-03-01..2020-06-30` (both ends included). Pure: no clock.
 */
export const periodKinds = ['year', 'quarter', 'month', 'range'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** Days from `from` to `to`, both included (ISO dates). */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface FigurePeriod extends DateRange {
  readonly kind: PeriodKind;
  /** The period as written in the query (`2020`, `2020-Q3`, `2020-07`, `2020-03-01..2020-06-30`). */
  readonly label: string;
}

/** The written forms `period` accepts; the request schema uses it so a bad period is a 400 naming the field. */
export const periodPattern = '^(\\d{4}|\\d{4}-Q[1-4]|\\d{4}-(0[1-9]|1[0-2])|\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2})$';

/** Years a period may lie in: the register's oldest records to well past any plan. */
export const firstPeriodYear = 1990;
export const lastPeriodYear = 2100;
/** A custom range is at most ten years long (the longest comparison a report makes). */
export const longestRangeDays = 3_660;

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): string {
  return addCalendarDays(`${year + (month === 12 ? 1 : 0)}-${pad(month === 12 ? 1 : month + 1)}-01`, -1);
}

function daysBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / 86_400_000);
}

/** Why a written period is refused, in both languages. */
export type PeriodProblem = { 'zh-CN': string; en: string };

/** Parses the written period: either the period, or why it is refused (never throws). */
export function parsePeriod(text: string): FigurePeriod | PeriodProblem {
  const bad = (zh: string, en: string): PeriodProblem => ({ 'zh-CN': zh, en });
  const yearOf = (digits: string) => Number(digits);
  const inYears = (year: number) => year >= firstPeriodYear && year <= lastPeriodYear;
  const yearsProblem = bad(`年份应在 ${firstPeriodYear}–${lastPeriodYear} 之间`, `the year must be ${firstPeriodYear}–${lastPeriodYear}`);
  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = yearOf(match[1] as string);
    if (!inYears(year)) return yearsProblem;
    return { kind: 'year', label: text, from: `${year}-01-01`, to: `${year}-12-31` };
  }
  match = /^(\d{4})-Q([1-4])$/.exec(text);
  if (match) {
    const year = yearOf(match[1] as string);
    if (!inYears(year)) return yearsProblem;
    const quarter = Number(match[2]);
    const firstMonth = (quarter - 1) * 3 + 1;
    return { kind: 'quarter', label: text, from: `${year}-${pad(firstMonth)}-01`, to: lastDayOfMonth(year, firstMonth + 2) };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (match) {
    const year = yearOf(match[1] as string);
    if (!inYears(year)) return yearsProblem;
    const month = Number(match[2]);
    return { kind: 'month', label: text, from: `${year}-${pad(month)}-01`, to: lastDayOfMonth(year, month) };
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match) {
    const [from, to] = [match[1] as string, match[2] as string];
    for (const day of [from, to]) {
      try {
        parseIsoDate(day);
      } catch {
        return bad(`${day} 不是有效日期`, `${day} is not a date`);
      }
      if (!inYears(yearOf(day.slice(0, 4)))) return yearsProblem;
    }
    if (to < from) return bad('结束日期不能早于开始日期', 'the end cannot be before the start');
    if (daysBetween(from, to) >= longestRangeDays) return bad('时间段最长十年', 'a range is at most ten years');
    return { kind: 'range', label: text, from, to };
  }
  return bad('应为 2020、2020-Q3、2020-07 或 2020-03-01..2020-06-30', 'must be 2020, 2020-Q3, 2020-07 or 2020-03-01..2020-06-30');
}

export function isPeriod(parsed: FigurePeriod | PeriodProblem): parsed is FigurePeriod {
  return 'kind' in parsed;
}

/**
 * The period a figure is compared with. `previous`: the period just before (the year before a year, the quarter
 * before a quarter, the month before a month, the same number of days before a range — 环比). `year`: the same
 * period a year earlier (同比; 29 February falls back to 28 February). For a year both are the year before.
 */
export function comparisonPeriod(period: FigurePeriod, compare: 'previous' | 'year'): FigurePeriod {
  const year = Number(period.from.slice(0, 4));
  if (compare === 'year' || period.kind === 'year') {
    const shift = (day: string) => {
      const shifted = `${Number(day.slice(0, 4)) - 1}${day.slice(4)}`;
      return shifted.endsWith('-02-29') ? shifted.replace('-02-29', '-02-28') : shifted;
    };
    const label = period.kind === 'range' ? `${shift(period.from)}..${shift(period.to)}` : `${year - 1}${period.label.slice(4)}`;
    // The last day of a month a year earlier is the last day of that month (2021-02-28 → 2020-02-29).
    const to = period.kind === 'range' ? shift(period.to) : lastDayOfMonth(year - 1, Number(period.to.slice(5, 7)));
    return { kind: period.kind, label, from: shift(period.from), to };
  }
  if (period.kind === 'quarter') {
    const quarter = Number(period.label.slice(6));
    const label = quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
    return parsePeriod(label) as FigurePeriod;
  }
  if (period.kind === 'month') {
    const month = Number(period.label.slice(5, 7));
    const label = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
    return parsePeriod(label) as FigurePeriod;
  }
  const length = daysBetween(period.from, period.to) + 1;
  const to = addCalendarDays(period.from, -1);
  const from = addCalendarDays(period.from, -length);
  return { kind: 'range', label: `${from}..${to}`, from, to };
}

/** The months of a period, in order, as written periods (`2020-01` …): the steps of a trend chart. */
export function monthsOf(period: DateRange): FigurePeriod[] {
  const months: FigurePeriod[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  while (`${year}-${pad(month)}-01` <= period.to) {
    months.push(parsePeriod(`${year}-${pad(month)}`) as FigurePeriod);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
  return months;
}

/**
 * The change from `previous` to `value` in percent of `previous`, two decimals, rounded half away from zero
 * (22,774 after 20,876 → 9.09); null when there is nothing to compare with or the previous value is zero.
 */
export function changePercent(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  const ratio = ((value - previous) / previous) * 100;
  const rounded = Math.round(Math.abs(ratio) * 100 + 1e-9) / 100;
  return ratio < 0 ? -rounded : rounded;
}
