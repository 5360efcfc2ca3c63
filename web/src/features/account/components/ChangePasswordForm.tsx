import { Button, Card, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { useFeedback } from '@/lib/feedback';
import { confirmRules, passwordRules } from '@/lib/password-rules';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import { meQueryOptions, useLogout } from '@/lib/session';
import { useChangePassword } from '../api/change-password';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<PasswordValues>();
  const change = useChangePassword();
  const logout = useLogout();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const onFinish = ({ currentPassword, newPassword }: PasswordValues) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          // The API revokes every token issued before the change, ours included.
          void message.success(t('account.passwordChanged'));
          logout();
          void navigate(`/login?redirect=${encodeURIComponent('/account')}`, { replace: true });
        },
        onError: (error) => {
          // A wrong current password is a 400 naming currentPassword (a 401 only if the session is gone).
          const wrongCurrent = error instanceof ApiError && (error.status === 401 || error.problem.errors?.currentPassword);
          if (wrongCurrent) {
            form.setFields([{ name: 'currentPassword', errors: [t('account.currentPasswordWrong')] }]);
            // If the session itself is gone, re-checking it triggers the normal "log in again".
            if (error.status === 401) void queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
            return;
          }
          const unmatched = applyProblemToForm(form, error, ['currentPassword', 'newPassword']);
          if (unmatched.length || !(error instanceof ApiError && error.problem.errors)) {
            void message.error([errorMessage(error, t), ...unmatched].join(' '));
          }
        },
      },
    );

  return (
    <Card title={t('account.changePassword')} size="small" data-testid="change-password-card">
      <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 480 }} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('auth.newPassword')} rules={passwordRules(t)}>
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} dependencies={['newPassword']} rules={confirmRules(t, 'newPassword')}>
          <Input.Password autoComplete="new-password" data-testid="confirm-new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="change-password-submit">
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
