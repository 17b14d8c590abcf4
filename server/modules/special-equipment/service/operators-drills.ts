import { and, desc, eq, isNull, lte, or } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import type { DrillInput, DrillView, OperatorInput, OperatorView } from '../special-equipment.schemas.ts';
import { seDrill, seOperator } from '../special-equipment.tables.ts';
import { planRow, planTitles } from './emergency-plans.ts';
import { badField, entityNames, notInFuture } from './shared-views.ts';

/** Certificates expiring within this many days are warned about (the same month as the inspection reminder). */
export const certificateWarningDays = 30;

const operatorScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: seOperator.districtCode, street: seOperator.streetCode, entity: seOperator.entityId });

function certificateState(validUntil: string | null, today: string): OperatorView['certificateState'] {
  if (validUntil === null) return 'none';
  if (validUntil < today) return 'expired';
  return validUntil <= addCalendarDays(today, certificateWarningDays) ? 'expiring' : 'valid';
}

export async function listOperators(
  ctx: ActorContext,
  query: { page: number; pageSize: number; entityId?: number; expiringWithinDays?: number },
) {
  const today = todayInChina(ctx.clock.now());
  const where = and(
    operatorScope(ctx),
    query.entityId ? eq(seOperator.entityId, query.entityId) : undefined,
    query.expiringWithinDays !== undefined
      ? or(isNull(seOperator.validUntil), lte(seOperator.validUntil, addCalendarDays(today, query.expiringWithinDays)))
      : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(seOperator)
    .where(where)
    .orderBy(query.expiringWithinDays !== undefined ? seOperator.validUntil : desc(seOperator.id), desc(seOperator.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const nameOf = await entityNames(ctx, rows);
  const items: OperatorView[] = rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    entityName: nameOf(row),
    streetCode: row.streetCode,
    holderName: row.holderName,
    workItem: row.workItem,
    certificateNumber: row.certificateNumber,
    validUntil: row.validUntil,
    onDutyFrom: row.onDutyFrom,
    certificateState: certificateState(row.validUntil, today),
  }));
  return { items, total: (await ctx.db.$count(seOperator, where)) as number };
}

/** An operator on duty at a special-equipment user, with their certificate (特种设备作业人员证) if they hold one. */
export async function createOperator(ctx: ActorContext, body: OperatorInput): Promise<OperatorView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  if (entity.businessCategory !== 'special_equipment_user')
    badField('entityId', { 'zh-CN': '不是特种设备使用单位', en: 'is not a special-equipment user' });
  notInFuture('onDutyFrom', body.onDutyFrom, todayInChina(ctx.clock.now()));
  if ((body.certificateNumber === undefined) !== (body.validUntil === undefined))
    badField(body.certificateNumber ? 'validUntil' : 'certificateNumber', {
      'zh-CN': '证书编号与有效期须同时填写',
      en: 'the certificate number and its expiry go together',
    });
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seOperator)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        streetCode: entity.streetCode,
        holderName: body.holderName,
        workItem: body.workItem,
        certificateNumber: body.certificateNumber ?? null,
        validUntil: body.validUntil ?? null,
        onDutyFrom: body.onDutyFrom,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: seOperator.id });
    await writeAudit({ ...ctx, db: tx }, { action: 'special_equipment.operator.create', objectType: 'se_operator', objectId: row?.id });
    return row?.id as number;
  });
  const page = await listOperators(ctx, { page: 1, pageSize: 1, entityId: entity.id });
  return page.items.find((item) => item.id === id) ?? (page.items[0] as OperatorView);
}

const drillScope = (ctx: ActorContext) =>
  ctx.actor.isDistrictWide
    ? scopeWhere(ctx.actor, { district: seDrill.districtCode })
    : scopeWhere(ctx.actor, { district: seDrill.districtCode, street: seDrill.streetCode, entity: seDrill.entityId });

export async function listDrills(ctx: ActorContext, query: { page: number; pageSize: number }) {
  const where = drillScope(ctx);
  const rows = await ctx.db
    .select()
    .from(seDrill)
    .where(where)
    .orderBy(desc(seDrill.heldOn), desc(seDrill.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const nameOf = await entityNames(ctx, rows);
  const titles = new Map<string, string>();
  for (const districtCode of new Set(rows.map((row) => row.districtCode))) {
    const ids = rows.flatMap((row) => (row.districtCode === districtCode && row.planId !== null ? [row.planId] : []));
    for (const [planId, title] of await planTitles(ctx, districtCode, ids)) titles.set(`${districtCode}:${planId}`, title);
  }
  const items: DrillView[] = rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    entityName: row.entityId === null ? null : nameOf(row),
    scenario: row.scenario,
    heldOn: row.heldOn,
    participants: row.participants,
    lessons: row.lessons,
    planId: row.planId,
    planTitle: row.planId === null ? null : (titles.get(`${row.districtCode}:${row.planId}`) ?? null),
  }));
  return { items, total: (await ctx.db.$count(seDrill, where)) as number };
}

/** A drill of one user, or of the district (no user: organised by the bureau). Only district-wide staff record district drills. */
export async function createDrill(ctx: ActorContext, body: DrillInput): Promise<DrillView> {
  notInFuture('heldOn', body.heldOn, todayInChina(ctx.clock.now()));
  const entity = body.entityId === undefined ? null : await findEntityForModule(ctx, body.entityId);
  if (!entity && !ctx.actor.isDistrictWide)
    badField('entityId', {
      'zh-CN': '全区演练由科室录入，请选择使用单位',
      en: 'district drills are recorded by section staff; choose a user',
    });
  const districtCode = entity?.districtCode ?? ctx.actor.districtCode;
  const plan = body.planId === undefined ? null : await planRow(ctx, body.planId);
  if (plan && (plan.districtCode !== districtCode || (plan.entityId !== null && plan.entityId !== (entity?.id ?? null))))
    badField('planId', { 'zh-CN': '不是该单位或本区的应急预案', en: 'is not a plan of this user or of the district' });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seDrill)
      .values({
        districtCode,
        entityId: entity?.id ?? null,
        streetCode: entity?.streetCode ?? null,
        scenario: body.scenario,
        heldOn: body.heldOn,
        participants: body.participants,
        lessons: body.lessons,
        planId: plan?.id ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'special_equipment.drill.create', districtCode, objectType: 'se_drill', objectId: row?.id },
    );
    const drill = row as typeof seDrill.$inferSelect;
    return { ...drill, entityName: entity?.name ?? null, planTitle: plan?.title ?? null } as DrillView & typeof drill;
  });
}
