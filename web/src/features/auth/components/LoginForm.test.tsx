import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { tokenStore } from '@/lib/token-store';
import { mockApi, problem } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import { LoginForm } from './LoginForm';

const renderLogin = (route = '/login') => renderWithApp(<LoginForm />, { route, path: '/login' });

async function fillAndSubmit(user: ReturnType<typeof renderLogin>['user'], email: string, password: string) {
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('login form', () => {
  it('requires a valid email and a password before calling the API', async () => {
    const server = mockApi();
    const { user } = renderLogin();

    await fillAndSubmit(user, '', '');
    expect(await screen.findByText('Please enter your email')).toBeInTheDocument();
    expect(screen.getByText('Please enter a password')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    expect(await screen.findByText('Please enter a valid email address')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('logs in, keeps the token and returns to the page the user came from', async () => {
    const server = mockApi({
      'POST /api/auth/login': { body: { token: 'jwt-1', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: customer } },
    });
    const { user } = renderLogin('/login?redirect=%2Fcheckout%3Fstep%3D1');

    await fillAndSubmit(user, ' ann@example.com ', 'secret-pass');

    await waitFor(() => expect(currentUrl().pathname + currentUrl().search).toBe('/checkout?step=1'));
    expect(server.callsTo('POST /api/auth/login')[0].body).toEqual({ email: 'ann@example.com', password: 'secret-pass' });
    expect(tokenStore.get()).toBe('jwt-1');
  });

  it('does not follow a redirect to another site', async () => {
    mockApi({ 'POST /api/auth/login': { body: { token: 'jwt-1', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: customer } } });
    const { user } = renderLogin('/login?redirect=https%3A%2F%2Fevil.example');
    await fillAndSubmit(user, 'ann@example.com', 'secret-pass');
    await waitFor(() => expect(currentUrl().pathname).toBe('/'));
  });

  it('says "email or password is incorrect" on a 401 and stays on the page', async () => {
    mockApi({ 'POST /api/auth/login': problem(401, 'Invalid credentials.') });
    const { user } = renderLogin();
    await fillAndSubmit(user, 'ann@example.com', 'wrong-pass');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Email or password is incorrect.');
    expect(currentUrl().pathname).toBe('/login');
    expect(tokenStore.get()).toBeNull();
  });

  it('tells a throttled user how long to wait', async () => {
    mockApi({ 'POST /api/auth/login': { ...problem(429, 'Too many attempts'), headers: { 'Retry-After': '42' } } });
    const { user } = renderLogin();
    await fillAndSubmit(user, 'ann@example.com', 'whatever1');
    expect(await screen.findByTestId('login-error')).toHaveTextContent('Please try again in 42 seconds.');
  });
});
