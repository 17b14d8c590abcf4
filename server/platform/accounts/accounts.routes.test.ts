import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { createTestDistrict, type TestDistrict } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';
import type { AppInstance } from '../http/routes.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let other: TestDistrict;
let serial = 0;

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

async function createShop(world: TestDistrict): Promise<number> {
  serial += 1;
  const body = `92${world.code}${String(serial).padStart(8, '0')}0`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/entities',
    headers: { cookie: await signIn(app, world.users.section.username) },
    payload: {
      creditCode: body + creditCodeCheckCharacter(body),
      name: `小吃店${serial}`,
      kind: 'individual',
      legalRepName: '王五',
      industryCode: 'H62',
      foundedOn: '2020-01-01',
      address: '人民路1号',
      streetCode: world.stations[0].streetCode,
      businessCategory: 'catering',
    },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

describe('user administration', () => {
  it('creates a user with a one-time password that must be changed, and shows it once', async () => {
    const admin = await signIn(app, home.users.admin.username);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: `new.inspector.${home.code}`, displayName: '新执法人员', roles: ['inspector'], orgUnitId: home.stations[1].id },
    });
    expect(response.statusCode).toBe(201);
    const { user, initialPassword } = response.json();
    expect(user).toMatchObject({ roles: ['inspector'], orgUnitName: '二所', isDisabled: false, entityIds: [] });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: initialPassword },
    });
    expect(login.json().user.mustChangePassword).toBe(true);
    const again = await app.inject({ method: 'GET', url: `/api/v1/users/${user.id}`, headers: { cookie: admin } });
    expect(again.body).not.toContain(initialPassword);
  });

  it('refuses a taken username with 409 and an org unit of another district naming the field', async () => {
    const admin = await signIn(app, home.users.admin.username);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: home.users.leader.username, displayName: 'x', roles: ['leader'] },
    });
    expect(taken.statusCode).toBe(409);
    const foreignUnit = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: `x.${home.code}`, displayName: 'x', roles: ['leader'], orgUnitId: other.bureauId },
    });
    expect(foreignUnit.statusCode).toBe(400);
    expect(foreignUnit.json().errors[0].field).toBe('orgUnitId');
  });

  it('binds an operator to their shop: they then see it, and nothing else', async () => {
    const shop = await createShop(home);
    const otherShop = await createShop(home);
    const admin = await signIn(app, home.users.admin.username);
    const bound = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${home.users.operator.id}`,
      headers: { cookie: admin },
      payload: { entityIds: [shop] },
    });
    expect(bound.statusCode).toBe(200);
    expect(bound.json().entityIds).toEqual([shop]);
    const operator = await signIn(app, home.users.operator.username);
    const list = await app.inject({ method: 'GET', url: '/api/v1/entities', headers: { cookie: operator } });
    expect(list.json().items.map((item: { id: number }) => item.id)).toEqual([shop]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/entities/${otherShop}`, headers: { cookie: operator } })).statusCode).toBe(404);
  });

  it('refuses to bind an entity of another district, naming the field, and changes nothing', async () => {
    const foreignShop = await createShop(other);
    const admin = await signIn(app, home.users.admin.username);
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${home.users.operator.id}`,
      headers: { cookie: admin },
      payload: { displayName: '不应改名', entityIds: [foreignShop] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'entityIds', code: 'unknown' });
    const user = await app.inject({ method: 'GET', url: `/api/v1/users/${home.users.operator.id}`, headers: { cookie: admin } });
    expect(user.json().displayName).not.toBe('不应改名');
  });
});
