import { and, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { marketNotFound } from '../markets.errors.ts';
import { mkMarket } from '../markets.tables.ts';
import { marketSummaries } from './markets.ts';
import { pricesOf } from './prices.ts';
import { publicTestsOf } from './rapid-tests.ts';

/** What a market's public page shows (快检结果公示): today's tests, lots blocked now, stars, prices. No person. */
export async function publicMarketPage(ctx: ServiceContext, districtCode: string, marketId: number) {
  const [market] = await ctx.db
    .select({ id: mkMarket.id })
    .from(mkMarket)
    .where(and(eq(mkMarket.districtCode, districtCode), eq(mkMarket.id, marketId)));
  if (!market) throw marketNotFound();
  const today = todayInChina(ctx.clock.now());
  const [summary] = await marketSummaries(ctx, districtCode, sql`m.id = ${marketId}`, today);
  const tests = await publicTestsOf(ctx, districtCode, marketId, today);
  return {
    today,
    summary: summary as NonNullable<typeof summary>,
    tests,
    prices: (await pricesOf(ctx, districtCode, marketId, today)).items,
  };
}
