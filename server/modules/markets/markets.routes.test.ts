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
