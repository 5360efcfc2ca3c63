import { DeleteOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Price } from '@/components/Price';
import { ProductImage } from '@/components/ProductImage';
import type { CartLine } from '@/types/api';
import { QuantityStepper } from './QuantityStepper';

interface CartLineItemProps {
  line: CartLine;
  busy: boolean;
  onQuantityChange: (quantity: number) => void;
  onRemove: () => void;
  /** On the first screen: the picture loads at once (a lazy one waits for layout, and is the page's largest paint). */
  eager?: boolean;
}

/** What is wrong with a line's stock right now, if anything. */
export function lineStockProblem(line: CartLine): 'unavailable' | 'insufficient' | undefined {
  if (line.available <= 0) return 'unavailable';
  if (line.quantity > line.available) return 'insufficient';
  return undefined;
}

export function CartLineItem({ line, busy, onQuantityChange, onRemove, eager = false }: CartLineItemProps) {
  const { t } = useTranslation();
  const problem = lineStockProblem(line);
  return (
    <div className="shop-cart-line" data-testid="cart-line" data-product-id={line.productId}>
      <Link to={`/products/${line.productId}`} className="shop-cart-line-image">
        <ProductImage src={line.imageUrl} alt={line.name} size={72} eager={eager} />
      </Link>
      <div className="shop-cart-line-main">
        <Link to={`/products/${line.productId}`}>
          <strong className="shop-cart-line-name" data-testid="cart-line-name">
            {line.name}
          </strong>
        </Link>
        <div>
          <span className="shop-text-secondary">{t('cart.unitPrice')}: </span>
          <Price fen={line.unitPrice} size="small" />
        </div>
        {problem && (
          <Alert
            type={problem === 'unavailable' ? 'error' : 'warning'}
            showIcon
            style={{ marginTop: 8, padding: '4px 8px' }}
            data-testid="cart-line-warning"
            data-problem={problem}
            title={problem === 'unavailable' ? t('cart.unavailable') : t('cart.onlyLeft', { count: line.available })}
          />
        )}
      </div>
      <div className="shop-cart-line-actions">
        <QuantityStepper value={line.quantity} max={line.available} onChange={onQuantityChange} disabled={busy} />
        <Price fen={line.lineTotal} strong testId="cart-line-total" />
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} disabled={busy} aria-label={t('cart.removeItem', { name: line.name })} data-testid="cart-line-remove" />
      </div>
    </div>
  );
}
