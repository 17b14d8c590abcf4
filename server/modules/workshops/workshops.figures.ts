import { type AnyColumn, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';
import { wsEvaluation } from './workshops.tables.ts';

const module = 'workshops';
/** A column of the joined register row: a snapshot keeps its workshops in JSON, their streets are on the entity. */
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;

/** The entries of the last list published in the period, one row per workshop on the wanted list. */
function listed(list: 'red' | 'black') {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select e.district_code, e.id, entry->>'name' as title, last.published_on as on_date, e.street_code, null::bigint as station_id,
          ${list}::text as category, ${labelOf(sql`${list}::text`, { red: '红榜', black: '黑榜' })} as category_label,
          null::numeric as amount, null::boolean as counted, '/workshops' as link
        from (select s.district_code, s.published_on, s.entries from ws_snapshot s
              where s.district_code in (${sql.join(
                ctx.actor.districtCodes.map((code) => sql`${code}`),
                sql`, `,
              )}) and s.published_on between ${period.from}::date and ${period.to}::date
              order by s.published_on desc, s.id desc limit 1) last
        cross join lateral jsonb_array_elements(last.entries) entry
        join entity e on e.district_code = last.district_code and e.id = (entry->>'entityId')::bigint
        where entry->>'list' = ${list} and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })}`;
}

/** The red and black lists' figures (capability 5): evaluations, and who is on each list last published in the period. */
export const workshopFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'workshops.evaluations',
    module,
    name: { 'zh-CN': '小作坊评价', en: 'Workshop evaluations' },
    unit: { 'zh-CN': '次', en: 'evaluations' },
    definition: { 'zh-CN': '期间内对食品小作坊的评价', en: 'Evaluations of small food workshops in the period' },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) =>
      sql`select ws_evaluation.district_code, ws_evaluation.id, coalesce(e.name, '') as title, ws_evaluation.evaluated_on as on_date,
            ws_evaluation.street_code, null::bigint as station_id, null::text as category, null::text as category_label,
            null::numeric as amount, null::boolean as counted, '/workshops' as link
          from ws_evaluation
          left join entity e on e.district_code = ws_evaluation.district_code and e.id = ws_evaluation.entity_id
          where ${scopeWhere(ctx.actor, { district: wsEvaluation.districtCode, street: wsEvaluation.streetCode, entity: wsEvaluation.entityId })}
            and ws_evaluation.evaluated_on between ${period.from}::date and ${period.to}::date`,
  }),
  sqlFigure({
    key: 'workshops.red-list',
    module,
    name: { 'zh-CN': '红榜小作坊', en: 'Workshops on the red list' },
    unit: { 'zh-CN': '家', en: 'workshops' },
    definition: { 'zh-CN': '期间内最后一次公布的红榜上的小作坊', en: 'Workshops on the red list last published in the period' },
    kind: 'count',
    timing: 'stock',
    rows: listed('red'),
  }),
  sqlFigure({
    key: 'workshops.black-list',
    module,
    name: { 'zh-CN': '黑榜小作坊', en: 'Workshops on the black list' },
    unit: { 'zh-CN': '家', en: 'workshops' },
    definition: { 'zh-CN': '期间内最后一次公布的黑榜上的小作坊', en: 'Workshops on the black list last published in the period' },
    kind: 'count',
    timing: 'stock',
    rows: listed('black'),
  }),
];
