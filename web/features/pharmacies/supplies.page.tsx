import { Alert, App, Button, Card, Flex, Form, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { ScatterChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bureauStaffRoles } from '../../../shared/roles.ts';
import { supplyItems } from '../../../shared/vocabularies/pharmacies.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useChart } from '../../components/trend-chart.tsx';
import { chinaToday, formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type SupplyView, usePharmacies, useReportSupplies, useSupplies } from './api.ts';

echarts.use([ScatterChart]);

/** Epidemic supplies: the pharmacy reports today's stock; staff see every pharmacy's stock and shortages on a map. */
export function SuppliesPage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  return (
    <>
      <PageHeader title={t('supplies.title')} />
      {me?.roles.includes('operator') ? <StockForm /> : null}
      {hasAnyRole(me, [...bureauStaffRoles, 'operator']) ? <SupplyOverview /> : null}
    </>
  );
}

function StockForm() {
  const { t } = useTranslation('pharmacies');
  const { message } = App.useApp();
  const pharmacies = usePharmacies();
  const report = useReportSupplies();
  const [form] = Form.useForm<{ pharmacyId: number; masks: number; alcohol: number; thermometers: number }>();
  const [problems, setProblems] = useState<string[]>([]);
  const handleFinish = async (values: { pharmacyId: number; masks: number; alcohol: number; thermometers: number }) => {
    setProblems([]);
    try {
      const answer = await report.mutateAsync({ ...values, pharmacyId: values.pharmacyId ?? pharmacies.data?.items[0]?.id });
      message.success(
        answer.shortages.length
          ? t('supplies.savedShort', { items: answer.shortages.map((item) => t(`supplies.items.${item}`)).join('、') })
          : t('supplies.saved'),
      );
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <Card size="small" title={t('supplies.report')} style={{ maxWidth: 560, marginBottom: 16 }}>
      {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ pharmacyId: pharmacies.data?.items[0]?.id }}
        key={pharmacies.data?.items[0]?.id ?? 0}
      >
        {pharmacies.data && pharmacies.data.items.length > 1 ? (
          <Form.Item name="pharmacyId" label={t('fields.pharmacy')}>
            <Select options={pharmacies.data.items.map((pharmacy) => ({ value: pharmacy.id, label: pharmacy.name }))} />
          </Form.Item>
        ) : null}
        {supplyItems.map((item) => (
          <Form.Item key={item} name={item} label={t(`supplies.items.${item}`)} rules={[{ required: true }]}>
            <InputNumber min={0} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" block size="large" loading={report.isPending}>
          {t('supplies.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function ShortageMap({ items }: { items: SupplyView['items'] }) {
  const { t } = useTranslation('pharmacies');
  const option = useMemo(() => {
    const placed = items.filter((item) => item.lng !== null && item.lat !== null);
    return {
      tooltip: { trigger: 'item', formatter: (point: { data: [number, number, string] }) => point.data[2] },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'value', scale: true, show: false },
      yAxis: { type: 'value', scale: true, show: false },
      legend: { top: 0 },
      series: [
        {
          name: t('supplies.stocked'),
          type: 'scatter',
          symbolSize: 6,
          itemStyle: { color: '#16a34a' },
          data: placed.filter((item) => item.shortages.length === 0 && !item.isStale).map((item) => [item.lng, item.lat, item.name]),
        },
        {
          name: t('supplies.short'),
          type: 'scatter',
          symbolSize: 12,
          itemStyle: { color: '#dc2626' },
          data: placed.filter((item) => item.shortages.length > 0).map((item) => [item.lng, item.lat, item.name]),
        },
        {
          name: t('supplies.stale'),
          type: 'scatter',
          symbolSize: 6,
          itemStyle: { color: '#94a3b8' },
          data: placed.filter((item) => item.isStale).map((item) => [item.lng, item.lat, item.name]),
        },
      ],
    };
  }, [items, t]);
  const element = useChart(option);
  return <div ref={element} style={{ height: 320 }} data-testid="shortage-map" role="img" aria-label={t('supplies.map')} />;
}

function SupplyOverview() {
  const { t } = useTranslation('pharmacies');
  const supplies = useSupplies(chinaToday());
  const data = supplies.data;
  const [onlyShort, setOnlyShort] = useState(true);
  const rows = (data?.items ?? []).filter((item) => !onlyShort || item.shortages.length > 0 || item.isStale);
  return (
    <Flex vertical gap={12}>
      {supplies.error ? <Alert type="error" title={problemMessage(supplies.error)} /> : null}
      {data ? (
        <Typography.Paragraph>
          {t('supplies.summary', { short: data.short, total: data.total })}{' '}
          <Typography.Text type="secondary">
            {t('supplies.thresholds', {
              masks: data.thresholds.masks,
              alcohol: data.thresholds.alcohol,
              thermometers: data.thresholds.thermometers,
            })}
          </Typography.Text>
        </Typography.Paragraph>
      ) : null}
      {data ? (
        <Card size="small" title={t('supplies.map')}>
          <ShortageMap items={data.items} />
        </Card>
      ) : null}
      <Button onClick={() => setOnlyShort(!onlyShort)} style={{ alignSelf: 'flex-start' }}>
        {onlyShort ? t('supplies.showAll') : t('supplies.showShort')}
      </Button>
      <Table<SupplyView['items'][number]>
        size="small"
        rowKey="pharmacyId"
        loading={supplies.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: t('fields.pharmacy'), dataIndex: 'name' },
          { title: t('supplies.items.masks'), dataIndex: 'masks', responsive: ['md'] },
          { title: t('supplies.items.alcohol'), dataIndex: 'alcohol', responsive: ['md'] },
          { title: t('supplies.items.thermometers'), dataIndex: 'thermometers', responsive: ['md'] },
          {
            title: t('supplies.status'),
            key: 'status',
            render: (_value, row) =>
              row.isStale ? (
                <Tag>{t('supplies.stale')}</Tag>
              ) : row.shortages.length ? (
                row.shortages.map((item) => (
                  <Tag color="red" key={item}>
                    {t(`supplies.items.${item}`)}
                  </Tag>
                ))
              ) : (
                <Tag color="green">{t('supplies.stocked')}</Tag>
              ),
          },
          { title: t('supplies.reportOn'), dataIndex: 'reportOn', responsive: ['md'], render: (value: string | null) => formatDate(value) },
        ]}
      />
    </Flex>
  );
}
