import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDeadlineProvisional, missingCalendarYear } from './calendar-coverage.ts';
import { addWorkingDays, buildHolidayCalendar } from './working-days.ts';

// 2026 as published (国办发明电〔2025〕…, 2025-11-04): New Year 1–3 January, 4 January a make-up working day.
const through2026 = buildHolidayCalendar([
  { day: '2025-10-01', kind: 'holiday' },
  { day: '2026-01-01', kind: 'holiday' },
  { day: '2026-01-02', kind: 'holiday' },
  { day: '2026-01-04', kind: 'workday' },
  { day: '2026-10-01', kind: 'holiday' },
]);

describe('holiday calendar coverage', () => {
  it('warns from 1 November that next year is missing, not on 31 October', () => {
    expect(missingCalendarYear('2026-10-31', through2026)).toBeNull();
    expect(missingCalendarYear('2026-11-01', through2026)).toBe(2027);
    expect(missingCalendarYear('2026-12-31', through2026)).toBe(2027);
  });

  it('names the current year first when even it is missing', () => {
    expect(missingCalendarYear('2027-01-02', through2026)).toBe(2027);
    expect(missingCalendarYear('2024-03-01', through2026)).toBe(2024);
  });

  it('stops warning once next year has a row', () => {
    const with2027 = buildHolidayCalendar([
      { day: '2026-01-01', kind: 'holiday' },
      { day: '2027-01-01', kind: 'holiday' },
    ]);
    expect(missingCalendarYear('2026-11-15', with2027)).toBeNull();
  });

  it('marks provisional a complaint deadline received on 2026-12-28 that runs into 2027', () => {
    const due = addWorkingDays('2026-12-28', 7, through2026);
    // Without the 2027 notice, 1 January 2027 (a Friday) is counted as a working day.
    expect(due).toBe('2027-01-06');
    expect(isDeadlineProvisional('2026-12-28', due, through2026)).toBe(true);
    expect(isDeadlineProvisional('2026-12-01', '2026-12-10', through2026)).toBe(false);
    expect(isDeadlineProvisional('2025-12-30', '2026-01-09', through2026)).toBe(false);
  });

  it('is provisional exactly when some year between the two days has no row', () => {
    const day = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2028, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const spansMissing = [2024, 2027, 2028].some((year) => Number(from.slice(0, 4)) <= year && year <= Number(to.slice(0, 4)));
        expect(isDeadlineProvisional(from, to, through2026)).toBe(spansMissing);
      }),
    );
  });
});
