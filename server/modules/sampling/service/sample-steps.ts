import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { Db } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { addTimelineEvent } from '../../registry/index.ts';
import { drawRetestLab } from '../rules/draw-retest-lab.ts';
import {
  backupKeepUntil,
  handlingDue,
  isRapidObjectionInTime,
  isRetestRequestInTime,
  rapidObjectionDue,
  retestRequestDue,
  toLabDue,
} from '../rules/sample-deadlines.ts';
import { samplingRulesOn } from '../rules/sampling-rule-sets.ts';
import {
  noOtherLab,
  notYetFinal,
  objectionWindowClosed,
  retestAlreadyRequested,
  retestWindowClosed,
  sampleWrongState,
} from '../sampling.errors.ts';
import type { ResultItemInput, SampleView, Verdict } from '../sampling.schemas.ts';
import { failureHandling, sample } from '../sampling.tables.ts';
import { conclusionOrFieldErrors, replaceResultItems } from './result-items.ts';
import { findSample, getSample, isSampleFinal, labsOf, newBlindCode, type SampleRow } from './samples.ts';
import { calendarFor } from './sampling-context.ts';

const cryptoRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

function fieldError(field: string, zh: string, en: string) {
  return invalidRequest({}, [{ in: 'body', field, code: 'invalid', message: { 'zh-CN': zh, en } }]);
}

function requireStatus(row: SampleRow, ...allowed: SampleRow['status'][]) {
  if (!allowed.includes(row.status)) throw sampleWrongState({ status: row.status });
}

/** Hands the sample to a lab (the lab then sees it by its blind code only). */
export async function sendToLab(ctx: ActorContext, id: number, body: { labId: number; sentOn: string }): Promise<SampleView> {
  const row = await findSample(ctx, id);
  requireStatus(row, 'sampled');
  if (row.testMethod !== 'lab') throw sampleWrongState({ status: 'rapid' });
  const labs = await labsOf(ctx.db, row.districtCode);
  if (!labs.some((lab) => lab.id === body.labId)) throw fieldError('labId', '不是本局的检验机构', 'is not a lab of this bureau');
  if (body.sentOn < row.sampledOn || body.sentOn > todayInChina(ctx.clock.now()))
    throw fieldError('sentOn', '送检日期须在抽样日期与今天之间', 'must be between the sampling date and today');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sample)
      .set({ labId: body.labId, sentOn: body.sentOn, status: 'sent' })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.sample_send',
        objectType: 'sample',
        objectId: row.id,
        detail: { labId: body.labId, late: body.sentOn > row.toLabDue },
      },
    );
  });
  return getSample(ctx, id);
}

/** A rapid test (快检) gives its result on the spot; the 4-hour objection window starts then. */
export async function recordRapidResult(
  ctx: ActorContext,
  id: number,
  body: { resultAt: string; items: ResultItemInput[] },
): Promise<SampleView> {
  const row = await findSample(ctx, id);
  requireStatus(row, 'sampled');
  if (row.testMethod !== 'rapid') throw sampleWrongState({ status: row.status });
  const conclusion = conclusionOrFieldErrors(row.testItems, body.items);
  const resultAt = new Date(body.resultAt);
  if (resultAt.getTime() > ctx.clock.now().getTime() + 60_000) throw fieldError('resultAt', '不能晚于现在', 'cannot be in the future');
  const rules = samplingRulesOn(row.sampledOn);
  await ctx.db.transaction(async (tx) => {
    await replaceResultItems(tx, row.districtCode, row.id, body.items);
    await tx
      .update(sample)
      .set({
        conclusion,
        rapidResultAt: resultAt,
        objectionDueAt: rapidObjectionDue(resultAt, rules),
        reportedAt: resultAt,
        status: 'reported',
      })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'sampling.rapid_result', objectType: 'sample', objectId: row.id, detail: { conclusion } },
    );
  });
  return getSample(ctx, id);
}

/** The re-test sample: the backup portion, under a new blind code, at a lab drawn at random. */
async function createRetest(ctx: ActorContext, tx: Db, row: SampleRow, sentOn: string, labId: number): Promise<number> {
  const calendar = await calendarFor(tx, row.districtCode);
  const [created] = await tx
    .insert(sample)
    .values({
      ...row,
      id: undefined,
      blindCode: await newBlindCode(tx, row.districtCode),
      retestOfId: row.id,
      testMethod: 'lab',
      toLabDue: toLabDue(sentOn, calendar, samplingRulesOn(row.sampledOn)),
      labId,
      sentOn,
      receivedOn: null,
      reportDue: null,
      reportedAt: null,
      conclusion: null,
      rapidResultAt: null,
      objectionDueAt: null,
      objectionFiledAt: null,
      notifiedOn: null,
      retestDue: null,
      retestRequestedOn: null,
      backupKeepUntil: null,
      finalVerdict: null,
      publishedOn: null,
      status: 'sent',
      createdBy: ctx.actor.userId,
      createdAt: undefined,
    })
    .returning({ id: sample.id });
  return (created as { id: number }).id;
}

/** 食品安全法 Art. 88: an objection to a rapid test within 4 hours; the re-test may not use a rapid method. */
export async function fileObjection(ctx: ActorContext, id: number, body: { filedAt: string }): Promise<SampleView> {
  const row = await findSample(ctx, id);
  if (row.testMethod !== 'rapid' || row.rapidResultAt === null) throw sampleWrongState({ status: row.status });
  if (row.objectionFiledAt !== null) throw retestAlreadyRequested();
  const filedAt = new Date(body.filedAt);
  const rules = samplingRulesOn(row.sampledOn);
  if (!isRapidObjectionInTime(row.rapidResultAt, filedAt, rules))
    throw objectionWindowClosed({ due: rapidObjectionDue(row.rapidResultAt, rules).toISOString() });
  const labs = await labsOf(ctx.db, row.districtCode);
  const labId = drawRetestLab(
    labs.map((lab) => lab.id),
    null,
    cryptoRandom,
  );
  if (labId === null) throw noOtherLab();
  const retestId = await ctx.db.transaction(async (tx) => {
    await tx
      .update(sample)
      .set({ objectionFiledAt: filedAt })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    const created = await createRetest(ctx, tx, row, todayInChina(filedAt), labId);
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'sampling.rapid_objection', objectType: 'sample', objectId: row.id, detail: { retestId: created, labId } },
    );
    return created;
  });
  return getSample(ctx, retestId);
}

/** 食品安全法 Art. 88: a re-test requested within 7 working days goes to another lab, drawn at random. */
export async function requestRetest(ctx: ActorContext, id: number, body: { requestedOn: string }): Promise<SampleView> {
  const row = await findSample(ctx, id);
  requireStatus(row, 'notified');
  if (row.retestOfId !== null || row.testMethod !== 'lab' || row.conclusion !== 'unqualified')
    throw sampleWrongState({ status: row.status });
  if (row.retestRequestedOn !== null) throw retestAlreadyRequested();
  const calendar = await calendarFor(ctx.db, row.districtCode);
  const rules = samplingRulesOn(row.sampledOn);
  if (!isRetestRequestInTime(row.notifiedOn as string, body.requestedOn, calendar, rules))
    throw retestWindowClosed({ due: retestRequestDue(row.notifiedOn as string, calendar, rules) });
  if (body.requestedOn > todayInChina(ctx.clock.now())) throw fieldError('requestedOn', '不能晚于今天', 'cannot be in the future');
  const labs = await labsOf(ctx.db, row.districtCode);
  const labId = drawRetestLab(
    labs.map((lab) => lab.id),
    row.labId,
    cryptoRandom,
  );
  if (labId === null) throw noOtherLab();
  const retestId = await ctx.db.transaction(async (tx) => {
    await tx
      .update(sample)
      .set({ retestRequestedOn: body.requestedOn })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    const created = await createRetest(ctx, tx, row, body.requestedOn, labId);
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.retest_request',
        objectType: 'sample',
        objectId: row.id,
        detail: { retestId: created, labId, firstLabId: row.labId },
      },
    );
    return created;
  });
  return getSample(ctx, retestId);
}

const timelineTitle = (row: SampleRow, verdict: Verdict, isRetest: boolean) => ({
  zh: `${isRetest ? '复检' : '监督抽检'}${verdict === 'qualified' ? '合格' : '不合格'}：${row.productName}${row.batchNo ? `（批号 ${row.batchNo}）` : ''}`,
  en: `${isRetest ? 'Re-test' : 'Sampling inspection'} ${verdict === 'qualified' ? 'qualified' : 'unqualified'}: ${row.productName}${row.batchNo ? ` (batch ${row.batchNo})` : ''}`,
});

/**
 * The bureau links the lab's conclusion back to its source and notifies the entity: the result goes on
 * the entity's timeline, the re-test window and backup retention start, and an unqualified final result
 * opens a 核查处置 task. A re-test's conclusion is final and replaces the first one.
 */
export async function notifyResult(ctx: ActorContext, id: number, body: { notifiedOn: string }): Promise<SampleView> {
  const row = await findSample(ctx, id);
  requireStatus(row, 'reported');
  if (row.objectionFiledAt !== null) throw sampleWrongState({ status: 'objection' });
  const conclusion = row.conclusion as Verdict;
  const reportedOn = todayInChina(row.reportedAt as Date);
  if (body.notifiedOn < reportedOn || body.notifiedOn > todayInChina(ctx.clock.now()))
    throw fieldError('notifiedOn', '通知日期须在出具结论之日与今天之间', 'must be between the report date and today');
  const calendar = await calendarFor(ctx.db, row.districtCode);
  const rules = samplingRulesOn(row.sampledOn);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await tx
      .update(sample)
      .set({
        status: 'notified',
        notifiedOn: body.notifiedOn,
        finalVerdict: conclusion,
        retestDue:
          conclusion === 'unqualified' && row.retestOfId === null && row.testMethod === 'lab'
            ? retestRequestDue(body.notifiedOn, calendar, rules)
            : null,
        backupKeepUntil: row.testMethod === 'lab' ? backupKeepUntil(body.notifiedOn, conclusion, rules, row.shelfLifeUntil) : null,
      })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    const rootId = row.retestOfId ?? row.id;
    if (row.retestOfId !== null) {
      await tx
        .update(sample)
        .set({ finalVerdict: conclusion })
        .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.retestOfId)));
    }
    await applyHandling(txCtx, row, rootId, conclusion, body.notifiedOn, rules);
    await addTimelineEvent(txCtx, {
      entityId: row.entityId,
      districtCode: row.districtCode,
      kind: `sampling.${conclusion}`,
      at: ctx.clock.now(),
      title: timelineTitle(row, conclusion, row.retestOfId !== null),
      refType: 'sample',
      refId: rootId,
    });
    await writeAudit(txCtx, { action: 'sampling.result_notify', objectType: 'sample', objectId: row.id, detail: { conclusion } });
  });
  return getSample(ctx, id);
}

/** Opens 核查处置 for an unqualified final result; closes it when a re-test finds the sample qualified. */
async function applyHandling(
  ctx: ServiceContext,
  row: SampleRow,
  rootId: number,
  conclusion: Verdict,
  notifiedOn: string,
  rules: ReturnType<typeof samplingRulesOn>,
) {
  const [existing] = await ctx.db
    .select()
    .from(failureHandling)
    .where(and(eq(failureHandling.districtCode, row.districtCode), eq(failureHandling.sampleId, rootId)));
  if (conclusion === 'unqualified' && !existing) {
    await ctx.db.insert(failureHandling).values({
      districtCode: row.districtCode,
      sampleId: rootId,
      entityId: row.entityId,
      streetCode: row.streetCode,
      openedOn: notifiedOn,
      dueOn: handlingDue(notifiedOn, rules),
      measures: ['removal', 'recall'],
    });
  }
  if (conclusion === 'qualified' && existing && existing.status !== 'closed') {
    await ctx.db
      .update(failureHandling)
      .set({
        status: 'closed',
        outcome: 'no_violation',
        closedOn: notifiedOn,
        note: `${existing.note}${existing.note ? '\n' : ''}复检合格 / re-test qualified`,
      })
      .where(and(eq(failureHandling.districtCode, row.districtCode), eq(failureHandling.id, existing.id)));
  }
}

/** Publishes a final result on the public portal. */
export async function publishResult(ctx: ActorContext, id: number): Promise<SampleView> {
  const row = await findSample(ctx, id);
  const today = todayInChina(ctx.clock.now());
  if (row.retestOfId !== null || row.publishedOn !== null) throw sampleWrongState({ status: row.publishedOn ? 'published' : row.status });
  if (!(await isSampleFinal(ctx.db, row, today))) throw notYetFinal();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sample)
      .set({ publishedOn: today })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    await writeAudit({ ...ctx, db: tx }, { action: 'sampling.result_publish', objectType: 'sample', objectId: row.id });
  });
  return getSample(ctx, id);
}
