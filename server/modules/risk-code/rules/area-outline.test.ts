import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoDistrictBounds, demoStreetOutlines, demoStreets } from '../../../demo/demo-places.ts';
import {
  boundsOf,
  clipRing,
  convexHull,
  intersectConvex,
  isValidRing,
  type LngLat,
  nearestCentreCells,
  pointInRing,
  pullInside,
  type Ring,
  ringArea,
} from './area-outline.ts';

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

describe('convexHull', () => {
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
});

describe('nearestCentreCells: street outlines that tile a district', () => {
  const overlap = (a: Ring, b: Ring) => ringArea(intersectConvex(a, convexHull(b)));
  it('splits a square between two centres along their bisector, exactly', () => {
    const [left, right] = nearestCentreCells(
      [
        [2, 5],
        [8, 5],
      ],
      { west: 0, south: 0, east: 10, north: 10 },
    ) as [Ring, Ring];
    expect(convexHull(left)).toEqual(
      convexHull([
        [0, 0],
        [5, 0],
        [5, 10],
        [0, 10],
      ]),
    );
    expect(ringArea(left)).toBe(50);
    expect(ringArea(right)).toBe(50);
    expect(overlap(left, right)).toBe(0);
  });
  it('clipRing keeps the side asked for, and intersectConvex of disjoint squares is empty', () => {
    expect(ringArea(clipRing(square, [1, 0], 4))).toBe(40);
    expect(ringArea(clipRing(square, [0, -1], -7))).toBe(30);
    expect(
      intersectConvex(square, [
        [20, 20],
        [30, 20],
        [30, 30],
        [20, 30],
      ]),
    ).toEqual([]);
  });
  it('property: the cells cover the bounds exactly, no two overlap, and each holds its centre', () => {
    const bounds = { west: 121.5, south: 29.75, east: 121.65, north: 29.9 };
    const centre = fc.tuple(fc.double({ min: 121.51, max: 121.64, noNaN: true }), fc.double({ min: 29.76, max: 29.89, noNaN: true }));
    fc.assert(
      fc.property(
        fc.uniqueArray(centre, { minLength: 1, maxLength: 12, selector: ([x, y]) => `${x.toFixed(5)},${y.toFixed(5)}` }),
        (centres) => {
          const cells = nearestCentreCells(centres as LngLat[], bounds);
          const total = (bounds.east - bounds.west) * (bounds.north - bounds.south);
          expect(Math.abs(cells.reduce((sum, cell) => sum + ringArea(cell), 0) - total)).toBeLessThan(total * 1e-9);
          for (let i = 0; i < cells.length; i++) {
            for (let j = i + 1; j < cells.length; j++) expect(overlap(cells[i] as Ring, cells[j] as Ring)).toBeLessThan(total * 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it("the demo's seven street outlines tile the district: no overlap, total area = the district's", () => {
    const total = (demoDistrictBounds.east - demoDistrictBounds.west) * (demoDistrictBounds.north - demoDistrictBounds.south);
    expect(demoStreetOutlines).toHaveLength(demoStreets.length);
    expect(Math.abs(demoStreetOutlines.reduce((sum, cell) => sum + ringArea(cell), 0) - total)).toBeLessThan(total * 1e-9);
    for (let i = 0; i < demoStreetOutlines.length; i++) {
      expect(isValidRing(demoStreetOutlines[i] as Ring)).toBe(true);
      expect(pointInRing(demoStreets[i]?.centre as LngLat, demoStreetOutlines[i] as Ring)).toBe(true);
      for (let j = i + 1; j < demoStreetOutlines.length; j++)
        expect(overlap(demoStreetOutlines[i] as Ring, demoStreetOutlines[j] as Ring)).toBeLessThan(total * 1e-9);
    }
  });
  it('property: pullInside lands in the ring, and only there among the demo streets', () => {
    const round6 = (p: LngLat): LngLat => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
    fc.assert(
      fc.property(
        fc.nat(demoStreets.length - 1),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (index, u, v) => {
          const centre = demoStreets[index]?.centre as LngLat;
          const point = pullInside(
            [centre[0] + (u - 0.5) * 0.03, centre[1] + (v - 0.5) * 0.03],
            centre,
            demoStreetOutlines[index] as Ring,
            round6,
          );
          expect(demoStreetOutlines.map((outline) => pointInRing(point, outline))).toEqual(demoStreets.map((_, i) => i === index));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
