import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentage, satisfactionRate, yearOnYearChange } from './complaint-rates.ts';

describe('rates of the work summary', () => {
  it('3,325 complaints and reports against 2,072 the year before is +60.47%', () => {
    expect(yearOnYearChange(3325, 2072)).toBe('60.47');
  });

  it('1,960 satisfied of 2,000 answers is 98.00%', () => {
    expect(satisfactionRate({ satisfied: 1900, basicallySatisfied: 60, dissatisfied: 40 })).toBe('98.00');
  });

  it('rounds half up, handles decreases and an empty base', () => {
    expect(percentage(1, 8)).toBe('12.50');
    expect(percentage(1, 3)).toBe('33.33');
    expect(percentage(2, 3)).toBe('66.67');
    expect(percentage(1, 200_000)).toBe('0.00');
    expect(percentage(1, 20_000)).toBe('0.01');
    expect(yearOnYearChange(50, 100)).toBe('-50.00');
    expect(yearOnYearChange(5, 0)).toBeNull();
  });

  it('stays within half a hundredth of the exact ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (numerator, denominator) => {
        const text = percentage(numerator, denominator) as string;
        return /^\d+\.\d{2}$/.test(text) && Math.abs(Number(text) - (numerator / denominator) * 100) <= 0.005 + 1e-9;
      }),
    );
  });
});
