import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CARD_OK, expect, formatFen, OTHER_LANGUAGE, SHOTS_DIR, signIn, test, useLanguage, waitForQuietNetwork, type Order, type Product } from '../fixtures';

// The admin dashboard (/admin): a sale made through the API shows in today's numbers, the best
// sellers and the low-stock list, and reaches an open dashboard without a reload (live updates).

const address = { name: 'E2E Shopper', phone: '13800138000', line1: '人民路 1 号', city: '上海', province: '上海' };

test('the dashboard counts a new sale live, ranks it and warns of the stock it left', async ({ page, api, admin, shopper, runId }) => {
  const [category] = await api.call<{ id: string }[]>('GET', '/api/categories');
  const product = await api.call<Product>('POST', '/api/admin/products', {
    token: admin.token,
    // ¥99,999 a unit: whatever else the run sold today, this is the best seller by revenue.
    body: { name: `E2E Dashboard Piano ${runId}`, description: '', price: 9_999_900, stock: 4, lowStockThreshold: 3, category: category.id },
  });

  await signIn(page.context(), admin);
  await page.goto('/admin');
  await expect(page.getByTestId('sales-chart').locator('canvas')).toBeVisible();
  const before = Number(await page.getByTestId('today-orders').locator('.ant-statistic-content-value').innerText());

  await test.step('a shopper buys two and pays', async () => {
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 2 } });
    const placed = await api.call<Order>('POST', '/api/orders', { token: shopper.token, body: { shippingAddress: address } });
    await api.call('POST', `/api/orders/${placed.id}/pay`, { token: shopper.token, body: { method: 'card', cardNumber: CARD_OK } });
  });

  await test.step('the open dashboard counts it without a reload', async () => {
    await expect(page.getByTestId('today-orders').locator('.ant-statistic-content-value')).toHaveText(String(before + 1), { timeout: 10_000 });
  });

  await test.step('by revenue, it is the best seller of the last 30 days', async () => {
    await page.getByText(/By revenue|按销售额/).click();
    const first = page.getByTestId('top-products').locator('tbody tr').first();
    await expect(first).toContainText(product.name);
    await expect(first).toContainText(formatFen(2 * 9_999_900));
  });

  await test.step('two left of four is at its threshold of three: listed, with a link to restock', async () => {
    // Stock comes from the catalog copy of the API node, at most a second old: read again until it shows the sale.
    const row = page.getByTestId('low-stock').locator('tbody tr', { hasText: product.name });
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('2', { timeout: 2000 });
    }).toPass({ timeout: 15_000 });
    await row.getByRole('link').click();
    await expect(page).toHaveURL(/\/admin\/products\?q=/);
    await expect(page.getByTestId('admin-product-row').filter({ hasText: product.name })).toBeVisible();
  });
});

test('the dashboard in the other language, desktop and phone', async ({ browser, admin }) => {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport, isMobile: device === 'phone' });
    await useLanguage(context, OTHER_LANGUAGE);
    await signIn(context, admin);
    const page = await context.newPage();
    await page.goto('/admin');
    await expect(page.getByTestId('sales-chart').locator('canvas')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(OTHER_LANGUAGE === 'en-US' ? 'Dashboard' : '数据概览');
    await waitForQuietNetwork(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `the dashboard is ${width}px wide on a ${viewport.width}px screen`).toBeLessThanOrEqual(viewport.width + 1);
    await mkdir(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, `admin-dashboard-${OTHER_LANGUAGE}-${device}.png`), fullPage: true });
    await context.close();
  }
});
