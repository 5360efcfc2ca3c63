import { afterEach, describe, expect, it } from 'vitest';
import { mockApi } from '@/test/fetch-mock';
import { api } from './api-client';
import { normalizeUrl, resetInitialAnswers, takeInitialAnswer } from './initial-data';

function pageCarries(data: Record<string, unknown>) {
  const script = document.createElement('script');
  script.id = 'shop-data';
  script.type = 'application/json';
  script.textContent = JSON.stringify(data);
  document.body.appendChild(script);
}

afterEach(() => {
  document.getElementById('shop-data')?.remove();
  resetInitialAnswers();
});

describe('API answers carried by the page', () => {
  it('answers the first GET of a carried URL without the network, whatever the order of its parameters, and only once', async () => {
    // As the server writes the key: parameters sorted.
    pageCarries({ '/api/products?inStock=true&page=1&pageSize=8&sort=popular': { items: [], total: 7, page: 1, pageSize: 8 } });
    const server = mockApi({ 'GET /api/products': { body: { items: [], total: 99, page: 1, pageSize: 8 } } });

    // As the client builds it: in its own order.
    const first = await api.get<{ total: number }>('/api/products', { query: { sort: 'popular', inStock: true, pageSize: 8, page: 1 } });
    expect(first.total).toBe(7);
    expect(server.callsTo('GET /api/products')).toHaveLength(0);
    expect(document.getElementById('shop-data')).toBeNull();

    const second = await api.get<{ total: number }>('/api/products', { query: { sort: 'popular', inStock: true, pageSize: 8, page: 1 } });
    expect(second.total).toBe(99);
    expect(server.callsTo('GET /api/products')).toHaveLength(1);
  });

  it('asks the API for anything the page did not carry', async () => {
    pageCarries({ '/api/categories': [] });
    const server = mockApi({ 'GET /api/products/p1': { body: { id: 'p1' } } });
    expect(await api.get('/api/products/p1')).toEqual({ id: 'p1' });
    expect(server.callsTo('GET /api/products/p1')).toHaveLength(1);
    expect(takeInitialAnswer('/api/categories')).toEqual({ body: [] });
  });

  it('normalizes parameter order and encoding', () => {
    expect(normalizeUrl('/api/products?q=%E8%80%B3%E6%9C%BA+pro&page=1')).toBe(normalizeUrl('/api/products?page=1&q=耳机%20pro'));
    expect(normalizeUrl('/api/categories')).toBe('/api/categories');
  });
});
