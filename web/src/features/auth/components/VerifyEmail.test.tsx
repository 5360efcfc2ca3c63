import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/test/fetch-mock';
import { customer } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { VerifyEmailBanner } from './VerifyEmailBanner';
import { VerifyEmailResult } from './VerifyEmailResult';

const unverified = { ...customer, emailVerified: false };

describe('email verification', () => {
  it('asks an unverified shopper to open the link, and sends it again on request', async () => {
    const server = mockApi({ 'POST /api/auth/verify-email/resend': { status: 202 } });
    const { user } = renderWithApp(<VerifyEmailBanner />, { user: unverified });

    expect(screen.getByTestId('verify-banner')).toHaveTextContent(unverified.email);
    await user.click(screen.getByTestId('verify-resend'));

    expect(await screen.findByText(`A new link is on its way to ${unverified.email}.`)).toBeInTheDocument();
    expect(server.callsTo('POST /api/auth/verify-email/resend')).toHaveLength(1);
  });

  it('says so when a link was sent a moment ago', async () => {
    mockApi({
      'POST /api/auth/verify-email/resend': {
        status: 429,
        headers: { 'Retry-After': '60' },
        body: { status: 429, title: 'Too Many Requests', detail: 'wait', code: 'rate_limited' },
      },
    });
    const { user } = renderWithApp(<VerifyEmailBanner />, { user: unverified });
    await user.click(screen.getByTestId('verify-resend'));
    expect(await screen.findByText(/Please try again in 60 seconds/)).toBeInTheDocument();
  });

  it('shows nothing once the address is verified', () => {
    mockApi();
    renderWithApp(<VerifyEmailBanner />, { user: customer });
    expect(screen.queryByTestId('verify-banner')).not.toBeInTheDocument();
  });

  it('confirms the address from the link, once, and refuses a bad link', async () => {
    const server = mockApi({
      'POST /api/auth/verify-email': (call) =>
        (call.body as { token: string }).token === 'u-1.good'
          ? { status: 204 }
          : { status: 400, body: { status: 400, title: 'Bad Request', detail: 'bad', code: 'auth.verify_token_invalid' } },
    });
    const first = renderWithApp(<VerifyEmailResult />, { route: '/verify-email?token=u-1.good', path: '/verify-email' });
    expect(await screen.findByTestId('verify-done')).toBeInTheDocument();
    expect(server.callsTo('POST /api/auth/verify-email')).toHaveLength(1);
    first.unmount();

    renderWithApp(<VerifyEmailResult />, { route: '/verify-email?token=u-1.forged', path: '/verify-email' });
    expect(await screen.findByTestId('verify-failed')).toHaveTextContent('This link is invalid or has expired.');
    await waitFor(() => expect(server.callsTo('POST /api/auth/verify-email')).toHaveLength(2));
  });
});
