import { and, desc, eq, inArray } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { entitiesWithLicences, findEntityForModule } from '../../registry/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import { defaultListCriteria, type ListCriteria, listMembership, type MembershipDecision } from '../rules/red-black-list.ts';
import { appealNotFound, snapshotExists } from '../workshops.errors.ts';
import type {
  AppealDecision,
  AppealInput,
  AppealView,
  CriteriaInput,
  CriteriaView,
  EvaluationInput,
  EvaluationView,
  SnapshotView,
} from '../workshops.schemas.ts';
import { type SnapshotEntry, wsAppeal, wsCriteria, wsEvaluation, wsSnapshot } from '../workshops.tables.ts';

const evaluationView = (row: typeof wsEvaluation.$inferSelect): EvaluationView => ({
  id: row.id,
  entityId: row.entityId,
  streetCode: row.streetCode,
  criteriaId: row.criteriaId,
  evaluatedOn: row.evaluatedOn,
  answers: row.answers,
  note: row.note,
  evaluatedBy: row.evaluatedBy,
  createdAt: row.createdAt.toISOString(),
});
const snapshotView = (row: typeof wsSnapshot.$inferSelect): SnapshotView => ({ ...row, createdAt: row.createdAt.toISOString() });
const appealView = (row: typeof wsAppeal.$inferSelect): AppealView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

/** The criteria in force today in the actor's district. */
export function criteriaToday(ctx: ActorContext): Promise<CriteriaView> {
  return criteriaInForce(ctx, ctx.actor.districtCode, todayInChina(ctx.clock.now()));
}

export async function criteriaInForce(
  ctx: ServiceContext,
  districtCode: string,
  day: string,
): Promise<{ id: number | null; criteria: ListCriteria }> {
  const rows = await ctx.db
    .select()
    .from(wsCriteria)
    .where(eq(wsCriteria.districtCode, districtCode))
    .orderBy(desc(wsCriteria.effectiveFrom), desc(wsCriteria.id));
  const row = rows.find((candidate) => candidate.effectiveFrom <= day);
  return row ? { id: row.id, criteria: row.criteria } : { id: null, criteria: defaultListCriteria };
}

export async function saveCriteria(ctx: ActorContext, body: CriteriaInput): Promise<CriteriaView> {
  if (new Set(body.criteria.items.map((item) => item.key)).size !== body.criteria.items.length)
    throw invalidRequest({}, [
      { in: 'body', field: 'criteria.items', code: 'invalid', message: { 'zh-CN': '评价项代码不能重复', en: 'item keys must be unique' } },
    ]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wsCriteria)
      .values({ districtCode: ctx.actor.districtCode, ...body, createdBy: ctx.actor.userId })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'workshops.criteria.save', objectType: 'ws_criteria', objectId: row?.id });
    return { id: row?.id ?? null, criteria: body.criteria };
  });
}

export async function createEvaluation(ctx: ActorContext, body: EvaluationInput): Promise<EvaluationView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  if (entity.businessCategory !== 'food_workshop')
    throw invalidRequest({}, [
      { in: 'body', field: 'entityId', code: 'invalid', message: { 'zh-CN': '不是食品小作坊', en: 'not a food workshop' } },
    ]);
  const { id: criteriaId, criteria } = await criteriaInForce(ctx, entity.districtCode, body.evaluatedOn);
  const missing = criteria.items.filter((item) => typeof body.answers[item.key] !== 'boolean').map((item) => item.key);
  if (missing.length)
    throw invalidRequest(
      {},
      missing.map((key) => ({ in: 'body', field: `answers.${key}`, code: 'required', message: { 'zh-CN': '必须评价', en: 'required' } })),
    );
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wsEvaluation)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        streetCode: entity.streetCode,
        criteriaId,
        evaluatedOn: body.evaluatedOn,
        answers: body.answers,
        note: body.note,
        evaluatedBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'workshops.evaluation.create', objectType: 'ws_evaluation', objectId: row?.id });
    return evaluationView(row as typeof wsEvaluation.$inferSelect);
  });
}

export async function listEvaluations(ctx: ActorContext, query: { entityId?: number; page: number; pageSize: number }) {
  const where = and(
    scopeWhere(ctx.actor, { district: wsEvaluation.districtCode, street: wsEvaluation.streetCode, entity: wsEvaluation.entityId }),
    query.entityId ? eq(wsEvaluation.entityId, query.entityId) : undefined,
  );
  const items = await ctx.db
    .select()
    .from(wsEvaluation)
    .where(where)
    .orderBy(desc(wsEvaluation.evaluatedOn), desc(wsEvaluation.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = (await ctx.db.$count(wsEvaluation, where)) as number;
  return { items: items.map(evaluationView), total };
}

/** Today's membership of the workshops the actor sees: the district, or an inspector's station streets. */
export async function membershipsToday(ctx: ActorContext) {
  const streets = ctx.actor.isDistrictWide ? undefined : ctx.actor.streetCodes;
  const items = await currentMemberships(ctx, ctx.actor.districtCode, todayInChina(ctx.clock.now()), streets);
  return { items, total: items.length };
}

/** Current membership of every workshop of a district (from the latest evaluations and the rules in force). */
export async function currentMemberships(
  ctx: ServiceContext,
  districtCode: string,
  today: string,
  /** An inspector's station streets: only their workshops. Absent: the whole district (publishing, section staff). */
  streetCodes?: readonly string[],
): Promise<(SnapshotEntry & { passedPercent: number | null })[]> {
  const workshops = (await entitiesWithLicences(ctx, districtCode, { category: 'food_workshop' })).filter(
    (entity) => entity.status === 'active' && (!streetCodes || streetCodes.includes(entity.streetCode)),
  );
  const { criteria } = await criteriaInForce(ctx, districtCode, today);
  const evaluations = workshops.length
    ? await ctx.db
        .select()
        .from(wsEvaluation)
        .where(
          and(
            eq(wsEvaluation.districtCode, districtCode),
            inArray(
              wsEvaluation.entityId,
              workshops.map((w) => w.id),
            ),
          ),
        )
        .orderBy(desc(wsEvaluation.evaluatedOn), desc(wsEvaluation.id))
    : [];
  const latest = new Map<number, (typeof evaluations)[number]>();
  for (const evaluation of evaluations) if (!latest.has(evaluation.entityId)) latest.set(evaluation.entityId, evaluation);
  const failed = await failedSampleCounts(ctx, { districtCode, since: yearBefore(today), until: today });
  // Cases decided with a penalty (other than a warning) against the workshop in the last 12 months.
  const penalties = await entityPenaltySummary(
    { ...ctx, actor: systemActorFor(districtCode) },
    workshops.map((w) => w.id),
    yearBefore(today),
    today,
  );
  return workshops.map((workshop) => {
    const evaluation = latest.get(workshop.id);
    const decision: MembershipDecision = listMembership(
      {
        latest: evaluation ? { on: evaluation.evaluatedOn, answers: evaluation.answers } : null,
        failedSamples12m: failed.get(workshop.id) ?? 0,
        penaltyCases12m: penalties.get(workshop.id)?.penalisedCases ?? 0,
      },
      criteria,
      today,
    );
    const creditCode = workshop.licences.find((licence) => licence.kind === 'workshop_registration')?.number ?? '';
    return {
      entityId: workshop.id,
      name: workshop.name,
      creditCode,
      list: decision.list,
      reasons: decision.reasons,
      passedPercent: decision.passedPercent,
    };
  });
}

/**
 * Publishes a district's lists for a period as an immutable, dated snapshot (one per period), audited in the
 * same transaction. `publishedBy` null = the monthly job.
 */
async function publishPeriod(ctx: ServiceContext, districtCode: string, period: string, publishedBy: number | null) {
  const today = todayInChina(ctx.clock.now());
  const entries = (await currentMemberships(ctx, districtCode, today))
    .filter((entry) => entry.list !== 'neither')
    .map(({ passedPercent: _p, ...entry }) => entry);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wsSnapshot)
      .values({ districtCode, period, publishedOn: today, publishedBy, entries })
      .onConflictDoNothing()
      .returning();
    if (!row) throw snapshotExists({ period });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'workshops.snapshot.publish',
        districtCode,
        objectType: 'ws_snapshot',
        objectId: row.id,
        detail: { period, entries: entries.length, by: publishedBy === null ? 'job' : 'staff' },
      },
    );
    return row;
  });
}

async function periodPublished(ctx: ServiceContext, districtCode: string, period: string): Promise<boolean> {
  const [exists] = await ctx.db
    .select({ id: wsSnapshot.id })
    .from(wsSnapshot)
    .where(and(eq(wsSnapshot.districtCode, districtCode), eq(wsSnapshot.period, period)));
  return exists !== undefined;
}

/** Section staff publish the month's lists: an immutable, dated snapshot (one per month). */
export async function publishSnapshot(ctx: ActorContext, body: { period: string }): Promise<SnapshotView> {
  if (await periodPublished(ctx, ctx.actor.districtCode, body.period)) throw snapshotExists({ period: body.period });
  return snapshotView(await publishPeriod(ctx, ctx.actor.districtCode, body.period, ctx.actor.userId));
}

/** The monthly job: publishes `period` unless staff (or an earlier run) already did. Idempotent. */
export async function publishIfMissing(ctx: ServiceContext, districtCode: string, period: string): Promise<boolean> {
  if (await periodPublished(ctx, districtCode, period)) return false;
  await publishPeriod(ctx, districtCode, period, null);
  return true;
}

/** The actor's district's published snapshots, newest first. */
export async function districtSnapshots(ctx: ActorContext) {
  const items = (await listSnapshots(ctx, ctx.actor.districtCode)).map(snapshotView);
  return { items, total: items.length };
}

export async function listSnapshots(ctx: ServiceContext, districtCode: string) {
  return ctx.db.select().from(wsSnapshot).where(eq(wsSnapshot.districtCode, districtCode)).orderBy(desc(wsSnapshot.period));
}

/** The workshop's status in the latest published snapshot (the public code page). */
export async function workshopListStatus(
  ctx: ServiceContext,
  districtCode: string,
  entityId: number,
): Promise<{ list: 'red' | 'black' | 'neither'; period: string } | null> {
  const [snapshot] = await ctx.db
    .select()
    .from(wsSnapshot)
    .where(eq(wsSnapshot.districtCode, districtCode))
    .orderBy(desc(wsSnapshot.period))
    .limit(1);
  if (!snapshot) return null;
  return { list: snapshot.entries.find((entry) => entry.entityId === entityId)?.list ?? 'neither', period: snapshot.period };
}

export async function fileAppeal(ctx: ActorContext, body: AppealInput): Promise<AppealView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(wsAppeal)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        streetCode: entity.streetCode,
        snapshotId: body.snapshotId ?? null,
        reason: body.reason,
        filedBy: ctx.actor.userId,
      })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'workshops.appeal.file', objectType: 'ws_appeal', objectId: row?.id });
    return appealView(row as typeof wsAppeal.$inferSelect);
  });
}

const appealScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: wsAppeal.districtCode, street: wsAppeal.streetCode, entity: wsAppeal.entityId });

export async function listAppeals(ctx: ActorContext, query: { page: number; pageSize: number }) {
  const items = await ctx.db
    .select()
    .from(wsAppeal)
    .where(appealScope(ctx))
    .orderBy(desc(wsAppeal.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: items.map(appealView), total: (await ctx.db.$count(wsAppeal, appealScope(ctx))) as number };
}

export async function getAppeal(ctx: ActorContext, id: number): Promise<AppealView> {
  return appealView(await appealRow(ctx, id));
}

async function appealRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(wsAppeal)
    .where(and(appealScope(ctx), eq(wsAppeal.id, id)));
  if (!row) throw appealNotFound();
  return row;
}

export async function decideAppeal(ctx: ActorContext, id: number, body: AppealDecision): Promise<AppealView> {
  const appeal = await appealRow(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(wsAppeal)
      .set({ status: body.status, decisionNote: body.decisionNote, decidedBy: ctx.actor.userId, decidedAt: ctx.clock.now() })
      .where(and(eq(wsAppeal.districtCode, appeal.districtCode), eq(wsAppeal.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'workshops.appeal.decide', objectType: 'ws_appeal', objectId: id, detail: { status: body.status } },
    );
    return appealView(row as typeof wsAppeal.$inferSelect);
  });
}
