import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { addMonths } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { EntityListItem } from '../../registry/index.ts';
import { riCreditClass, riCreditGrade, riTask } from '../random-inspections.tables.ts';
import { type CreditRiskHistory, gradeCreditRisk } from '../rules/credit-risk-class.ts';

/** Counts another module knows about entities (cases, complaints, failed samples, abnormal listing). */
export type CreditHistoryCounts = Partial<
  Pick<
    CreditRiskHistory,
    | 'casesLast24Months'
    | 'majorCasesLast24Months'
    | 'complaintsLast12Months'
    | 'failedSamplesLast12Months'
    | 'problemInspectionsLast12Months'
    | 'cleanInspectionsLast12Months'
    | 'isListedAbnormal'
    | 'hasExpiredLicence'
  >
>;

/**
 * A module's contribution to credit grading: for the given entities of one district, its counts as of
 * `today`. Wired in server/app.ts (`randomInspectionJobs(platform, sources)`): enforcement (cases),
 * complaints, sampling (failed samples), registry (abnormal listing, expired licences) add theirs there.
 */
export type CreditHistorySource = (
  ctx: ActorContext,
  input: { entityIds: number[]; today: string },
) => Promise<Map<number, CreditHistoryCounts>>;

const problemOutcomes = ['problem_handled', 'problem_follow_up', 'not_found_at_address', 'refused'] as const;

/** This module's own source: random inspections in the last 12 months, with and without a problem found. */
export const ownInspectionHistory: CreditHistorySource = async (ctx, { entityIds, today }) => {
  const counts = new Map<number, CreditHistoryCounts>();
  if (!entityIds.length) return counts;
  const rows = await ctx.db
    .select({
      entityId: riTask.entityId,
      problems: sql<number>`count(*) filter (where ${inArray(riTask.result, [...problemOutcomes])})::int`,
      clean: sql<number>`count(*) filter (where ${riTask.result} = 'no_problem')::int`,
    })
    .from(riTask)
    .where(
      and(
        eq(riTask.districtCode, ctx.actor.districtCode),
        eq(riTask.status, 'done'),
        gte(riTask.inspectedOn, addMonths(today, -12)),
        inIds(riTask.entityId, entityIds),
      ),
    )
    .groupBy(riTask.entityId);
  for (const row of rows)
    counts.set(row.entityId, { problemInspectionsLast12Months: row.problems, cleanInspectionsLast12Months: row.clean });
  return counts;
};

const batch = 1000;

/**
 * Grades the given entities on `today` (rule set in force that day), keeping the current class and the
 * month's history row. Returns the number graded per class.
 */
export async function gradeEntities(
  ctx: ActorContext,
  entities: readonly Pick<EntityListItem, 'id' | 'status' | 'foundedOn'>[],
  today: string,
  sources: readonly CreditHistorySource[] = [],
): Promise<Record<'A' | 'B' | 'C' | 'D', number>> {
  const tally = { A: 0, B: 0, C: 0, D: 0 };
  const month = `${today.slice(0, 7)}-01`;
  for (let start = 0; start < entities.length; start += batch) {
    const slice = entities.slice(start, start + batch);
    const entityIds = slice.map((item) => item.id);
    // One after the other: on a transaction's client (the demo, a draw) concurrent queries are refused by pg 9.
    const contributions: Map<number, CreditHistoryCounts>[] = [];
    for (const source of [ownInspectionHistory, ...sources]) contributions.push(await source(ctx, { entityIds, today }));
    const rows = slice.map((item) => {
      const history: CreditRiskHistory = {
        status: item.status,
        foundedOn: item.foundedOn,
        casesLast24Months: 0,
        majorCasesLast24Months: 0,
        complaintsLast12Months: 0,
        failedSamplesLast12Months: 0,
        problemInspectionsLast12Months: 0,
        cleanInspectionsLast12Months: 0,
        isListedAbnormal: false,
        hasExpiredLicence: false,
      };
      for (const contribution of contributions) {
        const counts = contribution.get(item.id);
        if (!counts) continue;
        for (const [key, value] of Object.entries(counts) as [keyof CreditHistoryCounts, number | boolean][]) {
          if (typeof value === 'boolean') (history as unknown as Record<string, unknown>)[key] = Boolean(history[key]) || value;
          else (history as unknown as Record<string, number>)[key] = (history[key] as number) + value;
        }
      }
      const grade = gradeCreditRisk(history, today);
      tally[grade.creditClass] += 1;
      return { entityId: item.id, ...grade };
    });
    const districtCode = ctx.actor.districtCode;
    await ctx.db
      .insert(riCreditClass)
      .values(
        rows.map((row) => ({
          districtCode,
          entityId: row.entityId,
          creditClass: row.creditClass,
          score: row.score,
          reasons: row.reasons,
          ruleSet: row.ruleSet,
          gradedOn: today,
        })),
      )
      .onConflictDoUpdate({
        target: [riCreditClass.districtCode, riCreditClass.entityId],
        set: {
          creditClass: sql`excluded.credit_class`,
          score: sql`excluded.score`,
          reasons: sql`excluded.reasons`,
          ruleSet: sql`excluded.rule_set`,
          gradedOn: sql`excluded.graded_on`,
        },
      });
    await ctx.db
      .insert(riCreditGrade)
      .values(rows.map((row) => ({ districtCode, entityId: row.entityId, month, creditClass: row.creditClass, score: row.score })))
      .onConflictDoUpdate({
        target: [riCreditGrade.districtCode, riCreditGrade.entityId, riCreditGrade.month],
        set: { creditClass: sql`excluded.credit_class`, score: sql`excluded.score` },
      });
  }
  return tally;
}

/** Current classes of some entities of the actor's district. */
export async function classesOf(ctx: ActorContext, entityIds: readonly number[]) {
  const found = new Map<number, { creditClass: 'A' | 'B' | 'C' | 'D'; score: number; reasons: string[]; gradedOn: string }>();
  for (let start = 0; start < entityIds.length; start += 10_000) {
    const rows = await ctx.db
      .select()
      .from(riCreditClass)
      .where(
        and(
          eq(riCreditClass.districtCode, ctx.actor.districtCode),
          inArray(riCreditClass.entityId, entityIds.slice(start, start + 10_000)),
        ),
      );
    for (const row of rows) found.set(row.entityId, row);
  }
  return found;
}

/** How many entities of the district are in each class now. */
export async function classCounts(ctx: ActorContext) {
  const rows = await queryRows<{ credit_class: 'A' | 'B' | 'C' | 'D'; n: number; graded_on: string | null }>(
    ctx.db,
    sql`select credit_class, count(*)::int as n, max(graded_on)::text as graded_on from ri_credit_class where district_code = ${ctx.actor.districtCode} group by credit_class`,
  );
  const counts = { A: 0, B: 0, C: 0, D: 0 };
  let gradedOn: string | null = null;
  for (const row of rows) {
    counts[row.credit_class] = row.n;
    if (row.graded_on && (!gradedOn || row.graded_on > gradedOn)) gradedOn = row.graded_on;
  }
  return { counts, gradedOn };
}
