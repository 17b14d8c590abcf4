import { describe, expect, it } from 'vitest';
import { registrationDeadline, registrationState } from './use-registration.ts';

describe('use registration within 30 days of first use (特种设备安全法 Art. 33)', () => {
  it('the deadline is the 30th calendar day after first use', () => {
    expect(registrationDeadline('2020-01-15')).toBe('2020-02-14');
    expect(registrationDeadline('2020-02-01')).toBe('2020-03-02'); // 2020 is a leap year
  });

  it('registered on the 30th day is in time, on the 31st late; unregistered is pending, then overdue', () => {
    expect(registrationState('2020-01-15', '2020-02-14', '2020-06-01')).toBe('registered');
    expect(registrationState('2020-01-15', '2020-01-10', '2020-06-01')).toBe('registered'); // before use
    expect(registrationState('2020-01-15', '2020-02-15', '2020-06-01')).toBe('registered_late');
    expect(registrationState('2020-01-15', null, '2020-02-14')).toBe('pending');
    expect(registrationState('2020-01-15', null, '2020-02-15')).toBe('overdue');
    // A registration dated after the day asked about does not count yet.
    expect(registrationState('2020-01-15', '2020-03-01', '2020-02-20')).toBe('overdue');
  });
});
