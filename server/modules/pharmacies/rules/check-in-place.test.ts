import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInPlace, distanceMetres } from './check-in-place.ts';

describe('the check-in’s place', () => {
  it('one degree of latitude is 111,195 m on the mean sphere; one of longitude at 60° half of it', () => {
    expect(distanceMetres({ lng: 121, lat: 29 }, { lng: 121, lat: 30 })).toBe(111_195);
    expect(distanceMetres({ lng: 0, lat: 60 }, { lng: 1, lat: 60 })).toBe(55_597);
  });

  it('flags a check-in beyond the radius; none without a fix or without the pharmacy’s place', () => {
    const pharmacy = { lng: 121.55, lat: 29.87 };
    expect(checkInPlace({ lng: 121.551, lat: 29.87 }, pharmacy, 300)).toEqual({ distanceMetres: 96, isAway: false }); // 111,195 m × 0.001 × cos 29.87°;
    expect(checkInPlace({ lng: 121.56, lat: 29.87 }, pharmacy, 300)).toEqual({ distanceMetres: 964, isAway: true });
    expect(checkInPlace(null, pharmacy, 300)).toEqual({ distanceMetres: null, isAway: false });
    expect(checkInPlace({ lng: 121.56, lat: 29.87 }, { lng: null, lat: null }, 300)).toEqual({ distanceMetres: null, isAway: false });
  });

  it('is symmetric and zero at the same place', () => {
    const place = fc.record({ lng: fc.double({ min: 73, max: 135, noNaN: true }), lat: fc.double({ min: 18, max: 54, noNaN: true }) });
    fc.assert(
      fc.property(place, place, (a, b) => {
        expect(distanceMetres(a, b)).toBe(distanceMetres(b, a));
        expect(distanceMetres(a, a)).toBe(0);
      }),
    );
  });
});
