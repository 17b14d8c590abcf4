import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testMethods } from '../../../shared/vocabularies/sampling.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { useIsPhone } from '../../lib/media-query.ts';
import {
  chinaToday,
  parseYuan,
  type SampleView,
  samplingLinks,
  useCatalogueProducts,
  useCreateSample,
  useEntitySearch,
  usePlans,
  useSamplers,
} from './api.ts';

interface FormValues {
  planId?: number;
  entityId: number;
  link: (typeof samplingLinks)[number];
  category: string;
  productType: string;
  productName: string;
  brand?: string;
  batchNo?: string;
  productionDate?: Dayjs;
  quantity?: string;
  price?: string;
  samplerIds: number[];
  entityConfirmedBy: string;
  testMethod: 'lab' | 'rapid';
  testItems: string[];
  sampledOn: Dayjs;
}

/** 抽样登记 on a phone: one column, large controls, today's date by default. */
export function SampleFormDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (sample: SampleView) => void;
}) {
  const { t } = useTranslation('sampling');
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const [entityQuery, setEntityQuery] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const entities = useEntitySearch(entityQuery);
  const [catalogueQuery, setCatalogueQuery] = useState('');
  const link = Form.useWatch('link', form);
  const isIndustrialLink = link === 'production' || link === 'circulation' || link === 'e_commerce';
  const catalogue = useCatalogueProducts(isIndustrialLink ? catalogueQuery : '');
  const plans = usePlans(Number(chinaToday().slice(0, 4)));
  const samplers = useSamplers();
  const create = useCreateSample();

  const handleFinish = (values: FormValues) => {
    setErrors([]);
    create.mutate(
      {
        ...(values.planId ? { planId: values.planId } : {}),
        entityId: values.entityId,
        link: values.link,
        category: values.category,
        productType: values.productType,
        productName: values.productName,
        brand: values.brand ?? '',
        batchNo: values.batchNo ?? '',
        ...(values.productionDate ? { productionDate: values.productionDate.format('YYYY-MM-DD') } : {}),
        quantity: values.quantity ?? '',
        ...(parseYuan(values.price) !== undefined ? { priceFen: parseYuan(values.price) } : {}),
        samplerIds: values.samplerIds,
        entityConfirmedBy: values.entityConfirmedBy,
        testMethod: values.testMethod,
        testItems: values.testItems,
        sampledOn: values.sampledOn.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (sample) => {
          form.resetFields();
          onCreated(sample);
        },
        onError: (error) => setErrors(applyProblemToForm(form, error)),
      },
    );
  };

  return (
    <Drawer open={open} onClose={onClose} title={t('actions.newSample')} size={isPhone ? '100%' : 560} destroyOnHidden>
      {errors.length > 0 && <Alert type="error" title={errors.join('; ')} style={{ marginBottom: 12 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={{ testMethod: 'lab', link: 'circulation', sampledOn: dayjs(chinaToday()), samplerIds: [], testItems: [] }}
      >
        <Form.Item name="planId" label={t('fields.plan')}>
          <Select allowClear options={plans.data?.items.map((plan) => ({ value: plan.id, label: plan.name }))} />
        </Form.Item>
        <Form.Item name="entityId" label={t('fields.entity')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setEntityQuery }}
            loading={entities.isFetching}
            options={entities.data?.items.map((entity) => ({ value: entity.id, label: `${entity.name}（${entity.address}）` }))}
            data-testid="sample-entity"
          />
        </Form.Item>
        <Form.Item name="link" label={t('fields.link')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={samplingLinks.map((link) => ({ value: link, label: t(`link.${link}`) }))} />
        </Form.Item>
        {isIndustrialLink ? (
          <Form.Item label={t('fields.catalogueProduct')} extra={t('fields.catalogueProductHint')}>
            <Select
              showSearch={{ filterOption: false, onSearch: setCatalogueQuery }}
              allowClear
              loading={catalogue.isFetching}
              options={catalogue.data?.items.map((product) => ({ value: product.id, label: `${product.category} · ${product.name}` }))}
              onChange={(id: number | undefined) => {
                const product = catalogue.data?.items.find((item) => item.id === id);
                if (product) form.setFieldsValue({ category: product.category, productType: product.name, testItems: product.testItems });
              }}
              data-testid="sample-catalogue-product"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="category" label={t('fields.category')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="粮食加工品" />
        </Form.Item>
        <Form.Item name="productType" label={t('fields.productType')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="小麦粉" />
        </Form.Item>
        <Form.Item name="productName" label={t('fields.productName')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="brand" label={t('fields.brand')}>
          <Input />
        </Form.Item>
        <Form.Item name="batchNo" label={t('fields.batchNo')}>
          <Input />
        </Form.Item>
        <Form.Item name="productionDate" label={t('fields.productionDate')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
        </Form.Item>
        <Form.Item name="quantity" label={t('fields.quantity')}>
          <Input placeholder="3份×500g" />
        </Form.Item>
        <Form.Item name="price" label={t('fields.price')} rules={[{ pattern: /^\d{1,9}(\.\d{1,2})?$/ }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="samplerIds" label={t('fields.samplers')} rules={[{ required: true, type: 'array', min: 2 }]}>
          <Select
            mode="multiple"
            options={samplers.data?.map((sampler) => ({
              value: sampler.id,
              label: `${sampler.displayName}${sampler.orgUnitName ? `（${sampler.orgUnitName}）` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="entityConfirmedBy" label={t('fields.entityConfirmedBy')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="testMethod" label={t('fields.testMethod')}>
          <Radio.Group optionType="button" options={testMethods.map((method) => ({ value: method, label: t(`testMethod.${method}`) }))} />
        </Form.Item>
        <Form.Item name="testItems" label={t('fields.testItems')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="sampledOn" label={t('fields.sampledOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} inputReadOnly={isPhone} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={create.isPending}>
          {t('actions.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
