import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { tokenStore } from '@/lib/token-store';
import { mockApi, problem } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { currentUrl, renderWithApp } from '@/test/render';
import { RegisterForm } from './RegisterForm';

const renderRegister = () => renderWithApp(<RegisterForm />, { route: '/register', path: '/register' });
type User = ReturnType<typeof renderRegister>['user'];

async function fill(user: User, values: { name?: string; email?: string; password?: string; confirm?: string }) {
  if (values.name) await user.type(screen.getByLabelText('Name'), values.name);
  if (values.email) await user.type(screen.getByLabelText('Email'), values.email);
  if (values.password) await user.type(screen.getByLabelText('Password'), values.password);
  if (values.confirm) await user.type(screen.getByLabelText('Repeat password'), values.confirm);
  await user.click(screen.getByRole('button', { name: 'Sign up' }));
}

const registered = { token: 'jwt-new', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: customer };

describe('register form', () => {
  it('checks name, email, password length and the repeated password locally', async () => {
    const server = mockApi();
    const { user } = renderRegister();
    await fill(user, { name: '   ', email: 'ann@', password: 'short', confirm: 'shorter' });

    expect(await screen.findByText('Please enter your name')).toBeInTheDocument();
    expect(screen.getByText('Please enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('The password needs at least 8 characters')).toBeInTheDocument();
    expect(screen.getByText('The two passwords differ')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it('creates the account, logs in, and records the UI language on the account', async () => {
    const server = mockApi({
      'POST /api/auth/register': { status: 201, body: registered },
      'PUT /api/users/me': { body: { ...customer, language: 'en-US' } },
    });
    const { user } = renderRegister();
    await fill(user, { name: 'Ann', email: 'ann@example.com', password: 'long-enough', confirm: 'long-enough' });

    await waitFor(() => expect(currentUrl().pathname).toBe('/'));
    expect(server.callsTo('POST /api/auth/register')[0].body).toEqual({ name: 'Ann', email: 'ann@example.com', password: 'long-enough' });
    expect(tokenStore.get()).toBe('jwt-new');
    await waitFor(() => expect(server.callsTo('PUT /api/users/me')).toHaveLength(1));
    expect(server.callsTo('PUT /api/users/me')[0].body).toEqual({ language: i18n.language });
    expect(server.callsTo('PUT /api/users/me')[0].headers.authorization).toBe('Bearer jwt-new');
  });

  it('marks the email field when the address is taken (409)', async () => {
    mockApi({ 'POST /api/auth/register': problem(409, 'Email already registered.') });
    const { user } = renderRegister();
    await fill(user, { name: 'Ann', email: 'ann@example.com', password: 'long-enough', confirm: 'long-enough' });

    expect(await screen.findByText('An account with this email already exists')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(tokenStore.get()).toBeNull();
  });

  it('maps the API validation errors onto the matching fields', async () => {
    mockApi({
      'POST /api/auth/register': problem(400, 'One or more validation errors occurred.', {
        Password: ['Password must contain a digit.'],
        name: ['Name is reserved.'],
      }),
    });
    const { user } = renderRegister();
    await fill(user, { name: 'admin', email: 'ann@example.com', password: 'no-digits-here', confirm: 'no-digits-here' });

    expect(await screen.findByText('Password must contain a digit.')).toBeInTheDocument();
    expect(screen.getByText('Name is reserved.')).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('register-error')).not.toBeInTheDocument();
  });
});
