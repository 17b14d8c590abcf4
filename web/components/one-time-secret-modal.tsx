import { Alert, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretModalProps {
  title: ReactNode;
  secret: string | undefined;
  hint?: ReactNode;
  onClose: () => void;
}

/** Shows a secret the server returns once (an initial password): copyable, gone when closed. */
export function OneTimeSecretModal({ title, secret, hint, onClose }: OneTimeSecretModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== undefined}
      title={title}
      onOk={onClose}
      onCancel={onClose}
      okText={t('actions.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      maskClosable={false}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('secret.showOnce')} style={{ marginBottom: 16 }} />
      {hint ? <Typography.Paragraph>{hint}</Typography.Paragraph> : null}
      <Typography.Paragraph copyable={{ text: secret }} style={{ fontSize: 20 }}>
        <Typography.Text code data-testid="one-time-secret">
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
    </Modal>
  );
}
