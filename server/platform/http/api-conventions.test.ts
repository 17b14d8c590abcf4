import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { cateringShop } from '../../test/probe-fixtures.ts';
import { apiCaller, signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from './routes.ts';

let platform: TestPlatform;
let app: AppInstance;
let world: TestDistrict;
let admin: string;
beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  world = await createTestDistrict(platform);
  admin = await signIn(app, world.users.admin.username);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

describe('bad input', () => {
  it('names every bad field of a malformed body, in Chinese by default', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'A!', roles: ['wizard'], colour: 'blue' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body.title).toBe('请求有误，请检查标出的字段');
    const byField = Object.fromEntries(body.errors.map((error: { field: string; message: string }) => [error.field, error.message]));
    expect(byField).toMatchObject({ username: '格式不正确', displayName: '必填', colour: '不允许的字段' });
    expect(byField['roles.0']).toMatch(/^取值应为：admin, leader/);
  });

  it('refuses NUL and broken Unicode in any text, numbers beyond what can be stored and impossible dates, naming each field', async () => {
    const shop = await cateringShop({ home: world, other: world, call: apiCaller(() => app) });
    const ask = async (method: 'GET' | 'POST', url: string, payload?: string) => {
      const response = await app.inject({
        method,
        url,
        headers: { cookie: admin, 'accept-language': 'en', ...(payload ? { 'content-type': 'application/json' } : {}) },
        ...(payload ? { payload } : {}),
      });
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      return {
        status: response.statusCode,
        fields: (response.json().errors ?? []).map((error: { in: string; field: string }) => `${error.in}:${error.field}`),
      };
    };
    expect(await ask('GET', '/api/v1/entities?q=%00')).toEqual({ status: 400, fields: ['querystring:q'] });
    expect(await ask('GET', '/api/v1/entities?q=%ED%A0%80&page=99999999999999999999')).toMatchObject({ status: 400 });
    expect(await ask('GET', '/api/v1/entities?page=99999999999999999999')).toEqual({ status: 400, fields: ['querystring:page'] });
    expect(await ask('GET', '/api/v1/entities?page=1e309')).toEqual({ status: 400, fields: ['querystring:page'] });
    expect(await ask('GET', '/api/v1/registry/statistics?asOf=2026-02-30')).toEqual({ status: 400, fields: ['querystring:asOf'] });
    expect(await ask('GET', '/api/v1/registry/statistics?asOf=9999-12-31')).toEqual({ status: 400, fields: ['querystring:asOf'] });
    // The reveal reason goes into the audit chain: an unpaired surrogate there once made `audit verify` fail for good.
    expect(await ask('POST', `/api/v1/entities/${shop}/reveal`, '{"field":"legalRepIdNumber","reason":"x\\ud800y"}')).toEqual({
      status: 400,
      fields: ['body:reason'],
    });
    expect(await ask('POST', '/api/v1/auth/login', '{"username":"a\\u0000b","password":1e309}')).toEqual({
      status: 400,
      fields: ['body:username'],
    });
    // Several at once: the schema's findings and these together.
    expect((await ask('POST', '/api/v1/users', '{"username":"x\\u0000y","displayName":"\\udfff","roles":["wizard"]}')).fields).toEqual(
      expect.arrayContaining(['body:username', 'body:displayName', 'body:roles.0']),
    );
  });

  it('answers an over-long or malformed address with problem+json too (414 or 404, 400)', async () => {
    const long = await app.inject({ method: 'GET', url: `/api/v1/entities/${'9'.repeat(200)}`, headers: { cookie: admin } });
    // 414 from the router; 404 when the built web app's catch-all route takes the over-long address instead.
    expect([414, 404]).toContain(long.statusCode);
    expect(long.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(['uri_too_long', 'not_found']).toContain(long.json().code);
    const malformed = await app.inject({ method: 'GET', url: '/api/v1/entities/%E0', headers: { cookie: admin } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('answers a duplicate certificate number with 409 naming the field, caught where the database refuses it', async () => {
    const product = {
      firmName: '宁波测试制造有限公司',
      firmCreditCode: '91330212MA2AAAAA1X',
      productName: '不锈钢保温杯',
      certificateNumber: 'PZB-2026-0001',
      issuer: '浙江制造认证联盟',
      validUntil: '2028-12-31',
      standard: 'T/ZZB 0001-2026',
    };
    const post = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/risk-code/products',
        headers: { cookie: admin, 'accept-language': 'en' },
        payload: product,
      });
    expect((await post()).statusCode).toBe(201);
    const again = await post();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_exists', errors: [{ field: 'certificateNumber', code: 'duplicate' }] });
  });

  it('answers in English when the client asks for it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin, 'accept-language': 'en-GB,en;q=0.9' },
      payload: { username: 'valid.name', roles: ['admin'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      title: 'The request has errors; check the fields listed',
      errors: [{ in: 'body', field: 'displayName', code: 'required', message: 'is required' }],
    });
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "x", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('invalid_request');
  });

  it('answers 415 for a body of another type and 404 as problem+json for an unknown route', async () => {
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/xml' },
      payload: '<x/>',
    });
    expect(wrongType.statusCode).toBe(415);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('rejects an id that is not a number in the path with 400 naming it', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/users/abc', headers: { cookie: admin } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ in: 'params', field: 'id' });
  });
});

describe('access', () => {
  it('answers 401 without a session and 403 for a role that may not', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    const inspector = await signIn(app, world.users.inspector1.username);
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: inspector } })).statusCode).toBe(403);
  });

  it('blocks a state-changing request from another origin (CSRF)', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin, origin: 'https://evil.example' },
      payload: { username: 'sneaky', displayName: 'x', roles: ['admin'] },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('cross_site_request');
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: admin, 'sec-fetch-site': 'cross-site' },
      payload: {},
    });
    expect(crossSite.statusCode).toBe(403);
  });
});

describe('platform endpoints and headers', () => {
  it('answers liveness and readiness to anyone with no detail, and the detail to admins only', async () => {
    const live = await app.inject({ method: 'GET', url: '/api/health' });
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.json()).toEqual({ status: 'ok' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/system/health' })).statusCode).toBe(401);
    const detail = await app.inject({ method: 'GET', url: '/api/v1/system/health', headers: { cookie: admin } });
    expect(detail.json()).toMatchObject({ status: 'ok', database: { reachable: true, migration: expect.stringMatching(/^\d{4}_/) } });
  });

  it('liveness does not touch the database: it answers while the database is gone, readiness does not', async () => {
    const gone = await testPlatform();
    const goneApp = await testApp(gone);
    try {
      await gone.database.close();
      expect((await goneApp.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const ready = await goneApp.inject({ method: 'GET', url: '/api/health/ready' });
      expect({ status: ready.statusCode, body: ready.json() }).toEqual({ status: 503, body: { status: 'unavailable' } });
    } finally {
      await goneApp.close();
    }
  });

  it('in production, shows the API description to signed-in users only', async () => {
    const production = await testPlatform({ NODE_ENV: 'production', ZHIJIAN_DATA_KEY: Buffer.alloc(32, 9).toString('base64') });
    const prodApp = await testApp(production);
    try {
      for (const url of ['/api/openapi.json', '/api/docs/json', '/api/docs/']) {
        expect({ url, status: (await prodApp.inject({ method: 'GET', url })).statusCode }).toEqual({ url, status: 401 });
      }
      const local = await createTestDistrict(production);
      const cookie = await signIn(prodApp, local.users.operator.username);
      expect((await prodApp.inject({ method: 'GET', url: '/api/openapi.json', headers: { cookie } })).statusCode).toBe(200);
      expect((await prodApp.inject({ method: 'GET', url: '/api/docs/json', headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await prodApp.close();
      await production.database.close();
    }
  });

  it('sends security headers and no-store on API responses', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    // no-referrer would make browsers send Origin: null on the public (script-free) form posts.
    expect(response.headers['referrer-policy']).toBe('same-origin');
    const api = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['strict-transport-security']).toBeUndefined();
  });

  it('publishes an OpenAPI document whose request bodies forbid unknown fields', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const login = document.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    expect(login.additionalProperties).toBe(false);
  });

  it('paginates lists as {items, total}', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/users?page=2&pageSize=3', headers: { cookie: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.json().total).toBe(7);
    expect(response.json().items).toHaveLength(3);
  });
});
