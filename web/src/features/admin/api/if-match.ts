import { ApiError } from '@/lib/api-client';

/** The If-Match header for a write made from what the admin saw at `revision` (the product's ETag). */
export const ifMatch = (revision: number | undefined): Record<string, string> =>
  revision === undefined ? {} : { 'If-Match': `"${revision}"` };

/** The current revision and stock a 412 (product.changed) reports, to write from next time. */
export interface ProductBaseline {
  revision: number;
  stock: number;
}

/** What the product is now, when a write was refused because it changed since it was read. */
export function changedProduct(error: unknown): ProductBaseline | undefined {
  if (!(error instanceof ApiError) || error.problem.code !== 'product.changed') return undefined;
  const { revision, stock } = error.problem.params ?? {};
  return typeof revision === 'number' && typeof stock === 'number' ? { revision, stock } : undefined;
}
