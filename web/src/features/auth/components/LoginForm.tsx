import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/problem';
import { safeRedirect } from '@/lib/safe-redirect';
import { useLogin, type LoginInput } from '../api/login';
import { AuthCard } from './AuthCard';

export function LoginForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const [error, setError] = useState<string>();
  const redirect = params.get('redirect');

  const onFinish = (values: LoginInput) => {
    setError(undefined);
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(safeRedirect(redirect), { replace: true }),
        onError: (err) => {
          // The API words a 401 the same for an unknown email and a wrong password (no account
          // enumeration); say it in the shopper's language.
          setError(err instanceof ApiError && err.status === 401 ? t('auth.invalidCredentials') : errorMessage(err, t));
        },
      },
    );
  };

  return (
    <AuthCard title={t('auth.loginTitle')} testId="login-page">
      {redirect && !error && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('auth.loginToContinue')} />}
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} data-testid="login-error" />}
      <Form layout="vertical" onFinish={onFinish} onValuesChange={() => setError(undefined)} requiredMark={false} data-testid="login-form">
        <Form.Item
          name="email"
          normalize={(value: string) => value.trim()}
          label={t('auth.email')}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input autoComplete="email" inputMode="email" data-testid="login-email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t('auth.login')}
        </Button>
      </Form>
      <div className="shop-auth-links">
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
        <Link to={redirect ? `/register?redirect=${encodeURIComponent(redirect)}` : '/register'} data-testid="to-register">
          {t('auth.noAccount')}
        </Link>
      </div>
    </AuthCard>
  );
}
