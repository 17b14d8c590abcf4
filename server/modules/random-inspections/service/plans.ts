import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { matterCodeTaken, planCodeTaken, planNotFound } from '../random-inspections.errors.ts';
import type {
  DrawSummary,
  MatterBody,
  MatterView,
  PlanBody,
  PlanListItem,
  PlanListQuery,
  PlanView,
} from '../random-inspections.schemas.ts';
import { riDraw, riMatter, riPlan, riPlanMatter, riTask } from '../random-inspections.tables.ts';

export async function listMatters(ctx: ActorContext): Promise<{ items: MatterView[]; total: number }> {
  const items = await ctx.db
    .select({
      id: riMatter.id,
      code: riMatter.code,
      name: riMatter.name,
      basis: riMatter.basis,
      matterType: riMatter.matterType,
      department: riMatter.department,
      isActive: riMatter.isActive,
    })
    .from(riMatter)
    .where(scopeWhere(ctx.actor, { district: riMatter.districtCode }))
    .orderBy(asc(riMatter.code));
  return { items, total: items.length };
}

export async function createMatter(ctx: ActorContext, input: MatterBody): Promise<MatterView> {
  const districtCode = ctx.actor.districtCode;
  const [taken] = await ctx.db
    .select({ id: riMatter.id })
    .from(riMatter)
    .where(and(eq(riMatter.districtCode, districtCode), eq(riMatter.code, input.code)));
  if (taken) throw matterCodeTaken();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(riMatter)
      .values({ districtCode, ...input })
      .returning();
    if (!row) throw new Error('insert returned nothing');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'random_inspections.matter_create', objectType: 'ri_matter', objectId: row.id, detail: { after: input } },
    );
    const { districtCode: _district, ...view } = row;
    return view;
  });
}

const planField = (field: string, code: string, zh: string, en: string): FieldError => ({
  in: 'body',
  field,
  code,
  message: { 'zh-CN': zh, en },
});

export async function createPlan(ctx: ActorContext, input: PlanBody): Promise<PlanView> {
  const districtCode = ctx.actor.districtCode;
  const errors: FieldError[] = [];
  if (input.periodEnd < input.periodStart)
    errors.push(planField('periodEnd', 'before_start', '结束日期不能早于开始日期', 'must not be before periodStart'));
  input.strata.forEach((stratum, index) => {
    if ((stratum.count === undefined) === (stratum.permille === undefined)) {
      errors.push(planField(`strata.${index}.count`, 'count_or_permille', '请填写抽取数量或抽取比例之一', 'give either count or permille'));
    }
  });
  const keys = input.strata.map((stratum) => stratum.key);
  if (new Set(keys).size !== keys.length) errors.push(planField('strata', 'duplicate_key', '分层编号重复', 'stratum keys repeat'));
  const classes = input.strata.flatMap((stratum) => stratum.creditClasses);
  if (new Set(classes).size !== classes.length)
    errors.push(planField('strata', 'class_twice', '同一信用风险类别不能出现在两个分层', 'a credit class is in two strata'));
  const matters = await ctx.db
    .select({ id: riMatter.id })
    .from(riMatter)
    .where(and(eq(riMatter.districtCode, districtCode), inArray(riMatter.id, input.matterIds)));
  if (matters.length !== input.matterIds.length)
    errors.push(planField('matterIds', 'unknown_matter', '包含不存在的抽查事项', 'lists an unknown matter'));
  if (errors.length) throw invalidRequest({}, errors);
  const [taken] = await ctx.db
    .select({ id: riPlan.id })
    .from(riPlan)
    .where(and(eq(riPlan.districtCode, districtCode), eq(riPlan.code, input.code)));
  if (taken) throw planCodeTaken();
  const { matterIds, ...values } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(riPlan)
      .values({ districtCode, ...values, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() })
      .returning({ id: riPlan.id });
    if (!row) throw new Error('insert returned nothing');
    await tx.insert(riPlanMatter).values(matterIds.map((matterId) => ({ districtCode, planId: row.id, matterId })));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'random_inspections.plan_create', objectType: 'ri_plan', objectId: row.id, detail: { after: input } },
    );
    return row.id;
  });
  return getPlan(ctx, id);
}

const listColumns = {
  id: riPlan.id,
  code: riPlan.code,
  title: riPlan.title,
  kind: riPlan.kind,
  year: riPlan.year,
  periodStart: riPlan.periodStart,
  periodEnd: riPlan.periodEnd,
  departments: riPlan.departments,
  inspectorsPerTask: riPlan.inspectorsPerTask,
  createdAt: riPlan.createdAt,
};

export async function listPlans(ctx: ActorContext, query: PlanListQuery): Promise<{ items: PlanListItem[]; total: number }> {
  const where = and(
    scopeWhere(ctx.actor, { district: riPlan.districtCode }),
    query.year === undefined ? undefined : eq(riPlan.year, query.year),
  );
  const [counted] = await ctx.db.select({ total: count() }).from(riPlan).where(where);
  const rows = await ctx.db
    .select(listColumns)
    .from(riPlan)
    .where(where)
    .orderBy(desc(riPlan.year), desc(riPlan.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })), total: counted?.total ?? 0 };
}

/** The plan row in the actor's scope (404 outside it). */
export async function findPlanRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(riPlan)
    .where(and(eq(riPlan.id, id), scopeWhere(ctx.actor, { district: riPlan.districtCode })));
  if (!row) throw planNotFound();
  return row;
}

export async function planMatters(ctx: ActorContext, districtCode: string, planId: number): Promise<MatterView[]> {
  return ctx.db
    .select({
      id: riMatter.id,
      code: riMatter.code,
      name: riMatter.name,
      basis: riMatter.basis,
      matterType: riMatter.matterType,
      department: riMatter.department,
      isActive: riMatter.isActive,
    })
    .from(riPlanMatter)
    .innerJoin(riMatter, and(eq(riMatter.districtCode, riPlanMatter.districtCode), eq(riMatter.id, riPlanMatter.matterId)))
    .where(and(eq(riPlanMatter.districtCode, districtCode), eq(riPlanMatter.planId, planId)))
    .orderBy(asc(riMatter.code));
}

export function drawRef(districtCode: string, drawId: number): string {
  return `${districtCode}-${drawId}`;
}

export async function drawSummaries(ctx: ActorContext, districtCode: string, planId: number): Promise<DrawSummary[]> {
  const rows = await ctx.db
    .select({
      id: riDraw.id,
      planId: riDraw.planId,
      batchNo: riDraw.batchNo,
      status: riDraw.status,
      inspectionDate: riDraw.inspectionDate,
      commitment: riDraw.commitment,
      committedAt: riDraw.committedAt,
      taskCount: sql<number>`(select count(*)::int from ${riTask} where ${riTask.districtCode} = ${riDraw.districtCode} and ${riTask.drawId} = ${riDraw.id})`,
    })
    .from(riDraw)
    .where(and(eq(riDraw.districtCode, districtCode), eq(riDraw.planId, planId)))
    .orderBy(asc(riDraw.batchNo));
  return rows.map((row) => ({ ...row, ref: drawRef(districtCode, row.id), committedAt: row.committedAt.toISOString() }));
}

export async function getPlan(ctx: ActorContext, id: number): Promise<PlanView> {
  const row = await findPlanRow(ctx, id);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    year: row.year,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    departments: row.departments,
    population: row.population as PlanView['population'],
    strata: row.strata,
    inspectorsPerTask: row.inspectorsPerTask,
    matters: await planMatters(ctx, row.districtCode, row.id),
    draws: await drawSummaries(ctx, row.districtCode, row.id),
    createdAt: row.createdAt.toISOString(),
  };
}
