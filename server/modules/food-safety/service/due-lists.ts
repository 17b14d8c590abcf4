import { and, asc, count, desc, eq, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import { addDays } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entitiesWithLicences, findEntityForModule } from '../../registry/index.ts';
import type { DueQuery, DueView } from '../food-safety.schemas.ts';
import { foodSafetyGrade, foodSafetyGradeHistory, inspectionConflict, rectificationOrder } from '../food-safety.tables.ts';
import { dueState } from '../rules/risk-grade.ts';
import { today } from './handlers.ts';

/** Open rectification orders in scope (overdue first). */
export async function listRectifications(
  ctx: ActorContext,
  query: { entityId?: number; isOpen?: boolean; page: number; pageSize: number },
) {
  const where = and(
    scopeWhere(ctx.actor, {
      district: rectificationOrder.districtCode,
      street: rectificationOrder.streetCode,
      entity: rectificationOrder.entityId,
    }),
    query.entityId === undefined ? undefined : eq(rectificationOrder.entityId, query.entityId),
    query.isOpen === false ? undefined : isNull(rectificationOrder.closedOn),
  ) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(rectificationOrder).where(where);
  const rows = await ctx.db
    .select()
    .from(rectificationOrder)
    .where(where)
    .orderBy(asc(rectificationOrder.deadline))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const day = today(ctx);
  return {
    items: rows.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      inspectionId: row.inspectionId,
      deadline: row.deadline,
      requirements: row.requirements,
      closedOn: row.closedOn,
      outcome: row.outcome,
      isOverdue: row.closedOn === null && row.deadline < day,
    })),
    total: total?.total ?? 0,
  };
}

/**
 * The due / overdue list: businesses whose next routine inspection (from the risk grade) is overdue or due
 * within 30 days, for the inspector's station (scope) or a chosen station.
 */
export async function listDue(ctx: ActorContext, query: DueQuery): Promise<{ items: DueView[]; total: number }> {
  const day = today(ctx);
  let stationStreets: string[] | undefined;
  if (query.stationId !== undefined) {
    const rows = await ctx.db
      .select({ streetCode: stationStreet.streetCode })
      .from(stationStreet)
      .where(and(eq(stationStreet.districtCode, ctx.actor.districtCode), eq(stationStreet.stationId, query.stationId)));
    stationStreets = rows.map((row) => row.streetCode);
  }
  const limitDay = query.state === 'overdue' ? addDays(day, -1) : addDays(day, 30);
  const where = and(
    scopeWhere(ctx.actor, { district: foodSafetyGrade.districtCode, street: foodSafetyGrade.streetCode }),
    stationStreets === undefined ? undefined : inArray(foodSafetyGrade.streetCode, stationStreets.length ? stationStreets : ['']),
    lte(foodSafetyGrade.nextDueOn, limitDay),
  ) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(foodSafetyGrade).where(where);
  const rows = await ctx.db
    .select()
    .from(foodSafetyGrade)
    .where(where)
    .orderBy(asc(foodSafetyGrade.nextDueOn), asc(foodSafetyGrade.entityId))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = new Map<number, { name: string; address: string }>();
  const byDistrict = new Map<string, number[]>();
  for (const row of rows) byDistrict.set(row.districtCode, [...(byDistrict.get(row.districtCode) ?? []), row.entityId]);
  for (const [districtCode, entityIds] of byDistrict)
    for (const entity of await entitiesWithLicences(ctx, districtCode, { entityIds })) names.set(entity.id, entity);
  return {
    items: rows.map((row) => ({
      entityId: row.entityId,
      entityName: names.get(row.entityId)?.name ?? '',
      address: names.get(row.entityId)?.address ?? '',
      streetCode: row.streetCode,
      riskGrade: row.riskGrade,
      dynamicGrade: row.dynamicGrade,
      lastInspectedOn: row.lastInspectedOn,
      nextDueOn: row.nextDueOn,
      state: dueState(row.nextDueOn, day),
    })),
    total: total?.total ?? 0,
  };
}

export async function gradeHistoryOf(ctx: ActorContext, entityId: number) {
  const shop = await findEntityForModule(ctx, entityId);
  const [grade] = await ctx.db
    .select()
    .from(foodSafetyGrade)
    .where(and(eq(foodSafetyGrade.districtCode, shop.districtCode), eq(foodSafetyGrade.entityId, shop.id)));
  const history = await ctx.db
    .select()
    .from(foodSafetyGradeHistory)
    .where(and(eq(foodSafetyGradeHistory.districtCode, shop.districtCode), eq(foodSafetyGradeHistory.entityId, shop.id)))
    .orderBy(desc(foodSafetyGradeHistory.id))
    .limit(50);
  return {
    entityId: shop.id,
    entityName: shop.name,
    grade: grade
      ? {
          dynamicGrade: grade.dynamicGrade,
          dynamicScoreTenths: grade.dynamicScoreTenths,
          blackoutReason: grade.blackoutReason,
          annualGrade: grade.annualGrade,
          annualMeanTenths: grade.annualMeanTenths,
          riskGrade: grade.riskGrade,
          riskPoints: grade.riskPoints,
          lastInspectedOn: grade.lastInspectedOn,
          lastOutcome: grade.lastOutcome,
          nextDueOn: grade.nextDueOn,
          ruleSetId: grade.ruleSetId,
        }
      : null,
    history: history.map((row) => ({
      id: row.id,
      changedOn: row.changedOn,
      dynamicGrade: row.dynamicGrade,
      annualGrade: row.annualGrade,
      riskGrade: row.riskGrade,
      nextDueOn: row.nextDueOn,
      reason: ctx.meta.language === 'en' ? (row.reasonEn ?? row.reason) : row.reason,
      inspectionId: row.inspectionId,
    })),
  };
}

/** An inspector declares a conflict of interest with a business: they cannot be one of its inspectors. */
export async function declareConflict(ctx: ActorContext, body: { entityId: number; reason: string }) {
  const shop = await findEntityForModule(ctx, body.entityId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspectionConflict)
      .values({
        districtCode: shop.districtCode,
        inspectorId: ctx.actor.userId,
        entityId: shop.id,
        streetCode: shop.streetCode,
        reason: body.reason,
      })
      .onConflictDoNothing()
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'inspection_conflict.declare', objectType: 'entity', objectId: shop.id, reason: body.reason },
    );
    return { entityId: shop.id, inspectorId: ctx.actor.userId, reason: row?.reason ?? body.reason };
  });
}
