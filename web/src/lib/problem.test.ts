import type { FormInstance } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, NetworkError } from './api-client';
import { i18n } from './i18n';
import { applyProblemToForm, errorMessage } from './problem';

const formStub = () => ({ setFields: vi.fn() }) as unknown as FormInstance & { setFields: ReturnType<typeof vi.fn> };

describe('applyProblemToForm', () => {
  it('puts errors on matching nested fields, whatever the case of the API names, and returns the rest', () => {
    const form = formStub();
    const error = new ApiError(400, {
      detail: 'Invalid',
      errors: { 'ShippingAddress.Phone': ['Bad phone'], 'shippingAddress.city': ['Need a city'], items: ['Cart is empty'] },
    });
    const rest = applyProblemToForm(form, error, [['shippingAddress', 'phone'], ['shippingAddress', 'city'], 'note']);
    expect(form.setFields).toHaveBeenCalledWith([
      { name: ['shippingAddress', 'phone'], errors: ['Bad phone'] },
      { name: ['shippingAddress', 'city'], errors: ['Need a city'] },
    ]);
    expect(rest).toEqual(['Cart is empty']);
  });

  it('does nothing for errors without field errors', () => {
    const form = formStub();
    expect(applyProblemToForm(form, new NetworkError(null), ['email'])).toEqual([]);
    expect(form.setFields).not.toHaveBeenCalled();
  });
});

describe('errorMessage', () => {
  const t = i18n.getFixedT('en-US');
  it('prefers the API detail', () => {
    expect(errorMessage(new ApiError(409, { detail: 'Only 2 left' }), t)).toBe('Only 2 left');
  });
  it('explains throttling with the wait', () => {
    expect(errorMessage(new ApiError(429, {}, 12), t)).toBe('Too many attempts. Please try again in 12 seconds.');
  });
  it('has words for network failures', () => {
    expect(errorMessage(new NetworkError(null), t)).toMatch(/connection/);
  });
});
