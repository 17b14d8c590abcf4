import { Alert, Button, Card, Descriptions, Form, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  marketCleaningRoles,
  marketInspectorRoles,
  marketKeeperRoles,
  marketScreenRoles,
  marketTestingRoles,
  settingsRoles,
} from '../../../shared/roles.ts';
import { cleaningLevels } from '../../../shared/vocabularies/markets.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type NewScreenTokenView,
  useCreateMarketScreenToken,
  useMarket,
  usePrices,
  useRecordCleaning,
  useReportPrices,
  useStarRatings,
} from './api.ts';
import { Inspections } from './inspections.tsx';
import { stars } from './markets.page.tsx';
import { DeviceImport, RapidTestEntry, RapidTestList } from './rapid-tests.tsx';
import { EditMarketButton, Scales, Stalls } from './registration.tsx';

const yuan = (fen: number | null) => (fen === null ? '—' : (fen / 100).toFixed(2));

function Prices({ marketId, canEdit }: { marketId: number; canEdit: boolean }) {
  const { t } = useTranslation('markets');
  const prices = usePrices(marketId);
  const report = useReportPrices(marketId);
  const [form] = Form.useForm<Record<string, number | null>>();
  const [problems, setProblems] = useState<string[]>([]);
  const items = prices.data?.items ?? [];
  const handleSave = async (values: Record<string, number | null>) => {
    const entered = Object.entries(values).flatMap(([product, price]) => (price ? [{ product, priceFen: Math.round(price * 100) }] : []));
    if (!entered.length) return;
    try {
      await report.mutateAsync({ items: entered });
      setProblems([]);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="product"
        pagination={false}
        loading={prices.isFetching}
        dataSource={items}
        columns={[
          { title: t('prices.product'), dataIndex: 'product' },
          { title: t('prices.price'), dataIndex: 'priceFen', render: yuan },
          { title: t('prices.median'), dataIndex: 'districtMedianFen', render: yuan, responsive: ['md'] },
          { title: t('prices.weekBefore'), dataIndex: 'weekBeforeFen', render: yuan, responsive: ['md'] },
          {
            title: t('prices.flags'),
            dataIndex: 'flags',
            render: (flags: string[]) =>
              flags.map((flag) => (
                <Tag color="orange" key={flag}>
                  {t(`prices.flagNames.${flag}`)}
                </Tag>
              )),
          },
        ]}
      />
      {canEdit ? (
        <Card size="small" title={t('prices.report')}>
          {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
          <Form form={form} layout="inline" onFinish={handleSave}>
            {items.map((item) => (
              <Form.Item key={item.product} name={item.product} label={item.product}>
                <InputNumber min={0.01} max={100000} step={0.1} precision={2} style={{ width: 110 }} />
              </Form.Item>
            ))}
            <Button type="primary" htmlType="submit" loading={report.isPending}>
              {t('prices.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}

function Upkeep({
  marketId,
  cleaningLevelsAllowed,
  canKeepScales,
}: {
  marketId: number;
  cleaningLevelsAllowed: readonly (typeof cleaningLevels)[number][];
  canKeepScales: boolean;
}) {
  const { t } = useTranslation('markets');
  const market = useMarket(marketId);
  const canEdit = cleaningLevelsAllowed.length > 0;
  const record = useRecordCleaning(marketId);
  const [form] = Form.useForm<{ level: (typeof cleaningLevels)[number]; score: number }>();
  const [problems, setProblems] = useState<string[]>([]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('cleaning.title')}>
        <Table
          size="small"
          rowKey="level"
          pagination={false}
          dataSource={market.data?.cleaning ?? []}
          columns={[
            { title: t('cleaning.level'), dataIndex: 'level', render: (level: string) => t(`cleaning.levels.${level}`) },
            { title: t('cleaning.party'), dataIndex: 'party', render: (party: string) => t(`cleaning.parties.${party}`) },
            {
              title: t('cleaning.lastDoneOn'),
              dataIndex: 'lastDoneOn',
              render: (day: string | null, row) => (
                <>
                  {day ?? '—'} {row.overdue ? <Tag color="orange">{t('cleaning.overdue')}</Tag> : null}
                </>
              ),
            },
            { title: t('cleaning.average'), dataIndex: 'averageScore30Days', render: (value: number | null) => value ?? '—' },
          ]}
        />
        {canEdit ? (
          <Form
            form={form}
            layout="inline"
            style={{ marginTop: 8 }}
            initialValues={{ level: cleaningLevelsAllowed[0], score: 90 }}
            onFinish={async (values) => {
              try {
                await record.mutateAsync(values);
                setProblems([]);
              } catch (error) {
                setProblems(applyProblemToForm(form, error));
              }
            }}
          >
            {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
            <Form.Item name="level" label={t('cleaning.level')}>
              <Select
                style={{ width: 120 }}
                options={cleaningLevelsAllowed.map((level) => ({ value: level, label: t(`cleaning.levels.${level}`) }))}
              />
            </Form.Item>
            <Form.Item name="score" label={t('cleaning.score')}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Button htmlType="submit" loading={record.isPending}>
              {t('cleaning.record')}
            </Button>
          </Form>
        ) : null}
      </Card>
      <Scales marketId={marketId} canEdit={canKeepScales} />
    </Space>
  );
}

function Stars({ marketId }: { marketId: number }) {
  const { t } = useTranslation('markets');
  const ratings = useStarRatings(marketId);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      loading={ratings.isFetching}
      dataSource={ratings.data?.items ?? []}
      columns={[
        { title: t('stars.assessedOn'), dataIndex: 'assessedOn' },
        { title: t('stars.score'), dataIndex: 'score' },
        { title: t('stars.stars'), dataIndex: 'stars', render: (value: number) => stars(value) },
        { title: t('stars.validUntil'), dataIndex: 'validUntil' },
      ]}
    />
  );
}

function Screen({ marketId }: { marketId: number }) {
  const { t } = useTranslation('markets');
  const create = useCreateMarketScreenToken();
  const [made, setMade] = useState<NewScreenTokenView | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Card size="small" title={t('screen.title')}>
      <p>{t('screen.explain')}</p>
      {error ? <Alert type="error" title={error} /> : null}
      <Button
        loading={create.isPending}
        onClick={async () => {
          try {
            setMade(await create.mutateAsync({ label: t('screen.defaultLabel'), marketId }));
          } catch (caught) {
            setError(problemMessage(caught));
          }
        }}
      >
        {t('screen.create')}
      </Button>
      {made ? (
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          title={t('screen.created')}
          description={
            <Typography.Link data-testid="screen-url" href={made.url} target="_blank" copyable>
              {`${window.location.origin}${made.url}`}
            </Typography.Link>
          }
        />
      ) : null}
    </Card>
  );
}

/** One market, phone-first: the testing room enters tests and handles blocked lots; prices, cleaning, scales, stars. */
export function MarketPage() {
  const { t } = useTranslation('markets');
  const id = Number(useParams().id);
  const me = useMe().data;
  const canKeep = hasAnyRole(me, marketKeeperRoles);
  const canTest = hasAnyRole(me, marketTestingRoles);
  // The organiser's own account records the monthly round only (the server says the same).
  const cleaningLevelsAllowed = canKeep ? cleaningLevels : hasAnyRole(me, marketCleaningRoles) ? (['monthly'] as const) : [];
  const market = useMarket(id);
  const data = market.data;
  return (
    <>
      <PageHeader
        title={data?.name ?? t('market.title')}
        extra={
          data && me ? (
            <Space>
              {hasAnyRole(me, settingsRoles) ? <EditMarketButton market={data} /> : null}
              <Button href={`/public/markets/${me.districtCode}/${id}`} target="_blank">
                {t('market.publicPage')}
              </Button>
            </Space>
          ) : null
        }
      />
      {market.error ? <Alert type="error" title={problemMessage(market.error)} /> : null}
      {data ? (
        <Descriptions size="small" column={{ xs: 2, md: 4 }} style={{ marginBottom: 12 }} data-testid="market-summary">
          <Descriptions.Item label={t('list.stars')}>{stars(data.stars)}</Descriptions.Item>
          <Descriptions.Item label={t('list.testsToday')}>{data.testsToday}</Descriptions.Item>
          <Descriptions.Item label={t('list.blockedLots')}>
            {data.blockedLots ? <Tag color="red">{data.blockedLots}</Tag> : 0}
          </Descriptions.Item>
          <Descriptions.Item label={t('list.overdueScales')}>{data.overdueScales}</Descriptions.Item>
          <Descriptions.Item label={t('list.complaints')}>
            {data.complaints}{' '}
            {data.shortWeightComplaints ? (
              <Tag color="red">{t('complaints.shortWeight', { count: data.shortWeightComplaints })}</Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('list.inspection')}>
            {data.lastInspectedOn ? `${data.lastInspectedOn} · ${data.inspectionPassPercent ?? 0}%` : '—'}
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Tabs
        items={[
          {
            key: 'tests',
            label: t('tabs.tests'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {canTest ? <RapidTestEntry marketId={id} /> : null}
                <RapidTestList marketId={id} blocked canHandle={canTest} />
                <RapidTestList marketId={id} blocked={false} canHandle={false} />
                {canTest ? <DeviceImport marketId={id} /> : null}
              </Space>
            ),
          },
          { key: 'prices', label: t('tabs.prices'), children: <Prices marketId={id} canEdit={canKeep} /> },
          { key: 'stalls', label: t('tabs.stalls'), children: <Stalls marketId={id} canEdit={canKeep} /> },
          {
            key: 'upkeep',
            label: t('tabs.upkeep'),
            children: <Upkeep marketId={id} cleaningLevelsAllowed={cleaningLevelsAllowed} canKeepScales={canKeep} />,
          },
          {
            key: 'inspections',
            label: t('tabs.inspections'),
            children: <Inspections marketId={id} canInspect={hasAnyRole(me, marketInspectorRoles)} />,
          },
          { key: 'stars', label: t('tabs.stars'), children: <Stars marketId={id} /> },
          ...(hasAnyRole(me, marketScreenRoles) ? [{ key: 'screen', label: t('tabs.screen'), children: <Screen marketId={id} /> }] : []),
        ]}
      />
    </>
  );
}
