import { Button, Card, Form, Input, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecretModal } from '../../components/one-time-secret-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { formatDateTime } from '../../lib/date-format.ts';
import { useCreateScreenToken, useRevokeScreenToken, useScreenTokens } from './api.ts';

/** 大屏令牌: a kiosk's address made once, shown once, revocable at any time. */
export function ScreenTokensPage() {
  const { t } = useTranslation('shell');
  const tokens = useScreenTokens();
  const create = useCreateScreenToken();
  const revoke = useRevokeScreenToken();
  const [address, setAddress] = useState<string>();
  const handleCreate = async ({ label }: { label: string }) => {
    const created = await create.mutateAsync(label);
    setAddress(`${window.location.origin}${created.url}`);
  };
  return (
    <>
      <PageHeader title={t('screen.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" onFinish={handleCreate}>
          <Form.Item name="label" label={t('screen.label')} rules={[{ required: true, max: 60 }]}>
            <Input placeholder={t('screen.labelHint')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="screen-token-create">
            {t('screen.create')}
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        loading={tokens.isLoading}
        dataSource={tokens.data?.items}
        pagination={false}
        columns={[
          { title: t('screen.label'), dataIndex: 'label' },
          { title: t('screen.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('screen.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
          {
            title: t('screen.state'),
            key: 'state',
            render: (_, row) =>
              row.revokedAt ? (
                <Tag>{t('screen.revoked')}</Tag>
              ) : (
                <Popconfirm title={t('screen.revokeConfirm')} onConfirm={() => revoke.mutate(row.id)}>
                  <Button size="small" danger>
                    {t('screen.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <OneTimeSecretModal
        title={t('screen.address')}
        secret={address}
        hint={t('screen.addressHint')}
        onClose={() => setAddress(undefined)}
      />
    </>
  );
}
