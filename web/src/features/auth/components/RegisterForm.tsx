import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import { safeRedirect } from '@/lib/safe-redirect';
import { useRegister } from '../api/register';
import { AuthCard } from './AuthCard';
import { confirmRules, passwordRules } from '@/lib/password-rules';

interface RegisterValues {
  name: string;
  email: string;
  password: string;
  confirmPassword: string;
}

export function RegisterForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RegisterValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const register = useRegister();
  const [error, setError] = useState<string>();

  const onFinish = (values: RegisterValues) => {
    setError(undefined);
    register.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate(safeRedirect(params.get('redirect')), { replace: true }),
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) {
            form.setFields([{ name: 'email', errors: [t('auth.emailTaken')] }]);
            return;
          }
          const unmatched = applyProblemToForm(form, err, ['name', 'email', 'password']);
          const mappedSome = err instanceof ApiError && err.problem.errors && unmatched.length < Object.keys(err.problem.errors).length;
          if (!mappedSome || unmatched.length) setError([errorMessage(err, t), ...unmatched].join(' '));
        },
      },
    );
  };

  return (
    <AuthCard title={t('auth.registerTitle')} testId="register-page">
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={error} data-testid="register-error" />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="register-form">
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.nameRequired') }, { max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
          <Input autoComplete="name" data-testid="register-name" />
        </Form.Item>
        <Form.Item
          name="email"
          normalize={(value: string) => value.trim()}
          label={t('auth.email')}
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input autoComplete="email" inputMode="email" data-testid="register-email" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={passwordRules(t)} extra={t('auth.passwordHint')}>
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item name="confirmPassword" label={t('auth.confirmPassword')} dependencies={['password']} rules={confirmRules(t, 'password')}>
          <Input.Password autoComplete="new-password" data-testid="register-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={register.isPending} data-testid="register-submit">
          {t('auth.register')}
        </Button>
      </Form>
      <div className="shop-auth-links">
        <span />
        <Link to="/login">{t('auth.haveAccount')}</Link>
      </div>
    </AuthCard>
  );
}
