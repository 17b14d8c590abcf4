import { describe, expect, it } from 'vitest';
import { earsAlarms, earsC1, earsC2, earsC3 } from './ears.ts';

// Expected values computed by hand from the published definitions (sample SD over B = 7, minSigma 0.5); the R
// reference run (surveillance::earsC) is not part of this suite yet.
describe('EARS C1, C2 and C3', () => {
  it('C1 compares a day with the 7 days just before it', () => {
    const c1 = earsC1([2, 3, 2, 4, 3, 2, 3, 12]);
    expect(c1.slice(0, 7)).toEqual([null, null, null, null, null, null, null]);
    expect(c1[7]).toBeCloseTo(12.283845, 6);
  });

  it('C2 leaves a 2-day guard band; C3 sums max(0, C2 − 1) over three days', () => {
    const counts = [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 4, 6];
    const c2 = earsC2(counts);
    expect(c2.slice(0, 9).every((value) => value === null)).toBe(true);
    expect(c2[9]).toBeCloseTo(1.069045, 6);
    expect(c2[10]).toBeCloseTo(4.543441, 6);
    expect(c2[11]).toBeCloseTo(8.55236, 5);
    const c3 = earsC3(counts);
    expect(c3[10]).toBeNull();
    expect(c3[11]).toBeCloseTo(11.164846, 6);
    expect(earsAlarms(counts)).toMatchObject({ c2: [...Array(10).fill(false), true, true], c3: [...Array(11).fill(false), true] });
  });

  it('a flat zero baseline uses the minimum sigma: one case is no alarm, two are', () => {
    expect(earsC1([0, 0, 0, 0, 0, 0, 0, 1])[7]).toBe(2);
    expect(earsAlarms([0, 0, 0, 0, 0, 0, 0, 2]).c1[7]).toBe(true);
    expect(earsC1([0, 0, 0, 0, 0, 0, 0, 2], { minSigma: 1 })[7]).toBe(2);
  });
});
