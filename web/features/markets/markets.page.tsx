import { Alert, Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { bureauStaffRoles, settingsRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type MarketSummary, useMarkets, useStarProgress } from './api.ts';
import { RegisterMarketButton } from './registration.tsx';

export const stars = (count: number | null) => (count ? '★'.repeat(count) : '—');

/** The markets in the actor's scope with the day's figures; a market manager goes straight to their market. */
export function MarketsPage() {
  const { t } = useTranslation('markets');
  const me = useMe().data;
  const navigate = useNavigate();
  const isStaff = hasAnyRole(me, bureauStaffRoles);
  const markets = useMarkets();
  const progress = useStarProgress(isStaff);
  const items = markets.data?.items ?? [];
  if (!isStaff && items.length === 1) return <Navigate to={`/markets/${items[0]?.id}`} replace />;
  return (
    <>
      <PageHeader
        title={t('list.title')}
        extra={
          isStaff ? (
            <Space>
              <Button onClick={() => navigate('/markets/settings')}>{t('settings.title')}</Button>
              {hasAnyRole(me, settingsRoles) ? <RegisterMarketButton /> : null}
            </Space>
          ) : null
        }
      />
      {markets.error ? <Alert type="error" title={problemMessage(markets.error)} /> : null}
      {progress.data ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="star-progress">
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('progress.markets')} value={progress.data.markets} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('progress.atLeastThree')} value={progress.data.atLeastThreePercent} suffix="%" />
              <Tag color={progress.data.threeStarTargetMet ? 'green' : 'orange'}>
                {t(progress.data.threeStarTargetMet ? 'progress.met' : 'progress.notMet')}
              </Tag>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('progress.urbanAtLeastTwo')} value={`${progress.data.urbanAtLeastTwo} / ${progress.data.urbanMarkets}`} />
              <Tag color={progress.data.urbanTargetMet ? 'green' : 'orange'}>
                {t(progress.data.urbanTargetMet ? 'progress.met' : 'progress.notMet')}
              </Tag>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title={t('list.blockedLots')} value={items.reduce((sum, market) => sum + market.blockedLots, 0)} />
            </Card>
          </Col>
        </Row>
      ) : null}
      <Table<MarketSummary>
        size="small"
        rowKey="id"
        loading={markets.isFetching}
        dataSource={items}
        pagination={false}
        columns={[
          { title: t('list.name'), dataIndex: 'name', render: (name: string, market) => <Link to={`/markets/${market.id}`}>{name}</Link> },
          { title: t('list.stars'), dataIndex: 'stars', render: (value: number | null) => stars(value) },
          { title: t('list.testsToday'), dataIndex: 'testsToday', responsive: ['md'] },
          {
            title: t('list.blockedLots'),
            dataIndex: 'blockedLots',
            render: (value: number) => (value ? <Tag color="red">{value}</Tag> : value),
          },
          {
            title: t('list.overdueScales'),
            dataIndex: 'overdueScales',
            responsive: ['md'],
            render: (value: number) => (value ? <Tag color="orange">{value}</Tag> : value),
          },
          {
            title: t('list.complaints'),
            dataIndex: 'complaints',
            responsive: ['md'],
            render: (value: number, market) => (
              <>
                {value}{' '}
                {market.shortWeightComplaints ? (
                  <Tag color="red">{t('complaints.shortWeight', { count: market.shortWeightComplaints })}</Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('list.inspection'),
            dataIndex: 'inspectionPassPercent',
            responsive: ['lg'],
            render: (value: number | null, market) => (market.lastInspectedOn ? `${market.lastInspectedOn} · ${value ?? 0}%` : '—'),
          },
          { title: t('list.stalls'), dataIndex: 'stalls', responsive: ['lg'] },
          { title: t('list.operator'), dataIndex: 'operatorName', responsive: ['lg'] },
        ]}
      />
    </>
  );
}
