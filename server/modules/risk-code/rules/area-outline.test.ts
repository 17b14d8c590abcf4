import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundsOf, convexHull, isValidRing, type LngLat, outlineAround, pointInRing, type Ring } from './area-outline.ts';

const square: Ring = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
];
// A "U" shape: the notch between x 4..6 above y 3 is outside.
const u: Ring = [
  [0, 0],
  [10, 0],
  [10, 10],
  [6, 10],
  [6, 3],
  [4, 3],
  [4, 10],
  [0, 10],
];

describe('pointInRing', () => {
  it('decides inside and outside of a square and a concave ring', () => {
    expect(pointInRing([5, 5], square)).toBe(true);
    expect(pointInRing([0.001, 9.999], square)).toBe(true);
    expect(pointInRing([-0.001, 5], square)).toBe(false);
    expect(pointInRing([5, 10.5], square)).toBe(false);
    expect(pointInRing([2, 8], u)).toBe(true);
    expect(pointInRing([5, 8], u)).toBe(false);
    expect(pointInRing([5, 2], u)).toBe(true);
    expect(pointInRing([8, 9], u)).toBe(true);
  });
  it('works with real coordinates (宁大步行街-sized box)', () => {
    const street: Ring = [
      [121.564, 29.8525],
      [121.566, 29.8525],
      [121.566, 29.8535],
      [121.564, 29.8535],
    ];
    expect(pointInRing([121.565, 29.853], street)).toBe(true);
    expect(pointInRing([121.5661, 29.853], street)).toBe(false);
  });
  it('a ring of fewer than 3 points contains nothing', () => {
    expect(pointInRing([0, 0], [])).toBe(false);
    expect(pointInRing([0, 0], [[0, 0]])).toBe(false);
  });
  it('property: in an axis-aligned rectangle, membership equals the coordinate comparison', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (x0, y0, w, h, px, py) => {
          const ring: Ring = [
            [x0, y0],
            [x0 + w, y0],
            [x0 + w, y0 + h],
            [x0, y0 + h],
          ];
          const strictlyInside = px > x0 && px < x0 + w && py > y0 && py < y0 + h;
          const strictlyOutside = px < x0 || px > x0 + w || py < y0 || py > y0 + h;
          if (strictlyInside) expect(pointInRing([px, py], ring)).toBe(true);
          if (strictlyOutside) expect(pointInRing([px, py], ring)).toBe(false);
        },
      ),
    );
  });
  it('property: the orientation of the ring does not matter', () => {
    const pointArb = fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }));
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 3, maxLength: 12 }), pointArb, (ring, p) => {
        const probe: LngLat = [p[0] + 0.5, p[1] + 0.25]; // never on an integer edge vertex
        expect(pointInRing(probe, [...ring].reverse() as Ring)).toBe(pointInRing(probe, ring as Ring));
      }),
    );
  });
});

describe('convexHull and outlineAround', () => {
  it('gives the corners of a square with inner and collinear points dropped, counter-clockwise', () => {
    expect(
      convexHull([
        [5, 5],
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
        [5, 0],
        [3, 7],
      ]),
    ).toEqual([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
  });
  it('handles one, two and duplicate points', () => {
    expect(convexHull([])).toEqual([]);
    expect(
      convexHull([
        [1, 2],
        [1, 2],
      ]),
    ).toEqual([[1, 2]]);
    expect(outlineAround([[1, 2]], 0.5)).toEqual([
      [0.5, 2],
      [0.646447, 1.646447],
      [1, 1.5],
      [1.353553, 1.646447],
      [1.5, 2],
      [1.353553, 2.353553],
      [1, 2.5],
      [0.646447, 2.353553],
    ]);
  });
  it('grows a square by the margin on every side', () => {
    expect(boundsOf(outlineAround(square, 1))).toEqual({ west: -1, south: -1, east: 11, north: 11 });
    expect(outlineAround(square, 1)).toHaveLength(12); // per corner: the two axis points and the diagonal one
  });
  it('bounds', () => {
    expect(boundsOf(u)).toEqual({ west: 0, south: 0, east: 10, north: 10 });
    expect(boundsOf([])).toBeNull();
  });
  it('validity', () => {
    expect(isValidRing(square)).toBe(true);
    expect(
      isValidRing([
        [0, 0],
        [1, 1],
        [2, 2],
      ]),
    ).toBe(false);
    expect(
      isValidRing([
        [0, 0],
        [1, 1],
      ]),
    ).toBe(false);
    expect(
      isValidRing([
        [0, 0],
        [200, 1],
        [2, 5],
      ]),
    ).toBe(false);
  });
  it('property: every point lies inside the padded outline of a set of points', () => {
    const coordinate = fc.tuple(fc.double({ min: 121.5, max: 121.62, noNaN: true }), fc.double({ min: 29.78, max: 29.9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(coordinate, { minLength: 1, maxLength: 60 }), (points) => {
        const outline = outlineAround(points as LngLat[], 0.0005);
        for (const point of points) expect(pointInRing(point as LngLat, outline)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
