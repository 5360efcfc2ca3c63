// Every TanStack Query key of the shop, one factory per feature. They live in shared code because
// features never import each other, yet some must refresh another's data: placing or cancelling an
// order refreshes the catalog (stock) and the cart, a product write in admin refreshes the catalog.
// A key's parts run from broad to narrow, so invalidating `x.all` (or another prefix) hits everything below.
// Features keep their own query types; the factories take them as they are.

/** The signed-in user (lib/session.ts). */
export const sessionKeys = {
  all: ['session'] as const,
  me: () => [...sessionKeys.all, 'me'] as const,
};

/** The public catalog: products, one product, categories. */
export const catalogKeys = {
  all: ['catalog'] as const,
  products: <Q extends object>(query: Q) => [...catalogKeys.all, 'products', query] as const,
  product: (id: string) => [...catalogKeys.all, 'product', id] as const,
  categories: () => [...catalogKeys.all, 'categories'] as const,
};

/** A product's reviews (public, though `mine` marks the caller's own): pages by sort. */
export const reviewKeys = {
  all: ['reviews'] as const,
  product: (productId: string) => [...reviewKeys.all, 'product', productId] as const,
  list: (productId: string, sort: string, page: number) => [...reviewKeys.product(productId), { sort, page }] as const,
};

/** The user's own data ('me') starts the cart's and the orders' keys. */
const ME = 'me';

/** The shopper's cart (one entry). */
export const cartKeys = {
  all: [ME, 'cart'] as const,
};

/** The shopper's orders: pages of the list, and each order. */
export const orderKeys = {
  all: [ME, 'orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (page: number, pageSize: number) => [...orderKeys.lists(), { page, pageSize }] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
  /** The reviews the shopper wrote for an order's lines. */
  reviews: (id: string) => [...orderKeys.all, 'reviews', id] as const,
};

/** The admin pages: product table, one product to edit, order table, dashboard. */
export const adminKeys = {
  all: ['admin'] as const,
  productLists: () => [...adminKeys.all, 'products'] as const,
  products: <Q extends object>(query: Q) => [...adminKeys.productLists(), query] as const,
  productDetails: () => [...adminKeys.all, 'product'] as const,
  product: (id: string) => [...adminKeys.productDetails(), id] as const,
  orderLists: () => [...adminKeys.all, 'orders'] as const,
  orders: <Q extends object>(query: Q) => [...adminKeys.orderLists(), query] as const,
  /** The dashboard's numbers follow orders, so an order change refreshes them too. */
  dashboard: () => [...adminKeys.orderLists(), 'dashboard'] as const,
  dashboardSummary: (timeZone: string) => [...adminKeys.dashboard(), 'summary', timeZone] as const,
  topProducts: <Q extends object>(query: Q) => [...adminKeys.dashboard(), 'top-products', query] as const,
  reviews: <Q extends object>(query: Q) => [...adminKeys.all, 'reviews', query] as const,
  categories: () => [...adminKeys.all, 'categories'] as const,
};

/**
 * Data that belongs to the signed-in user sits under these roots, so that logging out (or a 401) can
 * drop exactly that data and keep the public catalog cached.
 */
export const USER_SCOPED_ROOTS = [sessionKeys.all[0], ME, adminKeys.all[0], reviewKeys.all[0]] as const;
