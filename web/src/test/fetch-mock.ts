import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  url: URL;
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface MockReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (call: RecordedCall) => MockReply | Promise<MockReply>;

/**
 * Stubs global fetch, the boundary between the app and the API. Routes are "METHOD /path"
 * (exact path, query ignored); anything unexpected answers 500 and is listed in `unexpected`,
 * so a test can assert nothing stray was called.
 */
export function mockApi(routes: Record<string, Handler | MockReply> = {}) {
  const table = new Map(Object.entries(routes));
  const calls: RecordedCall[] = [];
  const unexpected: RecordedCall[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://shop.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const call: RecordedCall = { method, url, path: url.pathname, body, headers };
    calls.push(call);
    const route = table.get(`${method} ${url.pathname}`);
    if (!route) {
      unexpected.push(call);
      return new Response(JSON.stringify({ title: `unmocked ${method} ${url.pathname}` }), { status: 500 });
    }
    const reply = typeof route === 'function' ? await route(call) : route;
    const status = reply.status ?? 200;
    const isProblem = status >= 400;
    return new Response(reply.body === undefined || status === 204 ? null : JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': isProblem ? 'application/problem+json' : 'application/json', ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    calls,
    unexpected,
    fetchMock,
    on(route: string, handler: Handler | MockReply) {
      table.set(route, handler);
    },
    callsTo(route: string) {
      const [method, path] = route.split(' ');
      return calls.filter((call) => call.method === method && call.path === path);
    },
  };
}

export const problem = (status: number, detail: string, errors?: Record<string, string[]>): MockReply => ({
  status,
  body: { type: 'about:blank', title: 'Error', status, detail, ...(errors ? { errors } : {}) },
});
