import { sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { invalidMarketInput } from '../markets.errors.ts';
import type { PriceList, PricesBody } from '../markets.schemas.ts';
import { mkPrice } from '../markets.tables.ts';
import { medianFen, priceFlags } from '../rules/prices-and-scales.ts';
import { marketInScope } from './market-scope.ts';
import { marketSettingsOn } from './settings.ts';

/** A market's key-product prices of a day with the district median, the price a week before and the anomaly flags. */
export async function pricesOf(ctx: ServiceContext, districtCode: string, marketId: number, day: string): Promise<PriceList> {
  const settings = await marketSettingsOn(ctx, districtCode, day);
  const weekBefore = addDays(day, -7);
  const rows = await queryRows<{ market_id: string | number; product: string; price_on: string; price_fen: number }>(
    ctx.db,
    sql`select market_id, product, to_char(price_on, 'YYYY-MM-DD') as price_on, price_fen from mk_price
        where district_code = ${districtCode} and price_on in (${day}::date, ${weekBefore}::date)`,
  );
  const items = settings.keyProducts.map((product) => {
    const today = rows.filter((row) => row.product === product && row.price_on === day);
    const own = today.find((row) => Number(row.market_id) === marketId)?.price_fen ?? null;
    const before =
      rows.find((row) => row.product === product && row.price_on === weekBefore && Number(row.market_id) === marketId)?.price_fen ?? null;
    const median = medianFen(today.map((row) => row.price_fen));
    return {
      product,
      priceFen: own,
      districtMedianFen: median,
      weekBeforeFen: before,
      flags: own === null ? [] : priceFlags(own, median, before, settings.priceAnomalyPercent),
    };
  });
  return { priceOn: day, items };
}

export async function listPrices(ctx: ActorContext, marketId: number, on: string | undefined) {
  const market = await marketInScope(ctx, marketId);
  return pricesOf(ctx, market.districtCode, marketId, on ?? todayInChina(ctx.clock.now()));
}

/** The day's prices of key products (a product not in the setting is refused by name); a second report replaces the first. */
export async function reportPrices(ctx: ActorContext, marketId: number, body: PricesBody) {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  const day = body.priceOn ?? today;
  const settings = await marketSettingsOn(ctx, market.districtCode, day);
  const errors = body.items.flatMap((item, index) =>
    settings.keyProducts.includes(item.product)
      ? []
      : [
          {
            in: 'body',
            field: `items.${index}.product`,
            code: 'not_key_product',
            message: { 'zh-CN': '不是重点监测品种', en: 'not a key product' },
          },
        ],
  );
  if (day > today)
    errors.push({ in: 'body', field: 'priceOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } });
  if (errors.length) throw invalidMarketInput({}, errors);
  await ctx.db.transaction(async (tx) => {
    for (const item of body.items) {
      await tx
        .insert(mkPrice)
        .values({
          districtCode: market.districtCode,
          marketId,
          product: item.product,
          priceOn: day,
          streetCode: market.streetCode,
          priceFen: item.priceFen,
          recordedBy: ctx.actor.userId,
        })
        .onConflictDoUpdate({
          target: [mkPrice.districtCode, mkPrice.marketId, mkPrice.product, mkPrice.priceOn],
          set: { priceFen: item.priceFen, recordedBy: ctx.actor.userId },
        });
    }
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.prices_report', objectType: 'mk_market', objectId: marketId, districtCode: market.districtCode },
    );
  });
  return pricesOf(ctx, market.districtCode, marketId, day);
}
