import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yearBefore } from './year-before.ts';

describe('yearBefore', () => {
  it('keeps month and day, except a leap day', () => {
    expect(yearBefore('2021-03-15')).toBe('2020-03-15');
    expect(yearBefore('2021-01-01')).toBe('2020-01-01');
    expect(yearBefore('2020-02-29')).toBe('2019-02-28');
    expect(yearBefore('2021-02-28')).toBe('2020-02-28');
  });

  it('always gives a real date, a year and at most a day earlier', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          const before = yearBefore(day);
          expect(new Date(`${before}T00:00:00Z`).toISOString().slice(0, 10)).toBe(before);
          const days = (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${before}T00:00:00Z`)) / 86_400_000;
          expect([365, 366]).toContain(days);
        },
      ),
    );
  });
});
