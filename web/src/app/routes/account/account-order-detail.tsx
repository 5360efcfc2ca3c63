import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { OrderDetailView } from '@/features/orders/components/OrderDetailView';

// Only delivered orders offer reviews: the stars and the form load with the first of them.
const OrderLineReview = lazy(() => import('@/features/reviews/components/OrderLineReview').then((m) => ({ default: m.OrderLineReview })));

/** The orders feature shows the order; once it is delivered, the reviews feature adds a review to each line. */
export default function AccountOrderDetailPage() {
  const { id = '' } = useParams();
  return (
    <OrderDetailView
      orderId={id}
      renderLineAction={(order, line) =>
        order.status === 'Delivered' ? (
          <Suspense fallback={null}>
            <OrderLineReview orderId={order.id} line={line} />
          </Suspense>
        ) : null
      }
    />
  );
}
