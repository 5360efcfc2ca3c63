// Live updates: the API's server-sent events (GET /api/live) tell this tab when the shopper's cart or
// orders change elsewhere (another tab, the payment webhook, an admin), and an admin's tab when any
// order does. An event only says what to read again; the data itself comes from the usual queries.
// fetch-event-source (not EventSource) so the token travels in the Authorization header, never in a
// URL that proxies log; it resends Last-Event-ID on reconnect, and the API answers what was missed.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { LiveMessage } from '@/types/api';
import { adminKeys, cartKeys, catalogKeys, orderKeys } from './query-keys';
import { useToken } from './session';

export type LiveEventType = 'order' | 'cart' | 'resync' | 'ping';

/** Marks a refusal that retrying cannot fix (the session is gone). */
class StopLive extends Error {}

/** Refreshes what a live event says has changed. */
export function applyLiveEvent(queryClient: QueryClient, type: string, data: Partial<LiveMessage>) {
  const refresh = (queryKey: readonly unknown[]) => void queryClient.invalidateQueries({ queryKey });
  switch (type) {
    case 'cart':
      refresh(cartKeys.all);
      break;
    case 'order':
      refresh(orderKeys.lists());
      if (data.orderId) refresh(orderKeys.detail(data.orderId));
      refresh(adminKeys.orderLists());
      break;
    case 'resync':
      // A new stream, or events were lost: everything the feed covers may be stale.
      refresh(cartKeys.all);
      refresh(orderKeys.all);
      refresh(adminKeys.orderLists());
      refresh(catalogKeys.all);
      break;
  }
}

/** How long to wait before reconnecting: a few seconds, spread so that a restarted node is not hit by every tab at once. */
export const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random() / 2);

/** Keeps one live stream open while a user is signed in (this tab visible), and applies its events. */
export function useLiveUpdates() {
  const token = useToken();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!token) return;
    const controller = new AbortController();
    let attempt = 0;
    // Loaded only for signed-in users, after the first screen: not part of any page's first download.
    void import('@microsoft/fetch-event-source')
      .then(({ fetchEventSource }) =>
        fetchEventSource('/api/live', {
          headers: { Authorization: `Bearer ${token}` },
          signal: controller.signal,
          async onopen(response) {
            if (response.ok && response.headers.get('content-type')?.startsWith('text/event-stream')) {
              attempt = 0;
              return;
            }
            if (response.status === 401 || response.status === 403) throw new StopLive();
            throw new Error(`live stream refused: ${response.status}`); // 429, 503: try again later
          },
          onmessage(message) {
            applyLiveEvent(queryClient, message.event, message.data ? (JSON.parse(message.data) as LiveMessage) : {});
          },
          onerror(error) {
            if (error instanceof StopLive) throw error;
            return retryDelay(attempt++);
          },
        }),
      )
      .catch(() => {
        // Stopped for good (signed out, or the session ended): the next sign-in opens a new stream.
      });
    return () => controller.abort();
  }, [token, queryClient]);
}
