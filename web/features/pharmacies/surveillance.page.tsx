import { Alert, Button, Card, Col, DatePicker, Drawer, Flex, Form, Input, Modal, Row, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { epidemicTeamRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { TrendChart, useChart } from '../../components/trend-chart.tsx';
import { chinaToday, formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  type RecordFilter,
  type RegistrationView,
  type SurveillanceView,
  useAlarms,
  useRecords,
  useReveal,
  useSurveillance,
} from './api.ts';

/**
 * The epidemic view of a day (药情监测): counts by symptom, medicine class and street, each with the records behind
 * it; the day's follow-up list (fever ≥ 37.3 °C or contact history) for the epidemic team, who alone see health data
 * and reveal ID numbers and phones (each reveal audited).
 */
export function SurveillancePage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const isEpidemicTeam = hasAnyRole(me, epidemicTeamRoles);
  const { filter: urlFilter, setFilters } = useUrlListState();
  const day = urlFilter('day') ?? chinaToday();
  const setDay = (next: string) => setFilters({ day: next });
  const view = useSurveillance(day);
  const openAlarms = useAlarms({ status: 'open' });
  const [drill, setDrill] = useState<{ title: string; filter: RecordFilter } | null>(null);
  const open = (title: string, filter: Omit<RecordFilter, 'day'>) => setDrill({ title, filter: { ...filter, day, pageSize: 50 } });
  const data = view.data;
  const count = (value: number, title: string, filter: Omit<RecordFilter, 'day'>, isHealth = false) =>
    value > 0 && (!isHealth || isEpidemicTeam) ? (
      <Button type="link" size="small" onClick={() => open(title, filter)}>
        {value}
      </Button>
    ) : (
      value
    );

  const overview = data ? (
    <Flex vertical gap={12}>
      {openAlarms.data?.total ? (
        <Alert
          type="error"
          showIcon
          data-testid="open-alarms"
          title={t('alarms.openCount', { count: openAlarms.data.total })}
          action={<Link to="/pharmacies/alarms">{t('alarms.view')}</Link>}
        />
      ) : null}
      {data.isPurged ? <Alert type="info" showIcon title={t('surveillance.purged')} /> : null}
      <Row gutter={[12, 12]}>
        {(
          [
            ['registrations', data.registrations, {}, false],
            ['buyers', data.buyers, {}, false],
            ['symptomaticPeople', data.symptomaticPeople, { group: 'symptomatic' }, true],
            ['followUpPeople', data.followUpPeople, { group: 'follow_up' }, true],
            ['contactPeople', data.contactPeople, { group: 'contact' }, true],
          ] as const
        ).map(([key, value, filter, isHealth]) => (
          <Col xs={12} md={8} lg={4} key={key}>
            <Card size="small">
              <Statistic title={t(`surveillance.${key}`)} value={value} />
              {value > 0 && (!isHealth || isEpidemicTeam) ? (
                <Button size="small" type="link" onClick={() => open(t(`surveillance.${key}`), filter)} data-testid={`drill-${key}`}>
                  {t('surveillance.records')}
                </Button>
              ) : null}
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} lg={4}>
          <Card size="small">
            <Statistic title={t('surveillance.reported')} value={data.pharmaciesReported} suffix={`/ ${data.pharmacies}`} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('surveillance.trend')}>
        <TrendChart
          categories={data.trend.map((point) => point.day.slice(5))}
          series={[
            { name: t('surveillance.symptomaticPeople'), values: data.trend.map((point) => point.symptomaticPeople) },
            { name: t('surveillance.registrations'), values: data.trend.map((point) => point.registrations) },
          ]}
          testId="symptom-trend"
        />
        <Flex wrap gap={4} data-testid="alarm-days">
          {data.trend
            .filter((point) => point.isC2Alarm || point.isC3Alarm)
            .map((point) => (
              <Tag color="red" key={point.day}>
                {t('surveillance.alarmOn', {
                  day: point.day,
                  detectors: [point.isC2Alarm ? 'C2' : '', point.isC3Alarm ? 'C3' : ''].filter(Boolean).join(' '),
                })}
              </Tag>
            ))}
        </Flex>
      </Card>
      {data.streetTrends.length ? (
        <Card size="small" title={t('surveillance.streetTrends')} data-testid="street-trends">
          <Row gutter={[12, 12]}>
            {data.streetTrends.map((street) => (
              <Col xs={24} md={12} xl={8} key={street.key}>
                <StreetChart street={street} />
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}
      <Card size="small" title={t('surveillance.byPharmacy')}>
        <Table
          size="small"
          rowKey="key"
          dataSource={data.byPharmacy}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          data-testid="by-pharmacy"
          columns={[
            { title: t('fields.pharmacy'), dataIndex: 'label' },
            { title: t('fields.symptomaticPeople'), dataIndex: 'symptomaticPeople' },
            { title: t('fields.people'), dataIndex: 'people' },
            {
              title: t('fields.registrations'),
              dataIndex: 'registrations',
              render: (value: number, row) => count(value, row.label, { pharmacyId: Number(row.key) }),
            },
          ]}
        />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('surveillance.bySymptom')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data.bySymptom}
              columns={[
                { title: t('fields.symptoms'), dataIndex: 'key', render: (key: string) => t(`symptoms.${key}`) },
                {
                  title: t('fields.people'),
                  dataIndex: 'people',
                  render: (value: number, row) =>
                    count(value, t(`symptoms.${row.key}`), { symptom: row.key as RecordFilter['symptom'] }, true),
                },
                { title: t('fields.registrations'), dataIndex: 'registrations' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('surveillance.byMedicineClass')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data.byMedicineClass}
              columns={[
                { title: t('fields.medicineClass'), dataIndex: 'key', render: (key: string) => t(`medicineClasses.${key}`) },
                { title: t('fields.people'), dataIndex: 'people' },
                {
                  title: t('fields.registrations'),
                  dataIndex: 'registrations',
                  render: (value: number, row) =>
                    count(value, t(`medicineClasses.${row.key}`), { medicineClass: row.key as RecordFilter['medicineClass'] }),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('surveillance.byStreet')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data.byStreet}
              columns={[
                { title: t('fields.street'), dataIndex: 'label' },
                { title: t('fields.symptomaticPeople'), dataIndex: 'symptomaticPeople' },
                {
                  title: t('fields.registrations'),
                  dataIndex: 'registrations',
                  render: (value: number, row) => count(value, row.label, { streetCode: row.key }),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  ) : null;

  return (
    <>
      <PageHeader
        title={t('surveillance.title')}
        extra={
          <DatePicker
            aria-label={t('surveillance.day')}
            allowClear={false}
            value={dayjs(day)}
            onChange={(value) => value && setDay(value.format('YYYY-MM-DD'))}
          />
        }
      />
      {view.error ? <Alert type="error" title={problemMessage(view.error)} /> : null}
      <Tabs
        items={[
          { key: 'overview', label: t('surveillance.overview'), children: overview },
          ...(isEpidemicTeam
            ? [
                {
                  key: 'follow-ups',
                  label: t('surveillance.followUps'),
                  children: (
                    <Flex vertical gap={8}>
                      <Button
                        href={`/api/v1/pharmacies/follow-ups.xlsx?day=${day}`}
                        style={{ alignSelf: 'flex-start' }}
                        data-testid="export-follow-ups"
                      >
                        {t('surveillance.export')}
                      </Button>
                      <RecordTable filter={{ day, group: 'follow_up', pageSize: 100 }} />
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Drawer open={drill !== null} onClose={() => setDrill(null)} title={drill?.title} size="large">
        {drill ? <RecordTable filter={drill.filter} /> : null}
      </Drawer>
    </>
  );
}

/** One street's symptomatic buyers per day, the alarm days in red and named below the chart (for screen readers too). */
function StreetChart({ street }: { street: SurveillanceView['streetTrends'][number] }) {
  const { t } = useTranslation('pharmacies');
  const option = useMemo(
    () => ({
      title: { text: street.label, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, bottom: 4, top: 32, containLabel: true },
      xAxis: { type: 'category', data: street.points.map((point) => point.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('fields.symptomaticPeople'),
          data: street.points.map((point) => ({
            value: point.symptomaticPeople,
            itemStyle: { color: point.alarm.length ? '#dc2626' : '#1d4ed8' },
          })),
        },
      ],
    }),
    [street, t],
  );
  const element = useChart(option);
  const alarmDays = street.points.filter((point) => point.alarm.length);
  return (
    <figure style={{ margin: 0 }} data-testid={`street-trend-${street.key}`}>
      <div ref={element} style={{ width: '100%', height: 180 }} role="img" aria-label={street.label} />
      <figcaption>
        <Typography.Text type={alarmDays.length ? 'danger' : 'secondary'}>
          {alarmDays.length
            ? t('surveillance.streetAlarms', {
                days: alarmDays.map((point) => `${point.day.slice(5)}（${point.alarm.join(' ')}）`).join('、'),
              })
            : t('surveillance.noStreetAlarms')}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}

function RecordTable({ filter }: { filter: RecordFilter }) {
  const { t } = useTranslation('pharmacies');
  const [page, setPage] = useState(1);
  const records = useRecords({ ...filter, page });
  const [revealing, setRevealing] = useState<{ id: number; field: 'idNumber' | 'phone' } | null>(null);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const reveal = useReveal();
  const [form] = Form.useForm<{ reason: string }>();
  const shown = (row: RegistrationView, field: 'idNumber' | 'phone') => {
    const value = revealed[`${row.id}:${field}`];
    if (value) return value;
    const masked = field === 'idNumber' ? row.idNumberMasked : row.phoneMasked;
    return row.health ? (
      <Button
        type="link"
        size="small"
        onClick={() => setRevealing({ id: row.id, field })}
        aria-label={t('surveillance.revealTitle', { field: t(`fields.${field}`) })}
      >
        {masked}
      </Button>
    ) : (
      masked
    );
  };
  const handleReveal = async () => {
    if (!revealing) return;
    const { reason } = await form.validateFields();
    const answer = await reveal.mutateAsync({ ...revealing, reason });
    setRevealed((current) => ({ ...current, [`${revealing.id}:${revealing.field}`]: answer.value }));
    setRevealing(null);
    form.resetFields();
  };
  return (
    <>
      {records.error ? <Alert type="error" title={problemMessage(records.error)} /> : null}
      <Table<RegistrationView>
        size="small"
        rowKey="id"
        loading={records.isFetching}
        dataSource={records.data?.items}
        scroll={{ x: 900 }}
        pagination={{
          current: page,
          pageSize: filter.pageSize ?? 20,
          total: records.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('fields.registeredAt'), dataIndex: 'registeredAt', render: (value: string) => formatDateTime(value) },
          { title: t('fields.pharmacy'), dataIndex: 'pharmacyName' },
          { title: t('fields.buyerName'), dataIndex: 'buyerName' },
          { title: t('fields.idNumber'), key: 'idNumber', render: (_value, row) => shown(row, 'idNumber') },
          { title: t('fields.phone'), key: 'phone', render: (_value, row) => shown(row, 'phone') },
          { title: t('fields.medicineClass'), dataIndex: 'medicineClass', render: (key: string) => `${t(`medicineClasses.${key}`)}` },
          {
            title: t('fields.health'),
            key: 'health',
            render: (_value, row) =>
              row.health ? (
                <Flex wrap gap={4}>
                  {row.health.temperature !== null ? (
                    <Tag color={row.health.temperature >= 37.3 ? 'red' : 'default'}>{row.health.temperature.toFixed(1)}℃</Tag>
                  ) : null}
                  {row.health.symptoms.map((symptom) => (
                    <Tag key={symptom}>{t(`symptoms.${symptom}`)}</Tag>
                  ))}
                  {row.health.hasContactHistory ? <Tag color="volcano">{t('fields.hasContactHistory')}</Tag> : null}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('surveillance.healthHidden')}</Typography.Text>
              ),
          },
        ]}
      />
      <Modal
        open={revealing !== null}
        title={revealing ? t('surveillance.revealTitle', { field: t(`fields.${revealing.field}`) }) : ''}
        onOk={handleReveal}
        confirmLoading={reveal.isPending}
        onCancel={() => setRevealing(null)}
      >
        {reveal.error ? <Alert type="error" title={problemMessage(reveal.error)} /> : null}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('surveillance.revealReason')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
