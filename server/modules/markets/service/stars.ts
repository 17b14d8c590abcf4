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

/** Every market of the district with the stars in force on `day` (for the targets and the overview screen). */
export async function starsOn(ctx: ServiceContext, districtCodes: readonly string[], day: string) {
  const rows = await queryRows<{ id: string | number; is_urban: boolean; stars: number | null }>(
    ctx.db,
    sql`select m.id, m.is_urban, r.stars from mk_market m
        left join lateral (select r.stars from mk_star_rating r
          where r.district_code = m.district_code and r.market_id = m.id and r.assessed_on <= ${day}::date and r.valid_until >= ${day}::date
          order by r.assessed_on desc, r.id desc limit 1) r on true
        where m.district_code in (${sql.join(
          districtCodes.map((code) => sql`${code}`),
          sql`, `,
        )})`,
  );
  return rows.map((row) => ({ id: Number(row.id), isUrban: row.is_urban, stars: row.stars === null ? null : Number(row.stars) }));
}

/** Progress of the district's markets against the 2021 targets on a day (district-wide: the targets are the district's). */
export async function starTargetProgress(ctx: ActorContext, on: string | undefined) {
  const day = on ?? todayInChina(ctx.clock.now());
  return { on: day, ...starProgress(await starsOn(ctx, ctx.actor.districtCodes, day)) };
}
