import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday, formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type SettingsBody, type SettingsView, useSaveSettings, useSettings } from './api.ts';

type Settings = SettingsView['settings'];
type FormValues = Omit<SettingsBody, 'effectiveFrom'> & { effectiveFrom: dayjs.Dayjs };

const summary = (t: (key: string, values?: Record<string, unknown>) => string, settings: Settings) => [
  { key: 'reportCutOff', label: t('settings.reportCutOff'), children: settings.reportCutOff },
  { key: 'hours', label: t('settings.hours'), children: `${settings.opensAt}–${settings.closesAt}` },
  { key: 'tolerance', label: t('settings.toleranceMinutes'), children: settings.toleranceMinutes },
  { key: 'radius', label: t('settings.checkInRadiusMetres'), children: settings.checkInRadiusMetres },
  { key: 'retention', label: t('settings.retentionDays'), children: settings.retentionDays },
  {
    key: 'thresholds',
    label: t('settings.shortageThresholds'),
    children: t('settings.thresholdsText', settings.shortageThresholds),
  },
];

/**
 * The bureau's settings for pharmacies: the daily report's cut-off, the pharmacist's hours and tolerance, the
 * check-in radius, the retention of buyer registrations and the shortage thresholds. No national rule sets them: they
 * are the bureau's, each change effective from a date (a past day keeps the rule of its day).
 */
export function SettingsPage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const canEdit = hasAnyRole(me, settingsRoles);
  const current = useSettings();
  const save = useSaveSettings();
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
        <Card size="small" title={data.isDefault ? t('settings.inForceDefault') : t('settings.inForce', { from: data.effectiveFrom })}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }} items={summary(t, data.settings)} data-testid="settings-in-force" />
        </Card>
      ) : null}
      {canEdit && data ? (
        <Card size="small" title={t('settings.change')} style={{ marginTop: 12 }}>
          {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
          {saved ? <Alert type="success" title={t('settings.saved')} style={{ marginBottom: 12 }} /> : null}
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={{ ...data.settings, effectiveFrom: dayjs(chinaToday()) }}
            style={{ maxWidth: 640 }}
          >
            <Form.Item name="effectiveFrom" label={t('settings.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker allowClear={false} />
            </Form.Item>
            {(['reportCutOff', 'opensAt', 'closesAt'] as const).map((name) => (
              <Form.Item
                key={name}
                name={name}
                label={t(`settings.${name}`)}
                rules={[{ required: true, pattern: /^([01][0-9]|2[0-3]):[0-5][0-9]$/, message: t('settings.timeFormat') }]}
              >
                <Input placeholder="HH:MM" style={{ width: 120 }} />
              </Form.Item>
            ))}
            {(
              [
                ['toleranceMinutes', 0, 240],
                ['checkInRadiusMetres', 20, 5000],
                ['retentionDays', 60, 3650],
              ] as const
            ).map(([name, min, max]) => (
              <Form.Item key={name} name={name} label={t(`settings.${name}`)} rules={[{ required: true }]}>
                <InputNumber min={min} max={max} precision={0} />
              </Form.Item>
            ))}
            {(['masks', 'alcohol', 'thermometers'] as const).map((item) => (
              <Form.Item
                key={item}
                name={['shortageThresholds', item]}
                label={t('settings.threshold', { item: t(`supplies.items.${item}`) })}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} precision={0} />
              </Form.Item>
            ))}
            <Form.Item name="note" label={t('settings.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" onClick={handleSave} loading={save.isPending} data-testid="save-settings">
              {t('settings.save')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {data?.history.length ? (
        <Card size="small" title={t('settings.history')} style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.history}
            columns={[
              { title: t('settings.effectiveFrom'), dataIndex: 'effectiveFrom' },
              { title: t('settings.reportCutOff'), key: 'cutOff', render: (_value, row) => row.settings.reportCutOff },
              { title: t('settings.retentionDays'), key: 'retention', render: (_value, row) => row.settings.retentionDays },
              { title: t('settings.note'), dataIndex: 'note' },
              { title: t('settings.changedAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
