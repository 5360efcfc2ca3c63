import type { QueryClient } from '@tanstack/react-query';
import { lazy, useState, type ComponentType } from 'react';
import { createBrowserRouter, matchRoutes, type Params, type RouteObject } from 'react-router';
import { prefetchCart } from '@/features/cart/prefetch';
import { prefetchHome, prefetchProductDetail, prefetchProductList } from '@/features/catalog/prefetch';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { loginPathFor } from '@/lib/safe-redirect';
import { clearUserData } from '@/lib/session';
import { AppLayout } from './layout/AppLayout';
import { RequireAdmin, RequireAuth } from './routes/guards';

type Prefetch = (queryClient: QueryClient, params: Params, search: URLSearchParams) => void;

// The personal center's tabs (an antd Menu) load with its pages, not with every page.
const AccountLayout = lazy(() => import('./layout/AccountLayout').then((module) => ({ default: module.AccountLayout })));

/** What preloadRoute needs to know about a page; kept on its route as `handle`. */
interface PageHandle {
  load: () => Promise<unknown>;
  prefetch?: Prefetch;
}

/**
 * One chunk per page (React.lazy): a shopper landing on a product never downloads the admin tables.
 * The page's import is kept on the route so that preloadRoute can start it early; once it has
 * loaded, the page renders directly. (React.lazy would still suspend once and show the skeleton,
 * and React reveals the page no sooner than 300 ms after a skeleton appeared.)
 */
function page(importPage: () => Promise<{ default: ComponentType }>, prefetch?: Prefetch): Pick<RouteObject, 'element' | 'handle'> {
  let Loaded: ComponentType | undefined;
  const load = () =>
    importPage().then((module) => {
      Loaded = module.default;
      return module;
    });
  const Lazy = lazy(load);
  function Page() {
    // Chosen once per mount: switching from Lazy to Loaded later would remount the page.
    const [Component] = useState(() => Loaded ?? Lazy);
    return <Component />;
  }
  return { element: <Page />, handle: { load, prefetch } satisfies PageHandle };
}

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: '/', ...page(() => import('./routes/home'), prefetchHome) },
      { path: '/products', ...page(() => import('./routes/products'), (queryClient, _, search) => prefetchProductList(queryClient, search)) },
      { path: '/products/:id', ...page(() => import('./routes/product-detail'), (queryClient, { id = '' }) => prefetchProductDetail(queryClient, id)) },
      { path: '/login', ...page(() => import('./routes/login')) },
      { path: '/register', ...page(() => import('./routes/register')) },
      { path: '/forgot-password', ...page(() => import('./routes/forgot-password')) },
      { path: '/reset-password', ...page(() => import('./routes/reset-password')) },
      { path: '/verify-email', ...page(() => import('./routes/verify-email')) },
      {
        element: <RequireAuth />,
        children: [
          { path: '/cart', ...page(() => import('./routes/cart'), prefetchCart) },
          { path: '/checkout', ...page(() => import('./routes/checkout')) },
          {
            path: '/account',
            element: <AccountLayout />,
            children: [
              { index: true, ...page(() => import('./routes/account/account-profile')) },
              { path: 'orders', ...page(() => import('./routes/account/account-orders')) },
              { path: 'orders/:id', ...page(() => import('./routes/account/account-order-detail')) },
            ],
          },
          {
            element: <RequireAdmin />,
            children: [
              { path: '/admin', ...page(() => import('./routes/admin/admin-dashboard')) },
              { path: '/admin/products', ...page(() => import('./routes/admin/admin-products')) },
              { path: '/admin/orders', ...page(() => import('./routes/admin/admin-orders')) },
              { path: '/admin/reviews', ...page(() => import('./routes/admin/admin-reviews')) },
              { path: '/admin/categories', ...page(() => import('./routes/admin/admin-categories')) },
            ],
          },
        ],
      },
      { path: '*', ...page(() => import('./routes/not-found')) },
    ],
  },
];

/**
 * Starts downloading the page at `location` (its chunk, and its public data into `queryClient`)
 * before React renders. Otherwise the chunk is only requested once the shell has rendered down to
 * the lazy page, and the data only once the page itself has rendered: three round trips in a row.
 * Resolves when the page's code is loaded (or failed to: React.lazy imports it again and reports).
 */
export function preloadRoute(location: Pick<Location, 'pathname' | 'search'>, queryClient: QueryClient): Promise<unknown> {
  const match = matchRoutes(routes, location.pathname)?.at(-1);
  const handle = match?.route.handle as PageHandle | undefined;
  if (!match || !handle) return Promise.resolve();
  handle.prefetch?.(queryClient, match.params, new URLSearchParams(location.search));
  return handle.load().catch(() => undefined);
}

type AppRouter = ReturnType<typeof createBrowserRouter>;

/**
 * A 401 from any API call means the session is over (revoked or expired): the token is already
 * cleared by the API client; drop the user's cached data and go to login, remembering the page.
 */
export function installUnauthorizedRedirect(router: Pick<AppRouter, 'state' | 'navigate'>, queryClient: QueryClient) {
  setUnauthorizedHandler(() => {
    clearUserData(queryClient);
    const location = router.state.location;
    if (location.pathname === '/login') return;
    void router.navigate(loginPathFor(location), { replace: true });
  });
}

export function createAppRouter(queryClient: QueryClient) {
  const router = createBrowserRouter(routes);
  installUnauthorizedRedirect(router, queryClient);
  return router;
}
