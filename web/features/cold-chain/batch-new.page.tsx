import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { coldChainCategories, coldChainUnits } from '../../../shared/vocabularies/cold-chain.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaTodayPicker } from '../../lib/date-format.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type BatchInput, useCreateBatch, useMyBusinesses } from './api.ts';

interface BatchForm extends Omit<BatchInput, 'arrivedOn'> {
  arrivedOn: Dayjs;
}

/**
 * 登记进口批次: a trader or importer (or the section for it) registers an imported batch — customs declaration, origin,
 * product, lot, quantity, the first holder in the district — and gets its trace code; the certificates follow on the
 * batch's page.
 */
export function BatchNewPage() {
  const { t } = useTranslation('cold-chain');
  const navigate = useNavigate();
  const [form] = Form.useForm<BatchForm>();
  const [search, setSearch] = useState('');
  const businesses = useMyBusinesses(search.trim() || undefined);
  const create = useCreateBatch();
  const [problems, setProblems] = useState<string[]>([]);

  const handleFinish = async (values: BatchForm) => {
    setProblems([]);
    try {
      const created = await create.mutateAsync({
        ...values,
        customsDeclarationNo: values.customsDeclarationNo.trim(),
        originCountry: values.originCountry.trim().toUpperCase(),
        product: values.product.trim(),
        lot: values.lot.trim(),
        arrivedOn: values.arrivedOn.format('YYYY-MM-DD'),
      });
      navigate(`/cold-chain/batches/${created.id}`);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };

  const required = (message: string) => [{ required: true, message }];
  return (
    <>
      <PageHeader title={t('newBatch.title')} />
      <Card size="small" style={{ maxWidth: 640 }}>
        {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
        <Form<BatchForm>
          form={form}
          layout="vertical"
          onFinish={handleFinish}
          initialValues={{ unit: 'kg', category: 'meat', arrivedOn: chinaTodayPicker() }}
        >
          <Form.Item
            name="customsDeclarationNo"
            label={t('fields.declaration')}
            extra={t('newBatch.declarationHint')}
            rules={[
              ...required(t('newBatch.declarationRequired')),
              { pattern: /^\s*[0-9]{18}\s*$/, message: t('newBatch.declarationFormat') },
            ]}
          >
            <Input autoComplete="off" inputMode="numeric" maxLength={20} />
          </Form.Item>
          <Form.Item
            name="originCountry"
            label={t('fields.origin')}
            extra={t('newBatch.originHint')}
            rules={[...required(t('newBatch.originRequired')), { pattern: /^\s*[A-Za-z]{2}\s*$/, message: t('newBatch.originFormat') }]}
          >
            <Input autoComplete="off" maxLength={2} style={{ width: 120, textTransform: 'uppercase' }} />
          </Form.Item>
          <Form.Item name="product" label={t('fields.product')} rules={required(t('newBatch.productRequired'))}>
            <Input autoComplete="off" maxLength={100} />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')}>
            <Select
              aria-label={t('fields.category')}
              options={coldChainCategories.map((value) => ({ value, label: t(`categories.${value}`) }))}
            />
          </Form.Item>
          <Form.Item name="lot" label={t('fields.lot')} rules={required(t('newBatch.lotRequired'))}>
            <Input autoComplete="off" maxLength={40} />
          </Form.Item>
          <Form.Item label={t('fields.quantity')} required>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="quantity" noStyle rules={required(t('scan.quantityRequired'))}>
                <InputNumber aria-label={t('fields.quantity')} min={0.001} precision={3} style={{ width: '70%' }} inputMode="decimal" />
              </Form.Item>
              <Form.Item name="unit" noStyle>
                <Select
                  aria-label={t('fields.unit')}
                  style={{ width: '30%' }}
                  options={coldChainUnits.map((value) => ({ value, label: t(`units.${value}`) }))}
                />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          <Form.Item name="firstHolderEntityId" label={t('fields.firstHolder')} rules={required(t('scan.holderRequired'))}>
            <Select
              aria-label={t('fields.firstHolder')}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={businesses.isFetching}
              options={(businesses.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            />
          </Form.Item>
          <Form.Item name="arrivedOn" label={t('fields.arrivedOn')} rules={required(t('newBatch.arrivedRequired'))}>
            <DatePicker aria-label={t('fields.arrivedOn')} style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('newBatch.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
