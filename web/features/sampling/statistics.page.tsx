import { Alert, Card, Col, Flex, Row, Select, Spin, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { planKinds } from '../../../shared/vocabularies/sampling.ts';
import { FiguresXlsxButton } from '../../components/figure-trend.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaYear } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { formatCount } from '../../lib/number-format.ts';
import { useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type StatisticsView, samplingFields, useSamplingStatistics } from './api.ts';

type Rate = StatisticsView['byCategory'][number];

export function SamplingStatisticsPage() {
  const { t } = useTranslation('sampling');
  const { data: me } = useMe();
  const { filter, setFilters } = useUrlListState();
  const year = Number(filter('year')) || chinaYear();
  const field = samplingFields.find((value) => value === filter('field')) ?? 'food';
  const kind = planKinds.find((value) => value === filter('kind')) ?? 'routine';
  const stats = useSamplingStatistics({ year, field, kind });

  const rateColumns = (keyTitle: string, label: (key: string) => string = (key) => key) => [
    { title: keyTitle, dataIndex: 'key', render: (key: string) => label(key) },
    { title: t('fields.batches'), dataIndex: 'batches', align: 'right' as const, render: formatCount },
    { title: t('fields.qualified'), dataIndex: 'qualified', align: 'right' as const, render: formatCount },
    {
      title: t('fields.passRate'),
      dataIndex: 'percent',
      align: 'right' as const,
      render: (percent: string | null) => (percent === null ? '—' : `${percent}%`),
    },
  ];
  const table = (title: string, rows: Rate[], columns: ReturnType<typeof rateColumns>) => (
    <Card size="small" title={title}>
      <Table<Rate>
        size="small"
        rowKey="key"
        pagination={rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: true }}
      />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t('title.statistics')}
        extra={
          <>
            <Select
              aria-label={t('fields.year')}
              value={year}
              onChange={(next: number) => setFilters({ year: String(next) })}
              options={Array.from({ length: 8 }, (_, index) => chinaYear() - index).map((value) => ({ value, label: value }))}
            />
            <Select
              aria-label={t('fields.field')}
              value={field}
              onChange={(next: string) => setFilters({ field: next })}
              options={samplingFields.map((value) => ({ value, label: t(`fieldKind.${value}`) }))}
            />
            <FiguresXlsxButton period={String(year)} module="sampling" />
            <Select
              aria-label={t('fields.kind')}
              value={kind}
              onChange={(next: string) => setFilters({ kind: next })}
              options={planKinds.map((value) => ({ value, label: t(`planKind.${value}`) }))}
            />
            {me && (
              <Typography.Link href={`/public/sampling?district=${me.districtCode}&year=${year}`} target="_blank">
                {t('actions.publicPage')}
              </Typography.Link>
            )}
          </>
        }
      />
      {stats.isLoading && <Spin />}
      {stats.error && <Alert type="error" title={problemMessage(stats.error)} />}
      {stats.data && (
        <Flex vertical gap={12}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('fields.batches')} value={stats.data.totals.batches} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('fields.qualified')} value={stats.data.totals.qualified} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('fields.passRate')} value={stats.data.totals.wholePercent ?? '—'} suffix="%" />
                {stats.data.totals.percent && (
                  <Typography.Text type="secondary">
                    {t('hints.wholePercent', { whole: stats.data.totals.wholePercent, percent: stats.data.totals.percent })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('fields.category')}
                  value={t('hints.categoriesProducts', { categories: stats.data.categoryCount, products: stats.data.productCount })}
                />
              </Card>
            </Col>
          </Row>
          {stats.data.campaigns.length > 0 && (
            <Card size="small" title={t('hints.campaigns')}>
              {stats.data.campaigns.map((campaign) => (
                <div key={campaign.planId}>
                  <Typography.Text strong>{campaign.name}</Typography.Text>：
                  {t('hints.campaignLine', {
                    units: campaign.units,
                    batches: campaign.batches,
                    unqualifiedUnits: campaign.unqualifiedUnits,
                    unqualifiedBatches: campaign.unqualifiedBatches,
                    penalties: campaign.administrativePenalties,
                    police: campaign.policeTransfers,
                  })}
                </div>
              ))}
            </Card>
          )}
          <Card size="small" title={t('stats.plans')}>
            {stats.data.plans.map((plan) => (
              <div key={plan.id}>
                {plan.name}: {plan.doneBatches} / {plan.targetBatches} ({plan.completionPercent ?? '—'}%)
              </div>
            ))}
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              {table(t('stats.byCategory'), stats.data.byCategory, rateColumns(t('fields.category')))}
            </Col>
            <Col xs={24} lg={12}>
              {table(t('stats.byProduct'), stats.data.byProduct, rateColumns(t('fields.productType')))}
            </Col>
            <Col xs={24} lg={12}>
              {table(
                t('stats.byLink'),
                stats.data.byLink,
                rateColumns(t('fields.link'), (key) => t(`link.${key}`)),
              )}
            </Col>
            <Col xs={24} lg={12}>
              {table(t('stats.byMonth'), stats.data.byMonth, rateColumns(t('stats.byMonth')))}
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
