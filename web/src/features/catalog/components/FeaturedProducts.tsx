import { QueryError } from '@/components/QueryError';
import { useProducts } from '../api/get-products';
import { ProductGrid } from './ProductGrid';

/** The most popular products in stock, for the home page. */
export function FeaturedProducts({ count = 8 }: { count?: number }) {
  const products = useProducts({ sort: 'popular', inStock: true, pageSize: count, page: 1 });
  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;
  return <ProductGrid products={products.data?.items} loading={products.isPending} skeletonCount={count} testId="featured-products" />;
}
