import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys } from '@/lib/query-keys';
import type { Dashboard, TopProducts } from '@/types/api';

export type SalesRanking = 'units' | 'revenue';

export interface TopProductsQuery {
  /** Days (YYYY-MM-DD) in the admin's time zone, both included; absent: the last 30 days. */
  from?: string;
  to?: string;
  by: SalesRanking;
}

/** The browser's IANA time zone: "today" on the dashboard is the admin's today. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const useDashboard = (timeZone = browserTimeZone()) =>
  useQuery({
    queryKey: adminKeys.dashboardSummary(timeZone),
    queryFn: ({ signal }) => api.get<Dashboard>('/api/admin/dashboard', { query: { tz: timeZone }, signal }),
  });

export const useTopProducts = (query: TopProductsQuery, timeZone = browserTimeZone()) =>
  useQuery({
    queryKey: adminKeys.topProducts({ ...query, timeZone }),
    queryFn: ({ signal }) => api.get<TopProducts>('/api/admin/dashboard/top-products', { query: { ...query, tz: timeZone }, signal }),
    placeholderData: keepPreviousData,
  });
