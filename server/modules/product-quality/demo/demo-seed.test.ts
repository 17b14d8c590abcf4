import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../../shared/credit-code.ts';
import { createRandom } from '../../../demo/prng.ts';
import { type FigurePeriod, parsePeriod } from '../../../platform/figures/figure-period.ts';
import { listFigures } from '../../../platform/figures/figures.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { createTestDistrict, type TestDistrict } from '../../../test/factories.ts';
import { type TestPlatform, testPlatform } from '../../../test/test-platform.ts';
import { bulkInsertEntities } from '../../registry/index.ts';
import { seedRiskCodeDemo } from '../../risk-code/index.ts';
import { productQualityFigures, seedProductQualityDemo } from '../index.ts';
import { listBrandFirms } from '../service/brand-firms.ts';
import { listExemptions } from '../service/ccc-exemptions.ts';
import { listGroupStandards } from '../service/group-standards.ts';
import { ipStatistics } from '../service/ip-statistics.ts';
import { listMakers, makerGradeHistory } from '../service/makers.ts';

let platform: TestPlatform;
let district: TestDistrict;
let leader: ActorContext;

beforeAll(async () => {
  platform = await testPlatform();
  district = await createTestDistrict(platform);
  const rows = Array.from({ length: 120 }, (_, index) => {
    const body = `91${district.code}${String(index + 1).padStart(9, '0')}`;
    return {
      districtCode: district.code,
      creditCode: body + creditCodeCheckCharacter(body),
      name: `甬制造${index + 1}有限公司`,
      kind: 'enterprise' as const,
      legalRepName: '',
      legalRepIdEnc: null,
      legalRepIdBlind: null,
      legalRepIdMask: null,
      industryCode: index % 4 === 0 ? 'F52' : 'C34',
      registeredCapitalWan: null,
      foundedOn: '2012-01-01',
      status: 'active' as const,
      statusSince: '2012-01-01',
      endedOn: null,
      address: `制造路${index + 1}号`,
      streetCode: index % 2 ? district.stations[0].streetCode : district.stations[1].streetCode,
      communityCode: null,
      lng: null,
      lat: null,
      phoneEnc: null,
      phoneBlind: null,
      phoneMask: null,
      businessCategory: 'other' as const,
      searchGrams: [],
    };
  });
  await bulkInsertEntities(district.ctx.db, rows);
  const today = '2026-03-02';
  await seedRiskCodeDemo(district.ctx, { districtCode: district.code, random: createRandom('zhijian:risk-code').float, today });
  await seedProductQualityDemo(district.ctx, { districtCode: district.code, random: createRandom('zhijian:product-quality').float, today });
  leader = { ...district.ctx, clock: platform.clock, actor: { ...systemActorFor(district.code), roles: ['leader'] } };
}, 300_000);
afterAll(async () => {
  await platform.database.close();
});

describe('the product-quality demo reproduces the 2020 work summary', () => {
  it('IP and brands: 790 invention applications, 297 granted, 2,395 trademarks applied, 2,044 registered, 446.7万元 awards, 5 new 品字标 firms, 14 products', async () => {
    const view = await listFigures(leader, productQualityFigures, { period: '2020' });
    const value = (key: string) => view.items.find((item) => item.key === key)?.value;
    expect(
      [
        'invention-applications',
        'invention-grants',
        'trademark-applications',
        'trademark-registrations',
        'awards-subsidies',
        'pledge-financing',
        'brand-firms-new',
        'brand-certificates',
      ].map((key) => [key, value(`product-quality.${key}`)]),
    ).toEqual([
      ['invention-applications', 790],
      ['invention-grants', 297],
      ['trademark-applications', 2395],
      ['trademark-registrations', 2044],
      ['awards-subsidies', 446.7],
      ['pledge-financing', 5650],
      ['brand-firms-new', 5],
      ['brand-certificates', 14],
    ]);
    // Pledge financing grew 180% on 2019, as the summary says.
    expect(view.items.find((item) => item.key === 'product-quality.pledge-financing')?.changePercent).toBe(180);
    const stats = await ipStatistics(leader, 2020);
    expect(stats.kinds.find((row) => row.kind === 'award_subsidy')).toMatchObject({ value: '4467000.00' });
  });

  it('the 8 品字标 firms are registry entities of the district, and the 品字码 products name them', async () => {
    const firms = await listBrandFirms(leader, {});
    expect(firms.total).toBe(8);
    expect(firms.items.flatMap((firm) => firm.certificates)).toHaveLength(14);
    expect(firms.items.every((firm) => firm.entityName.startsWith('甬制造'))).toBe(true);
    expect(firms.newByYear.find((row) => row.year === 2020)?.firms).toBe(5);
  });

  it('the 品字标 firms lead 18 group standards: the 14 浙江制造 standards of their products (2019) and four later ones', async () => {
    const standards = await listGroupStandards(leader, { page: 1, pageSize: 100 });
    expect(standards.total).toBe(18);
    expect(standards.byYear).toEqual([
      { year: 2019, standards: 14 },
      { year: 2020, standards: 3 },
      { year: 2021, standards: 1 },
    ]);
    expect(standards.items.every((standard) => standard.brandFirmId !== null && standard.entityName.startsWith('甬制造'))).toBe(true);
    const view = await listFigures(leader, productQualityFigures, { period: '2020' });
    expect(view.items.find((item) => item.key === 'product-quality.group-standards-led')?.value).toBe(3);
  });

  it('grades the makers and has exemptions with follow-up work due', async () => {
    const makers = await listMakers(leader, { page: 1, pageSize: 100 });
    expect(makers.total).toBe(62);
    expect(makers.byGrade.A + makers.byGrade.B + makers.byGrade.C + makers.byGrade.D).toBe(62);
    expect(makers.byGrade.D + makers.byGrade.C).toBeGreaterThan(0);
    // Every maker has its first grade on file, the grade it shows today.
    for (const maker of makers.items.slice(0, 5)) {
      const history = await makerGradeHistory(leader, maker.id);
      expect(history.items.map((row) => [row.cause, row.newGrade])).toEqual([['registered', maker.grade]]);
    }
    const due = await listExemptions(leader, { isDue: true, page: 1, pageSize: 100 });
    expect(due.total).toBeGreaterThan(0);
    const period = parsePeriod('2020') as FigurePeriod;
    for (const figure of productQualityFigures) {
      const { value } = await figure.compute(leader, period);
      const { total, items } = await figure.records(leader, period, { page: 1, pageSize: 100_000 });
      if (figure.kind === 'count') expect(total, figure.key).toBe(value);
      else expect(Math.round(items.reduce((sum, item) => sum + (item.amount ?? 0), 0) * 100) / 100, figure.key).toBe(value);
    }
  });
});
