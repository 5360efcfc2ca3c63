import { ProductListView } from '@/features/catalog/components/ProductListView';

export default function ProductsPage() {
  return (
    <div data-testid="products-page">
      <ProductListView />
    </div>
  );
}
