/**
 * The five-colour map's drawing: Web Mercator (EPSG:3857, the projection of every slippy-map tile server), so that
 * our own outlines and points line up with tiles when a tile URL is configured and look the same without them.
 * World units are zoom-0 pixels: the whole world is 256 × 256.
 */
export interface GeoBounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface MapTile {
  z: number;
  x: number;
  y: number;
  /** Where the tile's top-left corner falls in the drawing, and its size there, in drawing pixels. */
  left: number;
  top: number;
  size: number;
}

export interface MapView {
  width: number;
  height: number;
  /** Drawing pixels per world unit. */
  scale: number;
  at: (lng: number, lat: number) => readonly [number, number];
  /** The tiles that cover the drawing at the zoom closest to its scale (never above maxZoom). */
  tiles: (maxZoom?: number) => MapTile[];
}

const worldSize = 256;
/** Web Mercator stops here: tan(φ) grows without bound towards the poles. */
const maxLatitude = 85.05112878;

export function mercator(lng: number, lat: number): readonly [number, number] {
  const clamped = Math.max(-maxLatitude, Math.min(maxLatitude, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const x = ((lng + 180) / 360) * worldSize;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize;
  return [x, y];
}

/**
 * Fits `bounds` (plus `margin` degrees on each side) into a drawing `width` pixels wide; the height follows the
 * area's shape, kept between minHeight and maxHeight (the scale shrinks to fit if the shape is very tall).
 */
export function mapView(bounds: GeoBounds, options: { width: number; margin?: number; minHeight?: number; maxHeight?: number }): MapView {
  const margin = options.margin ?? 0.0005;
  const [left, top] = mercator(bounds.west - margin, bounds.north + margin);
  const [right, bottom] = mercator(bounds.east + margin, bounds.south - margin);
  const spanX = Math.max(right - left, 1e-9);
  const spanY = Math.max(bottom - top, 1e-9);
  const width = options.width;
  const maxHeight = options.maxHeight ?? 900;
  const fitsWidth = spanY * (width / spanX) <= maxHeight;
  const scale = fitsWidth ? width / spanX : maxHeight / spanY;
  const height = fitsWidth ? Math.max(options.minHeight ?? 200, Math.ceil(spanY * scale)) : maxHeight;
  const at = (lng: number, lat: number) => {
    const [x, y] = mercator(lng, lat);
    return [(x - left) * scale, (y - top) * scale] as const;
  };
  const tiles = (maxZoom = 19): MapTile[] => {
    const z = Math.max(0, Math.min(maxZoom, Math.round(Math.log2(scale))));
    const count = 2 ** z;
    const tileWorld = worldSize / count;
    const firstX = Math.max(0, Math.floor(left / tileWorld));
    const firstY = Math.max(0, Math.floor(top / tileWorld));
    const lastX = Math.min(count - 1, Math.floor((left + width / scale) / tileWorld));
    const lastY = Math.min(count - 1, Math.floor((top + height / scale) / tileWorld));
    const out: MapTile[] = [];
    for (let y = firstY; y <= lastY; y += 1) {
      for (let x = firstX; x <= lastX; x += 1) {
        out.push({ z, x, y, left: (x * tileWorld - left) * scale, top: (y * tileWorld - top) * scale, size: tileWorld * scale });
      }
    }
    return out;
  };
  return { width, height, scale, at, tiles };
}
