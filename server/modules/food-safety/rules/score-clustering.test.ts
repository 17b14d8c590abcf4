import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, scoreClustering } from './score-clustering.ts';

describe('binomialUpperTail', () => {
  it('gives the exact tail of a fair coin', () => {
    expect(binomialUpperTail(10, 10)).toBeCloseTo(1 / 1024, 12);
    expect(binomialUpperTail(10, 9)).toBeCloseTo(11 / 1024, 12);
    expect(binomialUpperTail(4, 2)).toBeCloseTo(11 / 16, 12);
    expect(binomialUpperTail(5, 0)).toBe(1);
    expect(binomialUpperTail(5, 6)).toBe(0);
  });

  it('never rises as k rises', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (n, k) => {
        expect(binomialUpperTail(n, k + 1)).toBeLessThanOrEqual(binomialUpperTail(n, k) + 1e-12);
      }),
    );
  });
});

describe('scoreClustering', () => {
  it('flags scores bunched just above the 优秀 cut-off (9.0), as NYC grades bunched at the A cut-off', () => {
    const bunched = [...Array(12).fill(90), 91, 92, 88];
    const [excellent] = scoreClustering(bunched, [90]);
    expect(excellent).toEqual({ cutOffTenths: 90, justBelow: 1, justAbove: 14, pValue: 0.000488, isClustered: true });
  });

  it('does not flag scores spread evenly across a cut-off, nor too few to tell', () => {
    expect(scoreClustering([87, 88, 89, 90, 91, 92, 88, 91], [90])[0]?.isClustered).toBe(false);
    expect(scoreClustering([90, 90, 90, 91, 92], [90])[0]).toMatchObject({ justAbove: 5, justBelow: 0, isClustered: false });
  });

  it('counts the cut-off itself as above and ignores scores farther than the width', () => {
    expect(scoreClustering([75, 72, 71, 78, 60, 100], [75])[0]).toMatchObject({ justAbove: 1, justBelow: 1 });
  });
});
