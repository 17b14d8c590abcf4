import { type SQL, sql } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { shortWeightComplaintCategory } from '../../../../shared/vocabularies/markets.ts';
import { queryRows } from '../../../db/client.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';

/*
 * Complaints per market and per stall (decision 0039), derived from the complaints module's own data without a column
 * of its own: a complaint is about a market when its complained business (complaint.entity_id) is the market's entity
 * or the holder of one of the market's stalls; about a stall when it is the stall's holder. Short-weight complaints
 * (缺斤短两) are those of category metrology. Counted over the 12 months up to today (received then), the window the
 * 放心消费 review weighs too, so a market's figure moves with its present and not with its whole history. Every part
 * is an aggregate of one district (Citus: one shard).
 */

/**
 * A subquery of the complaints of one district per market: (district_code, market_id, complaints, short_weight). A
 * holder with two stalls in the market counts once per complaint (the union removes the duplicate link).
 */
export function complaintsPerMarket(districtCode: string, today: string): SQL {
  return sql`(select l.district_code, l.market_id, count(*) as complaints,
      count(*) filter (where c.category = ${shortWeightComplaintCategory}) as short_weight
    from complaint c
    join (select district_code, id as market_id, id as entity_id from mk_market where district_code = ${districtCode}
      union select district_code, market_id, holder_entity_id as entity_id from mk_stall
        where district_code = ${districtCode} and holder_entity_id is not null) l
      on l.district_code = c.district_code and l.entity_id = c.entity_id
    where c.district_code = ${districtCode} and ${receivedInYearTo(today)}
    group by l.district_code, l.market_id)`;
}

const receivedInYearTo = (today: string) => sql`c.received_on >= ${yearBefore(today)}::date and c.received_on <= ${today}::date`;

export interface ComplaintCounts {
  complaints: number;
  shortWeight: number;
}

/** The complaints about each stall holder of a market in the 12 months up to today, by holder entity. */
export async function complaintsPerHolder(
  ctx: ServiceContext,
  districtCode: string,
  marketId: number,
): Promise<Map<number, ComplaintCounts>> {
  const rows = await queryRows<{ entity_id: string | number; complaints: string | number; short_weight: string | number }>(
    ctx.db,
    sql`select c.entity_id, count(*) as complaints, count(*) filter (where c.category = ${shortWeightComplaintCategory}) as short_weight
        from complaint c
        join (select distinct district_code, holder_entity_id from mk_stall
          where district_code = ${districtCode} and market_id = ${marketId} and holder_entity_id is not null) h
          on h.district_code = c.district_code and h.holder_entity_id = c.entity_id
        where c.district_code = ${districtCode} and ${receivedInYearTo(todayInChina(ctx.clock.now()))}
        group by c.entity_id`,
  );
  return new Map(rows.map((row) => [Number(row.entity_id), { complaints: Number(row.complaints), shortWeight: Number(row.short_weight) }]));
}
