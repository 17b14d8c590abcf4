import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import type { InspectorConsistencyView } from '../food-safety.schemas.ts';
import { foodInspection } from '../food-safety.tables.ts';
import { gradingRulesFor } from '../rules/grading-rule-sets.ts';
import { scoreClustering } from '../rules/score-clustering.ts';

interface InspectorRow {
  user_id: number;
  name: string;
  station: string | null;
  inspections: number;
  scores: number[] | null;
  rectifications_due: number;
  rectifications_in_time: number;
  appeals_decided: number;
  appeals_upheld: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 100);

/**
 * 干好干坏不一样: for each inspector (and their station) the year's food-safety inspections; timeliness of the
 * re-checks their rectification orders called for (closed by the deadline the order set, Order 49); the scores near
 * each grade cut-off (rules/score-clustering); and how often an operator's appeal against their grade was upheld.
 */
export async function inspectorConsistency(ctx: ActorContext, year: number): Promise<InspectorConsistencyView> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await queryRows<InspectorRow>(
    ctx.db,
    sql`with done as (
          select food_inspection.district_code, food_inspection.id, food_inspection.score_tenths, unnest(food_inspection.inspector_ids) as inspector_id
          from food_inspection
          where ${scopeWhere(ctx.actor, { district: foodInspection.districtCode, street: foodInspection.streetCode })}
            and food_inspection.inspected_on between ${from}::date and ${to}::date
        )
        select u.id::int as user_id, u.display_name as name, o.name as station, count(*)::int as inspections,
          array_agg(done.score_tenths) filter (where done.score_tenths is not null) as scores,
          coalesce(sum((select count(*) from rectification_order r where r.district_code = done.district_code and r.inspection_id = done.id
                          and r.deadline between ${from}::date and ${to}::date)), 0)::int as rectifications_due,
          coalesce(sum((select count(*) from rectification_order r where r.district_code = done.district_code and r.inspection_id = done.id
                          and r.deadline between ${from}::date and ${to}::date and r.closed_on <= r.deadline)), 0)::int as rectifications_in_time,
          coalesce(sum((select count(*) from grade_appeal a where a.district_code = done.district_code and a.inspection_id = done.id
                          and a.status in ('upheld', 'rejected'))), 0)::int as appeals_decided,
          coalesce(sum((select count(*) from grade_appeal a where a.district_code = done.district_code and a.inspection_id = done.id
                          and a.status = 'upheld')), 0)::int as appeals_upheld
        from done
        join app_user u on u.district_code = done.district_code and u.id = done.inspector_id
        left join org_unit o on o.district_code = u.district_code and o.id = u.org_unit_id
        group by u.id, u.display_name, o.name
        order by o.name, u.display_name`,
  );
  const rules = gradingRulesFor(ctx.actor.districtCode, to);
  const cutOffs = [rules.fairFromTenths, rules.goodFromTenths, rules.excellentFromTenths];
  const figuresOf = (group: Omit<InspectorRow, 'user_id' | 'name' | 'station'>) => {
    const scores = group.scores ?? [];
    const clustering = scoreClustering(scores, cutOffs);
    return {
      inspections: group.inspections,
      meanScoreTenths: scores.length ? Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10) / 10 : null,
      rectificationsDue: group.rectifications_due,
      rectificationsInTime: group.rectifications_in_time,
      timelinessPercent: percent(group.rectifications_in_time, group.rectifications_due),
      appealsDecided: group.appeals_decided,
      appealsUpheld: group.appeals_upheld,
      overturnPercent: percent(group.appeals_upheld, group.appeals_decided),
      clustering,
      isFlagged: clustering.some((cutOff) => cutOff.isClustered),
    };
  };
  const stations = new Map<string, Omit<InspectorRow, 'user_id' | 'name' | 'station'>>();
  for (const row of rows) {
    const key = row.station ?? '—';
    const sum = stations.get(key) ?? {
      inspections: 0,
      scores: [],
      rectifications_due: 0,
      rectifications_in_time: 0,
      appeals_decided: 0,
      appeals_upheld: 0,
    };
    sum.inspections += row.inspections;
    sum.scores = [...(sum.scores ?? []), ...(row.scores ?? [])];
    sum.rectifications_due += row.rectifications_due;
    sum.rectifications_in_time += row.rectifications_in_time;
    sum.appeals_decided += row.appeals_decided;
    sum.appeals_upheld += row.appeals_upheld;
    stations.set(key, sum);
  }
  return {
    year,
    cutOffsTenths: cutOffs,
    inspectors: rows.map((row) => ({ userId: row.user_id, name: row.name, station: row.station ?? '—', ...figuresOf(row) })),
    stations: [...stations.entries()].map(([station, group]) => ({ station, ...figuresOf(group) })),
  };
}
