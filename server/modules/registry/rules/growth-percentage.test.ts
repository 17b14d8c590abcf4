import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthPercentage } from './growth-percentage.ts';

describe('year-on-year growth percentage', () => {
  it('gives the figures of the 2020 work summary', () => {
    expect(growthPercentage(22_774, 20_876)).toBe(9.09);
    expect(growthPercentage(28_858, 26_408)).toBe(9.28);
    expect(growthPercentage(3_325, 2_072)).toBe(60.47);
  });

  it('rounds half away from zero', () => {
    expect(growthPercentage(10_001, 8_000)).toBe(25.01); // 25.0125
    expect(growthPercentage(1_000_050, 1_000_000)).toBe(0.01); // 0.005 → 0.01
    expect(growthPercentage(999_950, 1_000_000)).toBe(-0.01); // -0.005 → -0.01
    expect(growthPercentage(0, 10)).toBe(-100);
    expect(growthPercentage(5, 0)).toBeNull();
  });

  it('never differs from the exact rational by more than half a hundredth', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), (current, previous) => {
        // In integers: |hundredths × previous − (current − previous) × 10,000| ≤ previous / 2.
        const hundredths = BigInt(Math.round((growthPercentage(current, previous) as number) * 100));
        const error = hundredths * BigInt(previous) - BigInt(current - previous) * 10_000n;
        expect(2n * (error < 0n ? -error : error) <= BigInt(previous)).toBe(true);
      }),
    );
  });
});
