import { addCalendarDays, type HolidayCalendar, isWorkingDay } from '../../../platform/calendar/working-days.ts';
import type { EntitySummary } from '../../registry/index.ts';
import type { SamplingLink } from '../sampling.schemas.ts';
import { type DemoProduct, demoBreakfastProducts, demoFoodProducts } from './demo-catalogue.ts';
import { type DemoPlan, type PlannedSample, pick, sampledIn2020, shuffle, spread, workingDayBetween } from './demo-samples.ts';

/** The food figures of 2020 that the demo reproduces exactly. */
export const foodDemo2020 = {
  /** The routine food sampling the bureau also does: not quoted by the summary, a plausible size. */
  foodRoutine: { batches: 160, qualified: 151, production: 50, circulation: 70, agricultural: 30, catering: 40 },
  breakfast: { shops: 68, batches: 73, unqualifiedUnits: 7, unqualifiedBatches: 8, penalties: 1, policeTransfers: 6 },
} as const;

export const foodRoutinePlan2020: DemoPlan = {
  plan: {
    year: 2020,
    name: '2020年食品安全监督抽检计划',
    field: 'food',
    kind: 'routine',
    description: '生产、流通、餐饮环节食品安全监督抽检',
  },
  targets: [
    { link: 'production', category: null, targetBatches: foodDemo2020.foodRoutine.production },
    { link: 'circulation', category: null, targetBatches: foodDemo2020.foodRoutine.circulation },
    { link: 'catering', category: null, targetBatches: foodDemo2020.foodRoutine.catering },
  ],
};

export const breakfastPlan2020: DemoPlan = {
  plan: {
    year: 2020,
    name: '2020年早餐店食品安全专项抽检',
    field: 'food',
    kind: 'campaign',
    description: '早餐店油条、馒头包子、豆浆专项抽检',
  },
  targets: [{ link: 'catering', category: '餐饮食品', targetBatches: 70 }],
};

/** The routine food plan of the demo's current year, whose work is in progress. */
export const currentFoodPlan = (year: number): DemoPlan => ({
  plan: { year, name: `${year}年食品安全监督抽检计划`, field: 'food', kind: 'routine', description: '生产、流通环节食品安全监督抽检' },
  targets: [
    { link: 'production', category: null, targetBatches: 100 },
    { link: 'circulation', category: null, targetBatches: 120 },
  ],
});

const processed = demoFoodProducts.filter((product) => product.link === 'any');

/**
 * Routine food 2020: every product at least once; catering products fill the catering batches, agricultural products
 * 30 circulation batches, processed foods the rest of production and circulation.
 */
export function foodRoutine2020Samples(
  planId: number,
  poolFor: (link: SamplingLink) => EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  const cateringProducts = demoFoodProducts.filter((product) => product.link === 'catering');
  const agriProducts = demoFoodProducts.filter((product) => product.link === 'circulation');
  const routineSlots: { product: DemoProduct; link: SamplingLink }[] = [];
  spread(foodDemo2020.foodRoutine.catering, cateringProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++) routineSlots.push({ product: cateringProducts[index] as DemoProduct, link: 'catering' });
  });
  spread(foodDemo2020.foodRoutine.agricultural, agriProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++) routineSlots.push({ product: agriProducts[index] as DemoProduct, link: 'circulation' });
  });
  const processedLinks = shuffle(
    [
      ...Array.from({ length: foodDemo2020.foodRoutine.production }, () => 'production' as const),
      ...Array.from({ length: foodDemo2020.foodRoutine.circulation - foodDemo2020.foodRoutine.agricultural }, () => 'circulation' as const),
    ],
    random,
  );
  const processedStart = routineSlots.length;
  spread(processedLinks.length, processed.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++) {
      routineSlots.push({
        product: processed[index] as DemoProduct,
        link: processedLinks[routineSlots.length - processedStart] as SamplingLink,
      });
    }
  });
  const routineFails = new Set(
    shuffle([...routineSlots.keys()], random).slice(0, foodDemo2020.foodRoutine.batches - foodDemo2020.foodRoutine.qualified),
  );
  routineSlots.forEach((slot, index) => {
    planned.push({
      planId,
      entity: pick(poolFor(slot.link), random),
      field: 'food',
      link: slot.link,
      product: slot.product,
      sampledOn: sampledIn2020(calendar, random),
      failItem: routineFails.has(index) ? Math.floor(random() * slot.product.items.length) : null,
      stage: 'published',
      outcome: routineFails.has(index) ? pick(['rectified', 'rectified', 'administrative_penalty'] as const, random) : undefined,
    });
  });
  return planned;
}

/** Breakfast campaign: 68 shops, 5 of them sampled twice (73 batches); one shop fails twice, six once. */
export function breakfast2020Samples(
  planId: number,
  catering: EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  const shops = shuffle([...catering], random).slice(0, foodDemo2020.breakfast.shops);
  const twice = new Set(shops.slice(0, foodDemo2020.breakfast.batches - foodDemo2020.breakfast.shops));
  const doubleFailShop = shops[0] as EntitySummary;
  const singleFailShops = shops.slice(twice.size, twice.size + foodDemo2020.breakfast.unqualifiedUnits - 1);
  const penaltyShop = singleFailShops[0] as EntitySummary;
  const [friedDough, steamed, soyMilk] = demoBreakfastProducts as [DemoProduct, DemoProduct, DemoProduct];
  for (const shop of shops) {
    const isFailing = shop === doubleFailShop || singleFailShops.includes(shop);
    for (let batch = 0; batch < (twice.has(shop) ? 2 : 1); batch++) {
      // Failing shops failed on fried dough: aluminium over the limit (penalty) or borax, a non-food substance (police).
      const product = isFailing ? friedDough : pick([friedDough, steamed, soyMilk], random);
      planned.push({
        planId,
        entity: shop,
        field: 'food',
        link: 'catering',
        product,
        sampledOn: workingDayBetween('2020-05-06', '2020-06-30', calendar, random),
        failItem: isFailing ? (shop === penaltyShop ? 0 : 1) : null,
        stage: 'published',
        outcome: isFailing ? (shop === penaltyShop ? 'administrative_penalty' : 'transferred_to_police') : undefined,
      });
    }
  }
  return planned;
}

/** Work in progress before today, for the workbench and the deadline warnings: ten samples at each step of the current year's plan. */
export function workInProgressSamples(
  planId: number,
  today: string,
  poolFor: (link: SamplingLink) => EntitySummary[],
  calendar: HolidayCalendar,
  random: () => number,
): PlannedSample[] {
  const planned: PlannedSample[] = [];
  const year = Number(today.slice(0, 4));
  const stages: [PlannedSample['stage'], number, number | null][] = [
    ['sampled', 2, null],
    ['sampled', 8, null],
    ['sent', 4, null],
    ['sent', 6, null],
    ['received', 10, null],
    ['received', 40, null],
    ['reported', 20, null],
    ['reported', 24, 0],
    ['notified', 30, 0],
    ['notified', 45, null],
  ];
  for (const [stage, workingDaysAgo, failItem] of stages) {
    let sampledOn = today;
    for (let back = 0; back < workingDaysAgo; ) {
      sampledOn = addCalendarDays(sampledOn, -1);
      if (isWorkingDay(sampledOn, calendar)) back++;
    }
    // A sample of this year's plan is sampled this year (in early January the older stages bunch up on the 2nd).
    if (sampledOn < `${year}-01-02`) sampledOn = `${year}-01-02`;
    const link = random() < 0.5 ? 'production' : 'circulation';
    planned.push({
      planId,
      entity: pick(poolFor(link), random),
      field: 'food',
      link,
      product: pick(processed, random),
      sampledOn,
      failItem,
      stage,
    });
  }
  return planned;
}
