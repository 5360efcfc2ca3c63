import { QueryError } from '@/components/QueryError';
import { FEATURED_PRODUCTS_QUERY, useProducts } from '../api/get-products';
import { ProductGrid } from './ProductGrid';

/** The most popular products in stock, for the home page. */
export function FeaturedProducts() {
  const products = useProducts(FEATURED_PRODUCTS_QUERY);
  if (products.isError) return <QueryError error={products.error} onRetry={() => void products.refetch()} />;
  return <ProductGrid products={products.data?.items} loading={products.isPending} skeletonCount={FEATURED_PRODUCTS_QUERY.pageSize} testId="featured-products" />;
}
