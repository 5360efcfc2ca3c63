import { Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { useVerifyEmail } from '../api/verify-email';
import { AuthCard } from './AuthCard';

/** The page a verification link opens: checks the token once and says how it went. */
export function VerifyEmailResult() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmail();
  const sent = useRef(false);

  // Once per page, not per render: the request is the page's only job (StrictMode mounts effects twice).
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);

  return (
    <AuthCard title={t('auth.verifyTitle')} testId="verify-page">
      {verify.isSuccess ? (
        <Result status="success" title={t('auth.emailVerified')} subTitle={t('auth.emailVerifiedHint')} extra={<LinkButton to="/" type="primary">{t('auth.continueShopping')}</LinkButton>} data-testid="verify-done" />
      ) : verify.isError || !token ? (
        <Result status="warning" title={t('auth.verifyLinkInvalid')} extra={<LinkButton to="/account">{t('auth.requestNewVerification')}</LinkButton>} data-testid="verify-failed" />
      ) : (
        <div style={{ textAlign: 'center', padding: 32 }}>
          <Spin aria-label={t('auth.verifying')} />
        </div>
      )}
    </AuthCard>
  );
}
