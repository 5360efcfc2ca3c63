// Runs first (the "preflight" project); every other project depends on it.
import { test, expect } from '@playwright/test';

test('API and web client are served', async ({ request, baseURL }) => {
  const categories = await request.get('/api/categories').catch((error: Error) => error);
  expect(
    categories instanceof Error ? categories.message : categories.ok(),
    `the API is not answering at ${baseURL}/api/categories; start it or set SHOP_URL`,
  ).toBe(true);
  const index = await (await request.get('/products?from=e2e')).text();
  expect(index, `${baseURL}/products does not serve the web client's index.html (build web/ and let the API serve it)`).toContain('id="root"');
});
