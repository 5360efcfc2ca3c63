import { api } from '@/lib/api-client';
import type { Order } from '@/types/api';
import { adminOrderPath, useOrderAction } from './use-order-action';

export const deliverOrder = (id: string) => api.post<Order>(adminOrderPath(id, 'deliver'));

export const useDeliverOrder = () => useOrderAction(deliverOrder);
