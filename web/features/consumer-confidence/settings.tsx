import { Alert, Button, Card, DatePicker, Form, InputNumber } from 'antd';
import type dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { useConfidenceSettings, useSaveConfidenceSettings } from './api.ts';

interface Values {
  effectiveFrom: dayjs.Dayjs;
  maxComplaints: number;
  maxCases: number;
}

/** The bureau's removal thresholds for the yearly review, dated: a change applies to reviews from its day on. */
export function ConfidenceSettings() {
  const { t } = useTranslation('markets');
  const settings = useConfidenceSettings();
  const save = useSaveConfidenceSettings();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({
        effectiveFrom: chinaTodayPicker(),
        maxComplaints: settings.data.maxComplaints,
        maxCases: settings.data.maxCases,
      });
  }, [settings.data, form]);
  const submit = async (values: Values) => {
    setSaved(false);
    setErrors([]);
    try {
      await save.mutateAsync({ ...values, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD') });
      setSaved(true);
    } catch (caught) {
      setErrors(applyProblemToForm(form, caught));
    }
  };
  const required = [{ required: true, message: t('confidence.required') }];
  return (
    <Card size="small" title={t('confidence.settingsTitle')} style={{ maxWidth: 560 }}>
      <p>
        {settings.data?.effectiveFrom
          ? t('confidence.settingsInForce', { day: settings.data.effectiveFrom })
          : t('confidence.settingsDefault')}
      </p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="maxComplaints" label={t('confidence.maxComplaints')} rules={required}>
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="maxCases" label={t('confidence.maxCases')} rules={required}>
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('confidence.effectiveFrom')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
        {saved ? <Alert type="success" title={t('confidence.saved')} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('confidence.save')}
        </Button>
      </Form>
    </Card>
  );
}
