import { EditOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Flex, Input, type MenuProps, Select, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roles } from '../../../shared/roles.ts';
import { OneTimeSecretModal } from '../../components/one-time-secret-modal.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RoleTags } from '../../components/role-tags.tsx';
import type { UserView } from '../../lib/api-types.ts';
import { formatDateTime } from '../../lib/date-format.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useUrlListState } from '../../lib/url-state.ts';
import { type UserAction, useResetPassword, useUserAction, useUsers } from './api.ts';
import { UserFormModal } from './user-form-modal.tsx';

type FormState = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; user: UserView };

export function UserListPage() {
  const { t } = useTranslation(['admin', 'shell']);
  const { modal, message } = App.useApp();
  const { page, pageSize, filter, setFilters, setPaging } = useUrlListState();
  const q = filter('q');
  const role = filter('role');
  const users = useUsers({ q, role, page, pageSize });
  const userAction = useUserAction();
  const resetPassword = useResetPassword();
  const [formState, setFormState] = useState<FormState>({ mode: 'closed' });
  const [secret, setSecret] = useState<{ username: string; initialPassword: string }>();

  const handleAction = (user: UserView, action: UserAction) =>
    userAction
      .mutateAsync({ id: user.id, action })
      .then(() => message.success(t('users.done')))
      .catch((error: unknown) => message.error(problemMessage(error)));

  const handleResetPassword = (user: UserView) =>
    resetPassword
      .mutateAsync(user.id)
      .then(({ initialPassword }) => setSecret({ username: user.username, initialPassword }))
      .catch((error: unknown) => message.error(problemMessage(error)));

  const confirmThen = (content: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ content, onOk, okText: t('shell:actions.confirm'), cancelText: t('shell:actions.cancel') });

  const moreItems = (user: UserView): MenuProps['items'] => [
    user.isDisabled ? { key: 'enable', label: t('users.enable') } : { key: 'disable', label: t('users.disable'), danger: true },
    { key: 'reset-password', label: t('users.resetPassword') },
    { key: 'reset-totp', label: t('users.resetTotp'), disabled: !user.totpEnabled },
  ];

  const handleMore = (user: UserView, key: string) => {
    if (key === 'enable') void handleAction(user, 'enable');
    if (key === 'disable') confirmThen(t('users.disableConfirm'), () => handleAction(user, 'disable'));
    if (key === 'reset-password') confirmThen(t('users.resetPasswordConfirm'), () => handleResetPassword(user));
    if (key === 'reset-totp') confirmThen(t('users.resetTotpConfirm'), () => handleAction(user, 'reset-totp'));
  };

  const columns: TableProps<UserView>['columns'] = [
    { title: t('users.username'), dataIndex: 'username', fixed: 'start' },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.roles'), dataIndex: 'roles', render: (userRoles: UserView['roles']) => <RoleTags roles={userRoles} /> },
    { title: t('users.orgUnit'), dataIndex: 'orgUnitName', render: (name: string | null) => name ?? '—', responsive: ['md'] },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, user) => (
        <Space size={4} wrap>
          {user.isDisabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="success">{t('users.active')}</Tag>}
          {user.isLocked ? <Tag color="error">{t('users.locked')}</Tag> : null}
          {user.totpEnabled ? <Tag color="processing">{t('users.totpOn')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('users.createdAt'), dataIndex: 'createdAt', render: formatDateTime, responsive: ['lg'] },
    {
      title: t('users.actions'),
      key: 'actions',
      render: (_, user) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setFormState({ mode: 'edit', user })}>
            {t('shell:actions.edit')}
          </Button>
          <Dropdown menu={{ items: moreItems(user), onClick: ({ key }) => handleMore(user, key) }} trigger={['click']}>
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('users.more')} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormState({ mode: 'create' })} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          key={q ?? ''}
          defaultValue={q}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          allowClear
          onSearch={(text) => setFilters({ q: text.trim() })}
          style={{ width: 260 }}
          data-testid="user-search"
        />
        <Select
          value={role}
          placeholder={t('users.roleFilter')}
          aria-label={t('users.roleFilter')}
          allowClear
          onChange={(next?: string) => setFilters({ role: next })}
          options={roles.map((name) => ({ value: name, label: t(`shell:roles.${name}`) }))}
          style={{ width: 200 }}
        />
      </Flex>
      {users.isError ? <Alert type="error" showIcon title={problemMessage(users.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={users.data?.items}
        loading={users.isFetching}
        scroll={{ x: 'max-content' }}
        size="middle"
        pagination={{
          current: page,
          pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('shell:status.total', { total }),
          onChange: setPaging,
        }}
        data-testid="user-table"
      />
      {formState.mode === 'closed' ? null : (
        <UserFormModal
          user={formState.mode === 'edit' ? formState.user : undefined}
          onClose={() => setFormState({ mode: 'closed' })}
          onSaved={() => {
            setFormState({ mode: 'closed' });
            void message.success(t('users.saved'));
          }}
          onCreated={(username, initialPassword) => {
            setFormState({ mode: 'closed' });
            setSecret({ username, initialPassword });
          }}
        />
      )}
      <OneTimeSecretModal
        title={t('users.initialPasswordTitle', { username: secret?.username ?? '' })}
        hint={t('users.initialPasswordHint')}
        secret={secret?.initialPassword}
        onClose={() => setSecret(undefined)}
      />
    </>
  );
}
