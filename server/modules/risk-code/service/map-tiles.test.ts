import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../config.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { mapTile, tileUrlOf } from './map-tiles.ts';

// Stand-ins for an internet tile server (not our database): local HTTP servers on 127.0.0.1 answering
// /{z}/{x}/{y}.png. The second one only counts requests: nothing may reach it through a redirect.
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const requested: string[] = [];
const elsewhere: string[] = [];
let tileServer: Server;
let otherServer: Server;
let tileOrigin: string;
let otherOrigin: string;

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  otherServer = createServer((request, response) => {
    elsewhere.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  otherOrigin = await listen(otherServer);
  tileServer = createServer((request, response) => {
    requested.push(request.url ?? '');
    if (request.url?.startsWith('/broken/')) return response.writeHead(500).end('no');
    if (request.url?.startsWith('/html/')) return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    if (request.url?.startsWith('/moved/')) return response.writeHead(302, { location: `${otherOrigin}/1/0/0.png` }).end();
    response.writeHead(200, { 'content-type': 'image/png' }).end(png);
  });
  tileOrigin = await listen(tileServer);
  platform = await testPlatform({ ZHIJIAN_MAP_TILE_URL: `${tileOrigin}/{z}/{x}/{y}.png` });
  app = await testApp(platform);
  home = await createTestDistrict(platform);
}, 60_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
  await new Promise((resolve) => tileServer?.close(resolve));
  await new Promise((resolve) => otherServer?.close(resolve));
});

async function get(username: string, url: string, on = app) {
  return on.inject({ method: 'GET', url, headers: { cookie: await signIn(on, username) } });
}

describe('map tiles through our own origin, from the operator’s tile server', () => {
  it('fills a {z}/{x}/{y} template, with {s} as the first sub-domain', () => {
    expect(tileUrlOf('https://{s}.tiles.example/{z}/{x}/{y}.png?k=1', { z: 13, x: 6861, y: 3383 })).toBe(
      'https://a.tiles.example/13/6861/3383.png?k=1',
    );
  });

  it('fetches the configured server’s tile once and keeps it', async () => {
    const first = await get(home.users.section.username, '/api/v1/risk-code/map/tiles/13/6861/3383');
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/png');
    expect(first.rawPayload.equals(png)).toBe(true);
    expect((await get(home.users.inspector1.username, '/api/v1/risk-code/map/tiles/13/6861/3383')).rawPayload.equals(png)).toBe(true);
    expect(requested.filter((url) => url === '/13/6861/3383.png')).toHaveLength(1);
  });

  it('refuses a tile outside its zoom level, naming the coordinate', async () => {
    const response = await get(home.users.section.username, '/api/v1/risk-code/map/tiles/2/4/1');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual(['x']);
    expect((await get(home.users.section.username, '/api/v1/risk-code/map/tiles/20/0/0')).statusCode).toBe(400);
  });

  it('answers 502 when the tile server fails or sends something that is not an image', async () => {
    await expect(mapTile(`${tileOrigin}/broken/{z}/{x}/{y}.png`, { z: 1, x: 0, y: 0 })).rejects.toMatchObject({
      code: 'risk_code.tile_unavailable',
    });
    await expect(mapTile(`${tileOrigin}/html/{z}/{x}/{y}`, { z: 1, x: 0, y: 0 })).rejects.toMatchObject({
      code: 'risk_code.tile_unavailable',
    });
  });

  it('does not follow a redirect to another server: the tile is unavailable and the other server sees nothing', async () => {
    await expect(mapTile(`${tileOrigin}/moved/{z}/{x}/{y}.png`, { z: 1, x: 0, y: 0 })).rejects.toMatchObject({
      code: 'risk_code.tile_unavailable',
    });
    expect(requested).toContain('/moved/1/0/0.png');
    expect(elsewhere).toEqual([]);
  });

  it('answers 404 without a configured tile server, and the map says so', async () => {
    const bare = await testPlatform();
    const bareApp = await testApp(bare);
    try {
      const district = await createTestDistrict(bare);
      const none = await get(district.users.section.username, '/api/v1/risk-code/map/tiles/1/0/0', bareApp);
      expect(none.statusCode).toBe(404);
      expect(none.json().code).toBe('risk_code.tile_url_not_set');
      expect((await get(district.users.section.username, '/api/v1/risk-code/map', bareApp)).json().hasTiles).toBe(false);
      expect((await get(home.users.section.username, '/api/v1/risk-code/map')).json().hasTiles).toBe(true);
    } finally {
      await bareApp.close();
      await bare.database.close();
    }
  }, 120_000);

  it('is for staff only: an operator gets 403; no route lets anyone change the address', async () => {
    expect((await get(home.users.operator.username, '/api/v1/risk-code/map/tiles/1/0/0')).statusCode).toBe(403);
    const cookie = await signIn(app, home.users.admin.username);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/v1/risk-code/map/tile-url',
      headers: { cookie },
      payload: { tileUrl: 'https://elsewhere.example/{z}/{x}/{y}.png' },
    });
    expect(put.statusCode).toBe(404);
  });

  it('takes at start only a template with {z}, {x} and {y} outside the host, https or http on this machine', () => {
    const problem = (template: string) => {
      try {
        parseConfig({ ZHIJIAN_MAP_TILE_URL: template });
        return undefined;
      } catch (error) {
        return error instanceof ConfigError ? error.variable : 'other';
      }
    };
    expect(problem('https://tiles.example/{z}/{x}/{y}.png')).toBeUndefined();
    expect(problem('https://{s}.tiles.example/{z}/{x}/{y}.png?key=k')).toBeUndefined();
    expect(problem('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBeUndefined();
    expect(problem('https://tiles.example/{z}/{x}.png')).toBe('ZHIJIAN_MAP_TILE_URL');
    expect(problem('http://tiles.example/{z}/{x}/{y}.png')).toBe('ZHIJIAN_MAP_TILE_URL');
    expect(problem('https://{z}.tiles.example/{x}/{y}.png')).toBe('ZHIJIAN_MAP_TILE_URL');
    expect(problem('https://user:secret@tiles.example/{z}/{x}/{y}.png')).toBe('ZHIJIAN_MAP_TILE_URL');
    expect(problem('file:///etc/{z}/{x}/{y}')).toBe('ZHIJIAN_MAP_TILE_URL');
  });
});
