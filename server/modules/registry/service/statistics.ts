import { sql } from 'drizzle-orm';
import { yearBefore } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { CountWithGrowth, EntityStatus, StatisticsView } from '../registry.schemas.ts';
import { entity } from '../registry.tables.ts';
import { growthPercentage } from '../rules/growth-percentage.ts';
import { entityScope } from './entity-scope.ts';

interface GroupRow {
  kind: string;
  section: string;
  street: string;
  current: number;
  previous: number;
}

function withGrowth(key: string, current: number, previous: number): CountWithGrowth {
  return { key, count: current, countYearEarlier: previous, growthPercent: growthPercentage(current, previous) };
}

function sumBy(rows: GroupRow[], keyOf: (row: GroupRow) => string): CountWithGrowth[] {
  const sums = new Map<string, { current: number; previous: number }>();
  for (const row of rows) {
    const sum = sums.get(keyOf(row)) ?? { current: 0, previous: 0 };
    sum.current += row.current;
    sum.previous += row.previous;
    sums.set(keyOf(row), sum);
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, sum]) => withGrowth(key, sum.current, sum.previous));
}

/**
 * The registry figures of the annual report: entities on the register on `asOf` (founded on or before it
 * and not cancelled 注销, revoked 吊销 or moved out 迁出 on or before it) by kind, industry section, street and status, each with its count on the same day a year earlier and the
 * year-on-year growth. One pass over the actor's entities; the SQL is in statistics.sql beside this file.
 */
export async function registryStatistics(ctx: ActorContext, input: { asOf: string }): Promise<StatisticsView> {
  const asOf = input.asOf;
  const yearEarlier = yearBefore(asOf);
  const scope = entityScope(ctx.actor);
  const activeOn = (day: string) =>
    sql`${entity.foundedOn} <= ${day}::date and (${entity.endedOn} is null or ${entity.endedOn} > ${day}::date)`;
  const [groups, statuses] = await inTurn(
    () =>
      queryRows<GroupRow>(
        ctx.db,
        sql`select ${entity.kind} as kind, substr(${entity.industryCode}, 1, 1) as section, ${entity.streetCode} as street,
            (count(*) filter (where ${activeOn(asOf)}))::int as current,
            (count(*) filter (where ${activeOn(yearEarlier)}))::int as previous
          from ${entity}
          where ${scope} and ${entity.foundedOn} <= ${asOf}::date
          group by 1, 2, 3`,
      ),
    () =>
      queryRows<{ status: EntityStatus; count: number }>(
        ctx.db,
        sql`select case when ${entity.endedOn} is not null and ${entity.endedOn} <= ${asOf}::date then ${entity.status} else 'active' end as status,
            count(*)::int as count
          from ${entity}
          where ${scope} and ${entity.foundedOn} <= ${asOf}::date
          group by 1 order by 1`,
      ),
  );
  const total = groups.reduce((sum, row) => ({ current: sum.current + row.current, previous: sum.previous + row.previous }), {
    current: 0,
    previous: 0,
  });
  return {
    asOf,
    yearEarlier,
    total: withGrowth('total', total.current, total.previous),
    byKind: sumBy(groups, (row) => row.kind),
    byIndustrySection: sumBy(groups, (row) => row.section),
    byStreet: sumBy(groups, (row) => row.street),
    byStatus: statuses.map((row) => ({ key: row.status, count: row.count })),
  };
}
