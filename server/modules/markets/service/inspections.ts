import { and, desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { invalidMarketInput } from '../markets.errors.ts';
import type { InspectionBody, InspectionView } from '../markets.schemas.ts';
import { mkInspection } from '../markets.tables.ts';
import { checkAnswers, passPercent } from '../rules/inspection-checklist.ts';
import { marketInScope } from './market-scope.ts';
import { marketSettingsOn } from './settings.ts';

const problemMessages = {
  unknown_item: { 'zh-CN': '检查表中没有该项', en: 'not an item of the check-list' },
  duplicate_item: { 'zh-CN': '该项重复', en: 'answered twice' },
  missing_item: { 'zh-CN': '检查表有未填的项（{code}）', en: 'an item of the check-list is not answered ({code})' },
} as const;

type InspectionRow = typeof mkInspection.$inferSelect;
const view = (row: InspectionRow, inspectorName: string | null): InspectionView => ({
  id: row.id,
  marketId: row.marketId,
  inspectedOn: row.inspectedOn,
  results: row.results,
  passed: row.passed,
  total: row.total,
  passPercent: passPercent(row.passed, row.total),
  note: row.note,
  inspectorName,
});

/** The station's check-list visits of a market, newest first (the last 50). */
export async function listInspections(ctx: ActorContext, marketId: number) {
  const market = await marketInScope(ctx, marketId);
  const rows = await ctx.db
    .select({ row: mkInspection, inspectorName: appUser.displayName })
    .from(mkInspection)
    .leftJoin(appUser, and(eq(appUser.districtCode, mkInspection.districtCode), eq(appUser.id, mkInspection.inspectorId)))
    .where(and(eq(mkInspection.districtCode, market.districtCode), eq(mkInspection.marketId, marketId)))
    .orderBy(desc(mkInspection.inspectedOn), desc(mkInspection.id))
    .limit(50);
  const items = rows.map(({ row, inspectorName }) => view(row, inspectorName));
  return { items, total: items.length };
}

/**
 * Records a visit's check-list: every item of the list in force on the visit's day answered once, pass or fail, with
 * a note. The items are kept as they were, names included.
 */
export async function recordInspection(ctx: ActorContext, marketId: number, body: InspectionBody): Promise<InspectionView> {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const inspectedOn = body.inspectedOn ?? today;
  if (inspectedOn > today)
    throw invalidMarketInput({}, [
      { in: 'body', field: 'inspectedOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } },
    ]);
  const { checklistItems } = await marketSettingsOn(ctx, market.districtCode, inspectedOn);
  const problems = checkAnswers(checklistItems, body.results);
  if (problems.length)
    throw invalidMarketInput(
      {},
      problems.map((problem) => ({
        in: 'body' as const,
        field: problem.field,
        code: problem.problem,
        message: {
          'zh-CN': problemMessages[problem.problem]['zh-CN'].replace('{code}', problem.code),
          en: problemMessages[problem.problem].en.replace('{code}', problem.code),
        },
      })),
    );
  const passedOf = new Map(body.results.map((answer) => [answer.code, answer.passed]));
  const results = checklistItems.map((item) => ({ code: item.code, name: item.name, passed: passedOf.get(item.code) === true }));
  const passed = results.filter((result) => result.passed).length;
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(mkInspection)
      .values({
        districtCode: market.districtCode,
        marketId,
        streetCode: market.streetCode,
        inspectedOn,
        results,
        passed,
        total: results.length,
        note: body.note ?? '',
        inspectorId: ctx.actor.userId,
      })
      .returning();
    if (!saved) throw new Error('inspection not stored');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.inspection_record', objectType: 'mk_inspection', objectId: saved.id, districtCode: market.districtCode },
    );
    return saved;
  });
  const [me] = await ctx.db
    .select({ name: appUser.displayName })
    .from(appUser)
    .where(and(eq(appUser.districtCode, ctx.actor.districtCode), eq(appUser.id, ctx.actor.userId)));
  return view(row, me?.name ?? null);
}
