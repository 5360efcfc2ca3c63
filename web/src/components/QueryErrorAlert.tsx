import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/problem';

export interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
}

/** An error from loading data, in the API's own words when it gave some, with a retry (components/QueryError.tsx). */
export default function QueryErrorAlert({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="query-error"
      title={t('errors.loadFailed')}
      description={errorMessage(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
