import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, buildHolidayCalendar, isWorkingDay, workingDaysBetween } from './working-days.ts';

// The shipped calendar, read from the migration that installs it.
const migration = readFileSync(new URL('../../../migrations/0003_holiday_calendar.sql', import.meta.url), 'utf8');
const days = [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'/g)].map((match) => ({
  day: match[1] as string,
  kind: match[2] as 'holiday' | 'workday',
}));
const calendar = buildHolidayCalendar(days);

describe('working days with the Chinese holiday calendar', () => {
  it('a complaint received on Friday 2020-09-25 is due 7 working days later, across National Day and its make-up Sundays', () => {
    // 9-27 (Sun) is a make-up working day; 10-1..10-8 are holidays; 10-10 (Sat) is a make-up working day.
    expect(addWorkingDays('2020-09-25', 7, calendar)).toBe('2020-10-12');
  });

  it('counts across the 2020 Spring Festival extended to 2 February', () => {
    // 1-19 (Sun) worked; 1-24..2-2 off.
    expect(addWorkingDays('2020-01-17', 1, calendar)).toBe('2020-01-19');
    expect(addWorkingDays('2020-01-23', 1, calendar)).toBe('2020-02-03');
    // 1-21, 1-22, 1-23, then (holiday) 2-3, 2-4, 2-5, 2-6.
    expect(addWorkingDays('2020-01-20', 7, calendar)).toBe('2020-02-06');
  });

  it('knows make-up Saturdays and weekday holidays', () => {
    expect(isWorkingDay('2021-02-20', calendar)).toBe(true); // Saturday, Spring Festival make-up
    expect(isWorkingDay('2021-02-11', calendar)).toBe(false); // Thursday, Spring Festival
    expect(isWorkingDay('2023-10-07', calendar)).toBe(true);
    expect(isWorkingDay('2024-02-18', calendar)).toBe(true); // Sunday, make-up
    expect(isWorkingDay('2019-05-03', calendar)).toBe(false);
  });

  it('gives the legal 20-working-day publication deadline of a check ending before National Day 2019', () => {
    // 9-23..9-27 (5), 9-29 Sun make-up (6), 9-30 (7), holiday 10-1..10-7, 10-8..10-11 (11),
    // 10-12 Sat make-up (12), 10-14..10-18 (17), 10-21, 10-22, 10-23 (20).
    expect(addWorkingDays('2019-09-20', 20, calendar)).toBe('2019-10-23');
  });

  it('is consistent: counting back the days between start and deadline gives N', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01'), max: new Date('2026-10-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 60 }),
        (date, count) => {
          const start = date.toISOString().slice(0, 10);
          const due = addWorkingDays(start, count, calendar);
          return workingDaysBetween(start, due, calendar) === count && (count === 0 || isWorkingDay(due, calendar));
        },
      ),
    );
  });

  it('covers every year from 2019 to 2026 with its holidays and exactly the make-up days of the State Council notices', () => {
    // 国务院办公厅关于部分节假日安排的通知, one per year (2020: the Spring Festival extension cancelled 2-1).
    const makeUpDays: Record<number, string[]> = {
      2019: ['02-02', '02-03', '04-28', '05-05', '09-29', '10-12'],
      2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'],
      2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
      2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
      2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
      2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
      2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
      2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
    };
    for (let year = 2019; year <= 2026; year++) {
      const ofYear = days.filter((entry) => entry.day.startsWith(String(year)));
      expect(ofYear.filter((entry) => entry.kind === 'holiday').length).toBeGreaterThanOrEqual(25);
      const workdays = ofYear.filter((entry) => entry.kind === 'workday').map((entry) => entry.day);
      expect(workdays).toEqual(makeUpDays[year]?.map((day) => `${year}-${day}`));
      for (const day of workdays) {
        expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay()); // a weekend day, worked
        expect(isWorkingDay(day, calendar)).toBe(true);
      }
    }
  });
});
