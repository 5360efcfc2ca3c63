import { Alert, Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { ApiError } from '@/lib/api-client';
import { errorMessage } from '@/lib/problem';
import { useResetPassword } from '../api/reset-password';
import { AuthCard } from './AuthCard';
import { confirmRules, passwordRules } from '@/lib/password-rules';

export function ResetPasswordForm() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const reset = useResetPassword();

  if (!token) {
    return (
      <AuthCard title={t('auth.resetTitle')} testId="reset-page">
        <Result status="warning" title={t('auth.resetLinkInvalid')} extra={<Link to="/forgot-password">{t('auth.requestNewLink')}</Link>} />
      </AuthCard>
    );
  }
  if (reset.isSuccess) {
    return (
      <AuthCard title={t('auth.resetTitle')} testId="reset-page">
        <Result status="success" title={t('auth.passwordReset')} extra={<LinkButton to="/login" type="primary">{t('auth.login')}</LinkButton>} data-testid="reset-done" />
      </AuthCard>
    );
  }

  const expired = reset.error instanceof ApiError && reset.error.status === 400;
  return (
    <AuthCard title={t('auth.resetTitle')} testId="reset-page">
      {reset.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={expired ? t('auth.resetLinkInvalid') : errorMessage(reset.error, t)}
          description={expired ? <Link to="/forgot-password">{t('auth.requestNewLink')}</Link> : undefined}
        />
      )}
      <Form layout="vertical" requiredMark={false} onFinish={({ newPassword }: { newPassword: string }) => reset.mutate({ token, newPassword })}>
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" data-testid="reset-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} dependencies={['newPassword']} rules={confirmRules(t, 'newPassword')}>
          <Input.Password autoComplete="new-password" data-testid="reset-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending} data-testid="reset-submit">
          {t('auth.setNewPassword')}
        </Button>
      </Form>
    </AuthCard>
  );
}
