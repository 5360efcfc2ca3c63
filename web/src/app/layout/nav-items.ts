/** The header's links, filtered by role; the desktop bar and the phone drawer both use them. */
export interface NavItem {
  to: string;
  labelKey: string;
  testId: string;
  adminOnly?: boolean;
}

export const MAIN_NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.home', testId: 'nav-home' },
  { to: '/products', labelKey: 'nav.products', testId: 'nav-products' },
  { to: '/admin', labelKey: 'nav.adminDashboard', testId: 'nav-admin-dashboard', adminOnly: true },
  { to: '/admin/products', labelKey: 'nav.adminProducts', testId: 'nav-admin-products', adminOnly: true },
  { to: '/admin/orders', labelKey: 'nav.adminOrders', testId: 'nav-admin-orders', adminOnly: true },
  { to: '/admin/categories', labelKey: 'nav.adminCategories', testId: 'nav-admin-categories', adminOnly: true },
  { to: '/admin/reviews', labelKey: 'nav.adminReviews', testId: 'nav-admin-reviews', adminOnly: true },
];

export const ACCOUNT_NAV: NavItem[] = [
  { to: '/account', labelKey: 'nav.account', testId: 'nav-account' },
  { to: '/account/orders', labelKey: 'nav.orders', testId: 'nav-orders' },
];

export function visibleItems(items: NavItem[], isAdmin: boolean) {
  return items.filter((item) => !item.adminOnly || isAdmin);
}

/** The nav entry a path belongs to: the longest matching prefix ("/" only matches itself). */
export function activeKey(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => (item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
}
