import { type AnyColumn, sql } from 'drizzle-orm';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { marketScope } from './service/market-scope.ts';

const module = 'markets';
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const scopeOf = (ctx: ActorContext, alias: string, market: string) =>
  marketScope(ctx, {
    district: column(`${alias}.district_code`),
    street: column(`${alias}.street_code`),
    market: column(`${alias}.${market}`),
  });
const starsLabel = labelOf(sql`coalesce(r.stars::text, 'none')`, {
  none: '未评定',
  '1': '一星',
  '2': '二星',
  '3': '三星',
  '4': '四星',
  '5': '五星',
});

/** The markets listed by the period's last day, with the stars in force then (a rating holds to its valid_until). */
function marketsAtEnd(ctx: ActorContext, period: DateRange, counted: ReturnType<typeof sql>, where = sql`true`) {
  return sql`select m.district_code, m.id::text as id, e.name as title, ${period.to}::date as on_date, m.street_code,
      null::bigint as station_id, coalesce(r.stars::text, 'none') as category, ${starsLabel} as category_label,
      null::numeric as amount, ${counted} as counted, '/markets/' || m.id as link
    from mk_market m join entity e on e.district_code = m.district_code and e.id = m.id
    left join lateral (select r.stars from mk_star_rating r where r.district_code = m.district_code and r.market_id = m.id
      and r.assessed_on <= ${period.to}::date and r.valid_until >= ${period.to}::date order by r.assessed_on desc, r.id desc limit 1) r on true
    where ${scopeOf(ctx, 'm', 'id')} and m.listed_on <= ${period.to}::date and ${where}`;
}

function tests(ctx: ActorContext, period: DateRange, where = sql`true`) {
  return sql`select t.district_code, t.id::text as id, e.name || ' · ' || t.product as title, t.tested_on as on_date, t.street_code,
      null::bigint as station_id, t.result as category, ${labelOf(sql`t.result`, { negative: '阴性', positive: '阳性' })} as category_label,
      null::numeric as amount, null::boolean as counted, '/markets/' || t.market_id as link
    from mk_rapid_test t join entity e on e.district_code = t.district_code and e.id = t.market_id
    where ${scopeOf(ctx, 't', 'market_id')} and t.tested_on between ${period.from}::date and ${period.to}::date and ${where}`;
}

/** 智慧农贸市场's figures (capability 13): markets, hand-over to the state operator, stars and the 2021 targets, rapid tests. */
export const marketFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'markets.markets',
    module,
    name: { 'zh-CN': '农贸市场', en: 'Farmers’ markets' },
    unit: { 'zh-CN': '家', en: 'markets' },
    definition: { 'zh-CN': '期末纳入智慧农贸市场管理的农贸市场', en: 'Farmers’ markets in the smart-market programme at the period end' },
    kind: 'count',
    timing: 'stock',
    rows: (ctx, period) => marketsAtEnd(ctx, period, sql`null::boolean`),
  }),
  sqlFigure({
    key: 'markets.handed-over',
    module,
    name: { 'zh-CN': '移交国有运营公司的农贸市场', en: 'Markets handed to the state-owned operator' },
    unit: { 'zh-CN': '家', en: 'markets' },
    definition: {
      'zh-CN': '期末已移交国有运营公司统一运营的农贸市场',
      en: 'Markets handed over to the state-owned operator by the period end',
    },
    kind: 'count',
    timing: 'stock',
    rows: (ctx, period) => marketsAtEnd(ctx, period, sql`null::boolean`, sql`m.handed_over_on <= ${period.to}::date`),
  }),
  sqlFigure({
    key: 'markets.three-stars-rate',
    module,
    name: { 'zh-CN': '三星级以上农贸市场占比', en: 'Share of markets at 3 stars or more' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期末星级有效且为三星及以上的市场 ÷ 全部市场（2021年目标≥50%）',
      en: 'Markets with a valid rating of 3 stars or more at the period end ÷ all markets (2021 target ≥ 50%)',
    },
    kind: 'rate',
    timing: 'stock',
    rows: (ctx, period) => marketsAtEnd(ctx, period, sql`coalesce(r.stars >= 3, false)`),
  }),
  sqlFigure({
    key: 'markets.urban-two-stars-rate',
    module,
    name: { 'zh-CN': '城区市场二星级以上达标率', en: 'Urban markets at 2 stars or more' },
    unit: { 'zh-CN': '%', en: '%' },
    definition: {
      'zh-CN': '期末星级有效且为二星及以上的城区市场 ÷ 城区市场（2021年目标100%）',
      en: 'Urban markets with a valid rating of 2 stars or more at the period end ÷ urban markets (2021 target 100%)',
    },
    kind: 'rate',
    timing: 'stock',
    rows: (ctx, period) => marketsAtEnd(ctx, period, sql`coalesce(r.stars >= 2, false)`, sql`m.is_urban`),
  }),
  sqlFigure({
    key: 'markets.rapid-tests',
    module,
    name: { 'zh-CN': '农贸市场快检批次', en: 'Rapid tests in markets' },
    unit: { 'zh-CN': '批次', en: 'tests' },
    definition: {
      'zh-CN': '期间内市场快检室检测的批次（人工录入与设备导入）',
      en: 'Samples tested by the markets’ testing rooms in the period (typed in or imported)',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) => tests(ctx, period),
  }),
  sqlFigure({
    key: 'markets.positive-tests',
    module,
    name: { 'zh-CN': '快检阳性批次', en: 'Positive rapid tests' },
    unit: { 'zh-CN': '批次', en: 'tests' },
    definition: {
      'zh-CN': '期间内快检结果为阳性、批次被封存处置的',
      en: 'Rapid tests with a positive result in the period (the lot blocked and handled)',
    },
    kind: 'count',
    timing: 'flow',
    rows: (ctx, period) => tests(ctx, period, sql`t.result = 'positive'`),
  }),
];
