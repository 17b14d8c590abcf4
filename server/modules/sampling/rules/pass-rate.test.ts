import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completionPercent, passRate } from './pass-rate.ts';

describe('pass rate', () => {
  it('2020: 193 of 210 batches qualified is 91.90%, printed as 92% in the work summary', () => {
    expect(passRate(193, 210)).toEqual({ qualified: 193, batches: 210, percent: '91.90', wholePercent: 92 });
  });
  it('breakfast campaign: 65 of 73 batches qualified is 89.04%', () => {
    expect(passRate(65, 73)).toEqual({ qualified: 65, batches: 73, percent: '89.04', wholePercent: 89 });
  });
  it('rounds half up exactly: 1/8 = 12.50%, 1/200 = 0.50% → whole 1%, 2/3 = 66.67%', () => {
    expect(passRate(1, 8).percent).toBe('12.50');
    expect(passRate(1, 200)).toMatchObject({ percent: '0.50', wholePercent: 1 });
    expect(passRate(2, 3).percent).toBe('66.67');
    expect(passRate(1, 3)).toMatchObject({ percent: '33.33', wholePercent: 33 });
  });
  it('has no rate when nothing was tested, and refuses impossible counts', () => {
    expect(passRate(0, 0)).toEqual({ qualified: 0, batches: 0, percent: null, wholePercent: null });
    expect(() => passRate(3, 2)).toThrow(RangeError);
    expect(() => passRate(-1, 2)).toThrow(RangeError);
    expect(() => passRate(0.5, 2)).toThrow(RangeError);
  });
  it('plan completion may exceed 100%', () => {
    expect(completionPercent(120, 100)).toBe('120.00');
    expect(completionPercent(0, 0)).toBeNull();
    expect(completionPercent(73, 70)).toBe('104.29');
  });
  it('property: the two-decimal rate is within half a basis point of the exact ratio and between 0 and 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (batches, seed) => {
        const qualified = seed % (batches + 1);
        const rate = passRate(qualified, batches);
        const basisPoints = BigInt((rate.percent as string).replace('.', ''));
        // |bp·batches − qualified·10000| ≤ batches/2, all in integers
        const error = basisPoints * BigInt(batches) * 2n - BigInt(qualified) * 20_000n;
        expect(error <= BigInt(batches) && error >= -BigInt(batches)).toBe(true);
        expect(rate.wholePercent).toBeGreaterThanOrEqual(0);
        expect(rate.wholePercent).toBeLessThanOrEqual(100);
        if (qualified === batches) expect(rate.percent).toBe('100.00');
      }),
    );
  });
});
