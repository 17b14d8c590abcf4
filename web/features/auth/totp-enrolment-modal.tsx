import { Alert, App, Modal, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../lib/form-errors.ts';
import { useConfirmTotpEnrolment, useTotpEnrolment } from './api.ts';
import { TotpEnrolmentPanel } from './totp-enrolment-panel.tsx';

/** Turning on two-step verification from the user menu. Mount it only while it is open. */
export function TotpEnrolmentModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const enrolment = useTotpEnrolment();
  const confirm = useConfirmTotpEnrolment();
  const [errorMessage, setErrorMessage] = useState<string>();

  const handleConfirm = (code: string) =>
    confirm
      .mutateAsync(code)
      .then(() => {
        void message.success(t('enrol.done'));
        onClose();
      })
      .catch((error: unknown) => setErrorMessage(problemMessage(error)));

  return (
    <Modal open title={t('enrol.title')} onCancel={onClose} footer={null} destroyOnHidden maskClosable={false}>
      {enrolment.isPending ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {enrolment.isError ? <Alert type="error" showIcon title={problemMessage(enrolment.error)} /> : null}
      {enrolment.data ? (
        <TotpEnrolmentPanel
          enrolment={enrolment.data}
          isPending={confirm.isPending}
          errorMessage={errorMessage}
          onConfirm={handleConfirm}
        />
      ) : null}
    </Modal>
  );
}
