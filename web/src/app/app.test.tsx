import { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { i18n, initI18n } from '@/lib/i18n';
import { tokenStore } from '@/lib/token-store';
import { mockApi, problem } from '@/test/fetch-mock';
import { admin, cart, cartLine, categories, customer, order, product } from '@/test/fixtures';
import type { User } from '@/types/api';
import { AppProviders } from './providers/AppProviders';
import { installUnauthorizedRedirect, preloadRoute, routes } from './router';

/** The whole app (real routes, guards, header, lazy pages) in a memory router. */
const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

function renderApp(path: string, user?: User, queryClient = newQueryClient()) {
  if (user) tokenStore.set('token-1');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  installUnauthorizedRedirect(router, queryClient);
  render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, user: userEvent.setup() };
}

// The home chunk's first import under Vitest transforms antd's Input.Search on its own (a second or so).
const HOME_LOAD_MS = 10_000;

const url = (router: ReturnType<typeof renderApp>['router']) => router.state.location.pathname + router.state.location.search;

const baseApi = (user?: User) =>
  mockApi({
    'GET /api/auth/me': user ? { body: user } : problem(401, 'No token'),
    'GET /api/cart': { body: { items: [], itemCount: 0, subtotal: 0 } },
    'GET /api/categories': { body: categories },
    'GET /api/products': { body: { items: [product()], total: 1, page: 1, pageSize: 20 } },
    'GET /api/orders': { body: { items: [], total: 0, page: 1, pageSize: 10 } },
  });

afterEach(() => {
  setUnauthorizedHandler(() => {});
  initI18n('en-US');
});

describe('app shell', () => {
  it('sends a visitor from a private page to login and back there after logging in', async () => {
    const server = baseApi();
    server.on('POST /api/auth/login', { body: { token: 'jwt', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: customer } });
    server.on('GET /api/auth/me', { body: customer });
    const { router, user } = renderApp('/account/orders?page=1');

    await waitFor(() => expect(url(router)).toBe('/login?redirect=%2Faccount%2Forders%3Fpage%3D1'));
    await user.type(await screen.findByLabelText('Email'), 'ann@example.com');
    await user.type(screen.getByLabelText('Password'), 'secret-pass');
    await user.click(within(screen.getByTestId('login-form')).getByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(url(router)).toBe('/account/orders?page=1'));
    expect(await screen.findByTestId('orders-empty')).toBeInTheDocument();
  });

  it('on a 401 drops the token and asks to log in again, remembering the page', async () => {
    const server = baseApi(customer);
    server.on('GET /api/orders', problem(401, 'Token revoked'));
    const { router } = renderApp('/account/orders', customer);

    await waitFor(() => expect(url(router)).toBe('/login?redirect=%2Faccount%2Forders'));
    expect(tokenStore.get()).toBeNull();
    expect(await screen.findByTestId('login-page')).toBeInTheDocument();
  });

  it('stays logged in across a reload (token in localStorage) and shows the cart count', async () => {
    const server = baseApi(customer);
    server.on('GET /api/cart', { body: { items: [], itemCount: 3, subtotal: 0 } });
    renderApp('/', customer);
    expect(await screen.findByTestId('account-menu')).toHaveTextContent('Ann');
    await waitFor(() => expect(screen.getByTestId('cart-badge')).toHaveAttribute('data-count', '3'));
    expect(server.callsTo('GET /api/auth/me')[0].headers.authorization).toBe('Bearer token-1');
  });

  it('shows admin links and pages only to admins', async () => {
    baseApi(customer);
    renderApp('/admin/products', customer);
    expect(await screen.findByTestId('forbidden')).toBeInTheDocument();
    expect(screen.queryByTestId('nav-admin-products')).not.toBeInTheDocument();
  });

  it('gives admins the admin navigation and product table', async () => {
    baseApi(admin);
    renderApp('/admin/products', admin);
    expect(await screen.findByTestId('admin-products')).toBeInTheDocument();
    expect(screen.getByTestId('nav-admin-products')).toBeInTheDocument();
    expect(screen.getByTestId('nav-admin-orders')).toBeInTheDocument();
    expect((await screen.findAllByTestId('admin-product-row')).length).toBe(1);
  });

  it('does not ask for a cart while nobody is logged in', async () => {
    const server = baseApi();
    renderApp('/');
    expect(await screen.findByTestId('featured-products', {}, { timeout: HOME_LOAD_MS })).toBeInTheDocument();
    expect(server.callsTo('GET /api/cart')).toHaveLength(0);
    expect(screen.getByTestId('header-login')).toBeInTheDocument();
  });
});

describe('start-up preload', () => {
  // main.tsx starts the page's data before React renders; the page must find it, not fetch again.
  it('fetches the product list of the URL once, in the cache entry the page reads', async () => {
    const server = baseApi();
    const queryClient = newQueryClient();
    await preloadRoute({ pathname: '/products', search: '?sort=popular&inStock=true' }, queryClient);
    expect(server.callsTo('GET /api/products')).toHaveLength(1);

    renderApp('/products?sort=popular&inStock=true', undefined, queryClient);
    expect(await screen.findAllByTestId('product-card')).toHaveLength(1);
    const calls = server.callsTo('GET /api/products');
    expect(calls).toHaveLength(1);
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ sort: 'popular', inStock: 'true', page: '1', pageSize: '20' });
    expect(server.callsTo('GET /api/categories')).toHaveLength(1);
  });

  it("fetches the home page's featured products and categories once", async () => {
    const server = baseApi();
    const queryClient = newQueryClient();
    await preloadRoute({ pathname: '/', search: '' }, queryClient);

    renderApp('/', undefined, queryClient);
    expect(await screen.findByTestId('featured-products', {}, { timeout: HOME_LOAD_MS })).toBeInTheDocument();
    expect(await screen.findAllByTestId('category-card')).toHaveLength(categories.length);
    expect(server.callsTo('GET /api/products')).toHaveLength(1);
    expect(server.callsTo('GET /api/categories')).toHaveLength(1);
  });

  it("fetches a signed-in shopper's cart with the cart page, which then reads it, and no cart for a visitor", async () => {
    const server = baseApi(customer);
    const queryClient = newQueryClient();
    tokenStore.set('token-1');
    await preloadRoute({ pathname: '/cart', search: '' }, queryClient);
    expect(server.callsTo('GET /api/cart')).toHaveLength(1);

    renderApp('/cart', customer, queryClient);
    expect(await screen.findByTestId('cart-page')).toBeInTheDocument();
    expect(server.callsTo('GET /api/cart')).toHaveLength(1);

    tokenStore.clear();
    await preloadRoute({ pathname: '/cart', search: '' }, newQueryClient());
    expect(server.callsTo('GET /api/cart')).toHaveLength(1);
  });

  it('fetches a product and nothing private', async () => {
    const server = baseApi(customer);
    server.on('GET /api/products/p-1', { body: product({ id: 'p-1' }) });
    tokenStore.set('token-1');
    await preloadRoute({ pathname: '/products/p-1', search: '' }, newQueryClient());
    expect(server.calls.map((call) => call.path).sort()).toEqual(['/api/categories', '/api/products/p-1']);
  });
});

describe('phone layout', () => {
  it('folds the header into a drawer at 375 px', async () => {
    const width = window.innerWidth;
    window.innerWidth = 375;
    try {
      baseApi(admin);
      const { user } = renderApp('/', admin);
      const menuButton = await screen.findByTestId('mobile-menu-button');
      expect(screen.queryByTestId('nav-products')).not.toBeInTheDocument();
      expect(screen.queryByTestId('account-menu')).not.toBeInTheDocument();
      expect(screen.getByTestId('cart-badge')).toBeInTheDocument(); // the cart stays one tap away

      await user.click(menuButton);
      expect(await screen.findByTestId('drawer-nav-products')).toBeInTheDocument();
      expect(screen.getByTestId('drawer-nav-admin-orders')).toBeInTheDocument();
      expect(screen.getByTestId('drawer-logout')).toBeInTheDocument();
    } finally {
      window.innerWidth = width;
    }
  });
});

describe('language', () => {
  it('defaults to Chinese, switches to English, remembers it and tells the account', async () => {
    initI18n(); // nothing stored: the default
    expect(i18n.language).toBe('zh-CN');
    const server = baseApi(customer);
    server.on('PUT /api/users/me', { body: { ...customer, language: 'en-US' } });
    const { user } = renderApp('/', customer);

    expect(await screen.findByText('商品分类')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');

    await user.click(within(screen.getByTestId('language-switch')).getByText('EN'));

    expect(await screen.findByText('Shop by category')).toBeInTheDocument();
    expect(window.localStorage.getItem('shop.lang')).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
    await waitFor(() => expect(server.callsTo('PUT /api/users/me').map((c) => c.body)).toEqual([{ language: 'en-US' }]));
  });

  it('shows category names in the UI language', async () => {
    baseApi();
    initI18n('zh-CN');
    renderApp('/');
    expect(await screen.findByText('图书')).toBeInTheDocument();
    await act(() => i18n.changeLanguage('en-US'));
    expect(await screen.findByText('Books')).toBeInTheDocument();
  });
});

/** antd's message container (the toasts), which sits in <body> outside the page. */
const toasts = () => document.querySelector('.ant-message');

describe('toasts', () => {
  // The app's providers give every page message, notification and modal (useFeedback). Without them, as when
  // only the admin pages had antd's App, `message.success` was not a function: no toast, an uncaught error.
  it('tells a shopper on a product page that the product is in the cart', async () => {
    const server = baseApi(customer);
    server.on('GET /api/products/p-1', {
      body: { ...product({ id: 'p-1' }), description: 'A notebook.', images: [], attributes: {}, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', revision: 1 },
    });
    server.on('POST /api/cart/items', { body: cart([cartLine()]) });
    const { user } = renderApp('/products/p-1', customer);

    await user.click(await screen.findByTestId('add-to-cart', {}, { timeout: HOME_LOAD_MS }));

    await waitFor(() => expect(toasts()).toHaveTextContent('Added to your cart.'));
    expect(server.callsTo('POST /api/cart/items')).toHaveLength(1);
  });

  it('tells a shopper that the order is cancelled', async () => {
    const server = baseApi(customer);
    server.on('GET /api/orders/o-12345678', { body: order() });
    server.on('POST /api/orders/o-12345678/cancel', { body: order({ status: 'Cancelled' }) });
    const { user } = renderApp('/account/orders/o-12345678', customer);

    await user.click(await screen.findByTestId('cancel-order', {}, { timeout: HOME_LOAD_MS }));
    await user.click(await screen.findByTestId('cancel-order-confirm'));

    await waitFor(() => expect(toasts()).toHaveTextContent('The order was cancelled.'));
    expect(server.callsTo('POST /api/orders/o-12345678/cancel')).toHaveLength(1);
  });
});
