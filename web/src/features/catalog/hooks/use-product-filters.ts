import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseYuanToFen } from '@/lib/money';
import { PRODUCT_SORTS, type ProductQuery, type ProductSort } from '../api/get-products';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [20, 40, 60] as const;

/**
 * The product list's state, kept entirely in the URL so that a search can be shared, bookmarked
 * and survives a reload. Prices are whole or decimal yuan in the URL (readable: `minPrice=50`)
 * and become fen only in the API query.
 */
export interface ProductFilters {
  q: string;
  category?: string;
  minPrice?: string;
  maxPrice?: string;
  inStock: boolean;
  sort?: ProductSort;
  page: number;
  pageSize: number;
}

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

const price = (value: string | null) => (value !== null && parseYuanToFen(value) !== undefined ? value : undefined);

export function parseFilters(params: URLSearchParams): ProductFilters {
  const sort = params.get('sort');
  return {
    q: params.get('q')?.trim() ?? '',
    category: params.get('category') || undefined,
    minPrice: price(params.get('minPrice')),
    maxPrice: price(params.get('maxPrice')),
    inStock: params.get('inStock') === 'true',
    sort: PRODUCT_SORTS.includes(sort as ProductSort) ? (sort as ProductSort) : undefined,
    page: positiveInt(params.get('page'), 1),
    pageSize: positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100),
  };
}

/** Only what differs from the defaults goes into the URL, so shared links stay short. */
export function filtersToSearchParams(filters: ProductFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  if (filters.minPrice) params.set('minPrice', filters.minPrice);
  if (filters.maxPrice) params.set('maxPrice', filters.maxPrice);
  if (filters.inStock) params.set('inStock', 'true');
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function filtersToQuery(filters: ProductFilters): ProductQuery {
  return {
    q: filters.q || undefined,
    category: filters.category,
    minPrice: parseYuanToFen(filters.minPrice),
    maxPrice: parseYuanToFen(filters.maxPrice),
    inStock: filters.inStock || undefined,
    // "relevance" means nothing without words to be relevant to; let the API pick its default.
    sort: filters.sort === 'relevance' && !filters.q ? undefined : filters.sort,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export function useProductFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(searchParams), [searchParams]);

  /** Any change but a page change starts again at page 1: page 7 of another search is noise. */
  const update = useCallback(
    (patch: Partial<ProductFilters>) => {
      setSearchParams((current) => {
        const previous = parseFilters(current);
        const next = { ...previous, ...patch };
        if (!('page' in patch)) next.page = 1;
        return filtersToSearchParams(next);
      });
    },
    [setSearchParams],
  );

  const reset = useCallback(() => setSearchParams(new URLSearchParams()), [setSearchParams]);

  return { filters, update, reset };
}
