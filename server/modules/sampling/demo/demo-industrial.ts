import type { HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { EntitySummary } from '../../registry/index.ts';
import type { SamplingLink } from '../sampling.schemas.ts';
import { type DemoProduct, demoFastenerProducts, demoIndustrialProducts } from './demo-catalogue.ts';
import { type DemoPlan, type PlannedSample, pick, sampledIn2020, shuffle, spread, workingDayBetween } from './demo-samples.ts';

/** The industrial figures of the district's 2020 work summary that the demo reproduces exactly. */
export const industrialDemo2020 = {
  /** 产品质量监督抽查 ("靶向式"抽查): industrial products in the production and circulation fields. */
  routine: { batches: 210, qualified: 193, categories: 15, products: 27, production: 90, circulation: 120 },
  /** The risk-monitoring campaign of the fastener industry (产品质量风险监控). */
  fasteners: { batches: 42 },
  /** The 2021 plan: hazardous chemicals, food-related products, children's and student goods. */
  plan2021: { production: 100, circulation: 120 },
} as const;

export const industrialRoutinePlan2020: DemoPlan = {
  plan: {
    year: 2020,
    name: '2020年产品质量监督抽查计划',
    field: 'industrial',
    kind: 'routine',
    description: '“靶向式”抽查：家具、灯具、成品油、儿童用品、防疫物品等15大类27种商品，生产和流通领域',
  },
  targets: [
    { link: 'production', category: null, targetBatches: industrialDemo2020.routine.production },
    { link: 'circulation', category: null, targetBatches: industrialDemo2020.routine.circulation },
  ],
};

export const fastenerPlan2020: DemoPlan = {
  plan: {
    year: 2020,
    name: '2020年紧固件产品质量风险监测专项抽检',
    field: 'industrial',
    kind: 'campaign',
    description: '以紧固件行业为重点领域的产品质量风险监控',
  },
  targets: [{ link: null, category: '紧固件', targetBatches: 40 }],
};

export const industrialRoutinePlan2021: DemoPlan = {
  plan: {
    year: 2021,
    name: '2021年产品质量监督抽查计划',
    field: 'industrial',
    kind: 'routine',
    description: '危化品、食品相关产品、儿童学生用品等安全类产品：生产领域100批次、流通领域120批次',
  },
  targets: [
    { link: 'production', category: null, targetBatches: industrialDemo2020.plan2021.production },
    { link: 'circulation', category: null, targetBatches: industrialDemo2020.plan2021.circulation },
  ],
};

/** Industrial routine 2020: every one of the 27 products at least once, 90 production + 120 circulation batches. */
export function industrialRoutine2020Samples(
  planId: number,
  pool: EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  const industrialLinks = shuffle(
    [
      ...Array.from({ length: industrialDemo2020.routine.production }, () => 'production' as const),
      ...Array.from({ length: industrialDemo2020.routine.circulation }, () => 'circulation' as const),
    ],
    random,
  );
  const industrialSlots: { product: DemoProduct; link: SamplingLink }[] = [];
  spread(industrialDemo2020.routine.batches, demoIndustrialProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++)
      industrialSlots.push({
        product: demoIndustrialProducts[index] as DemoProduct,
        link: industrialLinks[industrialSlots.length] as SamplingLink,
      });
  });
  const industrialFails = new Set(
    shuffle([...industrialSlots.keys()], random).slice(0, industrialDemo2020.routine.batches - industrialDemo2020.routine.qualified),
  );
  industrialSlots.forEach((slot, index) => {
    planned.push({
      planId,
      entity: pick(pool, random),
      field: 'industrial',
      link: slot.link,
      product: slot.product,
      sampledOn: sampledIn2020(calendar, random),
      failItem: industrialFails.has(index) ? Math.floor(random() * slot.product.items.length) : null,
      stage: 'published',
      outcome: industrialFails.has(index) ? pick(['rectified', 'rectified', 'administrative_penalty'] as const, random) : undefined,
    });
  });
  return planned;
}

/** Fasteners: 42 batches, production and circulation. */
export function fastener2020Samples(
  planId: number,
  pool: EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  for (let index = 0; index < industrialDemo2020.fasteners.batches; index++) {
    planned.push({
      planId,
      entity: pick(pool, random),
      field: 'industrial',
      link: index % 2 === 0 ? 'production' : 'circulation',
      product: pick(demoFastenerProducts, random),
      sampledOn: workingDayBetween('2020-06-01', '2020-10-30', calendar, random),
      failItem: null,
      stage: 'published',
    });
  }
  return planned;
}

/**
 * The 2021 product-quality plan, done (seeded once 2021 is over): safety products (hazardous chemicals such as refined
 * oil and coatings, food-related products, children's and student goods), 100 production + 120 circulation batches.
 */
export function industrialRoutine2021Samples(
  planId: number,
  pool: EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  const safetyProducts = demoIndustrialProducts.filter((product) =>
    ['成品油', '涂料', '食品相关产品', '儿童用品', '学生用品'].includes(product.category),
  );
  const links2021 = [
    ...Array.from({ length: industrialDemo2020.plan2021.production }, () => 'production' as const),
    ...Array.from({ length: industrialDemo2020.plan2021.circulation }, () => 'circulation' as const),
  ];
  links2021.forEach((link, index) => {
    const product = safetyProducts[index % safetyProducts.length] as DemoProduct;
    const isFailing = index % 20 === 7;
    planned.push({
      planId,
      entity: pick(pool, random),
      field: 'industrial',
      link,
      product,
      sampledOn: workingDayBetween('2021-03-01', '2021-11-19', calendar, random),
      failItem: isFailing ? 0 : null,
      stage: 'published',
      outcome: isFailing ? 'rectified' : undefined,
    });
  });
  return planned;
}
