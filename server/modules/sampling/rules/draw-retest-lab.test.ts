import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawRetestLab } from './draw-retest-lab.ts';

describe('drawing the re-test lab', () => {
  it('never draws the first lab, and draws each other lab by the random number', () => {
    expect(drawRetestLab([3, 5, 9], 5, () => 0)).toBe(3);
    expect(drawRetestLab([3, 5, 9], 5, () => 0.99)).toBe(9);
    expect(drawRetestLab([9, 3, 5], 5, () => 0.5)).toBe(9);
  });
  it('has no lab when the first lab is the only one', () => {
    expect(drawRetestLab([4], 4, () => 0.3)).toBeNull();
    expect(drawRetestLab([], null, () => 0.3)).toBeNull();
  });
  it('after a rapid test (no first lab) any lab may be drawn', () => {
    expect(drawRetestLab([4], null, () => 0.3)).toBe(4);
  });
  it('property: the drawn lab is on the list and differs from the first lab', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (labs, first, roll) => {
          const drawn = drawRetestLab(labs, first, () => roll);
          if (drawn === null) expect(labs.every((lab) => lab === first)).toBe(true);
          else {
            expect(labs).toContain(drawn);
            expect(drawn).not.toBe(first);
          }
        },
      ),
    );
  });
});
