import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseWorkerRoles } from '../../../shared/roles.ts';
import { cccExemptionReasons, cccExemptionStatuses } from '../../../shared/vocabularies/product-quality.ts';
import { EntitySelect } from '../../components/entity-select.tsx';
import { ChoiceFilter, FilterBar } from '../../components/list-filters.tsx';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ExemptionView, useCreateExemption, useExemptions, useRecordFollowUp, useUpdateExemption } from './api.ts';

/** 免办3C: exemptions with their scope and expiry, the follow-up checks done and the next one due. */
export function Exemptions() {
  const { t } = useTranslation('product-quality');
  const [isDue, setIsDue] = useState<boolean | undefined>();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ExemptionView['status'] | undefined>();
  const [checking, setChecking] = useState<ExemptionView | null>(null);
  const [editing, setEditing] = useState<ExemptionView | 'new' | null>(null);
  const exemptions = useExemptions({ isDue, status, page });
  const me = useMe();
  const canEdit = hasAnyRole(me.data, caseWorkerRoles);
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={t('ccc.settingNote')} />
      <FilterBar>
        <ChoiceFilter
          label={t('fields.status')}
          value={status}
          values={cccExemptionStatuses}
          labelOf={(value) => t(`exemptionStatuses.${value}`)}
          width={140}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
        <ChoiceFilter
          label={t('fields.isDue')}
          value={isDue === undefined ? undefined : String(isDue)}
          values={['true', 'false'] as const}
          labelOf={(value) => t(value === 'true' ? 'ccc.due' : 'ccc.notDue')}
          width={200}
          onChange={(value) => {
            setIsDue(value === undefined ? undefined : value === 'true');
            setPage(1);
          }}
        />
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="exemption-add" style={{ marginLeft: 'auto' }}>
            {t('ccc.add')}
          </Button>
        ) : null}
      </FilterBar>
      <Table<ExemptionView>
        rowKey="id"
        size="small"
        loading={exemptions.isLoading}
        dataSource={exemptions.data?.items}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: exemptions.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.entity'), dataIndex: 'entityName' },
          { title: t('fields.certificateNumber'), dataIndex: 'certificateNumber' },
          { title: t('fields.reason'), dataIndex: 'reason', render: (value: string) => t(`exemptionReasons.${value}`) },
          { title: t('fields.scope'), dataIndex: 'scope' },
          { title: t('fields.quantity'), dataIndex: 'quantity', align: 'right' },
          { title: t('fields.validity'), key: 'validity', render: (_, row) => `${row.grantedOn} ~ ${row.expiresOn}` },
          { title: t('fields.status'), dataIndex: 'status', render: (value: string) => t(`exemptionStatuses.${value}`) },
          { title: t('fields.followUps'), dataIndex: 'followUps', render: (checks: ExemptionView['followUps']) => checks.length },
          {
            title: t('fields.followUpDue'),
            dataIndex: 'followUpDue',
            render: (value: string | null, row) => (value === null ? '—' : row.isDue ? <Tag color="red">{value}</Tag> : value),
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) =>
              canEdit ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(row)}>
                    {t('edit')}
                  </Button>
                  {row.followUpDue ? (
                    <Button size="small" onClick={() => setChecking(row)}>
                      {t('ccc.recordCheck')}
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
      {checking ? <FollowUpModal exemption={checking} onClose={() => setChecking(null)} /> : null}
      {editing ? <ExemptionFormModal exemption={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}

function FollowUpModal({ exemption, onClose }: { exemption: ExemptionView; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const record = useRecordFollowUp();
  const [form] = Form.useForm<{ checkedOn: dayjs.Dayjs; result: 'compliant' | 'non_compliant'; note?: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('ccc.recordCheck')} · ${exemption.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ checkedOn: chinaTodayPicker(), result: 'compliant' }}
        onFinish={(values) =>
          record.mutate(
            { id: exemption.id, checkedOn: values.checkedOn.format('YYYY-MM-DD'), result: values.result, note: values.note ?? '' },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="checkedOn" label={t('fields.checkedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label={t('fields.result')} rules={[{ required: true, message: t('required') }]}>
          <Select options={(['compliant', 'non_compliant'] as const).map((value) => ({ value, label: t(`results.${value}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

interface ExemptionFormValues {
  entityId?: number;
  certificateNumber: string;
  reason: ExemptionView['reason'];
  scope: string;
  quantity: number;
  grantedOn: dayjs.Dayjs;
  expiresOn: dayjs.Dayjs;
  isRevoked: boolean;
}

/** A new CCC exemption of a registry firm, or a correction (or revocation) of one. */
function ExemptionFormModal({ exemption, onClose }: { exemption: ExemptionView | null; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const create = useCreateExemption();
  const update = useUpdateExemption();
  const [form] = Form.useForm<ExemptionFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const onError = (error: unknown) => setErrors(applyProblemToForm(form, error));
  const submit = (values: ExemptionFormValues) => {
    const fields = {
      certificateNumber: values.certificateNumber.trim(),
      reason: values.reason,
      scope: values.scope.trim(),
      quantity: values.quantity,
      grantedOn: values.grantedOn.format('YYYY-MM-DD'),
      expiresOn: values.expiresOn.format('YYYY-MM-DD'),
    };
    setErrors([]);
    if (exemption)
      update.mutate({ id: exemption.id, ...fields, status: values.isRevoked ? 'revoked' : 'active' }, { onSuccess: onClose, onError });
    else create.mutate({ entityId: values.entityId as number, ...fields }, { onSuccess: onClose, onError });
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal
      open
      title={exemption ? `${t('ccc.edit')} · ${exemption.entityName}` : t('ccc.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      okText={t('save')}
      destroyOnHidden
    >
      <Form<ExemptionFormValues>
        form={form}
        layout="vertical"
        initialValues={
          exemption
            ? {
                certificateNumber: exemption.certificateNumber,
                reason: exemption.reason,
                scope: exemption.scope,
                quantity: exemption.quantity,
                grantedOn: dayjs(exemption.grantedOn),
                expiresOn: dayjs(exemption.expiresOn),
                isRevoked: exemption.status === 'revoked',
              }
            : { grantedOn: chinaTodayPicker(), reason: 'research_testing', quantity: 1, isRevoked: false }
        }
        onFinish={submit}
      >
        {exemption ? null : (
          <Form.Item name="entityId" label={t('fields.entity')} rules={required}>
            <EntitySelect aria-label={t('fields.entity')} />
          </Form.Item>
        )}
        <Form.Item name="certificateNumber" label={t('fields.certificateNumber')} rules={required}>
          <Input maxLength={60} aria-label={t('fields.certificateNumber')} />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} rules={required}>
          <Select
            aria-label={t('fields.reason')}
            options={cccExemptionReasons.map((value) => ({ value, label: t(`exemptionReasons.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="scope" label={t('fields.scope')} rules={required}>
          <Input.TextArea rows={2} maxLength={500} aria-label={t('fields.scope')} />
        </Form.Item>
        <Form.Item name="quantity" label={t('fields.quantity')} rules={required}>
          <InputNumber min={1} max={10_000_000} precision={0} style={{ width: '100%' }} aria-label={t('fields.quantity')} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="grantedOn" label={t('fields.grantedOn')} rules={required} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} aria-label={t('fields.grantedOn')} />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('fields.expiresOn')} rules={required} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} aria-label={t('fields.expiresOn')} />
          </Form.Item>
        </Flex>
        {exemption ? (
          <Form.Item name="isRevoked" label={t('ccc.revoke')} valuePropName="checked">
            <Switch aria-label={t('ccc.revoke')} />
          </Form.Item>
        ) : null}
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
