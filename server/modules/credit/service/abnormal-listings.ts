import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { inIds } from '../../../db/id-set.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { nextInSeries } from '../../../platform/numbering/document-counter.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { addTimelineEvent, findEntityForModule } from '../../registry/index.ts';
import { listingAlreadyOpen, listingNotFound, listingNotRemovable, reportAlreadyFiled, reportYearRequired } from '../credit.errors.ts';
import type { ListingInput, ListingQuery, ListingView, RemovalInput } from '../credit.schemas.ts';
import { creditAbnormalListing } from '../credit.tables.ts';
import {
  abnormalReasonTexts,
  isSeriousCandidate,
  legalBasisOf,
  measureFor,
  removalBlocker,
  seriousCandidateFrom,
} from '../rules/abnormal-listing.ts';
import { objectionUntil } from '../rules/objection.ts';
import { entityReports } from './annual-reports.ts';

type ListingRow = typeof creditAbnormalListing.$inferSelect;

export const listingView = (row: ListingRow, today: string): ListingView => ({
  id: row.id,
  entityId: row.entityId,
  entityName: row.entityName,
  creditCode: row.creditCode,
  entityKind: row.entityKind,
  streetCode: row.streetCode,
  measure: row.measure,
  reason: row.reason,
  reasonText: abnormalReasonTexts[row.reason]['zh-CN'],
  legalBasis: legalBasisOf(row.reason, row.entityKind),
  reportYear: row.reportYear,
  decidedOn: row.decidedOn,
  decisionNumber: row.decisionNumber,
  status: row.status,
  removedOn: row.removedOn,
  removalReason: row.removalReason,
  removalKind: row.removalKind,
  isAutomatic: row.isAutomatic,
  seriousCandidateFrom: row.measure === 'listing' ? seriousCandidateFrom(row.decidedOn) : null,
  isSeriousCandidate: isSeriousCandidate(row, today),
  objectionUntil: objectionUntil('abnormal_listing', row.decidedOn),
});

export const listingScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, {
    district: creditAbnormalListing.districtCode,
    street: creditAbnormalListing.streetCode,
    entity: creditAbnormalListing.entityId,
  });

/** The decision number: one running series per district and year, e.g. 市监经异〔2020〕12号. */
export async function listingDecisionNumber(db: ServiceContext['db'], districtCode: string, decidedOn: string): Promise<string> {
  const year = decidedOn.slice(0, 4);
  // Numbers already given (the demo's, an import's) are skipped: the series starts after the highest in use.
  const [used] = await queryRows<{ highest: number | null }>(
    db,
    sql`select max(substring(decision_number from '〕([0-9]+)号')::int) as highest from credit_abnormal_listing
        where district_code = ${districtCode} and decision_number like ${`市监经异〔${year}〕%`}`,
  );
  const sequence = await nextInSeries(db, districtCode, `JYYC${year}`, Number(used?.highest ?? 0));
  return `市监经异〔${year}〕${sequence}号`;
}

/**
 * Lists an entity (an individual business: marks it 经营异常状态) with its legal reason, in one transaction with
 * its audit event and a line on the entity's timeline. A missing annual report must really be missing and overdue.
 */
export async function createListing(ctx: ActorContext, body: ListingInput): Promise<ListingView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  const today = todayInChina(ctx.clock.now());
  if (body.decidedOn > today)
    throw invalidRequest({}, [
      { in: 'body', field: 'decidedOn', code: 'future', message: { 'zh-CN': '决定日期不能晚于今天', en: 'cannot be after today' } },
    ]);
  let reportYear: number | null = null;
  if (body.reason === 'annual_report_not_filed') {
    if (body.reportYear === undefined)
      throw reportYearRequired({}, [
        { in: 'body', field: 'reportYear', code: 'required', message: { 'zh-CN': '必须填写年度', en: 'required' } },
      ]);
    reportYear = body.reportYear;
    const report = (await entityReports(ctx, entity.districtCode, entity.id)).find((row) => row.reportYear === reportYear);
    if (report?.filedOn) throw reportAlreadyFiled({ reportYear });
    const deadline = `${reportYear + 1}-06-30`;
    if (report ? body.decidedOn <= report.deadline : body.decidedOn <= deadline)
      throw invalidRequest({}, [
        {
          in: 'body',
          field: 'decidedOn',
          code: 'before_deadline',
          message: { 'zh-CN': '年报报送期届满后方可列入', en: 'only after the filing window has closed' },
        },
      ]);
  }
  const [open] = await ctx.db
    .select({ id: creditAbnormalListing.id })
    .from(creditAbnormalListing)
    .where(
      and(
        eq(creditAbnormalListing.districtCode, entity.districtCode),
        eq(creditAbnormalListing.entityId, entity.id),
        eq(creditAbnormalListing.reason, body.reason),
        eq(creditAbnormalListing.status, 'listed'),
        sql`coalesce(${creditAbnormalListing.reportYear}, 0) = ${reportYear ?? 0}`,
      ),
    );
  if (open) throw listingAlreadyOpen();
  return ctx.db.transaction(async (tx) => {
    const decisionNumber = await listingDecisionNumber(tx, entity.districtCode, body.decidedOn);
    const [row] = await tx
      .insert(creditAbnormalListing)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        entityName: entity.name,
        creditCode: entity.creditCode,
        entityKind: entity.kind,
        streetCode: entity.streetCode,
        measure: measureFor(entity.kind),
        reason: body.reason,
        reportYear,
        decidedOn: body.decidedOn,
        decisionNumber,
        listedBy: ctx.actor.userId,
        changedAt: ctx.clock.now(),
      })
      .returning();
    const listing = row as ListingRow;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.abnormal.list',
        objectType: 'credit_abnormal_listing',
        objectId: listing.id,
        detail: { entityId: entity.id, reason: body.reason, reportYear, decidedOn: body.decidedOn, decisionNumber },
      },
    );
    const text = abnormalReasonTexts[body.reason];
    await addTimelineEvent(
      { ...ctx, db: tx },
      {
        entityId: entity.id,
        districtCode: entity.districtCode,
        kind: 'credit.abnormal_listed',
        at: chinaInstant(body.decidedOn),
        title: {
          zh: `${listing.measure === 'listing' ? '列入经营异常名录' : '标记为经营异常状态'}：${text['zh-CN']}`,
          en: `${listing.measure === 'listing' ? 'Listed as abnormal' : 'Marked abnormal'}: ${text.en}`,
        },
        refType: 'credit_abnormal_listing',
        refId: listing.id,
      },
    );
    return listingView(listing, today);
  });
}

export async function listListings(ctx: ActorContext, query: ListingQuery) {
  const today = todayInChina(ctx.clock.now());
  const candidateLimit = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const where = and(
    listingScope(ctx),
    query.status ? eq(creditAbnormalListing.status, query.status) : undefined,
    query.entityId ? eq(creditAbnormalListing.entityId, query.entityId) : undefined,
    query.isSeriousCandidate
      ? and(
          eq(creditAbnormalListing.status, 'listed'),
          eq(creditAbnormalListing.measure, 'listing'),
          lte(creditAbnormalListing.decidedOn, candidateLimit),
        )
      : undefined,
  );
  const rows = await ctx.db
    .select()
    .from(creditAbnormalListing)
    .where(where)
    .orderBy(desc(creditAbnormalListing.decidedOn), desc(creditAbnormalListing.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((row) => listingView(row, today)).filter((item) => !query.isSeriousCandidate || item.isSeriousCandidate),
    total: (await ctx.db.$count(creditAbnormalListing, where)) as number,
  };
}

export async function listingRow(ctx: ActorContext, id: number): Promise<ListingRow> {
  const [row] = await ctx.db
    .select()
    .from(creditAbnormalListing)
    .where(and(listingScope(ctx), eq(creditAbnormalListing.id, id)));
  if (!row) throw listingNotFound();
  return row;
}

export async function getListing(ctx: ActorContext, id: number): Promise<ListingView> {
  return listingView(await listingRow(ctx, id), todayInChina(ctx.clock.now()));
}

const blockerText = {
  not_listed: '该记录已不在名录中 / no longer listed',
  report_still_missing: '所涉年度报告尚未补报 / the missing annual report is still not filed',
};

/**
 * Removes a listing inside the caller's transaction (the removal route, an approved repair, an upheld objection),
 * audited. A removal for a cured cause checks the cause; an upheld objection revokes a listing that was wrong, so it
 * checks only that the listing is still open.
 */
export async function removeListingIn(
  ctx: ActorContext,
  listing: ListingRow,
  removal: { removedOn: string; removalReason: string; kind: 'staff' | 'repair' | 'objection' },
): Promise<ListingRow> {
  const filedReportYears = (await entityReports(ctx, listing.districtCode, listing.entityId))
    .filter((report) => report.filedOn !== null)
    .map((report) => report.reportYear);
  const blocker =
    removal.kind === 'objection' ? (listing.status === 'listed' ? null : 'not_listed') : removalBlocker(listing, { filedReportYears });
  if (blocker) throw listingNotRemovable({ why: blockerText[blocker] });
  if (removal.removedOn < listing.decidedOn || removal.removedOn > todayInChina(ctx.clock.now()))
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'removedOn',
        code: 'out_of_range',
        message: { 'zh-CN': '移出日期须在列入日期与今天之间', en: 'must be between the listing day and today' },
      },
    ]);
  const [row] = await ctx.db
    .update(creditAbnormalListing)
    .set({
      status: 'removed',
      removedOn: removal.removedOn,
      removalReason: removal.removalReason,
      removalKind: removal.kind,
      removedBy: ctx.actor.userId,
      changedAt: ctx.clock.now(),
    })
    .where(and(eq(creditAbnormalListing.districtCode, listing.districtCode), eq(creditAbnormalListing.id, listing.id)))
    .returning();
  await writeAudit(ctx, {
    action: 'credit.abnormal.remove',
    objectType: 'credit_abnormal_listing',
    objectId: listing.id,
    detail: { entityId: listing.entityId, removedOn: removal.removedOn, kind: removal.kind },
  });
  await addTimelineEvent(ctx, {
    entityId: listing.entityId,
    districtCode: listing.districtCode,
    kind: 'credit.abnormal_removed',
    at: chinaInstant(removal.removedOn),
    title:
      removal.kind === 'objection'
        ? { zh: '异议成立，撤销经营异常名录列入（标记）决定', en: 'Objection upheld: the abnormal listing (marking) revoked' }
        : {
            zh: listing.measure === 'listing' ? '移出经营异常名录' : '恢复正常记载状态',
            en: listing.measure === 'listing' ? 'Removed from the abnormal-operation list' : 'Abnormal marking lifted',
          },
    refType: 'credit_abnormal_listing',
    refId: listing.id,
  });
  return row as ListingRow;
}

export async function removeListing(ctx: ActorContext, id: number, body: RemovalInput): Promise<ListingView> {
  const listing = await listingRow(ctx, id);
  const row = await ctx.db.transaction((tx) => removeListingIn({ ...ctx, db: tx }, listing, { ...body, kind: 'staff' }));
  return listingView(row, todayInChina(ctx.clock.now()));
}

/**
 * Entities (of the given ids) on the abnormal-operation list or marked abnormal on `day` (default: now): decided by
 * then and not yet out — removed after it, or moved to the serious-violation list after it. The credit classes, the
 * five-colour code (also for a past year's end: the demo's colour history).
 */
export async function abnormalListedEntityIds(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  day?: string,
): Promise<Set<number>> {
  if (entityIds.length === 0) return new Set();
  if (day === undefined) {
    const rows = await ctx.db
      .selectDistinct({ entityId: creditAbnormalListing.entityId })
      .from(creditAbnormalListing)
      .where(
        and(
          eq(creditAbnormalListing.districtCode, districtCode),
          eq(creditAbnormalListing.status, 'listed'),
          inArray(creditAbnormalListing.entityId, [...entityIds]),
        ),
      );
    return new Set(rows.map((row) => row.entityId));
  }
  // A moved listing ends the day its serious-violation listing starts (same district: a co-located join).
  const rows = await queryRows<{ entity_id: string | number }>(
    ctx.db,
    sql`select distinct a.entity_id from credit_abnormal_listing a
        left join credit_serious_violation s on s.district_code = a.district_code and s.abnormal_listing_id = a.id
        where a.district_code = ${districtCode} and ${inIds(sql`a.entity_id`, entityIds)}
          and a.decided_on <= ${day}::date
          and (a.status = 'listed'
            or (a.status = 'removed' and a.removed_on > ${day}::date)
            or (a.status = 'moved_to_serious' and (s.listed_on is null or s.listed_on > ${day}::date)))`,
  );
  return new Set(rows.map((row) => Number(row.entity_id)));
}
