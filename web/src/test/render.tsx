import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from 'react-router';
import { AppProviders } from '@/app/providers/AppProviders';
import { tokenStore } from '@/lib/token-store';
import { meQueryOptions } from '@/lib/session';
import type { User } from '@/types/api';

/** Shows the router's current URL so tests can assert what a page put into it. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

export function currentUrl(): URL {
  return new URL(document.querySelector('[data-testid="location"]')!.textContent ?? '/', 'http://shop.test');
}

interface RenderOptions {
  /** The URL the test starts at. */
  route?: string;
  /** The route pattern `ui` is mounted on. */
  path?: string;
  /** Other routes, e.g. where a form navigates to. */
  extraRoutes?: RouteObject[];
  /** Logged in as this user (a token is stored and the user cached, as after a reload). */
  user?: User;
}

export function renderWithApp(ui: ReactElement, { route = '/', path = '/', extraRoutes = [], user }: RenderOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  if (user) {
    tokenStore.set('test-token');
    queryClient.setQueryData(meQueryOptions().queryKey, user);
  }
  const router = createMemoryRouter(
    [
      { path, element: <>{ui}<LocationProbe /></> },
      ...extraRoutes.map((r) => ({ ...r, element: <>{r.element}<LocationProbe /></> })),
      { path: '*', element: <LocationProbe /> },
    ],
    { initialEntries: [route] },
  );
  const result = render(
    // The app's own providers, nothing more: what a component needs from them (antd's message API) must be there.
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...result, router, queryClient, user: userEvent.setup() };
}
