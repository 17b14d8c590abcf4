import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, chinaInstant, daysBetween, todayInChina, yearBefore } from './calendar-day.ts';

const anyDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const isRealDay = (day: string) => new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

describe('todayInChina', () => {
  it('turns the day at 16:00 UTC, midnight in Beijing', () => {
    expect(todayInChina(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01');
    expect(todayInChina(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('is the day of chinaInstant at any wall-clock time of that day', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
        expect(todayInChina(chinaInstant(day, time))).toBe(day);
      }),
    );
  });
});

describe('addMonths', () => {
  it('holds the end of a shorter month instead of running into the next', () => {
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', -24)).toBe('2022-02-28');
    expect(addMonths('2024-02-29', -48)).toBe('2020-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', 4)).toBe('2026-09-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-08-20', 0)).toBe('2026-08-20');
    expect(addMonths('2026-08-20', 36)).toBe('2029-08-20');
  });

  it('always gives a real day in the right month, never later in it than the start', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -600, max: 600 }), (day, months) => {
        const shifted = addMonths(day, months);
        expect(isRealDay(shifted)).toBe(true);
        const index = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
        expect(index(shifted) - index(day)).toBe(months);
        expect(Number(shifted.slice(8))).toBeLessThanOrEqual(Number(day.slice(8)));
        // Only a day past the end of the target month moves; a day that exists there stays.
        if (Number(day.slice(8)) <= 28) expect(shifted.slice(8)).toBe(day.slice(8));
      }),
    );
  });

  it('comes back to the start when the day exists in both months', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -600, max: 600 }), (day, months) => {
        fc.pre(Number(day.slice(8)) <= 28);
        expect(addMonths(addMonths(day, months), -months)).toBe(day);
      }),
    );
  });
});

describe('yearBefore', () => {
  it('keeps month and day, except a leap day', () => {
    expect(yearBefore('2021-03-15')).toBe('2020-03-15');
    expect(yearBefore('2021-01-01')).toBe('2020-01-01');
    expect(yearBefore('2020-02-29')).toBe('2019-02-28');
    expect(yearBefore('2021-02-28')).toBe('2020-02-28');
  });

  it('is 365 or 366 days earlier', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${yearBefore(day)}T00:00:00Z`)) / 86_400_000;
        expect([365, 366]).toContain(days);
      }),
    );
  });
});

describe('addDays and daysBetween', () => {
  it('cross month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2026-12-06', '2026-11-06')).toBe(-30);
  });

  it('are each other’s inverse and always give a real day', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -40_000, max: 40_000 }), (day, days) => {
        const later = addDays(day, days);
        expect(isRealDay(later)).toBe(true);
        expect(daysBetween(day, later)).toBe(days);
      }),
    );
  });
});
