/**
 * API answers the server put into the page it sent (`<script id="shop-data" type="application/json">`,
 * src/Shop.Api/Features/Web): the data the first screen was drawn from, keyed by the API URL the client
 * would request. The first GET of such a URL takes its answer from here instead of the network; once
 * only, so anything later (a refetch, a revisit) asks the API.
 */
let answers: Map<string, unknown> | undefined;

/** The same URL whatever the order and encoding of its parameters. */
export function normalizeUrl(url: string): string {
  const [path, query = ''] = url.split('?', 2);
  const params = [...new URLSearchParams(query)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return params.length ? `${path}?${new URLSearchParams(params).toString()}` : path;
}

function load(): Map<string, unknown> {
  const loaded = new Map<string, unknown>();
  const element = typeof document === 'undefined' ? null : document.getElementById('shop-data');
  if (element?.textContent) {
    try {
      for (const [url, body] of Object.entries(JSON.parse(element.textContent) as Record<string, unknown>)) loaded.set(normalizeUrl(url), body);
    } catch {
      // A broken block costs a request, nothing more.
    }
    element.remove();
  }
  return loaded;
}

/** The server's answer for a GET of `url`, if the page carried one and it was not taken yet. */
export function takeInitialAnswer(url: string): { body: unknown } | undefined {
  answers ??= load();
  const key = normalizeUrl(url);
  if (!answers.has(key)) return undefined;
  const body = answers.get(key);
  answers.delete(key);
  return { body };
}

/** For tests: forget what was loaded, so the next call reads the document again. */
export function resetInitialAnswers() {
  answers = undefined;
}
