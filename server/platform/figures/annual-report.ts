import { and, eq } from 'drizzle-orm';
import type { ActorContext } from '../http/context.ts';
import { district, orgUnit } from '../org/org.tables.ts';
import { annualReportTemplate, type TemplateSection } from './annual-report-template.ts';
import type { FigureDefinition } from './figure-definition.ts';
import type { AnnualReportView, FigureView, ReportSegment } from './figures.schemas.ts';
import { figureSeries, listFigures } from './figures.service.ts';
import type { ReportChart } from './report-chart.ts';

const marker = /\{([a-z0-9.-]+)(?::(wan|whole|change|trend|rise))?\}|\[([^\]]+)\]/g;

/** A figure's value as the report writes it; null when there is nothing to write (never an invented number). */
export function formatForReport(figure: FigureView | undefined, format: string | undefined): string | null {
  if (!figure || figure.value === null) return null;
  switch (format) {
    case 'wan':
      return (Math.round(figure.value * 100) / 1_000_000).toFixed(2);
    case 'whole':
      return String(Math.round(figure.value));
    case 'change':
      return figure.changePercent === null ? null : Math.abs(figure.changePercent).toFixed(2);
    case 'trend':
      return figure.changePercent === null ? null : figure.changePercent < 0 ? '下降' : '增长';
    case 'rise':
      return figure.changePercent === null ? null : figure.changePercent < 0 ? '下降' : '上升';
    default:
      return figure.decimals === 0 ? String(figure.value) : String(Number(figure.value.toFixed(figure.decimals)));
  }
}

/** One template sentence with the figures filled in: text, figures and placeholders as segments. */
export function fillSentence(text: string, figures: ReadonlyMap<string, FigureView>): ReportSegment[] {
  const segments: ReportSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(marker)) {
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    const [whole, key, format, label] = match;
    if (label !== undefined) segments.push({ kind: 'placeholder', text: label });
    else {
      const written = formatForReport(figures.get(key as string), format);
      segments.push(
        written === null
          ? { kind: 'placeholder', text: `${figures.get(key as string)?.name['zh-CN'] ?? key}`, key }
          : { kind: 'figure', text: written, key },
      );
    }
    last = match.index + whole.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** The report of a year from the figures the actor may see, in the structure of the template. */
export async function annualReport(
  ctx: ActorContext,
  figures: readonly FigureDefinition[],
  year: number,
  template: readonly TemplateSection[] = annualReportTemplate,
): Promise<AnnualReportView> {
  const wanted = new Set<string>();
  for (const section of template) {
    for (const sentence of section.sentences) for (const match of sentence.text.matchAll(marker)) if (match[1]) wanted.add(match[1]);
    for (const key of section.stationTable ?? []) wanted.add(key);
    if (section.chart) wanted.add(section.chart.key);
  }
  const known = figures.filter((figure) => wanted.has(figure.key));
  const keys = known.map((figure) => figure.key).join(',');
  const values = await listFigures(ctx, known, { period: String(year), ...(keys ? { keys } : {}) });
  const byKey = new Map(values.items.map((item) => [item.key, item]));
  const tableFigures = template.flatMap((section) => section.stationTable ?? []);
  const byStation = tableFigures.length
    ? await listFigures(ctx, known, { period: String(year), keys: tableFigures.join(','), breakdown: 'station' })
    : { items: [] };
  const stationRows = new Map(byStation.items.map((item) => [item.key, item.breakdown ?? []]));
  const charts = new Map<string, ReportChart>();
  for (const section of template) {
    const chart = section.chart;
    const figure = chart ? known.find((candidate) => candidate.key === chart.key) : undefined;
    if (!chart || !figure) continue;
    const series = await Promise.all(
      [year, year - 1].map(async (seriesYear) => ({
        name: `${seriesYear}年`,
        values: (await figureSeries(ctx, known, chart.key, { period: String(seriesYear) })).items.map((item) => item.value),
      })),
    );
    charts.set(chart.key, {
      caption: `${year}年${chart.caption}`,
      unit: figure.unit['zh-CN'],
      categories: Array.from({ length: 12 }, (_, index) => `${index + 1}月`),
      series,
    });
  }
  return {
    year,
    title: `${year}年工作总结`,
    sections: template.map((section) => {
      const table = section.stationTable;
      const stations = [...new Set(table?.flatMap((key) => (stationRows.get(key) ?? []).map((row) => row.label)) ?? [])].sort((a, b) =>
        a.localeCompare(b, 'zh-CN'),
      );
      return {
        title: section.title,
        sentences: section.sentences.map((sentence) => ({ isFromSeed: sentence.fromSeed, segments: fillSentence(sentence.text, byKey) })),
        ...(table
          ? {
              table: {
                caption: `${year}年各市场监管所主要工作量`,
                columns: [
                  '市场监管所',
                  ...table.map((key) => `${byKey.get(key)?.name['zh-CN'] ?? key}(${byKey.get(key)?.unit['zh-CN'] ?? ''})`),
                ],
                rows: stations.map((station) => [
                  station,
                  ...table.map((key) => {
                    const value = (stationRows.get(key) ?? []).find((row) => row.label === station)?.value;
                    return value === undefined || value === null ? '0' : value.toLocaleString('zh-CN');
                  }),
                ]),
              },
            }
          : {}),
        ...(section.chart && charts.has(section.chart.key) ? { chart: charts.get(section.chart.key) } : {}),
      };
    }),
    keyFigures: values.items.map((item) => ({
      key: item.key,
      name: item.name['zh-CN'],
      unit: item.unit['zh-CN'],
      value: item.value,
      previous: item.previous,
      changePercent: item.changePercent,
    })),
  };
}

/** The bureau's name as the report's heading states it (its bureau unit, or the district's name and 市场监督管理局). */
export async function authorityName(ctx: ActorContext): Promise<string> {
  const [bureau] = await ctx.db
    .select({ name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, ctx.actor.districtCode), eq(orgUnit.kind, 'bureau')))
    .limit(1);
  if (bureau?.name.includes('区')) return bureau.name;
  const [home] = await ctx.db.select({ name: district.name }).from(district).where(eq(district.code, ctx.actor.districtCode));
  return `${home?.name ?? ''}${bureau?.name ?? '市场监督管理局'}`;
}
