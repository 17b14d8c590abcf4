import { Alert, Button, Card, DatePicker, Flex, Form, Input, List, Modal, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bureauStaffRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday, formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type AttendanceView, useAttendance, useCheck, usePharmacies, usePharmacists, useRegisterPharmacist } from './api.ts';

/** Where the phone is, if it tells: the check-in records it beside the server's time. */
function currentPlace(): Promise<{ lng: number | null; lat: number | null }> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve({ lng: null, lat: null });
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ lng: position.coords.longitude, lat: position.coords.latitude }),
      () => resolve({ lng: null, lat: null }),
      { timeout: 5_000, maximumAge: 60_000 },
    );
  });
}

/**
 * 阳光药师: on the pharmacy's phone, its pharmacists check in and out; bureau staff see the month's attendance rate
 * per pharmacy, station and district, and today's pharmacies open without their pharmacist.
 */
export function AttendancePage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const isStaff = hasAnyRole(me, bureauStaffRoles);
  return (
    <>
      <PageHeader title={t('attendance.title')} />
      {me?.roles.includes('operator') ? <CheckInPanel /> : null}
      {isStaff ? <MonthlyRates /> : null}
    </>
  );
}

function CheckInPanel() {
  const { t } = useTranslation('pharmacies');
  const pharmacists = usePharmacists();
  const check = useCheck();
  const pharmacies = usePharmacies();
  const register = useRegisterPharmacist();
  const [isAdding, setIsAdding] = useState(false);
  const [form] = Form.useForm<{ pharmacyId: number; name: string; licenceNumber: string }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [awayMetres, setAwayMetres] = useState<number | null>(null);
  const handleCheck = async (pharmacistId: number, direction: 'in' | 'out') => {
    setProblems([]);
    setAwayMetres(null);
    try {
      const shift = await check.mutateAsync({ direction, pharmacistId, ...(await currentPlace()) });
      if (direction === 'in' && shift.isAway) setAwayMetres(shift.distanceMetres);
    } catch (error) {
      setProblems([problemMessage(error)]);
    }
  };
  const handleAdd = async () => {
    const values = await form.validateFields();
    try {
      await register.mutateAsync(values);
      setIsAdding(false);
      form.resetFields();
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <Card
      size="small"
      title={t('attendance.checkIn')}
      extra={<Button onClick={() => setIsAdding(true)}>{t('attendance.addPharmacist')}</Button>}
      style={{ maxWidth: 560, marginBottom: 16 }}
    >
      {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
      {awayMetres !== null ? <Alert type="warning" showIcon title={t('attendance.awayWarning', { metres: awayMetres })} /> : null}
      {pharmacists.error ? <Alert type="error" title={problemMessage(pharmacists.error)} /> : null}
      <List
        dataSource={pharmacists.data?.items ?? []}
        locale={{ emptyText: t('attendance.noPharmacists') }}
        renderItem={(pharmacist) => (
          <List.Item
            actions={[
              pharmacist.today === null ? (
                <Button type="primary" size="large" key="in" onClick={() => handleCheck(pharmacist.id, 'in')} loading={check.isPending}>
                  {t('attendance.in')}
                </Button>
              ) : pharmacist.today.checkedOutAt === null ? (
                <Button size="large" key="out" onClick={() => handleCheck(pharmacist.id, 'out')} loading={check.isPending}>
                  {t('attendance.out')}
                </Button>
              ) : (
                <Tag key="done" color="green">
                  {t('attendance.done')}
                </Tag>
              ),
            ]}
          >
            <Flex vertical>
              <Typography.Text strong>{pharmacist.name}</Typography.Text>
              <Typography.Text type="secondary">
                {pharmacist.pharmacyName}
                {pharmacist.today ? ` · ${t('attendance.in')} ${formatDateTime(pharmacist.today.checkedInAt)}` : ''}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Modal
        open={isAdding}
        title={t('attendance.addPharmacist')}
        onOk={handleAdd}
        confirmLoading={register.isPending}
        onCancel={() => setIsAdding(false)}
      >
        <Form form={form} layout="vertical" initialValues={{ pharmacyId: pharmacies.data?.items[0]?.id }}>
          <Form.Item name="pharmacyId" label={t('fields.pharmacy')} rules={[{ required: true }]}>
            <Select options={(pharmacies.data?.items ?? []).map((pharmacy) => ({ value: pharmacy.id, label: pharmacy.name }))} />
          </Form.Item>
          <Form.Item name="name" label={t('attendance.name')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="licenceNumber" label={t('attendance.licenceNumber')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function MonthlyRates() {
  const { t } = useTranslation('pharmacies');
  const { filter, setFilters } = useUrlListState();
  const month = filter('month') ?? chinaToday().slice(0, 7);
  const attendance = useAttendance(month, true);
  const data = attendance.data;
  const rate = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);
  const columns = [
    { title: t('fields.pharmacy'), dataIndex: 'label' },
    { title: t('attendance.due'), dataIndex: 'due', responsive: ['md' as const] },
    { title: t('attendance.covered'), dataIndex: 'covered', responsive: ['md' as const] },
    { title: t('attendance.rate'), dataIndex: 'rate', render: rate },
  ];
  return (
    <Flex vertical gap={12}>
      <DatePicker
        picker="month"
        aria-label={t('attendance.month')}
        allowClear={false}
        value={dayjs(`${month}-01`)}
        onChange={(value) => value && setFilters({ month: value.format('YYYY-MM') })}
        style={{ width: 160 }}
      />
      {attendance.error ? <Alert type="error" title={problemMessage(attendance.error)} /> : null}
      {data ? (
        <>
          <Flex gap={12} wrap>
            <Card size="small">
              <Statistic title={t('attendance.districtRate')} value={rate(data.district.rate)} />
            </Card>
            <Card size="small">
              <Typography.Text type="secondary">
                {t('attendance.rules', {
                  opensAt: data.rules.opensAt,
                  closesAt: data.rules.closesAt,
                  tolerance: data.rules.toleranceMinutes,
                })}
              </Typography.Text>
            </Card>
          </Flex>
          {data.openWithoutPharmacist.length ? (
            <Alert
              type="warning"
              showIcon
              title={t('attendance.openWithout', { count: data.openWithoutPharmacist.length })}
              description={data.openWithoutPharmacist.map((row) => `${row.name}（${row.streetName}）`).join('、')}
            />
          ) : null}
          {data.awayCheckIns.length ? (
            <Card size="small" title={t('attendance.awayTitle')} data-testid="away-check-ins">
              <Table<AttendanceView['awayCheckIns'][number]>
                size="small"
                rowKey={(row) => `${row.pharmacyId}:${row.day}:${row.pharmacistName}`}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                dataSource={data.awayCheckIns}
                columns={[
                  { title: t('attendance.day'), dataIndex: 'day' },
                  { title: t('fields.pharmacy'), dataIndex: 'name' },
                  { title: t('attendance.name'), dataIndex: 'pharmacistName' },
                  { title: t('attendance.checkedInAt'), dataIndex: 'checkedInAt', render: (value: string) => formatDateTime(value) },
                  { title: t('attendance.distance'), dataIndex: 'distanceMetres', render: (value: number) => `${value} m` },
                ]}
              />
            </Card>
          ) : null}
          <Card size="small" title={t('attendance.byStation')}>
            <Table<AttendanceView['stations'][number]>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={data.stations}
              columns={columns}
            />
          </Card>
          <Card size="small" title={t('attendance.byPharmacy')}>
            <Table<AttendanceView['pharmacies'][number]>
              size="small"
              rowKey="key"
              dataSource={data.pharmacies}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={columns}
            />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
