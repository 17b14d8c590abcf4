import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, List, Modal, Segmented, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { formatCount } from '../../lib/number-format.ts';
import { hasAnyRole, useMe } from '../../lib/session.ts';
import { type CreateTemplateBody, useCreateTemplate, useSetDefaultTemplate, useStaffStatistics, useTemplates } from './api.ts';
import { formatRate } from './grade-tags.tsx';

/** Section configuration: checklist templates; and staff statistics with the certificate compliance rate. */
export function SectionPage() {
  const { t } = useTranslation('food-safety');
  return (
    <>
      <PageHeader title={t('section.title')} />
      <Tabs
        items={[
          { key: 'statistics', label: t('section.statistics'), children: <Statistics /> },
          { key: 'templates', label: t('section.templates'), children: <Templates /> },
        ]}
      />
    </>
  );
}

function Templates() {
  const { t } = useTranslation('food-safety');
  const isSection = hasAnyRole(useMe().data, ['section']);
  const templates = useTemplates();
  const setDefault = useSetDefaultTemplate();
  const [isCreating, setCreating] = useState(false);
  return (
    <>
      {isSection ? (
        <Button type="primary" onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
          {t('section.newTemplate')}
        </Button>
      ) : null}
      {setDefault.error ? <Alert type="error" title={problemMessage(setDefault.error)} /> : null}
      <List
        loading={templates.isFetching}
        dataSource={templates.data?.items}
        rowKey="id"
        renderItem={(template) => (
          <List.Item>
            <Card
              size="small"
              style={{ width: '100%' }}
              title={
                <span>
                  {template.name} {template.isDefault ? <Tag color="blue">{t('section.default')}</Tag> : null}
                  {template.isActive ? null : <Tag>{t('section.inactive')}</Tag>}
                </span>
              }
              extra={
                isSection && !template.isDefault ? (
                  <Button size="small" loading={setDefault.isPending} onClick={() => setDefault.mutate(template.id)}>
                    {t('section.setDefault')}
                  </Button>
                ) : null
              }
            >
              <List
                size="small"
                dataSource={template.items}
                rowKey="id"
                renderItem={(item) => (
                  <List.Item>
                    <span>
                      {item.isKey ? <Tag color="red">{t('inspect.key')}</Tag> : null}
                      {item.position}. [{item.category}] {item.text} ({item.passTenths / 10}/{item.partialTenths / 10}/
                      {item.failTenths / 10})
                    </span>
                  </List.Item>
                )}
              />
            </Card>
          </List.Item>
        )}
      />
      {isCreating ? <TemplateModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface ItemValues {
  category: string;
  text: string;
  isKey?: boolean;
  pass?: number;
  partial?: number;
  fail?: number;
}

function TemplateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('food-safety');
  const [form] = Form.useForm<{ name: string; items: ItemValues[] }>();
  const create = useCreateTemplate();
  const [errors, setErrors] = useState<string[]>([]);
  const toTenths = (value: number | undefined) => (value === undefined || value === null ? undefined : Math.round(value * 10));
  const submit = (values: { name: string; items: ItemValues[] }) => {
    const body: CreateTemplateBody = {
      name: values.name,
      items: values.items.map((item) => ({
        category: item.category,
        text: item.text,
        isKey: item.isKey ?? false,
        passTenths: toTenths(item.pass),
        partialTenths: toTenths(item.partial),
        failTenths: toTenths(item.fail),
      })),
    };
    create.mutate(body, { onSuccess: onClose, onError: (error) => setErrors(applyProblemToForm(form, error)) });
  };
  return (
    <Modal
      open
      width={720}
      title={t('section.newTemplate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ items: [{ category: '', text: '' }] }}>
        <Form.Item name="name" label={t('section.templateName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Card key={field.key} size="small" extra={<MinusCircleOutlined onClick={() => remove(field.name)} />}>
                  <Flex gap={8} wrap>
                    <Form.Item name={[field.name, 'category']} label={t('section.category')} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'text']}
                      label={t('section.itemText')}
                      rules={[{ required: true }]}
                      style={{ flex: 1, minWidth: 200 }}
                    >
                      <Input />
                    </Form.Item>
                  </Flex>
                  <Flex gap={8} wrap align="center">
                    <Form.Item name={[field.name, 'isKey']} valuePropName="checked">
                      <Checkbox>{t('inspect.key')}</Checkbox>
                    </Form.Item>
                    {(['pass', 'partial', 'fail'] as const).map((result) => (
                      <Form.Item key={result} name={[field.name, result]} label={t(`answers.${result}`)}>
                        <InputNumber min={0} max={10} step={0.5} style={{ width: 80 }} />
                      </Form.Item>
                    ))}
                  </Flex>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ category: '', text: '' })}>
                {t('section.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {errors.length > 0 ? <Alert type="error" title={errors.join('; ')} style={{ marginTop: 8 }} /> : null}
      </Form>
    </Modal>
  );
}

function Statistics() {
  const { t } = useTranslation('food-safety');
  const [groupBy, setGroupBy] = useState('street');
  const [date, setDate] = useState<string | undefined>();
  const statistics = useStaffStatistics(groupBy, date);
  const rows = statistics.data ? [...statistics.data.rows, { ...statistics.data.total, key: '__total', label: t('section.total') }] : [];
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={groupBy}
          onChange={(value) => setGroupBy(String(value))}
          options={['street', 'station', 'industry', 'entity'].map((value) => ({ value, label: t(`section.by.${value}`) }))}
        />
        <Input
          type="date"
          aria-label={t('section.asOfDate')}
          style={{ width: 160 }}
          value={date ?? ''}
          onChange={(event) => setDate(event.target.value || undefined)}
        />
      </Flex>
      {statistics.error ? <Alert type="error" title={problemMessage(statistics.error)} /> : null}
      <Table
        size="small"
        loading={statistics.isFetching}
        rowKey="key"
        dataSource={rows}
        pagination={false}
        scroll={{ x: 560 }}
        columns={[
          { title: t('section.group'), dataIndex: 'label', fixed: 'left' },
          { title: t('section.employed'), dataIndex: 'employed', align: 'right', render: formatCount },
          { title: t('certificateStates.valid'), dataIndex: 'valid', align: 'right', render: formatCount },
          { title: t('certificateStates.expiring'), dataIndex: 'expiring', align: 'right', render: formatCount },
          { title: t('certificateStates.expired'), dataIndex: 'expired', align: 'right', render: formatCount },
          { title: t('certificateStates.missing'), dataIndex: 'missing', align: 'right', render: formatCount },
          {
            title: t('section.compliance'),
            dataIndex: 'complianceBasisPoints',
            align: 'right',
            render: (value: number | null) => formatRate(value),
          },
        ]}
      />
    </>
  );
}
