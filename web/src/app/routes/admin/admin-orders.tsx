import { AdminOrdersView } from '@/features/admin/components/AdminOrdersView';

export default function AdminOrdersPage() {
  return <AdminOrdersView />;
}
