import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDistrict } from '../test/factories.ts';
import { signIn } from '../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../test/test-platform.ts';
import { appUser } from './auth/auth.tables.ts';
import type { AppInstance } from './http/routes.ts';

let platform: TestPlatform;
let app: AppInstance;
beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
});
afterAll(async () => {
  await app.close();
  await platform.database.close();
});

const usernamesSeenBy = async (username: string) => {
  const response = await app.inject({ method: 'GET', url: '/api/v1/users?pageSize=100', headers: { cookie: await signIn(app, username) } });
  expect(response.statusCode).toBe(200);
  return (response.json().items as { username: string }[]).map((user) => user.username);
};

describe('tenancy: districts', () => {
  it('a district never sees another district’s rows; a city account reads every district of its city', async () => {
    const cityCode = `8${String(Date.now() % 1000).padStart(3, '0')}00`;
    const first = await createTestDistrict(platform, { code: `${cityCode.slice(0, 4)}01`, cityCode });
    const second = await createTestDistrict(platform, { code: `${cityCode.slice(0, 4)}02`, cityCode });
    const elsewhere = await createTestDistrict(platform);

    const seenByFirst = await usernamesSeenBy(first.users.admin.username);
    expect(seenByFirst).toContain(first.users.leader.username);
    expect(seenByFirst.some((name) => name.endsWith(second.code) || name.endsWith(elsewhere.code))).toBe(false);

    await platform.database.db
      .update(appUser)
      .set({ reach: 'city' })
      .where(and(eq(appUser.districtCode, first.code), eq(appUser.id, first.users.admin.id)));
    const seenByCity = await usernamesSeenBy(first.users.admin.username);
    expect(seenByCity).toContain(second.users.leader.username);
    expect(seenByCity.some((name) => name.endsWith(elsewhere.code))).toBe(false);
  });
});
