import { AppstoreOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '@/components/QueryError';
import { categoryName } from '@/lib/category-name';
import { currentLanguage } from '@/lib/i18n';
import { useCategories } from '../api/get-categories';

/** The top-level categories as cards (styles.css `.shop-card`, as the server draws them for the first screen). */
export function CategoryGrid() {
  const { t } = useTranslation();
  const categories = useCategories();
  if (categories.isError) return <QueryError error={categories.error} onRetry={() => void categories.refetch()} />;
  return (
    <div className="shop-category-grid" data-testid="featured-categories">
      {categories.isPending
        ? Array.from({ length: 6 }, (_, i) => <Skeleton.Button key={i} active block style={{ height: 72 }} />)
        : categories.data.filter((category) => !category.parentId).map((category) => (
            <Link
              key={category.id}
              to={`/products?category=${encodeURIComponent(category.id)}`}
              data-testid="category-card"
              data-category-id={category.id}
              className="shop-card shop-card-hoverable shop-category-card"
            >
              <AppstoreOutlined className="shop-category-icon" />
              <span className="shop-category-text">
                <strong>{categoryName(category, currentLanguage())}</strong>
                <small>{t('catalog.productCount', { count: category.productCount })}</small>
              </span>
            </Link>
          ))}
    </div>
  );
}
