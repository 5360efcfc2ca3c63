import { App } from 'antd';
import { AdminOrdersView } from '@/features/admin/components/AdminOrdersView';

export default function AdminOrdersPage() {
  // antd's App gives the admin views their message API (App.useApp).
  return (
    <App component={false}>
      <AdminOrdersView />
    </App>
  );
}
