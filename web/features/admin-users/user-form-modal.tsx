import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { marketAccountRoles, type Role, roles } from '../../../shared/roles.ts';
import type { UserView } from '../../lib/api-types.ts';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { currentLanguage } from '../../lib/i18n.ts';
import { useCreateUser, useOrgUnits, useUpdateUser } from './api.ts';
import { EntityPicker } from './entity-picker.tsx';

interface UserFormValues {
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId?: number | null;
  entityIds?: number[];
}

interface UserFormModalProps {
  /** The user to edit; absent to create one. */
  user?: UserView;
  onClose: () => void;
  onCreated: (username: string, initialPassword: string) => void;
  onSaved: () => void;
}

/** Create or edit a user. Mount it only while it is open. */
export function UserFormModal({ user, onClose, onCreated, onSaved }: UserFormModalProps) {
  const { t } = useTranslation(['admin', 'shell']);
  const [form] = Form.useForm<UserFormValues>();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const orgUnits = useOrgUnits();
  const createUser = useCreateUser();
  const updateUser = useUpdateUser();
  const isEnglish = currentLanguage() === 'en';

  const handleFinish = async (values: UserFormValues) => {
    setOtherErrors([]);
    const orgUnitId = values.orgUnitId ?? null;
    try {
      if (user) {
        await updateUser.mutateAsync({
          id: user.id,
          body: { displayName: values.displayName, roles: values.roles, orgUnitId, entityIds: values.entityIds ?? [] },
        });
        onSaved();
      } else {
        const created = await createUser.mutateAsync({ ...values, orgUnitId });
        onCreated(created.user.username, created.initialPassword);
      }
    } catch (error) {
      setOtherErrors(applyProblemToForm(form, error));
    }
  };

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { username: user.username }) : t('users.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('shell:actions.save')}
      cancelText={t('shell:actions.cancel')}
      confirmLoading={createUser.isPending || updateUser.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {otherErrors.length > 0 ? <Alert type="error" showIcon title={otherErrors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={handleFinish}
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                roles: user.roles,
                orgUnitId: user.orgUnitId,
                entityIds: user.entityIds,
              }
            : { username: '', displayName: '', roles: [], orgUnitId: null, entityIds: [] }
        }
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={user ? undefined : t('users.usernameRule')}
          rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: t('users.usernameInvalid') }]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 60, message: t('users.displayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
        >
          <Select mode="multiple" options={roles.map((role) => ({ value: role, label: t(`shell:roles.${role}`) }))} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('users.orgUnit')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgUnits.isPending}
            options={(orgUnits.data?.items ?? []).map((unit) => ({
              value: unit.id,
              label: `${isEnglish ? unit.nameEn : unit.name} · ${t(`shell:orgKinds.${unit.kind}`)}`,
            }))}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(previous, next) => previous.roles !== next.roles}>
          {({ getFieldValue }) =>
            (getFieldValue('roles') as Role[] | undefined)?.some(
              (role) => role === 'operator' || role === 'maintenance_unit' || marketAccountRoles.includes(role),
            ) ? (
              <Form.Item name="entityIds" label={t('users.entities')} extra={t('users.entitiesExtra')}>
                <EntityPicker />
              </Form.Item>
            ) : null
          }
        </Form.Item>
      </Form>
    </Modal>
  );
}
