import { Alert, Card, Col, DatePicker, Form, Row, Segmented, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { YearTrend } from '../../components/figure-trend.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useChart } from '../../components/trend-chart.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { type RatesView, useRates } from './api.ts';

type Group = RatesView['groups'][number];
const percent = (rate: { percent: number | null; counted: number; total: number }) =>
  rate.percent === null ? '—' : `${rate.percent}%（${rate.counted}/${rate.total}）`;

/** 三率: use-registration, periodic-inspection (定检率) and certified-operator rates as of any day, by street, kind or user. */
export function RatesPage() {
  const { t } = useTranslation('special-equipment');
  const [params, setParams] = useSearchParams();
  const on = params.get('on') ?? chinaToday();
  const by = (params.get('by') ?? 'street') as 'street' | 'kind' | 'user';
  const rates = useRates({ on, by });
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(name, value);
    setParams(next);
  };
  const overall = rates.data?.overall;
  return (
    <>
      <PageHeader title={t('rates.title')} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('rates.setting')} />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('rates.on')}>
          <DatePicker allowClear={false} value={dayjs(on)} onChange={(value) => value && set('on', value.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item label={t('rates.by')}>
          <Segmented
            value={by}
            onChange={(value) => set('by', String(value))}
            options={['street', 'kind', 'user'].map((value) => ({ value, label: t(`rates.byOptions.${value}`) }))}
          />
        </Form.Item>
      </Form>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {(['registration', 'periodicInspection', 'certifiedOperator'] as const).map((key) => (
          <Col xs={24} md={8} key={key}>
            <Card size="small" loading={rates.isLoading}>
              <Statistic
                title={t(`rates.${key}`)}
                value={overall?.[key].percent ?? '—'}
                suffix={overall?.[key].percent === null ? '' : '%'}
                precision={overall?.[key].percent === null ? undefined : 2}
              />
              <div>{overall ? `${overall[key].counted} / ${overall[key].total}` : ''}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <GroupChart groups={rates.data?.groups ?? []} />
      <Table<Group>
        rowKey="key"
        size="small"
        loading={rates.isLoading}
        dataSource={rates.data?.groups ?? []}
        scroll={{ x: 700 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t(`rates.byOptions.${by}`), dataIndex: 'label' },
          { title: t('rates.registration'), key: 'registration', render: (_, row) => percent(row.registration) },
          { title: t('rates.periodicInspection'), key: 'periodicInspection', render: (_, row) => percent(row.periodicInspection) },
          { title: t('rates.certifiedOperator'), key: 'certifiedOperator', render: (_, row) => percent(row.certifiedOperator) },
        ]}
        style={{ marginBottom: 16 }}
      />
      <YearTrend figureKey="special-equipment.periodic-inspection-rate" year={Number(on.slice(0, 4))} title={t('rates.trend')} />
    </>
  );
}

function GroupChart({ groups }: { groups: Group[] }) {
  const { t } = useTranslation('special-equipment');
  const shown = groups.slice(0, 20);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 60 },
      xAxis: { type: 'category', data: shown.map((group) => group.label), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: (['registration', 'periodicInspection', 'certifiedOperator'] as const).map((key) => ({
        name: t(`rates.${key}`),
        type: 'bar',
        data: shown.map((group) => group[key].percent),
      })),
    }),
    [shown, t],
  );
  const element = useChart(option);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <div ref={element} style={{ height: 280, width: '100%' }} role="img" aria-label={t('rates.chart')} data-testid="rates-chart" />
    </Card>
  );
}
