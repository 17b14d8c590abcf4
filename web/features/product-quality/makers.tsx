import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { makerGrades, safetyProductGroups } from '../../../shared/vocabularies/product-quality.ts';
import { EntitySelect } from '../../components/entity-select.tsx';
import { ChoiceFilter, FilterBar } from '../../components/list-filters.tsx';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type MakerView, useCreateMaker, useGradeHistory, useMakers, useRecordInspection, useUpdateMaker } from './api.ts';

const gradeColours = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

/** 涉安类产品分类分级: makers graded today from sampling, cases, complaints and licences, with the inspection due by grade. */
export function Makers() {
  const { t } = useTranslation('product-quality');
  const [grade, setGrade] = useState<string | undefined>();
  const [isDue, setIsDue] = useState<boolean | undefined>();
  const [page, setPage] = useState(1);
  const [inspecting, setInspecting] = useState<MakerView | null>(null);
  const [editing, setEditing] = useState<MakerView | 'new' | null>(null);
  const [history, setHistory] = useState<MakerView | null>(null);
  const makers = useMakers({ grade, isDue, page });
  const me = useMe();
  const canEdit = hasAnyRole(me.data, caseWorkerRoles);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={t('makers.settingNote')} />
      <FilterBar>
        <ChoiceFilter
          label={t('fields.grade')}
          value={grade}
          values={makerGrades}
          labelOf={(value) => t(`grades.${value}`)}
          width={160}
          onChange={(value) => {
            setGrade(value);
            setPage(1);
          }}
        />
        <ChoiceFilter
          label={t('fields.isDue')}
          value={isDue === undefined ? undefined : String(isDue)}
          values={['true', 'false'] as const}
          labelOf={(value) => t(value === 'true' ? 'makers.due' : 'makers.notDue')}
          width={180}
          onChange={(value) => {
            setIsDue(value === undefined ? undefined : value === 'true');
            setPage(1);
          }}
        />
        {makers.data ? (
          <Typography.Text type="secondary" data-testid="grade-counts" style={{ alignSelf: 'center' }}>
            {makerGrades.map((value) => `${value} ${makers.data.byGrade[value]}`).join(' · ')}
          </Typography.Text>
        ) : null}
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="maker-add" style={{ marginLeft: 'auto' }}>
            {t('makers.add')}
          </Button>
        ) : null}
      </FilterBar>
      <Table<MakerView>
        rowKey="id"
        size="small"
        loading={makers.isLoading}
        dataSource={makers.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: makers.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.productGroup'), dataIndex: 'productGroup', render: (value: string) => t(`groups.${value}`) },
          { title: t('fields.products'), dataIndex: 'products' },
          {
            title: t('fields.grade'),
            dataIndex: 'grade',
            render: (value: MakerView['grade'], row) => (
              <Tag color={gradeColours[value]}>
                {t(`grades.${value}`)} · {row.points}
              </Tag>
            ),
          },
          {
            title: t('fields.reasons'),
            dataIndex: 'reasons',
            render: (reasons: MakerView['reasons']) =>
              reasons.length ? reasons.map((reason) => `${t(`reasons.${reason.reason}`)} ${reason.points}`).join('；') : '—',
          },
          { title: t('fields.licence'), dataIndex: 'licenceState', render: (value: string) => t(`licence.${value}`) },
          { title: t('fields.lastInspectedOn'), dataIndex: 'lastInspectedOn', render: (value: string | null) => value ?? '—' },
          {
            title: t('fields.nextInspectionDue'),
            dataIndex: 'nextInspectionDue',
            render: (value: string, row) => (row.isDue ? <Tag color="red">{value}</Tag> : value),
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) => (
              <Space size={4}>
                <Button size="small" onClick={() => setHistory(row)}>
                  {t('makers.history')}
                </Button>
                {canEdit ? (
                  <>
                    <Button size="small" onClick={() => setEditing(row)}>
                      {t('edit')}
                    </Button>
                    <Button size="small" onClick={() => setInspecting(row)}>
                      {t('makers.recordInspection')}
                    </Button>
                  </>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {inspecting ? <InspectionModal maker={inspecting} onClose={() => setInspecting(null)} /> : null}
      {editing ? <MakerFormModal maker={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {history ? <GradeHistoryDrawer maker={history} onClose={() => setHistory(null)} /> : null}
    </Flex>
  );
}

function InspectionModal({ maker, onClose }: { maker: MakerView; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const record = useRecordInspection();
  const [form] = Form.useForm<{ inspectedOn: dayjs.Dayjs }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('makers.recordInspection')} · ${maker.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ inspectedOn: chinaTodayPicker() }}
        onFinish={(values) =>
          record.mutate(
            { id: maker.id, inspectedOn: values.inspectedOn.format('YYYY-MM-DD') },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="inspectedOn" label={t('fields.inspectedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

interface MakerFormValues {
  entityId?: number;
  productGroup?: MakerView['productGroup'];
  products: string;
  licenceRequired: boolean;
  licenceNumber?: string;
  licenceValidUntil?: dayjs.Dayjs | null;
}

/** A new maker (firm from the registry, product group) or an edit of one's products and licence. */
function MakerFormModal({ maker, onClose }: { maker: MakerView | null; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const create = useCreateMaker();
  const update = useUpdateMaker();
  const [form] = Form.useForm<MakerFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const licenceRequired = Form.useWatch('licenceRequired', form);
  const onError = (error: unknown) => setErrors(applyProblemToForm(form, error));
  const submit = (values: MakerFormValues) => {
    const licence = {
      licenceRequired: values.licenceRequired,
      licenceNumber: values.licenceRequired && values.licenceNumber?.trim() ? values.licenceNumber.trim() : null,
      licenceValidUntil: values.licenceRequired && values.licenceValidUntil ? values.licenceValidUntil.format('YYYY-MM-DD') : null,
    };
    setErrors([]);
    if (maker) update.mutate({ id: maker.id, products: values.products.trim(), ...licence }, { onSuccess: onClose, onError });
    else
      create.mutate(
        {
          entityId: values.entityId as number,
          productGroup: values.productGroup as MakerView['productGroup'],
          products: values.products.trim(),
          ...licence,
        },
        { onSuccess: onClose, onError },
      );
  };
  return (
    <Modal
      open
      title={maker ? `${t('makers.edit')} · ${maker.entityName}` : t('makers.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      okText={t('save')}
      destroyOnHidden
    >
      <Form<MakerFormValues>
        form={form}
        layout="vertical"
        initialValues={
          maker
            ? {
                products: maker.products,
                licenceRequired: maker.licenceState !== 'not_required',
                licenceNumber: maker.licenceNumber ?? undefined,
                licenceValidUntil: maker.licenceValidUntil ? dayjs(maker.licenceValidUntil) : null,
              }
            : { licenceRequired: true }
        }
        onFinish={submit}
      >
        {maker ? null : (
          <>
            <Form.Item name="entityId" label={t('fields.entity')} rules={[{ required: true, message: t('required') }]}>
              <EntitySelect aria-label={t('fields.entity')} />
            </Form.Item>
            <Form.Item name="productGroup" label={t('fields.productGroup')} rules={[{ required: true, message: t('required') }]}>
              <Select
                aria-label={t('fields.productGroup')}
                options={safetyProductGroups.map((value) => ({ value, label: t(`groups.${value}`) }))}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="products" label={t('fields.products')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} aria-label={t('fields.products')} />
        </Form.Item>
        <Form.Item name="licenceRequired" label={t('fields.licenceRequired')} valuePropName="checked">
          <Switch aria-label={t('fields.licenceRequired')} />
        </Form.Item>
        {licenceRequired ? (
          <>
            <Form.Item name="licenceNumber" label={t('fields.licenceNumber')}>
              <Input maxLength={60} aria-label={t('fields.licenceNumber')} />
            </Form.Item>
            <Form.Item name="licenceValidUntil" label={t('fields.licenceValidUntil')}>
              <DatePicker style={{ width: '100%' }} aria-label={t('fields.licenceValidUntil')} />
            </Form.Item>
          </>
        ) : null}
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

/** Every grade the maker has had, newest first: the date, old → new grade, the cause and the facts graded. */
function GradeHistoryDrawer({ maker, onClose }: { maker: MakerView; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const history = useGradeHistory(maker.id);
  const items = history.data?.items ?? [];
  return (
    <Drawer open onClose={onClose} title={t('makers.historyTitle', { name: maker.entityName })} size="large">
      {history.isSuccess && items.length === 0 ? <Empty description={t('makers.noHistory')} /> : null}
      <Timeline
        data-testid="grade-history"
        items={items.map((row, index) => ({
          key: `${row.changedOn}-${index}`,
          color: gradeColours[row.newGrade],
          content: (
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {row.changedOn} · {row.oldGrade ? `${row.oldGrade} → ` : ''}
                {t(`grades.${row.newGrade}`)} · {row.points}
              </Typography.Text>
              <Typography.Text>{t(`causes.${row.cause}`)}</Typography.Text>
              <Typography.Text type="secondary">
                {t('makers.factsLine', {
                  failed: row.facts.failedSamples12m,
                  penalties: row.facts.penalties12m,
                  complaints: row.facts.complaints12m,
                  licence: t(`licence.${row.facts.licence}`),
                })}
              </Typography.Text>
              {row.changedFacts.length ? (
                <Typography.Text type="secondary">
                  {t('makers.changedFacts', { facts: row.changedFacts.map((fact) => t(`factNames.${fact}`)).join('、') })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        }))}
      />
    </Drawer>
  );
}
