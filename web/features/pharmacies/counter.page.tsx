import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, List, Radio, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idKinds, medicineClasses, symptoms } from '../../../shared/vocabularies/pharmacies.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday, formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { type RegistrationForm, usePharmacies, useRecords, useRegister, useReportNothing, useStatus } from './api.ts';

const feverThreshold = 37.3;

/**
 * The pharmacy's counter page (phone first, 药情每日通): one buyer per submit, the day's registrations below, and the
 * "nothing today" report. Every bad field comes back from the server in the user's language, on its field.
 */
export function CounterPage() {
  const { t } = useTranslation('pharmacies');
  const { message } = App.useApp();
  const [form] = Form.useForm<RegistrationForm>();
  const pharmacies = usePharmacies();
  const [chosen, setChosen] = useState<number | null>(null);
  const pharmacyId = chosen ?? pharmacies.data?.items[0]?.id ?? null;
  const today = chinaToday();
  const records = useRecords(pharmacyId ? { pharmacyId, day: today, pageSize: 50 } : null);
  const status = useStatus(today);
  const register = useRegister();
  const reportNothing = useReportNothing();
  const [problems, setProblems] = useState<string[]>([]);
  const mine = status.data?.items.find((item) => item.pharmacyId === pharmacyId);

  const handleFinish = async (values: RegistrationForm) => {
    if (!pharmacyId) return;
    setProblems([]);
    try {
      const saved = await register.mutateAsync({ ...values, pharmacyId });
      const needsFollowUp = values.hasContactHistory || (values.temperature ?? 0) >= feverThreshold;
      message.success(t('counter.registered', { name: saved.buyerName }));
      if (needsFollowUp) message.warning(t('counter.followUpHint'));
      form.resetFields();
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };

  if (pharmacies.data && pharmacies.data.items.length === 0) return <Alert type="info" title={t('counter.noPharmacy')} />;
  return (
    <>
      <PageHeader title={t('counter.title')} />
      <Flex vertical gap={12} style={{ maxWidth: 560 }}>
        {pharmacies.data && pharmacies.data.items.length > 1 ? (
          <Select
            aria-label={t('counter.pharmacy')}
            showSearch
            optionFilterProp="label"
            value={pharmacyId ?? undefined}
            onChange={setChosen}
            options={pharmacies.data.items.map((pharmacy) => ({ value: pharmacy.id, label: pharmacy.name }))}
          />
        ) : (
          <Typography.Text strong>{pharmacies.data?.items[0]?.name}</Typography.Text>
        )}
        {problems.length ? <Alert type="error" title={problems.join('；')} /> : null}
        <Card size="small">
          <Form<RegistrationForm>
            form={form}
            layout="vertical"
            onFinish={handleFinish}
            initialValues={{
              idKind: 'resident_id',
              quantity: 1,
              symptoms: [],
              isForOther: false,
              hasContactHistory: false,
              medicineClass: 'antipyretic',
            }}
          >
            <Form.Item name="buyerName" label={t('fields.buyerName')} rules={[{ required: true }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="idKind" label={t('fields.idKind')}>
              <Radio.Group options={idKinds.map((kind) => ({ value: kind, label: t(`idKinds.${kind}`) }))} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('fields.idNumber')} rules={[{ required: true }]}>
              <Input autoComplete="off" inputMode="text" maxLength={20} />
            </Form.Item>
            <Form.Item name="phone" label={t('fields.phone')} rules={[{ required: true }]}>
              <Input autoComplete="off" inputMode="tel" maxLength={13} />
            </Form.Item>
            <Form.Item name="temperature" label={t('fields.temperature')}>
              <InputNumber step={0.1} min={30} max={45} inputMode="decimal" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="symptoms" label={t('fields.symptoms')}>
              <Checkbox.Group options={symptoms.map((key) => ({ value: key, label: t(`symptoms.${key}`) }))} />
            </Form.Item>
            <Form.Item name="medicineClass" label={t('fields.medicineClass')}>
              <Radio.Group
                optionType="button"
                options={medicineClasses.map((key) => ({ value: key, label: t(`medicineClasses.${key}`) }))}
              />
            </Form.Item>
            <Form.Item name="quantity" label={t('fields.quantity')}>
              <InputNumber min={1} max={50} precision={0} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="isForOther" label={t('fields.isForOther')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="hasContactHistory" label={t('fields.hasContactHistory')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="travelHistory" label={t('fields.travelHistory')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="address" label={t('fields.address')}>
              <Input autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="register-buyer">
              {t('counter.submit')}
            </Button>
          </Form>
        </Card>
        <Card
          size="small"
          title={`${t('counter.todayList')} · ${t('counter.today', { count: records.data?.total ?? 0 })}`}
          extra={mine?.hasReported ? <Tag color="green">{mine.isNil ? t('counter.nothingReported') : t('status.reported')}</Tag> : null}
        >
          {records.error ? <Alert type="error" title={problemMessage(records.error)} /> : null}
          {records.data && records.data.total === 0 && !mine?.hasReported && pharmacyId ? (
            <Button block onClick={() => reportNothing.mutate({ pharmacyId })} loading={reportNothing.isPending}>
              {t('counter.nothingToday')}
            </Button>
          ) : null}
          <List
            size="small"
            dataSource={records.data?.items ?? []}
            renderItem={(item) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text>
                    {item.buyerName} · {item.idNumberMasked} · {item.phoneMasked}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(item.registeredAt)} · {t(`medicineClasses.${item.medicineClass}`)} × {item.quantity}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      </Flex>
    </>
  );
}
