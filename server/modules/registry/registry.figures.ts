import { type SQL, sql } from 'drizzle-orm';
import { industrySections } from '../../../shared/industry.ts';
import { type FigureDefinition, labelOf, sqlFigure } from '../../platform/figures/figure-definition.ts';
import type { DateRange } from '../../platform/figures/figure-period.ts';
import type { ActorContext } from '../../platform/http/context.ts';
import { entityScope } from './service/entity-scope.ts';

const sectionLabels = Object.fromEntries(industrySections.map((section) => [section.letter, section.zh]));

/** On the register on a day (rules/entity-active-on-date): founded by then and not ended by then. */
const activeOn = (day: string) => sql`entity.founded_on <= ${day}::date and (entity.ended_on is null or entity.ended_on > ${day}::date)`;

function entityRows(where: (period: DateRange) => SQL, onDate: string) {
  return (ctx: ActorContext, period: DateRange) =>
    sql`select entity.district_code, entity.id, entity.name as title, ${sql.raw(onDate)} as on_date, entity.street_code,
          null::bigint as station_id, substr(entity.industry_code, 1, 1) as category,
          ${labelOf(sql`substr(entity.industry_code, 1, 1)`, sectionLabels)} as category_label,
          null::numeric as amount, null::boolean as counted, '/registry/entities/' || entity.id as link
        from entity
        where ${entityScope(ctx.actor)} and ${where(period)}`;
}

const module = 'registry';
const breakdowns = ['station', 'street', 'category'] as const;

/** The registry's figures (capability 1): entities on the register at the period's end, registered and ended in it. */
export const registryFigures: readonly FigureDefinition[] = [
  sqlFigure({
    key: 'registry.entities',
    module,
    name: { 'zh-CN': '在册市场主体', en: 'Market entities on the register' },
    unit: { 'zh-CN': '家', en: 'entities' },
    definition: {
      'zh-CN': '期末在册的企业和个体户',
      en: 'Enterprises and individual businesses on the register on the last day of the period',
    },
    kind: 'count',
    timing: 'stock',
    breakdowns,
    rows: entityRows((period) => activeOn(period.to), 'entity.founded_on'),
  }),
  sqlFigure({
    key: 'registry.enterprises',
    module,
    name: { 'zh-CN': '在册企业', en: 'Enterprises on the register' },
    unit: { 'zh-CN': '家', en: 'entities' },
    definition: { 'zh-CN': '期末在册的企业', en: 'Enterprises on the register on the last day of the period' },
    kind: 'count',
    timing: 'stock',
    breakdowns,
    rows: entityRows((period) => sql`entity.kind = 'enterprise' and ${activeOn(period.to)}`, 'entity.founded_on'),
  }),
  sqlFigure({
    key: 'registry.individuals',
    module,
    name: { 'zh-CN': '在册个体户', en: 'Individual businesses on the register' },
    unit: { 'zh-CN': '家', en: 'entities' },
    definition: { 'zh-CN': '期末在册的个体工商户', en: 'Individual businesses on the register on the last day of the period' },
    kind: 'count',
    timing: 'stock',
    breakdowns,
    rows: entityRows((period) => sql`entity.kind = 'individual' and ${activeOn(period.to)}`, 'entity.founded_on'),
  }),
  sqlFigure({
    key: 'registry.registered',
    module,
    name: { 'zh-CN': '新设立市场主体', en: 'Market entities registered' },
    unit: { 'zh-CN': '家', en: 'entities' },
    definition: { 'zh-CN': '期间内成立登记的市场主体', en: 'Market entities founded in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns,
    rows: entityRows((period) => sql`entity.founded_on between ${period.from}::date and ${period.to}::date`, 'entity.founded_on'),
  }),
  sqlFigure({
    key: 'registry.ended',
    module,
    name: { 'zh-CN': '注销、吊销和迁出市场主体', en: 'Market entities cancelled, revoked or moved out' },
    unit: { 'zh-CN': '家', en: 'entities' },
    definition: { 'zh-CN': '期间内注销、吊销或迁出的市场主体', en: 'Market entities that left the register in the period' },
    kind: 'count',
    timing: 'flow',
    breakdowns,
    rows: entityRows((period) => sql`entity.ended_on between ${period.from}::date and ${period.to}::date`, 'entity.ended_on'),
  }),
];
