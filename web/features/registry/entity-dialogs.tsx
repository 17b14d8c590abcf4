import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type EntityView, entityStatuses, type RevealField, useChangeStatus, useReveal } from './api.ts';

interface RevealModalProps {
  entityId: number;
  field: RevealField;
  onClose: () => void;
}

/**
 * Asks why the plain ID number or phone is needed, then shows it once: the reason goes into the audit
 * log with the reveal, and the value is gone when the dialog closes.
 */
export function RevealModal({ entityId, field, onClose }: RevealModalProps) {
  const { t } = useTranslation(['registry', 'shell']);
  const [form] = Form.useForm<{ reason: string }>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const reveal = useReveal(entityId);
  const value = reveal.data;

  const handleFinish = async ({ reason }: { reason: string }) => {
    setOtherErrors([]);
    try {
      await reveal.mutateAsync({ field, reason: reason.trim() });
    } catch (error) {
      setOtherErrors(applyProblemToForm(form, error));
    }
  };

  return (
    <Modal
      open
      title={t('reveal.title', { field: t(field === 'phone' ? 'fields.phone' : 'fields.legalRepId') })}
      onCancel={onClose}
      onOk={value ? onClose : () => form.submit()}
      okText={value ? t('shell:actions.close') : t('reveal.submit')}
      cancelButtonProps={value ? { style: { display: 'none' } } : {}}
      cancelText={t('shell:actions.cancel')}
      confirmLoading={reveal.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {value ? (
        <>
          <Typography.Paragraph type="secondary">{t('reveal.shownOnce')}</Typography.Paragraph>
          <Typography.Title level={4} copyable style={{ fontFamily: 'monospace', marginTop: 0 }} data-testid="revealed-value">
            {value.value ?? t('reveal.none')}
          </Typography.Title>
        </>
      ) : (
        <>
          {otherErrors.length > 0 ? <Alert type="error" showIcon title={otherErrors.join('; ')} style={{ marginBottom: 16 }} /> : null}
          <Typography.Paragraph type="secondary">{t('reveal.hint')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={handleFinish} initialValues={{ reason: '' }} data-testid="reveal-form">
            <Form.Item
              name="reason"
              label={t('reveal.reason')}
              rules={[
                { required: true, whitespace: true, message: t('reveal.reasonRequired') },
                { min: 2, message: t('reveal.reasonRequired') },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} placeholder={t('reveal.reasonPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

interface StatusFormValues {
  status: EntityView['status'];
  since: Dayjs | null;
  reason: string;
}

/** A dated change of registration status with its reason (section staff and admins). */
export function StatusChangeModal({ entity, onClose, onChanged }: { entity: EntityView; onClose: () => void; onChanged: () => void }) {
  const { t } = useTranslation(['registry', 'shell']);
  const [form] = Form.useForm<StatusFormValues>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const changeStatus = useChangeStatus(entity.id);

  const handleFinish = async (values: StatusFormValues) => {
    setOtherErrors([]);
    try {
      await changeStatus.mutateAsync({
        status: values.status,
        since: values.since?.format('YYYY-MM-DD') ?? '',
        reason: values.reason.trim(),
      });
      onChanged();
    } catch (error) {
      setOtherErrors(applyProblemToForm(form, error));
    }
  };

  return (
    <Modal
      open
      title={t('statusChange.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('shell:actions.save')}
      cancelText={t('shell:actions.cancel')}
      confirmLoading={changeStatus.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {otherErrors.length > 0 ? <Alert type="error" showIcon title={otherErrors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form<StatusFormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ status: entity.status === 'active' ? 'cancelled' : 'active', since: chinaTodayPicker(), reason: '' }}
        data-testid="status-form"
      >
        <Form.Item name="status" label={t('fields.status')} rules={[{ required: true }]}>
          <Select options={entityStatuses.map((value) => ({ value, label: t(`statuses.${value}`) }))} />
        </Form.Item>
        <Form.Item name="since" label={t('statusChange.since')} rules={[{ required: true, message: t('statusChange.sinceRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('statusChange.reason')}
          rules={[{ required: true, whitespace: true, message: t('statusChange.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
