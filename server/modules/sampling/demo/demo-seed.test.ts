import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import { type BusinessCategory, bulkInsertEntities } from '../../registry/index.ts';
import { failedSampleCounts, failedSamplesOf, seedSamplingDemo } from '../index.ts';
import { listLabSamples } from '../service/lab-workbench.ts';
import { publicPageSize, publicResultsPage } from '../service/public-results.ts';
import { listSamples } from '../service/samples.ts';
import { samplingStatistics } from '../service/statistics.ts';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await testPlatform();
});
afterAll(async () => {
  await platform.database.close();
});

/** A district with the entities the sampling demo draws from. */
async function seededDistrict(seed: string): Promise<TestDistrict> {
  const district = await createTestDistrict(platform);
  const categories: [BusinessCategory, number, string][] = [
    ['catering', 80, 'H62'],
    ['food_retail', 12, 'F52'],
    ['food_production', 6, 'C14'],
    ['other', 4, 'C34'],
  ];
  let serial = 0;
  const rows = categories.flatMap(([category, count, industryCode]) =>
    Array.from({ length: count }, () => {
      serial += 1;
      const body = `91${district.code}${String(serial).padStart(9, '0')}`;
      return {
        districtCode: district.code,
        creditCode: body + creditCodeCheckCharacter(body),
        name: `${category}-${serial}`,
        kind: 'enterprise' as const,
        legalRepName: '',
        legalRepIdEnc: null,
        legalRepIdBlind: null,
        legalRepIdMask: null,
        industryCode,
        registeredCapitalWan: null,
        foundedOn: '2015-01-01',
        status: 'active' as const,
        statusSince: '2015-01-01',
        endedOn: null,
        address: `测试路${serial}号`,
        streetCode: serial % 2 ? district.stations[0].streetCode : district.stations[1].streetCode,
        communityCode: null,
        lng: null,
        lat: null,
        phoneEnc: null,
        phoneBlind: null,
        phoneMask: null,
        businessCategory: category,
        searchGrams: [],
      };
    }),
  );
  await bulkInsertEntities(district.ctx.db, rows);
  await seedSamplingDemo(district.ctx, { districtCode: district.code, random: createRandom(seed).float, today: '2026-03-02' });
  return district;
}

function sectionContext(district: TestDistrict, over: Partial<ActorContext['actor']> = {}): ActorContext {
  return {
    ...district.ctx,
    clock: platform.clock,
    actor: {
      userId: district.users.section.id,
      username: district.users.section.username,
      displayName: 'section',
      districtCode: district.code,
      districtCodes: [district.code],
      roles: ['section'],
      orgUnitId: null,
      isDistrictWide: true,
      streetCodes: [],
      entityIds: [],
      labId: null,
      ...over,
    },
  };
}

describe('the sampling demo reproduces the 2020 work summary', () => {
  let district: TestDistrict;
  beforeAll(async () => {
    district = await seededDistrict('zhijian');
  });

  // The summary's 210 batches are industrial products (家具、灯具、成品油、儿童用品、防疫物品…), not food.
  it('2020 product-quality sampling: 210 industrial batches in production and circulation, 15 categories, 27 products, 193 qualified (91.90%, printed 92%)', async () => {
    const stats = await samplingStatistics(sectionContext(district), { year: 2020, field: 'industrial', kind: 'routine' });
    expect(stats.totals).toEqual({ batches: 210, qualified: 193, percent: '91.90', wholePercent: 92 });
    expect(stats.categoryCount).toBe(15);
    expect(stats.productCount).toBe(27);
    expect(stats.byLink.map((row) => [row.key, row.batches])).toEqual([
      ['circulation', 120],
      ['production', 90],
    ]);
    expect(stats.byCategory.map((row) => row.key)).toEqual(expect.arrayContaining(['家具', '灯具', '成品油', '儿童用品', '防疫物品']));
    expect(stats.byCategory.reduce((sum, row) => sum + row.batches, 0)).toBe(210);
    expect(stats.byMonth.reduce((sum, row) => sum + row.qualified, 0)).toBe(193);
    const routinePlan = stats.plans.find((plan) => plan.name === '2020年产品质量监督抽查计划');
    expect(routinePlan).toMatchObject({ targetBatches: 210, doneBatches: 210, completionPercent: '100.00' });
  });

  it('keeps the routine food sampling as its own plan: 160 batches in production, circulation and catering', async () => {
    const stats = await samplingStatistics(sectionContext(district), { year: 2020, field: 'food', kind: 'routine' });
    expect(stats.totals).toMatchObject({ batches: 160, qualified: 151 });
    expect(stats.byLink.map((row) => [row.key, row.batches])).toEqual([
      ['catering', 40],
      ['circulation', 70],
      ['production', 50],
    ]);
    expect(stats.plans.map((plan) => plan.name)).toEqual(['2020年食品安全监督抽检计划']);
  });

  it('breakfast campaign: 68 shops, 73 batches, 7 units and 8 batches unqualified, 1 penalty, 6 transfers to the police', async () => {
    const stats = await samplingStatistics(sectionContext(district), { year: 2020, field: 'food', kind: 'campaign' });
    expect(stats.campaigns).toEqual([
      expect.objectContaining({
        name: '2020年早餐店食品安全专项抽检',
        units: 68,
        batches: 73,
        unqualifiedUnits: 7,
        unqualifiedBatches: 8,
        administrativePenalties: 1,
        policeTransfers: 6,
      }),
    ]);
    expect(stats.totals).toMatchObject({ batches: 73, qualified: 65, percent: '89.04' });
  });

  it('fasteners: a 42-batch risk-monitoring campaign; the 2021 product-quality plan: 100 production + 120 circulation batches, done', async () => {
    const monitoring = await samplingStatistics(sectionContext(district), { year: 2020, field: 'industrial', kind: 'campaign' });
    expect(monitoring.totals.batches).toBe(42);
    expect(monitoring.byCategory.map((row) => row.key)).toEqual(['紧固件']);
    expect(monitoring.campaigns.map((row) => [row.name, row.batches])).toEqual([['2020年紧固件产品质量风险监测专项抽检', 42]]);
    const next = await samplingStatistics(sectionContext(district), { year: 2021, field: 'industrial' });
    expect(next.plans[0]?.targets.map((target) => [target.link, target.targetBatches])).toEqual([
      ['production', 100],
      ['circulation', 120],
    ]);
    expect(next.plans[0]).toMatchObject({ name: '2021年产品质量监督抽查计划', targetBatches: 220, doneBatches: 220 });
    expect(next.totals).toMatchObject({ batches: 220, qualified: 209 });
  });

  it('has work in progress for the lab, three labs for re-tests, and failed samples other modules can read', async () => {
    const labCtx = sectionContext(district, { roles: ['lab'], isDistrictWide: false, labId: district.labId });
    expect((await listLabSamples(labCtx, { labStatus: 'to_receive', page: 1, pageSize: 100 })).total).toBe(2);
    const testing = await listLabSamples(labCtx, { labStatus: 'testing', page: 1, pageSize: 100 });
    expect(testing.total).toBe(2);
    expect(testing.items.filter((item) => item.isOverdue).length).toBe(1);
    const overdue = await listSamples(sectionContext(district), { year: 2026, page: 1, pageSize: 100 });
    expect(overdue.items.some((item) => item.isOverdue)).toBe(true);
    const counts = await failedSampleCounts(district.ctx, { districtCode: district.code, since: '2020-01-01' });
    expect([...counts.values()].reduce((sum, value) => sum + value, 0)).toBe(17 + 9 + 8 + 11 + 1);
    const [entityId] = [...counts.keys()];
    const failed = await failedSamplesOf(sectionContext(district), entityId as number);
    expect(failed.length).toBe(counts.get(entityId as number));
    expect(failed[0]).toMatchObject({ entityId });
  });

  it('is deterministic: the same seed gives the same samples', async () => {
    const again = await seededDistrict('zhijian');
    const first = await listSamples(sectionContext(district), { year: 2020, page: 1, pageSize: 100 });
    const second = await listSamples(sectionContext(again), { year: 2020, page: 1, pageSize: 100 });
    const shape = (list: typeof first) => list.items.map((item) => [item.blindCode, item.productName, item.sampledOn, item.finalVerdict]);
    expect(shape(second)).toEqual(shape(first));
    expect(second.total).toBe(210 + 160 + 73 + 42);
  });
});

describe('the public results page on the demo', () => {
  it('pages the 2020 results 20 qualified batches at a time, lists every unqualified one, switches years and searches', async () => {
    const district = await seededDistrict('public-page');
    const page = (over: Partial<Parameters<typeof publicResultsPage>[1]> = {}) =>
      publicResultsPage(district.ctx.db, { districtCode: district.code, year: 2020, language: 'zh-CN', page: 1, ...over });
    const first = await page();
    expect(first.status).toBe(200);
    const rows = (body: string) => (body.match(/<tr><td>/g) ?? []).length;
    const unqualified = [...first.body.matchAll(/不合格产品信息.*?<\/section>/gs)][0]?.[0] ?? '';
    const summary = /共公布抽检 (\d+) 批次，合格 (\d+) 批次/.exec(first.body);
    const [batches, qualified] = [Number(summary?.[1]), Number(summary?.[2])];
    expect(batches).toBeGreaterThan(200);
    expect(rows(unqualified)).toBe(batches - qualified);
    expect(rows(first.body)).toBe(batches - qualified + publicPageSize);
    const pages = Math.ceil(qualified / publicPageSize);
    expect(first.body).toContain(`第 1 / ${pages} 页，共 ${qualified} 批次`);
    expect(first.body).toContain(`href="/public/sampling?district=${district.code}&amp;year=2020&amp;page=2"`);
    const last = await page({ page: 999 });
    expect(last.body).toContain(`第 ${pages} / ${pages} 页`);
    expect(rows(last.body)).toBe(batches - qualified + (qualified - (pages - 1) * publicPageSize));
    // The year switch lists the years with published results.
    expect(first.body).toMatch(/<strong aria-current="page">2020<\/strong>/);
    const empty = await page({ year: 2026 });
    expect(empty.body).toContain('2026年暂无公布的抽检结果');
    expect(empty.body).toContain(`href="/public/sampling?district=${district.code}&amp;year=2020"`);
    // Search by a business name narrows both lists.
    const name = /<tr><td>([^<]+)<\/td>/.exec(last.body)?.[1] as string;
    const found = await page({ q: name });
    expect(found.body).toContain(name);
    expect(rows(found.body)).toBeLessThan(rows(first.body));
    expect((await page({ q: '不存在的名称' })).body).toContain('没有符合搜索条件的结果');
    expect((await page({ districtCode: '999999' })).status).toBe(404);
  }, 120_000);
});
