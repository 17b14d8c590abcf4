import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { creditClasses, planKinds } from '../../../shared/vocabularies/random-inspections.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import {
  type InspectorView,
  type PlanBody,
  useAlerts,
  useCreateMatter,
  useCreatePlan,
  useCreditClasses,
  useDirectoryObjects,
  useInspectors,
  useMatters,
  usePlans,
  useSetCertificate,
} from './api.ts';

const classColours: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

function PlansTab() {
  const { t } = useTranslation('random-inspections');
  const { page, pageSize, setPaging } = useUrlListState();
  const plans = usePlans({ page, pageSize });
  const navigate = useNavigate();
  const [isCreating, setIsCreating] = useState(false);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="ri-plan-create">
          {t('plans.create')}
        </Button>
        <Link to="/random-inspections/tasks">{t('tasks.title')}</Link>
        <a href="/public/random-inspections" target="_blank" rel="noreferrer">
          {t('publicPage')}
        </a>
      </Space>
      <Table
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        dataSource={plans.data?.items}
        loading={plans.isFetching}
        onRow={(plan) => ({ onClick: () => navigate(`/random-inspections/plans/${plan.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('plans.code'), dataIndex: 'code' },
          { title: t('plans.titleColumn'), dataIndex: 'title' },
          { title: t('plans.kind'), dataIndex: 'kind', render: (kind: string) => t(`plans.kinds.${kind}`), responsive: ['md'] },
          { title: t('plans.period'), key: 'period', render: (_, plan) => `${plan.periodStart} ~ ${plan.periodEnd}` },
          { title: t('plans.departments'), dataIndex: 'departments', render: (list: string[]) => list.join('、'), responsive: ['lg'] },
        ]}
        pagination={{ current: page, pageSize, total: plans.data?.total ?? 0, onChange: setPaging }}
      />
      {isCreating ? <PlanFormModal onClose={() => setIsCreating(false)} /> : null}
    </>
  );
}

interface PlanForm {
  code: string;
  title: string;
  kind: 'yearly' | 'ad_hoc';
  period: [{ format(pattern: string): string }, { format(pattern: string): string }];
  departments: string;
  category?: PlanBody['population']['category'];
  matterIds: number[];
  permilleA: number;
  permilleB: number;
  permilleCD: number;
}

function PlanFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('random-inspections');
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const matters = useMatters();
  const createPlan = useCreatePlan();
  const createMatter = useCreateMatter();
  const [matterName, setMatterName] = useState('');
  const handleSubmit = (values: PlanForm) => {
    const start = values.period[0].format('YYYY-MM-DD');
    const body: PlanBody = {
      code: values.code,
      title: values.title,
      kind: values.kind,
      year: Number(start.slice(0, 4)),
      periodStart: start,
      periodEnd: values.period[1].format('YYYY-MM-DD'),
      departments: values.departments
        .split(/[,，、]/)
        .map((name) => name.trim())
        .filter(Boolean),
      population: values.category ? { category: values.category } : {},
      strata: [
        { key: 'low', label: t('strata.low'), creditClasses: ['A'], permille: values.permilleA },
        { key: 'mid', label: t('strata.mid'), creditClasses: ['B'], permille: values.permilleB },
        { key: 'high', label: t('strata.high'), creditClasses: ['C', 'D'], permille: values.permilleCD },
      ],
      inspectorsPerTask: 2,
      matterIds: values.matterIds,
    };
    createPlan
      .mutateAsync(body)
      .then(() => {
        void message.success(t('saved'));
        onClose();
      })
      .catch((error: unknown) => message.error(problemMessage(error)));
  };
  return (
    <Modal open title={t('plans.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={createPlan.isPending} width={640}>
      <Form
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        initialValues={{ kind: 'yearly', permilleA: 10, permilleB: 50, permilleCD: 300, departments: '区市场监管局' }}
      >
        <Form.Item name="code" label={t('plans.code')} rules={[{ required: true }]}>
          <Input placeholder="明州市监抽查〔2021〕2号" />
        </Form.Item>
        <Form.Item name="title" label={t('plans.titleColumn')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="kind" label={t('plans.kind')}>
            <Select style={{ width: 140 }} options={planKinds.map((kind) => ({ value: kind, label: t(`plans.kinds.${kind}`) }))} />
          </Form.Item>
          <Form.Item name="period" label={t('plans.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Space>
        <Form.Item name="departments" label={t('plans.departmentsHint')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={t('plans.population')}>
          <Select
            allowClear
            options={[
              'catering',
              'food_retail',
              'food_production',
              'pharmacy',
              'food_workshop',
              'farmers_market',
              'special_equipment_user',
              'other',
            ].map((value) => ({ value, label: value }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="permilleA" label={t('strata.permille', { classes: 'A' })}>
            <InputNumber min={0} max={1000} addonAfter="‰" />
          </Form.Item>
          <Form.Item name="permilleB" label={t('strata.permille', { classes: 'B' })}>
            <InputNumber min={0} max={1000} addonAfter="‰" />
          </Form.Item>
          <Form.Item name="permilleCD" label={t('strata.permille', { classes: 'C/D' })}>
            <InputNumber min={0} max={1000} addonAfter="‰" />
          </Form.Item>
        </Space>
        <Form.Item name="matterIds" label={t('plans.matters')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(matters.data?.items ?? []).map((matter) => ({ value: matter.id, label: `${matter.code} ${matter.name}` }))}
          />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={matterName}
            onChange={(event) => setMatterName(event.target.value)}
            placeholder={t('plans.newMatter')}
            aria-label={t('plans.newMatter')}
          />
          <Button
            disabled={!matterName.trim()}
            onClick={() =>
              createMatter
                .mutateAsync({
                  code: `SJ-${Date.now() % 100000}`,
                  name: matterName.trim(),
                  basis: '',
                  matterType: 'general',
                  department: '区市场监管局',
                })
                .then(() => setMatterName(''))
                .catch((error: unknown) => message.error(problemMessage(error)))
            }
          >
            {t('plans.addMatter')}
          </Button>
        </Space.Compact>
      </Form>
    </Modal>
  );
}

function InspectorsTab() {
  const { t } = useTranslation('random-inspections');
  const { message } = App.useApp();
  const inspectors = useInspectors();
  const setCertificate = useSetCertificate();
  const [editing, setEditing] = useState<InspectorView>();
  const [form] = Form.useForm();
  return (
    <>
      <Table<InspectorView>
        rowKey="userId"
        size="middle"
        scroll={{ x: 'max-content' }}
        dataSource={inspectors.data?.items}
        loading={inspectors.isFetching}
        columns={[
          { title: t('inspectors.name'), dataIndex: 'displayName' },
          { title: t('inspectors.station'), dataIndex: 'stationName', responsive: ['md'] },
          { title: t('inspectors.certificate'), dataIndex: 'certificateNo', render: (value: string | null) => value ?? '—' },
          { title: t('inspectors.validUntil'), dataIndex: 'validUntil', render: (value: string | null) => value ?? '—' },
          {
            title: t('inspectors.eligible'),
            dataIndex: 'isEligibleToday',
            render: (value: boolean) => <Tag color={value ? 'success' : 'default'}>{value ? t('yes') : t('no')}</Tag>,
          },
          {
            title: '',
            key: 'edit',
            render: (_, row) => (
              <Button
                size="small"
                type="link"
                onClick={() => {
                  setEditing(row);
                  form.setFieldsValue({
                    certificateNo: row.certificateNo ?? '',
                    validFrom: row.validFrom ?? '',
                    validUntil: row.validUntil ?? '',
                    department: row.department ?? '区市场监管局',
                  });
                }}
              >
                {t('edit')}
              </Button>
            ),
          },
        ]}
        pagination={false}
      />
      <Modal
        open={Boolean(editing)}
        title={editing?.displayName}
        onCancel={() => setEditing(undefined)}
        onOk={() => form.submit()}
        confirmLoading={setCertificate.isPending}
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(values: { certificateNo: string; validFrom: string; validUntil: string; department: string }) =>
            setCertificate
              .mutateAsync({ userId: editing?.userId ?? 0, body: { ...values, isInPool: true } })
              .then(() => setEditing(undefined))
              .catch((error: unknown) => message.error(problemMessage(error)))
          }
        >
          <Form.Item name="certificateNo" label={t('inspectors.certificate')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="validFrom" label={t('inspectors.validFrom')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2021-01-01" />
          </Form.Item>
          <Form.Item name="validUntil" label={t('inspectors.validUntil')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2026-12-31" />
          </Form.Item>
          <Form.Item name="department" label={t('plans.departments')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ObjectsTab() {
  const { t } = useTranslation('random-inspections');
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState('o');
  const creditClass = filter('class');
  const objects = useDirectoryObjects({ creditClass, page, pageSize });
  const classes = useCreditClasses();
  return (
    <>
      <Space wrap size="large" style={{ marginBottom: 12 }}>
        {creditClasses.map((key) => (
          <Statistic key={key} title={t(`classes.${key}`)} value={classes.data?.counts[key] ?? 0} />
        ))}
      </Space>
      <Typography.Paragraph type="secondary">
        {t('classes.ruleNote', { ruleSet: classes.data?.ruleSet ?? '', gradedOn: classes.data?.gradedOn ?? '—' })}
      </Typography.Paragraph>
      <Select
        allowClear
        value={creditClass}
        placeholder={t('classes.filter')}
        aria-label={t('classes.filter')}
        style={{ width: 200, marginBottom: 12 }}
        onChange={(value?: string) => setFilters({ class: value })}
        options={creditClasses.map((key) => ({ value: key, label: t(`classes.${key}`) }))}
      />
      <Table
        rowKey="entityId"
        size="middle"
        scroll={{ x: 'max-content' }}
        dataSource={objects.data?.items}
        loading={objects.isFetching}
        columns={[
          { title: t('objects.name'), dataIndex: 'name' },
          { title: t('objects.creditCode'), dataIndex: 'creditCode', responsive: ['md'] },
          {
            title: t('objects.class'),
            dataIndex: 'creditClass',
            render: (value: string | null) => (value ? <Tag color={classColours[value]}>{value}</Tag> : '—'),
          },
          { title: t('objects.reasons'), dataIndex: 'reasons', render: (reasons: string[]) => reasons.join(', '), responsive: ['lg'] },
        ]}
        pagination={{ current: page, pageSize, total: objects.data?.total ?? 0, onChange: setPaging }}
      />
    </>
  );
}

function AlertsTab() {
  const { t } = useTranslation('random-inspections');
  const alerts = useAlerts();
  return (
    <Table
      rowKey="id"
      size="middle"
      dataSource={alerts.data?.items}
      loading={alerts.isFetching}
      columns={[
        {
          title: t('objects.name'),
          dataIndex: 'entityName',
          render: (name: string, alert) => <Link to={`/random-inspections/tasks/${alert.taskId}`}>{name}</Link>,
        },
        { title: t('alerts.dueOn'), dataIndex: 'dueOn' },
      ]}
      pagination={false}
    />
  );
}

/** 双随机、一公开: plans, the two directories with credit classes, and overdue publications. */
export function RandomInspectionsPage() {
  const { t } = useTranslation('random-inspections');
  const alerts = useAlerts();
  return (
    <>
      <PageHeader title={t('title')} />
      {alerts.data?.total ? (
        <Alert type="warning" showIcon title={t('alerts.banner', { count: alerts.data.total })} style={{ marginBottom: 12 }} />
      ) : null}
      <Tabs
        items={[
          { key: 'plans', label: t('plans.title'), children: <PlansTab /> },
          { key: 'objects', label: t('objects.title'), children: <ObjectsTab /> },
          { key: 'inspectors', label: t('inspectors.title'), children: <InspectorsTab /> },
          { key: 'alerts', label: t('alerts.title'), children: <AlertsTab /> },
        ]}
      />
    </>
  );
}
