import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import { useSession } from '@/lib/session';
import { useResendVerification } from '../api/verify-email';

/** Asks a shopper whose address is not verified to open the link; order mail waits for it. */
export function VerifyEmailBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { message } = useFeedback();
  const resend = useResendVerification();
  if (!user || user.emailVerified) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="verify-banner"
      title={t('auth.verifyBanner', { email: user.email })}
      action={
        <Button
          size="small"
          loading={resend.isPending}
          data-testid="verify-resend"
          onClick={() =>
            resend.mutate(undefined, {
              onSuccess: () => void message.success(t('auth.verificationSent', { email: user.email })),
              onError: (error) => void message.error(errorMessage(error, t)),
            })
          }
        >
          {t('auth.resendVerification')}
        </Button>
      }
    />
  );
}
