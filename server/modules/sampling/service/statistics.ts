import { and, asc, countDistinct, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import { passRate } from '../rules/pass-rate.ts';
import type { StatisticsQuery, StatisticsView } from '../sampling.schemas.ts';
import { failureHandling, sample, samplingPlan } from '../sampling.tables.ts';
import { planViews } from './plans.ts';
import { bureauSampleScope, districtOnly } from './sampling-context.ts';

interface Cell {
  field: string;
  category: string;
  productType: string;
  link: string;
  month: number;
  batches: number;
  qualified: number;
}

function rollUp<K extends string>(cells: Cell[], keyOf: (cell: Cell) => K) {
  const groups = new Map<K, { batches: number; qualified: number }>();
  for (const cell of cells) {
    const key = keyOf(cell);
    const group = groups.get(key) ?? { batches: 0, qualified: 0 };
    group.batches += cell.batches;
    group.qualified += cell.qualified;
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, group]) => ({ key, ...passRate(group.qualified, group.batches) }));
}

/**
 * Batches, qualified and pass rate of a year's concluded samples (first tests; a re-test's conclusion
 * replaces the first one as the final verdict) by category, product, link, month and field; plan
 * completion; and the special campaigns' figures. Reads only the actor's scope.
 */
export async function samplingStatistics(ctx: ActorContext, query: StatisticsQuery): Promise<StatisticsView> {
  const conditions: (SQL | undefined)[] = [
    bureauSampleScope(ctx.actor),
    isNull(sample.retestOfId),
    isNotNull(sample.finalVerdict),
    sql`${sample.sampledOn} >= ${`${query.year}-01-01`} and ${sample.sampledOn} <= ${`${query.year}-12-31`}`,
  ];
  if (query.field) conditions.push(eq(sample.field, query.field));
  if (query.planId) conditions.push(eq(sample.planId, query.planId));
  if (query.kind)
    conditions.push(
      query.kind === 'routine' ? sql`coalesce(${samplingPlan.kind}, 'routine') = 'routine'` : eq(samplingPlan.kind, 'campaign'),
    );
  const cells: Cell[] = await ctx.db
    .select({
      field: sample.field,
      category: sample.category,
      productType: sample.productType,
      link: sample.link,
      month: sql<number>`extract(month from ${sample.sampledOn})::int`,
      batches: sql<number>`count(*)::int`,
      qualified: sql<number>`(count(*) filter (where ${sample.finalVerdict} = 'qualified'))::int`,
    })
    .from(sample)
    .leftJoin(samplingPlan, and(eq(samplingPlan.districtCode, sample.districtCode), eq(samplingPlan.id, sample.planId)))
    .where(and(...conditions))
    .groupBy(sample.field, sample.category, sample.productType, sample.link, sql`extract(month from ${sample.sampledOn})`);
  const batches = cells.reduce((sum, cell) => sum + cell.batches, 0);
  const qualified = cells.reduce((sum, cell) => sum + cell.qualified, 0);
  const byProduct = rollUp(cells, (cell) => `${cell.category}\u0000${cell.productType}`).map(({ key, ...rate }) => {
    const [category, product] = key.split('\u0000') as [string, string];
    return { category, key: product, ...rate };
  });
  const sortByKey = <T extends { key: string }>(rows: T[]) => rows.sort((a, b) => a.key.localeCompare(b.key, 'zh-CN'));

  const planConditions: (SQL | undefined)[] = [districtOnly(ctx.actor, samplingPlan.districtCode), eq(samplingPlan.year, query.year)];
  if (query.field) planConditions.push(eq(samplingPlan.field, query.field));
  if (query.planId) planConditions.push(eq(samplingPlan.id, query.planId));
  if (query.kind) planConditions.push(eq(samplingPlan.kind, query.kind));
  const plans = await ctx.db
    .select()
    .from(samplingPlan)
    .where(and(...planConditions))
    .orderBy(asc(samplingPlan.id));
  const campaigns = [];
  for (const plan of plans.filter((candidate) => candidate.kind === 'campaign')) {
    const inPlan = and(bureauSampleScope(ctx.actor), eq(sample.planId, plan.id), isNull(sample.retestOfId));
    const [counts] = await ctx.db
      .select({
        units: countDistinct(sample.entityId),
        batches: sql<number>`count(*)::int`,
        unqualifiedUnits: sql<number>`(count(distinct ${sample.entityId}) filter (where ${sample.finalVerdict} = 'unqualified'))::int`,
        unqualifiedBatches: sql<number>`(count(*) filter (where ${sample.finalVerdict} = 'unqualified'))::int`,
      })
      .from(sample)
      .where(inPlan);
    const [outcomes] = await ctx.db
      .select({
        penalties: sql<number>`(count(distinct ${failureHandling.entityId}) filter (where ${failureHandling.outcome} = 'administrative_penalty'))::int`,
        police: sql<number>`(count(distinct ${failureHandling.entityId}) filter (where ${failureHandling.outcome} = 'transferred_to_police'))::int`,
      })
      .from(failureHandling)
      .innerJoin(sample, and(eq(sample.districtCode, failureHandling.districtCode), eq(sample.id, failureHandling.sampleId)))
      .where(inPlan);
    campaigns.push({
      planId: plan.id,
      name: plan.name,
      units: counts?.units ?? 0,
      batches: counts?.batches ?? 0,
      unqualifiedUnits: counts?.unqualifiedUnits ?? 0,
      unqualifiedBatches: counts?.unqualifiedBatches ?? 0,
      administrativePenalties: outcomes?.penalties ?? 0,
      policeTransfers: outcomes?.police ?? 0,
    });
  }
  return {
    year: query.year,
    totals: passRate(qualified, batches),
    categoryCount: new Set(cells.map((cell) => cell.category)).size,
    productCount: byProduct.length,
    byCategory: sortByKey(rollUp(cells, (cell) => cell.category)),
    byProduct: byProduct.sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.key.localeCompare(b.key, 'zh-CN')),
    byLink: sortByKey(rollUp(cells, (cell) => cell.link)),
    byMonth: rollUp(cells, (cell) => String(cell.month).padStart(2, '0')).sort((a, b) => a.key.localeCompare(b.key)),
    byField: sortByKey(rollUp(cells, (cell) => cell.field)),
    plans: await planViews(ctx, plans),
    campaigns,
  };
}
