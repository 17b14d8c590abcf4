import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type ExemptionView, useExemptions, useRecordFollowUp } from './api.ts';

/** 免办3C: exemptions with their scope and expiry, the follow-up checks done and the next one due. */
export function Exemptions() {
  const { t } = useTranslation('product-quality');
  const [isDue, setIsDue] = useState<boolean | undefined>();
  const [page, setPage] = useState(1);
  const [checking, setChecking] = useState<ExemptionView | null>(null);
  const exemptions = useExemptions({ isDue, page });
  return (
    <Flex vertical gap={12}>
      <Alert type="info" title={t('ccc.settingNote')} />
      <Select
        allowClear
        aria-label={t('fields.isDue')}
        placeholder={t('fields.isDue')}
        style={{ width: 200 }}
        value={isDue === undefined ? undefined : String(isDue)}
        onChange={(value?: string) => {
          setIsDue(value === undefined ? undefined : value === 'true');
          setPage(1);
        }}
        options={[
          { value: 'true', label: t('ccc.due') },
          { value: 'false', label: t('ccc.notDue') },
        ]}
      />
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
              row.followUpDue ? (
                <Button size="small" onClick={() => setChecking(row)}>
                  {t('ccc.recordCheck')}
                </Button>
              ) : null,
          },
        ]}
      />
      {checking ? <FollowUpModal exemption={checking} onClose={() => setChecking(null)} /> : null}
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
