import { Alert, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { chinaToday } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type ProductBody, type ProductView, useCreateProduct, useProducts, useRevokeProduct } from './api.ts';

/** Certified products 品字码 ("one product, one certificate, one code"): list, create, revoke, QR and public page. */
export function ProductsPage() {
  const { t } = useTranslation('products');
  const canEdit = hasAnyRole(useMe().data, settingsRoles);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const products = useProducts(page.page, page.pageSize);
  const revoke = useRevokeProduct();
  const [creating, setCreating] = useState(false);
  const today = chinaToday();
  return (
    <>
      <PageHeader
        title={t('title')}
        extra={
          canEdit ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('create')}
            </Button>
          ) : null
        }
      />
      {products.error ? <Alert type="error" title={problemMessage(products.error)} /> : null}
      {revoke.error ? <Alert type="error" title={problemMessage(revoke.error)} /> : null}
      <Table<ProductView>
        size="small"
        rowKey="id"
        loading={products.isFetching}
        dataSource={products.data?.items}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: products.data?.total,
          onChange: (next, pageSize) => setPage({ page: next, pageSize }),
        }}
        columns={[
          { title: t('fields.productName'), dataIndex: 'productName' },
          { title: t('fields.firmName'), dataIndex: 'firmName', responsive: ['md'] },
          { title: t('fields.certificateNumber'), dataIndex: 'certificateNumber', responsive: ['lg'] },
          {
            title: t('fields.validUntil'),
            dataIndex: 'validUntil',
            render: (validUntil: string) => (validUntil < today ? <Tag color="orange">{validUntil}</Tag> : validUntil),
          },
          {
            title: t('fields.code'),
            key: 'code',
            render: (_: unknown, product) =>
              product.token ? (
                <Space wrap>
                  <a href={`/p/${product.token}`} target="_blank" rel="noreferrer" data-testid="product-public-link">
                    {t('publicPage')}
                  </a>
                  <a href={`/p/${product.token}/qr.svg`} target="_blank" rel="noreferrer">
                    QR SVG
                  </a>
                  <a href={`/p/${product.token}/qr.png`} download={`${product.certificateNumber}.png`}>
                    QR PNG
                  </a>
                </Space>
              ) : (
                <Tag>{t('revoked')}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  key: 'revoke',
                  render: (_: unknown, product: ProductView) =>
                    product.token ? (
                      <Popconfirm title={t('revokeConfirm')} onConfirm={() => revoke.mutate(product.id)}>
                        <Button size="small" danger>
                          {t('revoke')}
                        </Button>
                      </Popconfirm>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {creating ? <ProductModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function ProductModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('products');
  const create = useCreateProduct();
  const [form] = Form.useForm<Omit<ProductBody, 'validUntil'> & { validUntil: dayjs.Dayjs }>();
  const [errors, setErrors] = useState<string[]>([]);
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending}>
      <Form
        form={form}
        layout="vertical"
        onFinish={({ validUntil, ...values }) =>
          create.mutate(
            { ...values, validUntil: validUntil.format('YYYY-MM-DD') },
            { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) },
          )
        }
      >
        <Form.Item name="productName" label={t('fields.productName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="firmName" label={t('fields.firmName')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="firmCreditCode"
          label={t('fields.firmCreditCode')}
          rules={[...required, { pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('creditCodeRule') }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="certificateNumber" label={t('fields.certificateNumber')} rules={required}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="issuer" label={t('fields.issuer')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="standard" label={t('fields.standard')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="validUntil" label={t('fields.validUntil')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}
