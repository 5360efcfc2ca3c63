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
  // Plain elements in the classes of the server's first screen (first-screen.css), which look as antd's
  // Typography does: the same markup before and after the scripts, and no Typography in the first download.
  return (
    <div data-testid="home-page">
      <section className="shop-hero">
        <h1 className="shop-hero-title shop-pre-heading">{t('home.title')}</h1>
        <p className="shop-pre-secondary">{t('home.subtitle')}</p>
        <div style={{ maxWidth: 560 }}>
          <SearchBox />
        </div>
      </section>
      <section>
        <h2 className="shop-section-title shop-pre-heading">{t('home.categories')}</h2>
        <CategoryGrid />
      </section>
      <section style={{ marginTop: 32 }}>
        <div className="shop-section-head">
          <h2 className="shop-section-title shop-pre-heading" style={{ margin: 0 }}>
            {t('home.featured')}
          </h2>
          <Link to="/products?sort=popular">{t('home.seeAll')}</Link>
        </div>
        <FeaturedProducts />
      </section>
    </div>
  );
}
