import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
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
  it('reports health with the database engine and version', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { reachable: true, migration: expect.stringMatching(/^\d{4}_/) } });
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
