import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import type { AppInstance } from '../../../platform/http/routes.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { signIn } from '../../../test/sign-in.ts';
import { type TestPlatform, testApp, testPlatform } from '../../../test/test-platform.ts';
import { marketsSeed2020, seedMarketsDemo } from './demo-seed.ts';

let platform: TestPlatform;
let app: AppInstance;
let home: TestDistrict;
let cookie = '';

beforeAll(async () => {
  platform = await testPlatform();
  app = await testApp(platform);
  home = await createTestDistrict(platform);
  cookie = await signIn(app, home.users.section.username);
  for (let index = 0; index < 20; index++) {
    const body = `91${home.code}0000${String(index).padStart(3, '0')}${String(Date.now() % 10)}0`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/entities',
      headers: { cookie },
      payload: {
        creditCode: body + creditCodeCheckCharacter(body),
        name: `演示农贸市场${index}`,
        kind: 'enterprise',
        legalRepName: '赵六',
        legalRepIdNumber: '11010519491231002X',
        industryCode: 'L72',
        foundedOn: '2010-05-01',
        address: `演示路${index}号`,
        streetCode: (index % 2 === 0 ? home.stations[0] : home.stations[1]).streetCode,
        businessCategory: index < 18 ? 'farmers_market' : 'food_retail',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
  }
  platform.clock.set('2026-12-06T02:00:00Z');
  await seedMarketsDemo(home.ctx, { districtCode: home.code, random: createRandom('demo:markets').float, today: '2026-12-06' });
  cookie = await signIn(app, home.users.section.username);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await platform?.database.close();
});

const figures = async (period: string) => {
  const response = await app.inject({ method: 'GET', url: `/api/v1/figures?period=${period}&module=markets`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries(
    (response.json() as { items: { key: string; value: number | null }[] }).items.map((item) => [item.key, item.value]),
  );
};

describe('the markets demo', () => {
  it('2020: 18 markets, 13 handed over, stars as of 2020 short of the 2021 targets', async () => {
    const year = await figures('2020');
    expect(year['markets.markets']).toBe(marketsSeed2020.markets);
    expect(year['markets.handed-over']).toBe(marketsSeed2020.handedOver);
    expect(year['markets.three-stars-rate']).toBe(38.89);
    expect(year['markets.urban-two-stars-rate']).toBe(87.5);
    expect(year['markets.rapid-tests']).toBe(18 * 366 * marketsSeed2020.testsPerMarketDay);
  });

  it('2021: the targets met (every urban market ≥ 2 stars, more than half at 3 or more)', async () => {
    const year = await figures('2021');
    expect(year['markets.three-stars-rate']).toBe(55.56);
    expect(year['markets.urban-two-stars-rate']).toBe(100);
    const progress = await app.inject({ method: 'GET', url: '/api/v1/markets/star-progress?on=2021-12-31', headers: { cookie } });
    expect(progress.json()).toMatchObject({
      markets: 18,
      urbanMarkets: 16,
      urbanTargetMet: true,
      threeStarTargetMet: true,
      atLeastThree: 10,
    });
  });

  it('today: a blocked lot at the first market, stars in force, prices with one anomaly', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/markets', headers: { cookie } });
    const markets = (
      list.json() as {
        items: {
          id: number;
          stars: number | null;
          blockedLots: number;
          testsToday: number;
          overdueScales: number;
          lastInspectedOn: string | null;
          inspectionPassPercent: number | null;
        }[];
      }
    ).items;
    expect(markets).toHaveLength(18);
    expect(markets[0]).toMatchObject({ stars: 5, blockedLots: 1, testsToday: 7 });
    expect(markets.filter((market) => market.overdueScales > 0)).toHaveLength(6);
    // The station's last check-list visit at the first market: 7 of 8 items passed (decision 0039).
    expect(markets[0]).toMatchObject({ inspectionPassPercent: 88 });
    expect(markets.every((market) => market.lastInspectedOn !== null)).toBe(true);
    const prices = await app.inject({ method: 'GET', url: `/api/v1/markets/${markets[4]?.id}/prices`, headers: { cookie } });
    const pork = (prices.json() as { items: { product: string; flags: string[] }[] }).items.find((item) => item.product === '猪肉');
    expect(pork?.flags).toContain('above_median');
  });
});
