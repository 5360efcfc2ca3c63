import { Layout } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { PageSkeleton } from '@/components/PageSkeleton';
import { AppHeader } from './AppHeader';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = t('app.name');
  }, [t, i18n.language]);
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
