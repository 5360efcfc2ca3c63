import { Button, Empty, Pagination, Typography } from 'antd';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '@/components/QueryError';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useProducts } from '../api/get-products';
import { filtersToQuery, filtersToSearchParams, PAGE_SIZES, useProductFilters } from '../hooks/use-product-filters';
import { ProductFilters } from './ProductFilters';
import { ProductGrid } from './ProductGrid';

export function ProductListView() {
  const { t } = useTranslation();
  const { filters, update, reset } = useProductFilters();
  const products = useProducts(filtersToQuery(filters));
  const page = products.data;
  const heading = filters.q ? t('catalog.resultsFor', { q: filters.q }) : t('catalog.allProducts');
  useDocumentTitle(heading);

  return (
    <div>
      <Typography.Title level={1} className="shop-page-title">
        {heading}
      </Typography.Title>
      <ProductFilters filters={filters} facets={page?.facets} onChange={update} onReset={reset} />

      {products.isError && !page ? (
        <QueryError error={products.error} onRetry={() => void products.refetch()} />
      ) : page && page.items.length === 0 ? (
        <Empty data-testid="products-empty" description={t('catalog.noResults')} style={{ padding: '48px 0' }}>
          <Button onClick={reset}>{t('catalog.clearFilters')}</Button>
        </Empty>
      ) : (
        <>
          {page && (
            <Typography.Text type="secondary" data-testid="product-total" style={{ display: 'block', margin: '4px 0 12px' }}>
              {t('catalog.resultCount', { count: page.total })}
            </Typography.Text>
          )}
          <ProductGrid products={page?.items} loading={products.isFetching} skeletonCount={filters.pageSize > 12 ? 12 : filters.pageSize} />
          {page && page.total > page.pageSize && (
            <Pagination
              data-testid="product-pagination"
              style={{ marginTop: 24, justifyContent: 'center' }}
              current={filters.page}
              pageSize={filters.pageSize}
              total={page.total}
              showSizeChanger
              pageSizeOptions={PAGE_SIZES.map(String)}
              // Page links with real addresses, so that crawlers can follow them (the click itself is handled by onChange).
              itemRender={(target, type, original) =>
                type === 'page' || type === 'jump-prev' || type === 'jump-next' ? (
                  <a href={`/products?${filtersToSearchParams({ ...filters, page: target }).toString()}`} onClick={(event) => event.preventDefault()}>
                    {type === 'page' ? target : (original as ReactElement<{ children?: ReactNode }>).props.children}
                  </a>
                ) : (
                  original
                )
              }
              onChange={(nextPage, nextSize) => {
                update(nextSize !== filters.pageSize ? { pageSize: nextSize } : { page: nextPage });
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
