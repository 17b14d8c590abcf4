import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { handlingNotFound } from '../sampling.errors.ts';
import type { HandlingQuery, HandlingView, UpdateHandlingBody } from '../sampling.schemas.ts';
import { failureHandling, sample } from '../sampling.tables.ts';
import { handlingScope } from './sampling-context.ts';

const columns = {
  id: failureHandling.id,
  districtCode: failureHandling.districtCode,
  sampleId: failureHandling.sampleId,
  entityId: failureHandling.entityId,
  entityName: sample.entityName,
  productName: sample.productName,
  batchNo: sample.batchNo,
  openedOn: failureHandling.openedOn,
  dueOn: failureHandling.dueOn,
  measures: failureHandling.measures,
  status: failureHandling.status,
  outcome: failureHandling.outcome,
  note: failureHandling.note,
  closedOn: failureHandling.closedOn,
};

function joined(ctx: ActorContext) {
  return ctx.db
    .select(columns)
    .from(failureHandling)
    .innerJoin(sample, and(eq(sample.districtCode, failureHandling.districtCode), eq(sample.id, failureHandling.sampleId)));
}

function toView(row: Awaited<ReturnType<ReturnType<typeof joined>['where']>>[number], today: string): HandlingView {
  const { districtCode: _districtCode, ...view } = row;
  return { ...view, isOverdue: row.status !== 'closed' && today > row.dueOn };
}

export async function listHandling(ctx: ActorContext, query: HandlingQuery) {
  const today = todayInChina(ctx.clock.now());
  const conditions: SQL[] = [handlingScope(ctx.actor)];
  if (query.status) conditions.push(eq(failureHandling.status, query.status));
  if (query.isOverdue === true) conditions.push(and(ne(failureHandling.status, 'closed'), sql`${failureHandling.dueOn} < ${today}`) as SQL);
  const where = and(...conditions);
  const [rows, [total]] = await inTurn(
    () =>
      joined(ctx)
        .where(where)
        .orderBy(asc(failureHandling.dueOn), asc(failureHandling.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(failureHandling).where(where),
  );
  return { items: rows.map((row) => toView(row, today)), total: total?.total ?? 0 };
}

async function findHandling(ctx: ActorContext, id: number) {
  const [row] = await joined(ctx).where(and(handlingScope(ctx.actor), eq(failureHandling.id, id)));
  if (!row) throw handlingNotFound();
  return row;
}

export async function getHandling(ctx: ActorContext, id: number): Promise<HandlingView> {
  return toView(await findHandling(ctx, id), todayInChina(ctx.clock.now()));
}

/** Records the measures taken (recall, removal, rectification, a case) and closes the task with its outcome. */
export async function updateHandling(ctx: ActorContext, id: number, body: UpdateHandlingBody): Promise<HandlingView> {
  const before = await findHandling(ctx, id);
  const status = body.status ?? before.status;
  const outcome = body.outcome === undefined ? before.outcome : body.outcome;
  const closedOn = status === 'closed' ? (body.closedOn ?? before.closedOn ?? todayInChina(ctx.clock.now())) : null;
  const errors = [];
  if (status === 'closed' && outcome === null)
    errors.push({ field: 'outcome', zh: '办结须填写处置结果', en: 'is required to close the task' });
  if (closedOn !== null && (closedOn < before.openedOn || closedOn > todayInChina(ctx.clock.now())))
    errors.push({ field: 'closedOn', zh: '办结日期须在立项日期与今天之间', en: 'must be between the opening date and today' });
  if (errors.length)
    throw invalidRequest(
      {},
      errors.map((error) => ({ in: 'body', field: error.field, code: 'invalid', message: { 'zh-CN': error.zh, en: error.en } })),
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(failureHandling)
      .set({ measures: body.measures ?? before.measures, status, outcome, note: body.note ?? before.note, closedOn })
      .where(and(eq(failureHandling.districtCode, before.districtCode), eq(failureHandling.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.handling_update',
        objectType: 'failure_handling',
        objectId: id,
        detail: { before: { status: before.status, outcome: before.outcome }, after: { status, outcome } },
      },
    );
  });
  return getHandling(ctx, id);
}
