/**
 * Map areas of the five-colour map 五色图: a street, a pedestrian street 步行街 or a complex 综合体 is an outline,
 * one closed ring of [lng, lat] points (WGS-84 degrees, the registry's coordinates; the first point is not repeated).
 * Pure geometry, small enough to need no library: membership by ray casting (W. R. Franklin, "PNPOLY"),
 * the demo's street outlines by the convex hull (A. M. Andrew's monotone chain, 1979), grown by a margin.
 */

export type LngLat = [number, number];
export type Ring = LngLat[];

export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * Is the point inside the ring? Ray casting: count crossings of a ray to the east; odd = inside.
 * Points exactly on an edge may fall either way (a shop on the kerb of two streets is in one of them).
 */
export function pointInRing(point: LngLat, ring: Ring): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const cross = (o: LngLat, a: LngLat, b: LngLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull, counter-clockwise, without collinear points; fewer than 3 distinct points give what there is. */
export function convexHull(points: readonly LngLat[]): Ring {
  const sorted = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p] as const)).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (sorted.length < 3) return sorted.map((p) => [p[0], p[1]]);
  const lower: LngLat[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as LngLat, lower[lower.length - 1] as LngLat, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LngLat[] = [];
  for (const p of [...sorted].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2] as LngLat, upper[upper.length - 1] as LngLat, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)].map((p) => [p[0], p[1]]);
}

/**
 * A street outline from the coordinates of its units: the convex hull of the points grown by `pad` degrees
 * (the hull of an octagon of radius `pad` around each hull vertex), so every unit lies strictly inside.
 */
export function outlineAround(points: readonly LngLat[], pad: number): Ring {
  const grown = convexHull(points).flatMap(([x, y]) =>
    Array.from({ length: 8 }, (_, k): LngLat => [x + pad * Math.cos((k * Math.PI) / 4), y + pad * Math.sin((k * Math.PI) / 4)]),
  );
  return convexHull(grown.map(([x, y]): LngLat => [round6(x), round6(y)]));
}

export function boundsOf(points: readonly LngLat[]): Bounds | null {
  if (points.length === 0) return null;
  let [west, south] = points[0] as LngLat;
  let [east, north] = points[0] as LngLat;
  for (const [x, y] of points) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return { west, south, east, north };
}

/** A usable ring: at least 3 points, each a finite lng in [-180, 180] and lat in [-90, 90], not all on one line. */
export function isValidRing(ring: readonly (readonly number[])[]): boolean {
  if (ring.length < 3 || ring.length > 2000) return false;
  if (!ring.every((p) => p.length === 2 && p.every(Number.isFinite) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90))
    return false;
  return convexHull(ring as LngLat[]).length >= 3;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
