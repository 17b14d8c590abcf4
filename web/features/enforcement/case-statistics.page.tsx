import { Alert, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { FigureCards, GroupTabs, PeriodPicker, usePeriod } from '../../components/period-statistics.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { type CaseStatisticsView, useCaseStatistics, useMajorCriteria } from './api.ts';

type Group = CaseStatisticsView['byStation'][number];

/** Case figures of a period: opened, closed, major, fines and confiscations (all and major), in 万元 as reports state them. */
export function CaseStatisticsPage() {
  const { t } = useTranslation(['enforcement', 'shell']);
  const { from, to } = usePeriod();
  const statistics = useCaseStatistics(from, to);
  const criteria = useMajorCriteria();
  const total = statistics.data?.total;
  const columns = (labelOf: (row: Group) => string) => [
    { title: t('stats.group'), key: 'label', render: (_: unknown, row: Group) => labelOf(row) },
    { title: t('stats.opened'), dataIndex: 'opened' },
    { title: t('stats.closed'), dataIndex: 'closed' },
    { title: t('stats.major'), dataIndex: 'major' },
    { title: t('stats.amountWan'), dataIndex: 'amountWan', align: 'right' as const },
    { title: t('stats.majorAmountWan'), dataIndex: 'majorAmountWan', align: 'right' as const },
    { title: t('stats.police'), dataIndex: 'policeTransfers', responsive: ['md' as const] },
  ];

  return (
    <>
      <PageHeader title={t('statistics')} extra={<PeriodPicker labels={{ from: t('stats.from'), to: t('stats.to') }} />} />
      {statistics.error ? <Alert type="error" title={problemMessage(statistics.error)} /> : null}
      {criteria.data ? (
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
      ) : null}
      <Spin spinning={statistics.isFetching}>
        <FigureCards
          testId="case-figures"
          figures={[
            { title: t('stats.closed'), value: total?.closed ?? 0 },
            { title: t('stats.major'), value: total?.major ?? 0 },
            { title: t('stats.amountWan'), value: total?.amountWan ?? '0.00' },
            { title: t('stats.majorAmountWan'), value: total?.majorAmountWan ?? '0.00' },
          ]}
        />
        <GroupTabs<Group>
          columns={columns}
          tabs={[
            { key: 'station', label: t('stats.byStation'), rows: statistics.data?.byStation, labelOf: (row) => row.label },
            {
              key: 'violation',
              label: t('stats.byViolation'),
              rows: statistics.data?.byViolationType,
              labelOf: (row) => t(`violations.${row.key}`, { defaultValue: row.key }),
            },
            {
              key: 'industry',
              label: t('stats.byIndustry'),
              rows: statistics.data?.byIndustry,
              labelOf: (row) => `${row.key} ${row.label}`,
            },
          ]}
        />
      </Spin>
    </>
  );
}
