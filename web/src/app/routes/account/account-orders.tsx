import { OrderList } from '@/features/orders/components/OrderList';

export default function AccountOrdersPage() {
  return <OrderList />;
}
