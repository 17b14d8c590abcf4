import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { publicationDueOn, publicationRuleSetOn } from './publication-deadline.ts';

// The shipped calendar, read from the migration that installs it.
const migration = readFileSync(new URL('../../../../migrations/0003_holiday_calendar.sql', import.meta.url), 'utf8');
const calendar = buildHolidayCalendar(
  [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'/g)].map((match) => ({
    day: match[1] as string,
    kind: match[2] as 'holiday' | 'workday',
  })),
);
const noHolidays = buildHolidayCalendar([]);

describe('publication of random-inspection results within 20 working days', () => {
  it('a check ending Friday 2020-09-18 is due 2020-10-22: make-up Sunday 9-27 and Saturday 10-10 count, 10-1…10-8 do not', () => {
    expect(publicationDueOn('2020-09-18', calendar)).toBe('2020-10-22');
  });

  it('a check ending Friday 2021-01-29 is due 2021-03-03 across the Spring Festival (2-7 and 2-20 worked, 2-11…2-17 off)', () => {
    expect(publicationDueOn('2021-01-29', calendar)).toBe('2021-03-03');
    // Weekends only, the same check would be due a week earlier.
    expect(publicationDueOn('2021-01-29', noHolidays)).toBe('2021-02-26');
  });

  it('uses the 20-working-day rule for checks from 2015 on', () => {
    expect(publicationRuleSetOn('2020-01-01').workingDays).toBe(20);
  });
});
