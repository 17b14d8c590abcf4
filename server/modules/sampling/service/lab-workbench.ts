import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { checkUpload } from '../rules/file-signature.ts';
import { reportDue } from '../rules/sample-deadlines.ts';
import { samplingRulesOn } from '../rules/sampling-rule-sets.ts';
import { badUpload, fileNotFound, sampleNotFound, sampleWrongState } from '../sampling.errors.ts';
import type { LabSampleView, ResultItemInput, SampleStatus } from '../sampling.schemas.ts';
import { sample, sampleFile, sampleResultItem } from '../sampling.tables.ts';
import { conclusionOrFieldErrors, replaceResultItems } from './result-items.ts';
import { calendarFor, labSampleScope } from './sampling-context.ts';

/**
 * The lab's blind workbench (抽检分离). Every query here selects only the columns below — never the
 * entity, samplers, batch, dates of sampling or price — and the response schema (LabSampleView) has no
 * field that could carry them either.
 */
const blindColumns = {
  id: sample.id,
  districtCode: sample.districtCode,
  blindCode: sample.blindCode,
  retestOfId: sample.retestOfId,
  field: sample.field,
  category: sample.category,
  productType: sample.productType,
  testItems: sample.testItems,
  status: sample.status,
  sentOn: sample.sentOn,
  receivedOn: sample.receivedOn,
  reportDue: sample.reportDue,
  reportedAt: sample.reportedAt,
  conclusion: sample.conclusion,
  sampledOn: sample.sampledOn,
};
type BlindRow = { [K in keyof typeof blindColumns]: (typeof sample.$inferSelect)[K] };

const labStatusOf = (status: BlindRow['status']) => (status === 'sent' ? 'to_receive' : status === 'received' ? 'testing' : 'reported');
const statusesOf = { to_receive: ['sent'], testing: ['received'], reported: ['reported', 'notified'] } as const;

async function findBlind(ctx: ActorContext, blindCode: string): Promise<BlindRow> {
  const [row] = await ctx.db
    .select(blindColumns)
    .from(sample)
    .where(
      and(labSampleScope(ctx.actor), eq(sample.blindCode, blindCode), inArray(sample.status, ['sent', 'received', 'reported', 'notified'])),
    );
  if (!row) throw sampleNotFound();
  return row;
}

async function blindViews(ctx: ActorContext, rows: BlindRow[]): Promise<LabSampleView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const districtCode = rows[0]?.districtCode as string;
  const [items, reports] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(sampleResultItem)
        .where(and(eq(sampleResultItem.districtCode, districtCode), inArray(sampleResultItem.sampleId, ids)))
        .orderBy(asc(sampleResultItem.id)),
    () =>
      ctx.db
        .select({
          sampleId: sampleFile.sampleId,
          contentType: sampleFile.contentType,
          byteSize: sampleFile.byteSize,
          uploadedAt: sampleFile.uploadedAt,
        })
        .from(sampleFile)
        .where(and(eq(sampleFile.districtCode, districtCode), inArray(sampleFile.sampleId, ids), eq(sampleFile.kind, 'report')))
        .orderBy(desc(sampleFile.id)),
  );
  const today = todayInChina(ctx.clock.now());
  return rows.map((row) => {
    const report = reports.find((file) => file.sampleId === row.id);
    return {
      blindCode: row.blindCode,
      field: row.field,
      category: row.category,
      productType: row.productType,
      testItems: row.testItems,
      isRetest: row.retestOfId !== null,
      labStatus: labStatusOf(row.status),
      receivedOn: row.receivedOn,
      reportDue: row.reportDue,
      isOverdue: row.status === 'received' && row.reportDue !== null && today > row.reportDue,
      conclusion: row.conclusion,
      results: items
        .filter((item) => item.sampleId === row.id)
        .map((item) => ({
          itemName: item.itemName,
          measured: item.measured,
          unit: item.unit,
          limitText: item.limitText,
          methodStandard: item.methodStandard,
          verdict: item.verdict,
        })),
      report: report ? { contentType: report.contentType, byteSize: report.byteSize, uploadedAt: report.uploadedAt.toISOString() } : null,
    };
  });
}

export async function listLabSamples(ctx: ActorContext, query: { labStatus?: keyof typeof statusesOf; page: number; pageSize: number }) {
  const statuses: SampleStatus[] = query.labStatus ? [...statusesOf[query.labStatus]] : ['sent', 'received', 'reported', 'notified'];
  const conditions: SQL[] = [labSampleScope(ctx.actor), inArray(sample.status, statuses)];
  const where = and(...conditions);
  const [rows, [total]] = await inTurn(
    () =>
      // Ordered by the blind code, () => not by id or date: the order itself must not hint at when or where a sample was taken.
      ctx.db
        .select(blindColumns)
        .from(sample)
        .where(where)
        .orderBy(asc(sample.blindCode))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(sample).where(where),
  );
  return { items: await blindViews(ctx, rows), total: total?.total ?? 0 };
}

export async function getLabSample(ctx: ActorContext, blindCode: string): Promise<LabSampleView> {
  const [view] = await blindViews(ctx, [await findBlind(ctx, blindCode)]);
  return view as LabSampleView;
}

/** The lab confirms receipt; the 20-working-day report deadline starts (SAMR Order 15 Art. 24). */
export async function receiveLabSample(ctx: ActorContext, blindCode: string, body: { receivedOn: string }): Promise<LabSampleView> {
  const row = await findBlind(ctx, blindCode);
  if (row.status !== 'sent') throw sampleWrongState({ status: labStatusOf(row.status) });
  if (body.receivedOn < (row.sentOn as string) || body.receivedOn > todayInChina(ctx.clock.now())) {
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'receivedOn',
        code: 'invalid',
        message: { 'zh-CN': '收样日期须在送样日期与今天之间', en: 'must be between the sending date and today' },
      },
    ]);
  }
  const calendar = await calendarFor(ctx.db, row.districtCode);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(sample)
      .set({
        status: 'received',
        receivedOn: body.receivedOn,
        reportDue: reportDue(body.receivedOn, calendar, samplingRulesOn(row.sampledOn)),
      })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    await writeAudit({ ...ctx, db: tx }, { action: 'sampling.lab_receive', objectType: 'sample', objectId: row.id });
  });
  return getLabSample(ctx, blindCode);
}

/** The lab enters a result per test item; the conclusion follows from them. Correctable until the bureau notifies. */
export async function submitLabResults(ctx: ActorContext, blindCode: string, body: { items: ResultItemInput[] }): Promise<LabSampleView> {
  const row = await findBlind(ctx, blindCode);
  if (row.status !== 'received' && row.status !== 'reported') throw sampleWrongState({ status: labStatusOf(row.status) });
  const conclusion = conclusionOrFieldErrors(row.testItems, body.items);
  await ctx.db.transaction(async (tx) => {
    await replaceResultItems(tx, row.districtCode, row.id, body.items);
    await tx
      .update(sample)
      .set({ status: 'reported', conclusion, reportedAt: ctx.clock.now() })
      .where(and(eq(sample.districtCode, row.districtCode), eq(sample.id, row.id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'sampling.lab_results', objectType: 'sample', objectId: row.id, detail: { conclusion } },
    );
  });
  return getLabSample(ctx, blindCode);
}

/** Stores an uploaded file after checking its declared type against its first bytes. */
export function checkedUpload(contentType: string | undefined, body: unknown) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
  const check = checkUpload(contentType, bytes);
  if (!check.ok) throw badUpload({ reason: check.reason });
  return { bytes, contentType: check.contentType, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The lab's test report (PDF or image), replacing an earlier one while results are open. */
export async function uploadLabReport(ctx: ActorContext, blindCode: string, contentType: string | undefined, body: unknown) {
  const row = await findBlind(ctx, blindCode);
  if (row.status !== 'received' && row.status !== 'reported') throw sampleWrongState({ status: labStatusOf(row.status) });
  const file = checkedUpload(contentType, body);
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(sampleFile)
      .where(and(eq(sampleFile.districtCode, row.districtCode), eq(sampleFile.sampleId, row.id), eq(sampleFile.kind, 'report')));
    await tx.insert(sampleFile).values({
      districtCode: row.districtCode,
      sampleId: row.id,
      kind: 'report',
      contentType: file.contentType,
      byteSize: file.bytes.length,
      sha256: file.sha256,
      content: file.bytes,
      uploadedBy: ctx.actor.userId,
    });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.lab_report_upload',
        objectType: 'sample',
        objectId: row.id,
        detail: { bytes: file.bytes.length, sha256: file.sha256 },
      },
    );
  });
  return { byteSize: file.bytes.length, contentType: file.contentType };
}

export async function downloadLabReport(ctx: ActorContext, blindCode: string) {
  const row = await findBlind(ctx, blindCode);
  const [file] = await ctx.db
    .select({ contentType: sampleFile.contentType, content: sampleFile.content })
    .from(sampleFile)
    .where(and(eq(sampleFile.districtCode, row.districtCode), eq(sampleFile.sampleId, row.id), eq(sampleFile.kind, 'report')))
    .orderBy(desc(sampleFile.id))
    .limit(1);
  if (!file) throw fileNotFound();
  return { ...file, fileName: `report-${row.blindCode}` };
}
