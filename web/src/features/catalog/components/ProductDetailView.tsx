import { Breadcrumb, Descriptions, Image, Rate, Result, Skeleton, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Price } from '@/components/Price';
import { ProductImage } from '@/components/ProductImage';
import { QueryError } from '@/components/QueryError';
import { ApiError } from '@/lib/api-client';
import { categoryName } from '@/lib/category-name';
import { currentLanguage } from '@/lib/i18n';
import { useDocumentTitle } from '@/lib/use-document-title';
import type { Product } from '@/types/api';
import { useCategories } from '../api/get-categories';
import { useProduct } from '../api/get-product';

interface ProductDetailViewProps {
  productId: string;
  /** The buying controls, supplied by the page (they belong to the cart feature). */
  renderActions?: (product: Product) => ReactNode;
  /** What follows the description (the reviews), supplied by the page. */
  renderAfter?: (product: Product) => ReactNode;
}

export function ProductDetailView({ productId, renderActions, renderAfter }: ProductDetailViewProps) {
  const { t } = useTranslation();
  const product = useProduct(productId);
  const categories = useCategories();
  const [selected, setSelected] = useState(0);
  useDocumentTitle(product.data?.name);

  if (product.isPending) {
    return (
      <div className="shop-detail" data-testid="product-detail-loading">
        <Skeleton.Image active style={{ width: '100%', height: 320 }} />
        <Skeleton active paragraph={{ rows: 6 }} />
      </div>
    );
  }
  if (product.isError) {
    if (product.error instanceof ApiError && product.error.status === 404) {
      return (
        <Result
          status="404"
          title={t('catalog.productNotFound')}
          extra={<Link to="/products">{t('catalog.backToProducts')}</Link>}
          data-testid="product-not-found"
        />
      );
    }
    return <QueryError error={product.error} onRetry={() => void product.refetch()} />;
  }

  const item = product.data;
  const images = item.images?.length ? item.images : item.imageUrl ? [item.imageUrl] : [];
  const category = categories.data?.find((c) => c.id === item.category);
  const soldOut = item.stock <= 0;

  return (
    <div data-testid="product-detail" data-product-id={item.id}>
      <Breadcrumb
        style={{ marginBottom: 16 }}
        items={[
          { title: <Link to="/products">{t('nav.products')}</Link> },
          ...(category
            ? [{ title: <Link to={`/products?category=${encodeURIComponent(category.id)}`}>{categoryName(category, currentLanguage())}</Link> }]
            : []),
          { title: item.name },
        ]}
      />
      <div className="shop-detail">
        <div>
          {images.length ? (
            <Image.PreviewGroup items={images}>
              <Image src={images[selected]} alt={item.name} width="100%" style={{ aspectRatio: '1 / 1', objectFit: 'cover', borderRadius: 8 }} data-testid="product-main-image" />
            </Image.PreviewGroup>
          ) : (
            <ProductImage alt={item.name} />
          )}
          {images.length > 1 && (
            <div style={{ display: 'flex', gap: 8, marginTop: 8, overflowX: 'auto' }}>
              {images.map((src, index) => (
                <button
                  key={src}
                  type="button"
                  onClick={() => setSelected(index)}
                  aria-label={t('catalog.showImage', { index: index + 1 })}
                  aria-pressed={index === selected}
                  style={{ padding: 0, border: index === selected ? '2px solid var(--shop-primary)' : '2px solid transparent', borderRadius: 8, background: 'none', cursor: 'pointer' }}
                >
                  <ProductImage src={src} alt="" size={64} />
                </button>
              ))}
            </div>
          )}
        </div>
        <div>
          <Typography.Title level={1} className="shop-product-title" data-testid="product-title">
            {item.name}
          </Typography.Title>
          {item.brand && <Typography.Text type="secondary">{t('catalog.brand')}: {item.brand}</Typography.Text>}
          {item.rating !== undefined && item.rating !== null && (
            <div data-testid="product-rating">
              <Rate disabled allowHalf value={item.rating} style={{ fontSize: 14 }} aria-label={t('catalog.ratingOf', { rating: item.rating })} />{' '}
              <a href="#reviews">{t('catalog.reviewCount', { count: item.reviewCount })}</a>
            </div>
          )}
          <div style={{ margin: '16px 0' }}>
            <Price fen={item.price} strong size="large" testId="product-detail-price" />
          </div>
          <div style={{ marginBottom: 16 }} data-testid="product-stock" data-stock={item.stock}>
            {soldOut ? <Tag color="default">{t('catalog.soldOut')}</Tag> : <Tag color={item.stock < 10 ? 'orange' : 'green'}>{t('catalog.inStockCount', { count: item.stock })}</Tag>}
          </div>
          {renderActions?.(item)}
          {Object.keys(item.attributes ?? {}).length > 0 && (
            <Descriptions size="small" column={1} bordered style={{ marginTop: 24 }} title={t('catalog.specifications')}
              items={Object.entries(item.attributes).map(([key, value]) => ({ key, label: key, children: value }))} />
          )}
        </div>
      </div>
      <Typography.Title level={2} className="shop-section-title" style={{ marginTop: 32 }}>
        {t('catalog.description')}
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }} data-testid="product-description">
        {item.description}
      </Typography.Paragraph>
      {renderAfter?.(item)}
    </div>
  );
}
