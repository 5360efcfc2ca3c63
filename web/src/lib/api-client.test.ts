import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { api, ApiError, buildUrl, NetworkError, setUnauthorizedHandler } from './api-client';
import { tokenStore } from './token-store';

afterEach(() => setUnauthorizedHandler(() => {}));

describe('api client', () => {
  it('sends the stored token as a bearer token', async () => {
    const server = mockApi({ 'GET /api/cart': { body: { items: [] } } });
    tokenStore.set('abc');
    await api.get('/api/cart');
    expect(server.calls[0].headers.authorization).toBe('Bearer abc');
  });

  it('turns problem details into an ApiError with detail and field errors', async () => {
    mockApi({ 'POST /api/orders': problem(400, 'Bad address', { 'shippingAddress.phone': ['Phone is invalid'] }) });
    const error = await api.post('/api/orders', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('Bad address');
    expect((error as ApiError).problem.errors).toEqual({ 'shippingAddress.phone': ['Phone is invalid'] });
  });

  it('reads Retry-After on a 429', async () => {
    mockApi({ 'POST /api/auth/login': { ...problem(429, 'Slow down'), headers: { 'Retry-After': '30' } } });
    const error = (await api.post('/api/auth/login', {}, { authRedirect: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.retryAfter).toBe(30);
  });

  it('on a 401 clears the token and calls the unauthorized handler', async () => {
    mockApi({ 'GET /api/orders': problem(401, 'Expired') });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    tokenStore.set('stale');
    await expect(api.get('/api/orders')).rejects.toBeInstanceOf(ApiError);
    expect(tokenStore.get()).toBeNull();
    expect(handler).toHaveBeenCalledOnce();
  });

  it('leaves the session alone on a 401 that opted out (wrong password at login)', async () => {
    mockApi({ 'POST /api/auth/login': problem(401, 'Invalid credentials') });
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    tokenStore.set('still-good');
    await expect(api.post('/api/auth/login', {}, { authRedirect: false })).rejects.toBeInstanceOf(ApiError);
    expect(tokenStore.get()).toBe('still-good');
    expect(handler).not.toHaveBeenCalled();
  });

  it('reports a failed connection as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/api/categories')).rejects.toBeInstanceOf(NetworkError);
  });

  it('returns undefined for 204', async () => {
    mockApi({ 'DELETE /api/cart': { status: 204 } });
    await expect(api.delete('/api/cart')).resolves.toBeUndefined();
  });

  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/products', { q: 'tea cup', category: undefined, minPrice: 0, inStock: true, sort: '' })).toBe(
      '/api/products?q=tea+cup&minPrice=0&inStock=true',
    );
  });
});

describe('token store', () => {
  it('drops an expired token', () => {
    tokenStore.set('old', new Date(Date.now() - 1000).toISOString());
    expect(tokenStore.get()).toBeNull();
  });
});
