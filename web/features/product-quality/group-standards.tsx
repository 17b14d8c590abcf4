import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { groupStandardStatuses } from '../../../shared/vocabularies/product-quality.ts';
import { EntitySelect } from '../../components/entity-select.tsx';
import { ChoiceFilter, FilterBar } from '../../components/list-filters.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type GroupStandardView, useCreateGroupStandard, useGroupStandards, useUpdateGroupStandard } from './api.ts';

type Status = GroupStandardView['status'];

/** 团体标准 led by district firms (浙江制造 T/ZZB and others), per year, each linked to its firm in the registry. */
export function GroupStandards() {
  const { t } = useTranslation('product-quality');
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<GroupStandardView | 'new' | null>(null);
  const standards = useGroupStandards({ year, status, page });
  const me = useMe();
  const canEdit = hasAnyRole(me.data, caseWorkerRoles);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={t('standards.note')} />
      <FilterBar>
        <InputNumber
          aria-label={t('fields.year')}
          placeholder={t('fields.year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(value) => {
            setYear(value ?? undefined);
            setPage(1);
          }}
        />
        <ChoiceFilter
          label={t('fields.status')}
          value={status}
          values={groupStandardStatuses}
          labelOf={(value) => t(`standardStatuses.${value}`)}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
        {standards.data ? (
          <Typography.Text type="secondary" data-testid="standards-by-year" style={{ alignSelf: 'center' }}>
            {t('standards.byYear')}：{standards.data.byYear.map((row) => t('standards.yearCount', row)).join('，')}
          </Typography.Text>
        ) : null}
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="standard-add" style={{ marginLeft: 'auto' }}>
            {t('standards.add')}
          </Button>
        ) : null}
      </FilterBar>
      <Table<GroupStandardView>
        rowKey="id"
        size="small"
        loading={standards.isLoading}
        dataSource={standards.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: standards.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.code'), dataIndex: 'code' },
          { title: t('fields.title'), dataIndex: 'title' },
          { title: t('fields.association'), dataIndex: 'association' },
          {
            title: t('fields.leadFirm'),
            dataIndex: 'entityName',
            render: (value: string, row) => (
              <>
                <Link to={`/registry/entities/${row.entityId}`}>{value}</Link>
                {row.brandFirmId ? <Tag style={{ marginInlineStart: 8 }}>{t('standards.brandFirm')}</Tag> : null}
              </>
            ),
          },
          { title: t('fields.publishedOn'), dataIndex: 'publishedOn' },
          { title: t('fields.implementedOn'), dataIndex: 'implementedOn', render: (value: string | null) => value ?? '—' },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: Status) => <Tag color={value === 'in_force' ? 'green' : 'default'}>{t(`standardStatuses.${value}`)}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) =>
              canEdit ? (
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {editing ? <StandardFormModal standard={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}

interface StandardFormValues {
  entityId?: number;
  code: string;
  title: string;
  association: string;
  publishedOn: dayjs.Dayjs;
  implementedOn?: dayjs.Dayjs | null;
  status: Status;
}

function StandardFormModal({ standard, onClose }: { standard: GroupStandardView | null; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const create = useCreateGroupStandard();
  const update = useUpdateGroupStandard();
  const [form] = Form.useForm<StandardFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const onError = (error: unknown) => setErrors(applyProblemToForm(form, error));
  const required = [{ required: true, whitespace: true, message: t('required') }];
  const submit = (values: StandardFormValues) => {
    const fields = {
      code: values.code.trim(),
      title: values.title.trim(),
      association: values.association.trim(),
      publishedOn: values.publishedOn.format('YYYY-MM-DD'),
      implementedOn: values.implementedOn ? values.implementedOn.format('YYYY-MM-DD') : null,
    };
    setErrors([]);
    if (standard) update.mutate({ id: standard.id, ...fields, status: values.status }, { onSuccess: onClose, onError });
    else create.mutate({ entityId: values.entityId as number, ...fields }, { onSuccess: onClose, onError });
  };
  return (
    <Modal
      open
      title={standard ? `${t('standards.edit')} · ${standard.code}` : t('standards.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      okText={t('save')}
      destroyOnHidden
    >
      <Form<StandardFormValues>
        form={form}
        layout="vertical"
        initialValues={
          standard
            ? {
                code: standard.code,
                title: standard.title,
                association: standard.association,
                publishedOn: dayjs(standard.publishedOn),
                implementedOn: standard.implementedOn ? dayjs(standard.implementedOn) : null,
                status: standard.status,
              }
            : { association: '浙江省品牌建设联合会', status: 'in_force' }
        }
        onFinish={submit}
      >
        {standard ? null : (
          <Form.Item name="entityId" label={t('fields.leadFirm')} rules={[{ required: true, message: t('required') }]}>
            <EntitySelect aria-label={t('fields.leadFirm')} />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('fields.code')} rules={required}>
          <Input maxLength={60} placeholder="T/ZZB 0000-2021" aria-label={t('fields.code')} />
        </Form.Item>
        <Form.Item name="title" label={t('fields.title')} rules={required}>
          <Input maxLength={200} aria-label={t('fields.title')} />
        </Form.Item>
        <Form.Item name="association" label={t('fields.association')} rules={required}>
          <Input maxLength={100} aria-label={t('fields.association')} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="publishedOn"
            label={t('fields.publishedOn')}
            rules={[{ required: true, message: t('required') }]}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} aria-label={t('fields.publishedOn')} />
          </Form.Item>
          <Form.Item name="implementedOn" label={t('fields.implementedOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} aria-label={t('fields.implementedOn')} />
          </Form.Item>
        </Flex>
        {standard ? (
          <Form.Item name="status" label={t('fields.status')}>
            <Select options={groupStandardStatuses.map((value) => ({ value, label: t(`standardStatuses.${value}`) }))} />
          </Form.Item>
        ) : null}
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
