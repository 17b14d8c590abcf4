import { and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { chinaInstant, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { nextInSeries } from '../../../platform/numbering/document-counter.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { getCase } from '../../enforcement/index.ts';
import { addTimelineEvent, findEntityForModule } from '../../registry/index.ts';
import { notSeriousCandidate, seriousAlreadyListed, seriousNotFound } from '../credit.errors.ts';
import type { SeriousFromCaseInput, SeriousFromListingInput, SeriousQuery, SeriousView } from '../credit.schemas.ts';
import { creditAbnormalListing, creditSeriousViolation } from '../credit.tables.ts';
import { isSeriousCandidate } from '../rules/abnormal-listing.ts';
import { caseListingBlocker, isTermEnded, seriousRepairFrom, seriousTermEnds, seriousTermRulesOn } from '../rules/serious-violation.ts';
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
  caseId: row.caseId,
  caseNumber: row.caseNumber,
  penaltyDecisionNumber: row.penaltyDecisionNumber,
  superiorConsent: row.superiorConsent,
  listedOn: row.listedOn,
  termEndsOn: row.termEndsOn,
  repairFrom: seriousRepairFrom(row.listedOn),
  decisionNumber: row.decisionNumber,
  status: row.status,
  removedOn: row.removedOn,
  removalReason: row.removalReason,
  removalKind: row.removalKind,
  legalBasis: `${seriousTermRulesOn(row.listedOn).citation}${
    row.reason === 'abnormal_three_years'
      ? '；《企业信息公示暂行条例》第十八条（列入经营异常名录满3年）'
      : `；行政处罚决定 ${row.penaltyDecisionNumber ?? ''}（案件 ${row.caseNumber ?? ''}）`
  }`,
});

export const seriousScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, {
    district: creditSeriousViolation.districtCode,
    street: creditSeriousViolation.streetCode,
    entity: creditSeriousViolation.entityId,
  });

/** The decision number: one running series per district and year, e.g. 市监严失〔2025〕3号. */
async function seriousDecisionNumber(db: ServiceContext['db'], districtCode: string, listedOn: string): Promise<string> {
  const year = listedOn.slice(0, 4);
  const [used] = await queryRows<{ highest: number | null }>(
    db,
    sql`select max(substring(decision_number from '〕([0-9]+)号')::int) as highest from credit_serious_violation
        where district_code = ${districtCode} and decision_number like ${`市监严失〔${year}〕%`}`,
  );
  const sequence = await nextInSeries(db, districtCode, `YZSX${year}`, Number(used?.highest ?? 0));
  return `市监严失〔${year}〕${sequence}号`;
}

const blockerFields = {
  not_decided: { 'zh-CN': '案件尚未作出行政处罚决定', en: 'the case has no penalty decision yet' },
  no_entity: { 'zh-CN': '案件当事人不是登记在册的市场主体', en: 'the case names no registered entity' },
  before_decision: { 'zh-CN': '列入日期早于行政处罚决定日期', en: 'before the penalty decision' },
} as const;

/**
 * Lists the party of a penalised case on the serious-violation list (《市场监督管理严重违法失信名单管理办法》, SAMR
 * Order 44: a serious violation punished by an administrative penalty; a county bureau decides with the superior
 * bureau's consent, recorded here). The case is read through enforcement's index in the actor's scope; one open
 * listing per case; one transaction with its audit event and the entity's timeline.
 */
export async function listFromCase(ctx: ActorContext, body: SeriousFromCaseInput): Promise<SeriousView> {
  const today = todayInChina(ctx.clock.now());
  if (body.listedOn > today)
    throw invalidRequest({}, [
      { in: 'body', field: 'listedOn', code: 'future', message: { 'zh-CN': '列入日期不能晚于今天', en: 'cannot be after today' } },
    ]);
  const enforcementCase = await getCase(ctx, body.caseId);
  const blocker = caseListingBlocker(enforcementCase, body.listedOn);
  if (blocker)
    throw invalidRequest({}, [
      { in: 'body', field: blocker === 'before_decision' ? 'listedOn' : 'caseId', code: blocker, message: blockerFields[blocker] },
    ]);
  const entity = await findEntityForModule(ctx, enforcementCase.entityId as number);
  const [open] = await ctx.db
    .select({ id: creditSeriousViolation.id })
    .from(creditSeriousViolation)
    .where(
      and(
        eq(creditSeriousViolation.districtCode, entity.districtCode),
        eq(creditSeriousViolation.caseId, enforcementCase.id),
        eq(creditSeriousViolation.status, 'listed'),
      ),
    );
  if (open) throw seriousAlreadyListed();
  return ctx.db.transaction(async (tx) => {
    const decisionNumber = await seriousDecisionNumber(tx, entity.districtCode, body.listedOn);
    const [row] = await tx
      .insert(creditSeriousViolation)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        entityName: entity.name,
        creditCode: entity.creditCode,
        streetCode: entity.streetCode,
        reason: 'serious_violation',
        caseId: enforcementCase.id,
        caseNumber: enforcementCase.number,
        penaltyDecisionNumber: enforcementCase.decisionNumber,
        superiorConsent: body.superiorConsent,
        listedOn: body.listedOn,
        termEndsOn: seriousTermEnds(body.listedOn),
        decisionNumber,
        listedBy: ctx.actor.userId,
        changedAt: ctx.clock.now(),
      })
      .returning();
    const serious = row as SeriousRow;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'credit.serious.list_from_case',
        objectType: 'credit_serious_violation',
        objectId: serious.id,
        detail: { entityId: entity.id, caseId: enforcementCase.id, listedOn: body.listedOn, superiorConsent: body.superiorConsent },
      },
    );
    await addTimelineEvent(
      { ...ctx, db: tx },
      {
        entityId: entity.id,
        districtCode: entity.districtCode,
        kind: 'credit.serious_listed',
        at: chinaInstant(body.listedOn),
        title: {
          zh: `列入严重违法失信名单（行政处罚 ${enforcementCase.decisionNumber ?? enforcementCase.number}）`,
          en: `Put on the serious-violation list (penalty ${enforcementCase.decisionNumber ?? enforcementCase.number})`,
        },
        refType: 'credit_serious_violation',
        refId: serious.id,
      },
    );
    return seriousView(serious);
  });
}

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
    const decisionNumber = await seriousDecisionNumber(tx, listing.districtCode, body.listedOn);
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
        decisionNumber,
        listedBy: ctx.actor.userId,
        changedAt: ctx.clock.now(),
      })
      .returning();
    await tx
      .update(creditAbnormalListing)
      .set({ status: 'moved_to_serious', changedAt: ctx.clock.now() })
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

const removalTitles = {
  repair: { zh: '移出严重违法失信名单（信用修复）', en: 'Removed from the serious-violation list (credit repair)' },
  term_ended: { zh: '列入严重违法失信名单期满，移出', en: 'Term on the serious-violation list ended: removed' },
  objection: { zh: '异议成立，撤销严重违法失信名单列入决定', en: 'Objection upheld: the serious-violation listing revoked' },
} as const;

/**
 * Removes a serious-violation listing inside the caller's transaction (an approved repair, the end of its term, an
 * upheld objection), audited, on the entity's timeline.
 */
export async function removeSeriousIn(
  ctx: ServiceContext,
  serious: SeriousRow,
  removal: { removedOn: string; reason: string; kind: 'repair' | 'term_ended' | 'objection' },
): Promise<void> {
  const { removedOn, reason } = removal;
  await ctx.db
    .update(creditSeriousViolation)
    .set({
      status: 'removed',
      removedOn,
      removalReason: reason,
      removalKind: removal.kind,
      removedBy: ctx.actor?.userId || null,
      changedAt: ctx.clock.now(),
    })
    .where(and(eq(creditSeriousViolation.districtCode, serious.districtCode), eq(creditSeriousViolation.id, serious.id)));
  await writeAudit(ctx, {
    action: 'credit.serious.remove',
    objectType: 'credit_serious_violation',
    objectId: serious.id,
    districtCode: serious.districtCode,
    detail: { entityId: serious.entityId, removedOn, kind: removal.kind },
  });
  await addTimelineEvent(ctx, {
    entityId: serious.entityId,
    districtCode: serious.districtCode,
    kind: 'credit.serious_removed',
    at: chinaInstant(removedOn),
    title: removalTitles[removal.kind],
    refType: 'credit_serious_violation',
    refId: serious.id,
  });
}

/**
 * The daily job: every listing of the district whose term has ended leaves the list on its term-end day (SAMR Order
 * 44; rules/serious-violation.ts#isTermEnded). Idempotent: a removed listing is not touched again.
 */
export async function expireSeriousListings(ctx: ServiceContext, districtCode: string, today: string): Promise<number> {
  const due = await ctx.db
    .select()
    .from(creditSeriousViolation)
    .where(
      and(
        eq(creditSeriousViolation.districtCode, districtCode),
        eq(creditSeriousViolation.status, 'listed'),
        lte(creditSeriousViolation.termEndsOn, today),
      ),
    );
  for (const serious of due.filter((row) => isTermEnded(row, today))) {
    await removeSeriousIn(ctx, serious, {
      removedOn: serious.termEndsOn,
      reason: `列入期满（${seriousTermRulesOn(serious.listedOn).termYears}年）自动移出`,
      kind: 'term_ended',
    });
  }
  return due.length;
}

/** Entities whose abnormal or serious-violation listing changed (listed, removed, moved, expired) at or after `since`. */
export async function listChangedEntityIds(ctx: ServiceContext, districtCode: string, since: Date): Promise<number[]> {
  const abnormal = await ctx.db
    .selectDistinct({ entityId: creditAbnormalListing.entityId })
    .from(creditAbnormalListing)
    .where(and(eq(creditAbnormalListing.districtCode, districtCode), gte(creditAbnormalListing.changedAt, since)));
  const serious = await ctx.db
    .selectDistinct({ entityId: creditSeriousViolation.entityId })
    .from(creditSeriousViolation)
    .where(and(eq(creditSeriousViolation.districtCode, districtCode), gte(creditSeriousViolation.changedAt, since)));
  return [...new Set([...abnormal, ...serious].map((row) => row.entityId))].sort((a, b) => a - b);
}

/**
 * Entities (of the given ids) on the serious-violation list on `today`: listed by then, term not ended, not removed
 * by then (a listing removed later was still on the list that day).
 */
export async function seriousListedEntityIds(ctx: ServiceContext, districtCode: string, entityIds: readonly number[], today: string) {
  if (entityIds.length === 0) return new Set<number>();
  const rows = await ctx.db
    .select({
      entityId: creditSeriousViolation.entityId,
      status: creditSeriousViolation.status,
      listedOn: creditSeriousViolation.listedOn,
      termEndsOn: creditSeriousViolation.termEndsOn,
      removedOn: creditSeriousViolation.removedOn,
    })
    .from(creditSeriousViolation)
    .where(and(eq(creditSeriousViolation.districtCode, districtCode), inArray(creditSeriousViolation.entityId, [...entityIds])));
  return new Set(
    rows
      .filter((row) => row.listedOn <= today && row.termEndsOn > today && (row.removedOn === null || row.removedOn > today))
      .map((row) => row.entityId),
  );
}
