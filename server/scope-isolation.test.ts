import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from './app.ts';
import type { AppInstance } from './platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from './test/factories.ts';
import type { CallAs } from './test/scope-probe.ts';
import { scopeProbes } from './test/scope-probes.ts';
import { signIn } from './test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from './test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
const cookies = new Map<string, string>();

async function cookieOf(username: string) {
  const known = cookies.get(username);
  if (known) return known;
  const cookie = await signIn(app, username);
  cookies.set(username, cookie);
  return cookie;
}

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  other = await createTestDistrict(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('data scope of every /:id route', () => {
  it('has a scope probe for every registered route with an id', () => {
    const idRoutes = registeredRoutes(app)
      .filter((route) => route.url.includes('/:id') && route.method !== 'HEAD')
      .map((route) => `${route.method} ${route.url}`);
    const probed = new Set(scopeProbes.map((probe) => probe.route));
    expect(idRoutes.filter((route) => !probed.has(route))).toEqual([]);
    expect(idRoutes.length).toBeGreaterThan(0);
  });

  for (const probe of scopeProbes) {
    it(`${probe.route}: another scope's id answers 404`, async () => {
      const call: CallAs = async (username, method, url, body, contentType) => {
        const send = async () =>
          app.inject({
            method,
            url,
            headers: { cookie: await cookieOf(username), ...(contentType ? { 'content-type': contentType } : {}) },
            ...(body === undefined ? {} : { payload: body as object }),
          });
        let response = await send();
        // A setup that changes a user's roles or businesses ends their sessions: sign in again, once.
        if (response.statusCode === 401) {
          cookies.delete(username);
          response = await send();
        }
        const isJson = String(response.headers['content-type'] ?? '').includes('json');
        return { status: response.statusCode, body: isJson ? response.json() : response.body };
      };
      const { id, body, outsiders } = await probe.setup({ home, other, call });
      const [method, url] = probe.route.split(' ') as [string, string];
      expect(outsiders.length).toBeGreaterThan(0);
      for (const outsider of outsiders) {
        const ask = async () =>
          app.inject({
            method: method as 'GET',
            url: url.replace(':id', String(id)),
            headers: { cookie: await cookieOf(outsider) },
            ...(method === 'GET' ? {} : { payload: (body ?? {}) as object }),
          });
        let response = await ask();
        if (response.statusCode === 401) {
          cookies.delete(outsider);
          response = await ask();
        }
        expect({ outsider, status: response.statusCode }).toEqual({ outsider, status: 404 });
      }
    });
  }
});
