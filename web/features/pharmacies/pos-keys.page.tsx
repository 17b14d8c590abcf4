import { Alert, Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { applyProblemToForm, problemMessage } from '../../lib/form-errors.ts';
import { useMe } from '../../lib/session.ts';
import { type PosKeyView, useCreatePosKey, usePharmacies, usePosKeys, useRevokePosKey } from './api.ts';

/**
 * The pharmacy's POS keys (收银系统密钥): its account makes a key for its POS system, which then posts its batches of
 * buyer registrations to the API with it. The key is shown once and stored only as a hash; it opens this one
 * pharmacy; revoking it stops the POS at its next batch. Bureau staff see the keys and may revoke one.
 */
export function PosKeysPage() {
  const { t } = useTranslation('pharmacies');
  const me = useMe().data;
  const isPharmacy = me?.roles.includes('operator') ?? false;
  const keys = usePosKeys();
  const pharmacies = usePharmacies();
  const create = useCreatePosKey();
  const revoke = useRevokePosKey();
  const [form] = Form.useForm<{ pharmacyId: number; label: string }>();
  const [made, setMade] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const handleCreate = async () => {
    const values = await form.validateFields();
    setProblems([]);
    try {
      setMade((await create.mutateAsync(values)).key);
      form.resetFields(['label']);
    } catch (error) {
      setProblems(applyProblemToForm(form, error));
    }
  };
  const pharmacyOptions = (pharmacies.data?.items ?? []).map((pharmacy) => ({ value: pharmacy.id, label: pharmacy.name }));
  return (
    <>
      <PageHeader title={t('posKeys.title')} />
      <Typography.Paragraph type="secondary">{t('posKeys.explain')}</Typography.Paragraph>
      {isPharmacy ? (
        <Card size="small" title={t('posKeys.create')} style={{ marginBottom: 12 }}>
          {problems.length ? <Alert type="error" title={problems.join('；')} style={{ marginBottom: 12 }} /> : null}
          {made ? (
            <Alert
              type="success"
              style={{ marginBottom: 12 }}
              title={t('posKeys.madeOnce')}
              description={
                <Typography.Text copyable code data-testid="new-pos-key">
                  {made}
                </Typography.Text>
              }
            />
          ) : null}
          {pharmacies.data ? (
            <Form form={form} layout="inline" initialValues={{ pharmacyId: pharmacyOptions[0]?.value }}>
              <Form.Item name="pharmacyId" label={t('fields.pharmacy')} rules={[{ required: true }]}>
                <Select options={pharmacyOptions} style={{ minWidth: 200 }} />
              </Form.Item>
              <Form.Item name="label" label={t('posKeys.label')} rules={[{ required: true, max: 60 }]}>
                <Input placeholder={t('posKeys.labelHint')} />
              </Form.Item>
              <Button type="primary" onClick={handleCreate} loading={create.isPending} data-testid="create-pos-key">
                {t('posKeys.createButton')}
              </Button>
            </Form>
          ) : null}
        </Card>
      ) : null}
      {keys.error ? <Alert type="error" title={problemMessage(keys.error)} /> : null}
      {revoke.error ? <Alert type="error" title={problemMessage(revoke.error)} /> : null}
      <Table<PosKeyView>
        size="small"
        rowKey="id"
        loading={keys.isFetching}
        dataSource={keys.data?.items}
        pagination={false}
        columns={[
          { title: t('fields.pharmacy'), dataIndex: 'pharmacyName' },
          { title: t('posKeys.label'), dataIndex: 'label' },
          { title: t('posKeys.hint'), dataIndex: 'keyHint' },
          { title: t('posKeys.createdAt'), dataIndex: 'createdAt', render: (value: string) => formatDateTime(value) },
          { title: t('posKeys.lastUsedAt'), dataIndex: 'lastUsedAt', render: (value: string | null) => formatDateTime(value) },
          {
            title: t('posKeys.status'),
            key: 'status',
            render: (_value, row) =>
              row.revokedAt ? (
                <Tag>{t('posKeys.revokedAt', { at: formatDateTime(row.revokedAt) })}</Tag>
              ) : (
                <Popconfirm title={t('posKeys.revokeConfirm')} onConfirm={() => revoke.mutate(row.id)}>
                  <Button size="small" danger>
                    {t('posKeys.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </>
  );
}
