import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { hazardFlag, recheckDue } from './hazard-deadlines.ts';
import { isMaintenanceMissed, maintenanceDue } from './maintenance.ts';

// The 2020 National Day holiday: 1–8 October off, Sunday 27 September and Saturday 10 October worked.
const calendar = buildHolidayCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({ day: `2020-10-${day}`, kind: 'holiday' as const })),
  { day: '2020-09-27', kind: 'workday' },
  { day: '2020-10-10', kind: 'workday' },
]);

describe('the hazard loop’s deadlines (SAMR Order 57: re-check within 10 working days)', () => {
  it('a report on Monday 2020-06-01 is re-checked by Monday 2020-06-15', () => {
    expect(recheckDue('2020-06-01', calendar)).toBe('2020-06-15');
  });

  it('a report on Wednesday 2020-09-30 skips the National Day holiday and counts the make-up Saturday', () => {
    // Working days after it: 9, 10 (Sat, make-up), 12, 13, 14, 15, 16, 19, 20, 21 October.
    expect(recheckDue('2020-09-30', calendar)).toBe('2020-10-21');
  });

  it('an ordered hazard is late after its deadline; a reported one after its re-check day; closed never', () => {
    expect(hazardFlag({ status: 'ordered', deadline: '2020-06-10', recheckDue: null }, '2020-06-10')).toBeNull();
    expect(hazardFlag({ status: 'ordered', deadline: '2020-06-10', recheckDue: null }, '2020-06-11')).toBe('rectification_overdue');
    expect(hazardFlag({ status: 'reported', deadline: '2020-06-10', recheckDue: '2020-06-24' }, '2020-06-25')).toBe('recheck_overdue');
    expect(hazardFlag({ status: 'closed', deadline: '2020-06-10', recheckDue: '2020-06-24' }, '2021-01-01')).toBeNull();
  });
});

describe('elevator maintenance every 15 days (特种设备安全监察条例 Art. 31)', () => {
  it('maintained on 2020-06-01, the next is due 2020-06-16 and missed from 2020-06-17', () => {
    expect(maintenanceDue('2020-06-01', '2018-01-01')).toBe('2020-06-16');
    expect(isMaintenanceMissed('2020-06-01', '2018-01-01', '2020-06-16')).toBe(false);
    expect(isMaintenanceMissed('2020-06-01', '2018-01-01', '2020-06-17')).toBe(true);
    expect(isMaintenanceMissed(null, '2020-06-10', '2020-06-20')).toBe(false);
  });
});
