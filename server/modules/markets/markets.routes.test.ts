import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/credit-code.ts';
import { createUser } from '../../platform/accounts/accounts.service.ts';
import type { AppInstance } from '../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict, testPassword } from '../../test/factories.ts';
import { signIn } from '../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../test/test-platform.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
const cookies = new Map<string, string>();
type Json = Record<string, unknown>;
let marketId = 0;
let otherMarketId = 0;
let stallId = 0;
let serial = 0;

async function call(
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

async function farmersMarketEntity(streetCode: string, category = 'farmers_market', kind = 'enterprise') {
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
    username: `market-${home.code}`,
    displayName: '市场管理员',
    roles: ['market_manager'],
    orgUnitId: null,
    passwordOverride: testPassword,
    entityIds: [marketId],
  });
  // The market's testing room and organiser, bound to the same market (decision 0039).
  for (const [username, role] of [
    [`testing-${home.code}`, 'market_testing_room'],
    [`organiser-${home.code}`, 'market_organiser'],
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

const manager = () => `market-${home.code}`;

describe('markets', () => {
  it('refuses a business that is not a farmers’ market, naming the field', async () => {
    const shop = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail');
    const refused = await call(home.users.section.username, 'POST', '/api/v1/markets', { entityId: shop, isUrban: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('entityId');
    expect((await call(home.users.section.username, 'POST', '/api/v1/markets', { entityId: marketId, isUrban: true })).status).toBe(409);
  });

  it('the market manager sees only their own market', async () => {
    const list = await call(manager(), 'GET', '/api/v1/markets');
    expect(list.status).toBe(200);
    expect((list.body.items as { id: number }[]).map((item) => item.id)).toEqual([marketId]);
    expect((await call(manager(), 'GET', `/api/v1/markets/${otherMarketId}`)).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/${otherMarketId}/stalls`, { number: 'Z01', category: 'meat' })).status).toBe(
      404,
    );
    expect((await call(home.users.inspector2.username, 'GET', `/api/v1/markets/${marketId}`)).status).toBe(404);
    expect((await call(home.users.inspector1.username, 'GET', `/api/v1/markets/${marketId}`)).status).toBe(200);
    expect((await call(home.users.operator.username, 'GET', '/api/v1/markets')).status).toBe(403);
  });

  it('stalls: a holder from the registry, numbers unique in the market', async () => {
    const holder = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail', 'individual');
    const created = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, {
      number: 'A01',
      category: 'vegetables',
      holderEntityId: holder,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.holderName).toMatch(/^测试农贸市场/);
    stallId = created.body.id as number;
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'A01', category: 'meat' })).status).toBe(409);
    const bad = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'A 02', category: 'cars' });
    expect(bad.status).toBe(400);
    const fields = JSON.stringify(bad.body);
    expect(fields).toContain('number');
    expect(fields).toContain('category');
  });

  it('a positive rapid test blocks the lot; handling destroys and reports it', async () => {
    const negative = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '青菜',
      item: 'pesticide_residue',
      result: 'negative',
    });
    expect(negative.status, negative.text).toBe(201);
    expect(negative.body).toMatchObject({ lotStatus: 'released', handlingDone: true, testedOn: '2020-12-15', stallNumber: 'A01' });
    const positive = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '豇豆',
      item: 'pesticide_residue',
      result: 'positive',
    });
    expect(positive.body).toMatchObject({ lotStatus: 'blocked', handlingDone: false });
    const id = positive.body.id as number;
    const summary = await call(manager(), 'GET', `/api/v1/markets/${marketId}`);
    expect(summary.body).toMatchObject({ testsToday: 2, positivesToday: 1, blockedLots: 1 });
    const blocked = await call(manager(), 'GET', `/api/v1/markets/${marketId}/rapid-tests?blocked=true`);
    expect((blocked.body.items as { id: number }[]).map((item) => item.id)).toEqual([id]);
    expect((await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 're_test' })).status).toBe(400);
    expect(
      (await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'destroy', note: '现场销毁' })).body.lotStatus,
    ).toBe('destroyed');
    expect((await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'destroy' })).status).toBe(409);
    const reported = await call(manager(), 'POST', `/api/v1/markets/rapid-tests/${id}/handle`, { action: 'report' });
    expect(reported.body).toMatchObject({ lotStatus: 'destroyed', handlingDone: true });
    expect(reported.body.handlingNote).toBe('2020-12-15 destroy 现场销毁\n2020-12-15 report');
    const future = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      testedOn: '2020-12-16',
      product: '青菜',
      item: 'pesticide_residue',
      result: 'negative',
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('testedOn');
  });

  it('imports the device CSV with row-level errors, all or nothing', async () => {
    const bad =
      '检测日期,摊位号,样品名称,检测项目,检测结果\n2020/12/15 08:01,A01,青菜,农药残留,阴性\n2020/12/15 08:02,B99,芹菜,农残,阳性\n2020/13/01,A01,,重金属,阴性\n';
    const checked = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, { csv: bad });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ rows: 3, imported: 0, dryRun: true });
    expect(
      (checked.body.errors as { row: number; field: string; problem: string }[]).map(({ row, field, problem }) => ({
        row,
        field,
        problem,
      })),
    ).toEqual([
      { row: 3, field: 'stall', problem: 'unknown_stall' },
      { row: 4, field: 'testedOn', problem: 'invalid' },
      { row: 4, field: 'product', problem: 'missing' },
      { row: 4, field: 'item', problem: 'invalid' },
    ]);
    const good =
      '检测日期,摊位号,样品名称,检测项目,检测结果\n2020/12/15 08:01,A01,青菜,农药残留,阴性\n2020/12/15 08:02,A01,韭菜,农残,阳性\n';
    const imported = await call(manager(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, { csv: good });
    expect(imported.body).toMatchObject({ rows: 2, imported: 2, positives: 1, dryRun: false, errors: [] });
    expect((await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body).toMatchObject({ testsToday: 4, blockedLots: 1 });
  });

  it('prices: key products only, flags against the district median and the week before', async () => {
    expect(
      (
        await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, {
          priceOn: '2020-12-08',
          items: [{ product: '猪肉', priceFen: 2600 }],
        })
      ).status,
    ).toBe(200);
    await call(home.users.section.username, 'POST', `/api/v1/markets/${otherMarketId}/prices`, {
      items: [{ product: '猪肉', priceFen: 2500 }],
    });
    const today = await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '猪肉', priceFen: 3300 }] });
    expect(today.status, today.text).toBe(200);
    const pork = (today.body.items as { product: string }[]).find((item) => item.product === '猪肉');
    // median of 3300 and 2500 is 2900: 3300 is 13.8% above (no flag); against 2600 a week before, +26.9% (flag).
    expect(pork).toEqual({ product: '猪肉', priceFen: 3300, districtMedianFen: 2900, weekBeforeFen: 2600, flags: ['week_rise'] });
    const bad = await call(manager(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '榴莲', priceFen: 100 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('items.0.product');
  });

  it('scales overdue after 12 months; cleaning by level and party', async () => {
    await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'S-1', verifiedOn: '2019-12-14' });
    await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'S-2', verifiedOn: '2019-12-15', stallId });
    const scales = await call(manager(), 'GET', `/api/v1/markets/${marketId}/scales`);
    expect(
      (scales.body.items as { serial: string; validUntil: string; overdue: boolean }[]).map(({ serial, validUntil, overdue }) => ({
        serial,
        validUntil,
        overdue,
      })),
    ).toEqual([
      { serial: 'S-1', validUntil: '2020-12-13', overdue: true },
      { serial: 'S-2', validUntil: '2020-12-14', overdue: true },
    ]);
    const cleaned = await call(manager(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 92 });
    expect(cleaned.body).toMatchObject({ level: 'weekly', party: 'manager', doneOn: '2020-12-15', score: 92 });
    const detail = await call(manager(), 'GET', `/api/v1/markets/${marketId}`);
    expect(detail.body.cleaning).toEqual([
      { level: 'daily', party: 'stall_holder', lastDoneOn: null, overdue: true, averageScore30Days: null },
      { level: 'weekly', party: 'manager', lastDoneOn: '2020-12-15', overdue: false, averageScore30Days: 92 },
      { level: 'monthly', party: 'organiser', lastDoneOn: null, overdue: true, averageScore30Days: null },
    ]);
    expect(detail.body.overdueScales).toBe(2);
  });

  it('star ratings from the indicators in force; the 2021 targets', async () => {
    const points = { food_safety: 27, environment_order: 20, honest_business: 16, price_metering: 12, facilities: 8 };
    const rated = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/star-ratings`, {
      assessedOn: '2020-11-20',
      points,
    });
    expect(rated.status, rated.text).toBe(201);
    expect(rated.body).toMatchObject({ score: 83, stars: 4, validUntil: '2023-11-19' });
    const bad = await call(home.users.section.username, 'POST', `/api/v1/markets/${marketId}/star-ratings`, {
      assessedOn: '2020-11-20',
      points: { ...points, food_safety: 40, other: 1 },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('points.food_safety');
    expect(JSON.stringify(bad.body)).toContain('points.other');
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/star-ratings`, { assessedOn: '2020-11-20', points })).status).toBe(
      403,
    );
    const progress = await call(home.users.section.username, 'GET', '/api/v1/markets/star-progress?on=2020-12-15');
    expect(progress.body).toMatchObject({
      markets: 2,
      urbanMarkets: 2,
      urbanAtLeastTwo: 1,
      atLeastThree: 1,
      atLeastThreePercent: 50,
      urbanTargetMet: false,
      threeStarTargetMet: true,
    });
  });

  it('settings by effective date, every bad field named', async () => {
    const current = await call(home.users.section.username, 'GET', '/api/v1/markets/settings');
    expect(current.body).toMatchObject({ effectiveFrom: null, priceAnomalyPercent: 20, starValidityYears: 3 });
    const { effectiveFrom: _, ...rest } = current.body;
    const bad = await call(home.users.section.username, 'PUT', '/api/v1/markets/settings', {
      ...rest,
      effectiveFrom: '2021-01-01',
      starThresholds: [70, 60, 80, 90],
      keyProducts: ['猪肉', '猪肉'],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('starThresholds');
    expect(JSON.stringify(bad.body)).toContain('keyProducts');
    const saved = await call(home.users.section.username, 'PUT', '/api/v1/markets/settings', {
      ...rest,
      effectiveFrom: '2021-01-01',
      priceAnomalyPercent: 15,
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await call(home.users.section.username, 'GET', '/api/v1/markets/settings?on=2021-01-01')).body).toMatchObject({
      effectiveFrom: '2021-01-01',
      priceAnomalyPercent: 15,
    });
    expect((await call(home.users.section.username, 'GET', '/api/v1/markets/settings?on=2020-12-31')).body.priceAnomalyPercent).toBe(20);
  });

  it('the big screen: a market token shows its tests and blocked lots, no person; revoked tokens stop', async () => {
    const made = await call(manager(), 'POST', '/api/v1/markets/screen-tokens', { label: '市场大屏', marketId });
    expect(made.status, made.text).toBe(201);
    expect(made.body.url).toBe(`/screen/markets/${marketId}#token=${made.body.token}`);
    expect((await call(manager(), 'POST', '/api/v1/markets/screen-tokens', { label: '全区' })).status).toBe(400);
    const screen = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': made.body.token as string },
    });
    expect(screen.statusCode).toBe(200);
    const data = screen.json() as Json;
    expect(data).toMatchObject({
      kind: 'market',
      today: '2020-12-15',
      market: { id: marketId, stars: 4, testsToday: 4, positivesToday: 2, blockedLots: 1 },
    });
    expect(data.blocked).toEqual([{ stallNumber: 'A01', product: '韭菜', item: 'pesticide_residue', testedOn: '2020-12-15' }]);
    expect(screen.body).not.toContain('测试农贸市场3'); // the stall holder's name never shows
    const overview = await call(home.users.leader.username, 'POST', '/api/v1/markets/screen-tokens', { label: '全区农贸市场' });
    const district = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': overview.body.token as string },
    });
    expect(district.json()).toMatchObject({ kind: 'district', progress: { markets: 2 } });
    expect((district.json() as { markets: unknown[] }).markets).toHaveLength(2);
    const tokens = await call(manager(), 'GET', '/api/v1/markets/screen-tokens');
    expect((tokens.body.items as unknown[]).length).toBe(1);
    expect((await call(manager(), 'POST', `/api/v1/markets/screen-tokens/${overview.body.id}/revoke`)).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/screen-tokens/${made.body.id}/revoke`)).body.revokedAt).toBeTruthy();
    const stopped = await app.inject({
      method: 'GET',
      url: '/api/screen/v1/markets',
      headers: { 'x-screen-token': made.body.token as string },
    });
    expect(stopped.statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/screen/v1/markets', headers: { 'x-screen-token': 'nonsense' } })).statusCode).toBe(
      401,
    );
  });

  it('the public page shows the day’s tests without script or person', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/markets/${home.code}/${marketId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('快检结果公示');
    expect(page.body).toContain('韭菜');
    expect(page.body).not.toContain('<script');
    expect((await app.inject({ method: 'GET', url: `/public/markets/${home.code}/999999` })).statusCode).toBe(404);
  });
});

const testingRoom = () => `testing-${home.code}`;
const organiser = () => `organiser-${home.code}`;

describe('the market’s testing room and organiser (decision 0039)', () => {
  it('the testing room enters rapid tests and handles lots of its own market, nothing else', async () => {
    const test = await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
      stallId,
      product: '韭菜',
      item: 'pesticide_residue',
      result: 'positive',
    });
    expect(test.status, test.text).toBe(201);
    expect(test.body.lotStatus).toBe('blocked');
    const handled = await call(testingRoom(), 'POST', `/api/v1/markets/rapid-tests/${test.body.id}/handle`, { action: 'destroy' });
    expect(handled.status, handled.text).toBe(200);
    const imported = await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/rapid-tests/import`, {
      csv: '检测日期,摊位号,样品名称,检测项目,检测结果\n2020-12-15,A01,青菜,农残,阴性\n',
      dryRun: true,
    });
    expect(imported.status, imported.text).toBe(200);
    expect((await call(testingRoom(), 'GET', `/api/v1/markets/${marketId}/stalls`)).status).toBe(200);
    expect((await call(testingRoom(), 'GET', '/api/v1/markets')).body.items).toHaveLength(1);
    // Not its market, and none of the manager's other work.
    expect(
      (
        await call(testingRoom(), 'POST', `/api/v1/markets/${otherMarketId}/rapid-tests`, {
          stallId,
          product: '青菜',
          item: 'pesticide_residue',
          result: 'negative',
        })
      ).status,
    ).toBe(404);
    expect((await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'T01', category: 'meat' })).status).toBe(403);
    expect(
      (await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/prices`, { items: [{ product: '猪肉', priceFen: 2600 }] })).status,
    ).toBe(403);
    expect(
      (await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/scales`, { serial: 'T-1', verifiedOn: '2020-12-01' })).status,
    ).toBe(403);
    expect((await call(testingRoom(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'daily', score: 90 })).status).toBe(403);
    expect((await call(testingRoom(), 'POST', '/api/v1/markets/screen-tokens', { label: 'x', marketId })).status).toBe(403);
    expect((await call(testingRoom(), 'GET', '/api/v1/entities')).status).toBe(403);
  });

  it('the organiser records the monthly round and reads its market; no other round, no test', async () => {
    const monthly = await call(organiser(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'monthly', score: 88 });
    expect(monthly.status, monthly.text).toBe(201);
    expect(monthly.body).toMatchObject({ level: 'monthly', party: 'organiser', score: 88 });
    const weekly = await call(organiser(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 88 });
    expect(weekly.status).toBe(400);
    expect((weekly.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['level']);
    expect((await call(organiser(), 'GET', `/api/v1/markets/${marketId}`)).status).toBe(200);
    expect((await call(organiser(), 'GET', `/api/v1/markets/${otherMarketId}`)).status).toBe(404);
    expect((await call(organiser(), 'POST', `/api/v1/markets/${otherMarketId}/cleaning`, { level: 'monthly', score: 80 })).status).toBe(
      404,
    );
    expect(
      (
        await call(organiser(), 'POST', `/api/v1/markets/${marketId}/rapid-tests`, {
          stallId,
          product: '青菜',
          item: 'pesticide_residue',
          result: 'negative',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(organiser(), 'POST', `/api/v1/markets/${marketId}/inspections`, { results: [{ code: 'zoning', passed: true }] })).status,
    ).toBe(403);
    // The manager still records any round.
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/cleaning`, { level: 'weekly', score: 90 })).status).toBe(201);
  });
});

describe('registration updates, complaints per market and stall, station check-lists', () => {
  it('updates a market (section) and a stall’s holder (manager), naming bad fields', async () => {
    const updated = await call(home.users.section.username, 'PUT', `/api/v1/markets/${marketId}`, {
      isUrban: false,
      operatorName: '区国资公司',
      handedOverOn: '2020-07-01',
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ isUrban: false, operatorName: '区国资公司', handedOverOn: '2020-07-01' });
    const future = await call(home.users.section.username, 'PUT', `/api/v1/markets/${marketId}`, {
      isUrban: true,
      handedOverOn: '2030-01-01',
    });
    expect(future.status).toBe(400);
    expect((future.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['handedOverOn']);
    expect((await call(manager(), 'PUT', `/api/v1/markets/${marketId}`, { isUrban: true })).status).toBe(403);
    const badStall = await call(manager(), 'PUT', `/api/v1/markets/stalls/${stallId}`, { category: 'meat', holderEntityId: 999_999_999 });
    expect(badStall.status).toBe(400);
    expect((badStall.body.errors as { field: string }[]).map((error) => error.field)).toEqual(['holderEntityId']);
    const stall = await call(manager(), 'PUT', `/api/v1/markets/stalls/${stallId}`, { category: 'meat', holderEntityId: null });
    expect(stall.status, stall.text).toBe(200);
    expect(stall.body).toMatchObject({ category: 'meat', holderEntityId: null, holderName: null, complaints: 0 });
  });

  it('counts complaints about the market and its stall holders; short-weight ones beside the scales', async () => {
    const holder = await farmersMarketEntity(home.stations[0].streetCode, 'food_retail', 'individual');
    const stall = await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, {
      number: 'C01',
      category: 'meat',
      holderEntityId: holder,
    });
    expect(stall.status, stall.text).toBe(201);
    const stallC = stall.body.id as number;
    // The same holder keeps a second stall in the market: its complaints still count once for the market.
    expect(
      (await call(manager(), 'POST', `/api/v1/markets/${marketId}/stalls`, { number: 'C02', category: 'meat', holderEntityId: holder }))
        .status,
    ).toBe(201);
    expect(
      (
        await call(manager(), 'POST', `/api/v1/markets/${marketId}/scales`, {
          serial: 'C-SCALE',
          verifiedOn: '2020-12-01',
          stallId: stallC,
        })
      ).status,
    ).toBe(201);
    const before = (await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body;
    const complain = async (entityId: number, category: string) => {
      const made = await call(home.users.section.username, 'POST', '/api/v1/complaints', {
        kind: 'complaint',
        channel: 'hotline_12315',
        category,
        entityId,
        complainantName: '李小明',
        complainantPhone: '13912345678',
        complainantAddress: '中河街道88号',
        facts: '称重不足',
        request: '退还差价',
      });
      expect(made.status, made.text).toBe(201);
    };
    await complain(holder, 'metrology');
    await complain(holder, 'metrology');
    await complain(holder, 'price');
    await complain(marketId, 'food');
    const after = (await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).body;
    expect((after.complaints as number) - (before.complaints as number)).toBe(4);
    expect((after.shortWeightComplaints as number) - (before.shortWeightComplaints as number)).toBe(2);
    const other = (await call(home.users.section.username, 'GET', `/api/v1/markets/${otherMarketId}`)).body;
    expect(other).toMatchObject({ complaints: 0, shortWeightComplaints: 0 });
    const stalls = (await call(manager(), 'GET', `/api/v1/markets/${marketId}/stalls`)).body.items as Record<string, unknown>[];
    expect(stalls.find((item) => item.number === 'C01')).toMatchObject({ complaints: 3, shortWeightComplaints: 2 });
    expect(stalls.find((item) => item.number === 'A01')).toMatchObject({ complaints: 0, shortWeightComplaints: 0 });
    const scales = (await call(manager(), 'GET', `/api/v1/markets/${marketId}/scales`)).body.items as Record<string, unknown>[];
    expect(scales.find((item) => item.serial === 'C-SCALE')).toMatchObject({ stallNumber: 'C01', shortWeightComplaints: 2 });
    const list = (await call(home.users.section.username, 'GET', '/api/v1/markets')).body.items as Record<string, unknown>[];
    expect(list.find((item) => item.id === marketId)).toMatchObject({
      complaints: after.complaints,
      shortWeightComplaints: after.shortWeightComplaints,
    });
  });

  it('the station inspector fills the check-list in force; every bad answer named; the result shows on the market and screen', async () => {
    const settings = (await call(home.users.inspector1.username, 'GET', '/api/v1/markets/settings')).body;
    const items = settings.checklistItems as { code: string }[];
    expect(items).toHaveLength(8);
    const bad = await call(home.users.inspector1.username, 'POST', `/api/v1/markets/${marketId}/inspections`, {
      results: [
        { code: 'zoning', passed: true },
        { code: 'zoning', passed: false },
        { code: 'noise', passed: true },
      ],
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields.slice(0, 2)).toEqual(['results[1].code', 'results[2].code']);
    expect(fields.filter((field) => field === 'results')).toHaveLength(7);
    const results = items.map((item, index) => ({ code: item.code, passed: index !== 2 }));
    const done = await call(home.users.inspector1.username, 'POST', `/api/v1/markets/${marketId}/inspections`, {
      results,
      note: '垃圾未分类',
    });
    expect(done.status, done.text).toBe(201);
    expect(done.body).toMatchObject({ passed: 7, total: 8, passPercent: 88, note: '垃圾未分类', inspectedOn: '2020-12-15' });
    expect((await call(home.users.inspector2.username, 'POST', `/api/v1/markets/${marketId}/inspections`, { results })).status).toBe(404);
    expect((await call(manager(), 'POST', `/api/v1/markets/${marketId}/inspections`, { results })).status).toBe(403);
    const listed = await call(manager(), 'GET', `/api/v1/markets/${marketId}/inspections`);
    expect(listed.body.total).toBe(1);
    expect(await call(manager(), 'GET', `/api/v1/markets/${marketId}`)).toMatchObject({
      body: { lastInspectedOn: '2020-12-15', inspectionPassPercent: 88 },
    });
  });
});
