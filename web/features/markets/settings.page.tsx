import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type SettingsBody, useMarketSettings, useSaveMarketSettings } from './api.ts';

type FormValues = Omit<SettingsBody, 'effectiveFrom'> & { effectiveFrom: dayjs.Dayjs };

/**
 * The bureau's settings for farmers' markets, each change effective from a date (a past day keeps its own): the key
 * products whose prices are reported, the price anomaly threshold, the star rating's indicators and thresholds and
 * validity, the scale verification period, and the station's inspection check-list. Section staff change them.
 */
export function MarketSettingsPage() {
  const { t } = useTranslation('markets');
  const me = useMe().data;
  const canEdit = hasAnyRole(me, settingsRoles);
  const current = useMarketSettings();
  const save = useSaveMarketSettings();
  const [form] = Form.useForm<FormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const data = current.data;
  const handleSave = async () => {
    const values = await form.validateFields();
    setProblems([]);
    setSaved(false);
    try {
      await save.mutateAsync({ ...values, effectiveFrom: values.effectiveFrom.format('YYYY-MM-DD') });
      setSaved(true);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Typography.Paragraph type="secondary">{t('settings.explain')}</Typography.Paragraph>
      {current.error ? <Alert type="error" title={problemMessage(current.error)} /> : null}
      {data ? (
        <Card size="small" title={data.effectiveFrom ? t('settings.inForce', { from: data.effectiveFrom }) : t('settings.inForceDefault')}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            data-testid="market-settings-in-force"
            items={[
              { key: 'products', label: t('settings.keyProducts'), children: data.keyProducts.join('、') },
              { key: 'anomaly', label: t('settings.priceAnomalyPercent'), children: `${data.priceAnomalyPercent}%` },
              {
                key: 'stars',
                label: t('settings.starIndicators'),
                children: data.starIndicators.map((item) => `${item.name} ${item.maxPoints}`).join('；'),
              },
              { key: 'thresholds', label: t('settings.starThresholds'), children: data.starThresholds.join(' / ') },
              { key: 'validity', label: t('settings.starValidityYears'), children: data.starValidityYears },
              { key: 'scales', label: t('settings.scaleVerificationMonths'), children: data.scaleVerificationMonths },
              { key: 'checklist', label: t('settings.checklistItems'), children: data.checklistItems.map((item) => item.name).join('；') },
            ]}
          />
        </Card>
      ) : null}
      {canEdit && data ? (
        <Card size="small" title={t('settings.change')} style={{ marginTop: 12 }}>
          {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
          {saved ? <Alert type="success" title={t('settings.saved')} style={{ marginBottom: 12 }} /> : null}
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{ ...data, effectiveFrom: dayjs(chinaToday()) }}
            style={{ maxWidth: 760 }}
          >
            <Form.Item name="effectiveFrom" label={t('settings.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            <Form.Item name="keyProducts" label={t('settings.keyProducts')} rules={[{ required: true }]}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} />
            </Form.Item>
            <Form.Item name="priceAnomalyPercent" label={t('settings.priceAnomalyPercent')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} precision={0} addonAfter="%" />
            </Form.Item>
            <Form.Item label={t('settings.starIndicators')} required>
              <Form.List name="starIndicators">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap>
                        <Form.Item
                          name={[field.name, 'code']}
                          rules={[{ required: true, pattern: /^[a-z_]+$/, message: t('settings.codeFormat') }]}
                        >
                          <Input placeholder={t('settings.code')} style={{ width: 150 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                          <Input placeholder={t('settings.name')} style={{ width: 280 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'maxPoints']} rules={[{ required: true }]}>
                          <InputNumber min={1} max={100} precision={0} placeholder={t('settings.maxPoints')} />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>{t('settings.remove')}</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ code: '', name: '', maxPoints: 10 })}>{t('settings.add')}</Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Form.Item label={t('settings.starThresholds')} required extra={t('settings.starThresholdsHelp')}>
              <Space>
                {[0, 1, 2, 3].map((index) => (
                  <Form.Item key={index} name={['starThresholds', index]} noStyle rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} precision={0} addonBefore={`${index + 2}★`} style={{ width: 120 }} />
                  </Form.Item>
                ))}
              </Space>
            </Form.Item>
            <Form.Item name="starValidityYears" label={t('settings.starValidityYears')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10} precision={0} />
            </Form.Item>
            <Form.Item name="scaleVerificationMonths" label={t('settings.scaleVerificationMonths')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
            <Form.Item label={t('settings.checklistItems')} required>
              <Form.List name="checklistItems">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap>
                        <Form.Item
                          name={[field.name, 'code']}
                          rules={[{ required: true, pattern: /^[a-z_]+$/, message: t('settings.codeFormat') }]}
                        >
                          <Input placeholder={t('settings.code')} style={{ width: 150 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'name']} rules={[{ required: true }]}>
                          <Input placeholder={t('settings.name')} style={{ width: 360 }} />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>{t('settings.remove')}</Button>
                      </Space>
                    ))}
                    <Button onClick={() => add({ code: '', name: '' })}>{t('settings.add')}</Button>
                  </>
                )}
              </Form.List>
            </Form.Item>
            <Button type="primary" onClick={handleSave} loading={save.isPending} data-testid="save-market-settings">
              {t('settings.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
