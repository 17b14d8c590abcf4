import { Alert, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type CaseStatisticsView, useCaseStatistics, useMajorCriteria } from './api.ts';

type Group = CaseStatisticsView['byStation'][number];

/** Case figures of a period: opened, closed, major, fines and confiscations (all and major), in 万元 as reports state them. */
export function CaseStatisticsPage() {
  const { t } = useTranslation(['enforcement', 'shell']);
  const { filter, setFilters } = useUrlListState();
  const lastYear = dayjs().year() - 1;
  const from = filter('from') ?? `${lastYear}-01-01`;
  const to = filter('to') ?? `${lastYear}-12-31`;
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
      <PageHeader
        title={t('statistics')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker value={dayjs(from)} allowClear={false} onChange={(day) => setFilters({ from: day?.format('YYYY-MM-DD') })} />
            <DatePicker value={dayjs(to)} allowClear={false} onChange={(day) => setFilters({ to: day?.format('YYYY-MM-DD') })} />
          </Flex>
        }
      />
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
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="case-figures">
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.closed')} value={total?.closed ?? 0} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.major')} value={total?.major ?? 0} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.amountWan')} value={total?.amountWan ?? '0.00'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.majorAmountWan')} value={total?.majorAmountWan ?? '0.00'} />
            </Card>
          </Col>
        </Row>
        <Tabs
          items={[
            { key: 'station', label: t('stats.byStation'), rows: statistics.data?.byStation, labelOf: (row: Group) => row.label },
            {
              key: 'violation',
              label: t('stats.byViolation'),
              rows: statistics.data?.byViolationType,
              labelOf: (row: Group) => t(`violations.${row.key}`, { defaultValue: row.key }),
            },
            {
              key: 'industry',
              label: t('stats.byIndustry'),
              rows: statistics.data?.byIndustry,
              labelOf: (row: Group) => `${row.key} ${row.label}`,
            },
          ].map(({ key, label, rows, labelOf }) => ({
            key,
            label,
            children: (
              <Table rowKey="key" size="small" pagination={false} columns={columns(labelOf)} dataSource={rows} scroll={{ x: true }} />
            ),
          }))}
        />
      </Spin>
    </>
  );
}
