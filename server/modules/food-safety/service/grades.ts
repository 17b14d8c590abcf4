import { and, count, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { Bilingual } from '../../../platform/i18n/language.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { creditListChangedEntityIds, creditListStatus } from '../../credit/index.ts';
import { type EntityWithLicences, entitiesWithLicences } from '../../registry/index.ts';
import { foodHandler, foodInspection, foodSafetyGrade, foodSafetyGradeHistory, rectificationOrder } from '../food-safety.tables.ts';
import { complianceBasisPoints } from '../rules/certificate-state.ts';
import { seriousListRuleFor } from '../rules/credit-raise.ts';
import { type EntityGrade, type GradedInspection, gradeChangeReason, gradeEntity } from '../rules/entity-grade.ts';
import { gradingRulesFor } from '../rules/grading-rule-sets.ts';
import { employedOn, stateCondition } from './handlers.ts';

type GradeRow = typeof foodSafetyGrade.$inferSelect;

/** The food business licence date that starts the new-licence blackout; the registration date when none. */
export function gradingInputsOf(entity: EntityWithLicences): { licenceIssuedOn: string | null; since: string } {
  const food = entity.licences.filter((licence) => licence.kind === 'food_business').map((licence) => licence.issuedOn);
  const first = food.sort()[0] ?? null;
  return { licenceIssuedOn: first, since: first ?? entity.foundedOn };
}

export const gradeOfRow = (row: GradeRow): EntityGrade => ({
  dynamicGrade: row.dynamicGrade,
  dynamicScoreTenths: row.dynamicScoreTenths,
  blackoutReason: row.blackoutReason,
  annualGrade: row.annualGrade,
  annualMeanTenths: row.annualMeanTenths,
  riskGrade: row.riskGrade,
  riskPoints: row.riskPoints,
  lastInspectedOn: row.lastInspectedOn,
  lastOutcome: row.lastOutcome,
  nextDueOn: row.nextDueOn,
});

/**
 * Recomputes one business's grades from its inspections and stores them, with a history row stating the reason
 * when anything changed. Runs inside the caller's transaction (the inspection save).
 */
export async function recomputeGrade(
  ctx: ServiceContext,
  input: { districtCode: string; entityId: number; today: string; cause: Bilingual; inspectionId?: number },
): Promise<EntityGrade> {
  const [entity] = await entitiesWithLicences(ctx, input.districtCode, { entityIds: [input.entityId] });
  if (!entity) throw new Error(`entity ${input.entityId} not in ${input.districtCode}`);
  const inspections: GradedInspection[] = await ctx.db
    .select({
      id: foodInspection.id,
      inspectedOn: foodInspection.inspectedOn,
      scoreTenths: foodInspection.scoreTenths,
      failedKeyItems: foodInspection.failedKeyItems,
      dynamicGrade: foodInspection.dynamicGrade,
      outcome: foodInspection.outcome,
    })
    .from(foodInspection)
    .where(and(eq(foodInspection.districtCode, input.districtCode), eq(foodInspection.entityId, input.entityId)));
  const rules = gradingRulesFor(input.districtCode, input.today);
  const { serious } = await creditListStatus(ctx, input.districtCode, [input.entityId], input.today);
  const seriousList = { isListed: serious.has(input.entityId), rule: seriousListRuleFor(input.districtCode, input.today) };
  const after = gradeEntity({ inspections, formats: [], incidentDates: [], ...gradingInputsOf(entity), seriousList }, input.today, rules);
  const [existing] = await ctx.db
    .select()
    .from(foodSafetyGrade)
    .where(and(eq(foodSafetyGrade.districtCode, input.districtCode), eq(foodSafetyGrade.entityId, input.entityId)));
  const values = { ...after, streetCode: entity.streetCode, ruleSetId: rules.id, updatedAt: ctx.clock.now() };
  await ctx.db
    .insert(foodSafetyGrade)
    .values({ districtCode: input.districtCode, entityId: input.entityId, ...values })
    .onConflictDoUpdate({ target: [foodSafetyGrade.districtCode, foodSafetyGrade.entityId], set: values });
  const reason = gradeChangeReason(existing ? gradeOfRow(existing) : null, after, input.cause);
  if (reason) {
    await ctx.db.insert(foodSafetyGradeHistory).values({
      districtCode: input.districtCode,
      entityId: input.entityId,
      streetCode: entity.streetCode,
      changedOn: input.today,
      dynamicGrade: after.dynamicGrade,
      annualGrade: after.annualGrade,
      riskGrade: after.riskGrade,
      nextDueOn: after.nextDueOn,
      reason: reason['zh-CN'],
      reasonEn: reason.en,
      inspectionId: input.inspectionId ?? null,
    });
  }
  return after;
}

/**
 * Re-grades the graded businesses among `entityIds` after their serious-violation listing changed (listed, removed,
 * term ended): the risk grade and the next inspection follow the listing. Returns how many grades changed.
 */
export async function regradeAfterListing(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  today: string,
): Promise<number> {
  if (entityIds.length === 0) return 0;
  const graded = await ctx.db
    .select({ entityId: foodSafetyGrade.entityId, riskGrade: foodSafetyGrade.riskGrade, nextDueOn: foodSafetyGrade.nextDueOn })
    .from(foodSafetyGrade)
    .where(and(eq(foodSafetyGrade.districtCode, districtCode), inIds(foodSafetyGrade.entityId, entityIds)));
  const { serious } = await creditListStatus(ctx, districtCode, entityIds, today);
  let changed = 0;
  for (const row of graded) {
    const cause = serious.has(row.entityId)
      ? {
          'zh-CN': '列入严重违法失信名单（列为重点监管对象，提高检查频次）',
          en: 'on the serious-violation list (key supervision, more frequent inspections)',
        }
      : { 'zh-CN': '严重违法失信名单状态变化', en: 'serious-violation listing changed' };
    const after = await recomputeGrade(ctx, { districtCode, entityId: row.entityId, today, cause });
    if (after.riskGrade !== row.riskGrade || after.nextDueOn !== row.nextDueOn) changed += 1;
  }
  return changed;
}

/** Every graded business on the serious-violation list today, re-graded: the demo district, generated module by module. */
export async function regradeSeriouslyListed(ctx: ServiceContext, districtCode: string, today: string): Promise<number> {
  const graded = await ctx.db
    .select({ entityId: foodSafetyGrade.entityId })
    .from(foodSafetyGrade)
    .where(eq(foodSafetyGrade.districtCode, districtCode));
  const { serious } = await creditListStatus(
    ctx,
    districtCode,
    graded.map((row) => row.entityId),
    today,
  );
  return regradeAfterListing(
    ctx,
    districtCode,
    [...serious].sort((a, b) => a - b),
    today,
  );
}

/** The businesses whose listing changed at or after `since`, re-graded (the credit module's change feed). */
export async function regradeListingsChangedSince(ctx: ServiceContext, districtCode: string, since: Date, today: string): Promise<number> {
  return regradeAfterListing(ctx, districtCode, await creditListChangedEntityIds(ctx, districtCode, since), today);
}

const gradeScope = (ctx: ServiceContext) =>
  ctx.actor
    ? scopeWhere(ctx.actor, {
        district: foodSafetyGrade.districtCode,
        street: foodSafetyGrade.streetCode,
        entity: foodSafetyGrade.entityId,
      })
    : undefined;

/** 笑脸 face of the published dynamic grade: 大笑 / 微笑 / 平脸; none when ungraded or in a blackout. */
export const faceOf = (grade: string | null) =>
  grade === 'excellent' ? 'big-smile' : grade === 'good' ? 'smile' : grade === 'fair' ? 'flat' : null;

export interface LatestGrade extends EntityGrade {
  entityId: number;
  face: 'big-smile' | 'smile' | 'flat' | null;
  ruleSetId: string;
  updatedAt: string;
}

/** The stored grade of one business (null when never graded); within the actor's scope when `ctx.actor` is set. */
export async function latestGradeOf(ctx: ServiceContext, entityId: number): Promise<LatestGrade | null> {
  const [row] = await ctx.db
    .select()
    .from(foodSafetyGrade)
    .where(and(gradeScope(ctx), eq(foodSafetyGrade.entityId, entityId)));
  if (!row) return null;
  return {
    entityId: row.entityId,
    ...gradeOfRow(row),
    face: faceOf(row.dynamicGrade),
    ruleSetId: row.ruleSetId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The grades as they stood at the end of a past day: each business's latest grade change up to that day (the
 * history the grading writes), with its latest inspection up to then. Businesses not yet graded then are absent.
 */
async function gradesOn(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  day: string,
): Promise<Pick<GradeRow, 'entityId' | 'dynamicGrade' | 'annualGrade' | 'riskGrade' | 'lastInspectedOn' | 'lastOutcome' | 'nextDueOn'>[]> {
  const scope = ctx.actor
    ? scopeWhere(ctx.actor, {
        district: foodSafetyGradeHistory.districtCode,
        street: foodSafetyGradeHistory.streetCode,
        entity: foodSafetyGradeHistory.entityId,
      })
    : undefined;
  const history = await ctx.db
    .selectDistinctOn([foodSafetyGradeHistory.entityId], {
      entityId: foodSafetyGradeHistory.entityId,
      dynamicGrade: foodSafetyGradeHistory.dynamicGrade,
      annualGrade: foodSafetyGradeHistory.annualGrade,
      riskGrade: foodSafetyGradeHistory.riskGrade,
      nextDueOn: foodSafetyGradeHistory.nextDueOn,
    })
    .from(foodSafetyGradeHistory)
    .where(
      and(
        eq(foodSafetyGradeHistory.districtCode, districtCode),
        scope,
        inIds(foodSafetyGradeHistory.entityId, entityIds),
        lte(foodSafetyGradeHistory.changedOn, day),
      ),
    )
    .orderBy(foodSafetyGradeHistory.entityId, desc(foodSafetyGradeHistory.changedOn), desc(foodSafetyGradeHistory.id));
  const inspections = await ctx.db
    .selectDistinctOn([foodInspection.entityId], {
      entityId: foodInspection.entityId,
      inspectedOn: foodInspection.inspectedOn,
      outcome: foodInspection.outcome,
    })
    .from(foodInspection)
    .where(
      and(eq(foodInspection.districtCode, districtCode), inIds(foodInspection.entityId, entityIds), lte(foodInspection.inspectedOn, day)),
    )
    .orderBy(foodInspection.entityId, desc(foodInspection.inspectedOn), desc(foodInspection.id));
  const latest = new Map(inspections.map((row) => [row.entityId, row]));
  return history.map((row) => ({
    ...row,
    dynamicGrade: row.dynamicGrade as GradeRow['dynamicGrade'],
    annualGrade: row.annualGrade as GradeRow['annualGrade'],
    riskGrade: row.riskGrade as GradeRow['riskGrade'],
    lastInspectedOn: latest.get(row.entityId)?.inspectedOn ?? null,
    lastOutcome: latest.get(row.entityId)?.outcome ?? null,
  }));
}

export interface GradeFacts {
  entityId: number;
  dynamicGrade: EntityGrade['dynamicGrade'];
  face: LatestGrade['face'];
  annualGrade: EntityGrade['annualGrade'];
  riskGrade: EntityGrade['riskGrade'] | null;
  lastInspectedOn: string | null;
  lastOutcome: EntityGrade['lastOutcome'];
  nextDueOn: string | null;
  openRectifications: number;
  overdueRectifications: number;
  certificates: {
    employed: number;
    valid: number;
    expiring: number;
    expired: number;
    missing: number;
    complianceBasisPoints: number | null;
  };
}

/**
 * Food-safety facts per business for other modules (the five-colour code, dashboards), in one district, as of
 * `today` (default: the clock's day in China; a past day reads the grade history): grades, the latest inspection,
 * open rectification orders and the staff's health-certificate compliance. Every requested id gets a row; a business never graded has nulls.
 * Within the actor's scope when `ctx.actor` is set (ids outside it come back empty).
 */
export async function gradeFacts(
  ctx: ServiceContext,
  input: { districtCode: string; entityIds: readonly number[]; today?: string },
): Promise<GradeFacts[]> {
  const ids = [...new Set(input.entityIds)];
  if (ids.length === 0) return [];
  const day = input.today ?? todayInChina(ctx.clock.now());
  const facts = new Map<number, GradeFacts>(
    ids.map((entityId) => [
      entityId,
      {
        entityId,
        dynamicGrade: null,
        face: null,
        annualGrade: null,
        riskGrade: null,
        lastInspectedOn: null,
        lastOutcome: null,
        nextDueOn: null,
        openRectifications: 0,
        overdueRectifications: 0,
        certificates: { employed: 0, valid: 0, expiring: 0, expired: 0, missing: 0, complianceBasisPoints: null },
      },
    ]),
  );
  const isPast = day < todayInChina(ctx.clock.now());
  for (let start = 0; start < ids.length; start += 5000) {
    const chunk = ids.slice(start, start + 5000);
    const grades = isPast
      ? await gradesOn(ctx, input.districtCode, chunk, day)
      : await ctx.db
          .select()
          .from(foodSafetyGrade)
          .where(and(eq(foodSafetyGrade.districtCode, input.districtCode), gradeScope(ctx), inArray(foodSafetyGrade.entityId, chunk)));
    for (const row of grades) {
      Object.assign(facts.get(row.entityId) as GradeFacts, {
        dynamicGrade: row.dynamicGrade,
        face: faceOf(row.dynamicGrade),
        annualGrade: row.annualGrade,
        riskGrade: row.riskGrade,
        lastInspectedOn: row.lastInspectedOn,
        lastOutcome: row.lastOutcome,
        nextDueOn: row.nextDueOn,
      });
    }
    const orders = await ctx.db
      .select({
        entityId: rectificationOrder.entityId,
        open: count(),
        overdue: sql<number>`count(*) filter (where ${rectificationOrder.deadline} < ${day})::int`,
      })
      .from(rectificationOrder)
      .where(
        and(
          eq(rectificationOrder.districtCode, input.districtCode),
          ctx.actor
            ? scopeWhere(ctx.actor, {
                district: rectificationOrder.districtCode,
                street: rectificationOrder.streetCode,
                entity: rectificationOrder.entityId,
              })
            : undefined,
          inArray(rectificationOrder.entityId, chunk),
          // Open on the day: ordered at an inspection by then, not closed by then.
          sql`(${rectificationOrder.closedOn} is null or ${rectificationOrder.closedOn} > ${day}::date)`,
          sql`exists (select 1 from food_inspection i where i.district_code = ${rectificationOrder.districtCode}
                and i.id = ${rectificationOrder.inspectionId} and i.inspected_on <= ${day}::date)`,
        ),
      )
      .groupBy(rectificationOrder.entityId);
    for (const row of orders)
      Object.assign(facts.get(row.entityId) as GradeFacts, { openRectifications: row.open, overdueRectifications: row.overdue });
    const stateCount = (state: string): SQL<number> => sql<number>`count(*) filter (where ${stateCondition(state, day)})::int`;
    const staff = await ctx.db
      .select({
        entityId: foodHandler.entityId,
        employed: count(),
        valid: stateCount('valid'),
        expiring: stateCount('expiring'),
        expired: stateCount('expired'),
        missing: stateCount('missing'),
      })
      .from(foodHandler)
      .where(
        and(
          eq(foodHandler.districtCode, input.districtCode),
          ctx.actor
            ? scopeWhere(ctx.actor, { district: foodHandler.districtCode, street: foodHandler.streetCode, entity: foodHandler.entityId })
            : undefined,
          inArray(foodHandler.entityId, chunk),
          employedOn(day),
        ),
      )
      .groupBy(foodHandler.entityId);
    for (const row of staff) {
      const states = [
        ...Array(row.valid).fill('valid'),
        ...Array(row.expiring).fill('expiring'),
        ...Array(row.expired).fill('expired'),
        ...Array(row.missing).fill('missing'),
      ];
      (facts.get(row.entityId) as GradeFacts).certificates = {
        employed: row.employed,
        valid: row.valid,
        expiring: row.expiring,
        expired: row.expired,
        missing: row.missing,
        complianceBasisPoints: complianceBasisPoints(states),
      };
    }
  }
  return ids.map((id) => facts.get(id) as GradeFacts);
}
