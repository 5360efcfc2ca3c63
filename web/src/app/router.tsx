import type { QueryClient } from '@tanstack/react-query';
import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { setUnauthorizedHandler } from '@/lib/api-client';
import { loginPathFor } from '@/lib/safe-redirect';
import { clearUserData } from '@/lib/session';
import { AccountLayout } from './layout/AccountLayout';
import { AppLayout } from './layout/AppLayout';
import { RequireAdmin, RequireAuth } from './routes/guards';

// One chunk per page: a shopper landing on a product never downloads the admin tables.
const HomePage = lazy(() => import('./routes/home'));
const ProductsPage = lazy(() => import('./routes/products'));
const ProductDetailPage = lazy(() => import('./routes/product-detail'));
const CartPage = lazy(() => import('./routes/cart'));
const CheckoutPage = lazy(() => import('./routes/checkout'));
const LoginPage = lazy(() => import('./routes/login'));
const RegisterPage = lazy(() => import('./routes/register'));
const ForgotPasswordPage = lazy(() => import('./routes/forgot-password'));
const ResetPasswordPage = lazy(() => import('./routes/reset-password'));
const AccountProfilePage = lazy(() => import('./routes/account/account-profile'));
const AccountOrdersPage = lazy(() => import('./routes/account/account-orders'));
const AccountOrderDetailPage = lazy(() => import('./routes/account/account-order-detail'));
const AdminProductsPage = lazy(() => import('./routes/admin/admin-products'));
const AdminOrdersPage = lazy(() => import('./routes/admin/admin-orders'));
const NotFoundPage = lazy(() => import('./routes/not-found'));

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/products', element: <ProductsPage /> },
      { path: '/products/:id', element: <ProductDetailPage /> },
      { path: '/login', element: <LoginPage /> },
      { path: '/register', element: <RegisterPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/cart', element: <CartPage /> },
          { path: '/checkout', element: <CheckoutPage /> },
          {
            path: '/account',
            element: <AccountLayout />,
            children: [
              { index: true, element: <AccountProfilePage /> },
              { path: 'orders', element: <AccountOrdersPage /> },
              { path: 'orders/:id', element: <AccountOrderDetailPage /> },
            ],
          },
          {
            element: <RequireAdmin />,
            children: [
              { path: '/admin/products', element: <AdminProductsPage /> },
              { path: '/admin/orders', element: <AdminOrdersPage /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

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
