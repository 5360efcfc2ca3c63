// Time from starting navigation until the page shows real content (not a skeleton), printed as a table
// and kept as annotations of the test. docs/performance.md quotes these figures.
import { test, expect, useLanguage } from '../fixtures';

const RUNS = Number(process.env.SHOP_E2E_BENCH_RUNS ?? 3);
const targets = [
  { name: 'home', url: '/', ready: '[data-testid="featured-products"] [data-testid="product-card"]' },
  { name: 'product list', url: '/products?sort=popular', ready: '[data-testid="product-grid"] [data-testid="product-card"]' },
];

test('time until home and the product list show content', async ({ browser }, testInfo) => {
  const { baseURL, locale, viewport } = testInfo.project.use;
  const rows = [];
  for (const target of targets) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ baseURL, locale, viewport });
      await useLanguage(context);
      const page = await context.newPage();
      for (const bucket of [cold, warm]) {
        const started = performance.now();
        await page.goto(target.url, { waitUntil: 'commit' });
        await expect(page.locator(target.ready).first()).toBeVisible();
        bucket.push(performance.now() - started);
      }
      await context.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const row = {
      page: target.name,
      'cold median ms': Math.round(median(cold)),
      'cold max ms': Math.round(Math.max(...cold)),
      'warm median ms': Math.round(median(warm)),
    };
    rows.push(row);
    testInfo.annotations.push({
      type: 'timing',
      description: `${row.page}: cold median ${row['cold median ms']} ms (max ${row['cold max ms']}), warm median ${row['warm median ms']} ms`,
    });
  }
  console.log(`\nTime until content is visible (${RUNS} runs each; cold = new browser context, warm = same context again):`);
  console.table(rows);
});
