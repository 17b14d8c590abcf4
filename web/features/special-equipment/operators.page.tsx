import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { caseWorkerAndOperatorRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaTodayPicker, formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type DrillView,
  type EmergencyPlanView,
  type OperatorView,
  useCreateDrill,
  useCreateEmergencyPlan,
  useCreateOperator,
  useDrills,
  useEmergencyPlans,
  useEquipmentUsers,
  useOperators,
} from './api.ts';

const stateColours = { valid: 'green', expiring: 'gold', expired: 'red', none: 'red' } as const;
const writerRoles = caseWorkerAndOperatorRoles;

/** 作业人员与应急演练: certified operators with expiry warnings, and emergency drills. */
export function OperatorsPage() {
  const { t } = useTranslation('special-equipment');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'operators';
  return (
    <>
      <PageHeader title={t('operators.title')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams({ tab: key }))}
        items={[
          { key: 'operators', label: t('operators.tab'), children: <Operators /> },
          { key: 'expiring', label: t('operators.expiringTab'), children: <Operators isExpiring /> },
          { key: 'plans', label: t('plans.tab'), children: <Plans /> },
          { key: 'drills', label: t('drills.tab'), children: <Drills /> },
        ]}
      />
    </>
  );
}

function UserSelect(props: { value?: number; onChange?: (value: number) => void; allowClear?: boolean }) {
  const [search, setSearch] = useState('');
  const users = useEquipmentUsers(search);
  return (
    <Select
      {...props}
      showSearch
      filterOption={false}
      onSearch={setSearch}
      loading={users.isLoading}
      style={{ minWidth: 240 }}
      options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: user.name }))}
    />
  );
}

function Operators({ isExpiring = false }: { isExpiring?: boolean }) {
  const { t } = useTranslation('special-equipment');
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const list = useOperators({ page, pageSize: 20, ...(isExpiring ? { expiringWithinDays: 30 } : {}) });
  return (
    <>
      {hasAnyRole(me, writerRoles) && !isExpiring ? <OperatorForm /> : null}
      <Table<OperatorView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.holderName'), dataIndex: 'holderName' },
          { title: t('fields.workItem'), dataIndex: 'workItem' },
          { title: t('fields.user'), dataIndex: 'entityName' },
          { title: t('fields.certificateNumber'), dataIndex: 'certificateNumber', render: (value: string | null) => value ?? '—' },
          { title: t('fields.validUntil'), dataIndex: 'validUntil', render: (day: string | null) => (day ? formatDate(day) : '—') },
          {
            title: t('fields.certificateState'),
            dataIndex: 'certificateState',
            render: (state: OperatorView['certificateState']) => <Tag color={stateColours[state]}>{t(`certificateStates.${state}`)}</Tag>,
          },
        ]}
      />
    </>
  );
}

function OperatorForm() {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<{
    entityId: number;
    holderName: string;
    workItem: string;
    certificateNumber?: string;
    validUntil?: Dayjs;
    onDutyFrom: Dayjs;
  }>();
  const create = useCreateOperator();
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <Card size="small" title={t('operators.add')} style={{ marginBottom: 16 }}>
      {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 8 }} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ onDutyFrom: chinaTodayPicker() }}
        onFinish={async (values) => {
          setMessages([]);
          try {
            await create.mutateAsync({
              entityId: values.entityId,
              holderName: values.holderName,
              workItem: values.workItem,
              onDutyFrom: values.onDutyFrom.format('YYYY-MM-DD'),
              ...(values.certificateNumber ? { certificateNumber: values.certificateNumber } : {}),
              ...(values.validUntil ? { validUntil: values.validUntil.format('YYYY-MM-DD') } : {}),
            });
            form.resetFields();
          } catch (error) {
            setMessages(applyProblemToForm(form, error));
          }
        }}
      >
        <Form.Item name="entityId" label={t('fields.user')} rules={[{ required: true }]}>
          <UserSelect />
        </Form.Item>
        <Form.Item name="holderName" label={t('fields.holderName')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="workItem" label={t('fields.workItem')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="certificateNumber" label={t('fields.certificateNumber')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('fields.validUntil')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="onDutyFrom" label={t('fields.onDutyFrom')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={create.isPending}>
          {t('actions.save')}
        </Button>
      </Form>
    </Card>
  );
}

function Drills() {
  const { t } = useTranslation('special-equipment');
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const list = useDrills({ page, pageSize: 20 });
  const create = useCreateDrill();
  const [form] = Form.useForm<{
    entityId?: number;
    planId?: number;
    scenario: string;
    heldOn: Dayjs;
    participants: number;
    lessons?: string;
  }>();
  const chosenUser = Form.useWatch('entityId', form);
  const plans = useEmergencyPlans({ page: 1, pageSize: 100, ...(chosenUser ? { entityId: chosenUser } : {}) });
  const planOptions = (plans.data?.items ?? [])
    .filter((plan) => plan.entityId === null || plan.entityId === chosenUser)
    .map((plan) => ({ value: plan.id, label: plan.title }));
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <>
      {hasAnyRole(me, writerRoles) ? (
        <Card size="small" title={t('drills.add')} style={{ marginBottom: 16 }}>
          {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 8 }} /> : null}
          <Form
            form={form}
            layout="inline"
            style={{ rowGap: 8 }}
            initialValues={{ heldOn: chinaTodayPicker() }}
            onFinish={async (values) => {
              setMessages([]);
              try {
                await create.mutateAsync({
                  ...(values.entityId ? { entityId: values.entityId } : {}),
                  ...(values.planId ? { planId: values.planId } : {}),
                  scenario: values.scenario,
                  heldOn: values.heldOn.format('YYYY-MM-DD'),
                  participants: values.participants,
                  lessons: values.lessons ?? '',
                });
                form.resetFields();
              } catch (error) {
                setMessages(applyProblemToForm(form, error));
              }
            }}
          >
            <Form.Item name="entityId" label={t('drills.user')}>
              <UserSelect allowClear />
            </Form.Item>
            <Form.Item name="planId" label={t('drills.plan')}>
              <Select allowClear style={{ width: 220 }} options={planOptions} aria-label={t('drills.plan')} />
            </Form.Item>
            <Form.Item name="scenario" label={t('fields.scenario')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="heldOn" label={t('fields.heldOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="participants" label={t('fields.participants')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100000} />
            </Form.Item>
            <Form.Item name="lessons" label={t('fields.lessons')}>
              <Input maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={create.isPending}>
              {t('actions.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<DrillView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.heldOn'), dataIndex: 'heldOn', render: formatDate },
          { title: t('fields.scenario'), dataIndex: 'scenario' },
          { title: t('drills.user'), dataIndex: 'entityName', render: (name: string | null) => name ?? t('drills.district') },
          { title: t('drills.plan'), dataIndex: 'planTitle', render: (title: string | null) => title ?? '—' },
          { title: t('fields.participants'), dataIndex: 'participants' },
          { title: t('fields.lessons'), dataIndex: 'lessons', ellipsis: true },
        ]}
      />
    </>
  );
}

/** 应急预案: the district's plans and each user's, with their review day and the drills that exercised them. */
function Plans() {
  const { t } = useTranslation('special-equipment');
  const me = useMe().data;
  const [page, setPage] = useState(1);
  const list = useEmergencyPlans({ page, pageSize: 20 });
  const create = useCreateEmergencyPlan();
  const [form] = Form.useForm<{ entityId?: number; title: string; scenarios?: string; approvedOn: Dayjs; reviewDue?: Dayjs }>();
  const [messages, setMessages] = useState<string[]>([]);
  return (
    <>
      {hasAnyRole(me, writerRoles) ? (
        <Card size="small" title={t('plans.add')} style={{ marginBottom: 16 }}>
          {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 8 }} /> : null}
          <Form
            form={form}
            layout="inline"
            style={{ rowGap: 8 }}
            initialValues={{ approvedOn: chinaTodayPicker() }}
            onFinish={async (values) => {
              setMessages([]);
              try {
                await create.mutateAsync({
                  ...(values.entityId ? { entityId: values.entityId } : {}),
                  title: values.title,
                  scenarios: values.scenarios ?? '',
                  approvedOn: values.approvedOn.format('YYYY-MM-DD'),
                  ...(values.reviewDue ? { reviewDue: values.reviewDue.format('YYYY-MM-DD') } : {}),
                });
                form.resetFields();
              } catch (error) {
                setMessages(applyProblemToForm(form, error));
              }
            }}
          >
            <Form.Item name="entityId" label={t('drills.user')}>
              <UserSelect allowClear />
            </Form.Item>
            <Form.Item name="title" label={t('plans.planTitle')} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="scenarios" label={t('plans.scenarios')}>
              <Input maxLength={2000} />
            </Form.Item>
            <Form.Item name="approvedOn" label={t('plans.approvedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reviewDue" label={t('plans.reviewDue')} extra={t('plans.reviewHint')}>
              <DatePicker />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={create.isPending}>
              {t('actions.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <Table<EmergencyPlanView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('plans.planTitle'), dataIndex: 'title' },
          { title: t('drills.user'), dataIndex: 'entityName', render: (name: string | null) => name ?? t('drills.district') },
          { title: t('plans.approvedOn'), dataIndex: 'approvedOn', render: formatDate },
          {
            title: t('plans.reviewDue'),
            dataIndex: 'reviewDue',
            render: (day: string, plan) => (
              <>
                {formatDate(day)} {plan.isReviewDue ? <Tag color="red">{t('plans.reviewOverdue')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('plans.drills'),
            dataIndex: 'drillCount',
            render: (n: number, plan) => (plan.lastDrillOn ? `${n}（${formatDate(plan.lastDrillOn)}）` : String(n)),
          },
        ]}
      />
    </>
  );
}
