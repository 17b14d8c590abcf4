import { and, arrayOverlaps, eq } from 'drizzle-orm';
import { chinaInstant } from '../../../../shared/calendar-day.ts';
import { caseWorkerRoles } from '../../../../shared/roles.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import { addCalendarDays, addWorkingDays, type HolidayCalendar, isWorkingDay } from '../../../platform/calendar/working-days.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { addTimelineEvent, type BusinessCategory, type EntitySummary, listEntitiesByCategory } from '../../registry/index.ts';
import { blindCodeFromBytes } from '../rules/blind-code.ts';
import { backupKeepUntil, handlingDue, reportDue, retestRequestDue, toLabDue } from '../rules/sample-deadlines.ts';
import { samplingRulesOn } from '../rules/sampling-rule-sets.ts';
import type { HandlingOutcome, SamplingLink } from '../sampling.schemas.ts';
import { failureHandling, sample, sampleResultItem, samplingPlan, samplingPlanTarget } from '../sampling.tables.ts';
import { labsOf } from '../service/samples.ts';
import { calendarFor } from '../service/sampling-context.ts';
import {
  type DemoProduct,
  demoBreakfastProducts,
  demoFastenerProducts,
  demoFoodProducts,
  demoIndustrialProducts,
} from './demo-catalogue.ts';

export interface SamplingDemoInput {
  districtCode: string;
  /** A seeded generator returning [0, 1): same seed, same data. */
  random: () => number;
  /** The demo's "today" (YYYY-MM-DD): work in progress is dated before it. */
  today: string;
}

/** The 2020 figures of the district's work summary that the demo reproduces exactly. */
export const demo2020 = {
  /** 产品质量监督抽查 ("靶向式"抽查): industrial products in the production and circulation fields. */
  routine: { batches: 210, qualified: 193, categories: 15, products: 27, production: 90, circulation: 120 },
  /** The routine food sampling the bureau also does: not quoted by the summary, a plausible size. */
  foodRoutine: { batches: 160, qualified: 151, production: 50, circulation: 70, agricultural: 30, catering: 40 },
  breakfast: { shops: 68, batches: 73, unqualifiedUnits: 7, unqualifiedBatches: 8, penalties: 1, policeTransfers: 6 },
  /** The risk-monitoring campaign of the fastener industry (产品质量风险监控). */
  fasteners: { batches: 42 },
  /** The 2021 plan: hazardous chemicals, food-related products, children's and student goods. */
  plan2021: { production: 100, circulation: 120 },
} as const;

const extraLabs = [
  { name: '宁波市食品检验检测研究院', nameEn: 'Ningbo Institute of Food Inspection' },
  { name: '浙江省轻工业品质量检验研究院', nameEn: 'Zhejiang Light Industry Products Inspection Institute' },
];
const confirmers = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞'];

export interface PlannedSample {
  planId: number;
  entity: EntitySummary;
  field: 'food' | 'industrial';
  link: SamplingLink;
  product: DemoProduct;
  sampledOn: string;
  /** Index of the failing item, or null when the sample passes. */
  failItem: number | null;
  /** How far the sample got: finished and published, or a step of today's work in progress. */
  stage: 'published' | 'sampled' | 'sent' | 'received' | 'reported' | 'notified';
  outcome?: HandlingOutcome;
}

/** n positive counts summing to total, each ≥ 1, spread by the random source. */
function spread(total: number, n: number, random: () => number): number[] {
  const counts = Array.from({ length: n }, () => 1);
  for (let left = total - n; left > 0; left--) {
    const index = Math.floor(random() * n);
    counts[index] = (counts[index] as number) + 1;
  }
  return counts;
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items;
}

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;

/** A working day between two dates (inclusive), drawn at random. */
export function workingDayBetween(from: string, to: string, calendar: HolidayCalendar, random: () => number): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  for (;;) {
    const day = addCalendarDays(from, Math.floor(random() * (span + 1)));
    if (isWorkingDay(day, calendar)) return day;
  }
}

export function seedActor(districtCode: string): Actor {
  return {
    userId: 0,
    username: 'demo-seed',
    displayName: 'demo seed',
    districtCode,
    districtCodes: [districtCode],
    roles: ['admin'],
    orgUnitId: null,
    isDistrictWide: true,
    streetCodes: [],
    entityIds: [],
    labId: null,
  };
}

export async function entitiesOf(ctx: ActorContext, categories: BusinessCategory[]): Promise<EntitySummary[]> {
  const found: EntitySummary[] = [];
  for (const category of categories) found.push(...(await listEntitiesByCategory(ctx, category, { limit: 2000 })));
  return found;
}

/**
 * Seeds the sampling module of an existing demo district (its entities, stations and inspector accounts
 * must exist): the 2020 product-quality plan (210 industrial batches in production and circulation, 15 categories,
 * 27 products, 193 qualified), the 2020 routine food plan (160 batches), the breakfast campaign (68 shops, 73
 * batches, 8 unqualified at 7 shops; 1 administrative penalty, 6 transfers to the police), the fasteners'
 * risk-monitoring campaign (42 batches), the 2021 product-quality plan's targets (100 production + 120
 * circulation), two more labs, and work in progress before `today` for the lab's workbench.
 * Deterministic given `random`.
 */
export async function seedSamplingDemo(ctx: ServiceContext, input: SamplingDemoInput): Promise<{ plans: number; samples: number }> {
  const { districtCode, random, today } = input;
  const actorCtx: ActorContext = { ...ctx, actor: seedActor(districtCode) };
  const calendar = await calendarFor(ctx.db, districtCode);

  // Labs: the district's own, plus two more so a re-test can go to a different lab.
  for (const lab of extraLabs.slice(0, Math.max(0, 3 - (await labsOf(ctx.db, districtCode)).length))) {
    await ctx.db.insert(orgUnit).values({ districtCode, kind: 'lab', name: lab.name, nameEn: lab.nameEn, parentId: null });
  }
  const labs = await labsOf(ctx.db, districtCode);

  const staff = await ctx.db
    .select({ id: appUser.id, roles: appUser.roles })
    .from(appUser)
    .where(and(eq(appUser.districtCode, districtCode), arrayOverlaps(appUser.roles, [...caseWorkerRoles])));
  const inspectors = staff.filter((user) => user.roles.includes('inspector'));
  const samplerPool = (inspectors.length >= 2 ? inspectors : staff).map((user) => user.id);
  if (samplerPool.length < 2) throw new Error(`District ${districtCode} needs two inspector (or staff) accounts before the sampling demo`);

  const catering = await entitiesOf(actorCtx, ['catering']);
  const producers = await entitiesOf(actorCtx, ['food_production', 'food_workshop']);
  const retailers = await entitiesOf(actorCtx, ['food_retail', 'farmers_market']);
  const others = await entitiesOf(actorCtx, ['other']);
  if (catering.length < demo2020.breakfast.shops)
    throw new Error(`The sampling demo needs ≥ ${demo2020.breakfast.shops} catering entities, found ${catering.length}`);
  const poolFor = (link: SamplingLink) => {
    const pool = link === 'catering' ? catering : link === 'production' ? producers : retailers;
    return pool.length ? pool : [...retailers, ...producers, ...catering];
  };
  const industrialPool = others.length ? others : [...producers, ...retailers];

  const newPlan = async (
    plan: { year: number; name: string; field: 'food' | 'industrial'; kind: 'routine' | 'campaign'; description: string },
    targets: { link: SamplingLink | null; category: string | null; targetBatches: number }[],
  ) => {
    const [row] = await ctx.db
      .insert(samplingPlan)
      .values({ districtCode, ...plan })
      .returning({ id: samplingPlan.id });
    const planId = (row as { id: number }).id;
    await ctx.db.insert(samplingPlanTarget).values(targets.map((target) => ({ districtCode, planId, ...target })));
    return planId;
  };

  const industrialPlan = await newPlan(
    {
      year: 2020,
      name: '2020年产品质量监督抽查计划',
      field: 'industrial',
      kind: 'routine',
      description: '“靶向式”抽查：家具、灯具、成品油、儿童用品、防疫物品等15大类27种商品，生产和流通领域',
    },
    [
      { link: 'production', category: null, targetBatches: demo2020.routine.production },
      { link: 'circulation', category: null, targetBatches: demo2020.routine.circulation },
    ],
  );
  const routinePlan = await newPlan(
    { year: 2020, name: '2020年食品安全监督抽检计划', field: 'food', kind: 'routine', description: '生产、流通、餐饮环节食品安全监督抽检' },
    [
      { link: 'production', category: null, targetBatches: demo2020.foodRoutine.production },
      { link: 'circulation', category: null, targetBatches: demo2020.foodRoutine.circulation },
      { link: 'catering', category: null, targetBatches: demo2020.foodRoutine.catering },
    ],
  );
  const breakfastPlan = await newPlan(
    {
      year: 2020,
      name: '2020年早餐店食品安全专项抽检',
      field: 'food',
      kind: 'campaign',
      description: '早餐店油条、馒头包子、豆浆专项抽检',
    },
    [{ link: 'catering', category: '餐饮食品', targetBatches: 70 }],
  );
  const fastenerPlan = await newPlan(
    {
      year: 2020,
      name: '2020年紧固件产品质量风险监测专项抽检',
      field: 'industrial',
      kind: 'campaign',
      description: '以紧固件行业为重点领域的产品质量风险监控',
    },
    [{ link: null, category: '紧固件', targetBatches: 40 }],
  );
  const plan2021 = await newPlan(
    {
      year: 2021,
      name: '2021年产品质量监督抽查计划',
      field: 'industrial',
      kind: 'routine',
      description: '危化品、食品相关产品、儿童学生用品等安全类产品：生产领域100批次、流通领域120批次',
    },
    [
      { link: 'production', category: null, targetBatches: demo2020.plan2021.production },
      { link: 'circulation', category: null, targetBatches: demo2020.plan2021.circulation },
    ],
  );

  const planned: PlannedSample[] = [];
  const sampledIn2020 = () => workingDayBetween('2020-03-02', '2020-11-20', calendar, random);

  // Industrial routine 2020: every one of the 27 products at least once, 90 production + 120 circulation batches.
  const industrialLinks = shuffle(
    [
      ...Array.from({ length: demo2020.routine.production }, () => 'production' as const),
      ...Array.from({ length: demo2020.routine.circulation }, () => 'circulation' as const),
    ],
    random,
  );
  const industrialSlots: { product: DemoProduct; link: SamplingLink }[] = [];
  spread(demo2020.routine.batches, demoIndustrialProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++)
      industrialSlots.push({
        product: demoIndustrialProducts[index] as DemoProduct,
        link: industrialLinks[industrialSlots.length] as SamplingLink,
      });
  });
  const industrialFails = new Set(
    shuffle([...industrialSlots.keys()], random).slice(0, demo2020.routine.batches - demo2020.routine.qualified),
  );
  industrialSlots.forEach((slot, index) => {
    planned.push({
      planId: industrialPlan,
      entity: pick(industrialPool, random),
      field: 'industrial',
      link: slot.link,
      product: slot.product,
      sampledOn: sampledIn2020(),
      failItem: industrialFails.has(index) ? Math.floor(random() * slot.product.items.length) : null,
      stage: 'published',
      outcome: industrialFails.has(index) ? pick(['rectified', 'rectified', 'administrative_penalty'] as const, random) : undefined,
    });
  });

  // Routine food 2020: every product at least once; catering products fill the catering batches,
  // agricultural products 30 circulation batches, processed foods the rest of production and circulation.
  const cateringProducts = demoFoodProducts.filter((product) => product.link === 'catering');
  const agriProducts = demoFoodProducts.filter((product) => product.link === 'circulation');
  const processed = demoFoodProducts.filter((product) => product.link === 'any');
  const routineSlots: { product: DemoProduct; link: SamplingLink }[] = [];
  spread(demo2020.foodRoutine.catering, cateringProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++) routineSlots.push({ product: cateringProducts[index] as DemoProduct, link: 'catering' });
  });
  spread(demo2020.foodRoutine.agricultural, agriProducts.length, random).forEach((n, index) => {
    for (let k = 0; k < n; k++) routineSlots.push({ product: agriProducts[index] as DemoProduct, link: 'circulation' });
  });
  const processedLinks = shuffle(
    [
      ...Array.from({ length: demo2020.foodRoutine.production }, () => 'production' as const),
      ...Array.from({ length: demo2020.foodRoutine.circulation - demo2020.foodRoutine.agricultural }, () => 'circulation' as const),
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
    shuffle([...routineSlots.keys()], random).slice(0, demo2020.foodRoutine.batches - demo2020.foodRoutine.qualified),
  );
  routineSlots.forEach((slot, index) => {
    planned.push({
      planId: routinePlan,
      entity: pick(poolFor(slot.link), random),
      field: 'food',
      link: slot.link,
      product: slot.product,
      sampledOn: sampledIn2020(),
      failItem: routineFails.has(index) ? Math.floor(random() * slot.product.items.length) : null,
      stage: 'published',
      outcome: routineFails.has(index) ? pick(['rectified', 'rectified', 'administrative_penalty'] as const, random) : undefined,
    });
  });

  // Breakfast campaign: 68 shops, 5 of them sampled twice (73 batches); one shop fails twice, six once.
  const shops = shuffle([...catering], random).slice(0, demo2020.breakfast.shops);
  const twice = new Set(shops.slice(0, demo2020.breakfast.batches - demo2020.breakfast.shops));
  const doubleFailShop = shops[0] as EntitySummary;
  const singleFailShops = shops.slice(twice.size, twice.size + demo2020.breakfast.unqualifiedUnits - 1);
  const penaltyShop = singleFailShops[0] as EntitySummary;
  const [friedDough, steamed, soyMilk] = demoBreakfastProducts as [DemoProduct, DemoProduct, DemoProduct];
  for (const shop of shops) {
    const isFailing = shop === doubleFailShop || singleFailShops.includes(shop);
    for (let batch = 0; batch < (twice.has(shop) ? 2 : 1); batch++) {
      // Failing shops failed on fried dough: aluminium over the limit (penalty) or borax, a non-food substance (police).
      const product = isFailing ? friedDough : pick([friedDough, steamed, soyMilk], random);
      planned.push({
        planId: breakfastPlan,
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

  // Fasteners: 42 batches, production and circulation.
  for (let index = 0; index < demo2020.fasteners.batches; index++) {
    planned.push({
      planId: fastenerPlan,
      entity: pick(industrialPool, random),
      field: 'industrial',
      link: index % 2 === 0 ? 'production' : 'circulation',
      product: pick(demoFastenerProducts, random),
      sampledOn: workingDayBetween('2020-06-01', '2020-10-30', calendar, random),
      failItem: null,
      stage: 'published',
    });
  }

  // The 2021 product-quality plan, done once 2021 is over: safety products (hazardous chemicals such as refined oil and
  // coatings, food-related products, children's and student goods), 100 production + 120 circulation batches.
  if (today >= '2022-01-01') {
    const safetyProducts = demoIndustrialProducts.filter((product) =>
      ['成品油', '涂料', '食品相关产品', '儿童用品', '学生用品'].includes(product.category),
    );
    const links2021 = [
      ...Array.from({ length: demo2020.plan2021.production }, () => 'production' as const),
      ...Array.from({ length: demo2020.plan2021.circulation }, () => 'circulation' as const),
    ];
    links2021.forEach((link, index) => {
      const product = safetyProducts[index % safetyProducts.length] as DemoProduct;
      const isFailing = index % 20 === 7;
      planned.push({
        planId: plan2021,
        entity: pick(industrialPool, random),
        field: 'industrial',
        link,
        product,
        sampledOn: workingDayBetween('2021-03-01', '2021-11-19', calendar, random),
        failItem: isFailing ? 0 : null,
        stage: 'published',
        outcome: isFailing ? 'rectified' : undefined,
      });
    });
  }

  // Work in progress before today, for the workbench and the deadline warnings.
  const year = Number(today.slice(0, 4));
  if (year >= 2021) {
    const currentPlan = await newPlan(
      { year, name: `${year}年食品安全监督抽检计划`, field: 'food', kind: 'routine', description: '生产、流通环节食品安全监督抽检' },
      [
        { link: 'production', category: null, targetBatches: 100 },
        { link: 'circulation', category: null, targetBatches: 120 },
      ],
    );
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
        planId: currentPlan,
        entity: pick(poolFor(link), random),
        field: 'food',
        link,
        product: pick(processed, random),
        sampledOn,
        failItem,
        stage,
      });
    }
  }

  await insertDemoSamples(ctx, { districtCode, today, random, calendar, labs, samplerPool }, planned);
  await writeAudit(ctx, { action: 'sampling.demo_seed', districtCode, detail: { samples: planned.length, labs: labs.length } });
  return { plans: year >= 2021 ? 6 : 5, samples: planned.length };
}

export interface SampleInsertContext {
  districtCode: string;
  today: string;
  random: () => number;
  calendar: HolidayCalendar;
  labs: { id: number }[];
  samplerPool: number[];
}

/** Inserts planned samples with their results, failures' handling and timeline events; dates follow the rules' deadlines. */
export async function insertDemoSamples(ctx: ServiceContext, input: SampleInsertContext, planned: PlannedSample[]): Promise<void> {
  const { districtCode, today, random, calendar, labs, samplerPool } = input;
  const mainLab = labs[0] as { id: number };
  const twoSamplers = () => {
    const [first, second] = shuffle([...samplerPool], random);
    return [first as number, second as number];
  };
  // 500 samples a statement.
  const used = new Set<string>();
  const blindCode = () => {
    for (;;) {
      const code = blindCodeFromBytes(Uint8Array.from({ length: 10 }, () => Math.floor(random() * 256)));
      if (!used.has(code)) {
        used.add(code);
        return code;
      }
    }
  };
  const min = (a: string, b: string) => (a < b ? a : b);
  const rows = planned.map((plan) => {
    const rules = samplingRulesOn(plan.sampledOn);
    const verdict = plan.failItem === null ? ('qualified' as const) : ('unqualified' as const);
    const order = ['sampled', 'sent', 'received', 'reported', 'notified', 'published'];
    const reached = (stage: PlannedSample['stage']) => order.indexOf(plan.stage) >= order.indexOf(stage);
    const sentOn = min(addWorkingDays(plan.sampledOn, 1 + Math.floor(random() * 3), calendar), today);
    const receivedOn = min(addWorkingDays(sentOn, 1, calendar), today);
    const reportedOn = min(addWorkingDays(receivedOn, 5 + Math.floor(random() * 12), calendar), today);
    const notifiedOn = min(addWorkingDays(reportedOn, 1 + Math.floor(random() * 3), calendar), today);
    const retestDue = verdict === 'unqualified' ? retestRequestDue(notifiedOn, calendar, rules) : null;
    const name = pick(plan.product.names, random);
    return {
      plan,
      verdict,
      notifiedOn,
      values: {
        districtCode,
        planId: plan.planId,
        blindCode: blindCode(),
        entityId: plan.entity.id,
        streetCode: plan.entity.streetCode,
        entityName: plan.entity.name,
        entityCreditCode: plan.entity.creditCode,
        entityAddress: plan.entity.address,
        field: plan.field,
        link: plan.link,
        category: plan.product.category,
        productType: plan.product.productType,
        productName: name,
        brand: plan.link === 'catering' ? '' : pick(['金龙', '海天', '恒顺', '光明', '甬派', '四明山', '东钱湖'], random),
        batchNo: plan.link === 'catering' ? '' : `${plan.sampledOn.replaceAll('-', '').slice(2)}${String(Math.floor(random() * 90) + 10)}`,
        productionDate: plan.link === 'catering' ? plan.sampledOn : addCalendarDays(plan.sampledOn, -(3 + Math.floor(random() * 60))),
        quantity: plan.field === 'industrial' ? '3组×10件' : '3份×500g',
        priceFen: 500 + Math.floor(random() * 9500),
        samplerIds: twoSamplers(),
        entityConfirmedBy: pick(confirmers, random),
        testMethod: 'lab' as const,
        testItems: plan.product.items.map((entry) => entry.name),
        sampledOn: plan.sampledOn,
        toLabDue: toLabDue(plan.sampledOn, calendar, rules),
        labId: reached('sent') ? (plan.field === 'industrial' ? ((labs[2] ?? mainLab) as { id: number }).id : mainLab.id) : null,
        sentOn: reached('sent') ? sentOn : null,
        receivedOn: reached('received') ? receivedOn : null,
        reportDue: reached('received') ? reportDue(receivedOn, calendar, rules) : null,
        reportedAt: reached('reported') ? chinaInstant(reportedOn, '10:00:00') : null,
        conclusion: reached('reported') ? verdict : null,
        notifiedOn: reached('notified') ? notifiedOn : null,
        retestDue: reached('notified') ? retestDue : null,
        backupKeepUntil: reached('notified') ? backupKeepUntil(notifiedOn, verdict, rules) : null,
        finalVerdict: reached('notified') ? verdict : null,
        publishedOn: plan.stage === 'published' ? addCalendarDays(retestDue ?? notifiedOn, 1) : null,
        status: (plan.stage === 'published' ? 'notified' : plan.stage) as 'notified',
      },
    };
  });
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const created = await ctx.db
      .insert(sample)
      .values(rows.slice(start, start + 500).map((row) => row.values))
      .returning({ id: sample.id });
    ids.push(...created.map((row) => row.id));
  }
  const items = rows.flatMap((row, index) =>
    row.values.conclusion === null
      ? []
      : row.plan.product.items.map((entry, itemIndex) => ({
          districtCode,
          sampleId: ids[index] as number,
          itemName: entry.name,
          measured: itemIndex === row.plan.failItem ? entry.fail : pick(entry.pass, random),
          unit: entry.unit,
          limitText: entry.limit,
          methodStandard: entry.standard,
          verdict: itemIndex === row.plan.failItem ? ('fail' as const) : ('pass' as const),
        })),
  );
  for (let start = 0; start < items.length; start += 1000) await ctx.db.insert(sampleResultItem).values(items.slice(start, start + 1000));
  for (const [index, row] of rows.entries()) {
    if (row.values.finalVerdict !== 'unqualified') continue;
    const sampleId = ids[index] as number;
    const rules = samplingRulesOn(row.values.sampledOn);
    const dueOn = handlingDue(row.notifiedOn, rules);
    const isClosed = row.plan.outcome !== undefined;
    await ctx.db.insert(failureHandling).values({
      districtCode,
      sampleId,
      entityId: row.values.entityId,
      streetCode: row.values.streetCode,
      openedOn: row.notifiedOn,
      dueOn,
      measures:
        row.plan.outcome === 'transferred_to_police' || row.plan.outcome === 'administrative_penalty'
          ? ['removal', 'recall', 'case']
          : ['removal', 'rectification'],
      status: isClosed ? 'closed' : 'open',
      outcome: row.plan.outcome ?? null,
      note: row.plan.outcome === 'transferred_to_police' ? '涉嫌在食品中添加非食用物质，移送公安机关' : '',
      closedOn: isClosed ? min(addCalendarDays(row.notifiedOn, 20 + Math.floor(random() * 40)), dueOn) : null,
    });
    await addTimelineEvent(ctx, {
      entityId: row.values.entityId,
      districtCode,
      kind: 'sampling.unqualified',
      at: chinaInstant(row.notifiedOn, '09:00:00'),
      title: { zh: `监督抽检不合格：${row.values.productName}`, en: `Sampling inspection unqualified: ${row.values.productName}` },
      refType: 'sample',
      refId: sampleId,
    });
  }
}
