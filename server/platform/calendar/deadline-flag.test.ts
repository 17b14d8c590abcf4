import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deadlineFlag, soonLimit } from './deadline-flag.ts';
import { addCalendarDays, buildHolidayCalendar } from './working-days.ts';

const calendar = buildHolidayCalendar([
  { day: '2020-10-01', kind: 'holiday' },
  { day: '2020-10-02', kind: 'holiday' },
  { day: '2020-10-05', kind: 'holiday' },
  { day: '2020-10-06', kind: 'holiday' },
  { day: '2020-10-07', kind: 'holiday' },
  { day: '2020-10-08', kind: 'holiday' },
  { day: '2020-09-27', kind: 'workday' },
  { day: '2020-10-10', kind: 'workday' },
]);

describe('deadline flags', () => {
  it('flags a deadline after the National Day week as due soon on the last working day before it', () => {
    // 9-30 → next working days 10-9 (1), 10-10 Sat make-up (2).
    expect(soonLimit('2020-09-30', calendar)).toBe('2020-10-10');
    expect(deadlineFlag('2020-10-10', '2020-09-30', calendar)).toBe('due_soon');
    expect(deadlineFlag('2020-10-12', '2020-09-30', calendar)).toBe('on_time');
  });

  it('keeps the due day itself in time and flags the day after as overdue', () => {
    expect(deadlineFlag('2020-10-12', '2020-10-12', calendar)).toBe('due_soon');
    expect(deadlineFlag('2020-10-12', '2020-10-13', calendar)).toBe('overdue');
  });

  it('is monotonic: a later today never makes a deadline look better', () => {
    const rank = { on_time: 0, due_soon: 1, overdue: 2 } as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), (a, b, gap) => {
        const due = addCalendarDays('2020-01-01', a);
        const today = addCalendarDays('2020-01-01', b);
        const later = addCalendarDays(today, gap);
        return rank[deadlineFlag(due, later, calendar)] >= rank[deadlineFlag(due, today, calendar)];
      }),
    );
  });
});
