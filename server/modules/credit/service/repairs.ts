import { and, desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { addWorkingDays, type HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { listingNotRemovable, repairAlreadyOpen, repairNotFound, repairNotOpen, repairTooEarly } from '../credit.errors.ts';
import type { RepairDecisionInput, RepairInput, RepairQuery, RepairView } from '../credit.schemas.ts';
import { creditRepair } from '../credit.tables.ts';
import { removalDecisionWorkingDays } from '../rules/abnormal-listing.ts';
import { seriousRepairFrom } from '../rules/serious-violation.ts';
import { listingRow, removeListingIn } from './abnormal-listings.ts';
import { removeSeriousIn, seriousRow } from './serious-violations.ts';

type RepairRow = typeof creditRepair.$inferSelect;

const repairView = (row: RepairRow & { entityName: string }, calendar: HolidayCalendar): RepairView => ({
  id: row.id,
  entityId: row.entityId,
  entityName: row.entityName,
  streetCode: row.streetCode,
  target: row.target,
  targetId: (row.abnormalListingId ?? row.seriousViolationId) as number,
  appliedOn: row.appliedOn,
  statement: row.statement,
  status: row.status,
  decidedOn: row.decidedOn,
  decisionNote: row.decisionNote,
  // 《企业经营异常名录管理暂行办法》第十一条至第十三条: the removal is decided within 5 working days.
  decisionDue: addWorkingDays(row.appliedOn, removalDecisionWorkingDays, calendar),
});

const repairScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: creditRepair.districtCode, street: creditRepair.streetCode, entity: creditRepair.entityId });

async function targetOf(ctx: ActorContext, target: RepairInput['target'], id: number) {
  if (target === 'abnormal_listing') {
    const listing = await listingRow(ctx, id);
    return {
      kind: target,
      listing,
      serious: null,
      entityId: listing.entityId,
      entityName: listing.entityName,
      streetCode: listing.streetCode,
      districtCode: listing.districtCode,
    };
  }
  const serious = await seriousRow(ctx, id);
  return {
    kind: target,
    listing: null,
    serious,
    entityId: serious.entityId,
    entityName: serious.entityName,
    streetCode: serious.streetCode,
    districtCode: serious.districtCode,
  };
}

/**
 * The entity (or staff for it) applies for credit repair: removal from the abnormal list once the cause is cured,
 * or early removal from the serious-violation list after its minimum time (《市场监督管理信用修复管理办法》,
 * 国市监信规〔2021〕3号). One open application per record.
 */
export async function applyForRepair(ctx: ActorContext, body: RepairInput): Promise<RepairView> {
  const target = await targetOf(ctx, body.target, body.targetId);
  const today = todayInChina(ctx.clock.now());
  if (target.listing && target.listing.status !== 'listed') throw listingNotRemovable({ why: '该记录已不在名录中 / no longer listed' });
  if (target.serious) {
    if (target.serious.status !== 'listed') throw listingNotRemovable({ why: '该记录已移出 / already removed' });
    const from = seriousRepairFrom(target.serious.listedOn);
    if (today < from) throw repairTooEarly({ from });
  }
  const [open] = await ctx.db
    .select({ id: creditRepair.id })
    .from(creditRepair)
    .where(
      and(
        eq(creditRepair.districtCode, target.districtCode),
        eq(creditRepair.status, 'submitted'),
        target.listing
          ? eq(creditRepair.abnormalListingId, target.listing.id)
          : eq(creditRepair.seriousViolationId, target.serious?.id ?? 0),
      ),
    );
  if (open) throw repairAlreadyOpen();
  const calendar = await loadHolidayCalendar(ctx.db, target.districtCode);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditRepair)
      .values({
        districtCode: target.districtCode,
        entityId: target.entityId,
        streetCode: target.streetCode,
        target: body.target,
        abnormalListingId: target.listing?.id ?? null,
        seriousViolationId: target.serious?.id ?? null,
        appliedOn: today,
        statement: body.statement,
        appliedBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.repair.apply',
        objectType: 'credit_repair',
        objectId: row?.id,
        detail: { target: body.target, targetId: body.targetId },
      },
    );
    return repairView({ ...(row as RepairRow), entityName: target.entityName }, calendar);
  });
}

async function repairRow(ctx: ActorContext, id: number): Promise<RepairRow> {
  const [row] = await ctx.db
    .select()
    .from(creditRepair)
    .where(and(repairScope(ctx), eq(creditRepair.id, id)));
  if (!row) throw repairNotFound();
  return row;
}

async function withNames(ctx: ActorContext, rows: RepairRow[]) {
  const names = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.target}:${row.abnormalListingId ?? row.seriousViolationId}`;
    if (names.has(key)) continue;
    const target = await targetOf(ctx, row.target, (row.abnormalListingId ?? row.seriousViolationId) as number).catch(() => null);
    names.set(key, target?.entityName ?? '');
  }
  return rows.map((row) => ({ ...row, entityName: names.get(`${row.target}:${row.abnormalListingId ?? row.seriousViolationId}`) ?? '' }));
}

export async function listRepairs(ctx: ActorContext, query: RepairQuery) {
  const where = and(
    repairScope(ctx),
    query.status ? eq(creditRepair.status, query.status) : undefined,
    query.entityId ? eq(creditRepair.entityId, query.entityId) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(creditRepair)
    .where(where)
    .orderBy(desc(creditRepair.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const calendar = await loadHolidayCalendar(ctx.db, ctx.actor.districtCode);
  return {
    items: (await withNames(ctx, rows)).map((row) => repairView(row, calendar)),
    total: (await ctx.db.$count(creditRepair, where)) as number,
  };
}

export async function getRepair(ctx: ActorContext, id: number): Promise<RepairView> {
  const row = await repairRow(ctx, id);
  const [named] = await withNames(ctx, [row]);
  return repairView(named as RepairRow & { entityName: string }, await loadHolidayCalendar(ctx.db, row.districtCode));
}

/**
 * The station or section decides: approval removes the listing (the cause must be cured — a missing report on
 * file) in the same transaction; both outcomes are audited and the approved removal is published on the record.
 */
export async function decideRepair(ctx: ActorContext, id: number, body: RepairDecisionInput): Promise<RepairView> {
  const repair = await repairRow(ctx, id);
  if (repair.status !== 'submitted') throw repairNotOpen();
  const target = await targetOf(ctx, repair.target, (repair.abnormalListingId ?? repair.seriousViolationId) as number);
  const today = todayInChina(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db, repair.districtCode);
  return ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    if (body.status === 'approved') {
      const reason = `信用修复申请第${repair.id}号核准${body.decisionNote ? `：${body.decisionNote}` : ''}`;
      if (target.listing) await removeListingIn(inTx, target.listing, { removedOn: today, removalReason: reason, kind: 'repair' });
      if (target.serious) await removeSeriousIn(inTx, target.serious, { removedOn: today, reason, kind: 'repair' });
    }
    const [row] = await tx
      .update(creditRepair)
      .set({ status: body.status, decidedOn: today, decisionNote: body.decisionNote, decidedBy: ctx.actor.userId })
      .where(and(eq(creditRepair.districtCode, repair.districtCode), eq(creditRepair.id, id)))
      .returning();
    await writeAudit(inTx, { action: 'credit.repair.decide', objectType: 'credit_repair', objectId: id, detail: { status: body.status } });
    return repairView({ ...(row as RepairRow), entityName: target.entityName }, calendar);
  });
}
