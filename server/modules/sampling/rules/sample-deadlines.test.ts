import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { buildHolidayCalendar, isWorkingDay } from '../../../platform/calendar/working-days.ts';
import {
  backupKeepUntil,
  handlingDue,
  isRapidObjectionInTime,
  isRetestRequestInTime,
  rapidObjectionDue,
  reportDue,
  retestRequestDue,
  toLabDue,
} from './sample-deadlines.ts';
import { samplingRulesOn } from './sampling-rule-sets.ts';

// 2020 National Day + Mid-Autumn: 10-01..10-08 off, Sunday 09-27 and Saturday 10-10 worked (国办发明电〔2019〕16号).
const calendar = buildHolidayCalendar([
  { day: '2020-09-27', kind: 'workday' },
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({ day: `2020-10-${day}`, kind: 'holiday' as const })),
  { day: '2020-10-10', kind: 'workday' },
]);
const rules = samplingRulesOn('2020-09-28');

describe('sampling deadlines (SAMR Order 15, 食品安全法 Art. 88)', () => {
  it('uses the 2019 order for 2020 samples, and says its handling deadline is unconfirmed', () => {
    expect(rules.id).toBe('samr-order-15-2019');
    expect(rules.isConfirmed).toBe(false);
    expect(samplingRulesOn('2010-01-01').id).toBe('samr-order-15-2019');
  });
  it('a sample taken on Monday 2020-09-28 must reach the lab by 2020-10-12, skipping the National Day holiday', () => {
    expect(toLabDue('2020-09-28', calendar, rules)).toBe('2020-10-12');
  });
  it('a sample received on 2020-09-30 must be reported by 2020-11-04 (20 working days, the make-up Saturday counts)', () => {
    expect(reportDue('2020-09-30', calendar, rules)).toBe('2020-11-04');
  });
  it('a result notified on Friday 2020-09-25 may be re-tested on request until 2020-10-12 (the make-up Sunday counts)', () => {
    expect(retestRequestDue('2020-09-25', calendar, rules)).toBe('2020-10-12');
    expect(isRetestRequestInTime('2020-09-25', '2020-10-12', calendar, rules)).toBe(true);
    expect(isRetestRequestInTime('2020-09-25', '2020-10-13', calendar, rules)).toBe(false);
    expect(isRetestRequestInTime('2020-09-25', '2020-09-24', calendar, rules)).toBe(false);
  });
  it('an objection to a rapid test is in time for 4 hours after the result', () => {
    const resultAt = new Date('2020-06-01T02:00:00Z');
    expect(rapidObjectionDue(resultAt, rules).toISOString()).toBe('2020-06-01T06:00:00.000Z');
    expect(isRapidObjectionInTime(resultAt, new Date('2020-06-01T06:00:00Z'), rules)).toBe(true);
    expect(isRapidObjectionInTime(resultAt, new Date('2020-06-01T06:00:01Z'), rules)).toBe(false);
  });
  it('keeps backup samples 3 months when qualified, 6 when not, or until the shelf life ends', () => {
    expect(backupKeepUntil('2020-08-31', 'qualified', rules)).toBe('2020-11-30');
    expect(backupKeepUntil('2020-08-31', 'unqualified', rules)).toBe('2021-02-28');
    expect(backupKeepUntil('2020-08-31', 'unqualified', rules, '2020-10-15')).toBe('2020-10-15');
    expect(backupKeepUntil('2020-08-31', 'qualified', rules, '2022-01-01')).toBe('2020-11-30');
  });
  it('handling (核查处置) is due 90 calendar days after the notice', () => {
    expect(handlingDue('2020-09-25', rules)).toBe('2020-12-24');
  });
  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2020-12-15', 3)).toBe('2021-03-15');
  });
  it('property: every working-day deadline falls on a working day after the event', () => {
    const day = fc
      .date({ min: new Date('2020-01-01'), max: new Date('2021-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (start) => {
        for (const due of [toLabDue(start, calendar, rules), reportDue(start, calendar, rules), retestRequestDue(start, calendar, rules)]) {
          expect(due > start).toBe(true);
          expect(isWorkingDay(due, calendar)).toBe(true);
        }
        expect(backupKeepUntil(start, 'unqualified', rules) > backupKeepUntil(start, 'qualified', rules)).toBe(true);
      }),
    );
  });
});
