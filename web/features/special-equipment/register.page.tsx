import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, Tabs, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { ScatterChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useChart } from '../../components/trend-chart.tsx';
import { ApiError } from '../../lib/api-client.ts';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  equipmentKinds,
  useCreateEquipment,
  useEquipmentList,
  useEquipmentMap,
  useEquipmentUsers,
  useImportInspections,
  useStreets,
} from './api.ts';
import { EquipmentTable } from './equipment-table.tsx';

const keeperRoles = caseWorkerRoles;
// The register's map is a scatter on coordinates; the shared chart hook registers the other chart kinds.
echarts.use([ScatterChart]);

/** 特种设备台账: the register with its filters in the URL. */
export function RegisterPage() {
  const { t, i18n } = useTranslation('special-equipment');
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const [isAdding, setIsAdding] = useState(false);
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query = {
    page,
    pageSize,
    kind: params.get('kind') ?? undefined,
    status: params.get('status') ?? undefined,
    streetCode: params.get('streetCode') ?? undefined,
    q: params.get('q') ?? undefined,
    maintenance: params.get('maintenance') === 'missed' ? 'missed' : undefined,
  };
  const list = useEquipmentList(query);
  const streets = useStreets();
  const view = params.get('view') === 'map' ? 'map' : 'list';
  const setFilter = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  return (
    <>
      <PageHeader
        title={t('register.title')}
        extra={
          hasAnyRole(me, keeperRoles) ? (
            <Button type="primary" onClick={() => setIsAdding(true)} data-testid="add-equipment">
              {t('register.add')}
            </Button>
          ) : null
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('fields.kind')}>
          <Select
            aria-label={t('fields.kind')}
            allowClear
            style={{ width: 180 }}
            value={query.kind}
            onChange={(value) => setFilter('kind', value)}
            options={equipmentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('fields.status')}>
          <Select
            aria-label={t('fields.status')}
            allowClear
            style={{ width: 120 }}
            value={query.status}
            onChange={(value) => setFilter('status', value)}
            options={['in_use', 'stopped', 'scrapped'].map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('fields.street')}>
          <Select
            aria-label={t('fields.street')}
            allowClear
            style={{ width: 160 }}
            value={query.streetCode}
            onChange={(value) => setFilter('streetCode', value)}
            options={(streets.data?.items ?? []).map((street) => ({
              value: street.code,
              label: i18n.language === 'en' ? street.nameEn : street.name,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('register.search')}>
          <Input.Search
            aria-label={t('register.search')}
            allowClear
            defaultValue={query.q}
            onSearch={(value) => setFilter('q', value.trim() || undefined)}
            style={{ width: 220 }}
          />
        </Form.Item>
      </Form>
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(value) => setFilter('view', value === 'map' ? 'map' : undefined)}
        options={[
          { value: 'list', label: t('register.list') },
          { value: 'map', label: t('register.map') },
        ]}
      />
      {view === 'map' ? <EquipmentMap kind={query.kind} streetCode={query.streetCode} /> : null}
      <EquipmentTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isLoading}
        page={page}
        pageSize={pageSize}
        onPage={(nextPage, nextSize) => {
          const next = new URLSearchParams(params);
          next.set('page', String(nextPage));
          next.set('pageSize', String(nextSize));
          setParams(next);
        }}
      />
      {isAdding ? <EquipmentForm onClose={() => setIsAdding(false)} /> : null}
    </>
  );
}

/** 定检到期 / 超期 / 未登记: the station's lists. */
export function DuePage() {
  const { t } = useTranslation('special-equipment');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'overdue';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const query =
    tab === 'unregistered'
      ? { page, pageSize, registration: 'unregistered' }
      : tab === 'maintenance'
        ? { page, pageSize, maintenance: 'missed' }
        : { page, pageSize, due: tab };
  const list = useEquipmentList(query);
  return (
    <>
      <PageHeader title={t('due.title')} extra={hasAnyRole(useMe().data, [...keeperRoles, 'inspection_body']) ? <ImportButton /> : null} />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('due.rule')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(new URLSearchParams({ tab: key }))}
        items={['overdue', 'due_soon', 'unregistered', 'maintenance'].map((key) => ({ key, label: t(`due.tabs.${key}`) }))}
      />
      <EquipmentTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        loading={list.isLoading}
        page={page}
        pageSize={pageSize}
        onPage={(nextPage, nextSize) => setParams(new URLSearchParams({ tab, page: String(nextPage), pageSize: String(nextSize) }))}
      />
    </>
  );
}

interface EquipmentFormValues {
  entityId: number;
  kind: string;
  registrationCode: string;
  firstUsedOn: Dayjs;
  useCertificateNumber?: string;
  registeredOn?: Dayjs;
  address: string;
  latitude?: number;
  longitude?: number;
  maker?: string;
  installer?: string;
  maintenanceUnit?: string;
}

function EquipmentForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<EquipmentFormValues>();
  const [search, setSearch] = useState('');
  const users = useEquipmentUsers(search);
  const create = useCreateEquipment();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);
  const handleSubmit = async (values: EquipmentFormValues) => {
    setMessages([]);
    try {
      const created = await create.mutateAsync({
        entityId: values.entityId,
        kind: values.kind,
        registrationCode: values.registrationCode.trim().toUpperCase(),
        firstUsedOn: values.firstUsedOn.format('YYYY-MM-DD'),
        ...(values.useCertificateNumber ? { useCertificateNumber: values.useCertificateNumber } : {}),
        ...(values.registeredOn ? { registeredOn: values.registeredOn.format('YYYY-MM-DD') } : {}),
        address: values.address,
        ...(values.latitude !== undefined && values.latitude !== null ? { latitude: values.latitude } : {}),
        ...(values.longitude !== undefined && values.longitude !== null ? { longitude: values.longitude } : {}),
        maker: values.maker ?? '',
        installer: values.installer ?? '',
        maintenanceUnit: values.maintenanceUnit ?? '',
      });
      onClose();
      navigate(`/special-equipment/equipment/${created.id}`);
    } catch (error) {
      setMessages(applyProblemToForm(form, error));
    }
  };
  return (
    <Modal
      open
      title={t('register.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('actions.save')}
      confirmLoading={create.isPending}
      width={640}
    >
      {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={handleSubmit} initialValues={{ firstUsedOn: chinaTodayPicker() }}>
        <Form.Item name="entityId" label={t('fields.user')} rules={[{ required: true }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={users.isLoading}
            options={(users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name}（${user.creditCode}）` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
          <Select options={equipmentKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
        </Form.Item>
        <Form.Item name="registrationCode" label={t('fields.registrationCode')} rules={[{ required: true }]} extra={t('register.codeHint')}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="firstUsedOn" label={t('fields.firstUsedOn')} rules={[{ required: true }]} extra={t('register.thirtyDays')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="useCertificateNumber" label={t('fields.useCertificateNumber')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="registeredOn" label={t('fields.registeredOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label={t('fields.coordinates')}>
          <Form.Item name="latitude" noStyle>
            <InputNumber placeholder={t('fields.latitude')} min={-90} max={90} step={0.000001} style={{ width: 160, marginRight: 8 }} />
          </Form.Item>
          <Form.Item name="longitude" noStyle>
            <InputNumber placeholder={t('fields.longitude')} min={-180} max={180} step={0.000001} style={{ width: 160 }} />
          </Form.Item>
        </Form.Item>
        <Form.Item name="maker" label={t('fields.maker')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="installer" label={t('fields.installer')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="maintenanceUnit" label={t('fields.maintenanceUnit')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 检验结果导入: the inspection body's xlsx, all or nothing; the rows to fix are listed. */
function ImportButton() {
  const { t } = useTranslation('special-equipment');
  const run = useImportInspections();
  const [outcome, setOutcome] = useState<{ type: 'success' | 'error'; lines: string[] } | null>(null);
  const handleFile = async (file: File) => {
    setOutcome(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    try {
      const result = await run.mutateAsync({ fileBase64: btoa(binary) });
      setOutcome({ type: 'success', lines: [t('import.done', { count: result.imported })] });
    } catch (error) {
      const lines =
        error instanceof ApiError ? [error.problem.title, ...(error.problem.errors ?? []).map((item) => item.message)] : [String(error)];
      setOutcome({ type: 'error', lines });
    }
    return false;
  };
  return (
    <>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={handleFile}>
        <Button loading={run.isPending}>{t('import.button')}</Button>
      </Upload>
      {outcome ? (
        <Modal open title={t('import.title')} footer={null} onCancel={() => setOutcome(null)}>
          <Alert
            type={outcome.type}
            message={outcome.lines[0]}
            description={outcome.lines.slice(1).map((line) => <div key={line}>{line}</div>)}
          />
          <p style={{ marginTop: 12 }}>{t('import.columns')}</p>
        </Modal>
      ) : null}
    </>
  );
}

/** Where the equipment is: each piece at its coordinates, overdue ones in red (a scatter on longitude and latitude). */
function EquipmentMap({ kind, streetCode }: { kind?: string; streetCode?: string }) {
  const { t } = useTranslation('special-equipment');
  const points = useEquipmentMap({ kind, streetCode }, true);
  const option = useMemo(() => {
    const items = points.data?.items ?? [];
    const series = (isOverdue: boolean) => ({
      name: isOverdue ? t('due.overdue') : t('due.in_date'),
      type: 'scatter',
      symbolSize: isOverdue ? 7 : 4,
      itemStyle: { color: isOverdue ? '#d4380d' : '#1d4ed8', opacity: 0.7 },
      data: items.filter((item) => item.isOverdue === isOverdue).map((item) => [item.longitude, item.latitude, item.registrationCode]),
    });
    return {
      tooltip: { formatter: (entry: { value: [number, number, string] }) => entry.value[2] },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 32, bottom: 32 },
      xAxis: { type: 'value', scale: true, name: t('fields.longitude') },
      yAxis: { type: 'value', scale: true, name: t('fields.latitude') },
      series: [series(false), series(true)],
    };
  }, [points.data, t]);
  const element = useChart(option);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <div
        ref={element}
        style={{ height: 360, width: '100%' }}
        role="img"
        aria-label={t('register.mapLabel', { count: points.data?.total ?? 0 })}
      />
    </Card>
  );
}
