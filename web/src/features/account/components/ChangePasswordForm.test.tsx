import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { ChangePasswordForm } from './ChangePasswordForm';

describe('change password', () => {
  it("shows a wrong current password on its field, in the page's language, and keeps the session", async () => {
    const server = mockApi({
      'POST /api/auth/change-password': problem(400, 'One or more validation errors occurred.', {
        currentPassword: ['The current password is incorrect (as the API says it).'],
      }),
    });
    const { user } = renderWithApp(<ChangePasswordForm />, { route: '/account', path: '/account', user: customer });

    await user.type(screen.getByTestId('current-password'), 'not-my-password');
    await user.type(screen.getByTestId('new-password'), 'a-new-password-1');
    await user.type(screen.getByTestId('confirm-new-password'), 'a-new-password-1');
    await user.click(screen.getByTestId('change-password-submit'));

    expect(await screen.findByText('The current password is incorrect')).toBeInTheDocument();
    expect(screen.queryByText(/as the API says it/)).not.toBeInTheDocument();
    expect(screen.getByTestId('current-password')).toHaveAttribute('aria-invalid', 'true');
    expect(server.callsTo('POST /api/auth/change-password')).toHaveLength(1);
    expect(screen.getByTestId('location')).toHaveTextContent('/account');
  });
});
