import { describe, expect, it } from 'vitest';
import { reminderStartsOn, remindersDue } from './reminders.ts';

const elevator = { status: 'in_use' as const, nextDueOn: '2021-03-15', firstUsedOn: '2019-03-01', registeredOn: '2019-03-20' };

describe('reminders (特种设备安全法 Art. 33 and 40)', () => {
  it('an inspection due on 2021-03-15 is reminded from 2021-02-15, not on 2021-02-14', () => {
    expect(reminderStartsOn('2021-03-15')).toBe('2021-02-15');
    expect(remindersDue(elevator, '2021-02-14')).toEqual([]);
    expect(remindersDue(elevator, '2021-02-15')).toEqual([{ kind: 'inspection_due_soon', dueOn: '2021-03-15' }]);
    expect(remindersDue(elevator, '2021-03-15')).toEqual([{ kind: 'inspection_due_soon', dueOn: '2021-03-15' }]);
  });

  it('the day after it is due, the inspection is overdue', () => {
    expect(remindersDue(elevator, '2021-03-16')).toEqual([{ kind: 'inspection_overdue', dueOn: '2021-03-15' }]);
  });

  it('used from 2020-12-01 and not registered: overdue from 2021-01-01 (31 days on), about the deadline 2020-12-31', () => {
    const unregistered = { ...elevator, firstUsedOn: '2020-12-01', registeredOn: null, nextDueOn: '2021-12-01' };
    expect(remindersDue(unregistered, '2020-12-31')).toEqual([]);
    expect(remindersDue(unregistered, '2021-01-01')).toEqual([{ kind: 'registration_overdue', dueOn: '2020-12-31' }]);
  });

  it('stopped or scrapped equipment is never reminded', () => {
    expect(remindersDue({ ...elevator, status: 'stopped', registeredOn: null }, '2022-01-01')).toEqual([]);
    expect(remindersDue({ ...elevator, status: 'scrapped' }, '2022-01-01')).toEqual([]);
  });
});
