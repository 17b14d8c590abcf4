import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { YearTrend } from '../../components/figure-trend.tsx';
import { FigureCards, GroupTabs, industryTab, StatisticsFrame, stationTab, usePeriod } from '../../components/period-statistics.tsx';
import { formatAmount, formatCount } from '../../lib/number-format.ts';
import { type CaseStatisticsView, useCaseStatistics, useMajorCriteria } from './api.ts';

type Group = CaseStatisticsView['byStation'][number];

/** Case figures of a period: opened, closed, major, fines and confiscations (all and major), in 万元 as reports state them. */
export function CaseStatisticsPage() {
  const { t } = useTranslation(['enforcement', 'shell']);
  const { from, to, figurePeriod, trendYear } = usePeriod();
  const statistics = useCaseStatistics(from, to);
  const criteria = useMajorCriteria();
  const total = statistics.data?.total;
  const columns = (labelOf: (row: Group) => string) => [
    { title: t('stats.group'), key: 'label', render: (_: unknown, row: Group) => labelOf(row) },
    { title: t('stats.opened'), dataIndex: 'opened', align: 'right' as const, render: formatCount },
    { title: t('stats.closed'), dataIndex: 'closed', align: 'right' as const, render: formatCount },
    { title: t('stats.major'), dataIndex: 'major', align: 'right' as const, render: formatCount },
    { title: t('stats.amountWan'), dataIndex: 'amountWan', align: 'right' as const, render: formatAmount },
    { title: t('stats.majorAmountWan'), dataIndex: 'majorAmountWan', align: 'right' as const, render: formatAmount },
    { title: t('stats.police'), dataIndex: 'policeTransfers', align: 'right' as const, render: formatCount, responsive: ['md' as const] },
  ];

  return (
    <StatisticsFrame
      title={t('statistics')}
      module="enforcement"
      figurePeriod={figurePeriod}
      pickerLabels={{ from: t('stats.from'), to: t('stats.to'), year: t('shell:period.year') }}
      error={statistics.error}
      isFetching={statistics.isFetching}
      notice={
        criteria.data ? (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={
              <>
                {t('criteria', { amount: criteria.data.amountThreshold })}{' '}
                {criteria.data.isDefault ? <Tag color="orange">{t('localDefault')}</Tag> : null}
              </>
            }
          />
        ) : null
      }
    >
      <FigureCards
        testId="case-figures"
        figures={[
          { title: t('stats.closed'), value: total?.closed ?? 0 },
          { title: t('stats.major'), value: total?.major ?? 0 },
          { title: t('stats.amountWan'), value: total?.amountWan ?? '0.00' },
          { title: t('stats.majorAmountWan'), value: total?.majorAmountWan ?? '0.00' },
        ]}
      />
      <YearTrend figureKey="enforcement.closed" year={trendYear} title={t('stats.closed')} />
      <GroupTabs<Group>
        columns={columns}
        tabs={[
          stationTab(t('stats.byStation'), statistics.data?.byStation),
          {
            key: 'violation',
            label: t('stats.byViolation'),
            rows: statistics.data?.byViolationType,
            labelOf: (row) => t(`violations.${row.key}`, { defaultValue: row.key }),
          },
          industryTab(t('stats.byIndustry'), statistics.data?.byIndustry),
        ]}
      />
    </StatisticsFrame>
  );
}
