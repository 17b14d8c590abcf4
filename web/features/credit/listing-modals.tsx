import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type ListingView, type RepairTarget, useApplyRepair, useFileObjection, useRemoveListing } from './api.ts';

/** Staff remove a listing whose cause is cured (the server checks a missing report is on file). */
export function RemovalModal({ listing, onClose }: { listing: ListingView; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const remove = useRemoveListing();
  const [form] = Form.useForm<{ removedOn: dayjs.Dayjs; removalReason: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('remove')} · ${listing.entityName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: remove.isPending }}
      okText={t('save')}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ removedOn: chinaTodayPicker() }}
        onFinish={(values) =>
          remove.mutate(
            { id: listing.id, removedOn: values.removedOn.format('YYYY-MM-DD'), removalReason: values.removalReason },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="removedOn" label={t('fields.removedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="removalReason" label={t('fields.removalReason')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

/** The entity (or staff for it) applies for credit repair. */
export function RepairModal(props: { target: RepairTarget; targetId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const apply = useApplyRepair();
  const [form] = Form.useForm<{ statement: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('applyRepair')} · ${props.name}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: apply.isPending }}
      okText={t('submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          apply.mutate(
            { target: props.target, targetId: props.targetId, statement: values.statement },
            { onSuccess: props.onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="statement" label={t('fields.statement')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="repair-statement" />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

/** The entity objects to a listing (异议) with its grounds: 30 days from publication for the abnormal list. */
export function ObjectionModal(props: { target: RepairTarget; targetId: number; name: string; until: string | null; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const file = useFileObjection();
  const [form] = Form.useForm<{ grounds: string }>();
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Modal
      open
      title={`${t('objections.file')} · ${props.name}`}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: file.isPending }}
      okText={t('submit')}
    >
      {props.until ? <Typography.Paragraph type="secondary">{t('objections.until', { until: props.until })}</Typography.Paragraph> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          file.mutate(
            { target: props.target, targetId: props.targetId, grounds: values.grounds },
            { onSuccess: props.onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="grounds" label={t('objections.grounds')} rules={[{ required: true, message: t('required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="objection-grounds" />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
