import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bureauStaffRoles, caseWorkerRoles, settingsRoles } from '../../../shared/roles.ts';
import { appealDecisions } from '../../../shared/vocabularies/workshops.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday, chinaTodayPicker, formatDate } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type AppealView,
  type ListCriteria,
  type ListName,
  type MembershipView,
  useAppeals,
  useCreateEvaluation,
  useCriteria,
  useDecideAppeal,
  useFileAppeal,
  useMemberships,
  useMyEntities,
  usePublishSnapshot,
  useSaveCriteria,
  useSnapshots,
  useWorkshopSearch,
} from './api.ts';

const listColours: Record<ListName, string> = { red: 'red', black: 'default', neither: 'blue' };

function ListTag({ list }: { list: ListName }) {
  const { t } = useTranslation('workshops');
  return (
    <Tag color={listColours[list]} style={list === 'black' ? { background: '#212121', color: '#fff' } : undefined}>
      {t(`lists.${list}`)}
    </Tag>
  );
}

/** Small food workshops 小作坊红黑榜: lists, evaluations, published snapshots, appeals and the bureau's criteria. */
export function WorkshopsPage() {
  const { t } = useTranslation('workshops');
  const me = useMe().data;
  const isStaff = hasAnyRole(me, bureauStaffRoles);
  const canEvaluate = hasAnyRole(me, caseWorkerRoles);
  const items = [
    ...(isStaff ? [{ key: 'memberships', label: t('tabs.memberships'), children: <Memberships /> }] : []),
    ...(canEvaluate ? [{ key: 'evaluate', label: t('tabs.evaluate'), children: <EvaluationForm /> }] : []),
    { key: 'snapshots', label: t('tabs.snapshots'), children: <Snapshots /> },
    { key: 'appeals', label: t('tabs.appeals'), children: <Appeals /> },
    ...(isStaff ? [{ key: 'criteria', label: t('tabs.criteria'), children: <Criteria /> }] : []),
  ];
  return (
    <>
      <PageHeader title={t('title')} />
      <Tabs items={items} destroyOnHidden />
    </>
  );
}

function Reasons({ reasons }: { reasons: MembershipView['reasons'] }) {
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  return <>{reasons.map((reason) => reason[language]).join('；')}</>;
}

function Memberships() {
  const { t } = useTranslation('workshops');
  const memberships = useMemberships();
  return (
    <>
      {memberships.error ? <Alert type="error" title={problemMessage(memberships.error)} /> : null}
      <Table<MembershipView>
        size="small"
        rowKey="entityId"
        loading={memberships.isFetching}
        dataSource={memberships.data?.items}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name' },
          { title: t('fields.list'), dataIndex: 'list', render: (list: ListName) => <ListTag list={list} /> },
          {
            title: t('fields.passed'),
            dataIndex: 'passedPercent',
            responsive: ['md'],
            render: (value: number | null) => (value === null ? '—' : `${value}%`),
          },
          {
            title: t('fields.reasons'),
            dataIndex: 'reasons',
            render: (reasons: MembershipView['reasons']) => <Reasons reasons={reasons} />,
          },
        ]}
      />
    </>
  );
}

/** The inspector's evaluation form: one switch per item, big enough for a phone. */
function EvaluationForm() {
  const { t, i18n } = useTranslation('workshops');
  const en = i18n.language === 'en';
  const criteria = useCriteria();
  const [query, setQuery] = useState('');
  const workshops = useWorkshopSearch(query);
  const create = useCreateEvaluation();
  const [errors, setErrors] = useState<string[]>([]);
  const [form] = Form.useForm<{ entityId: number; evaluatedOn: dayjs.Dayjs; answers: Record<string, boolean>; note: string }>();
  const [saved, setSaved] = useState(false);
  const items = criteria.data?.criteria.items ?? [];
  const submit = (values: { entityId: number; evaluatedOn: dayjs.Dayjs; answers?: Record<string, boolean>; note?: string }) => {
    setSaved(false);
    setErrors([]);
    create.mutate(
      {
        entityId: values.entityId,
        evaluatedOn: values.evaluatedOn.format('YYYY-MM-DD'),
        answers: Object.fromEntries(items.map((item) => [item.key, values.answers?.[item.key] === true])),
        note: values.note ?? '',
      },
      {
        onSuccess: () => {
          setSaved(true);
          form.resetFields();
        },
        onError: (error) => setErrors(applyProblemToForm(form, error)),
      },
    );
  };
  return (
    <Card size="small" style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ evaluatedOn: chinaTodayPicker() }}>
        <Form.Item name="entityId" label={t('fields.workshop')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch={{ onSearch: setQuery }}
            filterOption={false}
            loading={workshops.isFetching}
            options={workshops.data?.items.map((item) => ({ value: item.id, label: `${item.name}（${item.creditCode}）` }))}
            data-testid="workshop-picker"
          />
        </Form.Item>
        <Form.Item name="evaluatedOn" label={t('fields.evaluatedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {items.map((item) => (
          <Form.Item key={item.key} name={['answers', item.key]} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox style={{ padding: '8px 0' }}>
              {en ? item.en : item.zh} {item.critical ? <Tag color="red">{t('critical')}</Tag> : null}
            </Checkbox>
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {saved ? <Alert type="success" title={t('evaluationSaved')} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={create.isPending}>
          {t('submitEvaluation')}
        </Button>
      </Form>
    </Card>
  );
}

function Snapshots() {
  const { t } = useTranslation('workshops');
  const me = useMe().data;
  const canPublish = hasAnyRole(me, settingsRoles);
  const snapshots = useSnapshots();
  const publish = usePublishSnapshot();
  const [period, setPeriod] = useState(chinaToday().slice(0, 7));
  const publicUrl = me ? `/public/workshop-lists/${me.districtCode}` : '';
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        {canPublish ? (
          <>
            <DatePicker
              picker="month"
              value={dayjs(`${period}-01`)}
              onChange={(value) => value && setPeriod(value.format('YYYY-MM'))}
              allowClear={false}
            />
            <Button type="primary" loading={publish.isPending} onClick={() => publish.mutate({ period })} data-testid="publish-snapshot">
              {t('publishNow')}
            </Button>
          </>
        ) : null}
        <a href={publicUrl} target="_blank" rel="noreferrer" data-testid="public-lists-link">
          {t('openPublicPage')}
        </a>
      </Flex>
      <Typography.Text type="secondary">{t('snapshotsNotice')}</Typography.Text>
      {publish.error ? <Alert type="error" title={problemMessage(publish.error)} /> : null}
      <List
        loading={snapshots.isFetching}
        dataSource={snapshots.data?.items}
        rowKey="id"
        renderItem={(snapshot) => (
          <List.Item>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={`${snapshot.period} · ${t('publishedOn')} ${snapshot.publishedOn}`}
              extra={snapshot.publishedBy === null ? <Tag>{t('byJob')}</Tag> : null}
            >
              {snapshot.entries.length === 0 ? (
                <Typography.Text type="secondary">{t('noEntries')}</Typography.Text>
              ) : (
                snapshot.entries.map((entry) => (
                  <div key={entry.entityId}>
                    <ListTag list={entry.list} /> {entry.name}{' '}
                    <Typography.Text type="secondary">
                      <Reasons reasons={entry.reasons} />
                    </Typography.Text>
                  </div>
                ))
              )}
            </Card>
          </List.Item>
        )}
      />
    </Flex>
  );
}

function Appeals() {
  const { t } = useTranslation('workshops');
  const me = useMe().data;
  const isOperator = hasAnyRole(me, ['operator']);
  const canDecide = hasAnyRole(me, settingsRoles);
  const appeals = useAppeals();
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<AppealView | null>(null);
  return (
    <Flex vertical gap={12}>
      {isOperator ? (
        <Button type="primary" onClick={() => setFiling(true)} style={{ alignSelf: 'flex-start' }}>
          {t('fileAppeal')}
        </Button>
      ) : null}
      <Table<AppealView>
        size="small"
        rowKey="id"
        loading={appeals.isFetching}
        dataSource={appeals.data?.items}
        columns={[
          { title: t('fields.filedAt'), dataIndex: 'createdAt', render: (at: string) => formatDate(at) },
          { title: t('fields.reason'), dataIndex: 'reason' },
          { title: t('fields.status'), dataIndex: 'status', render: (status: AppealView['status']) => t(`appealStatus.${status}`) },
          { title: t('fields.decisionNote'), dataIndex: 'decisionNote', responsive: ['md'] },
          ...(canDecide
            ? [
                {
                  key: 'decide',
                  render: (_: unknown, appeal: AppealView) =>
                    appeal.status === 'open' ? (
                      <Button size="small" onClick={() => setDeciding(appeal)}>
                        {t('decide')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {filing ? <AppealModal onClose={() => setFiling(false)} /> : null}
      {deciding ? <DecisionModal appeal={deciding} onClose={() => setDeciding(null)} /> : null}
    </Flex>
  );
}

function AppealModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('workshops');
  const entities = useMyEntities(true);
  const file = useFileAppeal();
  const [form] = Form.useForm<{ entityId: number; reason: string }>();
  return (
    <Modal open title={t('fileAppeal')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={file.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => file.mutate(values, { onSuccess: onClose, onError: (error) => applyProblemToForm(form, error) })}
      >
        <Form.Item name="entityId" label={t('fields.workshop')} rules={[{ required: true, message: t('required') }]}>
          <Select
            options={entities.data?.items.map((entity) => ({ value: entity.id, label: entity.name }))}
            loading={entities.isFetching}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, min: 2, message: t('required') }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ appeal, onClose }: { appeal: AppealView; onClose: () => void }) {
  const { t } = useTranslation('workshops');
  const decide = useDecideAppeal();
  const [form] = Form.useForm<{ status: 'upheld' | 'rejected'; decisionNote: string }>();
  return (
    <Modal open title={t('decide')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={decide.isPending}>
      <Typography.Paragraph>{appeal.reason}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'upheld', decisionNote: '' }}
        onFinish={(values) =>
          decide.mutate({ id: appeal.id, ...values }, { onSuccess: onClose, onError: (error) => applyProblemToForm(form, error) })
        }
      >
        <Form.Item name="status" label={t('fields.status')}>
          <Select options={appealDecisions.map((status) => ({ value: status, label: t(`appealStatus.${status}`) }))} />
        </Form.Item>
        <Form.Item name="decisionNote" label={t('fields.decisionNote')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The bureau's criteria: defaults shown, with the notice that no official criteria exist. */
function Criteria() {
  const { t } = useTranslation('workshops');
  const me = useMe().data;
  const canEdit = hasAnyRole(me, settingsRoles);
  const criteria = useCriteria();
  const save = useSaveCriteria();
  const [form] = Form.useForm<ListCriteria & { effectiveFrom: dayjs.Dayjs }>();
  const [errors, setErrors] = useState<string[]>([]);
  if (!criteria.data) return null;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 800 }}>
      <Alert type="info" title={t('criteriaNotice')} />
      <Typography.Text>
        {criteria.data.id === null ? t('usingDefaults') : t('usingBureauSetting', { id: criteria.data.id })}
      </Typography.Text>
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={{ ...criteria.data.criteria, effectiveFrom: chinaTodayPicker() }}
        onFinish={({ effectiveFrom, ...values }) =>
          save.mutate(
            {
              effectiveFrom: effectiveFrom.format('YYYY-MM-DD'),
              criteria: { ...values, items: values.items.map((item) => ({ ...item, critical: item.critical ?? false })) },
            },
            { onSuccess: () => setErrors([]), onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, 'key']} rules={[{ required: true, pattern: /^[a-z_]{1,40}$/, message: t('keyRule') }]}>
                    <Input placeholder="key" aria-label="key" style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'zh']} rules={[{ required: true, message: t('required') }]}>
                    <Input placeholder="中文" aria-label="中文" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'en']} rules={[{ required: true, message: t('required') }]}>
                    <Input placeholder="English" aria-label="English" style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'critical']} valuePropName="checked">
                    <Checkbox>{t('critical')}</Checkbox>
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t('remove')}</Button>
                </Flex>
              ))}
              <Button onClick={() => add({ key: '', zh: '', en: '', critical: false })} style={{ marginBottom: 12 }}>
                {t('addItem')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={12} wrap>
          <Form.Item name="redMinPercent" label={t('fields.redMinPercent')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="blackBelowPercent" label={t('fields.blackBelowPercent')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="evaluationValidMonths" label={t('fields.evaluationValidMonths')}>
            <InputNumber min={1} max={36} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('fields.effectiveFrom')}>
            <DatePicker />
          </Form.Item>
        </Flex>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {save.isSuccess ? <Alert type="success" title={t('criteriaSaved')} style={{ marginBottom: 12 }} /> : null}
        {canEdit ? (
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('saveCriteria')}
          </Button>
        ) : null}
      </Form>
    </Flex>
  );
}
