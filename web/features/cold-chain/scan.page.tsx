import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { type EventInput, useCode, useMyBusinesses, useRecordEvent } from './api.ts';
import { Camera, canReadBarcodes } from './camera.tsx';

type Step = 'receive' | 'ship' | 'sell' | 'dispose' | 'store';
const steps: Step[] = ['receive', 'ship', 'sell', 'dispose', 'store'];

interface ScanForm {
  step: Step;
  quantity: number;
  holderEntityId: number;
  counterpartCreditCode?: string;
  referenceDocument?: string;
}

/**
 * 扫码: phone first. Scan the label's QR with the camera where the browser can read barcodes, or type the code; see the
 * batch, then record a receipt, a shipment, a sale, a disposal or a stock count for one of the person's businesses.
 */
export function ScanPage() {
  const { t } = useTranslation('cold-chain');
  const { message } = App.useApp();
  const [searchParams] = useSearchParams();
  const [typed, setTyped] = useState(searchParams.get('code') ?? '');
  const [code, setCode] = useState<string | null>(searchParams.get('code'));
  const [viaCamera, setViaCamera] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const lookup = useCode(code);
  const businesses = useMyBusinesses();
  const record = useRecordEvent();
  const [form] = Form.useForm<ScanForm>();
  const step = Form.useWatch('step', form);
  const [problems, setProblems] = useState<string[]>([]);
  const canScan = canReadBarcodes();

  const handleFinish = async (values: ScanForm) => {
    if (!lookup.data) return;
    setProblems([]);
    const body: EventInput = {
      step: values.step,
      code: lookup.data.code,
      quantity: values.quantity,
      holderEntityId: values.holderEntityId,
      via: viaCamera ? 'scan' : 'form',
      ...(values.counterpartCreditCode ? { counterpartCreditCode: values.counterpartCreditCode.trim().toUpperCase() } : {}),
      ...(values.referenceDocument ? { referenceDocument: values.referenceDocument } : {}),
    };
    try {
      await record.mutateAsync(body);
      message.success(t('scan.recorded', { step: t(`steps.${values.step}`) }));
      form.resetFields(['quantity', 'counterpartCreditCode', 'referenceDocument']);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };

  return (
    <>
      <PageHeader title={t('scan.title')} />
      <Flex vertical gap={12} style={{ maxWidth: 560 }}>
        {cameraOn ? (
          <Camera
            onCode={(value) => {
              setCameraOn(false);
              setViaCamera(true);
              setTyped(value);
              setCode(value);
            }}
            onStop={() => setCameraOn(false)}
          />
        ) : null}
        <Card size="small">
          <Flex gap={8} vertical>
            {canScan ? (
              <Button type="primary" size="large" onClick={() => setCameraOn(true)}>
                {t('scan.camera')}
              </Button>
            ) : (
              <Alert type="info" title={t('scan.noCamera')} />
            )}
            <Input.Search
              size="large"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={t('scan.codePlaceholder')}
              aria-label={t('scan.code')}
              enterButton={t('scan.lookUp')}
              onSearch={(value) => {
                setViaCamera(false);
                setCode(value.trim() || null);
              }}
            />
          </Flex>
        </Card>
        {code && lookup.isError ? <Alert type="error" title={problemMessage(lookup.error)} /> : null}
        {lookup.data ? (
          <Card size="small" title={lookup.data.product} data-testid="scanned-code">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('fields.traceCode')}>
                <code>{lookup.data.code}</code>
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.origin')}>{lookup.data.originCountry ?? ''}</Descriptions.Item>
              <Descriptions.Item
                label={t('fields.quantity')}
              >{`${Number(lookup.data.quantity)} ${t(`units.${lookup.data.unit}`)}`}</Descriptions.Item>
              <Descriptions.Item label={t('fields.sellable')}>
                {lookup.data.isSellable ? (
                  <Tag color="green">{t('batches.sellableYes')}</Tag>
                ) : (
                  <Tag color="orange">{t('batches.sellableNo')}</Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
            {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 8 }} /> : null}
            <Form<ScanForm>
              form={form}
              layout="vertical"
              onFinish={handleFinish}
              initialValues={{ step: 'receive', holderEntityId: businesses.data?.items[0]?.id }}
              key={businesses.data?.items[0]?.id ?? 0}
            >
              <Form.Item name="step" label={t('fields.step')}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={steps.map((value) => ({ value, label: t(`steps.${value}`) }))}
                />
              </Form.Item>
              <Form.Item name="holderEntityId" label={t('fields.holder')} rules={[{ required: true, message: t('scan.holderRequired') }]}>
                <Select
                  aria-label={t('fields.holder')}
                  showSearch
                  optionFilterProp="label"
                  options={(businesses.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
                />
              </Form.Item>
              <Form.Item
                name="quantity"
                label={`${t('fields.quantity')}（${t(`units.${lookup.data.unit}`)}）`}
                rules={[{ required: true, message: t('scan.quantityRequired') }]}
              >
                <InputNumber min={0} step={1} precision={3} style={{ width: '100%' }} inputMode="decimal" />
              </Form.Item>
              {step === 'ship' || step === 'receive' ? (
                <Form.Item
                  name="counterpartCreditCode"
                  label={step === 'ship' ? t('scan.destination') : t('scan.source')}
                  rules={step === 'ship' ? [{ required: true, message: t('scan.destinationRequired') }] : []}
                >
                  <Input autoComplete="off" placeholder={t('scan.creditCodePlaceholder')} />
                </Form.Item>
              ) : null}
              <Form.Item name="referenceDocument" label={t('fields.referenceDocument')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={record.isPending}>
                {t('scan.record')}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
