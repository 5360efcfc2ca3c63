import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '@/types/api';

export const ORDER_STATUS_COLOR: Record<OrderStatus, string> = {
  PendingPayment: 'gold',
  Paid: 'blue',
  Shipped: 'cyan',
  Delivered: 'green',
  Cancelled: 'default',
  Refunded: 'purple',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ORDER_STATUS_COLOR[status]} data-testid="order-status" data-status={status}>
      {t(`orderStatus.${status}`)}
    </Tag>
  );
}
