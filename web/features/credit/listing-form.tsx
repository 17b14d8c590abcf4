import { Alert, Button, Card, DatePicker, Form, InputNumber, Select } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker, chinaYear } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type AbnormalReasonName, useCreateListing } from './api.ts';
import { EntityPicker } from './entity-picker.tsx';

const reasons: AbnormalReasonName[] = [
  'annual_report_not_filed',
  'unreachable_at_address',
  'false_information',
  'information_not_disclosed',
];

/** The decision to list an entity (an individual business: to mark it) with its legal reason. */
export function ListingForm() {
  const { t } = useTranslation('credit');
  const create = useCreateListing();
  const [form] = Form.useForm<{ entityId: number; reason: AbnormalReasonName; reportYear?: number; decidedOn: dayjs.Dayjs }>();
  const reason = Form.useWatch('reason', form);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = (values: { entityId: number; reason: AbnormalReasonName; reportYear?: number; decidedOn: dayjs.Dayjs }) => {
    setSaved(false);
    setErrors([]);
    create.mutate(
      {
        entityId: values.entityId,
        reason: values.reason,
        decidedOn: values.decidedOn.format('YYYY-MM-DD'),
        ...(values.reason === 'annual_report_not_filed' && values.reportYear ? { reportYear: values.reportYear } : {}),
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
    <Card size="small" title={t('listTitle')} style={{ maxWidth: 640 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reason: 'annual_report_not_filed', reportYear: chinaYear() - 1, decidedOn: chinaTodayPicker() }}
      >
        <Form.Item name="entityId" label={t('fields.entity')} rules={[{ required: true, message: t('required') }]}>
          <EntityPicker testId="listing-entity" />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, message: t('required') }]}>
          <Select options={reasons.map((value) => ({ value, label: t(`reasons.${value}`) }))} data-testid="listing-reason" />
        </Form.Item>
        {reason === 'annual_report_not_filed' ? (
          <Form.Item name="reportYear" label={t('fields.reportYear')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={2013} max={chinaYear()} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="decidedOn" label={t('fields.decidedOn')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {saved ? <Alert type="success" title={t('listed')} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" block loading={create.isPending} data-testid="submit-listing">
          {t('list')}
        </Button>
      </Form>
    </Card>
  );
}
