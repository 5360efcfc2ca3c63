import { Alert, Button, Empty, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LinkButton } from '@/components/LinkButton';
import { Price } from '@/components/Price';
import { QueryError } from '@/components/QueryError';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import { useCart } from '../api/get-cart';
import { useRemoveCartItem } from '../api/remove-cart-item';
import { useUpdateCartItem } from '../api/update-cart-item';
import { CartLineItem, lineStockProblem } from './CartLineItem';

export function CartView() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const cart = useCart({ live: true });
  const update = useUpdateCartItem();
  const remove = useRemoveCartItem();

  if (cart.isPending) return <Skeleton active paragraph={{ rows: 6 }} data-testid="cart-loading" />;
  if (cart.isError) return <QueryError error={cart.error} onRetry={() => void cart.refetch()} />;

  const { items, subtotal, itemCount } = cart.data;
  if (items.length === 0) {
    return (
      <Empty description={t('cart.empty')} data-testid="cart-empty" style={{ padding: '48px 0' }}>
        <LinkButton to="/products" type="primary">
          {t('cart.goShopping')}
        </LinkButton>
      </Empty>
    );
  }

  const busyId = update.isPending ? update.variables?.productId : remove.isPending ? remove.variables : undefined;
  const hasStockProblem = items.some((line) => lineStockProblem(line));
  const onError = (error: unknown) => void message.error(errorMessage(error, t));

  return (
    <div className="shop-cart">
      <div data-testid="cart-lines">
        {items.map((line, index) => (
          <CartLineItem
            key={line.productId}
            line={line}
            eager={index < 6}
            busy={busyId === line.productId}
            onQuantityChange={(quantity) => update.mutate({ productId: line.productId, quantity }, { onError })}
            onRemove={() => remove.mutate(line.productId, { onError })}
          />
        ))}
      </div>
      {/* Drawn as antd's Card (styles.css), without it: Card brings its tabs, their menu and dropdown. */}
      <div className="shop-card shop-cart-summary">
        <div className="shop-card-head">{t('cart.summary')}</div>
        <div className="shop-card-pad">
          <div className="shop-summary-row">
            <span>{t('cart.itemCount', { count: itemCount })}</span>
          </div>
          <div className="shop-summary-row">
            <span>{t('cart.subtotal')}</span>
            <Price fen={subtotal} strong size="large" testId="cart-subtotal" />
          </div>
          {hasStockProblem && (
            <Alert type="warning" showIcon style={{ margin: '12px 0' }} title={t('cart.fixStockFirst')} data-testid="cart-stock-blocker" />
          )}
          <Button
            type="primary"
            size="large"
            block
            disabled={hasStockProblem}
            onClick={() => void navigate('/checkout')}
            data-testid="checkout-button"
            style={{ marginTop: 12 }}
          >
            {t('cart.checkout')}
          </Button>
        </div>
      </div>
    </div>
  );
}
