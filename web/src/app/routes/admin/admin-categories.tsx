import { AdminCategoriesView } from '@/features/admin/components/AdminCategoriesView';

export default function AdminCategoriesPage() {
  return <AdminCategoriesView />;
}
