import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, type RecordedCall } from '@/test/fetch-mock';
import { categories, product } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import { ProductListView } from './ProductListView';

function catalogServer(total = 45) {
  return mockApi({
    'GET /api/categories': { body: categories },
    'GET /api/products': (call: RecordedCall) => {
      const page = Number(call.url.searchParams.get('page') ?? 1);
      return { body: { items: total ? [product({ id: `p-${page}`, name: `Item on page ${page}` })] : [], total, page, pageSize: 20 } };
    },
  });
}

const lastProductQuery = (server: ReturnType<typeof mockApi>) => {
  const calls = server.callsTo('GET /api/products');
  return Object.fromEntries(calls[calls.length - 1].url.searchParams);
};

const renderList = (route: string) => renderWithApp(<ProductListView />, { route, path: '/products' });

describe('product list filters and the URL', () => {
  it('restores every filter from a shared URL and asks the API for exactly that (prices in fen)', async () => {
    const server = catalogServer();
    renderList('/products?q=tea&category=books&minPrice=10&maxPrice=99.5&inStock=true&sort=price_asc&page=2');

    expect(await screen.findByText('Item on page 2')).toBeInTheDocument();
    expect(lastProductQuery(server)).toEqual({
      q: 'tea',
      category: 'books',
      minPrice: '1000',
      maxPrice: '9950',
      inStock: 'true',
      sort: 'price_asc',
      page: '2',
      pageSize: '20',
    });
    expect(screen.getByRole('searchbox', { name: /search products/i })).toHaveValue('tea');
    expect(screen.getByTestId('filter-min-price')).toHaveValue('10');
    expect(screen.getByTestId('filter-max-price')).toHaveValue('99.5');
    expect(screen.getByRole('checkbox', { name: 'In stock only' })).toBeChecked();
    expect(await within(screen.getByTestId('filter-category')).findByText('Books')).toBeInTheDocument();
    expect(within(screen.getByTestId('sort-select')).getByText('Price: low to high')).toBeInTheDocument();
  });

  it('puts a new search into the URL, keeps the other filters and goes back to page 1', async () => {
    const server = catalogServer();
    const { user } = renderList('/products?category=books&page=3');
    await screen.findByText('Item on page 3');

    const search = screen.getByRole('searchbox', { name: /search products/i });
    await user.type(search, '  lamp {Enter}');

    await waitFor(() => expect(currentUrl().search).toBe('?q=lamp&category=books'));
    await waitFor(() => expect(lastProductQuery(server)).toMatchObject({ q: 'lamp', category: 'books', page: '1' }));
  });

  it('shows how many products each category and the stock filter would find', async () => {
    mockApi({
      'GET /api/categories': { body: categories },
      'GET /api/products': {
        body: { items: [product()], total: 7, page: 1, pageSize: 20, facets: { categories: [{ id: 'books', count: 5 }, { id: 'toys', count: 2 }], inStock: 6 } },
      },
    });
    const { user } = renderList('/products?q=tea');

    expect(await screen.findByRole('checkbox', { name: 'In stock only (6)' })).toBeInTheDocument();
    await user.click(within(screen.getByTestId('filter-category')).getByRole('combobox'));
    expect(await screen.findByTestId('category-option-books')).toHaveTextContent('Books (5)');
    expect(screen.getByTestId('category-option-toys')).toHaveTextContent('Toys (2)');
  });

  it('filters by category through the select', async () => {
    const server = catalogServer();
    const { user } = renderList('/products');
    await screen.findByText('Item on page 1');

    await user.click(within(screen.getByTestId('filter-category')).getByRole('combobox'));
    await user.click(await screen.findByTestId('category-option-toys'));

    await waitFor(() => expect(currentUrl().searchParams.get('category')).toBe('toys'));
    await waitFor(() => expect(lastProductQuery(server).category).toBe('toys'));
  });

  it('applies a price range, swapping a reversed one, and refuses a malformed amount', async () => {
    const server = catalogServer();
    const { user } = renderList('/products');
    await screen.findByText('Item on page 1');

    await user.type(screen.getByTestId('filter-min-price'), '50');
    await user.type(screen.getByTestId('filter-max-price'), '20.5');
    await user.click(screen.getByTestId('filter-price-apply'));

    await waitFor(() => expect(currentUrl().search).toBe('?minPrice=20.5&maxPrice=50'));
    await waitFor(() => expect(lastProductQuery(server)).toMatchObject({ minPrice: '2050', maxPrice: '5000' }));
    expect(screen.getByTestId('filter-min-price')).toHaveValue('20.5');
    expect(screen.getByTestId('filter-max-price')).toHaveValue('50');

    // The same range typed reversed again leaves the URL as it is; the boxes still show it as applied.
    await user.clear(screen.getByTestId('filter-min-price'));
    await user.type(screen.getByTestId('filter-min-price'), '50');
    await user.clear(screen.getByTestId('filter-max-price'));
    await user.type(screen.getByTestId('filter-max-price'), '20.5');
    await user.click(screen.getByTestId('filter-price-apply'));
    await waitFor(() => expect(screen.getByTestId('filter-min-price')).toHaveValue('20.5'));
    expect(screen.getByTestId('filter-max-price')).toHaveValue('50');
    expect(currentUrl().search).toBe('?minPrice=20.5&maxPrice=50');

    await user.clear(screen.getByTestId('filter-min-price'));
    await user.type(screen.getByTestId('filter-min-price'), '1.999');
    expect(screen.getByTestId('filter-price-apply')).toBeDisabled();
  });

  it('toggles the in-stock filter and the sort order', async () => {
    catalogServer();
    const { user } = renderList('/products');
    await screen.findByText('Item on page 1');

    await user.click(screen.getByRole('checkbox', { name: 'In stock only' }));
    await waitFor(() => expect(currentUrl().searchParams.get('inStock')).toBe('true'));

    await user.click(within(screen.getByTestId('sort-select')).getByRole('combobox'));
    await user.click(await screen.findByTestId('sort-option-price_desc'));
    await waitFor(() => expect(currentUrl().search).toBe('?inStock=true&sort=price_desc'));
  });

  it('pages through results via the URL', async () => {
    const server = catalogServer(45);
    const { user } = renderList('/products?q=pen');
    await screen.findByText('Item on page 1');
    expect(screen.getByTestId('product-total')).toHaveTextContent('45 products');

    await user.click(screen.getByTitle('2'));
    await waitFor(() => expect(currentUrl().search).toBe('?q=pen&page=2'));
    expect(await screen.findByText('Item on page 2')).toBeInTheDocument();
    expect(lastProductQuery(server).page).toBe('2');
  });

  it('shows an empty state that clears the filters', async () => {
    catalogServer(0);
    const { user } = renderList('/products?q=nothing-matches&inStock=true');
    expect(await screen.findByTestId('products-empty')).toBeInTheDocument();
    await user.click(within(screen.getByTestId('products-empty')).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(currentUrl().search).toBe(''));
  });
});
