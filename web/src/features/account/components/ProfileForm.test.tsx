import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { customer } from '@/test/fixtures';
import { renderWithApp } from '@/test/render';
import { ProfileForm } from './ProfileForm';

describe('profile form', () => {
  it('labels every field, the read-only email included, and starts from a profile without phone', () => {
    renderWithApp(<ProfileForm user={customer} />, { route: '/account', path: '/account', user: customer });

    expect(screen.getByLabelText('Email')).toHaveValue(customer.email);
    expect(screen.getByLabelText('Email')).toBeDisabled();
    expect(screen.getByLabelText('Phone')).toHaveValue('');
  });
});
