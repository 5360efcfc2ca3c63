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

  it('puts the translated code on the field a specific problem names', () => {
    const form = formStub();
    const error = new ApiError(400, {
      code: 'auth.wrong_password',
      errors: { currentPassword: ['The current password is incorrect.'] },
    });
    applyProblemToForm(form, error, ['currentPassword']);
    expect(form.setFields).toHaveBeenCalledWith([{ name: ['currentPassword'], errors: ['The current password is incorrect.'] }]);
    void i18n.changeLanguage('zh-CN');
    applyProblemToForm(form, error, ['currentPassword']);
    expect(form.setFields).toHaveBeenLastCalledWith([{ name: ['currentPassword'], errors: ['当前密码不正确。'] }]);
    void i18n.changeLanguage('en-US');
  });

  it('does nothing for errors without field errors', () => {
    const form = formStub();
    expect(applyProblemToForm(form, new NetworkError(null), ['email'])).toEqual([]);
    expect(form.setFields).not.toHaveBeenCalled();
  });
});

describe('errorMessage', () => {
  const t = i18n.getFixedT('en-US');
  it('translates the problem code with its parameters, in either language', () => {
    const error = new ApiError(409, { detail: 'Only 3 left in stock.', code: 'stock.insufficient', params: { available: 3 } });
    expect(errorMessage(error, t)).toBe('Only 3 left in stock.');
    expect(errorMessage(error, i18n.getFixedT('zh-CN'))).toBe('库存不足，仅剩 3 件。');
  });
  it('translates the order status a problem names', () => {
    const error = new ApiError(409, { detail: 'The order was shipped.', code: 'order.not_cancellable', params: { status: 'Shipped' } });
    expect(errorMessage(error, i18n.getFixedT('zh-CN'))).toBe('订单当前状态为“已发货”，已无法取消。');
  });
  it('falls back on the API detail for a code it does not know', () => {
    expect(errorMessage(new ApiError(409, { detail: 'Only 2 left', code: 'something.new' }), t)).toBe('Only 2 left');
    expect(errorMessage(new ApiError(409, { detail: 'Only 2 left' }), t)).toBe('Only 2 left');
  });
  it('explains throttling with the wait', () => {
    expect(errorMessage(new ApiError(429, {}, 12), t)).toBe('Too many attempts. Please try again in 12 seconds.');
  });
  it('has words for network failures', () => {
    expect(errorMessage(new NetworkError(null), t)).toMatch(/connection/);
  });
});
