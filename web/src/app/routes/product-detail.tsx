import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { AddToCart } from '@/features/cart/components/AddToCart';
import { ProductDetailView } from '@/features/catalog/components/ProductDetailView';

// Below the description: its code (stars, bars, pager) arrives after the first screen's.
const ProductReviews = lazy(() => import('@/features/reviews/components/ProductReviews'));

/** The catalog shows the product; the cart feature supplies the buying controls, the reviews feature the reviews. */
export default function ProductDetailPage() {
  const { id = '' } = useParams();
  return (
    <ProductDetailView
      productId={id}
      renderActions={(product) => <AddToCart key={product.id} productId={product.id} stock={product.stock} />}
      renderAfter={(product) => (
        <Suspense fallback={null}>
          <ProductReviews key={product.id} productId={product.id} />
        </Suspense>
      )}
    />
  );
}
