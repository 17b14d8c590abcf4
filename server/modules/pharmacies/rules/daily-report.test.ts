import { describe, expect, it } from 'vitest';
import { isPastCutOff } from './daily-report.ts';

describe('the daily report cut-off', () => {
  it('is 20:00 China time: 11:59 UTC is before it, 12:00 UTC is past it', () => {
    expect(isPastCutOff(new Date('2020-02-10T11:59:59Z'), '2020-02-10')).toBe(false);
    expect(isPastCutOff(new Date('2020-02-10T12:00:00Z'), '2020-02-10')).toBe(true);
    expect(isPastCutOff(new Date('2020-02-10T02:00:00Z'), '2020-02-10', '09:30')).toBe(true);
    expect(isPastCutOff(new Date('2020-02-09T23:00:00Z'), '2020-02-10')).toBe(false);
  });
});
