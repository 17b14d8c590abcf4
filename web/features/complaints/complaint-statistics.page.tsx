import { Alert, Card, Col, DatePicker, Flex, Row, Spin, Statistic, Table, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type ComplaintStatisticsView, useComplaintStatistics } from './api.ts';

type Group = ComplaintStatisticsView['byStation'][number];

/** Figures of a period as the work summary states them; the period lives in the URL. */
export function ComplaintStatisticsPage() {
  const { t } = useTranslation(['complaints', 'shell']);
  const { filter, setFilters } = useUrlListState();
  const lastYear = dayjs().year() - 1;
  const from = filter('from') ?? `${lastYear}-01-01`;
  const to = filter('to') ?? `${lastYear}-12-31`;
  const statistics = useComplaintStatistics(from, to);
  const total = statistics.data?.total;

  const columns = (labelOf: (row: Group) => string) => [
    { title: t('stats.group'), key: 'label', render: (_: unknown, row: Group) => labelOf(row) },
    { title: t('stats.complaintsAndReports'), dataIndex: 'complaintsAndReports' },
    { title: t('stats.complaints'), dataIndex: 'complaints', responsive: ['md' as const] },
    { title: t('stats.reports'), dataIndex: 'reports', responsive: ['md' as const] },
    { title: t('stats.yearOnYear'), dataIndex: 'yearOnYear', render: (value: string | null) => (value === null ? '—' : `${value}%`) },
    { title: t('stats.petitionsClosed'), dataIndex: 'petitionsClosed' },
    {
      title: t('stats.satisfaction'),
      dataIndex: 'satisfactionRate',
      render: (value: string | null) => (value === null ? '—' : `${value}%`),
    },
    { title: t('stats.amountRecovered'), dataIndex: 'amountRecovered', responsive: ['lg' as const] },
  ];

  return (
    <>
      <PageHeader
        title={t('statistics')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker
              value={dayjs(from)}
              allowClear={false}
              onChange={(day) => setFilters({ from: day?.format('YYYY-MM-DD') })}
              aria-label={t('stats.from')}
            />
            <DatePicker
              value={dayjs(to)}
              allowClear={false}
              onChange={(day) => setFilters({ to: day?.format('YYYY-MM-DD') })}
              aria-label={t('stats.to')}
            />
          </Flex>
        }
      />
      {statistics.error ? <Alert type="error" title={problemMessage(statistics.error)} /> : null}
      <Spin spinning={statistics.isFetching}>
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="complaint-figures">
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.complaintsAndReports')} value={total?.complaintsAndReports ?? 0} />
              {total?.yearOnYear ? `${t('stats.yearOnYear')} ${Number(total.yearOnYear) >= 0 ? '+' : ''}${total.yearOnYear}%` : null}
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.petitionsClosed')} value={total?.petitionsClosed ?? 0} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t('stats.satisfaction')}
                value={total?.satisfactionRate ?? '—'}
                suffix={total?.satisfactionRate ? '%' : undefined}
              />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('stats.amountRecovered')} value={total?.amountRecovered ?? '0.00'} />
            </Card>
          </Col>
        </Row>
        <Tabs
          items={[
            { key: 'station', label: t('stats.byStation'), rows: statistics.data?.byStation, labelOf: (row: Group) => row.label },
            {
              key: 'category',
              label: t('stats.byCategory'),
              rows: statistics.data?.byCategory,
              labelOf: (row: Group) => t(`categories.${row.key}`, { defaultValue: row.key }),
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
