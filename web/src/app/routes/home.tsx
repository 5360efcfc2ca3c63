import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryGrid } from '@/features/catalog/components/CategoryGrid';
import { FeaturedProducts } from '@/features/catalog/components/FeaturedProducts';
import { SearchBox } from '@/features/catalog/components/SearchBox';

export default function HomePage() {
  const { t } = useTranslation();
  return (
    <div data-testid="home-page">
      <section className="shop-hero">
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('home.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('home.subtitle')}</Typography.Paragraph>
        <div style={{ maxWidth: 560 }}>
          <SearchBox />
        </div>
      </section>
      <section>
        <Typography.Title level={4}>{t('home.categories')}</Typography.Title>
        <CategoryGrid />
      </section>
      <section style={{ marginTop: 32 }}>
        <div className="shop-section-head">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('home.featured')}
          </Typography.Title>
          <Link to="/products?sort=popular">{t('home.seeAll')}</Link>
        </div>
        <FeaturedProducts />
      </section>
    </div>
  );
}
