import { api } from '@/lib/api-client';
import type { Order } from '@/types/api';
import { adminOrderPath, useOrderAction } from './use-order-action';

export interface ShipInput {
  id: string;
  carrier: string;
  trackingNumber: string;
}

export const shipOrder = ({ id, ...body }: ShipInput) => api.post<Order>(adminOrderPath(id, 'ship'), body);

export const useShipOrder = () => useOrderAction(shipOrder);
