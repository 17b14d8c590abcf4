import { and, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { unitAlreadyActive, unitInvalid, unitNotFound, unitStepNotAllowed } from '../consumer-confidence.errors.ts';
import type { DecisionBody, SettingsBody, UnitBody, UnitQuery, UnitView } from '../consumer-confidence.schemas.ts';
import { ccSetting, ccUnit } from '../consumer-confidence.tables.ts';
import {
  defaultRemovalThresholds,
  type RemovalThresholds,
  reviewDueOn,
  statusAfter,
  stepAllowed,
  type UnitStatus,
} from '../rules/unit-lifecycle.ts';

type Row = typeof ccUnit.$inferSelect;
export const unitView = (row: Row): UnitView => ({
  id: row.id,
  kind: row.kind as UnitView['kind'],
  entityId: row.entityId,
  name: row.name,
  streetCode: row.streetCode,
  commitments: row.commitments,
  status: row.status as UnitView['status'],
  appliedOn: row.appliedOn,
  decidedOn: row.decidedOn,
  listedOn: row.listedOn,
  lastReviewOn: row.lastReviewOn,
  lastReviewComplaints: row.lastReviewComplaints,
  lastReviewCases: row.lastReviewCases,
  reviewDueOn: row.status === 'listed' && row.listedOn ? reviewDueOn(row.listedOn, row.lastReviewOn) : null,
  removedOn: row.removedOn,
  decisionNote: row.decisionNote,
});

/** Staff see the district (inspectors their station's streets), an operator their own businesses' units. */
const scope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: ccUnit.districtCode, street: ccUnit.streetCode, entity: ccUnit.entityId });

export async function listUnits(ctx: ActorContext, query: UnitQuery) {
  const where = and(
    scope(ctx),
    query.kind ? eq(ccUnit.kind, query.kind) : undefined,
    query.status ? eq(ccUnit.status, query.status) : undefined,
    query.q ? ilike(ccUnit.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const [count] = await ctx.db.select({ total: sql<number>`count(*)::int` }).from(ccUnit).where(where);
  const rows = await ctx.db
    .select()
    .from(ccUnit)
    .where(where)
    .orderBy(desc(ccUnit.appliedOn), desc(ccUnit.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(unitView), total: count?.total ?? 0 };
}

export async function getUnit(ctx: ActorContext, id: number): Promise<UnitView> {
  const [row] = await ctx.db
    .select()
    .from(ccUnit)
    .where(and(scope(ctx), eq(ccUnit.id, id)));
  if (!row) throw unitNotFound();
  return unitView(row);
}

/** An application for a business in the actor's scope (an operator their own); one open or listed unit per business and kind. */
export async function applyForUnit(ctx: ActorContext, body: UnitBody): Promise<UnitView> {
  const entityScope = scopeWhere(ctx.actor, {
    district: sql.raw('e.district_code') as never,
    street: sql.raw('e.street_code') as never,
    entity: sql.raw('e.id') as never,
  });
  const [entity] = await queryRows<{ district_code: string; street_code: string; name: string }>(
    ctx.db,
    sql`select e.district_code, e.street_code, e.name from entity e where ${entityScope} and e.id = ${body.entityId}`,
  );
  if (!entity)
    throw unitInvalid({}, [
      { in: 'body', field: 'entityId', code: 'not_found', message: { 'zh-CN': '找不到该市场主体', en: 'no such business' } },
    ]);
  const [active] = await ctx.db
    .select({ id: ccUnit.id })
    .from(ccUnit)
    .where(
      and(
        eq(ccUnit.districtCode, entity.district_code),
        eq(ccUnit.entityId, body.entityId),
        eq(ccUnit.kind, body.kind),
        inArray(ccUnit.status, ['applied', 'listed']),
      ),
    );
  if (active) throw unitAlreadyActive();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ccUnit)
      .values({
        districtCode: entity.district_code,
        kind: body.kind,
        entityId: body.entityId,
        streetCode: entity.street_code,
        name: entity.name,
        commitments: body.commitments,
        status: 'applied',
        appliedOn: todayInChina(ctx.clock.now()),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('unit not stored');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'consumer_confidence.apply', objectType: 'cc_unit', objectId: row.id, districtCode: row.districtCode },
    );
    return unitView(row);
  });
}

export async function lockedUnit(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(ccUnit)
    .where(and(scope(ctx), eq(ccUnit.id, id)))
    .for('update');
  if (!row) throw unitNotFound();
  return row;
}

/** The station's review of an application: listed, or refused with a note. */
export async function decideUnit(ctx: ActorContext, id: number, body: DecisionBody): Promise<UnitView> {
  await getUnit(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const row = await lockedUnit({ ...ctx, db: tx }, id);
    if (!stepAllowed(row.status as UnitStatus, body.decision)) throw unitStepNotAllowed({ status: row.status });
    const today = todayInChina(ctx.clock.now());
    const [updated] = await tx
      .update(ccUnit)
      .set({
        status: statusAfter(body.decision),
        decidedOn: today,
        listedOn: body.decision === 'approve' ? today : null,
        decisionNote: body.note ?? '',
      })
      .where(and(eq(ccUnit.districtCode, row.districtCode), eq(ccUnit.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: `consumer_confidence.${body.decision === 'approve' ? 'approve' : 'reject'}`,
        objectType: 'cc_unit',
        objectId: id,
        districtCode: row.districtCode,
      },
    );
    return unitView(updated as Row);
  });
}

export async function removalThresholdsOn(
  ctx: ServiceContext,
  districtCode: string,
  day: string,
): Promise<RemovalThresholds & { effectiveFrom: string | null }> {
  const [row] = await ctx.db
    .select()
    .from(ccSetting)
    .where(and(eq(ccSetting.districtCode, districtCode), sql`${ccSetting.effectiveFrom} <= ${day}::date`))
    .orderBy(desc(ccSetting.effectiveFrom))
    .limit(1);
  return row
    ? { effectiveFrom: row.effectiveFrom, maxComplaints: row.maxComplaints, maxCases: row.maxCases }
    : { effectiveFrom: null, ...defaultRemovalThresholds };
}

export async function getConfidenceSettings(ctx: ActorContext) {
  return removalThresholdsOn(ctx, ctx.actor.districtCode, todayInChina(ctx.clock.now()));
}

export async function saveConfidenceSettings(ctx: ActorContext, body: SettingsBody) {
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(ccSetting)
      .values({ districtCode: ctx.actor.districtCode, ...body, changedBy: ctx.actor.userId, changedAt: ctx.clock.now() })
      .onConflictDoUpdate({
        target: [ccSetting.districtCode, ccSetting.effectiveFrom],
        set: { maxComplaints: body.maxComplaints, maxCases: body.maxCases, changedBy: ctx.actor.userId },
      });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'consumer_confidence.settings_change', objectType: 'cc_setting', objectId: body.effectiveFrom },
    );
  });
  return body;
}

/** The listed units of a district for the public page, searched by name. */
export async function publicUnits(ctx: ServiceContext, districtCode: string, q: string | undefined) {
  return ctx.db
    .select({ kind: ccUnit.kind, name: ccUnit.name, commitments: ccUnit.commitments, listedOn: ccUnit.listedOn })
    .from(ccUnit)
    .where(
      and(
        eq(ccUnit.districtCode, districtCode),
        eq(ccUnit.status, 'listed'),
        q ? ilike(ccUnit.name, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
      ),
    )
    .orderBy(ccUnit.kind, ccUnit.name)
    .limit(200);
}
