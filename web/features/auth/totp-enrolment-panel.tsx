import { Alert, Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '../../lib/api-types.ts';
import { TotpCodeField } from './totp-code-field.tsx';

interface TotpEnrolmentPanelProps {
  enrolment: TotpEnrolment;
  isPending: boolean;
  errorMessage?: string;
  onConfirm: (code: string) => void;
}

/** QR code, secret and the first code: turning on two-step verification. */
export function TotpEnrolmentPanel({ enrolment, isPending, errorMessage, onConfirm }: TotpEnrolmentPanelProps) {
  const { t } = useTranslation('auth');
  // An <img> with a data: URL, never injected markup: the SVG cannot run script this way.
  const qrSource = `data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`;
  return (
    <Form layout="vertical" onFinish={(values: { code: string }) => onConfirm(values.code)} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('enrol.prompt')}</Typography.Paragraph>
      <Flex justify="center" style={{ marginBottom: 12 }}>
        <img
          src={qrSource}
          alt={t('enrol.qrAlt')}
          width={180}
          height={180}
          style={{ background: '#fff', padding: 8, border: '1px solid #e5e7eb', borderRadius: 8 }}
          data-testid="totp-qr"
        />
      </Flex>
      <Typography.Paragraph style={{ textAlign: 'center' }}>
        {t('enrol.secret')}:{' '}
        <Typography.Text code copyable data-testid="totp-secret">
          {enrolment.secret}
        </Typography.Text>
      </Typography.Paragraph>
      {errorMessage ? <Alert type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} /> : null}
      <TotpCodeField />
      <Button type="primary" htmlType="submit" block size="large" loading={isPending}>
        {t('enrol.submit')}
      </Button>
    </Form>
  );
}
