import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { SamplingLink } from '../sampling.schemas.ts';
import { sample, samplingPlan, samplingPlanTarget } from '../sampling.tables.ts';
import { districtOnly } from './sampling-context.ts';

export interface IndustrialPlanBatches {
  plans: { id: number; name: string; kind: 'routine' | 'campaign' }[];
  targets: { planId: number; link: SamplingLink | null; category: string | null; targetBatches: number }[];
  /** Batches sampled against the plans (re-tests do not count), per plan, link, category and product type. */
  batches: { planId: number; link: SamplingLink; category: string; productType: string; batches: number }[];
}

/**
 * A year's industrial plans of the actor's districts with their targets and the batches done against them, for the
 * product-quality catalogue's plan view. Plans are district-wide documents: every batch of the district counts.
 * Three plain grouped reads filtered by district, no correlated subqueries (Citus-safe).
 */
export async function industrialPlanBatches(ctx: ActorContext, year: number): Promise<IndustrialPlanBatches> {
  const plans = await ctx.db
    .select({ id: samplingPlan.id, name: samplingPlan.name, kind: samplingPlan.kind })
    .from(samplingPlan)
    .where(and(districtOnly(ctx.actor, samplingPlan.districtCode), eq(samplingPlan.year, year), eq(samplingPlan.field, 'industrial')))
    .orderBy(asc(samplingPlan.id));
  if (plans.length === 0) return { plans, targets: [], batches: [] };
  const ids = plans.map((plan) => plan.id);
  const targets = await ctx.db
    .select({
      planId: samplingPlanTarget.planId,
      link: samplingPlanTarget.link,
      category: samplingPlanTarget.category,
      targetBatches: samplingPlanTarget.targetBatches,
    })
    .from(samplingPlanTarget)
    .where(and(districtOnly(ctx.actor, samplingPlanTarget.districtCode), inArray(samplingPlanTarget.planId, ids)))
    .orderBy(asc(samplingPlanTarget.id));
  const rows = await ctx.db
    .select({ planId: sample.planId, link: sample.link, category: sample.category, productType: sample.productType, batches: count() })
    .from(sample)
    .where(and(districtOnly(ctx.actor, sample.districtCode), inArray(sample.planId, ids), isNull(sample.retestOfId)))
    .groupBy(sample.planId, sample.link, sample.category, sample.productType);
  return { plans, targets, batches: rows.map((row) => ({ ...row, planId: Number(row.planId) })) };
}
