import { afterAll, beforeAll, expect } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';

// The shared setup of this module's route tests (makers, ccc-exemptions, ip-statistics, catalogue): each test file
// calls setUpProductQualityDistrict() and gets its own database, app and district. `home` is a live binding, set
// in beforeAll.

let platform: TestPlatform;
let app: AppInstance;
export let home: TestDistrict;
const cookies = new Map<string, string>();
export type Json = Record<string, unknown> & { errors?: { field: string; detail?: string }[] };
let serial = 0;

/** A test platform, its app and a fresh district for this test file, closed after it. */
export function setUpProductQualityDistrict(): void {
  beforeAll(async () => {
    platform = await testPlatform();
    app = await testApp(platform);
    home = await createTestDistrict(platform);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await platform?.database.close();
  });
}

/** Calls the app as one of the district's users, in Chinese, signing them in once. */
export async function call(
  user: keyof TestDistrict['users'],
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
  contentType?: string,
) {
  const username = home.users[user].username;
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: {
      cookie: cookies.get(username) as string,
      'accept-language': 'zh-CN',
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Json };
}

/** A valid unified social credit code in the test district, new on each call. */
export function creditCode() {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}1`;
  return body + creditCodeCheckCharacter(body);
}

/** A manufacturer registered by the section on station 1's street; its entity id. */
export async function manufacturer(name: string) {
  const created = await call('section', 'POST', '/api/v1/entities', {
    creditCode: creditCode(),
    name,
    kind: 'enterprise',
    legalRepName: '王五',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'C38',
    foundedOn: '2018-05-01',
    address: '质量路1号',
    streetCode: home.stations[0].streetCode,
    businessCategory: 'other',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as number;
}
