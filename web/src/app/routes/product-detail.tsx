import { useParams } from 'react-router';
import { AddToCart } from '@/features/cart/components/AddToCart';
import { ProductDetailView } from '@/features/catalog/components/ProductDetailView';

/** The catalog shows the product; the cart feature supplies the buying controls. */
export default function ProductDetailPage() {
  const { id = '' } = useParams();
  return <ProductDetailView productId={id} renderActions={(product) => <AddToCart key={product.id} productId={product.id} stock={product.stock} />} />;
}
