import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '@/test/fetch-mock';
import { api, ApiError, setUnauthorizedHandler } from './api-client';
import { tokenStore } from './token-store';
import script from '../../public/early.js?raw';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

function earlyStarted(token: string, responses: Record<string, Promise<Response>>) {
  window.__shopEarly = { token, responses };
}

afterEach(() => {
  delete window.__shopEarly;
  setUnauthorizedHandler(() => {});
  tokenStore.clear();
  window.history.replaceState(null, '', '/');
});

describe('requests /early.js started', () => {
  it('answer the first GET of their URL with the same token, once', async () => {
    tokenStore.set('t1');
    earlyStarted('t1', { '/api/cart': Promise.resolve(json({ itemCount: 2 })) });
    const server = mockApi({ 'GET /api/cart': { body: { itemCount: 5 } } });

    expect(await api.get('/api/cart')).toEqual({ itemCount: 2 });
    expect(server.callsTo('GET /api/cart')).toHaveLength(0);
    expect(await api.get('/api/cart')).toEqual({ itemCount: 5 });
    expect(server.callsTo('GET /api/cart')).toHaveLength(1);
  });

  it('are not used for another token, another URL or a write', async () => {
    tokenStore.set('t2');
    earlyStarted('t1', { '/api/cart': Promise.resolve(json({ itemCount: 2 })) });
    const server = mockApi({ 'GET /api/cart': { body: { itemCount: 5 } }, 'DELETE /api/cart': { status: 204 }, 'GET /api/auth/me': { body: { id: 'u' } } });
    expect(await api.get('/api/cart')).toEqual({ itemCount: 5 });

    earlyStarted('t2', { '/api/cart': Promise.resolve(json({ itemCount: 2 })) });
    await api.delete('/api/cart');
    expect(await api.get('/api/auth/me')).toEqual({ id: 'u' });
    expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['GET /api/cart', 'DELETE /api/cart', 'GET /api/auth/me']);
  });

  it('are asked again when they failed on the way, and a 401 ends the session as any other', async () => {
    tokenStore.set('t1');
    earlyStarted('t1', { '/api/cart': Promise.reject(new TypeError('offline')), '/api/auth/me': Promise.resolve(json({ title: 'Expired' }, 401)) });
    const server = mockApi({ 'GET /api/cart': { body: { itemCount: 5 } }, 'GET /api/auth/me': problem(401, 'Expired') });
    expect(await api.get('/api/cart')).toEqual({ itemCount: 5 });

    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    await expect(api.get('/api/auth/me')).rejects.toBeInstanceOf(ApiError);
    expect(server.callsTo('GET /api/auth/me')).toHaveLength(0);
    expect(handler).toHaveBeenCalledOnce();
    expect(tokenStore.get()).toBeNull();
  });
});

describe('/early.js', () => {
  const run = () => new Function(script)() as void;

  it('does nothing for a visitor', () => {
    const server = mockApi();
    run();
    expect(server.calls).toHaveLength(0);
    expect(window.__shopEarly).toBeUndefined();
  });

  it('asks for the account on any page, and on the cart page for the cart and its pictures', async () => {
    tokenStore.set('t1');
    window.history.replaceState(null, '', '/cart');
    const images: string[] = [];
    vi.spyOn(window, 'Image').mockImplementation(function (this: { src: string }) {
      Object.defineProperty(this, 'src', { set: (url: string) => images.push(url) });
    } as unknown as () => HTMLImageElement);
    const server = mockApi({
      'GET /api/auth/me': { body: { id: 'u' } },
      'GET /api/cart': { body: { items: [{ imageUrl: '/api/media/a.svg' }, { imageUrl: '/api/media/b.svg' }] } },
    });
    run();
    expect(server.calls.map((call) => `${call.path} ${call.headers.authorization}`)).toEqual(['/api/auth/me Bearer t1', '/api/cart Bearer t1']);
    await vi.waitFor(() => expect(images).toEqual(['/api/media/a.svg', '/api/media/b.svg']));
    // The client takes the same responses.
    expect(await api.get('/api/cart')).toEqual({ items: [{ imageUrl: '/api/media/a.svg' }, { imageUrl: '/api/media/b.svg' }] });
    expect(server.callsTo('GET /api/cart')).toHaveLength(1);
    vi.restoreAllMocks();
  });

  it('asks only for the account elsewhere', () => {
    tokenStore.set('t1');
    window.history.replaceState(null, '', '/products');
    const server = mockApi({ 'GET /api/auth/me': { body: { id: 'u' } } });
    run();
    expect(server.calls.map((call) => call.path)).toEqual(['/api/auth/me']);
  });
});
