import { LockOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useDocumentTitle } from '../../components/page-header.tsx';
import type { SignInResult, TotpEnrolment } from '../../lib/api-types.ts';
import { problemMessage } from '../../lib/form-errors.ts';
import { useConfirmTotpEnrolment, useLogin, useStartTotpEnrolment, useTotpSignIn } from './api.ts';
import { TotpCodeField } from './totp-code-field.tsx';
import { TotpEnrolmentPanel } from './totp-enrolment-panel.tsx';

type Step = { name: 'credentials' } | { name: 'totp' } | { name: 'enrol'; enrolment: TotpEnrolment };

/** Only a path on this site: `next=//evil.example` must not send the user away. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation(['auth', 'shell']);
  useDocumentTitle(t('login.title'));
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [step, setStep] = useState<Step>({ name: 'credentials' });
  const [errorMessage, setErrorMessage] = useState<string>();
  const login = useLogin();
  const totpSignIn = useTotpSignIn();
  const startEnrolment = useStartTotpEnrolment();
  const confirmEnrolment = useConfirmTotpEnrolment();

  const handleResult = async (result: SignInResult) => {
    setErrorMessage(undefined);
    if (result.status === 'signed_in') {
      navigate(safeNext(searchParams.get('next')), { replace: true });
    } else if (result.status === 'totp_required') {
      setStep({ name: 'totp' });
    } else {
      setStep({ name: 'enrol', enrolment: await startEnrolment.mutateAsync() });
    }
  };

  const handleError = (error: unknown) => setErrorMessage(problemMessage(error));

  const handleCredentials = (values: { username: string; password: string }) =>
    login.mutateAsync(values).then(handleResult).catch(handleError);

  const handleTotp = (values: { code: string }) => totpSignIn.mutateAsync(values.code).then(handleResult).catch(handleError);

  const handleEnrolmentCode = (code: string) => confirmEnrolment.mutateAsync(code).then(handleResult).catch(handleError);

  const handleRestart = () => {
    setErrorMessage(undefined);
    setStep({ name: 'credentials' });
  };

  const error = errorMessage ? (
    <Alert type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} data-testid="login-error" />
  ) : null;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 60%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <LanguageSwitch />
        </Flex>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#1d4ed8' }} />
          <Typography.Title level={3} style={{ margin: 0, textAlign: 'center' }} data-testid="product-name">
            {t('shell:product.fullName')}
          </Typography.Title>
        </Flex>

        {step.name === 'credentials' ? (
          <Form layout="vertical" onFinish={handleCredentials} requiredMark={false} autoComplete="on">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('login.title')}
            </Typography.Title>
            {error}
            <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={login.isPending || startEnrolment.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Link to="/register-operator" data-testid="register-operator-link">
                {t('login.registerOperator')}
              </Link>
            </Flex>
          </Form>
        ) : null}

        {step.name === 'totp' ? (
          <Form layout="vertical" onFinish={handleTotp} requiredMark={false}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('totp.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('totp.prompt')}</Typography.Paragraph>
            {error}
            <TotpCodeField />
            <Button type="primary" htmlType="submit" block size="large" loading={totpSignIn.isPending}>
              {t('totp.submit')}
            </Button>
          </Form>
        ) : null}

        {step.name === 'enrol' ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('enrol.title')}
            </Typography.Title>
            <TotpEnrolmentPanel
              enrolment={step.enrolment}
              isPending={confirmEnrolment.isPending}
              errorMessage={errorMessage}
              onConfirm={handleEnrolmentCode}
            />
          </>
        ) : null}

        {step.name === 'credentials' ? null : (
          <Button type="link" block onClick={handleRestart} style={{ marginTop: 8 }}>
            {t('login.back')}
          </Button>
        )}
      </Card>
    </Flex>
  );
}
