import { AdminProductsView } from '@/features/admin/components/AdminProductsView';
import { useCategories } from '@/features/catalog/api/get-categories';
import { categoryTree } from '@/lib/category-name';
import { currentLanguage } from '@/lib/i18n';
import { useTranslation } from 'react-i18next';

/** Categories come from the catalog feature; the admin feature only receives them as options. */
export default function AdminProductsPage() {
  useTranslation(); // re-render on language change so category labels follow it
  const categories = useCategories();
  const language = currentLanguage();
  const options = categoryTree(categories.data ?? [], language).map(({ category, label }) => ({ value: category.id, label }));
  return <AdminProductsView categories={options} />;
}
