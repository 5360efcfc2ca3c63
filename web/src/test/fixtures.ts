import type { Cart, CartLine, Category, Order, ProductSummary, User } from '@/types/api';

export const customer: User = {
  id: 'u-1',
  email: 'ann@example.com',
  name: 'Ann',
  role: 'customer',
  phone: null,
  defaultAddress: null,
  language: 'zh-CN',
  createdAt: '2025-01-01T00:00:00Z',
  emailVerified: true,
};

export const admin: User = { ...customer, id: 'u-admin', email: 'admin@example.com', name: 'Admin', role: 'admin' };

export const categories: Category[] = [
  { id: 'books', name: '图书', nameEn: 'Books', productCount: 12, parentId: null },
  { id: 'toys', name: '玩具', nameEn: 'Toys', productCount: 3, parentId: null },
];

export function product(overrides: Partial<ProductSummary> = {}): ProductSummary {
  return { id: 'p-1', name: 'Notebook', price: 1999, category: 'books', brand: 'Acme', imageUrl: '/img/p-1.svg', stock: 50, rating: null, reviewCount: 0, ...overrides };
}

export function cartLine(overrides: Partial<CartLine> = {}): CartLine {
  const line = { productId: 'p-1', name: 'Notebook', imageUrl: '/img/p-1.svg', unitPrice: 1999, quantity: 1, available: 50, ...overrides };
  return { ...line, lineTotal: overrides.lineTotal ?? line.unitPrice * line.quantity };
}

/** A cart as the API would compute it: totals are the sums of the lines. */
export function cart(lines: CartLine[]): Cart {
  return {
    items: lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotal: lines.reduce((sum, line) => sum + line.lineTotal, 0),
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'o-12345678',
    userId: customer.id,
    status: 'PendingPayment',
    items: [{ productId: 'p-1', name: 'Notebook', unitPrice: 1999, quantity: 2, lineTotal: 3998 }],
    subtotal: 3998,
    shippingFee: 1000,
    total: 4998,
    // As the API writes it: empty optional fields are null.
    shippingAddress: { name: 'Ann', phone: '13800000000', line1: '1 Main St', city: 'Shanghai', province: null, postalCode: null },
    note: null,
    payment: null,
    shipment: null,
    history: [{ status: 'PendingPayment', at: '2025-01-02T03:04:05Z' }],
    createdAt: '2025-01-02T03:04:05Z',
    paymentDeadline: '2025-01-02T03:34:05Z',
    ...overrides,
  };
}
