import type { ProblemDetails } from '@/types/api';
import { takeEarlyResponse } from './early-requests';
import { takeInitialAnswer } from './initial-data';
import { tokenStore } from './token-store';

/** Any non-2xx answer, carrying the problem details the API sent (or what we could infer). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;
  /** Seconds from a 429's Retry-After header, when present. */
  readonly retryAfter?: number;

  constructor(status: number, problem: ProblemDetails, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }
}

/** The request never got an HTTP answer (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler = () => {};

/** The app installs this once: it knows the router and where to send the user. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler) {
  onUnauthorized = handler;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Whether a 401 means "your session is gone" (clear it, go to login). Login answers 401 for a
   * wrong password, and change-password for a wrong current password: those opt out.
   */
  authRedirect?: boolean;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header); // Retry-After may also be an HTTP date
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readProblem(response: Response): Promise<ProblemDetails> {
  const text = await response.text().catch(() => '');
  if (!text) return { status: response.status };
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return { status: response.status, ...(parsed as ProblemDetails) };
  } catch {
    // A proxy's HTML error page, say: not worth showing to a shopper.
  }
  return { status: response.status };
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, headers = {}, signal, authRedirect = true } = options;
  const token = tokenStore.get();
  const finalHeaders: Record<string, string> = { Accept: 'application/json, application/problem+json', ...headers };
  if (body !== undefined) finalHeaders['Content-Type'] = 'application/json';
  if (token) finalHeaders.Authorization = `Bearer ${token}`;

  // The catalog data the server sent with the page: no second trip for it.
  const url = buildUrl(path, query);
  const initial = method === 'GET' ? takeInitialAnswer(url) : undefined;
  if (initial) return initial.body as T;

  const send = () => fetch(url, { method, headers: finalHeaders, body: body === undefined ? undefined : JSON.stringify(body), signal });
  // The shopper's own data that /early.js asked for while the scripts were downloading: the same request
  // (asked again if it failed on the way).
  const early = method === 'GET' && Object.keys(headers).length === 0 ? takeEarlyResponse(url, token) : undefined;
  let response: Response;
  try {
    response = await (early ? early.catch(send) : send());
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && authRedirect) {
      tokenStore.clear();
      onUnauthorized();
    }
    throw new ApiError(response.status, problem, parseRetryAfter(response.headers.get('Retry-After')));
  }

  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
