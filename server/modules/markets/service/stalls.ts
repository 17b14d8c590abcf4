import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { invalidMarketInput, stallNotFound, stallNumberTaken } from '../markets.errors.ts';
import type { StallBody, StallUpdateBody, StallView } from '../markets.schemas.ts';
import { mkStall } from '../markets.tables.ts';
import { complaintsPerHolder } from './complaints.ts';
import { marketInScope, marketScope } from './market-scope.ts';

const stallScope = (ctx: ActorContext) =>
  marketScope(ctx, { district: mkStall.districtCode, street: mkStall.streetCode, market: mkStall.marketId });

export async function listStalls(ctx: ActorContext, marketId: number) {
  const market = await marketInScope(ctx, marketId);
  const rows = await queryRows<{
    id: string | number;
    number: string;
    category: string;
    holder_entity_id: string | number | null;
    holder_name: string | null;
  }>(
    ctx.db,
    sql`select s.id, s.number, s.category, s.holder_entity_id, e.name as holder_name from mk_stall s
        left join entity e on e.district_code = s.district_code and e.id = s.holder_entity_id
        where s.district_code = ${market.districtCode} and s.market_id = ${marketId} order by s.number`,
  );
  const counts = await complaintsPerHolder(ctx, market.districtCode, marketId);
  const items: StallView[] = rows.map((row) => {
    const holder = row.holder_entity_id === null ? null : Number(row.holder_entity_id);
    const count = holder === null ? undefined : counts.get(holder);
    return {
      id: Number(row.id),
      marketId,
      number: row.number,
      category: row.category as StallView['category'],
      holderEntityId: holder,
      holderName: row.holder_name,
      complaints: count?.complaints ?? 0,
      shortWeightComplaints: count?.shortWeight ?? 0,
    };
  });
  return { items, total: items.length };
}

/** A stall of a market in the actor's scope, or 404. */
export async function stallInScope(ctx: ActorContext, stallId: number) {
  const [row] = await ctx.db
    .select()
    .from(mkStall)
    .where(and(stallScope(ctx), eq(mkStall.id, stallId)));
  if (!row) throw stallNotFound();
  return row;
}

/** The stall numbers of a market (for the device import), number → stall. */
export async function stallsByNumber(ctx: ActorContext, districtCode: string, marketId: number) {
  const rows = await ctx.db
    .select()
    .from(mkStall)
    .where(and(eq(mkStall.districtCode, districtCode), eq(mkStall.marketId, marketId)))
    .orderBy(asc(mkStall.number));
  return new Map(rows.map((row) => [row.number, row]));
}

/** The holder's name, if named: a registry entity of the market's district, else a problem naming the field. */
async function holderNameOf(ctx: ActorContext, districtCode: string, holderEntityId: number | null | undefined) {
  if (!holderEntityId) return null;
  const [holder] = await queryRows<{ name: string }>(
    ctx.db,
    sql`select name from entity where district_code = ${districtCode} and id = ${holderEntityId}`,
  );
  if (!holder)
    throw invalidMarketInput({}, [
      {
        in: 'body',
        field: 'holderEntityId',
        code: 'not_found',
        message: { 'zh-CN': '本区没有该市场主体', en: 'no such business in the district' },
      },
    ]);
  return holder.name;
}

/** The complaints about a stall's holder (0 and 0 without one). */
async function holderCounts(ctx: ActorContext, districtCode: string, marketId: number, holder: number | null) {
  const count = holder === null ? undefined : (await complaintsPerHolder(ctx, districtCode, marketId)).get(holder);
  return { complaints: count?.complaints ?? 0, shortWeightComplaints: count?.shortWeight ?? 0 };
}

/** Adds a stall; its holder, if named, is a registry entity of the market's district. */
export async function createStall(ctx: ActorContext, marketId: number, body: StallBody): Promise<StallView> {
  const market = await marketInScope(ctx, marketId);
  const holderName = await holderNameOf(ctx, market.districtCode, body.holderEntityId);
  const [taken] = await ctx.db
    .select({ id: mkStall.id })
    .from(mkStall)
    .where(and(eq(mkStall.districtCode, market.districtCode), eq(mkStall.marketId, marketId), eq(mkStall.number, body.number)));
  if (taken) throw stallNumberTaken({}, [{ in: 'body', field: 'number', code: 'taken', message: stallNumberTaken.message }]);
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(mkStall)
      .values({
        districtCode: market.districtCode,
        marketId,
        streetCode: market.streetCode,
        number: body.number,
        category: body.category,
        holderEntityId: body.holderEntityId ?? null,
      })
      .returning();
    if (!saved) throw new Error('stall not stored');
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.stall_create', objectType: 'mk_stall', objectId: saved.id, districtCode: market.districtCode },
    );
    return saved;
  });
  return {
    id: row.id,
    marketId,
    number: row.number,
    category: body.category,
    holderEntityId: row.holderEntityId,
    holderName,
    ...(await holderCounts(ctx, market.districtCode, marketId, row.holderEntityId)),
  };
}

/** Changes a stall's category or holder (a new holder takes the stall over; the number stays). */
export async function updateStall(ctx: ActorContext, stallId: number, body: StallUpdateBody): Promise<StallView> {
  const stall = await stallInScope(ctx, stallId);
  const holderName = await holderNameOf(ctx, stall.districtCode, body.holderEntityId);
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .update(mkStall)
      .set({ category: body.category, holderEntityId: body.holderEntityId ?? null })
      .where(and(eq(mkStall.districtCode, stall.districtCode), eq(mkStall.id, stallId)))
      .returning();
    if (!saved) throw stallNotFound();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.stall_update', objectType: 'mk_stall', objectId: stallId, districtCode: stall.districtCode },
    );
    return saved;
  });
  return {
    id: row.id,
    marketId: row.marketId,
    number: row.number,
    category: row.category as StallView['category'],
    holderEntityId: row.holderEntityId,
    holderName,
    ...(await holderCounts(ctx, stall.districtCode, row.marketId, row.holderEntityId)),
  };
}
