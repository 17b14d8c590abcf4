import { and, arrayOverlaps, eq } from 'drizzle-orm';
import { caseWorkerRoles } from '../../../../shared/roles.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import type { SamplingLink } from '../sampling.schemas.ts';
import { samplingPlan, samplingPlanTarget } from '../sampling.tables.ts';
import { labsOf } from '../service/samples.ts';
import { calendarFor } from '../service/sampling-context.ts';
import {
  breakfast2020Samples,
  breakfastPlan2020,
  currentFoodPlan,
  foodDemo2020,
  foodRoutine2020Samples,
  foodRoutinePlan2020,
  workInProgressSamples,
} from './demo-food.ts';
import {
  fastener2020Samples,
  fastenerPlan2020,
  industrialRoutine2020Samples,
  industrialRoutine2021Samples,
  industrialRoutinePlan2020,
  industrialRoutinePlan2021,
} from './demo-industrial.ts';
import { type DemoPlan, entitiesOf, insertDemoSamples, type PlannedSample, seedActor } from './demo-samples.ts';

export interface SamplingDemoInput {
  districtCode: string;
  /** A seeded generator returning [0, 1): same seed, same data. */
  random: () => number;
  /** The demo's "today" (YYYY-MM-DD): work in progress is dated before it. */
  today: string;
}

const extraLabs = [
  { name: '宁波市食品检验检测研究院', nameEn: 'Ningbo Institute of Food Inspection' },
  { name: '浙江省轻工业品质量检验研究院', nameEn: 'Zhejiang Light Industry Products Inspection Institute' },
];

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
  if (catering.length < foodDemo2020.breakfast.shops)
    throw new Error(`The sampling demo needs ≥ ${foodDemo2020.breakfast.shops} catering entities, found ${catering.length}`);
  const poolFor = (link: SamplingLink) => {
    const pool = link === 'catering' ? catering : link === 'production' ? producers : retailers;
    return pool.length ? pool : [...retailers, ...producers, ...catering];
  };
  const industrialPool = others.length ? others : [...producers, ...retailers];

  const newPlan = async ({ plan, targets }: DemoPlan) => {
    const [row] = await ctx.db
      .insert(samplingPlan)
      .values({ districtCode, ...plan })
      .returning({ id: samplingPlan.id });
    const planId = (row as { id: number }).id;
    await ctx.db.insert(samplingPlanTarget).values(targets.map((target) => ({ districtCode, planId, ...target })));
    return planId;
  };

  // Plans and samples in this order: the random draws, and so the demo's exact figures, depend on it.
  const industrialPlan = await newPlan(industrialRoutinePlan2020);
  const routinePlan = await newPlan(foodRoutinePlan2020);
  const breakfastPlan = await newPlan(breakfastPlan2020);
  const fastenerPlan = await newPlan(fastenerPlan2020);
  const plan2021 = await newPlan(industrialRoutinePlan2021);

  const planned: PlannedSample[] = [
    ...industrialRoutine2020Samples(industrialPlan, industrialPool, calendar, random),
    ...foodRoutine2020Samples(routinePlan, poolFor, calendar, random),
    ...breakfast2020Samples(breakfastPlan, catering, calendar, random),
    ...fastener2020Samples(fastenerPlan, industrialPool, calendar, random),
  ];
  if (today >= '2022-01-01') planned.push(...industrialRoutine2021Samples(plan2021, industrialPool, calendar, random));
  const year = Number(today.slice(0, 4));
  if (year >= 2021) planned.push(...workInProgressSamples(await newPlan(currentFoodPlan(year)), today, poolFor, calendar, random));

  await insertDemoSamples(ctx, { districtCode, today, random, calendar, labs, samplerPool }, planned);
  await writeAudit(ctx, { action: 'sampling.demo_seed', districtCode, detail: { samples: planned.length, labs: labs.length } });
  return { plans: year >= 2021 ? 6 : 5, samples: planned.length };
}
