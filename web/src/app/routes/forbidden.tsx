import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';

/** What RequireAdmin shows a logged-in shopper: a plain "not allowed", not a login loop. */
export default function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={<h1 className="shop-result-title">{t('errors.forbiddenTitle')}</h1>}
      subTitle={t('errors.forbidden')}
      extra={
        <LinkButton to="/" type="primary">
          {t('nav.home')}
        </LinkButton>
      }
      data-testid="forbidden"
    />
  );
}
