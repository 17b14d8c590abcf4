import { and, desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { invalidMarketInput, scaleSerialTaken } from '../markets.errors.ts';
import type { CleaningBody, ScaleBody, ScaleView } from '../markets.schemas.ts';
import { mkCleaning, mkScale } from '../markets.tables.ts';
import { cleaningPartyOf, mayRecordCleaning, scaleOverdue, verificationValidUntil } from '../rules/prices-and-scales.ts';
import { complaintsPerHolder } from './complaints.ts';
import { marketInScope } from './market-scope.ts';
import { marketSettingsOn } from './settings.ts';
import { stallInScope, stallsByNumber } from './stalls.ts';

/** Scales (计量器具) of a market with their verification; overdue flagged. */
export async function listScales(ctx: ActorContext, marketId: number) {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const rows = await ctx.db
    .select()
    .from(mkScale)
    .where(and(eq(mkScale.districtCode, market.districtCode), eq(mkScale.marketId, marketId)))
    .orderBy(mkScale.validUntil, mkScale.id);
  const items = await scaleViews(ctx, market.districtCode, marketId, rows, today);
  return { items, total: items.length };
}

/**
 * Scales as the API shows them: overdue flagged, and beside each its stall's number and the short-weight complaints
 * (缺斤短两, category metrology) about the stall's holder.
 */
async function scaleViews(
  ctx: ActorContext,
  districtCode: string,
  marketId: number,
  rows: (typeof mkScale.$inferSelect)[],
  today: string,
): Promise<ScaleView[]> {
  const stalls = await stallsByNumber(ctx, districtCode, marketId);
  const byId = new Map([...stalls.values()].map((stall) => [stall.id, stall]));
  const counts = await complaintsPerHolder(ctx, districtCode, marketId);
  return rows.map((row) => {
    const stall = row.stallId === null ? undefined : byId.get(row.stallId);
    const holder = stall?.holderEntityId ?? null;
    return {
      id: row.id,
      serial: row.serial,
      stallId: row.stallId,
      verifiedOn: row.verifiedOn,
      validUntil: row.validUntil,
      overdue: scaleOverdue(row.validUntil, today),
      stallNumber: stall?.number ?? null,
      shortWeightComplaints: holder === null ? 0 : (counts.get(holder)?.shortWeight ?? 0),
    };
  });
}

/** Registers a scale, or records its new verification (same serial: the verification is updated). */
export async function registerScale(ctx: ActorContext, marketId: number, body: ScaleBody) {
  const market = await marketInScope(ctx, marketId);
  if (body.verifiedOn > todayInChina(ctx.clock.now()))
    throw invalidMarketInput({}, [
      { in: 'body', field: 'verifiedOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } },
    ]);
  if (body.stallId) {
    const stall = await stallInScope(ctx, body.stallId);
    if (stall.marketId !== marketId)
      throw invalidMarketInput({}, [
        {
          in: 'body',
          field: 'stallId',
          code: 'other_market',
          message: { 'zh-CN': '该摊位不属于此市场', en: 'this stall is not in the market' },
        },
      ]);
  }
  const settings = await marketSettingsOn(ctx, market.districtCode, body.verifiedOn);
  const validUntil = verificationValidUntil(body.verifiedOn, settings.scaleVerificationMonths);
  const [existing] = await ctx.db
    .select()
    .from(mkScale)
    .where(and(eq(mkScale.districtCode, market.districtCode), eq(mkScale.marketId, marketId), eq(mkScale.serial, body.serial)));
  if (existing && existing.verifiedOn >= body.verifiedOn)
    throw scaleSerialTaken({}, [{ in: 'body', field: 'serial', code: 'taken', message: scaleSerialTaken.message }]);
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = existing
      ? await tx
          .update(mkScale)
          .set({ verifiedOn: body.verifiedOn, validUntil, stallId: body.stallId ?? existing.stallId })
          .where(and(eq(mkScale.districtCode, market.districtCode), eq(mkScale.id, existing.id)))
          .returning()
      : await tx
          .insert(mkScale)
          .values({
            districtCode: market.districtCode,
            marketId,
            streetCode: market.streetCode,
            stallId: body.stallId ?? null,
            serial: body.serial,
            verifiedOn: body.verifiedOn,
            validUntil,
          })
          .returning();
    if (!saved) throw new Error('scale not stored');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.scale_register', objectType: 'mk_scale', objectId: saved.id, districtCode: market.districtCode },
    );
    return saved;
  });
  const [view] = await scaleViews(ctx, market.districtCode, marketId, [row], todayInChina(ctx.clock.now()));
  return view as ScaleView;
}

/** The cleaning rounds of a market, newest first (the last 200). */
export async function listCleaning(ctx: ActorContext, marketId: number) {
  const market = await marketInScope(ctx, marketId);
  const rows = await ctx.db
    .select()
    .from(mkCleaning)
    .where(and(eq(mkCleaning.districtCode, market.districtCode), eq(mkCleaning.marketId, marketId)))
    .orderBy(desc(mkCleaning.doneOn), desc(mkCleaning.id))
    .limit(200);
  const items = rows.map((row) => ({
    id: row.id,
    level: row.level as CleaningBody['level'],
    party: row.party as (typeof cleaningPartyOf)[CleaningBody['level']],
    doneOn: row.doneOn,
    score: row.score,
    note: row.note,
  }));
  return { items, total: items.length };
}

/** Records a round done: the party follows from the level (日清洁 stall holders, 周清扫 manager, 月整治 organiser). */
export async function recordCleaning(ctx: ActorContext, marketId: number, body: CleaningBody) {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const doneOn = body.doneOn ?? today;
  if (doneOn > today)
    throw invalidMarketInput({}, [
      { in: 'body', field: 'doneOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } },
    ]);
  if (!mayRecordCleaning(ctx.actor.roles, body.level))
    throw invalidMarketInput({}, [
      {
        in: 'body',
        field: 'level',
        code: 'not_your_round',
        message: { 'zh-CN': '举办者只登记月整治', en: 'the organiser records the monthly round only' },
      },
    ]);
  const party = cleaningPartyOf[body.level];
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mkCleaning)
      .values({
        districtCode: market.districtCode,
        marketId,
        streetCode: market.streetCode,
        level: body.level,
        party,
        doneOn,
        score: body.score,
        note: body.note ?? '',
        recordedBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('cleaning not stored');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.cleaning_record', objectType: 'mk_cleaning', objectId: row.id, districtCode: market.districtCode },
    );
    return { id: row.id, level: body.level, party, doneOn, score: row.score, note: row.note };
  });
}
