import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isActiveOnDate, sameDayYearEarlier } from './entity-active-on-date.ts';

describe('entity active on a date', () => {
  it('counts from the founding day and stops on the day it left the register', () => {
    const entity = { foundedOn: '2019-05-01', endedOn: '2020-12-31' };
    expect(isActiveOnDate(entity, '2019-04-30')).toBe(false);
    expect(isActiveOnDate(entity, '2019-05-01')).toBe(true);
    expect(isActiveOnDate(entity, '2020-12-30')).toBe(true);
    expect(isActiveOnDate(entity, '2020-12-31')).toBe(false);
    expect(isActiveOnDate({ foundedOn: '1999-01-01', endedOn: null }, '2026-01-01')).toBe(true);
  });

  it('finds the same day a year earlier', () => {
    expect(sameDayYearEarlier('2020-12-31')).toBe('2019-12-31');
    expect(sameDayYearEarlier('2020-02-29')).toBe('2019-02-28');
    expect(sameDayYearEarlier('2021-03-01')).toBe('2020-03-01');
  });

  it('is monotone: once ended, never active again', () => {
    const isoDay = fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDay, isoDay, isoDay, isoDay, (founded, ended, day1, day2) => {
        fc.pre(founded <= ended && day1 <= day2);
        const entity = { foundedOn: founded, endedOn: ended };
        if (!isActiveOnDate(entity, day1) && day1 >= founded) expect(isActiveOnDate(entity, day2)).toBe(false);
      }),
    );
  });
});
