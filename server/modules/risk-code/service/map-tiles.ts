import { invalidRequest } from '../../../platform/errors/problem.ts';
import { tileUnavailable, tileUrlNotSet } from '../risk-code.errors.ts';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export interface TileImage {
  body: Buffer;
  contentType: string;
}

/** A tile server's `{z}/{x}/{y}` template filled in; `{s}` (a sub-domain letter) is always `a`. */
export function tileUrlOf(template: string, tile: TileAddress): string {
  return template
    .replaceAll('{z}', String(tile.z))
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{y}', String(tile.y))
    .replaceAll('{s}', 'a');
}

const maxTileBytes = 512 * 1024;
const cachedTiles = 2_000;
const fetchTimeoutMs = 5_000;
/** Tiles by their full address, oldest use first (a Map keeps insertion order). Shared by every district. */
const cache = new Map<string, TileImage>();

function remember(url: string, tile: TileImage) {
  cache.delete(url);
  cache.set(url, tile);
  if (cache.size > cachedTiles) cache.delete(cache.keys().next().value as string);
}

/**
 * One map tile from the operator's tile server (ZHIJIAN_MAP_TILE_URL, checked at start), through us: the browser
 * then loads only our own origin (the CSP stays `img-src 'self'`), the tile server sees one client, and a tile
 * fetched once is kept. No user setting can point this request elsewhere: the address is the deployment's, only
 * numbers are filled in, the request must stay on that host, and a redirect is refused, not followed.
 */
export async function mapTile(template: string | undefined, tile: TileAddress, fetcher: typeof fetch = fetch): Promise<TileImage> {
  const count = 2 ** tile.z;
  const outOfRange = (['x', 'y'] as const).filter((axis) => tile[axis] >= count);
  if (outOfRange.length) {
    throw invalidRequest(
      {},
      outOfRange.map((axis) => ({
        in: 'params',
        field: axis,
        code: 'out_of_range',
        message: { 'zh-CN': `在第 ${tile.z} 级应小于 ${count}`, en: `must be below ${count} at zoom ${tile.z}` },
      })),
    );
  }
  if (!template) throw tileUrlNotSet();
  const url = tileUrlOf(template, tile);
  if (new URL(url).origin !== new URL(tileUrlOf(template, { z: 0, x: 0, y: 0 })).origin) throw tileUnavailable();
  const cached = cache.get(url);
  if (cached) {
    remember(url, cached);
    return cached;
  }
  let response: Response;
  try {
    response = await fetcher(url, {
      signal: AbortSignal.timeout(fetchTimeoutMs),
      headers: { 'user-agent': 'Zhijian map' },
      redirect: 'manual',
    });
  } catch {
    throw tileUnavailable();
  }
  const contentType = response.headers.get('content-type') ?? '';
  const length = Number(response.headers.get('content-length') ?? 0);
  if (!response.ok || !/^image\/(png|jpeg|webp)$/.test(contentType.split(';')[0]?.trim() ?? '') || length > maxTileBytes) {
    await response.body?.cancel();
    throw tileUnavailable();
  }
  const body = Buffer.from(await response.arrayBuffer());
  if (body.length > maxTileBytes) throw tileUnavailable();
  const image = { body, contentType: contentType.split(';')[0]?.trim() ?? 'image/png' };
  remember(url, image);
  return image;
}
