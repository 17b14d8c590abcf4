import { addDays, addMonths } from '../../../../shared/calendar-day.ts';
import type { IpKind, SafetyProductGroup } from '../../../../shared/vocabularies/product-quality.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { certifiedProductLinks } from '../../risk-code/index.ts';
import {
  pqBrandCertificate,
  pqBrandFirm,
  pqCccExemption,
  pqCccFollowUp,
  pqGroupStandard,
  pqIpRecord,
  pqSafetyMaker,
} from '../product-quality.tables.ts';
import { regradeDistrictMakers } from '../service/makers.ts';
import { seedDemoCatalogue } from './demo-catalogue.ts';

export interface ProductQualityDemoInput {
  districtCode: string;
  /** A seeded generator returning [0, 1): same seed, same data. */
  random: () => number;
  /** The demo's "today" (YYYY-MM-DD). */
  today: string;
}

/**
 * The work summary's 2020 IP and brand figures, reproduced exactly (pieces; money in yuan): 790 invention applications,
 * 297 granted, 2,395 trademarks applied for, 2,044 registered, 446.7万元 of awards and subsidies, 5,650万元 of pledge
 * financing (+180% on 2019). Agricultural trademarks: 776 registered in the three years to 2020 (262 in 2020).
 * 2019 and the years after 2020 are plausible, not quoted.
 */
export const ipDemoYears: Record<number, Record<IpKind, number>> = {
  2018: {
    invention_application: 655,
    invention_grant: 233,
    trademark_application: 1_930,
    trademark_registration: 1_655,
    agricultural_trademark: 250,
    award_subsidy: 3_512_000,
    pledge_financing: 12_500_000,
  },
  2019: {
    invention_application: 702,
    invention_grant: 251,
    trademark_application: 2_108,
    trademark_registration: 1_796,
    agricultural_trademark: 264,
    award_subsidy: 3_895_000,
    pledge_financing: 20_178_600,
  },
  2020: {
    invention_application: 790,
    invention_grant: 297,
    trademark_application: 2_395,
    trademark_registration: 2_044,
    agricultural_trademark: 262,
    award_subsidy: 4_467_000,
    pledge_financing: 56_500_000,
  },
};
/** Yearly growth after 2020 (the 2021 plan's "有效商标增长率达到10%"). */
const growthAfter2020 = 1.08;
/** How many firms share each kind's total in a year. */
const firmsPerKind: Record<IpKind, number> = {
  invention_application: 160,
  invention_grant: 90,
  trademark_application: 520,
  trademark_registration: 470,
  agricultural_trademark: 70,
  award_subsidy: 45,
  pledge_financing: 9,
};

/** n positive whole shares summing to total, spread by the random source. */
function spread(total: number, n: number, random: () => number): number[] {
  const counts = Array.from({ length: n }, () => 1);
  for (let left = total - n; left > 0; left--) {
    const index = Math.floor(random() * n);
    counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}

/** n distinct items drawn by the random source (a partial Fisher–Yates shuffle: linear in the pool, not quadratic). */
function sampleOf<T>(items: readonly T[], n: number, random: () => number): T[] {
  const copy = [...items];
  const count = Math.min(n, copy.length);
  for (let index = 0; index < count; index++) {
    const other = index + Math.floor(random() * (copy.length - index));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy.slice(0, count);
}

const groups: { group: SafetyProductGroup; products: string[]; licence: boolean; makers: number }[] = [
  { group: 'hazardous_chemicals', products: ['工业涂料', '溶剂油', '胶粘剂'], licence: true, makers: 12 },
  { group: 'food_related', products: ['食品用塑料包装', '不锈钢餐具', '纸杯'], licence: true, makers: 14 },
  { group: 'children_student', products: ['童装', '塑胶玩具', '学生文具', '儿童自行车'], licence: false, makers: 12 },
  { group: 'electrical', products: ['电线电缆', '插头插座', '小家电'], licence: true, makers: 12 },
  { group: 'building_materials', products: ['防水卷材', '人造板', '陶瓷砖'], licence: false, makers: 6 },
  { group: 'other_safety', products: ['紧固件', '电动自行车', '燃气灶具'], licence: false, makers: 6 },
];

/**
 * Seeds the product-quality module of the demo district (after the risk-code demo, whose 14 品字码 products it takes its
 * 8 品字标 firms from): the firms and certificates, IP and brand facts per firm and year, 62 safety-related product makers
 * with licences and inspections, and CCC exemptions with their follow-up checks. Set-based, deterministic given `random`.
 */
export async function seedProductQualityDemo(ctx: ServiceContext, input: ProductQualityDemoInput): Promise<void> {
  const { districtCode, random, today } = input;
  const actorCtx = { ...ctx, actor: systemActorFor(districtCode) };
  await seedDemoCatalogue(ctx, districtCode);
  const others: EntitySummary[] = [];
  for (let afterId = 0; ; ) {
    const page = await listEntitiesByCategory(actorCtx, 'other', { afterId, limit: 5000 });
    others.push(...page);
    if (page.length < 5000) break;
    afterId = (page.at(-1) as EntitySummary).id;
  }
  const makersPool = others.filter((entity) => entity.kind === 'enterprise' && entity.industryCode.startsWith('C'));
  const enterprises = others.filter((entity) => entity.kind === 'enterprise');
  if (enterprises.length === 0) return;

  // 品字标 firms: the firms of the 品字码 products (3 certified before 2020, 5 new in 2020), certificates from the products.
  const products = (await certifiedProductLinks(ctx, districtCode)).filter((product) => product.entityId !== null);
  const firmIds = [...new Set(products.map((product) => product.entityId as number))];
  const byId = new Map(others.map((entity) => [entity.id, entity]));
  const firmRows = firmIds.flatMap((entityId, index) => {
    const entity = byId.get(entityId);
    if (!entity) return [];
    const firstYear = index < 3 ? 2018 + (index % 2) : 2020;
    return [
      {
        districtCode,
        entityId,
        entityName: entity.name,
        creditCode: entity.creditCode,
        streetCode: entity.streetCode,
        firstCertifiedOn: `${firstYear}-${String(3 + Math.floor(random() * 8)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
        ledStandards: products.filter((product) => product.entityId === entityId).map((product) => product.standard),
      },
    ];
  });
  const firms = firmRows.length
    ? await ctx.db
        .insert(pqBrandFirm)
        .values(firmRows)
        .returning({ id: pqBrandFirm.id, entityId: pqBrandFirm.entityId, firstCertifiedOn: pqBrandFirm.firstCertifiedOn })
    : [];
  const certificateRows = products.flatMap((product) => {
    const firm = firms.find((candidate) => candidate.entityId === product.entityId);
    if (!firm) return [];
    return [
      {
        districtCode,
        firmId: firm.id,
        productName: product.productName,
        certificateNumber: product.certificateNumber,
        standard: product.standard,
        issuedOn: firm.firstCertifiedOn,
        validUntil: product.validUntil,
      },
    ];
  });
  if (certificateRows.length) await ctx.db.insert(pqBrandCertificate).values(certificateRows);

  // IP and brand facts: each kind's yearly total spread over firms (money in whole hundreds of yuan).
  const lastYear = Number(today.slice(0, 4)) - 1;
  const ipRows: (typeof pqIpRecord.$inferInsert)[] = [];
  for (let year = 2018; year <= lastYear; year++) {
    for (const kind of Object.keys(firmsPerKind) as IpKind[]) {
      const base = ipDemoYears[year]?.[kind] ?? Math.round((ipDemoYears[2020]?.[kind] ?? 0) * growthAfter2020 ** (year - 2020));
      const isMoney = kind === 'award_subsidy' || kind === 'pledge_financing';
      const total = isMoney ? Math.round(base / 100) : base;
      const holders = sampleOf(enterprises, Math.min(firmsPerKind[kind], total), random);
      spread(total, holders.length, random).forEach((share, index) => {
        const firm = holders[index] as EntitySummary;
        ipRows.push({
          districtCode,
          year,
          kind,
          firmName: firm.name,
          creditCode: firm.creditCode,
          entityId: firm.id,
          streetCode: firm.streetCode,
          quantity: isMoney ? 0 : share,
          amountFen: isMoney ? share * 10_000 : 0,
          source: year <= 2020 ? '2020年度知识产权统计' : `${year}年度知识产权统计`,
        });
      });
    }
  }
  for (let start = 0; start < ipRows.length; start += 2000) await ctx.db.insert(pqIpRecord).values(ipRows.slice(start, start + 2000));

  // Safety-related product makers: licences valid, expiring, expired or missing; inspected at various times.
  const makerEntities = sampleOf(
    makersPool.length ? makersPool : enterprises,
    groups.reduce((sum, group) => sum + group.makers, 0),
    random,
  );
  let next = 0;
  const makerRows = groups.flatMap((group) =>
    Array.from({ length: group.makers }, (_, index) => {
      const entity = makerEntities[next++];
      if (!entity) return [];
      const roll = random();
      const licenceState = !group.licence ? 'none' : roll < 0.06 ? 'missing' : roll < 0.16 ? 'expired' : roll < 0.28 ? 'expiring' : 'valid';
      const validUntil =
        licenceState === 'expired'
          ? addDays(today, -(10 + Math.floor(random() * 200)))
          : licenceState === 'expiring'
            ? addDays(today, 10 + Math.floor(random() * 70))
            : licenceState === 'valid'
              ? addDays(today, 200 + Math.floor(random() * 1300))
              : null;
      return [
        {
          districtCode,
          entityId: entity.id,
          entityName: entity.name,
          creditCode: entity.creditCode,
          streetCode: entity.streetCode,
          productGroup: group.group,
          products: group.products[index % group.products.length] as string,
          licenceRequired: group.licence,
          licenceNumber: validUntil
            ? `XK${String(13 + (index % 10)).padStart(2, '0')}-${String(100_000 + Math.floor(random() * 900_000))}`
            : null,
          licenceValidUntil: validUntil,
          lastInspectedOn: random() < 0.1 ? null : addDays(today, -(20 + Math.floor(random() * 760))),
          registeredOn:
            index < (group.makers * 2) / 3 ? `2020-0${1 + (index % 9)}-15` : addDays(today, -(30 + Math.floor(random() * 1500))),
        },
      ];
    }).flat(),
  );
  if (makerRows.length) await ctx.db.insert(pqSafetyMaker).values(makerRows);

  // CCC exemptions since 2020, each for a year; follow-ups by the bureau's intervals, a few left due.
  const exemptionFirms = sampleOf(makersPool.length ? makersPool : enterprises, 30, random);
  const reasons = ['research_testing', 'export_processing', 'spare_parts', 'exhibition', 'other'] as const;
  const scopes = ['研发测试用样机', '加工贸易出口产品配套件', '维修用零部件', '展览会展品', '特殊用途产品'];
  const span = Math.max(1, Math.round((Date.parse(today) - Date.parse('2020-01-06')) / 86_400_000) - 20);
  const exemptionRows = exemptionFirms.map((entity, index) => {
    const grantedOn = addDays('2020-01-06', Math.floor((index / exemptionFirms.length) * span + random() * 20));
    const reason = reasons[index % reasons.length] as (typeof reasons)[number];
    return {
      districtCode,
      entityId: entity.id,
      entityName: entity.name,
      streetCode: entity.streetCode,
      certificateNumber: `MB${grantedOn.slice(0, 4)}${String(3302 + index).padStart(6, '0')}`,
      reason,
      scope: scopes[index % scopes.length] as string,
      quantity: 5 + Math.floor(random() * 500),
      grantedOn,
      expiresOn: addDays(addMonths(grantedOn, 12), -1),
      status: 'active' as const,
    };
  });
  const exemptions = exemptionRows.length
    ? await ctx.db
        .insert(pqCccExemption)
        .values(exemptionRows)
        .returning({ id: pqCccExemption.id, grantedOn: pqCccExemption.grantedOn, expiresOn: pqCccExemption.expiresOn })
    : [];
  const followUps: (typeof pqCccFollowUp.$inferInsert)[] = [];
  for (const exemption of exemptions) {
    let checkOn = addDays(exemption.grantedOn, 7 + Math.floor(random() * 20));
    const closing = addDays(exemption.expiresOn, 1 + Math.floor(random() * 25));
    // One exemption in six is left without its latest check: the follow-up queue has work.
    const skipsLast = random() < 0.17;
    const planned: string[] = [];
    while (checkOn < exemption.expiresOn) {
      planned.push(checkOn);
      checkOn = addDays(addMonths(checkOn, 6), -Math.floor(random() * 10));
    }
    planned.push(closing);
    const done = planned.filter((day) => day < today);
    for (const [index, checkedOn] of (skipsLast ? done.slice(0, -1) : done).entries())
      followUps.push({
        districtCode,
        exemptionId: exemption.id,
        checkedOn,
        result: index === 1 && random() < 0.15 ? 'non_compliant' : 'compliant',
        note: '',
      });
  }
  if (followUps.length) await ctx.db.insert(pqCccFollowUp).values(followUps);
  // 团体标准 led by the 品字标 firms: each certified product's 浙江制造 standard (published by the provincial brand
  // association the year its code names), and four later ones drafted by the same firms. No random draws: the figures
  // above keep their values whatever is added here.
  const standardRows = firmRows.flatMap((firm) => {
    const firmId = firms.find((candidate) => candidate.entityId === firm.entityId)?.id ?? null;
    return products
      .filter((product) => product.entityId === firm.entityId)
      .map((product, index) => {
        const year = /-(\d{4})$/.exec(product.standard)?.[1] ?? '2019';
        const publishedOn = `${year}-${String(4 + ((firm.entityId + index) % 8)).padStart(2, '0')}-15`;
        return {
          districtCode,
          code: product.standard,
          title: product.productName,
          association: '浙江省品牌建设联合会',
          entityId: firm.entityId,
          entityName: firm.entityName,
          streetCode: firm.streetCode,
          brandFirmId: firmId,
          publishedOn,
          implementedOn: addMonths(publishedOn, 1),
        };
      });
  });
  const laterStandards = [
    ['T/ZZB 1862-2020', '数控车床用液压卡盘', 0, '2020-09-30'],
    ['T/ZZB 1905-2020', '电热水壶用温控器', 1, '2020-11-20'],
    ['T/NBSX 003-2020', '羊毛针织衫洗护标识', 2, '2020-12-10'],
    ['T/ZZB 2311-2021', '不锈钢真空保温容器', 4, '2021-06-18'],
  ] as const;
  for (const [code, title, index, publishedOn] of laterStandards) {
    const firm = firmRows[index];
    if (!firm || publishedOn > today) continue;
    standardRows.push({
      districtCode,
      code,
      title,
      association: code.startsWith('T/NBSX') ? '宁波市纺织服装行业协会' : '浙江省品牌建设联合会',
      entityId: firm.entityId,
      entityName: firm.entityName,
      streetCode: firm.streetCode,
      brandFirmId: firms.find((candidate) => candidate.entityId === firm.entityId)?.id ?? null,
      publishedOn,
      implementedOn: addMonths(publishedOn, 1),
    });
  }
  const seenCodes = new Set<string>();
  const uniqueStandards = standardRows.filter((row) => !seenCodes.has(row.code) && seenCodes.add(row.code));
  if (uniqueStandards.length) await ctx.db.insert(pqGroupStandard).values(uniqueStandards);

  // Each maker's first grade in its history (the nightly job keeps the later changes).
  const graded = await regradeDistrictMakers(actorCtx, districtCode, today);
  await writeAudit(ctx, {
    action: 'product_quality.demo_seed',
    districtCode,
    detail: {
      firms: firms.length,
      ipRecords: ipRows.length,
      makers: makerRows.length,
      exemptions: exemptions.length,
      groupStandards: uniqueStandards.length,
      gradesKept: graded.changed,
    },
  });
}
