import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { defaultReviewDue, isPlanReviewDue } from '../rules/emergency-plan.ts';
import { planNotFound } from '../special-equipment.errors.ts';
import type { EmergencyPlanInput, EmergencyPlanView } from '../special-equipment.schemas.ts';
import { seDrill, seEmergencyPlan } from '../special-equipment.tables.ts';
import { badField, entityNames, equipmentRow, notInFuture } from './shared-views.ts';

/** As drills: district-wide staff every plan of their districts; an inspector their streets' users'; a user its own. */
export const planScope = (ctx: ActorContext) =>
  ctx.actor.isDistrictWide
    ? scopeWhere(ctx.actor, { district: seEmergencyPlan.districtCode })
    : scopeWhere(ctx.actor, {
        district: seEmergencyPlan.districtCode,
        street: seEmergencyPlan.streetCode,
        entity: seEmergencyPlan.entityId,
      });

type PlanRow = typeof seEmergencyPlan.$inferSelect;

async function views(ctx: ActorContext, rows: PlanRow[]): Promise<EmergencyPlanView[]> {
  const nameOf = await entityNames(ctx, rows);
  const drills = new Map<string, { n: number; last: string | null }>();
  const byDistrict = new Map<string, number[]>();
  for (const row of rows) byDistrict.set(row.districtCode, [...(byDistrict.get(row.districtCode) ?? []), row.id]);
  for (const [districtCode, ids] of byDistrict) {
    const counted = await ctx.db
      .select({ planId: seDrill.planId, n: count(), last: max(seDrill.heldOn) })
      .from(seDrill)
      .where(and(eq(seDrill.districtCode, districtCode), inArray(seDrill.planId, ids)))
      .groupBy(seDrill.planId);
    for (const row of counted) drills.set(`${districtCode}:${row.planId}`, { n: Number(row.n), last: row.last ?? null });
  }
  const today = todayInChina(ctx.clock.now());
  return rows.map((row) => {
    const drilled = drills.get(`${row.districtCode}:${row.id}`);
    return {
      id: row.id,
      entityId: row.entityId,
      entityName: row.entityId === null ? null : nameOf(row),
      equipmentId: row.equipmentId,
      title: row.title,
      scenarios: row.scenarios,
      approvedOn: row.approvedOn,
      reviewDue: row.reviewDue,
      isReviewDue: isPlanReviewDue(row.reviewDue, today),
      drillCount: drilled?.n ?? 0,
      lastDrillOn: drilled?.last ?? null,
    };
  });
}

export async function listEmergencyPlans(ctx: ActorContext, query: { page: number; pageSize: number; entityId?: number }) {
  const where = and(planScope(ctx), query.entityId ? eq(seEmergencyPlan.entityId, query.entityId) : undefined);
  const rows = await ctx.db
    .select()
    .from(seEmergencyPlan)
    .where(where)
    .orderBy(desc(seEmergencyPlan.approvedOn), desc(seEmergencyPlan.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await views(ctx, rows), total: (await ctx.db.$count(seEmergencyPlan, where)) as number };
}

/** A plan in the actor's scope (404 outside it). */
export async function planRow(ctx: ActorContext, id: number): Promise<PlanRow> {
  const [row] = await ctx.db
    .select()
    .from(seEmergencyPlan)
    .where(and(planScope(ctx), eq(seEmergencyPlan.id, id)));
  if (!row) throw planNotFound();
  return row;
}

export async function getEmergencyPlan(ctx: ActorContext, id: number): Promise<EmergencyPlanView> {
  return (await views(ctx, [await planRow(ctx, id)]))[0] as EmergencyPlanView;
}

/**
 * A plan of one user (optionally for one of its pieces of equipment), or of the district (no user: section staff).
 * The review falls due three years after approval unless given (rules/emergency-plan.ts).
 */
export async function createEmergencyPlan(ctx: ActorContext, body: EmergencyPlanInput): Promise<EmergencyPlanView> {
  notInFuture('approvedOn', body.approvedOn, todayInChina(ctx.clock.now()));
  const entity = body.entityId === undefined ? null : await findEntityForModule(ctx, body.entityId);
  if (!entity && !ctx.actor.isDistrictWide)
    badField('entityId', { 'zh-CN': '全区预案由科室录入，请选择使用单位', en: 'district plans are kept by section staff; choose a user' });
  if (body.equipmentId !== undefined) {
    if (!entity) badField('equipmentId', { 'zh-CN': '设备预案须选择使用单位', en: 'a plan for equipment needs its user' });
    const equipment = await equipmentRow(ctx, body.equipmentId);
    if (equipment.entityId !== entity.id) badField('equipmentId', { 'zh-CN': '不是该单位的设备', en: 'is not equipment of this user' });
  }
  const reviewDue = body.reviewDue ?? defaultReviewDue(body.approvedOn);
  if (reviewDue <= body.approvedOn) badField('reviewDue', { 'zh-CN': '须晚于批准日期', en: 'must be after the approval' });
  const districtCode = entity?.districtCode ?? ctx.actor.districtCode;
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seEmergencyPlan)
      .values({
        districtCode,
        entityId: entity?.id ?? null,
        streetCode: entity?.streetCode ?? null,
        equipmentId: body.equipmentId ?? null,
        title: body.title,
        scenarios: body.scenarios,
        approvedOn: body.approvedOn,
        reviewDue,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: seEmergencyPlan.id });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'special_equipment.plan.create', districtCode, objectType: 'se_emergency_plan', objectId: row?.id },
    );
    return row?.id as number;
  });
  return getEmergencyPlan(ctx, id);
}

/** Titles of plans by id in one district (the drills list). */
export async function planTitles(ctx: ActorContext, districtCode: string, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: seEmergencyPlan.id, title: seEmergencyPlan.title })
    .from(seEmergencyPlan)
    .where(and(eq(seEmergencyPlan.districtCode, districtCode), inArray(seEmergencyPlan.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row.title]));
}
