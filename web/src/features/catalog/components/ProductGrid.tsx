import { Skeleton } from 'antd';
import type { ProductSummary } from '@/types/api';
import { ProductCard } from './ProductCard';

interface ProductGridProps {
  products: ProductSummary[] | undefined;
  loading?: boolean;
  skeletonCount?: number;
  testId?: string;
}

/** The first pictures are on the first screen: loaded at once, the rest when scrolled to. */
const EAGER_IMAGES = 4;

export function ProductGrid({ products, loading, skeletonCount = 8, testId = 'product-grid' }: ProductGridProps) {
  if (loading && !products) {
    return (
      <div className="shop-product-grid" data-testid="product-grid-loading" aria-busy="true">
        {Array.from({ length: skeletonCount }, (_, i) => (
          <div key={i} className="shop-card shop-card-body">
            <Skeleton.Image active style={{ width: '100%', height: 140 }} />
            <Skeleton active title={false} paragraph={{ rows: 2 }} />
          </div>
        ))}
      </div>
    );
  }
  return (
    <div className="shop-product-grid" data-testid={testId} aria-busy={loading ? 'true' : undefined}>
      {products?.map((product, index) => <ProductCard key={product.id} product={product} eager={index < EAGER_IMAGES} />)}
    </div>
  );
}
