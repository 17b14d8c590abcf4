import { describe, expect, it } from 'vitest';
import { defaultReviewDue, isPlanReviewDue } from './emergency-plan.ts';

describe('emergency plans reviewed every three years (应急管理部令第2号 Art. 35)', () => {
  it('a plan approved on 2020-02-29 is reviewed by 2023-02-28', () => {
    expect(defaultReviewDue('2020-02-29')).toBe('2023-02-28');
    expect(defaultReviewDue('2020-06-01')).toBe('2023-06-01');
  });

  it('the review is due the day after its review day', () => {
    expect(isPlanReviewDue('2023-06-01', '2023-06-01')).toBe(false);
    expect(isPlanReviewDue('2023-06-01', '2023-06-02')).toBe(true);
  });
});
