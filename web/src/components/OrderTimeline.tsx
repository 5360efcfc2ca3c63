import { Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import type { Order } from '@/types/api';
import { ORDER_STATUS_COLOR } from './OrderStatusTag';

const TIMELINE_COLOR: Record<string, string> = { gold: 'orange', default: 'gray', purple: 'purple', cyan: 'blue' };

/** The order's history, oldest first, plus the shipment details on the "Shipped" step. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t } = useTranslation();
  const history = [...order.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <Timeline
      data-testid="order-timeline"
      items={history.map((entry, index) => {
        const color = ORDER_STATUS_COLOR[entry.status];
        return {
          key: `${entry.status}-${index}`,
          color: TIMELINE_COLOR[color] ?? color,
          title: formatDateTime(entry.at),
          content: (
            <div data-testid="timeline-entry" data-status={entry.status}>
              <div>{t(`orderStatus.${entry.status}`)}</div>
              {entry.status === 'Shipped' && order.shipment && (
                <div style={{ color: 'var(--shop-muted)' }}>
                  {t('common.shipmentLine', { carrier: order.shipment.carrier, trackingNumber: order.shipment.trackingNumber })}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
