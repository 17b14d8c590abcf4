import type { FigureDefinition } from '../../../platform/figures/figure-definition.ts';
import { listFigures } from '../../../platform/figures/figures.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { xlsxBuffer } from '../../../platform/spreadsheets/xlsx.ts';

/**
 * Every figure of a period in one sheet, as the office pastes it into a report: name, value, unit, the period
 * before, the change; numbers stay numbers (with separators and the figure's decimals), so Excel can sum them.
 */
export async function exportFigures(
  ctx: ActorContext,
  figures: readonly FigureDefinition[],
  query: { period: string; module?: string },
): Promise<Buffer> {
  const view = await listFigures(ctx, figures, query);
  const english = ctx.meta.language === 'en';
  const language = english ? 'en' : 'zh-CN';
  type Item = (typeof view.items)[number];
  type Row = Pick<Item, 'key' | 'value' | 'previous' | 'change' | 'changePercent' | 'decimals'> & {
    name: string;
    unit: string;
    definition: string;
  };
  const figureFormat = (row: Row) => (row.decimals > 0 ? `#,##0.${'0'.repeat(row.decimals)}` : '#,##0');
  return xlsxBuffer<Row>(
    {
      name: english ? 'Figures' : '主要指标',
      boldHeader: true,
      columns: [
        { header: english ? 'Key' : '指标代码', key: 'key', width: 30 },
        { header: english ? 'Figure' : '指标', key: 'name', width: 34 },
        { header: view.period.label, key: 'value', width: 16, format: figureFormat },
        { header: english ? 'Unit' : '单位', key: 'unit', width: 8 },
        { header: view.comparedWith.label, key: 'previous', width: 16, format: figureFormat },
        { header: english ? 'Change' : '增减', key: 'change', width: 14, format: figureFormat },
        { header: english ? 'Change %' : '增减幅度(%)', key: 'changePercent', width: 14, format: () => '0.00' },
        { header: english ? 'Definition' : '口径', key: 'definition', width: 60 },
      ],
    },
    view.items.map((item) => ({
      key: item.key,
      name: item.name[language],
      value: item.value,
      unit: item.unit[language],
      previous: item.previous,
      change: item.change,
      changePercent: item.changePercent,
      definition: item.definition[language],
      decimals: item.decimals,
    })),
  );
}
