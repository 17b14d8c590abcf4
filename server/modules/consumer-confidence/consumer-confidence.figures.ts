import { type AnyColumn, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { scopeWhere } from '../../platform/scope/scope-where.ts';

const module = 'consumer-confidence';
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const kindLabel = labelOf(sql`u.kind`, { model_shop: '示范店', online_shop: '网店', factory: '放心工厂' });

/** The units listed on the period's last day (listed on or before it, not removed by then). */
function listedAtEnd(ctx: ActorContext, period: DateRange, kinds: string[]) {
  return sql`select u.district_code, u.id::text as id, u.name as title, u.listed_on as on_date, u.street_code,
      null::bigint as station_id, u.kind as category, ${kindLabel} as category_label, null::numeric as amount, null::boolean as counted,
      '/consumer-confidence' as link
    from cc_unit u
    where ${scopeWhere(ctx.actor, { district: column('u.district_code'), street: column('u.street_code'), entity: column('u.entity_id') })}
      and u.listed_on <= ${period.to}::date and (u.removed_on is null or u.removed_on > ${period.to}::date)
      and u.kind in (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )})`;
}

/** 放心消费's figures (capability 14): model shops and online shops, model factories, as listed at the period's end. */
export const consumerConfidenceFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'consumer-confidence.shops',
    module,
    name: { 'zh-CN': '放心消费示范店和网店', en: 'Consumer-confidence model shops and online shops' },
    unit: { 'zh-CN': '家', en: 'units' },
    definition: { 'zh-CN': '期末在册的放心消费示范店与网店', en: 'Model shops and online shops listed at the period end' },
    kind: 'count',
    timing: 'stock',
    rows: (ctx, period) => listedAtEnd(ctx, period, ['model_shop', 'online_shop']),
  }),
  sqlFigure({
    key: 'consumer-confidence.factories',
    module,
    name: { 'zh-CN': '放心工厂', en: 'Model factories' },
    unit: { 'zh-CN': '家', en: 'factories' },
    definition: { 'zh-CN': '期末在册的放心消费工厂', en: 'Consumer-confidence factories listed at the period end' },
    kind: 'count',
    timing: 'stock',
    rows: (ctx, period) => listedAtEnd(ctx, period, ['factory']),
  }),
];
