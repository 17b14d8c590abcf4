import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../platform/http/context.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { rcMapSetting } from '../risk-code.tables.ts';
import { mapTile, tileUrlOf } from './map-tiles.ts';

// A stand-in for an internet tile server (not our database): a local HTTP server that answers /{z}/{x}/{y}.png,
// reached by a fetch that sends https://tiles.test/… there (the setting accepts only https addresses).
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const requested: string[] = [];
let tileServer: Server;
let tileOrigin: string;

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;

beforeAll(async () => {
  tileServer = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url?.startsWith('/broken/')) return response.writeHead(500).end('no');
    if (request.url?.startsWith('/html/')) return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  await new Promise<void>((resolve) => tileServer.listen(0, '127.0.0.1', resolve));
  tileOrigin = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
  await new Promise((resolve) => tileServer?.close(resolve));
});

async function get(username: string, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { cookie: await signIn(app, username) } });
  return response;
}

const toLocalServer: typeof fetch = (input, init) => fetch(String(input).replace('https://tiles.test', tileOrigin), init);
const tileOf = (district: TestDistrict, z: number, x: number, y: number) =>
  mapTile(systemContext(platform), district.code, { z, x, y }, toLocalServer);

async function useTileServer(district: TestDistrict, template: string) {
  await platform.database.db
    .insert(rcMapSetting)
    .values({ districtCode: district.code, tileUrl: template })
    .onConflictDoUpdate({ target: rcMapSetting.districtCode, set: { tileUrl: template } });
}

describe('map tiles through our own origin', () => {
  it('fills a {z}/{x}/{y} template, with {s} as the first sub-domain', () => {
    expect(tileUrlOf('https://{s}.tiles.example/{z}/{x}/{y}.png?k=1', { z: 13, x: 6861, y: 3383 })).toBe(
      'https://a.tiles.example/13/6861/3383.png?k=1',
    );
  });

  it('fetches the configured server’s tile once and keeps it', async () => {
    await useTileServer(home, 'https://tiles.test/{z}/{x}/{y}.png');
    const first = await tileOf(home, 13, 6861, 3383);
    expect(first.contentType).toBe('image/png');
    expect(first.body.equals(png)).toBe(true);
    expect((await tileOf(home, 13, 6861, 3383)).body.equals(png)).toBe(true);
    expect(requested.filter((url) => url === '/13/6861/3383.png')).toHaveLength(1);
  });

  it('refuses a tile outside its zoom level, naming the coordinate', async () => {
    const response = await get(home.users.section.username, '/api/v1/risk-code/map/tiles/2/4/1');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(['x']);
    expect((await get(home.users.section.username, '/api/v1/risk-code/map/tiles/20/0/0')).statusCode).toBe(400);
  });

  it('answers 502 when the tile server fails or sends something that is not an image, and 404 when none is configured', async () => {
    await useTileServer(home, 'https://tiles.test/broken/{z}/{x}/{y}.png');
    await expect(tileOf(home, 1, 0, 0)).rejects.toMatchObject({ code: 'risk_code.tile_unavailable' });
    await useTileServer(home, 'https://tiles.test/html/{z}/{x}/{y}');
    await expect(tileOf(home, 1, 0, 0)).rejects.toMatchObject({ code: 'risk_code.tile_unavailable' });
    await useTileServer(home, 'https://unreachable.invalid/{z}/{x}/{y}.png');
    const unreachable = await get(home.users.section.username, '/api/v1/risk-code/map/tiles/1/0/0');
    expect(unreachable.statusCode).toBe(502);
    expect(unreachable.json().title).toBe('地图底图服务暂时无法访问');
    const none = await get(other.users.section.username, '/api/v1/risk-code/map/tiles/1/0/0');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('risk_code.tile_url_not_set');
  });

  it('is for staff only: an operator gets 403', async () => {
    expect((await get(home.users.operator.username, '/api/v1/risk-code/map/tiles/1/0/0')).statusCode).toBe(403);
  });

  it('takes only an https template with all of {z}, {x} and {y}', async () => {
    const cookie = await signIn(app, home.users.section.username);
    const put = (tileUrl: string | null) =>
      app.inject({ method: 'PUT', url: '/api/v1/risk-code/map/tile-url', headers: { cookie }, payload: { tileUrl } });
    const missingY = await put('https://tiles.example/{z}/{x}.png');
    expect(missingY.statusCode).toBe(400);
    expect(missingY.json().errors[0].field).toBe('tileUrl');
    expect((await put('http://tiles.example/{z}/{x}/{y}.png')).statusCode).toBe(400);
    expect((await put('https://tiles.example/{z}/{x}/{y}.png')).statusCode).toBe(200);
    expect((await put(null)).statusCode).toBe(200);
  });
});
