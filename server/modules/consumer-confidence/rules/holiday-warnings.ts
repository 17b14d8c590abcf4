import { addDays, daysBetween } from '../../../../shared/calendar-day.ts';

/**
 * Holiday consumption warnings (节日消费提示). The bureau publishes a warning before each public holiday (and before
 * shopping festivals it chooses, such as 双十一): a holiday starting within `warnDaysAhead` days with no published
 * warning is due; the list looks `lookAheadDays` ahead. Both are the bureau's practice, not a national rule: the SAMR
 * and provincial bureaus publish such warnings a few days to two weeks ahead of 春节, 五一, 国庆 and 双十一.
 */
export const warnDaysAhead = 7;
export const lookAheadDays = 45;

export interface HolidayRun {
  name: string;
  start: string;
  end: string;
}

/** Consecutive holiday days of one name (the State Council calendar's rows) as one holiday with its first and last day. */
export function holidayRuns(days: readonly { day: string; name: string }[]): HolidayRun[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const runs: HolidayRun[] = [];
  for (const { day, name } of sorted) {
    const last = runs.at(-1);
    if (last && last.name === name && addDays(last.end, 1) === day) last.end = day;
    else runs.push({ name, start: day, end: day });
  }
  return runs;
}

export type WarningState = 'published' | 'drafted' | 'due' | 'upcoming';

/**
 * Where a holiday's warning stands on `today`: published, drafted (written, not yet out), due (the holiday starts within
 * `warnDaysAhead` days and nothing is written) or upcoming (further ahead, nothing written yet).
 */
export function warningState(holidayStart: string, warnings: readonly { status: string }[], today: string): WarningState {
  if (warnings.some((warning) => warning.status === 'published')) return 'published';
  if (warnings.length > 0) return 'drafted';
  return daysBetween(today, holidayStart) <= warnDaysAhead ? 'due' : 'upcoming';
}

/** The holidays to show on `today`: starting from today up to `lookAheadDays` ahead, or still running. */
export function holidaysAhead(runs: readonly HolidayRun[], today: string): HolidayRun[] {
  const horizon = addDays(today, lookAheadDays);
  return runs.filter((run) => run.end >= today && run.start <= horizon);
}
