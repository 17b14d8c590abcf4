import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { hashToken } from '../../../platform/auth/auth.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { invalidMarketInput, screenTokenInvalid, screenTokenNotFound } from '../markets.errors.ts';
import type { NewScreenTokenView, ScreenTokenBody, ScreenTokenView, ScreenView } from '../markets.schemas.ts';
import { mkScreenToken } from '../markets.tables.ts';
import { starProgress } from '../rules/star-rating.ts';
import { marketInScope, marketScope } from './market-scope.ts';
import { marketSummaries } from './markets.ts';
import { pricesOf } from './prices.ts';
import { publicTestsOf } from './rapid-tests.ts';
import { starsOn } from './stars.ts';

/*
 * The market big screen, as the district's (docs/decisions/0022): a revocable token in the address fragment, only its
 * hash kept; the kiosk sends it in `x-screen-token`. A token opens one market's screen, or (market null) the overview
 * of every market of the district. Aggregates, stall numbers and products only: no person.
 */
type Row = typeof mkScreenToken.$inferSelect;
const view = (row: Row): ScreenTokenView => ({
  id: row.id,
  marketId: row.marketId,
  label: row.label,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const tokenScope = (ctx: ActorContext) =>
  marketScope(ctx, {
    district: mkScreenToken.districtCode,
    street:
      sql`(select m.street_code from mk_market m where m.district_code = ${mkScreenToken.districtCode} and m.id = ${mkScreenToken.marketId})` as never,
    market: mkScreenToken.marketId,
  });

export async function createMarketScreenToken(ctx: ActorContext, body: ScreenTokenBody): Promise<NewScreenTokenView> {
  const marketId = body.marketId ?? null;
  // The district overview is the leadership's and section's; a market's manager opens only their market's screen.
  if (marketId === null && !ctx.actor.isDistrictWide)
    throw invalidMarketInput({}, [
      { in: 'body', field: 'marketId', code: 'required', message: { 'zh-CN': '请选择市场', en: 'choose a market' } },
    ]);
  const districtCode = marketId === null ? ctx.actor.districtCode : (await marketInScope(ctx, marketId)).districtCode;
  const token = `${districtCode}.${randomBytes(32).toString('base64url')}`;
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(mkScreenToken)
      .values({
        districtCode,
        marketId,
        label: body.label,
        tokenHash: hashToken(token),
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
      })
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.screen_token_create', objectType: 'mk_screen_token', objectId: created?.id, districtCode },
    );
    return created as Row;
  });
  return { ...view(row), token, url: `/screen/markets/${marketId ?? 'district'}#token=${token}` };
}

export async function listMarketScreenTokens(ctx: ActorContext) {
  const rows = await ctx.db
    .select()
    .from(mkScreenToken)
    .where(tokenScope(ctx))
    .orderBy(desc(mkScreenToken.createdAt), desc(mkScreenToken.id));
  return { items: rows.map(view), total: rows.length };
}

/** Revoking stops the screen on its next refresh; twice is the same as once. */
export async function revokeMarketScreenToken(ctx: ActorContext, id: number): Promise<ScreenTokenView> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(mkScreenToken)
      .where(and(tokenScope(ctx), eq(mkScreenToken.id, id)))
      .for('update');
    if (!row) throw screenTokenNotFound();
    if (row.revokedAt) return view(row);
    const [revoked] = await tx
      .update(mkScreenToken)
      .set({ revokedAt: ctx.clock.now(), revokedBy: ctx.actor.userId })
      .where(and(eq(mkScreenToken.districtCode, row.districtCode), eq(mkScreenToken.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.screen_token_revoke', objectType: 'mk_screen_token', objectId: id, districtCode: row.districtCode },
    );
    return view(revoked as Row);
  });
}

/** What a live token opens; missing, malformed, unknown and revoked tokens all answer the same 401. */
async function screenOfToken(ctx: ServiceContext, token: string | undefined) {
  const match = token ? /^(\d{6})\.[A-Za-z0-9_-]{43}$/.exec(token) : null;
  if (!match || !token) throw screenTokenInvalid();
  const districtCode = match[1] as string;
  const [row] = await ctx.db
    .update(mkScreenToken)
    .set({ lastUsedAt: ctx.clock.now() })
    .where(
      and(eq(mkScreenToken.districtCode, districtCode), eq(mkScreenToken.tokenHash, hashToken(token)), isNull(mkScreenToken.revokedAt)),
    )
    .returning({ marketId: mkScreenToken.marketId });
  if (!row) throw screenTokenInvalid();
  return { districtCode, marketId: row.marketId };
}

async function cleaningScores(ctx: ServiceContext, districtCode: string, today: string) {
  const rows = await queryRows<{ market_id: string | number; average: string | null }>(
    ctx.db,
    sql`select market_id, round(avg(score), 1) as average from mk_cleaning
        where district_code = ${districtCode} and done_on > ${today}::date - 30 and done_on <= ${today}::date group by market_id`,
  );
  return new Map(rows.map((row) => [Number(row.market_id), row.average === null ? null : Number(row.average)]));
}

/** The screen's data: one market's four core data live, or every market of the district with the star targets. */
export async function marketScreenData(ctx: ServiceContext, token: string | undefined): Promise<ScreenView> {
  const { districtCode, marketId } = await screenOfToken(ctx, token);
  const now = ctx.clock.now();
  const today = todayInChina(now);
  const scores = await cleaningScores(ctx, districtCode, today);
  const summaries = await marketSummaries(ctx, districtCode, marketId === null ? sql`true` : sql`m.id = ${marketId}`, today);
  const screenMarket = (summary: (typeof summaries)[number]) => ({
    id: summary.id,
    name: summary.name,
    stars: summary.stars,
    stalls: summary.stalls,
    testsToday: summary.testsToday,
    positivesToday: summary.positivesToday,
    blockedLots: summary.blockedLots,
    overdueScales: summary.overdueScales,
    cleaningScore30Days: scores.get(summary.id) ?? null,
    inspectionPassPercent: summary.inspectionPassPercent,
  });
  if (marketId === null) {
    return {
      kind: 'district',
      today,
      refreshedAt: now.toISOString(),
      markets: summaries.map(screenMarket),
      progress: { on: today, ...starProgress(await starsOn(ctx, [districtCode], today)) },
    };
  }
  const [summary] = summaries;
  if (!summary) throw screenTokenInvalid();
  const tests = await publicTestsOf(ctx, districtCode, marketId, today);
  return {
    kind: 'market',
    today,
    refreshedAt: now.toISOString(),
    market: screenMarket(summary),
    tests: tests.filter((test) => test.testedOn === today).map(({ testedOn: _, ...test }) => test) as never,
    blocked: tests
      .filter((test) => test.lotStatus === 'blocked')
      .map((test) => ({ stallNumber: test.stallNumber, product: test.product, item: test.item, testedOn: test.testedOn })) as never,
    prices: (await pricesOf(ctx, districtCode, marketId, today)).items,
  };
}
