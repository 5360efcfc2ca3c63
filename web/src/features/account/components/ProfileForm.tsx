import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from '@/components/AddressFields';
import { useFeedback } from '@/lib/feedback';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import type { User } from '@/types/api';
import { useUpdateProfile } from '../api/update-profile';

interface ProfileValues {
  name: string;
  phone?: string;
}

export function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateProfile();

  const onFinish = (values: ProfileValues) =>
    update.mutate(
      { name: values.name.trim(), phone: values.phone?.trim() || undefined },
      {
        onSuccess: () => void message.success(t('account.saved')),
        onError: (error) => {
          const unmatched = applyProblemToForm(form, error, ['name', 'phone']);
          void message.error([errorMessage(error, t), ...unmatched].join(' '));
        },
      },
    );

  return (
    <Card title={t('account.profile')} size="small" data-testid="profile-card">
      <Form form={form} layout="vertical" initialValues={{ name: user.name, phone: user.phone }} onFinish={onFinish} style={{ maxWidth: 480 }}>
        <Form.Item label={t('auth.email')} htmlFor="profile-email">
          <Input id="profile-email" value={user.email} disabled data-testid="profile-email" />
        </Form.Item>
        <Form.Item name="name" label={t('auth.name')} rules={[{ required: true, whitespace: true, message: t('auth.nameRequired') }, { max: 50, message: t('validation.maxLength', { max: 50 }) }]}>
          <Input autoComplete="name" data-testid="profile-name" />
        </Form.Item>
        <Form.Item name="phone" label={t('address.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('address.phoneInvalid') }]}>
          <Input autoComplete="tel" inputMode="tel" data-testid="profile-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="profile-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
