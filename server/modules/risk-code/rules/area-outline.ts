/**
 * Map areas of the five-colour map 五色图: a street, a pedestrian street 步行街 or a complex 综合体 is an outline,
 * one closed ring of [lng, lat] points (WGS-84 degrees, the registry's coordinates; the first point is not repeated).
 * Pure geometry, small enough to need no library: membership by ray casting (W. R. Franklin, "PNPOLY"),
 * convex hulls (A. M. Andrew's monotone chain, 1979), and outlines that tile a district (nearestCentreCells).
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

/** Area of a ring in square degrees (shoelace formula; positive whatever the ring's direction). */
export function ringArea(ring: Ring): number {
  if (ring.length < 3) return 0;
  // Measured from the first point: products of small offsets keep their precision (121° × 29° would not).
  const [x0, y0] = ring[0] as LngLat;
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    twice += (xj - x0) * (yi - y0) - (xi - x0) * (yj - y0);
  }
  return Math.abs(twice) / 2;
}

/**
 * The part of a convex ring where `normal · p ≤ limit` (one step of Sutherland–Hodgman clipping, 1974): the
 * ring's points on the kept side, plus where its edges cross the line.
 */
export function clipRing(ring: Ring, normal: LngLat, limit: number): Ring {
  const side = (p: LngLat) => normal[0] * p[0] + normal[1] * p[1] - limit;
  const kept: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i] as LngLat;
    const next = ring[(i + 1) % ring.length] as LngLat;
    const [a, b] = [side(current), side(next)];
    if (a <= 0) kept.push(current);
    if ((a < 0 && b > 0) || (a > 0 && b < 0)) {
      const t = a / (a - b);
      kept.push([current[0] + t * (next[0] - current[0]), current[1] + t * (next[1] - current[1])]);
    }
  }
  return kept;
}

/** The intersection of two convex rings (`b` counter-clockwise, as convexHull gives): `a` clipped by each edge of `b`. */
export function intersectConvex(a: Ring, b: Ring): Ring {
  let result = a;
  for (let i = 0; i < b.length && result.length > 0; i++) {
    const [x1, y1] = b[i] as LngLat;
    const [x2, y2] = b[(i + 1) % b.length] as LngLat;
    // Inside a counter-clockwise ring = left of each edge: (y2 - y1)·x − (x2 − x1)·y ≤ (y2 − y1)·x1 − (x2 − x1)·y1.
    result = clipRing(result, [y2 - y1, -(x2 - x1)], (y2 - y1) * x1 - (x2 - x1) * y1);
  }
  return result;
}

/**
 * Outlines that tile `bounds` without overlap: cell i holds the points nearer to centre i than to any other
 * (a Voronoi diagram, G. Voronoi 1908), built by clipping the bounds by the perpendicular bisector of each
 * pair. Cells are convex, counter-clockwise, share their borders and together cover the bounds exactly.
 */
export function nearestCentreCells(centres: readonly LngLat[], bounds: Bounds): Ring[] {
  const box: Ring = [
    [bounds.west, bounds.south],
    [bounds.east, bounds.south],
    [bounds.east, bounds.north],
    [bounds.west, bounds.north],
  ];
  // Worked in offsets from each centre: |q| ≤ |q − d| ⇔ d·q ≤ |d|²/2 with d = other − own, which keeps its
  // precision for close centres (the same test in absolute degrees loses it to 121² − 121²).
  return centres.map((own, i) => {
    const local = centres.reduce<Ring>(
      (cell, other, j) => {
        const d: LngLat = [other[0] - own[0], other[1] - own[1]];
        if (i === j || (d[0] === 0 && d[1] === 0)) return cell;
        return clipRing(cell, d, (d[0] * d[0] + d[1] * d[1]) / 2);
      },
      box.map(([x, y]): LngLat => [x - own[0], y - own[1]]),
    );
    return local.map(([x, y]): LngLat => [x + own[0], y + own[1]]);
  });
}

/**
 * Moves a point towards `centre` (halving its offset) until it lies inside `ring`, which must contain `centre`;
 * `round` is applied at each step so the stored coordinates are the ones checked.
 */
export function pullInside(point: LngLat, centre: LngLat, ring: Ring, round: (p: LngLat) => LngLat = (p) => p): LngLat {
  let offset: LngLat = [point[0] - centre[0], point[1] - centre[1]];
  let candidate = round(point);
  for (let step = 0; step < 60 && !pointInRing(candidate, ring); step++) {
    offset = [offset[0] / 2, offset[1] / 2];
    candidate = round([centre[0] + offset[0], centre[1] + offset[1]]);
  }
  return candidate;
}
