import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import { type BusinessCategory, bulkInsertEntities } from '../../registry/index.ts';
import { seedSamplingDemo } from '../../sampling/index.ts';
import { cataloguePlanView, listCatalogueEditions, listCatalogueProducts } from '../service/catalogue.ts';
import { seedDemoCatalogue } from './demo-catalogue.ts';

let platform: TestPlatform;
let district: TestDistrict;
let leader: ActorContext;

/** A district with the entities the sampling demo draws from, its sampling demo and the catalogue demo. */
beforeAll(async () => {
  platform = await testPlatform();
  district = await createTestDistrict(platform);
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
        streetCode: district.stations[0].streetCode,
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
  await seedSamplingDemo(district.ctx, {
    districtCode: district.code,
    random: createRandom('zhijian:sampling').float,
    today: '2026-03-02',
  });
  await seedDemoCatalogue(district.ctx, district.code);
  leader = { ...district.ctx, clock: platform.clock, actor: { ...systemActorFor(district.code), roles: ['leader'] } };
}, 300_000);
afterAll(async () => {
  await platform.database.close();
});

describe('the demo district catalogue agrees with the sampling demo', () => {
  it('holds the 15 categories and 27 products of the 2020 plan, with their standards and test items', async () => {
    const editions = await listCatalogueEditions(leader);
    expect([editions.district.categories, editions.district.products, editions.district.retired]).toEqual([15, 27, 0]);
    const furniture = await listCatalogueProducts(leader, { category: '家具', page: 1, pageSize: 100 });
    expect(furniture.items.map((item) => [item.name, item.standards, item.testItems])).toEqual([
      ['木家具', ['GB 18584-2001', 'GB/T 10357.7-2013'], ['甲醛释放量', '稳定性']],
      ['办公椅', ['GB/T 10357.3-2013'], ['座面静载荷']],
    ]);
    // Seeding again adds nothing.
    await seedDemoCatalogue(leader, leader.actor.districtCode);
    expect((await listCatalogueEditions(leader)).district.products).toBe(27);
  });

  it('shows the 2020 plan done over the catalogue (90 production + 120 circulation, every batch a catalogue product)', async () => {
    const view = await cataloguePlanView(leader, 2020);
    const routine = view.plans.find((plan) => plan.name === '2020年产品质量监督抽查计划');
    expect(routine).toMatchObject({
      byField: {
        production: { planned: 90, done: 90 },
        circulation: { planned: 120, done: 120 },
        e_commerce: { planned: null, done: 0 },
      },
      targetBatches: 210,
      doneBatches: 210,
      completionPercent: '100.00',
    });
    expect(view.categories).toHaveLength(15);
    const products = view.categories.flatMap((category) => category.products);
    expect(products).toHaveLength(27);
    expect(products.every((product) => product.batches > 0)).toBe(true);
    // The 42 fastener batches of the risk-monitoring campaign are products outside the district catalogue.
    expect(view.outsideCatalogue).toBe(42);
  });

  it('shows the 2021 plan of 100 production + 120 circulation batches with its progress', async () => {
    const view = await cataloguePlanView(leader, 2021);
    expect(view.plans.map((plan) => [plan.name, plan.byField.production, plan.byField.circulation, plan.completionPercent])).toEqual([
      ['2021年产品质量监督抽查计划', { planned: 100, done: 100 }, { planned: 120, done: 120 }, '100.00'],
    ]);
    expect(view.outsideCatalogue).toBe(0);
    const safety = view.categories
      .filter((category) => category.products.some((product) => product.batches > 0))
      .map((row) => row.category);
    expect(safety).toEqual(['成品油', '儿童用品', '学生用品', '涂料', '食品相关产品']);
  });
});
