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

/** The units removed in the period (at a yearly review, past the thresholds). */
function removedIn(ctx: ActorContext, period: DateRange) {
  return sql`select u.district_code, u.id::text as id, u.name as title, u.removed_on as on_date, u.street_code,
      null::bigint as station_id, u.kind as category, ${kindLabel} as category_label, null::numeric as amount, null::boolean as counted,
      '/consumer-confidence' as link
    from cc_unit u
    where ${scopeWhere(ctx.actor, { district: column('u.district_code'), street: column('u.street_code'), entity: column('u.entity_id') })}
      and u.removed_on between ${period.from}::date and ${period.to}::date`;
}

/**
 * The holiday warnings published in the period. Warnings are the district's public notices: every member of the district's staff counts them.
 */
function warningsIn(ctx: ActorContext, period: DateRange) {
  return sql`select w.district_code, w.id::text as id, w.title, w.published_on as on_date, null::char(9) as street_code,
      null::bigint as station_id, w.holiday_name as category, w.holiday_name as category_label, null::numeric as amount,
      null::boolean as counted, '/consumer-confidence' as link
    from cc_warning w
    where w.district_code in (${sql.join(
      ctx.actor.districtCodes.map((code) => sql`${code}`),
      sql`, `,
    )})
      and w.status = 'published' and w.published_on between ${period.from}::date and ${period.to}::date`;
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
  sqlFigure({
    key: 'consumer-confidence.removed',
    module,
    name: { 'zh-CN': '移出名单的放心消费单位', en: 'Consumer-confidence units removed' },
    unit: { 'zh-CN': '家', en: 'units' },
    definition: {
      'zh-CN': '期间内年度复核时近12个月投诉举报或处罚案件超过阈值、移出名单的单位',
      en: 'Units removed in the period at their yearly review: complaints or penalised cases of 12 months past the thresholds',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) => removedIn(ctx, period),
  }),
  sqlFigure({
    key: 'consumer-confidence.holiday-warnings',
    module,
    name: { 'zh-CN': '节日消费提示', en: 'Holiday consumption warnings' },
    unit: { 'zh-CN': '期', en: 'warnings' },
    definition: {
      'zh-CN': '期间内发布的节日消费提示',
      en: 'Holiday consumption warnings published in the period',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) => warningsIn(ctx, period),
  }),
];
