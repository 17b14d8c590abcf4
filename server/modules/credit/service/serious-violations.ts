import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { nextInSeries } from '../../../platform/numbering/document-counter.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { addTimelineEvent } from '../../registry/index.ts';
import { notSeriousCandidate, seriousNotFound } from '../credit.errors.ts';
import type { SeriousFromListingInput, SeriousQuery, SeriousView } from '../credit.schemas.ts';
import { creditAbnormalListing, creditSeriousViolation } from '../credit.tables.ts';
import { isSeriousCandidate } from '../rules/abnormal-listing.ts';
import { seriousRepairFrom, seriousTermEnds, seriousTermRulesOn } from '../rules/serious-violation.ts';
import { listingRow } from './abnormal-listings.ts';

type SeriousRow = typeof creditSeriousViolation.$inferSelect;

export const seriousView = (row: SeriousRow): SeriousView => ({
  id: row.id,
  entityId: row.entityId,
  entityName: row.entityName,
  creditCode: row.creditCode,
  streetCode: row.streetCode,
  reason: row.reason,
  abnormalListingId: row.abnormalListingId,
  listedOn: row.listedOn,
  termEndsOn: row.termEndsOn,
  repairFrom: seriousRepairFrom(row.listedOn),
  decisionNumber: row.decisionNumber,
  status: row.status,
  removedOn: row.removedOn,
  removalReason: row.removalReason,
  legalBasis: `${seriousTermRulesOn(row.listedOn).citation}${row.reason === 'abnormal_three_years' ? '；《企业信息公示暂行条例》第十八条（列入经营异常名录满3年）' : ''}`,
});

export const seriousScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, {
    district: creditSeriousViolation.districtCode,
    street: creditSeriousViolation.streetCode,
    entity: creditSeriousViolation.entityId,
  });

/**
 * Moves an enterprise listed for 3 years without curing the cause to the serious-violation list: the new listing
 * with its term, the abnormal listing marked as moved — one transaction, audited, on the entity's timeline.
 */
export async function listFromAbnormal(ctx: ActorContext, body: SeriousFromListingInput): Promise<SeriousView> {
  const listing = await listingRow(ctx, body.abnormalListingId);
  const today = todayInChina(ctx.clock.now());
  if (body.listedOn > today)
    throw invalidRequest({}, [
      { in: 'body', field: 'listedOn', code: 'future', message: { 'zh-CN': '列入日期不能晚于今天', en: 'cannot be after today' } },
    ]);
  if (!isSeriousCandidate(listing, body.listedOn)) throw notSeriousCandidate();
  return ctx.db.transaction(async (tx) => {
    const year = body.listedOn.slice(0, 4);
    const [used] = await queryRows<{ highest: number | null }>(
      tx,
      sql`select max(substring(decision_number from '〕([0-9]+)号')::int) as highest from credit_serious_violation
          where district_code = ${listing.districtCode} and decision_number like ${`市监严失〔${year}〕%`}`,
    );
    const sequence = await nextInSeries(tx, listing.districtCode, `YZSX${year}`, Number(used?.highest ?? 0));
    const [row] = await tx
      .insert(creditSeriousViolation)
      .values({
        districtCode: listing.districtCode,
        entityId: listing.entityId,
        entityName: listing.entityName,
        creditCode: listing.creditCode,
        streetCode: listing.streetCode,
        reason: 'abnormal_three_years',
        abnormalListingId: listing.id,
        listedOn: body.listedOn,
        termEndsOn: seriousTermEnds(body.listedOn),
        decisionNumber: `市监严失〔${year}〕${sequence}号`,
        listedBy: ctx.actor.userId,
      })
      .returning();
    await tx
      .update(creditAbnormalListing)
      .set({ status: 'moved_to_serious' })
      .where(and(eq(creditAbnormalListing.districtCode, listing.districtCode), eq(creditAbnormalListing.id, listing.id)));
    const serious = row as SeriousRow;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.serious.list',
        objectType: 'credit_serious_violation',
        objectId: serious.id,
        detail: { entityId: listing.entityId, abnormalListingId: listing.id, listedOn: body.listedOn },
      },
    );
    await addTimelineEvent(
      { ...ctx, db: tx },
      {
        entityId: listing.entityId,
        districtCode: listing.districtCode,
        kind: 'credit.serious_listed',
        at: chinaInstant(body.listedOn),
        title: { zh: '列入严重违法失信名单（经营异常名录满3年）', en: 'Put on the serious-violation list (3 years on the abnormal list)' },
        refType: 'credit_serious_violation',
        refId: serious.id,
      },
    );
    return seriousView(serious);
  });
}

export async function listSerious(ctx: ActorContext, query: SeriousQuery) {
  const where = and(
    seriousScope(ctx),
    query.status ? eq(creditSeriousViolation.status, query.status) : undefined,
    query.entityId ? eq(creditSeriousViolation.entityId, query.entityId) : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(creditSeriousViolation)
    .where(where)
    .orderBy(desc(creditSeriousViolation.listedOn), desc(creditSeriousViolation.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(seriousView), total: (await ctx.db.$count(creditSeriousViolation, where)) as number };
}

export async function seriousRow(ctx: ActorContext, id: number): Promise<SeriousRow> {
  const [row] = await ctx.db
    .select()
    .from(creditSeriousViolation)
    .where(and(seriousScope(ctx), eq(creditSeriousViolation.id, id)));
  if (!row) throw seriousNotFound();
  return row;
}

export async function getSerious(ctx: ActorContext, id: number): Promise<SeriousView> {
  return seriousView(await seriousRow(ctx, id));
}

/** Removes a serious-violation listing inside the caller's transaction (an approved repair), audited. */
export async function removeSeriousIn(ctx: ActorContext, serious: SeriousRow, removedOn: string, reason: string): Promise<void> {
  await ctx.db
    .update(creditSeriousViolation)
    .set({ status: 'removed', removedOn, removalReason: reason, removedBy: ctx.actor.userId })
    .where(and(eq(creditSeriousViolation.districtCode, serious.districtCode), eq(creditSeriousViolation.id, serious.id)));
  await writeAudit(ctx, {
    action: 'credit.serious.remove',
    objectType: 'credit_serious_violation',
    objectId: serious.id,
    detail: { entityId: serious.entityId, removedOn },
  });
  await addTimelineEvent(ctx, {
    entityId: serious.entityId,
    districtCode: serious.districtCode,
    kind: 'credit.serious_removed',
    at: chinaInstant(removedOn),
    title: { zh: '移出严重违法失信名单（信用修复）', en: 'Removed from the serious-violation list (credit repair)' },
    refType: 'credit_serious_violation',
    refId: serious.id,
  });
}

/** Entities (of the given ids) on the serious-violation list today (term not ended, not removed). */
export async function seriousListedEntityIds(ctx: ServiceContext, districtCode: string, entityIds: readonly number[], today: string) {
  if (entityIds.length === 0) return new Set<number>();
  const rows = await ctx.db
    .select({ entityId: creditSeriousViolation.entityId, termEndsOn: creditSeriousViolation.termEndsOn })
    .from(creditSeriousViolation)
    .where(
      and(
        eq(creditSeriousViolation.districtCode, districtCode),
        eq(creditSeriousViolation.status, 'listed'),
        inArray(creditSeriousViolation.entityId, [...entityIds]),
      ),
    );
  return new Set(rows.filter((row) => row.termEndsOn > today).map((row) => row.entityId));
}
