import { Card, Divider, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Price } from '@/components/Price';
import { previewShippingFee } from '@/lib/money';

export interface SummaryLine {
  productId: string;
  name: string;
  quantity: number;
  lineTotal: number;
}

interface CheckoutSummaryProps {
  lines: SummaryLine[];
  subtotal: number;
  /** The amounts the API computed, once an order exists; otherwise a preview of its rule. */
  shippingFee?: number;
  total?: number;
}

export function CheckoutSummary({ lines, subtotal, shippingFee, total }: CheckoutSummaryProps) {
  const { t } = useTranslation();
  const isPreview = shippingFee === undefined;
  const fee = shippingFee ?? previewShippingFee(subtotal);
  // Adding two integer fen amounts is exact; only a preview, the order shows the API's total.
  const grandTotal = total ?? subtotal + fee;
  return (
    <Card title={t('checkout.summary')} data-testid="checkout-summary" size="small">
      {lines.map((line) => (
        <div key={line.productId} className="shop-summary-row" data-testid="summary-line">
          <Typography.Text ellipsis style={{ maxWidth: '65%' }}>
            {line.name} × {line.quantity}
          </Typography.Text>
          <Price fen={line.lineTotal} size="small" />
        </div>
      ))}
      <Divider style={{ margin: '12px 0' }} />
      <div className="shop-summary-row">
        <span>{t('cart.subtotal')}</span>
        <Price fen={subtotal} testId="summary-subtotal" />
      </div>
      <div className="shop-summary-row">
        <span>{t('checkout.shipping')}</span>
        {fee === 0 ? <Typography.Text type="success" data-testid="summary-shipping">{t('checkout.freeShipping')}</Typography.Text> : <Price fen={fee} testId="summary-shipping" />}
      </div>
      {isPreview && fee > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('checkout.freeShippingHint')}
        </Typography.Text>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <div className="shop-summary-row">
        <Typography.Text strong>{t('checkout.total')}</Typography.Text>
        <Price fen={grandTotal} strong size="large" testId="summary-total" />
      </div>
    </Card>
  );
}
