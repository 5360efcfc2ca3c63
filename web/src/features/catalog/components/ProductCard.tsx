import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Price } from '@/components/Price';
import { ProductImage } from '@/components/ProductImage';
import { Stars } from '@/components/Stars';
import type { ProductSummary } from '@/types/api';

/**
 * A product in a grid: a plain card (styles.css `.shop-card`) rather than antd's Card, which would bring its
 * tabs along, and the same markup the server draws for the first screen (src/Shop.Api/Features/Web/FirstScreen.cs).
 */
export function ProductCard({ product, eager = false }: { product: ProductSummary; eager?: boolean }) {
  const { t } = useTranslation();
  const soldOut = product.stock <= 0;
  return (
    <Link to={`/products/${product.id}`} data-testid="product-card" data-product-id={product.id} className="shop-card shop-card-hoverable">
      <ProductImage src={product.imageUrl} alt={product.name} eager={eager} style={{ borderRadius: '8px 8px 0 0' }} />
      <div className="shop-card-body">
        <div className="shop-product-name" data-testid="product-name">
          {product.name}
        </div>
        <div className="shop-price-row">
          <Price fen={product.price} strong testId="product-price" />
          {soldOut ? <Tag color="default">{t('catalog.soldOut')}</Tag> : product.stock < 10 ? <Tag color="orange">{t('catalog.fewLeft', { count: product.stock })}</Tag> : null}
        </div>
        {product.rating !== undefined && product.rating !== null && (
          <div className="shop-card-rating" role="img" aria-label={t('catalog.ratingWithCount', { rating: product.rating, count: product.reviewCount })}>
            <Stars value={product.rating} decorative />
            <span aria-hidden>({product.reviewCount})</span>
          </div>
        )}
      </div>
    </Link>
  );
}
