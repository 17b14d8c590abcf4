import { sql } from 'drizzle-orm';
import { addDays, addMonths, chinaInstant } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { insertRows } from '../../../db/rows-insert.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { mkInspection, mkRapidTest, mkSetting } from '../markets.tables.ts';
import { defaultMarketSettings } from '../rules/market-settings.ts';
import { assessStars, starsValidUntil } from '../rules/star-rating.ts';

/**
 * The 2020 seed of 智慧农贸市场, exact: 18 farmers' markets, 13 of them handed to the district's state-owned operator
 * in 2020; stars as of 2020 (assessed in November): 7 of 18 at 3 stars or more (38.9%), two urban markets still at
 * 1 star — the gap the 2021 targets close (every urban market ≥ 2 stars, ≥ 50% at 3 or more), which the November 2021
 * assessment meets (10 of 18 at 3 or more, every urban market at 2 or more). Rapid tests: six a day per market through
 * 2020 and over the last 90 days (the years between are left empty to keep the demo fast: decision 0033).
 */
export const marketsSeed2020 = {
  markets: 18,
  handedOver: 13,
  stars2020: [5, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1] as const,
  /** The first 16 markets are urban; two of the four 1-star markets of 2020 (index 14, 15) are urban. */
  urbanMarkets: 16,
  stars2021: [5, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1] as const,
  testsPerMarketDay: 6,
} as const;
export const stateOperatorName = '区农贸市场运营管理有限公司';

const scoreFor: Record<number, number> = { 1: 52, 2: 65, 3: 74, 4: 84, 5: 93 };

/** Points per indicator giving about `score` percent (each indicator the same share of its points). */
function pointsFor(score: number): Record<string, number> {
  return Object.fromEntries(
    defaultMarketSettings.starIndicators.map((indicator) => [indicator.code, Math.round((indicator.maxPoints * score) / 100)]),
  );
}

export async function seedMarketsDemo(
  ctx: ServiceContext,
  input: { districtCode: string; random: () => number; today: string },
): Promise<void> {
  const { districtCode, today, random } = input;
  const markets = await queryRows<{ id: string | number; street_code: string }>(
    ctx.db,
    sql`select id, street_code from entity where district_code = ${districtCode} and business_category = 'farmers_market' order by id limit ${marketsSeed2020.markets}`,
  );
  if (markets.length === 0) return;
  await ctx.db.insert(mkSetting).values({ districtCode, effectiveFrom: '2019-01-01', value: defaultMarketSettings });
  const marketRows = markets.map((market, index) => ({
    district_code: districtCode,
    id: Number(market.id),
    street_code: market.street_code,
    is_urban: index < marketsSeed2020.urbanMarkets,
    operator_name: index < marketsSeed2020.handedOver ? stateOperatorName : '',
    handed_over_on: index < marketsSeed2020.handedOver ? addDays('2020-03-01', index * 14) : null,
    listed_on: '2019-06-01',
  }));
  await ctx.db.execute(
    sql`insert into mk_market (district_code, id, street_code, is_urban, operator_name, handed_over_on, listed_on)
        select district_code, id, street_code, is_urban, operator_name, handed_over_on, listed_on
        from jsonb_to_recordset(${JSON.stringify(marketRows)}::jsonb) as r(district_code char(6), id bigint, street_code char(9), is_urban boolean, operator_name text, handed_over_on date, listed_on date)`,
  );
  // Stalls: 40 to 79 per market; holders are the district's individual food retailers, in order, while they last.
  const holders = await queryRows<{ id: string | number }>(
    ctx.db,
    sql`select id from entity where district_code = ${districtCode} and business_category = 'food_retail' and kind = 'individual' order by id`,
  );
  const categories = ['vegetables', 'vegetables', 'meat', 'aquatic', 'poultry', 'fruit', 'grain_oil', 'cooked_food'];
  const stallRows: Record<string, unknown>[] = [];
  let holderIndex = 0;
  for (const market of marketRows) {
    const count = 40 + Math.floor(random() * 40);
    for (let n = 1; n <= count; n++) {
      const holder = holders[holderIndex++];
      stallRows.push({
        district_code: districtCode,
        market_id: market.id,
        street_code: market.street_code,
        number: `${String.fromCharCode(65 + Math.floor((n - 1) / 20))}${String(((n - 1) % 20) + 1).padStart(2, '0')}`,
        category: categories[n % categories.length],
        holder_entity_id: holder ? Number(holder.id) : null,
      });
    }
  }
  await ctx.db.execute(
    sql`insert into mk_stall (district_code, market_id, street_code, number, category, holder_entity_id)
        select district_code, market_id, street_code, number, category, holder_entity_id
        from jsonb_to_recordset(${JSON.stringify(stallRows)}::jsonb) as r(district_code char(6), market_id bigint, street_code char(9), number text, category text, holder_entity_id bigint)`,
  );
  // Rapid tests: six a day per market on 2020's days and the last 90 days, the stall and product by a hash of
  // (market, day, n); one in 400 positive, its lot destroyed and reported the same day. Today's first positive at the
  // first market stays blocked, for the market manager's page and the screen.
  const products = ['青菜', '芹菜', '豇豆', '韭菜', '猪肉', '鸡肉', '草鱼', '虾', '鸡蛋', '豆芽'];
  const items = [
    'pesticide_residue',
    'pesticide_residue',
    'pesticide_residue',
    'pesticide_residue',
    'veterinary_drug',
    'veterinary_drug',
    'malachite_green',
    'malachite_green',
    'clenbuterol',
    'sulfur_dioxide',
  ];
  const recentFrom = addDays(today, -89);
  const spans = [
    ['2020-01-01', recentFrom < '2021-01-01' ? addDays(recentFrom, -1) : '2020-12-31'],
    [recentFrom, today],
  ].filter(([from, to]) => (from as string) <= (to as string)) as [string, string][];
  const stallsOf = new Map<number, number[]>();
  for (const stall of await queryRows<{ market_id: string | number; id: string | number }>(
    ctx.db,
    sql`select market_id, id from mk_stall where district_code = ${districtCode} order by market_id, id`,
  )) {
    const list = stallsOf.get(Number(stall.market_id)) ?? [];
    list.push(Number(stall.id));
    stallsOf.set(Number(stall.market_id), list);
  }
  // Built here rather than in one INSERT … SELECT: picking a stall by offset is a subquery Citus cannot push down.
  const tests: (typeof mkRapidTest.$inferInsert)[] = [];
  for (const [from, to] of spans) {
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const market of marketRows) {
        const stalls = stallsOf.get(Number(market.id)) ?? [];
        for (let n = 1; n <= marketsSeed2020.testsPerMarketDay && stalls.length; n++) {
          const h = fnv1a(`${market.id}:${day}:${n}`);
          const h2 = fnv1a(`${n}:${day}:${market.id}`);
          const positive = h2 % 400 === 0;
          tests.push({
            districtCode,
            marketId: Number(market.id),
            streetCode: market.street_code,
            stallId: stalls[h % stalls.length] as number,
            testedOn: day,
            product: products[h % 10] as string,
            item: items[h % 10] as string,
            result: positive ? 'positive' : 'negative',
            source: h2 % 3 === 0 ? 'manual' : 'device_csv',
            lotStatus: positive ? 'destroyed' : 'released',
            reportedAt: positive ? chinaInstant(day, '10:00:00') : null,
            handlingNote: positive ? `${day} destroy; report` : '',
            handledAt: positive ? chinaInstant(day, '10:00:00') : null,
            recordedAt: new Date(chinaInstant(day, '07:30:00').getTime() + n * 5 * 60_000),
          });
        }
      }
    }
  }
  for (let start = 0; start < tests.length; start += 10_000) await insertRows(ctx.db, mkRapidTest, tests.slice(start, start + 10_000));
  const first = marketRows[0] as (typeof marketRows)[number];
  await ctx.db.execute(
    sql`insert into mk_rapid_test (district_code, market_id, street_code, stall_id, tested_on, product, item, result, source, lot_status, recorded_at)
        select ${districtCode}, ${first.id}, ${first.street_code}, s.id, ${today}::date, '豇豆', 'pesticide_residue', 'positive', 'device_csv', 'blocked', ${ctx.clock.now()}
        from mk_stall s where s.district_code = ${districtCode} and s.market_id = ${first.id} and s.category = 'vegetables' order by s.id limit 1`,
  );
  // Stars: November 2020 for all, November 2021 for all (the targets met), and a re-assessment every three years after.
  const ratings: Record<string, unknown>[] = [];
  const rate = (market: (typeof marketRows)[number], assessedOn: string, stars: number) => {
    if (assessedOn > today) return;
    const points = pointsFor(scoreFor[stars] as number);
    const assessed = assessStars(defaultMarketSettings.starIndicators, points, defaultMarketSettings.starThresholds);
    if (!assessed.ok || assessed.stars !== stars) throw new Error(`demo stars ${stars} not reproduced`);
    ratings.push({
      district_code: districtCode,
      market_id: market.id,
      street_code: market.street_code,
      assessed_on: assessedOn,
      points,
      score: assessed.score,
      stars,
      valid_until: starsValidUntil(assessedOn, defaultMarketSettings.starValidityYears),
    });
  };
  marketRows.forEach((market, index) => {
    rate(market, addDays('2020-11-02', index), marketsSeed2020.stars2020[index] as number);
    const stars2021 = marketsSeed2020.stars2021[index] as number;
    for (let year = 2021; year <= Number(today.slice(0, 4)); year += 3) rate(market, addDays(`${year}-11-02`, index), stars2021);
  });
  await ctx.db.execute(
    sql`insert into mk_star_rating (district_code, market_id, street_code, assessed_on, points, score, stars, valid_until)
        select district_code, market_id, street_code, assessed_on, points, score, stars, valid_until
        from jsonb_to_recordset(${JSON.stringify(ratings)}::jsonb) as r(district_code char(6), market_id bigint, street_code char(9), assessed_on date, points jsonb, score numeric, stars integer, valid_until date)`,
  );
  // Prices of the key products over the last 14 days; the fifth market's pork runs 30% above the others today.
  const base: Record<string, number> = { 猪肉: 2600, 牛肉: 7800, 鸡蛋: 1100, 大白菜: 260, 西红柿: 560, 带鱼: 4200, 大米: 520 };
  const prices: Record<string, unknown>[] = [];
  for (let day = addDays(today, -13); day <= today; day = addDays(day, 1)) {
    marketRows.forEach((market, index) => {
      for (const product of defaultMarketSettings.keyProducts) {
        const wobble = 0.94 + random() * 0.12;
        const spike = index === 4 && product === '猪肉' && day === today ? 1.3 : 1;
        prices.push({
          district_code: districtCode,
          market_id: market.id,
          product,
          price_on: day,
          street_code: market.street_code,
          price_fen: Math.round((base[product] as number) * wobble * spike),
        });
      }
    });
  }
  await ctx.db.execute(
    sql`insert into mk_price (district_code, market_id, product, price_on, street_code, price_fen)
        select district_code, market_id, product, price_on, street_code, price_fen
        from jsonb_to_recordset(${JSON.stringify(prices)}::jsonb) as r(district_code char(6), market_id bigint, product text, price_on date, street_code char(9), price_fen integer)`,
  );
  // Scales: 12 per market verified in the year before today; every third market has one past its date.
  const scales: Record<string, unknown>[] = [];
  marketRows.forEach((market, index) => {
    for (let n = 1; n <= 12; n++) {
      const overdue = index % 3 === 0 && n === 12;
      const verifiedOn = overdue ? addMonths(today, -13) : addDays(today, -Math.floor(random() * 330) - 1);
      scales.push({
        district_code: districtCode,
        market_id: market.id,
        street_code: market.street_code,
        serial: `JL-${market.id}-${String(n).padStart(3, '0')}`,
        verified_on: verifiedOn,
        valid_until: addDays(addMonths(verifiedOn, defaultMarketSettings.scaleVerificationMonths), -1),
      });
    }
  });
  await ctx.db.execute(
    sql`insert into mk_scale (district_code, market_id, street_code, serial, verified_on, valid_until)
        select district_code, market_id, street_code, serial, verified_on, valid_until
        from jsonb_to_recordset(${JSON.stringify(scales)}::jsonb) as r(district_code char(6), market_id bigint, street_code char(9), serial text, verified_on date, valid_until date)`,
  );
  // Cleaning over the last 60 days: daily by stall holders, weekly (Mondays' distance) by the manager, monthly by the organiser.
  const cleaning: Record<string, unknown>[] = [];
  for (let offset = 59; offset >= 0; offset--) {
    const day = addDays(today, -offset);
    for (const market of marketRows) {
      const row = (level: string, party: string) =>
        cleaning.push({
          district_code: districtCode,
          market_id: market.id,
          street_code: market.street_code,
          level,
          party,
          done_on: day,
          score: 80 + Math.floor(random() * 21),
        });
      row('daily', 'stall_holder');
      if (offset % 7 === 0) row('weekly', 'manager');
      if (offset % 30 === 0) row('monthly', 'organiser');
    }
  }
  await ctx.db.execute(
    sql`insert into mk_cleaning (district_code, market_id, street_code, level, party, done_on, score)
        select district_code, market_id, street_code, level, party, done_on, score
        from jsonb_to_recordset(${JSON.stringify(cleaning)}::jsonb) as r(district_code char(6), market_id bigint, street_code char(9), level text, party text, done_on date, score integer)`,
  );
  // The station's check-list visits (decision 0039): one a quarter over the last year, the last 10 days ago; about one
  // item in ten failed (the first market's latest visit finds the waste not sorted, so its page has a failure to show).
  const inspections: (typeof mkInspection.$inferInsert)[] = [];
  marketRows.forEach((market, index) => {
    for (let quarter = 3; quarter >= 0; quarter--) {
      const results = defaultMarketSettings.checklistItems.map((item) => ({
        code: item.code,
        name: item.name,
        passed: index === 0 && quarter === 0 ? item.code !== 'waste' : random() >= 0.1,
      }));
      const passed = results.filter((result) => result.passed).length;
      inspections.push({
        districtCode,
        marketId: market.id,
        streetCode: market.street_code,
        inspectedOn: addDays(today, -10 - quarter * 91),
        results,
        passed,
        total: results.length,
        note: passed === results.length ? '' : '责令限期整改不合格项',
      });
    }
  });
  await insertRows(ctx.db, mkInspection, inspections);
}

/** FNV-1a of a string: a stable pick of a stall and a product, the same on every engine. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
