// Shapes of the HTTP contract (shared/API.md), taken from the API's OpenAPI document: openapi.gen.ts is
// generated from web/openapi/v1.json by `npm run gen:api`, and tests fail when either drifts. Money
// is always integer fen. The API writes an empty optional field as null; requests may leave it out.

import type { components } from './openapi.gen';

type Schemas = components['schemas'];

// The document types `role` and `language` as plain strings; the shop only ever writes these values.
export type Role = 'customer' | 'admin';
export type Language = 'zh-CN' | 'en-US';

export type Address = Schemas['AddressResponse'];

export type User = Omit<Schemas['UserResponse'], 'role' | 'language'> & { role: Role; language: Language };

export type AuthResult = Omit<Schemas['AuthResponse'], 'user'> & { user: User };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** How many products each category and the in-stock filter would show, the rest of the filter kept. */
export type ProductFacets = Schemas['CatalogFacets'];

export type ProductPage = Schemas['ProductPage'];

export type Category = Schemas['CategoryResponse'];

export type ProductSummary = Schemas['ProductSummary'];

/** `revision` moves with every change (orders included); sent back as If-Match so a stale write is refused. */
export type Product = Schemas['ProductResponse'];

/** `available`: how many can be bought right now; below `quantity` means the line cannot be fulfilled. */
export type CartLine = Schemas['CartItemResponse'];

export type Cart = Schemas['CartResponse'];

export type OrderStatus = Schemas['OrderStatus'];

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PendingPayment',
  'Paid',
  'Shipped',
  'Delivered',
  'Cancelled',
  'Refunded',
];

export type OrderLine = Schemas['OrderLineResponse'];

export type Order = Schemas['OrderResponse'];
/** The data of a live event (GET /api/live): what changed, so the client knows what to read again. */
export type LiveMessage = Schemas['LiveMessage'];

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

/** The admin dashboard: days in `timeZone`; revenue counts paid orders not refunded, by the day they were placed. */
export type Dashboard = Schemas['DashboardResponse'];
export type DaySales = Schemas['DaySales'];
export type TopProducts = Schemas['TopProductsResponse'];

/** A buyer's review; every one is a verified purchase. `mine`: the signed-in shopper wrote it. */
export type Review = Schemas['ReviewResponse'];
/** Visible reviews: count, average (one decimal, null without reviews), and counts of 1..5 stars. */
export type RatingSummary = Schemas['RatingSummaryResponse'];
export type ReviewList = Schemas['ReviewListResponse'];
export type ReviewSort = 'newest' | 'helpful' | 'rating_desc' | 'rating_asc';
export const REVIEW_SORTS: readonly ReviewSort[] = ['newest', 'helpful', 'rating_desc', 'rating_asc'];
/** A review as moderators see it, with its order, buyer and why it is hidden. */
export type AdminReview = Schemas['AdminReviewResponse'];

/** A category as admins see it: archived ones too; `productCount` counts its own products, not its subcategories'. */
export type AdminCategory = Schemas['AdminCategoryResponse'];
