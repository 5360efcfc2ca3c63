import { AppstoreOutlined } from '@ant-design/icons';
import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { categoryName } from '@/lib/category-name';
import { currentLanguage } from '@/lib/i18n';
import { useCategories } from '../api/get-categories';

export function CategoryGrid() {
  const { t } = useTranslation();
  const categories = useCategories();
  if (categories.isError) return <QueryError error={categories.error} onRetry={() => void categories.refetch()} />;
  return (
    <div className="shop-category-grid" data-testid="featured-categories">
      {categories.isPending
        ? Array.from({ length: 6 }, (_, i) => <Skeleton.Button key={i} active block style={{ height: 72 }} />)
        : categories.data.map((category) => (
            <Link key={category.id} to={`/products?category=${encodeURIComponent(category.id)}`} data-testid="category-card" data-category-id={category.id}>
              <Card hoverable size="small" styles={{ body: { display: 'flex', gap: 10, alignItems: 'center' } }}>
                <AppstoreOutlined style={{ fontSize: 22, color: 'var(--shop-primary)' }} />
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {categoryName(category, currentLanguage())}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('catalog.productCount', { count: category.productCount })}
                  </Typography.Text>
                </div>
              </Card>
            </Link>
          ))}
    </div>
  );
}
