import { type Static, Type } from 'typebox';
import { DateString, Nullable, PagingQuery } from '../http/schemas.ts';

/**
 * The HTTP contract of the figures registry (capability 15): every module's figures of a period with the period
 * compared, and the records behind one figure. Pure TypeBox, so the web takes the types with `import type`.
 */

/** Written like the pattern in figure-period.ts: `2020`, `2020-Q3`, `2020-07`, `2020-03-01..2020-06-30`. */
export const PeriodText = Type.String({
  pattern: '^(\\d{4}|\\d{4}-Q[1-4]|\\d{4}-(0[1-9]|1[0-2])|\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2})$',
  maxLength: 22,
  description: '2020 (year), 2020-Q3 (quarter), 2020-07 (month) or 2020-03-01..2020-06-30 (days, both included)',
});
export const BreakdownKindSchema = Type.Union([Type.Literal('station'), Type.Literal('street'), Type.Literal('category')]);
export const CompareSchema = Type.Union([Type.Literal('previous'), Type.Literal('year')], {
  description: 'previous: the period just before (环比; for a year, the year before); year: the same period a year earlier (同比)',
});
export const FigureKeyParams = Type.Object(
  { key: Type.String({ pattern: '^[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*$', maxLength: 80 }) },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object(
  {
    period: PeriodText,
    compare: Type.Optional(CompareSchema),
    breakdown: Type.Optional(BreakdownKindSchema),
    /** Only these figures (comma-separated keys); every figure when absent. */
    keys: Type.Optional(Type.String({ pattern: '^[a-z0-9.,-]+$', maxLength: 2000 })),
    /** Only this module's figures. */
    module: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const FigureRecordsQuery = Type.Object({ period: PeriodText, ...PagingQuery }, { additionalProperties: false });
export const FigureSeriesQuery = Type.Object({ period: PeriodText }, { additionalProperties: false });

const Text2 = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

export const PeriodView = Type.Object({
  kind: Type.Union([Type.Literal('year'), Type.Literal('quarter'), Type.Literal('month'), Type.Literal('range')]),
  label: Type.String(),
  from: DateString,
  to: DateString,
});
export const BreakdownRowView = Type.Object({ key: Type.String(), label: Type.String(), value: Nullable(Type.Number()) });

export const FigureView = Type.Object({
  key: Type.String(),
  module: Type.String(),
  name: Text2,
  unit: Text2,
  definition: Text2,
  kind: Type.Union([Type.Literal('count'), Type.Literal('sum'), Type.Literal('rate')]),
  decimals: Type.Integer(),
  timing: Type.Union([Type.Literal('flow'), Type.Literal('stock')]),
  periods: Type.Array(Type.String()),
  breakdowns: Type.Array(Type.String()),
  /** null: the figure is not defined for this kind of period, or a rate with nothing to divide by. */
  value: Nullable(Type.Number()),
  previous: Nullable(Type.Number()),
  /** value − previous, in the figure's unit (percentage points for a rate). */
  change: Nullable(Type.Number()),
  /** The change in percent of the previous value, two decimals; null for rates and when previous is 0 or null. */
  changePercent: Nullable(Type.Number()),
  breakdown: Type.Optional(Type.Array(BreakdownRowView)),
});
export const FiguresView = Type.Object({
  period: PeriodView,
  comparedWith: PeriodView,
  items: Type.Array(FigureView),
  total: Type.Integer({ minimum: 0 }),
});

export const FigureRecordView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  date: Nullable(DateString),
  station: Nullable(Type.String()),
  street: Nullable(Type.String()),
  category: Nullable(Type.String()),
  amount: Nullable(Type.Number()),
  isCounted: Nullable(Type.Boolean()),
  link: Nullable(Type.String()),
});
export const FigureRecordsView = Type.Object({
  key: Type.String(),
  period: PeriodView,
  value: Nullable(Type.Number()),
  items: Type.Array(FigureRecordView),
  total: Type.Integer({ minimum: 0 }),
});
export const FigureSeriesView = Type.Object({
  key: Type.String(),
  period: PeriodView,
  items: Type.Array(
    Type.Object({
      period: Type.String(),
      from: DateString,
      to: DateString,
      value: Nullable(Type.Number()),
    }),
  ),
  total: Type.Integer({ minimum: 0 }),
});

export type FiguresQuery = Static<typeof FiguresQuery>;
export type FigureRecordsQuery = Static<typeof FigureRecordsQuery>;
export type FigureView = Static<typeof FigureView>;
export type FiguresView = Static<typeof FiguresView>;
export type FigureRecordView = Static<typeof FigureRecordView>;
export type FigureRecordsView = Static<typeof FigureRecordsView>;
export type FigureSeriesView = Static<typeof FigureSeriesView>;
export type PeriodView = Static<typeof PeriodView>;

export const AnnualReportQuery = Type.Object(
  { year: Type.Integer({ minimum: 1990, maximum: 2100, description: 'the year the report covers' }) },
  { additionalProperties: false },
);
export const ReportSegment = Type.Object({
  /** text: the template's words; figure: a number from the registry; placeholder: a number the office fills in. */
  kind: Type.Union([Type.Literal('text'), Type.Literal('figure'), Type.Literal('placeholder')]),
  text: Type.String(),
  key: Type.Optional(Type.String()),
});
export const AnnualReportView = Type.Object({
  year: Type.Integer(),
  title: Type.String(),
  sections: Type.Array(
    Type.Object({
      title: Type.String(),
      sentences: Type.Array(Type.Object({ isFromSeed: Type.Boolean(), segments: Type.Array(ReportSegment) })),
      table: Type.Optional(
        Type.Object({ caption: Type.String(), columns: Type.Array(Type.String()), rows: Type.Array(Type.Array(Type.String())) }),
      ),
      chart: Type.Optional(
        Type.Object({
          caption: Type.String(),
          unit: Type.String(),
          categories: Type.Array(Type.String()),
          series: Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Nullable(Type.Number())) })),
        }),
      ),
    }),
  ),
  keyFigures: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      unit: Type.String(),
      value: Nullable(Type.Number()),
      previous: Nullable(Type.Number()),
      changePercent: Nullable(Type.Number()),
    }),
  ),
});
export type ReportSegment = Static<typeof ReportSegment>;
export type AnnualReportView = Static<typeof AnnualReportView>;
