import { ShopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { applyProblemToForm } from '../../lib/form-errors.ts';
import { type Registration, useRegisterOperator } from './api.ts';

type Values = Registration & { confirm: string };

/**
 * Signed out: a shop's operator applies for an account, proving the shop with its unified social credit code and
 * food business licence number. The station of the shop's street approves or rejects the application.
 */
export function RegisterPage() {
  const { t } = useTranslation('food-safety');
  useDocumentTitle(t('registration.title'));
  const [form] = Form.useForm<Values>();
  const register = useRegisterOperator();
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState(false);

  const submit = ({ confirm: _confirm, ...values }: Values) => {
    setErrors([]);
    register
      .mutateAsync({ ...values, creditCode: values.creditCode.trim().toUpperCase(), licenceNumber: values.licenceNumber.trim() })
      .then(
        () => setDone(true),
        (error: unknown) => setErrors(applyProblemToForm(form, error)),
      );
  };
  const required = { required: true, message: t('registration.required') };

  return (
    <Flex
      vertical
      align="center"
      style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #e8f0fe 0%, #f5f7fa 60%)' }}
    >
      <Card style={{ width: '100%', maxWidth: 460 }} styles={{ body: { padding: 24 } }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            <ShopOutlined /> {t('registration.title')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        {done ? (
          <Result
            status="success"
            title={t('registration.submitted')}
            subTitle={t('registration.submittedHint')}
            extra={<Link to="/login">{t('registration.toLogin')}</Link>}
            data-testid="registration-submitted"
          />
        ) : (
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
            <Typography.Paragraph type="secondary">{t('registration.intro')}</Typography.Paragraph>
            {errors.length ? <Alert type="error" showIcon title={errors.join('；')} style={{ marginBottom: 12 }} /> : null}
            <Form.Item
              name="creditCode"
              label={t('registration.creditCode')}
              rules={[required, { len: 18, message: t('registration.creditCodeLength') }]}
            >
              <Input maxLength={18} data-testid="registration-credit-code" />
            </Form.Item>
            <Form.Item name="licenceNumber" label={t('registration.licenceNumber')} rules={[required]}>
              <Input maxLength={64} data-testid="registration-licence" />
            </Form.Item>
            <Form.Item name="applicantName" label={t('registration.applicantName')} rules={[required]}>
              <Input maxLength={50} data-testid="registration-name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('registration.phone')}
              rules={[required, { pattern: /^1[3-9]\d{9}$/, message: t('registration.phoneFormat') }]}
            >
              <Input inputMode="tel" maxLength={11} data-testid="registration-phone" />
            </Form.Item>
            <Form.Item
              name="username"
              label={t('registration.username')}
              extra={t('registration.usernameHint')}
              rules={[required, { pattern: /^[a-z0-9][a-z0-9._-]{2,39}$/, message: t('registration.usernameFormat') }]}
            >
              <Input autoComplete="username" data-testid="registration-username" />
            </Form.Item>
            <Form.Item name="password" label={t('registration.password')} extra={t('registration.passwordHint')} rules={[required]}>
              <Input.Password autoComplete="new-password" data-testid="registration-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('registration.confirm')}
              dependencies={['password']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('registration.confirmMismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="registration-confirm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="registration-submit">
              {t('registration.submit')}
            </Button>
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Link to="/login">{t('registration.toLogin')}</Link>
            </Flex>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
