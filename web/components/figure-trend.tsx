import { useQuery } from '@tanstack/react-query';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FigureSeriesView } from '../../server/platform/figures/figures.schemas.ts';
import { api } from '../lib/api-client.ts';
import { TrendChart } from './trend-chart.tsx';

/** One figure month by month over a period (a year gives twelve months), from the figures registry. */
export function useFigureSeries(key: string, period: string) {
  return useQuery({
    queryKey: ['figures', 'series', key, period],
    queryFn: ({ signal }) => api.get<FigureSeriesView>(`/figures/${key}/series`, { period }, signal),
  });
}

const months = Array.from({ length: 12 }, (_, index) => index + 1);

/** A figure month by month in a year against the year before: what a person would rather look at than read. */
export function YearTrend({ figureKey, year, title }: { figureKey: string; year: number; title: string }) {
  const { t } = useTranslation('shell');
  const thisYear = useFigureSeries(figureKey, String(year));
  const lastYear = useFigureSeries(figureKey, String(year - 1));
  const values = (series: FigureSeriesView | undefined) => months.map((_, index) => series?.items[index]?.value ?? null);
  return (
    <Card size="small" title={title} loading={thisYear.isLoading} style={{ marginBottom: 16 }}>
      <TrendChart
        testId={`trend-${figureKey}`}
        categories={months.map((month) => t('period.month', { month }))}
        series={[
          { name: t('home.thisPeriod', { year }), values: values(thisYear.data) },
          { name: t('home.thisPeriod', { year: year - 1 }), values: values(lastYear.data) },
        ]}
      />
    </Card>
  );
}

/** The period's figures (of one module, or all) as an xlsx the office pastes into its reports. */
export function FiguresXlsxButton({ period, module }: { period: string; module?: string }) {
  const { t } = useTranslation('shell');
  const query = new URLSearchParams({ period, ...(module ? { module } : {}) });
  return (
    <Button href={`/api/v1/dashboards/figures.xlsx?${query.toString()}`} data-testid="figures-xlsx">
      {t('home.exportXlsx')}
    </Button>
  );
}
