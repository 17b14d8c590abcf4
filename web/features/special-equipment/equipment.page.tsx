import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, List, Select, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { caseWorkerRoles, type Role } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaTodayPicker, formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type InspectionView, useEquipment, useRecordInspection, useRecordMaintenance, useUpdateEquipment } from './api.ts';
import { DueTag, HazardStatusTag, RegistrationTag } from './equipment-table.tsx';

const keeperRoles = caseWorkerRoles;
/** Who enters inspection results: staff, and the inspection body. */
const inspectionRoles: readonly Role[] = [...keeperRoles, 'inspection_body'];
/** Who records elevator maintenance: staff, the user, and its maintenance unit. */
const maintenanceRoles: readonly Role[] = [...keeperRoles, 'operator', 'maintenance_unit'];
/** Who records hazards: staff and the third-party expert. */
const hazardRecorderRoles: readonly Role[] = [...keeperRoles, 'expert'];

/** One piece of equipment: its register entry and its history (inspections, maintenance, hazards). */
export function EquipmentPage() {
  const { t } = useTranslation('special-equipment');
  const id = Number(useParams().id);
  const detail = useEquipment(id);
  const me = useMe().data;
  const isKeeper = hasAnyRole(me, keeperRoles);
  const navigate = useNavigate();
  if (detail.error) return <Alert type="error" message={problemMessage(detail.error)} />;
  const equipment = detail.data?.equipment;
  return (
    <>
      <PageHeader
        title={equipment ? `${t(`kinds.${equipment.kind}`)} ${equipment.registrationCode}` : t('equipment.title')}
        extra={
          equipment && hasAnyRole(me, hazardRecorderRoles) ? (
            <Button onClick={() => navigate(`/special-equipment/hazards/new?equipmentId=${equipment.id}`)}>{t('hazards.record')}</Button>
          ) : null
        }
      />
      <Card loading={detail.isLoading} style={{ marginBottom: 16 }}>
        {equipment ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label={t('fields.user')}>{equipment.entityName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.address')}>{equipment.address}</Descriptions.Item>
            <Descriptions.Item label={t('fields.coordinates')}>
              {equipment.latitude !== null && equipment.longitude !== null ? `${equipment.latitude}, ${equipment.longitude}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.firstUsedOn')}>{formatDate(equipment.firstUsedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.registration')}>
              <RegistrationTag state={equipment.registrationState} /> {equipment.useCertificateNumber ?? ''}{' '}
              {equipment.registeredOn
                ? formatDate(equipment.registeredOn)
                : t('equipment.registerBy', { day: formatDate(equipment.registrationDeadline) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.nextDueOn')}>
              {formatDate(equipment.nextDueOn)} <DueTag flag={equipment.dueFlag} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.status')}>
              {t(`statuses.${equipment.status}`)}（{formatDate(equipment.statusSince)}）
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.maker')}>{equipment.maker || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.installer')}>{equipment.installer || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.maintenanceUnit')}>{equipment.maintenanceUnit || '—'}</Descriptions.Item>
            {equipment.kind === 'elevator' ? (
              <Descriptions.Item label={t('fields.lastMaintainedOn')}>
                {equipment.lastMaintainedOn ? formatDate(equipment.lastMaintainedOn) : '—'}{' '}
                {equipment.isMaintenanceMissed ? <Tag color="red">{t('equipment.maintenanceMissed')}</Tag> : null}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('equipment.statusHistory')} size="small" style={{ marginBottom: 16 }}>
        <Timeline
          items={(detail.data?.statusHistory ?? []).map((change) => ({
            color: change.status === 'in_use' ? 'green' : change.status === 'stopped' ? 'orange' : 'gray',
            children: (
              <span>
                {formatDate(change.since)} · {t(`statuses.${change.status}`)}
                {change.reason ? ` · ${change.reason}` : ''}
              </span>
            ),
          }))}
        />
        {equipment && isKeeper && equipment.status !== 'scrapped' ? <StatusForm id={id} /> : null}
      </Card>
      <Card title={t('equipment.inspections')} size="small" style={{ marginBottom: 16 }}>
        {hasAnyRole(me, inspectionRoles) && equipment ? <InspectionForm id={id} /> : null}
        <Table<InspectionView>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={detail.data?.inspections ?? []}
          columns={[
            { title: t('fields.inspectedOn'), dataIndex: 'inspectedOn', render: formatDate },
            { title: t('fields.result'), dataIndex: 'result', render: (result: string) => t(`results.${result}`) },
            { title: t('fields.inspectionBody'), dataIndex: 'inspectionBody' },
            { title: t('fields.reportNumber'), dataIndex: 'reportNumber' },
            { title: t('fields.nextDueOn'), dataIndex: 'nextDueOn', render: formatDate },
          ]}
        />
      </Card>
      {equipment?.kind === 'elevator' ? (
        <Card title={t('equipment.maintenance')} size="small" style={{ marginBottom: 16 }}>
          {hasAnyRole(me, maintenanceRoles) ? <MaintenanceForm id={id} /> : null}
          <List
            size="small"
            dataSource={detail.data?.maintenance ?? []}
            renderItem={(item) => (
              <List.Item>
                {formatDate(item.maintainedOn)} · {item.maintainer} {item.note}
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card title={t('equipment.reminders')} size="small" style={{ marginBottom: 16 }}>
        <List
          size="small"
          locale={{ emptyText: t('equipment.noReminders') }}
          dataSource={detail.data?.reminders ?? []}
          renderItem={(reminder) => (
            <List.Item>
              {formatDate(reminder.sentOn)} · {t(`reminderKinds.${reminder.kind}`, { day: formatDate(reminder.dueOn) })}{' '}
              {reminder.isTexted ? <Tag>{t('equipment.texted')}</Tag> : null}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('equipment.hazards')} size="small">
        <List
          size="small"
          dataSource={detail.data?.hazards ?? []}
          renderItem={(hazard) => (
            <List.Item>
              <Link to={`/special-equipment/hazards/${hazard.id}`}>
                {formatDate(hazard.foundOn)} · {hazard.description}
              </Link>{' '}
              <HazardStatusTag hazard={hazard} />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

function InspectionForm({ id }: { id: number }) {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<{ inspectedOn: Dayjs; result: string; inspectionBody: string; reportNumber: string; note?: string }>();
  const record = useRecordInspection(id);
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ inspectedOn: chinaTodayPicker(), result: 'pass' }}
      onFinish={async (values) => {
        setMessages([]);
        try {
          await record.mutateAsync({ ...values, inspectedOn: values.inspectedOn.format('YYYY-MM-DD'), note: values.note ?? '' });
          form.resetFields();
        } catch (error) {
          setMessages(applyProblemToForm(form, error));
        }
      }}
    >
      {messages.length ? <Alert type="error" message={messages.join('；')} /> : null}
      <Form.Item name="inspectedOn" label={t('fields.inspectedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="result" label={t('fields.result')} rules={[{ required: true }]}>
        <Select
          style={{ width: 140 }}
          options={['pass', 'pass_after_rectification', 'fail'].map((value) => ({ value, label: t(`results.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="inspectionBody" label={t('fields.inspectionBody')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="reportNumber" label={t('fields.reportNumber')} rules={[{ required: true }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={record.isPending}>
        {t('equipment.recordInspection')}
      </Button>
    </Form>
  );
}

/** The maintenance unit's phone form: one tap after the half-monthly maintenance. */
function MaintenanceForm({ id }: { id: number }) {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<{ maintainedOn: Dayjs; maintainer: string; note?: string }>();
  const record = useRecordMaintenance(id);
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ maintainedOn: chinaTodayPicker() }}
      onFinish={async (values) => {
        setMessages([]);
        try {
          await record.mutateAsync({ ...values, maintainedOn: values.maintainedOn.format('YYYY-MM-DD'), note: values.note ?? '' });
          form.resetFields(['note']);
        } catch (error) {
          setMessages(applyProblemToForm(form, error));
        }
      }}
    >
      {messages.length ? <Alert type="error" message={messages.join('；')} /> : null}
      <Form.Item name="maintainedOn" label={t('fields.maintainedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="maintainer" label={t('fields.maintainer')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Button htmlType="submit" loading={record.isPending}>
        {t('equipment.recordMaintenance')}
      </Button>
    </Form>
  );
}

function StatusForm({ id }: { id: number }) {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<{ status: string; statusSince: Dayjs; statusReason: string }>();
  const update = useUpdateEquipment(id);
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <Card size="small" type="inner" title={t('equipment.changeStatus')}>
      {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 8 }} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ statusSince: chinaTodayPicker() }}
        onFinish={async (values) => {
          setMessages([]);
          try {
            await update.mutateAsync({
              status: values.status,
              statusSince: values.statusSince.format('YYYY-MM-DD'),
              statusReason: values.statusReason,
            });
            form.resetFields(['statusReason']);
          } catch (error) {
            setMessages(applyProblemToForm(form, error));
          }
        }}
      >
        <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
          <Select
            style={{ width: 120 }}
            options={['in_use', 'stopped', 'scrapped'].map((value) => ({ value, label: t(`statuses.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="statusSince" label={t('fields.statusSince')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="statusReason" label={t('fields.statusReason')} rules={[{ required: true }]}>
          <Input maxLength={500} style={{ width: 240 }} />
        </Form.Item>
        <Button htmlType="submit" loading={update.isPending}>
          {t('actions.save')}
        </Button>
      </Form>
    </Card>
  );
}
