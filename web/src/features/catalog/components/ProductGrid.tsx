import { Card, Skeleton } from 'antd';
import type { ProductSummary } from '@/types/api';
import { ProductCard } from './ProductCard';

interface ProductGridProps {
  products: ProductSummary[] | undefined;
  loading?: boolean;
  skeletonCount?: number;
  testId?: string;
}

export function ProductGrid({ products, loading, skeletonCount = 8, testId = 'product-grid' }: ProductGridProps) {
  if (loading && !products) {
    return (
      <div className="shop-product-grid" data-testid="product-grid-loading" aria-busy="true">
        {Array.from({ length: skeletonCount }, (_, i) => (
          <Card key={i} size="small">
            <Skeleton.Image active style={{ width: '100%', height: 140 }} />
            <Skeleton active title={false} paragraph={{ rows: 2 }} />
          </Card>
        ))}
      </div>
    );
  }
  return (
    <div className="shop-product-grid" data-testid={testId} aria-busy={loading ? 'true' : undefined}>
      {products?.map((product) => <ProductCard key={product.id} product={product} />)}
    </div>
  );
}
