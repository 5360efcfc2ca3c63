import { CheckCircleOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useFeedback } from '@/lib/feedback';
import { errorMessage } from '@/lib/problem';
import { loginPathFor } from '@/lib/safe-redirect';
import { useToken } from '@/lib/session';
import { useAddToCart } from '../api/add-to-cart';
import { QuantityStepper } from './QuantityStepper';

interface AddToCartProps {
  productId: string;
  stock: number;
}

/** Quantity picker and "add to cart" for a product page. */
export function AddToCart({ productId, stock }: AddToCartProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const token = useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const [quantity, setQuantity] = useState(1);
  const add = useAddToCart();
  const soldOut = stock <= 0;

  const onAdd = () => {
    if (!token) {
      // The cart lives on the server, per account: log in first, then come back here.
      void navigate(loginPathFor(location));
      return;
    }
    add.mutate(
      { productId, quantity },
      {
        // Plain text only: antd's message holder renders outside the router, so no <Link> there;
        // the link to the cart sits next to the button instead.
        onSuccess: () => void message.success(t('cart.added')),
        onError: (error) => void message.error(errorMessage(error, t)),
      },
    );
  };

  return (
    <Space wrap size="middle" data-testid="add-to-cart-form">
      <QuantityStepper value={quantity} onChange={setQuantity} max={Math.max(1, stock)} disabled={soldOut} />
      <Button
        type="primary"
        size="large"
        icon={<ShoppingCartOutlined />}
        disabled={soldOut}
        loading={add.isPending}
        onClick={onAdd}
        data-testid="add-to-cart"
      >
        {soldOut ? t('catalog.soldOut') : t('cart.addToCart')}
      </Button>
      {add.isSuccess && (
        <Typography.Text type="success" data-testid="added-to-cart">
          <CheckCircleOutlined /> {t('cart.added')} <Link to="/cart">{t('cart.viewCart')}</Link>
        </Typography.Text>
      )}
    </Space>
  );
}
