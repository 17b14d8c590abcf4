import { type AnyColumn, and, eq, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { marketNotFound } from '../markets.errors.ts';
import { mkMarket } from '../markets.tables.ts';

/**
 * The one scope of this module, through platform/scope: a row of a market is seen by district-wide staff, by the
 * inspectors of the station covering the market's street, and by the market's manager (bound to the market's
 * registry entity, whose id is the market's id).
 */
export function marketScope(ctx: ActorContext, columns: { district: AnyColumn; street: AnyColumn; market: AnyColumn }): SQL {
  return scopeWhere(ctx.actor, { district: columns.district, street: columns.street, entity: columns.market });
}

export type MarketRow = typeof mkMarket.$inferSelect;

/** The market, if the actor may see it; otherwise 404 as for a market that does not exist. */
export async function marketInScope(ctx: ActorContext, marketId: number): Promise<MarketRow> {
  const [row] = await ctx.db
    .select()
    .from(mkMarket)
    .where(
      and(
        marketScope(ctx, { district: mkMarket.districtCode, street: mkMarket.streetCode, market: mkMarket.id }),
        eq(mkMarket.id, marketId),
      ),
    );
  if (!row) throw marketNotFound();
  return row;
}
