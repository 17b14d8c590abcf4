import { Alert, Button, Card, DatePicker, Descriptions, Form, Image, Input, Radio, Select, Space, Switch, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { hazardStatuses } from '../../../shared/vocabularies/special-equipment.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaTodayPicker, formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type HazardView,
  hazardPhotoUrl,
  postHazardPhoto,
  readAsDataUrl,
  useAddHazardPhoto,
  useEquipmentList,
  useHazard,
  useHazardStep,
  useHazards,
  useRecordHazard,
} from './api.ts';
import { HazardStatusTag } from './equipment-table.tsx';

const keeperRoles = caseWorkerRoles;
/** Who records hazards and their photos as found: staff and the third-party expert. */
const recorderRoles = [...keeperRoles, 'expert' as const];

/** 隐患闭环: the station's list (late ones first when asked), a user's own hazards. */
export function HazardsPage() {
  const { t } = useTranslation('special-equipment');
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const page = Number(params.get('page') ?? 1);
  const status = params.get('status') ?? undefined;
  const isOverdue = params.get('overdue') === '1' ? true : undefined;
  const navigate = useNavigate();
  const list = useHazards({ page, pageSize: 20, status, isOverdue });
  const set = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  return (
    <>
      <PageHeader
        title={t('hazards.title')}
        extra={
          hasAnyRole(me, recorderRoles) ? (
            <Button type="primary" onClick={() => navigate('/special-equipment/hazards/new')}>
              {t('hazards.record')}
            </Button>
          ) : null
        }
      />
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label={t('fields.hazardStatus')}>
          <Select
            aria-label={t('fields.hazardStatus')}
            allowClear
            style={{ width: 140 }}
            value={status}
            onChange={(value) => set('status', value)}
            options={hazardStatuses.map((value) => ({ value, label: t(`hazardStatus.${value}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('hazards.onlyOverdue')}>
          <Switch
            aria-label={t('hazards.onlyOverdue')}
            checked={isOverdue === true}
            onChange={(checked) => set('overdue', checked ? '1' : undefined)}
          />
        </Form.Item>
      </Form>
      <Table<HazardView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (next) => set('page', String(next)),
          showSizeChanger: false,
        }}
        columns={[
          { title: t('fields.foundOn'), dataIndex: 'foundOn', render: formatDate },
          {
            title: t('fields.description'),
            dataIndex: 'description',
            render: (text: string, row) => <Link to={`/special-equipment/hazards/${row.id}`}>{text}</Link>,
          },
          { title: t('fields.user'), dataIndex: 'entityName' },
          { title: t('fields.severity'), dataIndex: 'severity', render: (severity: string) => t(`severity.${severity}`) },
          { title: t('fields.deadline'), dataIndex: 'deadline', render: (day: string | null) => (day ? formatDate(day) : '—') },
          { title: t('fields.hazardStatus'), key: 'status', render: (_, row) => <HazardStatusTag hazard={row} /> },
        ]}
      />
    </>
  );
}

interface HazardFormValues {
  equipmentId: number;
  foundOn: Dayjs;
  severity: 'general' | 'serious';
  description: string;
  legalBasis: string;
  expert: string;
}

/** The expert's phone page: the equipment, what is wrong, how serious, and the rule it breaks. */
export function NewHazardPage() {
  const { t } = useTranslation('special-equipment');
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const preset = params.get('equipmentId');
  const equipment = useEquipmentList({ page: 1, pageSize: 20, q: search || undefined, status: 'in_use' });
  const [form] = Form.useForm<HazardFormValues>();
  const record = useRecordHazard();
  const navigate = useNavigate();
  const [messages, setMessages] = useState<string[]>([]);
  const [photos, setPhotos] = useState<File[]>([]);
  const handleSubmit = async (values: HazardFormValues) => {
    setMessages([]);
    try {
      const created = await record.mutateAsync({ ...values, foundOn: values.foundOn.format('YYYY-MM-DD') });
      // The photos go after the hazard exists; a refused one is reported on the hazard's page, where it can be retried.
      const refused: string[] = [];
      for (const photo of photos) {
        try {
          await postHazardPhoto(created.id, { stage: 'found', dataUrl: await readAsDataUrl(photo) });
        } catch (error) {
          refused.push(`${photo.name}: ${problemMessage(error)}`);
        }
      }
      navigate(`/special-equipment/hazards/${created.id}`, { state: refused.length ? { refused } : undefined });
    } catch (error) {
      setMessages(applyProblemToForm(form, error));
    }
  };
  return (
    <>
      <PageHeader title={t('hazards.record')} />
      <Card style={{ maxWidth: 560 }}>
        {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 12 }} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={handleSubmit}
          initialValues={{ foundOn: chinaTodayPicker(), severity: 'general', ...(preset ? { equipmentId: Number(preset) } : {}) }}
        >
          <Form.Item name="equipmentId" label={t('fields.equipment')} rules={[{ required: true }]}>
            <Select
              data-testid="hazard-equipment"
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={equipment.isLoading}
              placeholder={t('hazards.searchEquipment')}
              options={(equipment.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.registrationCode} · ${t(`kinds.${item.kind}`)} · ${item.entityName}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="foundOn" label={t('fields.foundOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="severity" label={t('fields.severity')} rules={[{ required: true }]}>
            <Radio.Group options={['general', 'serious'].map((value) => ({ value, label: t(`severity.${value}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('fields.description')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('fields.legalBasis')} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="expert" label={t('fields.expert')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label={t('hazards.photos')} extra={t('hazards.photoHint')}>
            <input
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              multiple
              aria-label={t('hazards.photos')}
              data-testid="hazard-photos"
              onChange={(event) => setPhotos([...(event.target.files ?? [])].slice(0, 6))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={record.isPending}>
            {t('hazards.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** The hazard's photos as found and as rectified, and the button to add one for whoever may. */
function HazardPhotos({ hazard, stage, canAdd }: { hazard: HazardView; stage: 'found' | 'rectified'; canAdd: boolean }) {
  const { t } = useTranslation('special-equipment');
  const add = useAddHazardPhoto(hazard.id);
  const [message, setMessage] = useState<string>();
  const photos = hazard.photos.filter((photo) => photo.stage === stage);
  if (!canAdd && photos.length === 0) return null;
  return (
    <Card size="small" title={t(`hazards.photoStages.${stage}`)} style={{ marginBottom: 16 }}>
      {message ? <Alert type="error" message={message} style={{ marginBottom: 8 }} /> : null}
      <Space wrap>
        <Image.PreviewGroup>
          {photos.map((photo, index) => (
            <Image
              key={photo.id}
              width={96}
              height={96}
              style={{ objectFit: 'cover' }}
              src={hazardPhotoUrl(hazard.id, photo.id)}
              alt={t('hazards.photoAlt', { stage: t(`hazards.photoStages.${stage}`), n: index + 1 })}
            />
          ))}
        </Image.PreviewGroup>
        {canAdd ? (
          <label>
            <input
              type="file"
              accept="image/jpeg,image/png"
              capture="environment"
              aria-label={t('hazards.addPhoto')}
              data-testid={`hazard-photo-${stage}`}
              style={{ maxWidth: 220 }}
              onChange={async (event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                setMessage(undefined);
                try {
                  await add.mutateAsync({ stage, dataUrl: await readAsDataUrl(file) });
                } catch (error) {
                  setMessage(problemMessage(error));
                }
              }}
            />
          </label>
        ) : null}
      </Space>
    </Card>
  );
}

/** One hazard and the next step of its loop, for whoever takes it. */
export function HazardPage() {
  const { t } = useTranslation('special-equipment');
  const id = Number(useParams().id);
  const hazard = useHazard(id);
  const me = useMe().data;
  const refused = ((useLocation().state as { refused?: string[] } | null)?.refused ?? []) as string[];
  if (hazard.error) return <Alert type="error" message={problemMessage(hazard.error)} />;
  const view = hazard.data;
  const isKeeper = hasAnyRole(me, keeperRoles);
  const canReport = hasAnyRole(me, [...keeperRoles, 'operator']);
  return (
    <>
      <PageHeader title={t('hazards.one', { id })} />
      <Card loading={hazard.isLoading} style={{ marginBottom: 16 }}>
        {view ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('fields.hazardStatus')}>
              <HazardStatusTag hazard={view} />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.equipment')}>
              <Link to={`/special-equipment/equipment/${view.equipmentId}`}>
                {t(`kinds.${view.kind}`)} {view.registrationCode}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.user')}>{view.entityName}</Descriptions.Item>
            <Descriptions.Item label={t('fields.foundOn')}>{formatDate(view.foundOn)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.severity')}>{t(`severity.${view.severity}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.expert')}>{view.expert}</Descriptions.Item>
            <Descriptions.Item label={t('fields.description')}>{view.description}</Descriptions.Item>
            <Descriptions.Item label={t('fields.legalBasis')}>{view.legalBasis}</Descriptions.Item>
            {view.deadline ? <Descriptions.Item label={t('fields.deadline')}>{formatDate(view.deadline)}</Descriptions.Item> : null}
            {view.rectification ? <Descriptions.Item label={t('fields.rectification')}>{view.rectification}</Descriptions.Item> : null}
            {view.recheckDue ? <Descriptions.Item label={t('fields.recheckDue')}>{formatDate(view.recheckDue)}</Descriptions.Item> : null}
            {view.closedOn ? <Descriptions.Item label={t('fields.closedOn')}>{formatDate(view.closedOn)}</Descriptions.Item> : null}
            {view.recheckNote ? <Descriptions.Item label={t('fields.recheckNote')}>{view.recheckNote}</Descriptions.Item> : null}
            {view.caseId ? (
              <Descriptions.Item label={t('fields.case')}>
                <Link to={`/cases/${view.caseId}`}>{t('hazards.openCase')}</Link>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : null}
      </Card>
      {refused.length ? <Alert type="warning" message={refused.join('；')} style={{ marginBottom: 16 }} /> : null}
      {view ? <HazardPhotos hazard={view} stage="found" canAdd={hasAnyRole(me, recorderRoles) && view.status === 'found'} /> : null}
      {view ? (
        <HazardPhotos hazard={view} stage="rectified" canAdd={canReport && (view.status === 'ordered' || view.status === 'reported')} />
      ) : null}
      {view?.status === 'found' && isKeeper ? <StepForm id={id} step="order" /> : null}
      {view?.status === 'ordered' && canReport ? <StepForm id={id} step="report" /> : null}
      {view?.status === 'ordered' && isKeeper ? <StepForm id={id} step="escalate" /> : null}
      {view?.status === 'reported' && isKeeper ? <StepForm id={id} step="recheck" /> : null}
    </>
  );
}

function StepForm({ id, step }: { id: number; step: 'order' | 'report' | 'recheck' | 'escalate' }) {
  const { t } = useTranslation('special-equipment');
  const [form] = Form.useForm<Record<string, unknown>>();
  const run = useHazardStep(id);
  const [messages, setMessages] = useState<string[]>([]);
  const outcome = Form.useWatch('outcome', form);
  const dateField = { order: 'orderedOn', report: 'reportedOn', recheck: 'on', escalate: 'on' }[step];
  const handleSubmit = async (values: Record<string, unknown>) => {
    setMessages([]);
    const body = Object.fromEntries(
      Object.entries(values)
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([key, value]) => [
          key,
          typeof value === 'object' && value !== null && 'format' in value ? (value as Dayjs).format('YYYY-MM-DD') : value,
        ]),
    );
    try {
      await run.mutateAsync({ step, ...body });
    } catch (error) {
      setMessages(applyProblemToForm(form, error));
    }
  };
  return (
    <Card size="small" title={t(`steps.${step}.title`)} style={{ marginBottom: 16, maxWidth: 560 }}>
      {messages.length ? <Alert type="error" message={messages.join('；')} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={handleSubmit}
        initialValues={{ [dateField]: chinaTodayPicker(), ...(step === 'recheck' ? { outcome: 'closed' } : {}) }}
      >
        <Form.Item name={dateField} label={t(`steps.${step}.date`)} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {step === 'order' ? (
          <Form.Item name="deadline" label={t('fields.deadline')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {step === 'report' ? (
          <Form.Item name="rectification" label={t('fields.rectification')} rules={[{ required: true }]} extra={t('steps.report.hint')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {step === 'recheck' ? (
          <Form.Item name="outcome" label={t('steps.recheck.outcome')} rules={[{ required: true }]}>
            <Radio.Group options={['closed', 'reordered', 'escalated'].map((value) => ({ value, label: t(`steps.recheck.${value}`) }))} />
          </Form.Item>
        ) : null}
        {step === 'recheck' && outcome === 'reordered' ? (
          <Form.Item name="deadline" label={t('fields.deadline')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {step === 'recheck' || step === 'escalate' ? (
          <Form.Item name="note" label={t('fields.recheckNote')} rules={[{ required: true }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" block loading={run.isPending} danger={step === 'escalate'}>
          {t(`steps.${step}.submit`)}
        </Button>
      </Form>
    </Card>
  );
}
