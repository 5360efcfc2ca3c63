import { Button, Card, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADDRESS_FIELDS, AddressFields, cleanAddress } from '@/components/AddressFields';
import { useFeedback } from '@/lib/feedback';
import { applyProblemToForm, errorMessage } from '@/lib/problem';
import type { User } from '@/types/api';
import { useUpdateProfile } from '../api/update-profile';

type AddressValues = { defaultAddress: Partial<Record<(typeof ADDRESS_FIELDS)[number], string>> };

/** The address checkout starts from. */
export function DefaultAddressForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<AddressValues>();
  const update = useUpdateProfile();

  const onFinish = (values: AddressValues) =>
    update.mutate(
      { defaultAddress: cleanAddress(values.defaultAddress) },
      {
        onSuccess: () => void message.success(t('account.saved')),
        onError: (error) => {
          const unmatched = applyProblemToForm(form, error, ADDRESS_FIELDS.map((field) => ['defaultAddress', field]));
          void message.error([errorMessage(error, t), ...unmatched].join(' '));
        },
      },
    );

  return (
    <Card title={t('account.defaultAddress')} size="small" data-testid="default-address-card">
      <Form form={form} layout="vertical" initialValues={{ defaultAddress: user.defaultAddress ?? {} }} onFinish={onFinish}>
        <AddressFields prefix={['defaultAddress']} testIdPrefix="default-address" />
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="default-address-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
