/**
 * Requests that /early.js (web/public) started from the HTML, before the scripts arrived: the signed-in
 * shopper's account, and on the cart and checkout pages the cart. The client's first GET of such a URL,
 * with the same token, takes that request's response instead of asking again; once only, so anything later
 * (a refetch, a revisit) asks the API.
 */
interface EarlyRequests {
  token: string;
  responses: Record<string, Promise<Response> | undefined>;
}

declare global {
  interface Window {
    __shopEarly?: EarlyRequests;
  }
}

/** The response /early.js started for a GET of `url` with `token`, if any and not taken yet. */
export function takeEarlyResponse(url: string, token: string | null): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__shopEarly;
  if (!early || !token || early.token !== token) return undefined;
  const response = early.responses[url];
  delete early.responses[url];
  return response;
}
