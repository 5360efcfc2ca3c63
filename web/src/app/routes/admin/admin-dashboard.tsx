import { DashboardView } from '@/features/admin/components/DashboardView';

export default function AdminDashboardPage() {
  return <DashboardView />;
}
