import { and, desc, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { invalidMarketInput } from '../markets.errors.ts';
import type { StarRatingBody, StarRatingView } from '../markets.schemas.ts';
import { mkStarRating } from '../markets.tables.ts';
import { assessStars, starProgress, starsValidUntil } from '../rules/star-rating.ts';
import { marketInScope } from './market-scope.ts';
import { marketSettingsOn } from './settings.ts';

type Row = typeof mkStarRating.$inferSelect;
const view = (row: Row): StarRatingView => ({
  id: row.id,
  marketId: row.marketId,
  assessedOn: row.assessedOn,
  points: row.points,
  score: Number(row.score),
  stars: row.stars,
  validUntil: row.validUntil,
});

export async function listStarRatings(ctx: ActorContext, marketId: number) {
  const market = await marketInScope(ctx, marketId);
  const rows = await ctx.db
    .select()
    .from(mkStarRating)
    .where(and(eq(mkStarRating.districtCode, market.districtCode), eq(mkStarRating.marketId, marketId)))
    .orderBy(desc(mkStarRating.assessedOn), desc(mkStarRating.id));
  return { items: rows.map(view), total: rows.length };
}

const problemMessages = {
  unknown: { 'zh-CN': '不是现行评定指标', en: 'not an indicator in force' },
  missing: { 'zh-CN': '缺少该指标得分', en: 'missing' },
  out_of_range: { 'zh-CN': '超出该指标分值', en: 'beyond the indicator’s points' },
} as const;

/** The yearly assessment: points per indicator of the setting in force on the day → score, stars, valid for the setting's years. */
export async function assessMarket(ctx: ActorContext, marketId: number, body: StarRatingBody): Promise<StarRatingView> {
  const market = await marketInScope(ctx, marketId);
  const today = todayInChina(ctx.clock.now());
  if (body.assessedOn > today)
    throw invalidMarketInput({}, [
      { in: 'body', field: 'assessedOn', code: 'future', message: { 'zh-CN': '不能晚于今天', en: 'must not be after today' } },
    ]);
  const settings = await marketSettingsOn(ctx, market.districtCode, body.assessedOn);
  const assessed = assessStars(settings.starIndicators, body.points, settings.starThresholds);
  if (!assessed.ok)
    throw invalidMarketInput(
      {},
      assessed.problems.map((problem) => ({
        in: 'body',
        field: `points.${problem.indicator}`,
        code: problem.problem,
        message: problemMessages[problem.problem],
      })),
    );
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mkStarRating)
      .values({
        districtCode: market.districtCode,
        marketId,
        streetCode: market.streetCode,
        assessedOn: body.assessedOn,
        points: body.points,
        score: assessed.score.toFixed(1),
        stars: assessed.stars,
        validUntil: starsValidUntil(body.assessedOn, settings.starValidityYears),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('rating not stored');
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'markets.star_assess',
        objectType: 'mk_star_rating',
        objectId: row.id,
        districtCode: market.districtCode,
        detail: { stars: row.stars },
      },
    );
    return view(row);
  });
}

/**
 * Every market of the districts with the stars in force on `day` (for the targets and the overview screen), one
 * district at a time: the latest rating per market is a DISTINCT ON within the district, which Citus runs on its shard.
 */
export async function starsOn(ctx: ServiceContext, districtCodes: readonly string[], day: string) {
  const markets: { id: number; isUrban: boolean; stars: number | null }[] = [];
  for (const code of [...districtCodes].sort()) {
    const rows = await queryRows<{ id: string | number; is_urban: boolean; stars: number | null }>(
      ctx.db,
      sql`select m.id, m.is_urban, r.stars from mk_market m
          left join (select distinct on (district_code, market_id) district_code, market_id, stars from mk_star_rating
            where district_code = ${code} and assessed_on <= ${day}::date and valid_until >= ${day}::date
            order by district_code, market_id, assessed_on desc, id desc) r on r.district_code = m.district_code and r.market_id = m.id
          where m.district_code = ${code}
          order by m.id`,
    );
    markets.push(
      ...rows.map((row) => ({ id: Number(row.id), isUrban: row.is_urban, stars: row.stars === null ? null : Number(row.stars) })),
    );
  }
  return markets;
}

/** Progress of the district's markets against the 2021 targets on a day (district-wide: the targets are the district's). */
export async function starTargetProgress(ctx: ActorContext, on: string | undefined) {
  const day = on ?? todayInChina(ctx.clock.now());
  return { on: day, ...starProgress(await starsOn(ctx, ctx.actor.districtCodes, day)) };
}
