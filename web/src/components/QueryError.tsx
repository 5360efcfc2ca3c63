import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryErrorProps } from './QueryErrorAlert';

// antd's Alert loads when an error is shown: most pages never show one, and it would weigh on their first download.
const QueryErrorAlert = lazy(() => import('./QueryErrorAlert'));

/** An error from loading data, in the API's own words when it gave some, with a retry. */
export function QueryError(props: QueryErrorProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="shop-pre-secondary">{t('errors.loadFailed')}</p>}>
      <QueryErrorAlert {...props} />
    </Suspense>
  );
}
