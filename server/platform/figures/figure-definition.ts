import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { inTurn } from '../../db/in-turn.ts';
import type { ActorContext } from '../http/context.ts';
import type { Bilingual } from '../i18n/language.ts';
import type { DateRange, PeriodKind } from './figure-period.ts';

/** How a figure is made from its records: how many, their sum, or the share of them that counts (in percent). */
export const figureKinds = ['count', 'sum', 'rate'] as const;
export type FigureKind = (typeof figureKinds)[number];

/** What a figure can be split by. `category` is the figure's own grouping (complaint category, violation type…). */
export const breakdownKinds = ['station', 'street', 'category'] as const;
export type BreakdownKind = (typeof breakdownKinds)[number];

export interface BreakdownRow {
  key: string;
  label: string;
  value: number | null;
}

export interface FigureResult {
  value: number | null;
  breakdown?: BreakdownRow[];
}

/** One record behind a figure: what a person clicks through to. */
export interface FigureRecord {
  id: string;
  title: string;
  date: string | null;
  station: string | null;
  street: string | null;
  category: string | null;
  /** Sum figures: the record's share of the figure, in the figure's unit. */
  amount: number | null;
  /** Rate figures: whether the record is in the numerator. */
  isCounted: boolean | null;
  /** The record's page in the web app. */
  link: string | null;
}

export interface FigureRecordsPage {
  total: number;
  items: FigureRecord[];
}

export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * A figure a module declares through its index.ts: a stable key (`complaints.accepted`), names, unit and
 * definition in both languages, the periods and breakdowns it supports, and the functions that compute it
 * and list the records behind it — both narrowed to what the actor may see.
 */
export interface FigureDefinition {
  /** `<module>.<name>`, stable: dashboards, reports and bookmarks name figures by it. */
  readonly key: string;
  readonly module: string;
  readonly name: Bilingual;
  readonly unit: Bilingual;
  readonly definition: Bilingual;
  readonly kind: FigureKind;
  /** Decimals the value carries (a count 0, yuan 2, a rate 2). */
  readonly decimals: number;
  /** `flow`: events within the period; `stock`: what is true on the period's last day. */
  readonly timing: 'flow' | 'stock';
  readonly periods: readonly PeriodKind[];
  readonly breakdowns: readonly BreakdownKind[];
  compute(ctx: ActorContext, period: DateRange, breakdown?: BreakdownKind): Promise<FigureResult>;
  records(ctx: ActorContext, period: DateRange, paging: Paging): Promise<FigureRecordsPage>;
}

/**
 * The rows behind a figure, one per record, as SQL a module writes over its own tables inside the actor's scope.
 * Its columns, all present (null where a record has none):
 * `district_code`, `id` text, `title` text, `on_date` date, `street_code` text, `station_id` bigint (null: the street's station),
 * `category` text, `category_label` text, `amount` numeric (sum figures, in the figure's unit), `counted` boolean
 * (rate figures), `link` text.
 */
export type FigureRows = (ctx: ActorContext, period: DateRange) => SQL;

export interface SqlFigureSpec extends Omit<FigureDefinition, 'compute' | 'records' | 'decimals' | 'periods' | 'breakdowns'> {
  readonly decimals?: number;
  readonly periods?: readonly PeriodKind[];
  readonly breakdowns?: readonly BreakdownKind[];
  readonly rows: FigureRows;
}

/** The figure's value from the aggregates of its rows (null when a rate has no records). */
function figureValue(
  kind: FigureKind,
  decimals: number,
  aggregate: { records: number; amount: string | null; counted: number },
): number | null {
  if (kind === 'count') return aggregate.records;
  if (kind === 'sum') return Number(Number(aggregate.amount ?? '0').toFixed(decimals));
  if (aggregate.records === 0) return null;
  const scale = 10 ** decimals;
  return Math.round((aggregate.counted / aggregate.records) * 100 * scale + 1e-9) / scale;
}

/** The rows with their station and street resolved (a record without a station takes its street's). */
function placed(rows: SQL): SQL {
  return sql`select r.*, coalesce(r.station_id, ss.station_id) as place_station_id, o.name as station_name, s.name as street_name
    from (${rows}) r
    left join station_street ss on ss.district_code = r.district_code and ss.street_code = r.street_code
    left join org_unit o on o.district_code = r.district_code and o.id = coalesce(r.station_id, ss.station_id)
    left join street s on s.district_code = r.district_code and s.code = r.street_code`;
}

const groupings: Record<BreakdownKind, { key: SQL; label: SQL }> = {
  station: { key: sql`place_station_id::text`, label: sql`station_name` },
  street: { key: sql`street_code::text`, label: sql`street_name` },
  category: { key: sql`category`, label: sql`category_label` },
};

/**
 * A figure computed from one SQL of its records: the value, each breakdown and the drill-down all read the same
 * rows, so the records always add up to the figure.
 */
export function sqlFigure(spec: SqlFigureSpec): FigureDefinition {
  const decimals = spec.decimals ?? (spec.kind === 'count' ? 0 : 2);
  const { rows, ...described } = spec;
  return {
    ...described,
    decimals,
    periods: spec.periods ?? ['year', 'quarter', 'month', 'range'],
    breakdowns: spec.breakdowns ?? ['station', 'street'],
    async compute(ctx, period, breakdown) {
      const aggregates = sql`count(*)::int as records, sum(amount)::text as amount, (count(*) filter (where counted))::int as counted`;
      const source = placed(rows(ctx, period));
      const [total] = await queryRows<{ records: number; amount: string | null; counted: number }>(
        ctx.db,
        sql`select ${aggregates} from (${source}) f`,
      );
      const value = figureValue(spec.kind, decimals, total ?? { records: 0, amount: null, counted: 0 });
      if (!breakdown) return { value };
      const grouping = groupings[breakdown];
      const groups = await queryRows<{ key: string | null; label: string | null; records: number; amount: string | null; counted: number }>(
        ctx.db,
        sql`select ${grouping.key} as key, min(${grouping.label}) as label, ${aggregates} from (${source}) f group by 1 order by 1`,
      );
      return {
        value,
        breakdown: groups.map((group) => ({
          key: group.key ?? '',
          label: group.label ?? group.key ?? '',
          value: figureValue(spec.kind, decimals, group),
        })),
      };
    },
    async records(ctx, period, paging) {
      const source = placed(rows(ctx, period));
      const [items, [count]] = await inTurn(
        () =>
          queryRows<{
            id: string;
            title: string;
            on_date: string | null;
            station_name: string | null;
            street_name: string | null;
            category_label: string | null;
            category: string | null;
            amount: string | null;
            counted: boolean | null;
            link: string | null;
          }>(
            ctx.db,
            sql`select id::text, title, on_date::text, station_name, street_name, category, category_label, amount::text, counted, link
              from (${source}) f order by on_date desc nulls last, id desc
              limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
          ),
        () => queryRows<{ total: number }>(ctx.db, sql`select count(*)::int as total from (${source}) f`),
      );
      return {
        total: count?.total ?? 0,
        items: items.map((item) => ({
          id: item.id,
          title: item.title,
          date: item.on_date,
          station: item.station_name,
          street: item.street_name,
          category: item.category_label ?? item.category,
          amount: spec.kind === 'sum' && item.amount !== null ? Number(item.amount) : null,
          isCounted: spec.kind === 'rate' ? item.counted === true : null,
          link: item.link,
        })),
      };
    },
  };
}

/** The columns a figure's rows SQL lacks, as typed nulls: `select …, ${noColumns('category', 'amount')} from …`. */
export function noColumns(...names: ('station_id' | 'category' | 'category_label' | 'amount' | 'counted' | 'link')[]): SQL {
  const types = { station_id: 'bigint', category: 'text', category_label: 'text', amount: 'numeric', counted: 'boolean', link: 'text' };
  return sql.raw(names.map((name) => `null::${types[name]} as ${name}`).join(', '));
}

/** A category's label from a fixed list, as SQL: `case <column> when 'food' then '食品' … else <column> end`. */
export function labelOf(column: SQL, labels: Readonly<Record<string, string>>): SQL {
  const whens = Object.entries(labels).map(([key, label]) => sql` when ${key} then ${label}`);
  return sql`(case ${column}${sql.join(whens, sql``)} else ${column}::text end)`;
}
