import { eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { riskColours } from '../../../../shared/vocabularies/risk-code.ts';
import type { FigureDefinition } from '../../../platform/figures/figure-definition.ts';
import { figureSeries, listFigures } from '../../../platform/figures/figures.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { district, street } from '../../../platform/org/org.tables.ts';
import { systemActorFor } from '../../../platform/scope/actor.ts';
import { flagSummary } from '../../complaints/index.ts';
import { listCases } from '../../enforcement/index.ts';
import { listDue, listWarnings } from '../../food-safety/index.ts';
import { colourMap } from '../../risk-code/index.ts';
import { listHandling } from '../../sampling/index.ts';
import type { ScreenView } from '../dashboards.schemas.ts';

/** The big screen's figures, in the order they are read from the wall. */
export const screenFigureKeys = [
  'registry.entities',
  'complaints.accepted',
  'complaints.satisfaction',
  'enforcement.closed',
  'enforcement.penalty-amount',
  'food-safety.inspections',
  'sampling.food-routine-pass-rate',
  'random-inspections.done',
] as const;

/**
 * What a kiosk shows for a district: this year's key figures against last year, the complaint trend, five years of
 * the sampling pass rate, the five colours by street and today's alert counts. Computed as the district's system
 * reader (district-wide, read-only); only counts and rates leave, never a record.
 */
export async function screenData(base: ServiceContext, figures: readonly FigureDefinition[], districtCode: string): Promise<ScreenView> {
  const ctx: ActorContext = { ...base, actor: systemActorFor(districtCode) };
  const now = ctx.clock.now();
  const year = Number(todayInChina(now).slice(0, 4));
  const [place] = await ctx.db.select({ name: district.name }).from(district).where(eq(district.code, districtCode));
  const current = await listFigures(ctx, figures, { period: String(year), keys: screenFigureKeys.join(',') });
  const byKey = new Map(current.items.map((item) => [item.key, item]));
  const monthly = async (period: number) =>
    (await figureSeries(ctx, figures, 'complaints.accepted', { period: String(period) })).items.map((item) => item.value);
  const samplingPassRate: ScreenView['samplingPassRate'] = [];
  for (let past = year - 4; past <= year; past++) {
    const view = await listFigures(ctx, figures, { period: String(past), keys: 'sampling.food-routine-pass-rate' });
    samplingPassRate.push({ year: past, value: view.items[0]?.value ?? null });
  }
  const map = await colourMap(ctx, {}, { hasTiles: false });
  const streets = await ctx.db.select({ code: street.code, name: street.name }).from(street).where(eq(street.districtCode, districtCode));
  const colourByStreet: ScreenView['colourByStreet'] = [];
  for (const row of streets) {
    const streetMap = await colourMap(ctx, { streetCode: row.code }, { hasTiles: false });
    colourByStreet.push({ street: row.name, ...pickColours(streetMap.counts) });
  }
  const page = { page: 1, pageSize: 1 };
  const complaints = await flagSummary(ctx);
  const alerts: ScreenView['alerts'] = [
    { key: 'complaintsOverdue', name: '投诉举报超期', count: complaints.overdue },
    { key: 'casesOverdue', name: '案件办理超期', count: (await listCases(ctx, { flag: 'overdue', ...page })).total },
    { key: 'certificatesExpiring', name: '健康证30天内到期', count: (await listWarnings(ctx, { level: 'expiring-30', ...page })).total },
    { key: 'samplesUnhandled', name: '不合格样品待处置', count: (await listHandling(ctx, { status: 'open', ...page })).total },
    { key: 'inspectionsOverdue', name: '逾期未检查单位', count: (await listDue(ctx, { state: 'overdue', ...page })).total },
  ];
  return {
    districtName: place?.name ?? districtCode,
    year,
    generatedAt: now.toISOString(),
    figures: screenFigureKeys.map((key) => {
      const item = byKey.get(key);
      return {
        key,
        name: item?.name['zh-CN'] ?? key,
        unit: item?.unit['zh-CN'] ?? '',
        value: item?.value ?? null,
        previous: item?.previous ?? null,
        changePercent: item?.changePercent ?? null,
        kind: item?.kind ?? 'count',
        decimals: item?.decimals ?? 0,
      };
    }),
    complaintTrend: { thisYear: await monthly(year), lastYear: await monthly(year - 1) },
    samplingPassRate,
    colours: pickColours(map.counts),
    colourByStreet,
    alerts,
  };
}

function pickColours(counts: Partial<Record<string, number>>) {
  return Object.fromEntries(riskColours.map((colour) => [colour, counts[colour] ?? 0])) as Record<(typeof riskColours)[number], number>;
}
