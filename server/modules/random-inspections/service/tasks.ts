import { and, asc, count, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { hasRole, systemActorFor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { addTimelineEvent, getEntity } from '../../registry/index.ts';
import { drawNotPublished, notAssignedInspector, taskAlreadyDone, taskNotDone, taskNotFound } from '../random-inspections.errors.ts';
import type { AlertView, InspectionOutcome, TaskListItem, TaskListQuery, TaskResultBody, TaskView } from '../random-inspections.schemas.ts';
import { riAlert, riDraw, riDrawObject, riPlan, riTask, riTaskInspector, riTaskResult } from '../random-inspections.tables.ts';
import { publicationDueOn } from '../rules/publication-deadline.ts';
import { gradeEntities } from './credit-classes.ts';
import { planMatters } from './plans.ts';
import { taskScope } from './scope.ts';

/** The worst outcome of the matters is the task's result (抽查结果), in this order of precedence. */
const precedence: readonly InspectionOutcome[] = [
  'refused',
  'not_found_at_address',
  'problem_follow_up',
  'problem_handled',
  'closed_down',
  'no_such_activity',
  'no_problem',
];

export const outcomeTitles: Record<InspectionOutcome, { zh: string; en: string }> = {
  no_problem: { zh: '未发现问题', en: 'No problem found' },
  problem_handled: { zh: '发现问题已责令改正', en: 'Problem found, ordered to correct' },
  problem_follow_up: { zh: '发现问题待后续处理', en: 'Problem found, follow-up pending' },
  not_found_at_address: { zh: '通过登记的住所（经营场所）无法联系', en: 'Not found at the registered address' },
  no_such_activity: { zh: '未发现开展本次抽查涉及的经营活动', en: 'No business activity of this check found' },
  closed_down: { zh: '已关闭停业或歇业', en: 'Closed down' },
  refused: { zh: '不配合检查', en: 'Refused the inspection' },
};

const itemColumns = {
  id: riTask.id,
  districtCode: riTask.districtCode,
  drawId: riTask.drawId,
  planId: riDraw.planId,
  drawStatus: riDraw.status,
  planTitle: riPlan.title,
  entityId: riTask.entityId,
  entityName: riDrawObject.name,
  creditCode: riTask.objectKey,
  address: riDrawObject.address,
  industryCode: riDrawObject.industryCode,
  streetCode: riTask.streetCode,
  stratumKey: riTask.stratumKey,
  position: riTask.position,
  status: riTask.status,
  isUnstaffed: riTask.isUnstaffed,
  inspectedOn: riTask.inspectedOn,
  result: riTask.result,
  followUpType: riTask.followUpType,
  followUpNote: riTask.followUpNote,
  publishDue: riTask.publishDue,
  publishedAt: riTask.publishedAt,
};

function taskQuery(db: Db) {
  return db
    .select(itemColumns)
    .from(riTask)
    .innerJoin(riDraw, and(eq(riDraw.districtCode, riTask.districtCode), eq(riDraw.id, riTask.drawId)))
    .innerJoin(riPlan, and(eq(riPlan.districtCode, riDraw.districtCode), eq(riPlan.id, riDraw.planId)))
    .innerJoin(
      riDrawObject,
      and(
        eq(riDrawObject.districtCode, riTask.districtCode),
        eq(riDrawObject.drawId, riTask.drawId),
        eq(riDrawObject.objectKey, riTask.objectKey),
      ),
    );
}

/** The drawn inspectors of each task, in the draw's order (the first records the result). */
export async function inspectorsOf(db: Db, districtCode: string, taskIds: number[]) {
  const found = new Map<number, TaskListItem['inspectors']>();
  if (!taskIds.length) return found;
  const rows = await db
    .select({
      taskId: riTaskInspector.taskId,
      userId: riTaskInspector.userId,
      displayName: appUser.displayName,
      certificateNo: riTaskInspector.inspectorKey,
    })
    .from(riTaskInspector)
    .innerJoin(appUser, and(eq(appUser.districtCode, riTaskInspector.districtCode), eq(appUser.id, riTaskInspector.userId)))
    .where(and(eq(riTaskInspector.districtCode, districtCode), inArray(riTaskInspector.taskId, taskIds)))
    .orderBy(asc(riTaskInspector.seq));
  for (const row of rows)
    found.set(row.taskId, [
      ...(found.get(row.taskId) ?? []),
      { userId: row.userId, displayName: row.displayName, certificateNo: row.certificateNo },
    ]);
  return found;
}

function toItem(
  row: Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number],
  inspectors: TaskListItem['inspectors'],
): TaskListItem {
  return {
    id: row.id,
    drawId: row.drawId,
    planTitle: row.planTitle,
    entityId: row.entityId,
    entityName: row.entityName,
    creditCode: row.creditCode,
    address: row.address,
    stratumKey: row.stratumKey,
    position: row.position,
    inspectors,
    status: row.status,
    isUnstaffed: row.isUnstaffed,
    inspectedOn: row.inspectedOn,
    result: row.result,
    followUpType: row.followUpType,
    publishDue: row.publishDue,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** Tasks in the actor's scope; `mine` keeps those the actor was drawn for (the inspector's phone list). */
export async function listTaskItems(ctx: ActorContext, query: TaskListQuery): Promise<{ items: TaskListItem[]; total: number }> {
  const conditions: SQL[] = [taskScope(ctx.actor)];
  if (query.drawId !== undefined) conditions.push(eq(riTask.drawId, query.drawId));
  if (query.status) conditions.push(eq(riTask.status, query.status));
  if (query.mine) {
    conditions.push(
      sql`exists (select 1 from ri_task_inspector ti where ti.district_code = ${riTask.districtCode} and ti.task_id = ${riTask.id} and ti.user_id = ${ctx.actor.userId})`,
    );
  }
  const where = and(...conditions);
  const [counted] = await ctx.db.select({ total: count() }).from(riTask).where(where);
  const rows = await taskQuery(ctx.db)
    .where(where)
    .orderBy(asc(riTask.drawId), asc(riTask.stratumKey), asc(riTask.position))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const inspectors = await inspectorsOf(
    ctx.db,
    ctx.actor.districtCode,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => toItem(row, inspectors.get(row.id) ?? [])), total: counted?.total ?? 0 };
}

async function findTaskRow(ctx: ActorContext, id: number) {
  // One statement: on the embedded engine, planning this join costs more than running it.
  const [row] = await taskQuery(ctx.db)
    .where(and(eq(riTask.id, id), taskScope(ctx.actor)))
    .limit(1);
  if (!row) throw taskNotFound();
  return { row, draw: { districtCode: row.districtCode, planId: row.planId, status: row.drawStatus } };
}

/** One task with the entity's details (as frozen for the draw) and the plan's matters with their results. */
export async function getTask(ctx: ActorContext, id: number): Promise<TaskView> {
  const { row, draw } = await findTaskRow(ctx, id);
  const matters = await planMatters(ctx, draw.districtCode, draw.planId);
  const results = await ctx.db
    .select()
    .from(riTaskResult)
    .where(and(eq(riTaskResult.districtCode, draw.districtCode), eq(riTaskResult.taskId, id)));
  const resultOf = new Map(results.map((result) => [result.matterId, result]));
  const inspectors = await inspectorsOf(ctx.db, draw.districtCode, [id]);
  return {
    ...toItem(row, inspectors.get(id) ?? []),
    industryCode: row.industryCode,
    streetCode: row.streetCode,
    followUpNote: row.followUpNote,
    matters: matters.map((matter) => ({
      matterId: matter.id,
      code: matter.code,
      name: matter.name,
      outcome: resultOf.get(matter.id)?.outcome ?? null,
      note: resultOf.get(matter.id)?.note ?? '',
    })),
  };
}

/**
 * A drawn inspector (or district staff on their behalf) records the result of each matter of the plan.
 * The task's result is the worst of them; the publication deadline is 20 working days after the check;
 * a follow-up (rectification or case) is recorded for the enforcement module to pick up; the entity's
 * credit class is recomputed at once.
 */
export async function recordTaskResult(ctx: ActorContext, id: number, input: TaskResultBody): Promise<TaskView> {
  await applyTaskResult(ctx, id, input);
  return getTask(ctx, id);
}

/** recordTaskResult without reading the task back (the demo records hundreds and reads none). */
export async function applyTaskResult(ctx: ActorContext, id: number, input: TaskResultBody): Promise<void> {
  const { row, draw } = await findTaskRow(ctx, id);
  if (draw.status !== 'published') throw drawNotPublished();
  if (row.status === 'done') throw taskAlreadyDone();
  if (!ctx.actor.isDistrictWide) {
    const inspectors = await inspectorsOf(ctx.db, draw.districtCode, [id]);
    if (!(inspectors.get(id) ?? []).some((item) => item.userId === ctx.actor.userId) || !hasRole(ctx.actor, 'inspector'))
      throw notAssignedInspector();
  }
  const today = todayInChina(ctx.clock.now());
  const matters = await planMatters(ctx, draw.districtCode, draw.planId);
  const planMatterIds = new Set(matters.map((matter) => matter.id));
  const given = new Set(input.results.map((result) => result.matterId));
  const fieldErrors = [
    ...input.results.flatMap((result, index) =>
      planMatterIds.has(result.matterId)
        ? []
        : [
            {
              in: 'body',
              field: `results.${index}.matterId`,
              code: 'not_in_plan',
              message: { 'zh-CN': '不是本计划的抽查事项', en: 'is not a matter of the plan' },
            },
          ],
    ),
    ...(given.size !== input.results.length
      ? [{ in: 'body', field: 'results', code: 'duplicate', message: { 'zh-CN': '事项重复', en: 'a matter repeats' } }]
      : []),
    ...(matters.some((matter) => !given.has(matter.id))
      ? [
          {
            in: 'body',
            field: 'results',
            code: 'incomplete',
            message: { 'zh-CN': '每个抽查事项都需录入结果', en: 'every matter of the plan needs a result' },
          },
        ]
      : []),
    ...(input.inspectedOn > today
      ? [
          {
            in: 'body',
            field: 'inspectedOn',
            code: 'future',
            message: { 'zh-CN': '检查日期不能晚于今天', en: 'must not be in the future' },
          },
        ]
      : []),
  ];
  if (fieldErrors.length) throw invalidRequest({}, fieldErrors);
  const result = precedence.find((outcome) => input.results.some((item) => item.outcome === outcome)) as InspectionOutcome;
  const calendar = await loadHolidayCalendar(ctx.db, draw.districtCode);
  const publishDue = publicationDueOn(input.inspectedOn, calendar);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await tx.insert(riTaskResult).values(input.results.map((item) => ({ districtCode: draw.districtCode, taskId: id, ...item })));
    await tx
      .update(riTask)
      .set({
        status: 'done',
        inspectedOn: input.inspectedOn,
        result,
        followUpType: input.followUpType,
        followUpNote: input.followUpNote,
        completedBy: ctx.actor.userId,
        completedAt: ctx.clock.now(),
        publishDue,
      })
      .where(and(eq(riTask.districtCode, draw.districtCode), eq(riTask.id, id), eq(riTask.status, 'assigned')));
    await addTimelineEvent(txCtx, {
      entityId: row.entityId,
      districtCode: draw.districtCode,
      kind: 'random_inspection.result',
      at: ctx.clock.now(),
      title: { zh: `双随机抽查：${outcomeTitles[result].zh}`, en: `Random inspection: ${outcomeTitles[result].en}` },
      refType: 'ri_task',
      refId: id,
    });
    // Recompute on change: the entity's class now counts this inspection. The drawn inspector may come from
    // another station, so the registry is read as the district (read-only).
    const systemCtx = { ...txCtx, actor: systemActorFor(draw.districtCode) };
    const entity = await getEntity(systemCtx, row.entityId);
    await gradeEntities(systemCtx, [{ id: entity.id, status: entity.status, foundedOn: entity.foundedOn }], today);
    await writeAudit(txCtx, {
      action: 'random_inspections.task_result',
      objectType: 'ri_task',
      objectId: id,
      districtCode: draw.districtCode,
      detail: { result, inspectedOn: input.inspectedOn, followUpType: input.followUpType, publishDue },
    });
  });
}

/** Publishes a task's result on the public page (一公开); resolves its overdue alert if there was one. */
export async function publishTaskResult(ctx: ActorContext, id: number): Promise<TaskView> {
  await applyTaskPublication(ctx, id);
  return getTask(ctx, id);
}

/** publishTaskResult without reading the task back; publishing twice changes nothing. */
export async function applyTaskPublication(ctx: ActorContext, id: number): Promise<void> {
  const { row, draw } = await findTaskRow(ctx, id);
  if (row.status !== 'done') throw taskNotDone();
  if (row.publishedAt) return;
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx
      .update(riTask)
      .set({ publishedAt: now })
      .where(and(eq(riTask.districtCode, draw.districtCode), eq(riTask.id, id)));
    await tx
      .update(riAlert)
      .set({ resolvedAt: now })
      .where(and(eq(riAlert.districtCode, draw.districtCode), eq(riAlert.taskId, id), isNull(riAlert.resolvedAt)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'random_inspections.task_publish', objectType: 'ri_task', objectId: id, districtCode: draw.districtCode },
    );
  });
}

/** Open alerts of the district (results not published in time). */
export async function listAlerts(ctx: ActorContext): Promise<{ items: AlertView[]; total: number }> {
  const rows = await ctx.db
    .select({
      id: riAlert.id,
      taskId: riAlert.taskId,
      entityName: riDrawObject.name,
      kind: riAlert.kind,
      dueOn: riAlert.dueOn,
      raisedAt: riAlert.raisedAt,
    })
    .from(riAlert)
    .innerJoin(riTask, and(eq(riTask.districtCode, riAlert.districtCode), eq(riTask.id, riAlert.taskId)))
    .innerJoin(
      riDrawObject,
      and(
        eq(riDrawObject.districtCode, riTask.districtCode),
        eq(riDrawObject.drawId, riTask.drawId),
        eq(riDrawObject.objectKey, riTask.objectKey),
      ),
    )
    .where(and(scopeWhere(ctx.actor, { district: riAlert.districtCode }), isNull(riAlert.resolvedAt)))
    .orderBy(asc(riAlert.dueOn), desc(riAlert.id))
    .limit(500);
  const items = rows.map((row) => ({ ...row, raisedAt: row.raisedAt.toISOString() }));
  return { items, total: items.length };
}

/** Daily: an alert for every result still unpublished after its due day (all districts; publishing on the due day is in time). */
export async function raiseOverdueAlerts(db: Db, now: Date): Promise<number> {
  const today = todayInChina(now);
  const overdue = await db
    .select({ districtCode: riTask.districtCode, id: riTask.id, publishDue: riTask.publishDue })
    .from(riTask)
    .where(and(eq(riTask.status, 'done'), isNull(riTask.publishedAt), lt(riTask.publishDue, today)));
  if (!overdue.length) return 0;
  const inserted = await db
    .insert(riAlert)
    .values(
      overdue.map((task) => ({
        districtCode: task.districtCode,
        taskId: task.id,
        kind: 'publication_overdue' as const,
        dueOn: task.publishDue as string,
        raisedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: riAlert.id });
  return inserted.length;
}
