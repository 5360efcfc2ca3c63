// Shapes of the HTTP contract (shared/API.md). Money is always integer fen. The API writes an empty
// optional field as null; requests may leave it out.

export type Role = 'customer' | 'admin';
export type Language = 'zh-CN' | 'en-US';

export interface Address {
  name: string;
  phone: string;
  line1: string;
  city: string;
  province?: string | null;
  postalCode?: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  phone?: string | null;
  defaultAddress?: Address | null;
  language?: Language;
  createdAt: string;
}

export interface AuthResult {
  token: string;
  expiresAt: string;
  user: User;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** How many products each category and the in-stock filter would show, the rest of the filter kept. */
export interface ProductFacets {
  categories: { id: string; count: number }[];
  inStock: number;
}

export interface ProductPage extends Page<ProductSummary> {
  /** Absent from answers drawn before facets existed (and from test fixtures that leave it out). */
  facets?: ProductFacets;
}

export interface Category {
  id: string;
  name: string;
  nameEn?: string;
  productCount: number;
}

export interface ProductSummary {
  id: string;
  name: string;
  price: number;
  category: string;
  brand?: string | null;
  imageUrl?: string;
  stock: number;
  rating?: number | null;
}

export interface Product extends ProductSummary {
  description: string;
  images: string[];
  attributes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** Moves with every change (orders included); sent back as If-Match so a stale write is refused. */
  revision: number;
}

export interface CartLine {
  productId: string;
  name: string;
  imageUrl?: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  /** How many can be bought right now; below `quantity` means the line cannot be fulfilled. */
  available: number;
}

export interface Cart {
  items: CartLine[];
  itemCount: number;
  subtotal: number;
}

export type OrderStatus = 'PendingPayment' | 'Paid' | 'Shipped' | 'Delivered' | 'Cancelled' | 'Refunded';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PendingPayment',
  'Paid',
  'Shipped',
  'Delivered',
  'Cancelled',
  'Refunded',
];

export interface OrderLine {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  items: OrderLine[];
  subtotal: number;
  shippingFee: number;
  total: number;
  shippingAddress: Address;
  note?: string | null;
  payment?: { id: string; method: string; last4: string; paidAt: string } | null;
  shipment?: { carrier: string; trackingNumber: string; shippedAt: string } | null;
  history: { status: OrderStatus; at: string }[];
  createdAt: string;
  paymentDeadline: string;
}

/** RFC 7807 body every API error carries. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  /** An English fallback; clients show the translation of `code`. */
  detail?: string;
  errors?: Record<string, string[]>;
  /** Stable, dotted (`stock.insufficient`); translated in locales/problems.json. */
  code?: string;
  /** Values the translation needs, e.g. `{ available: 3 }`. */
  params?: Record<string, string | number>;
}
