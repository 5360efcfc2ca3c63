import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { WhenNearScreen } from '@/components/WhenNearScreen';
import { AddToCart } from '@/features/cart/components/AddToCart';
import { ProductDetailView } from '@/features/catalog/components/ProductDetailView';

// Below the description: its code (stars, bars, pager) and data arrive when the reader comes near them,
// not while the page starts (on a phone that render was the page's longest task).
const ProductReviews = lazy(() => import('@/features/reviews/components/ProductReviews'));

/** The catalog shows the product; the cart feature supplies the buying controls, the reviews feature the reviews. */
export default function ProductDetailPage() {
  const { id = '' } = useParams();
  return (
    <ProductDetailView
      productId={id}
      renderActions={(product) => <AddToCart key={product.id} productId={product.id} stock={product.stock} />}
      renderAfter={(product) => (
        <WhenNearScreen key={product.id} minHeight={240} id="reviews" data-testid="reviews-place">
          <Suspense fallback={null}>
            <ProductReviews productId={product.id} />
          </Suspense>
        </WhenNearScreen>
      )}
    />
  );
}
