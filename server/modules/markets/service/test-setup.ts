import { afterAll, beforeAll, expect } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createUser } from '../../../platform/accounts/accounts.service.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';

// The shared setup of this module's route tests (registration, roles, rapid-tests, upkeep, stars): each test file calls setUpMarketsDistrict() and gets its own database, app and district. `app`,
// `home`, `marketId` and `otherMarketId` are live bindings, set in beforeAll.

export let platform: TestPlatform;
export let app: AppInstance;
export let home: TestDistrict;
const cookies = new Map<string, string>();
export type Json = Record<string, unknown>;
export let marketId = 0;
export let otherMarketId = 0;
let serial = 0;

/**
 * A test platform and its app, and a district on 15 December 2020 with two registered urban farmers' markets (one on
 * station 1's street, one on station 2's); the first has its manager, testing room and organiser (decision 0039).
 */
export function setUpMarketsDistrict(): void {
  beforeAll(async () => {
    platform = await testPlatform();
    app = await testApp(platform);
    home = await createTestDistrict(platform);
    platform.clock.set('2020-12-15T02:00:00Z');
    marketId = await farmersMarketEntity(home.stations[0].streetCode);
    otherMarketId = await farmersMarketEntity(home.stations[1].streetCode);
    for (const id of [marketId, otherMarketId]) {
      const registered = await call(home.users.section.username, 'POST', '/api/v1/markets', {
        entityId: id,
        isUrban: true,
        operatorName: '国资运营',
        handedOverOn: '2020-06-01',
      });
      expect(registered.status, registered.text).toBe(201);
    }
    await createUser(home.ctx, {
      districtCode: home.code,
      username: manager(),
      displayName: '市场管理员',
      roles: ['market_manager'],
      orgUnitId: null,
      passwordOverride: testPassword,
      entityIds: [marketId],
    });
    for (const [username, role] of [
      [testingRoom(), 'market_testing_room'],
      [organiser(), 'market_organiser'],
    ] as const)
      await createUser(home.ctx, {
        districtCode: home.code,
        username,
        displayName: role,
        roles: [role],
        orgUnitId: null,
        passwordOverride: testPassword,
        entityIds: [marketId],
      });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await platform?.database.close();
  });
}

export const manager = () => `market-${home.code}`;
export const testingRoom = () => `testing-${home.code}`;
export const organiser = () => `organiser-${home.code}`;

/** Calls the app as a user, in Chinese, signing them in once; JSON answers parsed, the raw text kept. */
export async function call(
  username: string,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  if (!cookies.has(username)) cookies.set(username, await signIn(app, username));
  const response = await app.inject({
    method,
    url,
    headers: { cookie: cookies.get(username) as string, 'accept-language': 'zh-CN', ...headers },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const isJson = String(response.headers['content-type'] ?? '').includes('json');
  return { status: response.statusCode, body: (isJson ? response.json() : {}) as Json, text: response.body };
}

/** A registry entity named 测试农贸市场<n> on that street, made by the section: by default a farmers' market. */
export async function farmersMarketEntity(streetCode: string, category = 'farmers_market', kind = 'enterprise') {
  serial += 1;
  const body = `91${home.code}${String((Date.now() + serial * 7_919) % 1e6).padStart(6, '0')}${String(serial % 100).padStart(2, '0')}3`;
  const created = await call(home.users.section.username, 'POST', '/api/v1/entities', {
    creditCode: body + creditCodeCheckCharacter(body),
    name: `测试农贸市场${serial}`,
    kind,
    legalRepName: '赵六',
    legalRepIdNumber: '11010519491231002X',
    industryCode: 'L72',
    foundedOn: '2015-05-01',
    address: '测试路1号',
    streetCode,
    businessCategory: category,
  });
  expect(created.status, created.text).toBe(201);
  return created.body.id as number;
}

/** Vegetable stall A01 in the first market, held by an individual from the registry (as registration.test.ts makes it). */
export async function addStallA01(): Promise<{ stallId: number; holderName: string }> {
  const holder = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail', 'individual');
  const created = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, {
    number: 'A01',
    category: 'vegetables',
    holderEntityId: holder,
  });
  expect(created.status, created.text).toBe(201);
  return { stallId: created.body.id as number, holderName: created.body.holderName as string };
}
