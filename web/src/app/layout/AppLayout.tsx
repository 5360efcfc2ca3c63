import { Layout } from 'antd';
import { Suspense, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { PageSkeleton } from '@/components/PageSkeleton';
import { useLiveUpdates } from '@/lib/live-updates';
import { AppHeader } from './AppHeader';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  useLiveUpdates();
  // The shop's name on every page change; a page with a title of its own sets it after this
  // (useDocumentTitle: layout effects run before all effects).
  useLayoutEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language, pathname]);
  return (
    <Layout className="shop-layout">
      <AppHeader />
      <Layout.Content className="shop-content">
        {/* Each page is its own chunk (React.lazy); the header stays while one downloads. */}
        <Suspense fallback={<PageSkeleton />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="shop-footer">{t('app.footer', { year: new Date().getFullYear() })}</Layout.Footer>
      <ScrollRestoration />
    </Layout>
  );
}
