import { invalidRequest } from '../errors/problem.ts';
import type { ActorContext } from '../http/context.ts';
import type { BreakdownKind, FigureDefinition } from './figure-definition.ts';
import { changePercent, comparisonPeriod, type FigurePeriod, isPeriod, monthsOf, parsePeriod } from './figure-period.ts';
import { figureNotFound } from './figures.errors.ts';
import type { FigureRecordsView, FigureSeriesView, FiguresView, FigureView } from './figures.schemas.ts';

/** The written period, or a 400 naming the `period` field in the caller's language. */
export function periodOf(text: string): FigurePeriod {
  const parsed = parsePeriod(text);
  if (isPeriod(parsed)) return parsed;
  throw invalidRequest({}, [{ in: 'querystring', field: 'period', code: 'period', message: parsed }]);
}

function findFigure(figures: readonly FigureDefinition[], key: string): FigureDefinition {
  const figure = figures.find((candidate) => candidate.key === key);
  if (!figure) throw figureNotFound();
  return figure;
}

/** A figure's value in a period; null when the figure does not support that kind of period. */
async function valueIn(ctx: ActorContext, figure: FigureDefinition, period: FigurePeriod, breakdown?: BreakdownKind) {
  if (!figure.periods.includes(period.kind)) return { value: null };
  return figure.compute(ctx, period, breakdown && figure.breakdowns.includes(breakdown) ? breakdown : undefined);
}

function describe(figure: FigureDefinition) {
  return {
    key: figure.key,
    module: figure.module,
    name: figure.name,
    unit: figure.unit,
    definition: figure.definition,
    kind: figure.kind,
    decimals: figure.decimals,
    timing: figure.timing,
    periods: [...figure.periods],
    breakdowns: [...figure.breakdowns],
  };
}

/** One figure of a period compared with another: value, previous value, change and change in percent. */
export async function figureWithChange(
  ctx: ActorContext,
  figure: FigureDefinition,
  period: FigurePeriod,
  comparedWith: FigurePeriod,
  breakdown?: BreakdownKind,
): Promise<FigureView> {
  // One figure at a time, each after the other: on the embedded database queries run one by one anyway, and on
  // PostgreSQL this keeps a dashboard of forty figures from taking forty pooled connections at once.
  const current = await valueIn(ctx, figure, period, breakdown);
  const previous = await valueIn(ctx, figure, comparedWith);
  const scale = 10 ** figure.decimals;
  const change = current.value === null || previous.value === null ? null : Math.round((current.value - previous.value) * scale) / scale;
  return {
    ...describe(figure),
    value: current.value,
    previous: previous.value,
    change,
    changePercent: figure.kind === 'rate' ? null : changePercent(current.value, previous.value),
    ...(current.breakdown ? { breakdown: current.breakdown } : {}),
  };
}

export interface ListFiguresInput {
  period: string;
  compare?: 'previous' | 'year';
  breakdown?: BreakdownKind;
  keys?: string;
  module?: string;
}

/** Every figure (or the keys or module asked for) of a period, each compared with the period before. */
export async function listFigures(ctx: ActorContext, figures: readonly FigureDefinition[], input: ListFiguresInput): Promise<FiguresView> {
  const period = periodOf(input.period);
  const comparedWith = comparisonPeriod(period, input.compare ?? 'previous');
  const wanted = input.keys ? new Set(input.keys.split(',').filter(Boolean)) : undefined;
  const chosen = figures.filter((figure) => (!wanted || wanted.has(figure.key)) && (!input.module || figure.module === input.module));
  const items: FigureView[] = [];
  for (const figure of chosen) items.push(await figureWithChange(ctx, figure, period, comparedWith, input.breakdown));
  return { period, comparedWith, items, total: items.length };
}

/** The records behind a figure (drill-down), in the actor's scope, newest first, a page at a time. */
export async function listFigureRecords(
  ctx: ActorContext,
  figures: readonly FigureDefinition[],
  key: string,
  input: { period: string; page: number; pageSize: number },
): Promise<FigureRecordsView> {
  const figure = findFigure(figures, key);
  const period = periodOf(input.period);
  const { value } = await valueIn(ctx, figure, period);
  const page = figure.periods.includes(period.kind)
    ? await figure.records(ctx, period, { page: input.page, pageSize: input.pageSize })
    : { total: 0, items: [] };
  return { key, period, value, ...page };
}

/** A figure month by month through a period: the steps of a trend chart. */
export async function figureSeries(
  ctx: ActorContext,
  figures: readonly FigureDefinition[],
  key: string,
  input: { period: string },
): Promise<FigureSeriesView> {
  const figure = findFigure(figures, key);
  const period = periodOf(input.period);
  const items: FigureSeriesView['items'] = [];
  for (const month of monthsOf(period)) {
    const { value } = await valueIn(ctx, figure, month);
    items.push({ period: month.label, from: month.from, to: month.to, value });
  }
  return { key, period, items, total: items.length };
}
