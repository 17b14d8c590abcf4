import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapView, mercator } from './map-projection.ts';

describe('mercator', () => {
  it('puts the equator and meridian in the middle of the 256-unit world and the edges at its sides', () => {
    expect(mercator(0, 0)).toEqual([128, 128]);
    expect(mercator(-180, 0)[0]).toBe(0);
    expect(mercator(180, 0)[0]).toBe(256);
    expect(mercator(0, 85.05112878)[1]).toBeCloseTo(0, 6);
    expect(mercator(0, -85.05112878)[1]).toBeCloseTo(256, 6);
  });

  it('agrees with the OpenStreetMap tile formula (tan + sec) for Ningbo (121.55, 29.87): tile 13/6861/3383', () => {
    const [x, y] = mercator(121.55, 29.87);
    const tileWorld = 256 / 2 ** 13;
    const latitude = (29.87 * Math.PI) / 180;
    const osmY = Math.floor(((1 - Math.log(Math.tan(latitude) + 1 / Math.cos(latitude)) / Math.PI) / 2) * 2 ** 13);
    expect([Math.floor(x / tileWorld), Math.floor(y / tileWorld)]).toEqual([6861, osmY]);
    expect(osmY).toBe(3383);
  });
});

describe('mapView', () => {
  const bounds = { west: 121.54, south: 29.86, east: 121.58, north: 29.88 };

  it('draws the bounds (with their margin) edge to edge across the width', () => {
    const view = mapView(bounds, { width: 800, margin: 0 });
    expect(view.at(bounds.west, bounds.north)[0]).toBeCloseTo(0, 9);
    expect(view.at(bounds.west, bounds.north)[1]).toBeCloseTo(0, 9);
    expect(view.at(bounds.east, bounds.south)[0]).toBeCloseTo(800, 6);
    expect(view.height - view.at(bounds.east, bounds.south)[1]).toBeGreaterThanOrEqual(0);
    expect(view.height - view.at(bounds.east, bounds.south)[1]).toBeLessThan(1);
    // Near 30° N a degree of latitude is drawn about 1/cos(30°) ≈ 1.15 times a degree of longitude: 800 × ½ × 1.153.
    expect(view.height).toBe(462);
  });

  it('covers the drawing with whole tiles at the zoom nearest its scale, with no gap between neighbours', () => {
    const view = mapView(bounds, { width: 800 });
    const tiles = view.tiles();
    const z = tiles[0]?.z ?? -1;
    expect(z).toBe(Math.round(Math.log2(view.scale)));
    expect(Math.min(...tiles.map((tile) => tile.left))).toBeLessThanOrEqual(0);
    expect(Math.min(...tiles.map((tile) => tile.top))).toBeLessThanOrEqual(0);
    expect(Math.max(...tiles.map((tile) => tile.left + tile.size))).toBeGreaterThanOrEqual(view.width);
    expect(Math.max(...tiles.map((tile) => tile.top + tile.size))).toBeGreaterThanOrEqual(view.height);
    for (const tile of tiles) {
      const right = tiles.find((other) => other.x === tile.x + 1 && other.y === tile.y);
      if (right) expect(right.left).toBeCloseTo(tile.left + tile.size, 6);
    }
    expect(view.tiles(10).every((tile) => tile.z === 10)).toBe(true);
  });

  it('shrinks a very tall area to the maximum height instead of overflowing it', () => {
    const view = mapView({ west: 121.54, south: 29.8, east: 121.541, north: 29.9 }, { width: 800, margin: 0 });
    expect(view.height).toBe(900);
    expect(view.at(121.541, 29.8)[1]).toBeCloseTo(900, 6);
    expect(view.at(121.541, 29.8)[0]).toBeLessThan(800);
  });

  it('keeps every point of the bounds inside the drawing, for any area in China', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 73, max: 134, noNaN: true }),
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (west, south, width, height, u, v) => {
          const area = { west, south, east: west + width, north: south + height };
          const view = mapView(area, { width: 800 });
          const [x, y] = view.at(west + u * width, south + v * height);
          return x >= -1e-6 && x <= view.width + 1e-6 && y >= -1e-6 && y <= view.height + 1e-6;
        },
      ),
    );
  });
});
