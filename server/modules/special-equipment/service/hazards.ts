import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { openCase } from '../../enforcement/index.ts';
import { type HazardStatus, hazardFlag, hazardTransitions, recheckDue } from '../rules/hazard-deadlines.ts';
import { hazardNotFound, hazardStepNotAllowed } from '../special-equipment.errors.ts';
import type { HazardFilter, HazardInput, HazardView } from '../special-equipment.schemas.ts';
import { seEquipment, seHazard, seHazardPhoto } from '../special-equipment.tables.ts';
import { badField, entityNames, equipmentRow, hazardScope, notInFuture } from './shared-views.ts';

type HazardRow = typeof seHazard.$inferSelect & { registrationCode: string; kind: (typeof seEquipment.$inferSelect)['kind'] };
const selection = { hazard: seHazard, registrationCode: seEquipment.registrationCode, kind: seEquipment.kind };
const joined = and(eq(seEquipment.districtCode, seHazard.districtCode), eq(seEquipment.id, seHazard.equipmentId));

function hazardView(row: HazardRow, entityName: string, today: string, photos: PhotoMeta[]): HazardView {
  return {
    id: row.id,
    equipmentId: row.equipmentId,
    registrationCode: row.registrationCode,
    kind: row.kind,
    entityId: row.entityId,
    entityName,
    streetCode: row.streetCode,
    foundOn: row.foundOn,
    severity: row.severity,
    description: row.description,
    legalBasis: row.legalBasis,
    expert: row.expert,
    status: row.status,
    orderedOn: row.orderedOn,
    deadline: row.deadline,
    rectification: row.rectification,
    reportedOn: row.reportedOn,
    recheckDue: row.recheckDue,
    closedOn: row.closedOn,
    recheckNote: row.recheckNote,
    caseId: row.caseId,
    flag: hazardFlag(row, today),
    photos,
  };
}

const today = (ctx: ActorContext) => todayInChina(ctx.clock.now());

type PhotoMeta = HazardView['photos'][number];

/** The photos' descriptions of a page of hazards (no bytes), by district and hazard id. */
async function photosOfHazards(
  ctx: ActorContext,
  hazards: readonly { districtCode: string; id: number }[],
): Promise<(hazard: { districtCode: string; id: number }) => PhotoMeta[]> {
  const byKey = new Map<string, PhotoMeta[]>();
  const districts = new Map<string, number[]>();
  for (const hazard of hazards) districts.set(hazard.districtCode, [...(districts.get(hazard.districtCode) ?? []), hazard.id]);
  for (const [districtCode, ids] of districts) {
    const rows = await ctx.db
      .select({
        id: seHazardPhoto.id,
        hazardId: seHazardPhoto.hazardId,
        stage: seHazardPhoto.stage,
        contentType: seHazardPhoto.contentType,
        sizeBytes: seHazardPhoto.sizeBytes,
      })
      .from(seHazardPhoto)
      .where(and(eq(seHazardPhoto.districtCode, districtCode), inArray(seHazardPhoto.hazardId, ids)))
      .orderBy(asc(seHazardPhoto.id));
    for (const row of rows) {
      const key = `${districtCode}:${row.hazardId}`;
      byKey.set(key, [...(byKey.get(key) ?? []), { id: row.id, stage: row.stage, contentType: row.contentType, sizeBytes: row.sizeBytes }]);
    }
  }
  return (hazard) => byKey.get(`${hazard.districtCode}:${hazard.id}`) ?? [];
}

async function views(
  ctx: ActorContext,
  rows: { hazard: typeof seHazard.$inferSelect; registrationCode: string; kind: HazardRow['kind'] }[],
) {
  const flat = rows.map(({ hazard, registrationCode, kind }) => ({ ...hazard, registrationCode, kind }));
  const nameOf = await entityNames(ctx, flat);
  const photosOf = await photosOfHazards(ctx, flat);
  const day = today(ctx);
  return flat.map((row) => hazardView(row, nameOf(row), day, photosOf(row)));
}

/** The hazards in the actor's scope: the station's list (overdue first when asked), a user's own. */
export async function listHazards(ctx: ActorContext, filter: HazardFilter) {
  const day = today(ctx);
  const overdue = sql`((${seHazard.status} = 'ordered' and ${seHazard.deadline} < ${day}::date) or (${seHazard.status} = 'reported' and ${seHazard.recheckDue} < ${day}::date))`;
  const where = and(
    hazardScope(ctx),
    filter.status ? eq(seHazard.status, filter.status) : undefined,
    filter.equipmentId ? eq(seHazard.equipmentId, filter.equipmentId) : undefined,
    filter.isOverdue === true ? overdue : filter.isOverdue === false ? sql`not ${overdue}` : undefined,
  );
  const rows = await ctx.db
    .select(selection)
    .from(seHazard)
    .innerJoin(seEquipment, joined)
    .where(where)
    .orderBy(desc(seHazard.foundOn), desc(seHazard.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { items: await views(ctx, rows), total: (await ctx.db.$count(seHazard, where)) as number };
}

export async function listHazardsOfEquipment(ctx: ActorContext, districtCode: string, equipmentId: number): Promise<HazardView[]> {
  const rows = await ctx.db
    .select(selection)
    .from(seHazard)
    .innerJoin(seEquipment, joined)
    .where(and(hazardScope(ctx), eq(seHazard.districtCode, districtCode), eq(seHazard.equipmentId, equipmentId)))
    .orderBy(desc(seHazard.foundOn), desc(seHazard.id));
  return views(ctx, rows);
}

export async function hazardRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select(selection)
    .from(seHazard)
    .innerJoin(seEquipment, joined)
    .where(and(hazardScope(ctx), eq(seHazard.id, id)));
  if (!row) throw hazardNotFound();
  return row;
}

export async function getHazard(ctx: ActorContext, id: number): Promise<HazardView> {
  const [view] = await views(ctx, [await hazardRow(ctx, id)]);
  return view as HazardView;
}

/** A third-party expert records a hazard found on a piece of equipment (phone page). */
export async function recordHazard(ctx: ActorContext, body: HazardInput): Promise<HazardView> {
  const equipment = await equipmentRow(ctx, body.equipmentId);
  notInFuture('foundOn', body.foundOn, today(ctx));
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seHazard)
      .values({
        districtCode: equipment.districtCode,
        equipmentId: equipment.id,
        entityId: equipment.entityId,
        streetCode: equipment.streetCode,
        foundOn: body.foundOn,
        severity: body.severity,
        description: body.description,
        legalBasis: body.legalBasis,
        expert: body.expert,
        foundBy: ctx.actor.userId,
      })
      .returning({ id: seHazard.id });
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'special_equipment.hazard.record', districtCode: equipment.districtCode, objectType: 'se_hazard', objectId: row?.id },
    );
    return row?.id as number;
  });
  return getHazard(ctx, id);
}

/** One step of the loop, checked against the allowed transitions, written with its audit event. */
async function step(
  ctx: ActorContext,
  id: number,
  to: HazardStatus,
  set: Partial<typeof seHazard.$inferInsert>,
  detail: Record<string, unknown> = {},
): Promise<HazardView> {
  const { hazard } = await hazardRow(ctx, id);
  if (!hazardTransitions[hazard.status].includes(to)) throw hazardStepNotAllowed({ from: hazard.status });
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(seHazard)
      .set({ ...set, status: to })
      .where(and(eq(seHazard.districtCode, hazard.districtCode), eq(seHazard.id, id), eq(seHazard.status, hazard.status)))
      .returning({ id: seHazard.id });
    if (!updated) throw hazardStepNotAllowed({ from: hazard.status });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: `special_equipment.hazard.${to}`,
        districtCode: hazard.districtCode,
        objectType: 'se_hazard',
        objectId: id,
        detail: { from: hazard.status, ...detail },
      },
    );
  });
  return getHazard(ctx, id);
}

/** The station issues a rectification order with a deadline. */
export async function orderRectification(ctx: ActorContext, id: number, body: { orderedOn: string; deadline: string }) {
  const { hazard } = await hazardRow(ctx, id);
  notInFuture('orderedOn', body.orderedOn, today(ctx));
  if (body.orderedOn < hazard.foundOn) badField('orderedOn', { 'zh-CN': '不能早于发现日期', en: 'cannot precede the day it was found' });
  if (body.deadline <= body.orderedOn) badField('deadline', { 'zh-CN': '须晚于下达日期', en: 'must be after the order' });
  return step(ctx, id, 'ordered', { orderedOn: body.orderedOn, deadline: body.deadline });
}

/** The user reports the rectification with its evidence; the re-check falls due 10 working days later. */
export async function reportRectification(ctx: ActorContext, id: number, body: { reportedOn: string; rectification: string }) {
  const { hazard } = await hazardRow(ctx, id);
  notInFuture('reportedOn', body.reportedOn, today(ctx));
  if (hazard.orderedOn && body.reportedOn < hazard.orderedOn)
    badField('reportedOn', { 'zh-CN': '不能早于整改指令下达日期', en: 'cannot precede the order' });
  const calendar = await loadHolidayCalendar(ctx.db, hazard.districtCode);
  return step(ctx, id, 'reported', {
    reportedOn: body.reportedOn,
    rectification: body.rectification,
    recheckDue: recheckDue(body.reportedOn, calendar),
  });
}

/** The station re-checks: closed, ordered again with a new deadline, or escalated to an enforcement case. */
export async function recheckHazard(
  ctx: ActorContext,
  id: number,
  body: { on: string; outcome: 'closed' | 'reordered' | 'escalated'; note: string; deadline?: string },
) {
  const { hazard } = await hazardRow(ctx, id);
  notInFuture('on', body.on, today(ctx));
  if (hazard.reportedOn && body.on < hazard.reportedOn)
    badField('on', { 'zh-CN': '不能早于整改报告日期', en: 'cannot precede the report' });
  if (body.outcome === 'closed') return step(ctx, id, 'closed', { closedOn: body.on, recheckNote: body.note });
  if (body.outcome === 'reordered') {
    if (!body.deadline || body.deadline <= body.on)
      badField('deadline', { 'zh-CN': '重新下达整改须给出晚于复查日的期限', en: 'a new order needs a deadline after the re-check' });
    return step(ctx, id, 'ordered', {
      orderedOn: body.on,
      deadline: body.deadline,
      reportedOn: null,
      recheckDue: null,
      recheckNote: body.note,
    });
  }
  return escalateHazard(ctx, id, { on: body.on, note: body.note });
}

/** Hands the hazard to enforcement: opens a case at the lead stage through the cases module's door. */
export async function escalateHazard(ctx: ActorContext, id: number, body: { on: string; note: string }) {
  const { hazard, registrationCode } = await hazardRow(ctx, id);
  if (!hazardTransitions[hazard.status].includes('escalated')) throw hazardStepNotAllowed({ from: hazard.status });
  notInFuture('on', body.on, today(ctx));
  const opened = await openCase(ctx, {
    title: `特种设备隐患逾期未整改（设备 ${registrationCode}）`,
    source: 'inspection',
    sourceRef: `special-equipment:hazard:${id}`,
    entityId: hazard.entityId,
    violationType: 'special_equipment',
    facts: `${hazard.description}\n依据：${hazard.legalBasis}\n${body.note}`.slice(0, 4000),
    leadOn: body.on,
  });
  return step(ctx, id, 'escalated', { closedOn: body.on, recheckNote: body.note, caseId: opened.id }, { caseId: opened.id });
}
