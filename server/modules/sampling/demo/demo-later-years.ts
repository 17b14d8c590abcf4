import { and, eq, sql } from 'drizzle-orm';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { SamplingLink } from '../sampling.schemas.ts';
import { samplingPlan, samplingPlanTarget } from '../sampling.tables.ts';
import { labsOf } from '../service/samples.ts';
import { calendarFor } from '../service/sampling-context.ts';
import { type DemoProduct, demoFoodProducts } from './demo-catalogue.ts';
import { entitiesOf, insertDemoSamples, type PlannedSample, pick, seedActor, workingDayBetween } from './demo-samples.ts';

export interface SamplingYearDemo {
  year: number;
  /** Routine food batches of the year (production + circulation + catering), all finished and published. */
  batches: number;
  /** Share of batches that passed, e.g. 0.95. */
  passRate: number;
}

/**
 * The district's sampling after 2020 (runs after `seedSamplingDemo`): for each year a routine food plan (the one
 * the first demo made for that year, else a new one) with its batches sampled, tested, notified and published,
 * failures handled and closed. The batches of the year of `today` are sampled at least two months before it, so
 * every one is finished; the work in progress of `seedSamplingDemo` fills the weeks since. Deterministic given
 * `random`.
 */
export async function seedSamplingLaterYears(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string; years: readonly SamplingYearDemo[] },
): Promise<{ samples: number }> {
  const { districtCode, random, today } = input;
  const actorCtx: ActorContext = { ...ctx, actor: seedActor(districtCode) };
  const calendar = await calendarFor(ctx.db, districtCode);
  const labs = await labsOf(ctx.db, districtCode);
  const inspectors = await ctx.db
    .select({ id: appUser.id })
    .from(appUser)
    .where(and(eq(appUser.districtCode, districtCode), sql`'inspector' = any(${appUser.roles})`));
  if (labs.length === 0 || inspectors.length < 2) return { samples: 0 };
  const catering = await entitiesOf(actorCtx, ['catering']);
  const producers = await entitiesOf(actorCtx, ['food_production', 'food_workshop']);
  const retailers = await entitiesOf(actorCtx, ['food_retail', 'farmers_market']);
  const poolFor = (link: SamplingLink) => {
    const pool = link === 'catering' ? catering : link === 'production' ? producers : retailers;
    return pool.length ? pool : [...retailers, ...producers, ...catering];
  };
  const byLink = {
    catering: demoFoodProducts.filter((product) => product.link === 'catering'),
    circulation: demoFoodProducts.filter((product) => product.link !== 'catering'),
    production: demoFoodProducts.filter((product) => product.link === 'any'),
  };
  const lastSampling = addCalendarDays(today, -60);
  let total = 0;
  for (const target of input.years) {
    const until = `${target.year}-11-20` < lastSampling ? `${target.year}-11-20` : lastSampling;
    if (until < `${target.year}-03-02` || target.batches <= 0) continue;
    const [existing] = await ctx.db
      .select({ id: samplingPlan.id })
      .from(samplingPlan)
      .where(
        and(
          eq(samplingPlan.districtCode, districtCode),
          eq(samplingPlan.year, target.year),
          eq(samplingPlan.field, 'food'),
          eq(samplingPlan.kind, 'routine'),
        ),
      )
      .limit(1);
    const planId =
      existing?.id ??
      (await createRoutinePlan(ctx, districtCode, target.year, Math.round(target.batches * 0.45), Math.round(target.batches * 0.4)));
    const planned: PlannedSample[] = [];
    const failing = Math.round(target.batches * (1 - target.passRate));
    for (let index = 0; index < target.batches; index++) {
      const roll = random();
      const link: SamplingLink = roll < 0.45 ? 'production' : roll < 0.85 ? 'circulation' : 'catering';
      const product = pick(byLink[link], random) as DemoProduct;
      const isFailing = index < failing;
      planned.push({
        planId,
        entity: pick(poolFor(link), random),
        field: 'food',
        link,
        product,
        sampledOn: workingDayBetween(`${target.year}-03-02`, until, calendar, random),
        failItem: isFailing ? Math.floor(random() * product.items.length) : null,
        stage: 'published',
        outcome: isFailing ? pick(['rectified', 'rectified', 'rectified', 'administrative_penalty'] as const, random) : undefined,
      });
    }
    planned.sort((left, right) => (left.sampledOn < right.sampledOn ? -1 : left.sampledOn > right.sampledOn ? 1 : 0));
    await insertDemoSamples(ctx, { districtCode, today, random, calendar, labs, samplerPool: inspectors.map((user) => user.id) }, planned);
    total += planned.length;
  }
  return { samples: total };
}

async function createRoutinePlan(ctx: ServiceContext, districtCode: string, year: number, production: number, circulation: number) {
  const [row] = await ctx.db
    .insert(samplingPlan)
    .values({
      districtCode,
      year,
      name: `${year}年食品安全监督抽检计划`,
      field: 'food',
      kind: 'routine',
      description: '生产、流通、餐饮环节食品安全监督抽检',
    })
    .returning({ id: samplingPlan.id });
  const planId = (row as { id: number }).id;
  await ctx.db.insert(samplingPlanTarget).values([
    { districtCode, planId, link: 'production', category: null, targetBatches: production },
    { districtCode, planId, link: 'circulation', category: null, targetBatches: circulation },
  ]);
  return planId;
}
