import { Card, Rate, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Price } from '@/components/Price';
import { ProductImage } from '@/components/ProductImage';
import type { ProductSummary } from '@/types/api';

export function ProductCard({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  const soldOut = product.stock <= 0;
  return (
    <Link to={`/products/${product.id}`} data-testid="product-card" data-product-id={product.id} style={{ display: 'block' }}>
      <Card
        hoverable
        size="small"
        cover={<ProductImage src={product.imageUrl} alt={product.name} style={{ borderRadius: '8px 8px 0 0' }} />}
        styles={{ body: { padding: 10 } }}
      >
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4, minHeight: 44 }} data-testid="product-name">
          {product.name}
        </Typography.Paragraph>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}>
          <Price fen={product.price} strong testId="product-price" />
          {soldOut ? <Tag color="default">{t('catalog.soldOut')}</Tag> : product.stock < 10 ? <Tag color="orange">{t('catalog.fewLeft', { count: product.stock })}</Tag> : null}
        </div>
        {product.rating !== undefined && product.rating !== null && (
          <Rate disabled allowHalf value={product.rating} style={{ fontSize: 12 }} />
        )}
      </Card>
    </Link>
  );
}
