import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '@/lib/problem';
import { useForgotPassword } from '../api/forgot-password';
import { AuthCard } from './AuthCard';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();

  if (forgot.isSuccess) {
    // Same answer whether or not the account exists: the API does not tell, neither do we.
    return (
      <AuthCard title={t('auth.forgotTitle')} testId="forgot-page">
        <Result status="success" title={t('auth.resetLinkSent')} subTitle={t('auth.resetLinkSentDetail', { email: forgot.variables })} extra={<Link to="/login">{t('auth.backToLogin')}</Link>} data-testid="forgot-sent" />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.forgotTitle')} testId="forgot-page">
      {forgot.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={errorMessage(forgot.error, t)} />}
      <Form layout="vertical" requiredMark={false} onFinish={({ email }: { email: string }) => forgot.mutate(email.trim())}>
        <Form.Item name="email" normalize={(value: string) => value.trim()} label={t('auth.email')} extra={t('auth.forgotHint')} rules={[{ required: true, message: t('auth.emailRequired') }, { type: 'email', message: t('auth.emailInvalid') }]}>
          <Input autoComplete="email" inputMode="email" data-testid="forgot-email" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={forgot.isPending} data-testid="forgot-submit">
          {t('auth.sendResetLink')}
        </Button>
      </Form>
      <div className="shop-auth-links">
        <Link to="/login">{t('auth.backToLogin')}</Link>
      </div>
    </AuthCard>
  );
}
