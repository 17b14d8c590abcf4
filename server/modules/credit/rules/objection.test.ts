import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { acceptanceDue, objectionDue, objectionUntil, verificationDue } from './objection.ts';

// National Day 2025 (国办发明电〔2024〕12号): 1–8 October off, Sunday 28 September and Saturday 11 October worked.
const calendar = buildHolidayCalendar([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map((day) => ({ day: `2025-10-${day}`, kind: 'holiday' as const })),
  { day: '2025-09-28', kind: 'workday' },
  { day: '2025-10-11', kind: 'workday' },
]);

describe('objections (《企业经营异常名录管理暂行办法》第十六条)', () => {
  it('an abnormal listing may be contested for 30 days from its publication; a serious listing has no set window', () => {
    expect(objectionUntil('abnormal_listing', '2025-07-01')).toBe('2025-07-31');
    expect(objectionUntil('abnormal_listing', '2024-02-01')).toBe('2024-03-02');
    expect(objectionUntil('serious_violation', '2025-07-01')).toBeNull();
  });

  it('filed on Friday 26 September 2025: acceptance due 10 October (5 working days across National Day)', () => {
    expect(acceptanceDue('abnormal_listing', '2025-09-26', calendar)).toBe('2025-10-10');
  });

  it('accepted on 10 October 2025: verification due 6 November (20 working days, the make-up Saturday counts)', () => {
    expect(verificationDue('abnormal_listing', '2025-10-10', calendar)).toBe('2025-11-06');
  });

  it('the step due is acceptance, then verification; late the day after; nothing once decided', () => {
    const submitted = { status: 'submitted', acceptanceDue: '2025-10-10', verificationDue: null };
    expect(objectionDue(submitted, '2025-10-10')).toEqual({ dueOn: '2025-10-10', isOverdue: false });
    expect(objectionDue(submitted, '2025-10-11')).toEqual({ dueOn: '2025-10-10', isOverdue: true });
    expect(objectionDue({ ...submitted, status: 'accepted', verificationDue: '2025-11-06' }, '2025-11-07')).toEqual({
      dueOn: '2025-11-06',
      isOverdue: true,
    });
    expect(objectionDue({ ...submitted, status: 'upheld', verificationDue: '2025-11-06' }, '2026-01-01')).toEqual({
      dueOn: null,
      isOverdue: false,
    });
  });
});
