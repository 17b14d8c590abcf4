import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { appealDeadline, uploadDifferences } from './appeal-deadline.ts';

describe('appeal deadline', () => {
  const calendar = buildHolidayCalendar([
    { day: '2020-10-01', kind: 'holiday' },
    { day: '2020-10-02', kind: 'holiday' },
    { day: '2020-10-05', kind: 'holiday' },
    { day: '2020-10-06', kind: 'holiday' },
    { day: '2020-10-07', kind: 'holiday' },
    { day: '2020-10-08', kind: 'holiday' },
    { day: '2020-10-10', kind: 'workday' },
  ]);
  it('15 working days: 2020-06-10 (Wed) → 2020-07-01; across National Day 2020-09-28 → 2020-10-26 (holidays skipped, Sat 10-10 a workday)', () => {
    expect(appealDeadline('2020-06-10', calendar)).toBe('2020-07-01');
    expect(appealDeadline('2020-09-28', calendar)).toBe('2020-10-26');
  });
  it('property: always after the inspection', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2019-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }), (date) => {
        const day = date.toISOString().slice(0, 10);
        return appealDeadline(day, calendar) > day;
      }),
    );
  });
});

describe('upload differences', () => {
  it('names the differing fields only', () => {
    const registry = { name: '好味(分店)', address: '中山路1号', licenceNumbers: ['JY133'] };
    expect(uploadDifferences({ name: '好味（分店）', address: '中山路 1 号', licenceNumber: 'jy133' }, registry)).toEqual([]);
    expect(uploadDifferences({ name: '好味', address: '中山路2号', licenceNumber: 'JY999' }, registry).map((d) => d.field)).toEqual([
      'name',
      'address',
      'licenceNumber',
    ]);
  });
});
