import { describe, expect, it } from 'vitest';
import { crossesThreshold, defaultRemovalThresholds, reviewDueOn, statusAfter, stepAllowed } from './unit-lifecycle.ts';

describe('放心消费 unit lifecycle', () => {
  it('application → review → listed; only a listed unit is removed', () => {
    expect(stepAllowed('applied', 'approve')).toBe(true);
    expect(stepAllowed('applied', 'reject')).toBe(true);
    expect(stepAllowed('applied', 'remove')).toBe(false);
    expect(stepAllowed('listed', 'approve')).toBe(false);
    expect(stepAllowed('listed', 'remove')).toBe(true);
    expect(stepAllowed('removed', 'remove')).toBe(false);
    expect(stepAllowed('rejected', 'approve')).toBe(false);
    expect([statusAfter('approve'), statusAfter('reject'), statusAfter('remove')]).toEqual(['listed', 'rejected', 'removed']);
  });

  it('the yearly review falls a year after listing or the last review', () => {
    expect(reviewDueOn('2020-03-15', null)).toBe('2021-03-15');
    expect(reviewDueOn('2020-03-15', '2021-03-10')).toBe('2022-03-10');
    expect(reviewDueOn('2020-02-29', null)).toBe('2021-02-28');
  });

  it('removal thresholds: more than allowed', () => {
    expect(crossesThreshold({ complaints: 3, cases: 1 }, defaultRemovalThresholds)).toBe(false);
    expect(crossesThreshold({ complaints: 4, cases: 0 }, defaultRemovalThresholds)).toBe(true);
    expect(crossesThreshold({ complaints: 0, cases: 2 }, defaultRemovalThresholds)).toBe(true);
  });
});
