import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { useChangePassword } from './api.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing one's own password. Mount it only while it is open. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['auth', 'shell']);
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const changePassword = useChangePassword();
  const [otherErrors, setOtherErrors] = useState<string[]>([]);

  const handleFinish = ({ currentPassword, newPassword }: PasswordForm) =>
    changePassword
      .mutateAsync({ currentPassword, newPassword })
      .then(() => {
        void message.success(t('password.done'));
        onClose();
      })
      .catch((error: unknown) => setOtherErrors(applyProblemToForm(form, error)));

  return (
    <Modal
      open
      title={t('password.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('shell:actions.save')}
      cancelText={t('shell:actions.cancel')}
      confirmLoading={changePassword.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      {otherErrors.length > 0 ? <Alert type="error" showIcon title={otherErrors.join('; ')} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[{ required: true, message: t('password.required') }]}
          extra={<Typography.Text type="secondary">{t('password.policy')}</Typography.Text>}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, confirmation: string) =>
                !confirmation || confirmation === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
