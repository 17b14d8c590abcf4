import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsRoles } from '../../../shared/roles.ts';
import { catalogueProductStatuses } from '../../../shared/vocabularies/product-quality.ts';
import { FileImport } from '../../components/file-import.tsx';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../components/list-filters.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import {
  type CatalogueImportResult,
  type CataloguePlanView,
  type CatalogueProductView,
  useCatalogueEditions,
  useCataloguePlan,
  useCatalogueProducts,
  useCreateCatalogueProduct,
  useImportCatalogue,
  useUpdateCatalogueProduct,
} from './api.ts';

type Status = CatalogueProductView['status'];

/**
 * The catalogue of product-quality supervision sampling: the national editions as declared, the district's own catalogue
 * (filter by category, search; section staff add, edit, retire and import), and the year's plans laid over it.
 */
export function Catalogue() {
  const { t } = useTranslation('product-quality');
  const [category, setCategory] = useState<string | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<CatalogueProductView | 'new' | null>(null);
  const products = useCatalogueProducts({ category, q, status, page });
  const me = useMe();
  const canEdit = hasAnyRole(me.data, settingsRoles);
  return (
    <Flex vertical gap={12}>
      <NationalEditions />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('catalogue.district')}
      </Typography.Title>
      <FilterBar>
        <Select
          allowClear
          aria-label={t('fields.category')}
          placeholder={t('fields.category')}
          style={{ minWidth: 160 }}
          value={category}
          options={products.data?.categories.map((row) => ({ value: row.category, label: `${row.category}（${row.products}）` }))}
          onChange={(value?: string) => {
            setCategory(value);
            setPage(1);
          }}
        />
        <SearchFilter
          label={t('catalogue.search')}
          value={q}
          onSearch={(value) => {
            setQ(value || undefined);
            setPage(1);
          }}
        />
        <ChoiceFilter
          label={t('fields.status')}
          value={status}
          values={catalogueProductStatuses}
          labelOf={(value) => t(`catalogueStatuses.${value}`)}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
        {canEdit ? (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="catalogue-add" style={{ marginLeft: 'auto' }}>
            {t('catalogue.add')}
          </Button>
        ) : null}
      </FilterBar>
      <Table<CatalogueProductView>
        rowKey="id"
        size="small"
        loading={products.isLoading}
        dataSource={products.data?.items}
        data-testid="catalogue-products"
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: products.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('fields.category'), dataIndex: 'category' },
          { title: t('fields.product'), dataIndex: 'name' },
          { title: t('fields.standards'), dataIndex: 'standards', render: (value: string[]) => value.join('；') },
          { title: t('fields.testItems'), dataIndex: 'testItems', render: (value: string[]) => value.join('、') },
          {
            title: t('fields.status'),
            dataIndex: 'status',
            render: (value: Status) => <Tag color={value === 'active' ? 'green' : 'default'}>{t(`catalogueStatuses.${value}`)}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, row) =>
              canEdit ? (
                <Button size="small" onClick={() => setEditing(row)}>
                  {t('edit')}
                </Button>
              ) : null,
          },
        ]}
      />
      {canEdit ? <CatalogueImport /> : null}
      <CataloguePlan />
      {editing ? <ProductFormModal product={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Flex>
  );
}

function NationalEditions() {
  const { t } = useTranslation('product-quality');
  const editions = useCatalogueEditions();
  return (
    <Card size="small" title={t('catalogue.national')}>
      <Typography.Paragraph type="secondary">{t('catalogue.nationalNote')}</Typography.Paragraph>
      {editions.data?.national.map((edition) => (
        <Descriptions key={edition.code} size="small" column={1} title={edition.name} data-testid={`edition-${edition.code}`}>
          <Descriptions.Item label={t('catalogue.source')}>{edition.source}</Descriptions.Item>
          <Descriptions.Item label={t('catalogue.declared')}>
            {t('catalogue.declaredCounts', { categories: edition.declaredCategories, products: edition.declaredProducts })}
          </Descriptions.Item>
          {edition.categories.length ? (
            <Descriptions.Item label={t('fields.category')}>
              {edition.categories.map((category) => `${category.name} ${category.declaredProducts}`).join('，')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ))}
      {editions.data ? (
        <Typography.Text data-testid="district-edition-size">{t('catalogue.districtSize', editions.data.district)}</Typography.Text>
      ) : null}
    </Card>
  );
}

interface ProductFormValues {
  category: string;
  name: string;
  standards: string;
  testItems: string;
  status: Status;
}

/** One entry per line (or separated by 、；): the server splits and trims the same way the import does. */
const lines = (text: string) =>
  text
    .split(/[、；;\n]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);

function ProductFormModal({ product, onClose }: { product: CatalogueProductView | null; onClose: () => void }) {
  const { t } = useTranslation('product-quality');
  const create = useCreateCatalogueProduct();
  const update = useUpdateCatalogueProduct();
  const [form] = Form.useForm<ProductFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const onError = (error: unknown) => setErrors(applyProblemToForm(form, error));
  const required = [{ required: true, whitespace: true, message: t('required') }];
  const submit = (values: ProductFormValues) => {
    const fields = {
      category: values.category.trim(),
      name: values.name.trim(),
      standards: lines(values.standards),
      testItems: lines(values.testItems),
    };
    setErrors([]);
    if (product) update.mutate({ id: product.id, ...fields, status: values.status }, { onSuccess: onClose, onError });
    else create.mutate(fields, { onSuccess: onClose, onError });
  };
  return (
    <Modal
      open
      title={product ? `${t('catalogue.edit')} · ${product.name}` : t('catalogue.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending || update.isPending }}
      okText={t('save')}
      destroyOnHidden
    >
      <Form<ProductFormValues>
        form={form}
        layout="vertical"
        initialValues={
          product
            ? {
                category: product.category,
                name: product.name,
                standards: product.standards.join('\n'),
                testItems: product.testItems.join('\n'),
                status: product.status,
              }
            : { status: 'active' }
        }
        onFinish={submit}
      >
        <Form.Item name="category" label={t('fields.category')} rules={required}>
          <Input maxLength={40} aria-label={t('fields.category')} />
        </Form.Item>
        <Form.Item name="name" label={t('fields.product')} rules={required}>
          <Input maxLength={60} aria-label={t('fields.product')} />
        </Form.Item>
        <Form.Item name="standards" label={t('fields.standards')} extra={t('catalogue.oneALine')} rules={required}>
          <Input.TextArea rows={3} placeholder="GB 18584-2001" aria-label={t('fields.standards')} />
        </Form.Item>
        <Form.Item name="testItems" label={t('fields.testItems')} extra={t('catalogue.oneALine')} rules={required}>
          <Input.TextArea rows={4} aria-label={t('fields.testItems')} />
        </Form.Item>
        {product ? (
          <Form.Item name="status" label={t('fields.status')}>
            <Select options={catalogueProductStatuses.map((value) => ({ value, label: t(`catalogueStatuses.${value}`) }))} />
          </Form.Item>
        ) : null}
        {errors.length ? <Alert type="error" title={errors.join('；')} /> : null}
      </Form>
    </Modal>
  );
}

function CatalogueImport() {
  const { t } = useTranslation('product-quality');
  return (
    <FileImport<CatalogueImportResult>
      title={t('catalogueImport.title')}
      hint={t('catalogueImport.hint')}
      chooseLabel={t('import.choose')}
      testId="catalogue-import"
      upload={useImportCatalogue()}
      summary={(result) =>
        result.errors.length
          ? { type: 'warning', title: t('catalogueImport.rejected', result) }
          : { type: 'success', title: t('catalogueImport.summary', result) }
      }
      columnLabel={(field) => t(`catalogueImport.columns.${field}`, { defaultValue: field })}
    />
  );
}

type Counts = { planned: number | null; done: number };
type CategoryRow = CataloguePlanView['categories'][number];

/** The year's industrial plans per field, and the catalogue's categories and products with the batches done. */
function CataloguePlan() {
  const { t } = useTranslation('product-quality');
  const [year, setYear] = useState(2021);
  const plan = useCataloguePlan(year);
  const fields = plan.data?.fields ?? [];
  const counts = (value?: Counts) => (value ? `${value.done} / ${value.planned ?? '—'}` : '—');
  return (
    <Card size="small" title={t('cataloguePlan.title')}>
      <Flex vertical gap={12}>
        <Flex gap={8} align="center">
          <Typography.Text>{t('fields.year')}</Typography.Text>
          <InputNumber
            aria-label={t('cataloguePlan.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => value && setYear(value)}
          />
          <Typography.Text type="secondary">{t('cataloguePlan.legend')}</Typography.Text>
        </Flex>
        <Table
          rowKey="id"
          size="small"
          loading={plan.isLoading}
          dataSource={plan.data?.plans}
          pagination={false}
          data-testid="catalogue-plan-plans"
          columns={[
            { title: t('cataloguePlan.plan'), dataIndex: 'name' },
            ...fields.map((field) => ({
              title: t(`catalogueFields.${field}`),
              key: field,
              align: 'right' as const,
              render: (_: unknown, row: CataloguePlanView['plans'][number]) => counts(row.byField[field]),
            })),
            {
              title: t('cataloguePlan.progress'),
              key: 'progress',
              align: 'right' as const,
              render: (_: unknown, row: CataloguePlanView['plans'][number]) =>
                `${row.doneBatches} / ${row.targetBatches}${row.completionPercent === null ? '' : `（${row.completionPercent}%）`}`,
            },
          ]}
        />
        <Table<CategoryRow>
          rowKey="category"
          size="small"
          loading={plan.isLoading}
          dataSource={plan.data?.categories}
          pagination={false}
          data-testid="catalogue-plan-categories"
          expandable={{
            expandedRowRender: (row) => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={row.products}
                columns={[
                  { title: t('fields.product'), dataIndex: 'name' },
                  ...fields.map((field) => ({
                    title: t(`catalogueFields.${field}`),
                    key: field,
                    align: 'right' as const,
                    render: (_: unknown, product: CategoryRow['products'][number]) => product.byField[field] ?? 0,
                  })),
                  { title: t('cataloguePlan.batches'), dataIndex: 'batches', align: 'right' as const },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('fields.category'), dataIndex: 'category' },
            ...fields.map((field) => ({
              title: t(`catalogueFields.${field}`),
              key: field,
              align: 'right' as const,
              render: (_: unknown, row: CategoryRow) => counts(row.byField[field]),
            })),
          ]}
        />
        {plan.data?.outsideCatalogue ? (
          <Alert
            type="info"
            title={t('cataloguePlan.outside', { batches: plan.data.outsideCatalogue })}
            data-testid="catalogue-plan-outside"
          />
        ) : null}
      </Flex>
    </Card>
  );
}
