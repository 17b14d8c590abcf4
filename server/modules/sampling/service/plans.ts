import { and, asc, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { completionPercent } from '../rules/pass-rate.ts';
import { planNotFound } from '../sampling.errors.ts';
import type { CreatePlanBody, PlanView } from '../sampling.schemas.ts';
import { sample, samplingPlan, samplingPlanTarget } from '../sampling.tables.ts';
import { bureauSampleScope, districtOnly } from './sampling-context.ts';

type PlanRow = typeof samplingPlan.$inferSelect;

/** Plans with their targets and how many batches were sampled against each (re-tests do not count). */
export async function planViews(ctx: ActorContext, plans: PlanRow[]): Promise<PlanView[]> {
  if (plans.length === 0) return [];
  const ids = plans.map((plan) => plan.id);
  const [targets, done] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(samplingPlanTarget)
        .where(and(districtOnly(ctx.actor, samplingPlanTarget.districtCode), inArray(samplingPlanTarget.planId, ids)))
        .orderBy(asc(samplingPlanTarget.id)),
    () =>
      ctx.db
        .select({ planId: sample.planId, link: sample.link, category: sample.category, batches: count() })
        .from(sample)
        .where(and(bureauSampleScope(ctx.actor), inArray(sample.planId, ids), isNull(sample.retestOfId)))
        .groupBy(sample.planId, sample.link, sample.category),
  );
  return plans.map((plan) => {
    const mine = done.filter((row) => row.planId === plan.id);
    const planTargets = targets
      .filter((target) => target.planId === plan.id)
      .map((target) => {
        const doneBatches = mine
          .filter(
            (row) => (target.link === null || row.link === target.link) && (target.category === null || row.category === target.category),
          )
          .reduce((sum, row) => sum + row.batches, 0);
        return {
          id: target.id,
          link: target.link,
          category: target.category,
          targetBatches: target.targetBatches,
          doneBatches,
          completionPercent: completionPercent(doneBatches, target.targetBatches),
        };
      });
    const targetBatches = planTargets.reduce((sum, target) => sum + target.targetBatches, 0);
    const doneBatches = mine.reduce((sum, row) => sum + row.batches, 0);
    return {
      id: plan.id,
      year: plan.year,
      name: plan.name,
      field: plan.field,
      kind: plan.kind,
      description: plan.description,
      targetBatches,
      doneBatches,
      completionPercent: completionPercent(doneBatches, targetBatches),
      targets: planTargets,
    };
  });
}

export async function listPlans(
  ctx: ActorContext,
  query: { year?: number; field?: 'food' | 'industrial'; page: number; pageSize: number },
) {
  const conditions: SQL[] = [districtOnly(ctx.actor, samplingPlan.districtCode)];
  if (query.year !== undefined) conditions.push(eq(samplingPlan.year, query.year));
  if (query.field !== undefined) conditions.push(eq(samplingPlan.field, query.field));
  const where = and(...conditions);
  const [rows, [total]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(samplingPlan)
        .where(where)
        .orderBy(desc(samplingPlan.year), asc(samplingPlan.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(samplingPlan).where(where),
  );
  return { items: await planViews(ctx, rows), total: total?.total ?? 0 };
}

export async function findPlan(ctx: ActorContext, id: number): Promise<PlanRow> {
  const [row] = await ctx.db
    .select()
    .from(samplingPlan)
    .where(and(districtOnly(ctx.actor, samplingPlan.districtCode), eq(samplingPlan.id, id)));
  if (!row) throw planNotFound();
  return row;
}

export async function getPlan(ctx: ActorContext, id: number): Promise<PlanView> {
  const [view] = await planViews(ctx, [await findPlan(ctx, id)]);
  return view as PlanView;
}

export async function createPlan(ctx: ActorContext, body: CreatePlanBody): Promise<PlanView> {
  const id = await ctx.db.transaction(async (tx) => {
    const [plan] = await tx
      .insert(samplingPlan)
      .values({
        districtCode: ctx.actor.districtCode,
        year: body.year,
        name: body.name,
        field: body.field,
        kind: body.kind,
        description: body.description ?? '',
        createdBy: ctx.actor.userId,
      })
      .returning({ id: samplingPlan.id });
    const planId = (plan as { id: number }).id;
    await tx.insert(samplingPlanTarget).values(
      body.targets.map((target) => ({
        districtCode: ctx.actor.districtCode,
        planId,
        link: target.link ?? null,
        category: target.category ?? null,
        targetBatches: target.targetBatches,
      })),
    );
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.plan_create',
        objectType: 'sampling_plan',
        objectId: planId,
        detail: { year: body.year, targets: body.targets.length },
      },
    );
    return planId;
  });
  return getPlan(ctx, id);
}
