import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { addMonths, todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { addCalendarDays } from '../../../platform/calendar/working-days.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { statusChangeProblem } from '../rules/equipment-status.ts';
import { dueFlag, firstDue, nextDueAfter } from '../rules/inspection-cycle.ts';
import { isMaintenanceMissed, maintenanceIntervalDays } from '../rules/maintenance.ts';
import { registrationDeadline, registrationState } from '../rules/use-registration.ts';
import { registrationCodeTaken, reportNumberTaken } from '../special-equipment.errors.ts';
import type {
  EquipmentDetail,
  EquipmentFilter,
  EquipmentInput,
  EquipmentPatch,
  EquipmentView,
  InspectionInput,
  InspectionView,
  MaintenanceInput,
  MaintenanceView,
} from '../special-equipment.schemas.ts';
import { seEquipment, seInspection, seMaintenance } from '../special-equipment.tables.ts';
import { cyclesOf } from './cycle-tables.ts';
import { listHazardsOfEquipment } from './hazards.ts';
import {
  badField,
  type EquipmentRow,
  entityNames,
  equipmentRow,
  equipmentScope,
  lastMaintainedSql,
  nextDueSql,
  notInFuture,
  equipmentSelection as selection,
} from './shared-views.ts';
import { insertStatusChange, remindersOf, statusHistory } from './status-history.ts';

function equipmentView(row: EquipmentRow, entityName: string, today: string): EquipmentView {
  const inUse = row.status === 'in_use';
  return {
    id: row.id,
    entityId: row.entityId,
    entityName,
    streetCode: row.streetCode,
    kind: row.kind,
    registrationCode: row.registrationCode,
    useCertificateNumber: row.useCertificateNumber,
    firstUsedOn: row.firstUsedOn,
    registeredOn: row.registeredOn,
    registrationDeadline: registrationDeadline(row.firstUsedOn),
    registrationState: registrationState(row.firstUsedOn, row.registeredOn, today),
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    maker: row.maker,
    installer: row.installer,
    maintenanceUnit: row.maintenanceUnit,
    status: row.status,
    statusSince: row.statusSince,
    nextDueOn: row.nextDueOn,
    dueFlag: inUse ? dueFlag(row.nextDueOn, today) : null,
    lastMaintainedOn: row.lastMaintainedOn,
    isMaintenanceMissed: inUse && row.kind === 'elevator' && isMaintenanceMissed(row.lastMaintainedOn, row.firstUsedOn, today),
  };
}

const today = (ctx: ActorContext) => todayInChina(ctx.clock.now());

/** The register in the actor's scope with its filters (kind, status, street, user, text, due, unregistered). */
export async function listEquipment(ctx: ActorContext, filter: EquipmentFilter) {
  const day = today(ctx);
  const soon = addMonths(day, 1);
  const where = and(
    equipmentScope(ctx),
    filter.kind ? eq(seEquipment.kind, filter.kind) : undefined,
    filter.status ? eq(seEquipment.status, filter.status) : undefined,
    filter.streetCode ? eq(seEquipment.streetCode, filter.streetCode) : undefined,
    filter.entityId ? eq(seEquipment.entityId, filter.entityId) : undefined,
    filter.q?.trim()
      ? or(ilike(seEquipment.registrationCode, `%${filter.q.trim()}%`), ilike(seEquipment.address, `%${filter.q.trim()}%`))
      : undefined,
    filter.due ? eq(seEquipment.status, 'in_use') : undefined,
    filter.due === 'overdue' ? sql`${nextDueSql}::date < ${day}::date` : undefined,
    filter.due === 'due_soon' ? sql`${nextDueSql}::date between ${day}::date and ${soon}::date` : undefined,
    filter.due === 'due_or_overdue' ? sql`${nextDueSql}::date <= ${soon}::date` : undefined,
    filter.registration === 'unregistered' ? sql`${seEquipment.registeredOn} is null and ${seEquipment.status} = 'in_use'` : undefined,
    filter.maintenance === 'missed'
      ? sql`${seEquipment.kind} = 'elevator' and ${seEquipment.status} = 'in_use' and coalesce(${lastMaintainedSql}::date, ${seEquipment.firstUsedOn}) < ${addCalendarDays(day, -maintenanceIntervalDays)}::date`
      : undefined,
  );
  const rows = await ctx.db
    .select(selection)
    .from(seEquipment)
    .where(where)
    .orderBy(filter.due ? asc(nextDueSql) : desc(seEquipment.id), asc(seEquipment.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const total = (await ctx.db.$count(seEquipment, where)) as number;
  const flat = rows.map(({ row, nextDueOn, lastMaintainedOn }) => ({ ...row, nextDueOn, lastMaintainedOn }));
  const nameOf = await entityNames(ctx, flat);
  return { items: flat.map((row) => equipmentView(row, nameOf(row), day)), total };
}

export async function getEquipment(ctx: ActorContext, id: number): Promise<EquipmentView> {
  const row = await equipmentRow(ctx, id);
  return equipmentView(row, (await entityNames(ctx, [row]))(row), today(ctx));
}

/** The equipment page: the row, its inspections, its maintenance (newest first) and its hazards. */
export async function equipmentDetail(ctx: ActorContext, id: number): Promise<EquipmentDetail> {
  const row = await equipmentRow(ctx, id);
  const equipment = equipmentView(row, (await entityNames(ctx, [row]))(row), today(ctx));
  const inspections = await ctx.db
    .select()
    .from(seInspection)
    .where(and(eq(seInspection.districtCode, row.districtCode), eq(seInspection.equipmentId, id)))
    .orderBy(desc(seInspection.inspectedOn), desc(seInspection.id));
  const maintenance = await ctx.db
    .select()
    .from(seMaintenance)
    .where(and(eq(seMaintenance.districtCode, row.districtCode), eq(seMaintenance.equipmentId, id)))
    .orderBy(desc(seMaintenance.maintainedOn), desc(seMaintenance.id))
    .limit(50);
  return {
    equipment,
    inspections: inspections.map(inspectionView),
    maintenance: maintenance.map(maintenanceView),
    hazards: await listHazardsOfEquipment(ctx, row.districtCode, id),
    statusHistory: await statusHistory(ctx, row.districtCode, id),
    reminders: await remindersOf(ctx, row.districtCode, id),
  };
}

const inspectionView = (row: typeof seInspection.$inferSelect): InspectionView => ({
  id: row.id,
  equipmentId: row.equipmentId,
  inspectedOn: row.inspectedOn,
  result: row.result,
  inspectionBody: row.inspectionBody,
  reportNumber: row.reportNumber,
  nextDueOn: row.nextDueOn,
  note: row.note,
});
const maintenanceView = (row: typeof seMaintenance.$inferSelect): MaintenanceView => ({
  id: row.id,
  equipmentId: row.equipmentId,
  maintainedOn: row.maintainedOn,
  maintainer: row.maintainer,
  note: row.note,
});

/** Puts a piece of equipment on the register, for a special-equipment user in the actor's scope. */
export async function createEquipment(ctx: ActorContext, body: EquipmentInput): Promise<EquipmentView> {
  const day = today(ctx);
  const entity = await findEntityForModule(ctx, body.entityId);
  if (entity.businessCategory !== 'special_equipment_user')
    badField('entityId', { 'zh-CN': '不是特种设备使用单位', en: 'is not a special-equipment user' });
  notInFuture('firstUsedOn', body.firstUsedOn, day);
  if (body.registeredOn) notInFuture('registeredOn', body.registeredOn, day);
  if ((body.registeredOn === undefined) !== (body.useCertificateNumber === undefined))
    badField(body.registeredOn ? 'useCertificateNumber' : 'registeredOn', {
      'zh-CN': '使用登记证编号与登记日期须同时填写',
      en: 'the use-registration certificate number and date go together',
    });
  const [taken] = await ctx.db
    .select({ id: seEquipment.id })
    .from(seEquipment)
    .where(and(eq(seEquipment.districtCode, entity.districtCode), eq(seEquipment.registrationCode, body.registrationCode)));
  if (taken)
    throw registrationCodeTaken({ code: body.registrationCode }, [
      { in: 'body', field: 'registrationCode', code: 'duplicate', message: { 'zh-CN': '已登记', en: 'already on the register' } },
    ]);
  const cycles = await cyclesOf(ctx, entity.districtCode);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seEquipment)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        streetCode: entity.streetCode,
        kind: body.kind,
        registrationCode: body.registrationCode,
        useCertificateNumber: body.useCertificateNumber ?? null,
        firstUsedOn: body.firstUsedOn,
        registeredOn: body.registeredOn ?? null,
        firstDueOn: firstDue(body.kind, body.firstUsedOn, cycles),
        address: body.address,
        latitude: body.latitude ?? null,
        longitude: body.longitude ?? null,
        maker: body.maker,
        installer: body.installer,
        maintenanceUnit: body.maintenanceUnit,
        status: 'in_use',
        statusSince: body.firstUsedOn,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: seEquipment.id });
    await insertStatusChange(tx, {
      districtCode: entity.districtCode,
      equipmentId: row?.id as number,
      status: 'in_use',
      since: body.firstUsedOn,
      reason: '',
      createdBy: ctx.actor.userId,
    });
    await writeAudit({ ...ctx, db: tx }, { action: 'special_equipment.equipment.create', objectType: 'se_equipment', objectId: row?.id });
    return row?.id as number;
  });
  return getEquipment(ctx, id);
}

/**
 * Registers use (certificate and date), changes status (stopped, scrapped, back in use: with its day and reason, kept in
 * the history; rules/equipment-status.ts) or the maintenance unit.
 */
export async function updateEquipment(ctx: ActorContext, id: number, body: EquipmentPatch): Promise<EquipmentView> {
  const row = await equipmentRow(ctx, id);
  const day = today(ctx);
  if ((body.registeredOn === undefined) !== (body.useCertificateNumber === undefined))
    badField(body.registeredOn ? 'useCertificateNumber' : 'registeredOn', {
      'zh-CN': '使用登记证编号与登记日期须同时填写',
      en: 'the use-registration certificate number and date go together',
    });
  if (body.registeredOn) notInFuture('registeredOn', body.registeredOn, day);
  if (body.status !== undefined && body.statusSince === undefined)
    badField('statusSince', { 'zh-CN': '变更状态时必填', en: 'is required with a status change' });
  if (body.status !== undefined && body.statusReason === undefined)
    badField('statusReason', { 'zh-CN': '变更状态时须说明原因', en: 'give the reason for the status change' });
  if (body.status && body.statusSince) {
    notInFuture('statusSince', body.statusSince, day);
    const problem = statusChangeProblem({ status: row.status, since: row.statusSince }, { status: body.status, since: body.statusSince });
    if (problem === 'scrapped_is_final')
      badField('status', { 'zh-CN': '已报废的设备不能再变更状态', en: 'scrapped equipment keeps its status' });
    if (problem === 'same_status') badField('status', { 'zh-CN': '与当前状态相同', en: 'is the current status' });
    if (problem === 'before_current')
      badField('statusSince', { 'zh-CN': '不能早于当前状态的日期', en: 'cannot precede the current status’s day' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(seEquipment)
      .set({
        ...(body.status ? { status: body.status, statusSince: body.statusSince } : {}),
        ...(body.registeredOn ? { registeredOn: body.registeredOn, useCertificateNumber: body.useCertificateNumber } : {}),
        ...(body.maintenanceUnit !== undefined ? { maintenanceUnit: body.maintenanceUnit } : {}),
      })
      .where(and(eq(seEquipment.districtCode, row.districtCode), eq(seEquipment.id, id)));
    if (body.status && body.statusSince)
      await insertStatusChange(tx, {
        districtCode: row.districtCode,
        equipmentId: id,
        status: body.status,
        since: body.statusSince,
        reason: body.statusReason ?? '',
        createdBy: ctx.actor.userId,
      });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'special_equipment.equipment.update',
        districtCode: row.districtCode,
        objectType: 'se_equipment',
        objectId: id,
        detail: { ...body },
      },
    );
  });
  return getEquipment(ctx, id);
}

/** Enters a periodic inspection's result from the inspection body; the next due day follows from the cycle rule. */
export async function recordInspection(ctx: ActorContext, id: number, body: InspectionInput): Promise<InspectionView> {
  const row = await equipmentRow(ctx, id);
  notInFuture('inspectedOn', body.inspectedOn, today(ctx));
  if (body.inspectedOn < row.firstUsedOn) badField('inspectedOn', { 'zh-CN': '不能早于投入使用日期', en: 'cannot precede first use' });
  const [taken] = await ctx.db
    .select({ id: seInspection.id })
    .from(seInspection)
    .where(and(eq(seInspection.districtCode, row.districtCode), eq(seInspection.reportNumber, body.reportNumber)));
  if (taken)
    throw reportNumberTaken({ number: body.reportNumber }, [
      { in: 'body', field: 'reportNumber', code: 'duplicate', message: { 'zh-CN': '已录入', en: 'already recorded' } },
    ]);
  const cycles = await cyclesOf(ctx, row.districtCode);
  return ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(seInspection)
      .values({
        districtCode: row.districtCode,
        equipmentId: id,
        inspectedOn: body.inspectedOn,
        result: body.result,
        inspectionBody: body.inspectionBody,
        reportNumber: body.reportNumber,
        nextDueOn: nextDueAfter(row.kind, body.inspectedOn, body.result, cycles),
        note: body.note,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'special_equipment.inspection.record',
        districtCode: row.districtCode,
        objectType: 'se_inspection',
        objectId: inserted?.id,
      },
    );
    return inspectionView(inserted as typeof seInspection.$inferSelect);
  });
}

/** The maintenance unit records an elevator's half-monthly maintenance (phone page). */
export async function recordMaintenance(ctx: ActorContext, id: number, body: MaintenanceInput): Promise<MaintenanceView> {
  const row = await equipmentRow(ctx, id);
  if (row.kind !== 'elevator') badField('equipmentId', { 'zh-CN': '仅电梯记录维保', en: 'maintenance is recorded for elevators' });
  notInFuture('maintainedOn', body.maintainedOn, today(ctx));
  return ctx.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(seMaintenance)
      .values({ districtCode: row.districtCode, equipmentId: id, ...body, createdBy: ctx.actor.userId })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'special_equipment.maintenance.record',
        districtCode: row.districtCode,
        objectType: 'se_maintenance',
        objectId: inserted?.id,
      },
    );
    return maintenanceView(inserted as typeof seMaintenance.$inferSelect);
  });
}

/** The register's map: the in-use equipment in scope that has coordinates, overdue ones marked (at most 20,000 points). */
export async function mapPoints(ctx: ActorContext, filter: { kind?: EquipmentView['kind']; streetCode?: string }) {
  const day = today(ctx);
  const rows = await ctx.db
    .select({
      id: seEquipment.id,
      kind: seEquipment.kind,
      registrationCode: seEquipment.registrationCode,
      latitude: seEquipment.latitude,
      longitude: seEquipment.longitude,
      isOverdue: sql<boolean>`${nextDueSql}::date < ${day}::date`,
    })
    .from(seEquipment)
    .where(
      and(
        equipmentScope(ctx),
        eq(seEquipment.status, 'in_use'),
        sql`${seEquipment.latitude} is not null and ${seEquipment.longitude} is not null`,
        filter.kind ? eq(seEquipment.kind, filter.kind) : undefined,
        filter.streetCode ? eq(seEquipment.streetCode, filter.streetCode) : undefined,
      ),
    )
    .orderBy(asc(seEquipment.id))
    .limit(20_000);
  const items = rows.map((row) => ({
    ...row,
    latitude: row.latitude as number,
    longitude: row.longitude as number,
    isOverdue: row.isOverdue === true,
  }));
  return { items, total: items.length };
}
