import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyLiveEvent, retryDelay } from './live-updates';
import { adminKeys, cartKeys, catalogKeys, orderKeys } from './query-keys';

function clientWith(...keys: (readonly unknown[])[]) {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { loaded: true });
  return client;
}

const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated ?? false;

describe('applyLiveEvent', () => {
  const keys = [cartKeys.all, orderKeys.list(1, 10), orderKeys.detail('o1'), orderKeys.detail('o2'), adminKeys.orders({ page: 1 }), catalogKeys.product('p1')];

  it('a cart event refreshes only the cart', () => {
    const client = clientWith(...keys);
    applyLiveEvent(client, 'cart', {});
    expect(keys.map((k) => stale(client, k))).toEqual([true, false, false, false, false, false]);
  });

  it('an order event refreshes the order lists and that order, not the others', () => {
    const client = clientWith(...keys);
    applyLiveEvent(client, 'order', { orderId: 'o1' });
    expect(keys.map((k) => stale(client, k))).toEqual([false, true, true, false, true, false]);
  });

  it('a resync refreshes everything the feed covers', () => {
    const client = clientWith(...keys);
    applyLiveEvent(client, 'resync', {});
    expect(keys.map((k) => stale(client, k))).toEqual([true, true, true, true, true, true]);
  });

  it('a heartbeat refreshes nothing', () => {
    const client = clientWith(...keys);
    applyLiveEvent(client, 'ping', {});
    expect(keys.some((k) => stale(client, k))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('grows with the attempts, spread, and stays under 30 seconds', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
      const delay = retryDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(base / 2);
      expect(delay).toBeLessThanOrEqual(base);
    }
  });
});
