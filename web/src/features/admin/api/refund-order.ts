import { api } from '@/lib/api-client';
import type { Order } from '@/types/api';
import { adminOrderPath, useOrderAction } from './use-order-action';

export const refundOrder = (id: string) => api.post<Order>(adminOrderPath(id, 'refund'));

export const useRefundOrder = () => useOrderAction(refundOrder);
