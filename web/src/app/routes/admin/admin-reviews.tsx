import { AdminReviewsView } from '@/features/admin/components/AdminReviewsView';

export default function AdminReviewsPage() {
  return <AdminReviewsView />;
}
