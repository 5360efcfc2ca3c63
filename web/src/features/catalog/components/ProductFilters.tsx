import { Button, Checkbox, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryTree } from '@/lib/category-name';
import { currentLanguage } from '@/lib/i18n';
import { parseYuanToFen } from '@/lib/money';
import { useDraft } from '@/lib/use-draft';
import { useCategories } from '../api/get-categories';
import { PRODUCT_SORTS, type ProductSort } from '../api/get-products';
import type { ProductFacets } from '@/types/api';
import type { ProductFilters as Filters } from '../hooks/use-product-filters';

interface ProductFiltersProps {
  filters: Filters;
  /** The current list's counts, shown beside each category and the stock filter. */
  facets?: ProductFacets;
  onChange: (patch: Partial<Filters>) => void;
  onReset: () => void;
}

/** Search, category, price range, stock and sort controls; every change lands in the URL. */
export function ProductFilters({ filters, facets, onChange, onReset }: ProductFiltersProps) {
  const { t } = useTranslation();
  const categories = useCategories();
  const language = currentLanguage();
  const countOf = (categoryId: string) => facets?.categories.find((c) => c.id === categoryId)?.count;

  // Text inputs keep a draft while typing and follow the URL when it changes (back button, links).
  const [query, setQuery] = useDraft(filters.q);
  const [minPrice, setMinPrice] = useDraft(filters.minPrice ?? '');
  const [maxPrice, setMaxPrice] = useDraft(filters.maxPrice ?? '');

  const minInvalid = minPrice !== '' && parseYuanToFen(minPrice) === undefined;
  const maxInvalid = maxPrice !== '' && parseYuanToFen(maxPrice) === undefined;

  const applyPrice = () => {
    if (minInvalid || maxInvalid) return;
    let min = minPrice || undefined;
    let max = maxPrice || undefined;
    const minFen = parseYuanToFen(min);
    const maxFen = parseYuanToFen(max);
    // A reversed range is obviously meant the other way round.
    if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) [min, max] = [max, min];
    // Show the range as applied: when the URL does not change (the same range typed reversed),
    // the effects above do not run.
    setMinPrice(min ?? '');
    setMaxPrice(max ?? '');
    onChange({ minPrice: min, maxPrice: max });
  };

  const sortValue: ProductSort = filters.sort ?? (filters.q ? 'relevance' : 'newest');
  const hasFilters = Boolean(filters.q || filters.category || filters.minPrice || filters.maxPrice || filters.inStock || filters.sort);

  return (
    <div className="shop-filters" data-testid="product-filters">
      <Input.Search
        className="shop-filters-search"
        placeholder={t('catalog.searchPlaceholder')}
        aria-label={t('catalog.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onSearch={(value) => onChange({ q: value.trim() })}
        enterButton={t('catalog.search')}
        allowClear
        data-testid="search-input"
      />
      <Select
        className="shop-filters-category"
        data-testid="filter-category"
        aria-label={t('catalog.category')}
        placeholder={t('catalog.allCategories')}
        allowClear
        virtual={false}
        // Tall enough for every category: a list that scrolls would need to be reachable by keyboard as a region.
        listHeight={440}
        loading={categories.isLoading}
        value={filters.category}
        onChange={(value?: string) => onChange({ category: value || undefined })}
        options={categoryTree(categories.data ?? [], language).map(({ category, label }) => ({
          value: category.id,
          label,
          'data-testid': `category-option-${category.id}`,
        }))}
        // The count shows in the list only: the chosen category reads as its plain name.
        optionRender={(option) => {
          const count = countOf(String(option.value));
          return count === undefined ? option.label : t('catalog.withCount', { label: option.label, count });
        }}
      />
      <Space.Compact className="shop-filters-price">
        <Input
          inputMode="decimal"
          prefix="¥"
          placeholder={t('catalog.minPrice')}
          aria-label={t('catalog.minPrice')}
          status={minInvalid ? 'error' : undefined}
          value={minPrice}
          onChange={(e) => setMinPrice(e.target.value.trim())}
          onPressEnter={applyPrice}
          data-testid="filter-min-price"
        />
        <Input
          inputMode="decimal"
          prefix="¥"
          placeholder={t('catalog.maxPrice')}
          aria-label={t('catalog.maxPrice')}
          status={maxInvalid ? 'error' : undefined}
          value={maxPrice}
          onChange={(e) => setMaxPrice(e.target.value.trim())}
          onPressEnter={applyPrice}
          data-testid="filter-max-price"
        />
        <Button onClick={applyPrice} disabled={minInvalid || maxInvalid} data-testid="filter-price-apply">
          {t('catalog.applyPrice')}
        </Button>
      </Space.Compact>
      <Checkbox checked={filters.inStock} onChange={(e) => onChange({ inStock: e.target.checked })} data-testid="filter-in-stock">
        {facets ? t('catalog.withCount', { label: t('catalog.inStockOnly'), count: facets.inStock }) : t('catalog.inStockOnly')}
      </Checkbox>
      <Select
        className="shop-filters-sort"
        data-testid="sort-select"
        aria-label={t('catalog.sortBy')}
        virtual={false}
        value={sortValue}
        onChange={(value: ProductSort) => onChange({ sort: value })}
        options={PRODUCT_SORTS.map((sort) => ({
          value: sort,
          label: t(`catalog.sort.${sort}`),
          disabled: sort === 'relevance' && !filters.q,
          'data-testid': `sort-option-${sort}`,
        }))}
      />
      {hasFilters && (
        <Button type="link" className="shop-filters-reset" onClick={onReset} data-testid="filter-reset">
          {t('catalog.clearFilters')}
        </Button>
      )}
    </div>
  );
}
