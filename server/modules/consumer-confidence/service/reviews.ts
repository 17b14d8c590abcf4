import { and, eq, sql } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { entityComplaintCounts } from '../../complaints/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { unitStepNotAllowed } from '../consumer-confidence.errors.ts';
import type { UnitView, YearlyReviewBody } from '../consumer-confidence.schemas.ts';
import { ccUnit } from '../consumer-confidence.tables.ts';
import { crossesThreshold, statusAfter } from '../rules/unit-lifecycle.ts';
import { getUnit, lockedUnit, removalThresholdsOn, unitView } from './units.ts';

export interface ReviewCounts {
  complaints: number;
  cases: number;
}

/**
 * What the yearly review weighs, read from the files themselves: the complaints and reports counting against each
 * business in the 12 months up to `day` (the complaints module's rule, as for the five-colour code) and its cases
 * decided with a penalty other than a warning in the same months. Counts only: no personal data leaves either module.
 */
async function countsFor(ctx: ServiceContext, districtCode: string, entityIds: readonly number[], day: string) {
  const since = yearBefore(day);
  const complaints = await entityComplaintCounts(ctx, { districtCode, entityIds, since, today: day });
  const cases = await entityPenaltySummary({ ...ctx, actor: systemActorFor(districtCode) }, entityIds, since, day);
  return (entityId: number): ReviewCounts => ({
    complaints: complaints.get(entityId) ?? 0,
    cases: cases.get(entityId)?.penalisedCases ?? 0,
  });
}

/** The station's yearly review of one listed unit, today: the counts against the thresholds in force; crossing them removes it. */
export async function reviewUnit(ctx: ActorContext, id: number, body: YearlyReviewBody): Promise<UnitView> {
  await getUnit(ctx, id);
  const today = todayInChina(ctx.clock.now());
  return ctx.db.transaction(async (tx) => {
    const row = await lockedUnit({ ...ctx, db: tx }, id);
    if (row.status !== 'listed') throw unitStepNotAllowed({ status: row.status });
    const counts = (await countsFor({ ...ctx, db: tx }, row.districtCode, [row.entityId], today))(row.entityId);
    const remove = crossesThreshold(counts, await removalThresholdsOn({ ...ctx, db: tx }, row.districtCode, today));
    const [updated] = await tx
      .update(ccUnit)
      .set({
        lastReviewOn: today,
        lastReviewComplaints: counts.complaints,
        lastReviewCases: counts.cases,
        ...(remove ? { status: statusAfter('remove'), removedOn: today } : {}),
        decisionNote: body.note ?? row.decisionNote,
      })
      .where(and(eq(ccUnit.districtCode, row.districtCode), eq(ccUnit.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'consumer_confidence.yearly_review',
        objectType: 'cc_unit',
        objectId: id,
        districtCode: row.districtCode,
        detail: { ...counts, removed: remove },
      },
    );
    return unitView(updated as typeof ccUnit.$inferSelect);
  });
}

/**
 * Every listed unit of a district whose yearly review is due on `day` (a year after listing or the last review),
 * reviewed as of `day` in one pass: the daily job's work, and the demo's, which walks the months since 2021 with it.
 */
export async function reviewDueUnits(
  ctx: ServiceContext,
  districtCode: string,
  day: string,
): Promise<{ reviewed: number; removed: number }> {
  const due = await queryRows<{ id: string; entity_id: string }>(
    ctx.db,
    sql`select id, entity_id from cc_unit
        where district_code = ${districtCode} and status = 'listed'
          and (coalesce(last_review_on, listed_on) + interval '12 months')::date <= ${day}::date`,
  );
  if (due.length === 0) return { reviewed: 0, removed: 0 };
  const countOf = await countsFor(ctx, districtCode, [...new Set(due.map((row) => Number(row.entity_id)))], day);
  const thresholds = await removalThresholdsOn(ctx, districtCode, day);
  const reviews = due.map((row) => {
    const counts = countOf(Number(row.entity_id));
    return { id: Number(row.id), ...counts, remove: crossesThreshold(counts, thresholds) };
  });
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`
      update cc_unit u set last_review_on = ${day}::date, last_review_complaints = v.complaints, last_review_cases = v.cases,
        status = case when v.remove then 'removed' else u.status end,
        removed_on = case when v.remove then ${day}::date else u.removed_on end
      from unnest(${sql.param(reviews.map((review) => review.id))}::bigint[], ${sql.param(reviews.map((review) => review.complaints))}::int[],
                  ${sql.param(reviews.map((review) => review.cases))}::int[], ${sql.param(reviews.map((review) => review.remove))}::boolean[])
        as v(id, complaints, cases, remove)
      where u.district_code = ${districtCode} and u.id = v.id`);
    for (const review of reviews.filter((candidate) => candidate.remove))
      await writeAudit(
        { ...ctx, db: tx },
        {
          action: 'consumer_confidence.yearly_review',
          objectType: 'cc_unit',
          objectId: review.id,
          districtCode,
          detail: { complaints: review.complaints, cases: review.cases, removed: true },
        },
      );
  });
  return { reviewed: reviews.length, removed: reviews.filter((review) => review.remove).length };
}
