import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The 6-digit TOTP code field, with the keyboard and autofill hints phones understand. */
export function TotpCodeField() {
  const { t } = useTranslation('auth');
  return (
    <Form.Item
      name="code"
      label={t('totp.code')}
      rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t('totp.codeRule') }]}
      normalize={(text: string) => text.replace(/\D/g, '').slice(0, 6)}
    >
      <Input
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        placeholder="000000"
        size="large"
        style={{ letterSpacing: '0.4em', fontFamily: 'monospace' }}
        data-testid="totp-code"
        autoFocus
      />
    </Form.Item>
  );
}
