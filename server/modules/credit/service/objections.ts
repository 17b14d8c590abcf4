import { and, desc, eq, inArray } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { listingNotRemovable, objectionAlreadyOpen, objectionNotFound, objectionTooLate, objectionWrongStep } from '../credit.errors.ts';
import type { ObjectionAcceptanceInput, ObjectionDecisionInput, ObjectionInput, ObjectionQuery, ObjectionView } from '../credit.schemas.ts';
import { creditObjection } from '../credit.tables.ts';
import { acceptanceDue, objectionDue, objectionRules, objectionUntil, verificationDue } from '../rules/objection.ts';
import { listingRow, removeListingIn } from './abnormal-listings.ts';
import { removeSeriousIn, seriousRow } from './serious-violations.ts';

type ObjectionRow = typeof creditObjection.$inferSelect;

const objectionView = (row: ObjectionRow, today: string): ObjectionView => ({
  id: row.id,
  entityId: row.entityId,
  entityName: row.entityName,
  streetCode: row.streetCode,
  target: row.target,
  targetId: (row.abnormalListingId ?? row.seriousViolationId) as number,
  filedOn: row.filedOn,
  grounds: row.grounds,
  status: row.status,
  acceptanceDue: row.acceptanceDue,
  acceptedOn: row.acceptedOn,
  verificationDue: row.verificationDue,
  decidedOn: row.decidedOn,
  outcomeNote: row.outcomeNote,
  ...objectionDue(row, today),
  legalBasis: objectionRules[row.target].citation,
});

const objectionScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: creditObjection.districtCode, street: creditObjection.streetCode, entity: creditObjection.entityId });

async function targetOf(ctx: ActorContext, target: ObjectionInput['target'], id: number) {
  if (target === 'abnormal_listing') {
    const listing = await listingRow(ctx, id);
    return { listing, serious: null, row: listing };
  }
  const serious = await seriousRow(ctx, id);
  return { listing: null, serious, row: serious };
}

/**
 * The entity (or staff for it) objects to a listing with its grounds: only an open listing, an abnormal listing
 * within 30 days of its publication (rules/objection.ts), one open objection per listing. Acceptance is due within
 * 5 working days (holiday calendar).
 */
export async function fileObjection(ctx: ActorContext, body: ObjectionInput): Promise<ObjectionView> {
  const target = await targetOf(ctx, body.target, body.targetId);
  const today = todayInChina(ctx.clock.now());
  if (target.row.status !== 'listed') throw listingNotRemovable({ why: '该记录已不在名录中 / no longer listed' });
  const listedOn = target.listing ? target.listing.decidedOn : (target.serious?.listedOn as string);
  const until = objectionUntil(body.target, listedOn);
  if (until !== null && today > until) throw objectionTooLate({ until });
  const [open] = await ctx.db
    .select({ id: creditObjection.id, status: creditObjection.status })
    .from(creditObjection)
    .where(
      and(
        eq(creditObjection.districtCode, target.row.districtCode),
        target.listing
          ? eq(creditObjection.abnormalListingId, target.listing.id)
          : eq(creditObjection.seriousViolationId, target.serious?.id ?? 0),
      ),
    );
  if (open && (open.status === 'submitted' || open.status === 'accepted')) throw objectionAlreadyOpen();
  const calendar = await loadHolidayCalendar(ctx.db, target.row.districtCode);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(creditObjection)
      .values({
        districtCode: target.row.districtCode,
        entityId: target.row.entityId,
        entityName: target.row.entityName,
        streetCode: target.row.streetCode,
        target: body.target,
        abnormalListingId: target.listing?.id ?? null,
        seriousViolationId: target.serious?.id ?? null,
        filedOn: today,
        grounds: body.grounds,
        acceptanceDue: acceptanceDue(body.target, today, calendar),
        filedBy: ctx.actor.userId,
      })
      .returning();
    const objection = row as ObjectionRow;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.objection.file',
        objectType: 'credit_objection',
        objectId: objection.id,
        detail: { target: body.target, targetId: body.targetId },
      },
    );
    return objectionView(objection, today);
  });
}

async function objectionRow(ctx: ActorContext, id: number): Promise<ObjectionRow> {
  const [row] = await ctx.db
    .select()
    .from(creditObjection)
    .where(and(objectionScope(ctx), eq(creditObjection.id, id)));
  if (!row) throw objectionNotFound();
  return row;
}

export async function listObjections(ctx: ActorContext, query: ObjectionQuery) {
  const where = and(
    objectionScope(ctx),
    query.status ? eq(creditObjection.status, query.status) : undefined,
    query.isOpen ? inArray(creditObjection.status, ['submitted', 'accepted']) : undefined,
    query.entityId ? eq(creditObjection.entityId, query.entityId) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(creditObjection)
    .where(where)
    .orderBy(desc(creditObjection.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const today = todayInChina(ctx.clock.now());
  return { items: rows.map((row) => objectionView(row, today)), total: (await ctx.db.$count(creditObjection, where)) as number };
}

export async function getObjection(ctx: ActorContext, id: number): Promise<ObjectionView> {
  return objectionView(await objectionRow(ctx, id), todayInChina(ctx.clock.now()));
}

async function update(ctx: ActorContext, row: ObjectionRow, values: Partial<ObjectionRow>, action: string): Promise<ObjectionRow> {
  const [updated] = await ctx.db
    .update(creditObjection)
    .set({ ...values, decidedBy: ctx.actor.userId })
    .where(and(eq(creditObjection.districtCode, row.districtCode), eq(creditObjection.id, row.id)))
    .returning();
  await writeAudit(ctx, { action, objectType: 'credit_objection', objectId: row.id, detail: { status: values.status } });
  return updated as ObjectionRow;
}

/** Staff accept the objection (verification due in 20 working days) or refuse to accept it, with the reason. */
export async function acceptObjection(ctx: ActorContext, id: number, body: ObjectionAcceptanceInput): Promise<ObjectionView> {
  const row = await objectionRow(ctx, id);
  if (row.status !== 'submitted') throw objectionWrongStep({ status: row.status });
  if (!body.isAccepted && body.note.trim() === '')
    throw invalidRequest({}, [
      { in: 'body', field: 'note', code: 'required', message: { 'zh-CN': '不予受理须写明理由', en: 'a refusal states its reason' } },
    ]);
  const today = todayInChina(ctx.clock.now());
  const calendar = await loadHolidayCalendar(ctx.db, row.districtCode);
  const values: Partial<ObjectionRow> = body.isAccepted
    ? { status: 'accepted', acceptedOn: today, verificationDue: verificationDue(row.target, today, calendar), outcomeNote: body.note }
    : { status: 'not_accepted', decidedOn: today, outcomeNote: body.note };
  const updated = await ctx.db.transaction((tx) =>
    update({ ...ctx, db: tx }, row, values, body.isAccepted ? 'credit.objection.accept' : 'credit.objection.refuse'),
  );
  return objectionView(updated, today);
}

/**
 * The verification's outcome. Upheld: the listing was wrong and is revoked on the day (《企业经营异常名录管理暂行办法》
 * 第十七条: corrected within 5 working days of the finding) in the same transaction; dismissed: it stays.
 */
export async function decideObjection(ctx: ActorContext, id: number, body: ObjectionDecisionInput): Promise<ObjectionView> {
  const row = await objectionRow(ctx, id);
  if (row.status !== 'accepted') throw objectionWrongStep({ status: row.status });
  const today = todayInChina(ctx.clock.now());
  const target = await targetOf(ctx, row.target, (row.abnormalListingId ?? row.seriousViolationId) as number);
  const updated = await ctx.db.transaction(async (tx) => {
    const inTx = { ...ctx, db: tx };
    if (body.outcome === 'upheld') {
      const reason = `异议第${row.id}号成立，撤销列入决定：${body.note}`;
      if (target.listing) await removeListingIn(inTx, target.listing, { removedOn: today, removalReason: reason, kind: 'objection' });
      if (target.serious) {
        if (target.serious.status !== 'listed') throw listingNotRemovable({ why: '该记录已移出 / already removed' });
        await removeSeriousIn(inTx, target.serious, { removedOn: today, reason, kind: 'objection' });
      }
    }
    return update(inTx, row, { status: body.outcome, decidedOn: today, outcomeNote: body.note }, `credit.objection.${body.outcome}`);
  });
  return objectionView(updated, today);
}
