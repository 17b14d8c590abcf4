import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntitySelect } from '../../components/entity-select.tsx';
import { StreetSelect } from '../../components/street-select.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type ComplaintView, complaintCategories, complaintChannels, complaintKinds, type IntakeBody, useIntake } from './api.ts';

interface IntakeValues extends Omit<IntakeBody, 'receivedOn' | 'knewOn'> {
  receivedOn?: Dayjs;
  knewOn?: Dayjs;
}

/** Staff entry of a hotline call, a letter or a visit. */
export function IntakeModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (view: ComplaintView) => void;
}) {
  const { t } = useTranslation(['complaints', 'shell']);
  const [form] = Form.useForm<IntakeValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const intake = useIntake();
  const kind = Form.useWatch('kind', form);
  const entityId = Form.useWatch('entityId', form);
  const isAnonymous = Form.useWatch('isAnonymous', form);

  const handleSubmit = async () => {
    const values = await form.validateFields();
    setErrors([]);
    const body: IntakeBody = {
      ...values,
      receivedOn: values.receivedOn?.format('YYYY-MM-DD'),
      knewOn: values.knewOn?.format('YYYY-MM-DD'),
    };
    for (const key of Object.keys(body) as (keyof IntakeBody)[]) if (body[key] === undefined || body[key] === '') delete body[key];
    try {
      const created = await intake.mutateAsync(body);
      form.resetFields();
      onCreated(created);
    } catch (error) {
      setErrors(applyProblemToForm(form, error));
    }
  };

  return (
    <Modal
      open={open}
      title={t('new')}
      onCancel={onClose}
      onOk={handleSubmit}
      confirmLoading={intake.isPending}
      okText={t('shell:actions.save')}
      destroyOnHidden
      width={640}
    >
      {errors.length ? <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'complaint', channel: 'hotline_12315', category: 'food' }}>
        <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
          <Select options={complaintKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true }]}>
          <Select options={complaintChannels.map((value) => ({ value, label: t(`channels.${value}`) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]}>
          <Select options={complaintCategories.map((value) => ({ value, label: t(`categories.${value}`) }))} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('fields.receivedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="entityId" label={t('fields.entity')}>
          <EntitySelect data-testid="intake-entity" />
        </Form.Item>
        {entityId ? null : (
          <>
            <Form.Item name="respondentName" label={t('fields.respondent')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="respondentAddress" label={t('fields.respondentAddress')}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="streetCode" label={t('fields.street')}>
              <StreetSelect />
            </Form.Item>
          </>
        )}
        {kind === 'report' ? (
          <Form.Item name="isAnonymous" valuePropName="checked">
            <Checkbox>{t('fields.anonymous')}</Checkbox>
          </Form.Item>
        ) : null}
        {isAnonymous ? null : (
          <>
            <Form.Item name="complainantName" label={t('fields.complainantName')}>
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
            <Form.Item name="complainantPhone" label={t('fields.phone')}>
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
            <Form.Item name="complainantAddress" label={t('fields.address')}>
              <Input maxLength={300} autoComplete="off" />
            </Form.Item>
          </>
        )}
        <Form.Item name="facts" label={t('fields.facts')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="request" label={t('fields.request')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="knewOn" label={t('fields.knewOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
