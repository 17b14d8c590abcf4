import { and, desc, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { readSpreadsheet } from '../../../platform/spreadsheets/read.ts';
import { invalidMarketInput, lotStepNotAllowed, rapidTestNotFound } from '../markets.errors.ts';
import type { HandleLotBody, ImportResult, RapidTestBody, RapidTestView } from '../markets.schemas.ts';
import { mkRapidTest, mkStall } from '../markets.tables.ts';
import { type DeviceRowProblem, type DeviceTest, readDeviceRow } from '../rules/device-row.ts';
import { handleLot, handlingDone, type LotStatus, lotAfterTest, type RapidTestResult } from '../rules/lot-handling.ts';
import { marketInScope, marketScope } from './market-scope.ts';
import { stallInScope, stallsByNumber } from './stalls.ts';

type Row = typeof mkRapidTest.$inferSelect;
const view = (row: Row, stallNumber: string): RapidTestView => ({
  id: row.id,
  marketId: row.marketId,
  stallId: row.stallId,
  stallNumber,
  testedOn: row.testedOn,
  product: row.product,
  item: row.item as RapidTestView['item'],
  result: row.result as RapidTestView['result'],
  source: row.source as RapidTestView['source'],
  lotStatus: row.lotStatus as RapidTestView['lotStatus'],
  reportedAt: row.reportedAt?.toISOString() ?? null,
  handlingNote: row.handlingNote,
  handlingDone: handlingDone(row.result as RapidTestResult, { status: row.lotStatus as LotStatus, reported: row.reportedAt !== null }),
  recordedAt: row.recordedAt.toISOString(),
});

const testScope = (ctx: ActorContext) =>
  marketScope(ctx, { district: mkRapidTest.districtCode, street: mkRapidTest.streetCode, market: mkRapidTest.marketId });

/** A market's tests of a day (today by default), or every lot blocked now; newest first. */
export async function listRapidTests(ctx: ActorContext, marketId: number, query: { on?: string; blocked?: boolean }) {
  const market = await marketInScope(ctx, marketId);
  const on = query.on ?? todayInChina(ctx.clock.now());
  const rows = await ctx.db
    .select({ test: mkRapidTest, stallNumber: mkStall.number })
    .from(mkRapidTest)
    .innerJoin(mkStall, and(eq(mkStall.districtCode, mkRapidTest.districtCode), eq(mkStall.id, mkRapidTest.stallId)))
    .where(
      and(
        eq(mkRapidTest.districtCode, market.districtCode),
        eq(mkRapidTest.marketId, marketId),
        query.blocked ? eq(mkRapidTest.lotStatus, 'blocked') : eq(mkRapidTest.testedOn, on),
      ),
    )
    .orderBy(desc(mkRapidTest.testedOn), desc(mkRapidTest.id))
    .limit(1000);
  const items = rows.map((row) => view(row.test, row.stallNumber));
  return { items, total: items.length };
}

export async function getRapidTest(ctx: ActorContext, id: number): Promise<RapidTestView> {
  const [row] = await ctx.db
    .select({ test: mkRapidTest, stallNumber: mkStall.number })
    .from(mkRapidTest)
    .innerJoin(mkStall, and(eq(mkStall.districtCode, mkRapidTest.districtCode), eq(mkStall.id, mkRapidTest.stallId)))
    .where(and(testScope(ctx), eq(mkRapidTest.id, id)));
  if (!row) throw rapidTestNotFound();
  return view(row.test, row.stallNumber);
}

const futureDay = { 'zh-CN': '检测日期不能晚于今天', en: 'must not be after today' };
const otherMarketStall = { 'zh-CN': '该摊位不属于此市场', en: 'this stall is not in the market' };

/** The testing room enters one test; a positive result blocks the lot at once. */
export async function recordRapidTest(ctx: ActorContext, marketId: number, body: RapidTestBody): Promise<RapidTestView> {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const testedOn = body.testedOn ?? today;
  const stall = await stallInScope(ctx, body.stallId);
  const errors = [
    ...(stall.marketId !== marketId ? [{ in: 'body', field: 'stallId', code: 'other_market', message: otherMarketStall }] : []),
    ...(testedOn > today ? [{ in: 'body', field: 'testedOn', code: 'future', message: futureDay }] : []),
  ];
  if (errors.length) throw invalidMarketInput({}, errors);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mkRapidTest)
      .values({
        districtCode: market.districtCode,
        marketId,
        streetCode: market.streetCode,
        stallId: stall.id,
        testedOn,
        product: body.product,
        item: body.item,
        result: body.result,
        source: 'manual',
        lotStatus: lotAfterTest(body.result).status,
        recordedBy: ctx.actor.userId,
        recordedAt: ctx.clock.now(),
      })
      .returning();
    if (!row) throw new Error('rapid test not stored');
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'markets.rapid_test_record',
        objectType: 'mk_rapid_test',
        objectId: row.id,
        districtCode: market.districtCode,
        detail: { result: body.result },
      },
    );
    return view(row, stall.number);
  });
}

const problemMessages: Record<DeviceRowProblem, { 'zh-CN': string; en: string }> = {
  missing: { 'zh-CN': '缺少该列的值', en: 'missing' },
  invalid: { 'zh-CN': '无法识别', en: 'not recognised' },
  unknown_stall: { 'zh-CN': '本市场没有该摊位号', en: 'no such stall in the market' },
  future: { 'zh-CN': '日期晚于今天', en: 'after today' },
  too_long: { 'zh-CN': '过长', en: 'too long' },
};

/**
 * The testing device's CSV: every row checked, each bad cell reported with its row number (the header is row 1). A
 * file with any bad row imports nothing (the room fixes the file and sends it again); a dry run only checks.
 */
export async function importDeviceCsv(ctx: ActorContext, marketId: number, body: { csv: string; dryRun?: boolean }): Promise<ImportResult> {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const stalls = await stallsByNumber(ctx, market.districtCode, marketId);
  const sheet = await readSpreadsheet(Buffer.from(body.csv, 'utf8'), 'csv');
  const language = ctx.meta.language === 'en' ? 'en' : 'zh-CN';
  const errors: ImportResult['errors'] = [];
  const tests: DeviceTest[] = [];
  for (const row of sheet.rows) {
    const outcome = readDeviceRow(row.cells, new Set(stalls.keys()), today);
    if (outcome.ok) tests.push(outcome.test);
    else
      for (const error of outcome.errors)
        errors.push({ row: row.rowNumber, field: error.field, problem: error.problem, message: problemMessages[error.problem][language] });
  }
  if (sheet.rows.length === 0) errors.push({ row: 1, field: 'csv', problem: 'missing', message: problemMessages.missing[language] });
  const dryRun = body.dryRun === true || errors.length > 0;
  const positives = tests.filter((test) => test.result === 'positive').length;
  if (!dryRun) {
    await ctx.db.transaction(async (tx) => {
      const at = ctx.clock.now();
      for (let start = 0; start < tests.length; start += 500) {
        await tx.insert(mkRapidTest).values(
          tests.slice(start, start + 500).map((test) => ({
            districtCode: market.districtCode,
            marketId,
            streetCode: market.streetCode,
            stallId: (stalls.get(test.stallNumber) as typeof mkStall.$inferSelect).id,
            testedOn: test.testedOn,
            product: test.product,
            item: test.item,
            result: test.result,
            source: 'device_csv',
            lotStatus: lotAfterTest(test.result).status,
            recordedBy: ctx.actor.userId,
            recordedAt: at,
          })),
        );
      }
      await writeAudit(
        { ...ctx, db: tx },
        {
          action: 'markets.rapid_test_import',
          objectType: 'mk_market',
          objectId: marketId,
          districtCode: market.districtCode,
          detail: { rows: tests.length, positives },
        },
      );
    });
  }
  return { rows: sheet.rows.length, imported: dryRun ? 0 : tests.length, positives, dryRun, errors };
}

const reasons = {
  not_blocked: { 'zh-CN': '批次未被封存', en: 'the lot is not blocked' },
  already_reported: { 'zh-CN': '已报告监管所', en: 'already reported to the station' },
  retest_result_missing: { 'zh-CN': '缺少复检结果', en: 'the re-test result is missing' },
} as const;

/** One handling step on a lot blocked by a positive test: destroy it, test it again, report it to the station. */
export async function handleRapidTestLot(ctx: ActorContext, id: number, body: HandleLotBody): Promise<RapidTestView> {
  await getRapidTest(ctx, id);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(mkRapidTest)
      .where(and(testScope(ctx), eq(mkRapidTest.id, id)))
      .for('update');
    if (!row) throw rapidTestNotFound();
    const outcome = handleLot({ status: row.lotStatus as LotStatus, reported: row.reportedAt !== null }, body.action, body.retestResult);
    if (!outcome.ok) {
      const reason = reasons[outcome.reason][ctx.meta.language === 'en' ? 'en' : 'zh-CN'];
      if (outcome.reason === 'retest_result_missing')
        throw invalidMarketInput({}, [{ in: 'body', field: 'retestResult', code: 'missing', message: reasons.retest_result_missing }]);
      throw lotStepNotAllowed({ reason });
    }
    const now = ctx.clock.now();
    const line = `${todayInChina(now)} ${body.action}${body.retestResult ? `:${body.retestResult}` : ''}${body.note ? ` ${body.note}` : ''}`;
    const [updated] = await tx
      .update(mkRapidTest)
      .set({
        lotStatus: outcome.state.status,
        reportedAt: outcome.state.reported ? (row.reportedAt ?? now) : null,
        handlingNote: row.handlingNote ? `${row.handlingNote}\n${line}` : line,
        handledAt: now,
      })
      .where(and(eq(mkRapidTest.districtCode, row.districtCode), eq(mkRapidTest.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'markets.lot_handle',
        objectType: 'mk_rapid_test',
        objectId: id,
        districtCode: row.districtCode,
        detail: { action: body.action },
      },
    );
    const [stall] = await tx
      .select({ number: mkStall.number })
      .from(mkStall)
      .where(and(eq(mkStall.districtCode, row.districtCode), eq(mkStall.id, row.stallId)));
    return view(updated as Row, stall?.number ?? '');
  });
}

/** Today's tests of a market for its public page and screen: no person, only stall numbers and products. */
export async function publicTestsOf(ctx: { db: ActorContext['db'] }, districtCode: string, marketId: number, day: string) {
  return ctx.db
    .select({
      id: mkRapidTest.id,
      stallNumber: mkStall.number,
      product: mkRapidTest.product,
      item: mkRapidTest.item,
      result: mkRapidTest.result,
      lotStatus: mkRapidTest.lotStatus,
      testedOn: mkRapidTest.testedOn,
    })
    .from(mkRapidTest)
    .innerJoin(mkStall, and(eq(mkStall.districtCode, mkRapidTest.districtCode), eq(mkStall.id, mkRapidTest.stallId)))
    .where(
      and(
        eq(mkRapidTest.districtCode, districtCode),
        eq(mkRapidTest.marketId, marketId),
        sql`(${mkRapidTest.testedOn} = ${day}::date or ${mkRapidTest.lotStatus} = 'blocked')`,
      ),
    )
    .orderBy(desc(mkRapidTest.testedOn), desc(mkRapidTest.id))
    .limit(500);
}
