import { useTranslation } from 'react-i18next';
import { YearTrend } from '../../components/figure-trend.tsx';
import { FigureCards, GroupTabs, industryTab, StatisticsFrame, stationTab, usePeriod } from '../../components/period-statistics.tsx';
import { formatAmount, formatCount } from '../../lib/number-format.ts';
import { type ComplaintStatisticsView, useComplaintStatistics } from './api.ts';

type Group = ComplaintStatisticsView['byStation'][number];
const percent = (value: string | null) => (value === null ? '—' : `${value}%`);

/** Figures of a period as the work summary states them; the period lives in the URL. */
export function ComplaintStatisticsPage() {
  const { t } = useTranslation(['complaints', 'shell']);
  const { from, to, figurePeriod, trendYear } = usePeriod();
  const statistics = useComplaintStatistics(from, to);
  const total = statistics.data?.total;

  const columns = (labelOf: (row: Group) => string) => [
    { title: t('stats.group'), key: 'label', render: (_: unknown, row: Group) => labelOf(row) },
    { title: t('stats.complaintsAndReports'), dataIndex: 'complaintsAndReports', align: 'right' as const, render: formatCount },
    { title: t('stats.complaints'), dataIndex: 'complaints', align: 'right' as const, render: formatCount, responsive: ['md' as const] },
    { title: t('stats.reports'), dataIndex: 'reports', align: 'right' as const, render: formatCount, responsive: ['md' as const] },
    { title: t('stats.yearOnYear'), dataIndex: 'yearOnYear', render: percent },
    { title: t('stats.petitionsClosed'), dataIndex: 'petitionsClosed', align: 'right' as const, render: formatCount },
    { title: t('stats.satisfaction'), dataIndex: 'satisfactionRate', render: percent },
    {
      title: t('stats.amountRecovered'),
      dataIndex: 'amountRecovered',
      align: 'right' as const,
      render: formatAmount,
      responsive: ['lg' as const],
    },
  ];

  return (
    <StatisticsFrame
      title={t('statistics')}
      module="complaints"
      figurePeriod={figurePeriod}
      pickerLabels={{ from: t('stats.from'), to: t('stats.to'), year: t('shell:period.year') }}
      error={statistics.error}
      isFetching={statistics.isFetching}
    >
      <FigureCards
        testId="complaint-figures"
        figures={[
          {
            title: t('stats.complaintsAndReports'),
            value: total?.complaintsAndReports ?? 0,
            note: total?.yearOnYear ? `${t('stats.yearOnYear')} ${Number(total.yearOnYear) >= 0 ? '+' : ''}${total.yearOnYear}%` : null,
          },
          { title: t('stats.petitionsClosed'), value: total?.petitionsClosed ?? 0 },
          {
            title: t('stats.satisfaction'),
            value: total?.satisfactionRate ?? '—',
            suffix: total?.satisfactionRate ? '%' : undefined,
          },
          { title: t('stats.amountRecovered'), value: total?.amountRecovered ?? '0.00' },
        ]}
      />
      <YearTrend figureKey="complaints.accepted" year={trendYear} title={t('stats.complaintsAndReports')} />
      <GroupTabs<Group>
        columns={columns}
        tabs={[
          stationTab(t('stats.byStation'), statistics.data?.byStation),
          {
            key: 'category',
            label: t('stats.byCategory'),
            rows: statistics.data?.byCategory,
            labelOf: (row) => t(`categories.${row.key}`, { defaultValue: row.key }),
          },
          industryTab(t('stats.byIndustry'), statistics.data?.byIndustry),
        ]}
      />
    </StatisticsFrame>
  );
}
