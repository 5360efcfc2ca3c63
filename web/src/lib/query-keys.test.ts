import { describe, expect, it } from 'vitest';
import { adminKeys, cartKeys, catalogKeys, orderKeys, reviewKeys, sessionKeys, USER_SCOPED_ROOTS } from './query-keys';

// The keys' values are the cache's identity: changing one loses cached data and breaks invalidations
// by prefix, so they are pinned here.
describe('query keys', () => {
  it('keep their values, broad to narrow', () => {
    expect(sessionKeys.me()).toEqual(['session', 'me']);
    expect(catalogKeys.all).toEqual(['catalog']);
    expect(catalogKeys.products({ q: 'tea', page: 1 })).toEqual(['catalog', 'products', { q: 'tea', page: 1 }]);
    expect(catalogKeys.product('p-1')).toEqual(['catalog', 'product', 'p-1']);
    expect(catalogKeys.categories()).toEqual(['catalog', 'categories']);
    expect(cartKeys.all).toEqual(['me', 'cart']);
    expect(orderKeys.all).toEqual(['me', 'orders']);
    expect(orderKeys.lists()).toEqual(['me', 'orders', 'list']);
    expect(orderKeys.list(2, 10)).toEqual(['me', 'orders', 'list', { page: 2, pageSize: 10 }]);
    expect(orderKeys.detail('o-1')).toEqual(['me', 'orders', 'detail', 'o-1']);
    expect(adminKeys.productLists()).toEqual(['admin', 'products']);
    expect(adminKeys.products({ page: 1, pageSize: 20 })).toEqual(['admin', 'products', { page: 1, pageSize: 20 }]);
    expect(adminKeys.productDetails()).toEqual(['admin', 'product']);
    expect(adminKeys.product('p-1')).toEqual(['admin', 'product', 'p-1']);
    expect(adminKeys.orderLists()).toEqual(['admin', 'orders']);
    expect(adminKeys.orders({ page: 1, pageSize: 20 })).toEqual(['admin', 'orders', { page: 1, pageSize: 20 }]);
  });

  it('put all of the signed-in user’s data under the roots a logout drops', () => {
    // Reviews are public, but mark the signed-in shopper's own (`mine`).
    expect(USER_SCOPED_ROOTS).toEqual(['session', 'me', 'admin', 'reviews']);
    for (const key of [sessionKeys.me(), cartKeys.all, orderKeys.all, adminKeys.all, reviewKeys.all]) expect(USER_SCOPED_ROOTS).toContain(key[0]);
    expect(USER_SCOPED_ROOTS).not.toContain(catalogKeys.all[0]);
  });
});
