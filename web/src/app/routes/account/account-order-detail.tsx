import { useParams } from 'react-router';
import { OrderDetailView } from '@/features/orders/components/OrderDetailView';

export default function AccountOrderDetailPage() {
  const { id = '' } = useParams();
  return <OrderDetailView orderId={id} />;
}
