import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '@/components/LinkButton';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1 className="shop-result-title">{t('errors.pageNotFound')}</h1>}
      data-testid="not-found"
      extra={
        <LinkButton to="/" type="primary">
          {t('nav.home')}
        </LinkButton>
      }
    />
  );
}
