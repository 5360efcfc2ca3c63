import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryGrid } from '@/features/catalog/components/CategoryGrid';
import { FeaturedProducts } from '@/features/catalog/components/FeaturedProducts';
import { SearchBox } from '@/features/catalog/components/SearchBox';
import { useDocumentTitle } from '@/lib/use-document-title';

export default function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('seo.homeTitle'), { whole: true });
  // Headings in order (h1, then h2s) for screen readers and search engines; sized as before (styles.css).
  return (
    <div data-testid="home-page">
      <section className="shop-hero">
        <Typography.Title level={1} className="shop-hero-title">
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.subtitle')}</Typography.Paragraph>
        <div style={{ maxWidth: 560 }}>
          <SearchBox />
        </div>
      </section>
      <section>
        <Typography.Title level={2} className="shop-section-title">
          {t('home.categories')}
        </Typography.Title>
        <CategoryGrid />
      </section>
      <section style={{ marginTop: 32 }}>
        <div className="shop-section-head">
          <Typography.Title level={2} className="shop-section-title" style={{ margin: 0 }}>
            {t('home.featured')}
          </Typography.Title>
          <Link to="/products?sort=popular">{t('home.seeAll')}</Link>
        </div>
        <FeaturedProducts />
      </section>
    </div>
  );
}
