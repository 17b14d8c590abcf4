import { and, asc, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { invalidMarketInput, marketAlreadyRegistered, notAFarmersMarket } from '../markets.errors.ts';
import type { MarketBody, MarketDetail, MarketSummary, MarketUpdateBody } from '../markets.schemas.ts';
import { mkMarket } from '../markets.tables.ts';
import { passPercent } from '../rules/inspection-checklist.ts';
import { cleaningOverdue, cleaningPartyOf } from '../rules/prices-and-scales.ts';
import { complaintsPerMarket } from './complaints.ts';
import { marketInScope, marketScope } from './market-scope.ts';

interface SummaryRow {
  id: string | number;
  name: string;
  address: string;
  street_code: string;
  is_urban: boolean;
  operator_name: string;
  handed_over_on: string | null;
  stalls: string | number;
  stars: number | null;
  stars_valid_until: string | null;
  tests_today: string | number;
  positives_today: string | number;
  blocked_lots: string | number;
  overdue_scales: string | number;
  complaints: string | number;
  short_weight: string | number;
  last_inspected_on: string | null;
  inspection_passed: number | null;
  inspection_total: number | null;
}

/**
 * Each market of one district with the day's figures: stalls, the stars in force, today's tests and positives, lots
 * blocked now, scales past their verification. `where` narrows `m` (mk_market). Every part is an aggregate of the one
 * district joined by market — no correlated subquery — so the query runs on that district's shard alone on Citus,
 * whatever the actor's scope reduces to (a scope that reaches nothing included).
 */
export async function marketSummaries(
  ctx: ServiceContext,
  districtCode: string,
  where: ReturnType<typeof sql>,
  today: string,
): Promise<MarketSummary[]> {
  const rows = await queryRows<SummaryRow>(
    ctx.db,
    sql`select m.id, e.name, e.address, m.street_code, m.is_urban, m.operator_name, to_char(m.handed_over_on, 'YYYY-MM-DD') as handed_over_on,
          coalesce(st.stalls, 0) as stalls, r.stars, to_char(r.valid_until, 'YYYY-MM-DD') as stars_valid_until,
          coalesce(t.tests_today, 0) as tests_today, coalesce(t.positives_today, 0) as positives_today,
          coalesce(t.blocked_lots, 0) as blocked_lots, coalesce(c.overdue_scales, 0) as overdue_scales,
          coalesce(cp.complaints, 0) as complaints, coalesce(cp.short_weight, 0) as short_weight,
          to_char(i.inspected_on, 'YYYY-MM-DD') as last_inspected_on, i.passed as inspection_passed, i.total as inspection_total
        from mk_market m
        join entity e on e.district_code = m.district_code and e.id = m.id
        left join (select district_code, market_id, count(*) as stalls from mk_stall where district_code = ${districtCode}
          group by district_code, market_id) st on st.district_code = m.district_code and st.market_id = m.id
        left join (select district_code, market_id,
            count(*) filter (where tested_on = ${today}::date) as tests_today,
            count(*) filter (where tested_on = ${today}::date and result = 'positive') as positives_today,
            count(*) filter (where lot_status = 'blocked') as blocked_lots
          from mk_rapid_test where district_code = ${districtCode} and (tested_on = ${today}::date or lot_status = 'blocked')
          group by district_code, market_id) t on t.district_code = m.district_code and t.market_id = m.id
        left join (select district_code, market_id, count(*) as overdue_scales from mk_scale
          where district_code = ${districtCode} and valid_until < ${today}::date
          group by district_code, market_id) c on c.district_code = m.district_code and c.market_id = m.id
        left join (select distinct on (district_code, market_id) district_code, market_id, stars, valid_until from mk_star_rating
          where district_code = ${districtCode} and assessed_on <= ${today}::date and valid_until >= ${today}::date
          order by district_code, market_id, assessed_on desc, id desc) r on r.district_code = m.district_code and r.market_id = m.id
        left join ${complaintsPerMarket(districtCode, today)} cp on cp.district_code = m.district_code and cp.market_id = m.id
        left join (select distinct on (district_code, market_id) district_code, market_id, inspected_on, passed, total from mk_inspection
          where district_code = ${districtCode} and inspected_on <= ${today}::date
          order by district_code, market_id, inspected_on desc, id desc) i on i.district_code = m.district_code and i.market_id = m.id
        where m.district_code = ${districtCode} and ${where}
        order by m.id`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    address: row.address,
    streetCode: row.street_code,
    isUrban: row.is_urban,
    operatorName: row.operator_name,
    handedOverOn: row.handed_over_on,
    stalls: Number(row.stalls),
    stars: row.stars === null ? null : Number(row.stars),
    starsValidUntil: row.stars_valid_until,
    testsToday: Number(row.tests_today),
    positivesToday: Number(row.positives_today),
    blockedLots: Number(row.blocked_lots),
    overdueScales: Number(row.overdue_scales),
    complaints: Number(row.complaints),
    shortWeightComplaints: Number(row.short_weight),
    lastInspectedOn: row.last_inspected_on,
    inspectionPassPercent: row.inspection_total === null ? null : passPercent(Number(row.inspection_passed), Number(row.inspection_total)),
  }));
}

const scopeOfM = (ctx: ActorContext) =>
  marketScope(ctx, {
    district: sql.raw('m.district_code') as never,
    street: sql.raw('m.street_code') as never,
    market: sql.raw('m.id') as never,
  });

/** The markets in reach, one district at a time: the summary's per-market subqueries run on one shard only (Citus). */
export async function listMarkets(ctx: ActorContext) {
  const today = todayInChina(ctx.clock.now());
  const items: MarketSummary[] = [];
  for (const code of [...ctx.actor.districtCodes].sort()) items.push(...(await marketSummaries(ctx, code, scopeOfM(ctx), today)));
  return { items, total: items.length };
}

export async function getMarket(ctx: ActorContext, id: number): Promise<MarketDetail> {
  const market = await marketInScope(ctx, id);
  const today = todayInChina(ctx.clock.now());
  const [summary] = await marketSummaries(ctx, market.districtCode, sql`m.id = ${id}`, today);
  const cleaning = await queryRows<{ level: string; last_done_on: string | null; average: string | null }>(
    ctx.db,
    sql`select l.level, to_char(max(c.done_on), 'YYYY-MM-DD') as last_done_on,
          round(avg(c.score) filter (where c.done_on > ${today}::date - 30), 1) as average
        from (values ('daily'), ('weekly'), ('monthly')) l(level)
        left join mk_cleaning c on c.district_code = ${market.districtCode} and c.market_id = ${id} and c.level = l.level and c.done_on <= ${today}::date
        group by l.level`,
  );
  const order = ['daily', 'weekly', 'monthly'] as const;
  return {
    ...(summary as MarketSummary),
    today,
    cleaning: order.map((level) => {
      const row = cleaning.find((item) => item.level === level);
      const lastDoneOn = row?.last_done_on ?? null;
      return {
        level,
        party: cleaningPartyOf[level],
        lastDoneOn,
        overdue: cleaningOverdue(level, lastDoneOn, today),
        averageScore30Days: row?.average == null ? null : Number(row.average),
      };
    }),
  };
}

/** Registers a farmers' market of the registry (its entity must be of category farmers_market in the actor's district). */
export async function registerMarket(ctx: ActorContext, body: MarketBody): Promise<MarketDetail> {
  const [entity] = await queryRows<{ street_code: string; business_category: string }>(
    ctx.db,
    sql`select street_code, business_category from entity where district_code = ${ctx.actor.districtCode} and id = ${body.entityId}`,
  );
  if (entity?.business_category !== 'farmers_market')
    throw notAFarmersMarket({}, [{ in: 'body', field: 'entityId', code: 'not_a_farmers_market', message: notAFarmersMarket.message }]);
  const [existing] = await ctx.db
    .select({ id: mkMarket.id })
    .from(mkMarket)
    .where(and(eq(mkMarket.districtCode, ctx.actor.districtCode), eq(mkMarket.id, body.entityId)));
  if (existing) throw marketAlreadyRegistered();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(mkMarket).values({
      districtCode: ctx.actor.districtCode,
      id: body.entityId,
      streetCode: entity.street_code,
      isUrban: body.isUrban,
      operatorName: body.operatorName ?? '',
      handedOverOn: body.handedOverOn ?? null,
      listedOn: todayInChina(ctx.clock.now()),
      createdBy: ctx.actor.userId,
    });
    await writeAudit({ ...ctx, db: tx }, { action: 'markets.market_register', objectType: 'mk_market', objectId: body.entityId });
  });
  return getMarket(ctx, body.entityId);
}

/** Changes what the bureau keeps of a market: urban or not, its operator, the day it was handed over. */
export async function updateMarket(ctx: ActorContext, id: number, body: MarketUpdateBody): Promise<MarketDetail> {
  const market = await marketInScope(ctx, id);
  const today = todayInChina(ctx.clock.now());
  if (body.handedOverOn && body.handedOverOn > today)
    throw invalidMarketInput({}, [
      { in: 'body', field: 'handedOverOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } },
    ]);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(mkMarket)
      .set({ isUrban: body.isUrban, operatorName: body.operatorName ?? '', handedOverOn: body.handedOverOn ?? null })
      .where(and(eq(mkMarket.districtCode, market.districtCode), eq(mkMarket.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'markets.market_update', objectType: 'mk_market', objectId: id, districtCode: market.districtCode },
    );
  });
  return getMarket(ctx, id);
}

/** The markets of a district, for its public pages and screens (no scope: these show what is public). */
export async function marketsOfDistrict(ctx: ServiceContext, districtCode: string) {
  return ctx.db.select().from(mkMarket).where(eq(mkMarket.districtCode, districtCode)).orderBy(asc(mkMarket.id));
}
