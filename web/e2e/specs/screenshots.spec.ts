// Screenshots of the main pages to SHOP_SCREENSHOTS_DIR as <page>-<project>.png (desktop 1280×800, phone
// 375×812), each also checking that the page does not scroll sideways.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test as base, expect, signIn, waitForQuietNetwork, CARD_OK, SHOTS_DIR, type Account } from '../fixtures';

type Shot = { name: string; url: string; ready: string; as?: 'customer' | 'admin' };

/** A shopper with some history, so that the cart, checkout and order pages show content. */
const test = base.extend<{}, { customer: Account & { orderId: string } }>({
  customer: [
    async ({ api, product, runId }, use) => {
      const account = await api.register(`${runId}-shots@example.com`, `Pw-${runId}-ok`, 'E2E Shopper');
      const token = account.token;
      await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 2 } });
      const order = await api.call<{ id: string }>('POST', '/api/orders', {
        token,
        body: { shippingAddress: { name: 'E2E Shopper', phone: '13800138000', province: '上海', city: '上海市', line1: '人民路 1 号', postalCode: '200000' } },
      });
      await api.call('POST', `/api/orders/${order.id}/pay`, { token, body: { method: 'card', cardNumber: CARD_OK } });
      await api.call('POST', `/api/orders/${order.id}/cancel`, { token });
      await api.call('POST', '/api/cart/items', { token, body: { productId: product.id, quantity: 1 } });
      await use({ ...account, orderId: order.id });
      await api.call('DELETE', '/api/cart', { token }).catch(() => {});
    },
    { scope: 'worker' },
  ],
});

const shots: Shot[] = [
  { name: 'home', url: '/', ready: '[data-testid="featured-products"] [data-testid="product-card"]' },
  { name: 'products', url: '/products?sort=popular', ready: '[data-testid="product-card"]' },
  { name: 'search', url: '/products?q={runId}', ready: '[data-testid="product-card"], [data-testid="products-empty"]' },
  { name: 'product', url: '/products/{productId}', ready: '[data-testid="product-detail"]' },
  { name: 'login', url: '/login', ready: '[data-testid="login-form"]' },
  { name: 'register', url: '/register', ready: '[data-testid="register-form"]' },
  { name: 'cart', url: '/cart', ready: '[data-testid="cart-line"], [data-testid="cart-empty"]', as: 'customer' },
  { name: 'checkout', url: '/checkout', ready: '[data-testid="checkout-form"], [data-testid="checkout-empty"]', as: 'customer' },
  { name: 'account', url: '/account', ready: '[data-testid="account-page"]', as: 'customer' },
  { name: 'orders', url: '/account/orders', ready: '[data-testid="order-row"], [data-testid="orders-empty"]', as: 'customer' },
  { name: 'order-detail', url: '/account/orders/{orderId}', ready: '[data-testid="order-detail"]', as: 'customer' },
  { name: 'admin-products', url: '/admin/products', ready: '[data-testid="admin-product-row"]', as: 'admin' },
  { name: 'admin-dashboard', url: '/admin', ready: '[data-testid="sales-chart"] canvas', as: 'admin' },
  { name: 'admin-orders', url: '/admin/orders', ready: '[data-testid="admin-order-row"], [data-testid="admin-orders"] .ant-empty', as: 'admin' },
];

/** Opens the page, lets lazy images and skeletons settle, and saves a full-page shot. */
async function shoot(page: Page, url: string, ready: string, file: string) {
  await page.goto(url);
  await expect(page.locator(ready).first()).toBeVisible();
  await waitForQuietNetwork(page);
  // Walk down the page so lazy images load before the full-page shot, then back up.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    window.scrollTo(0, 0);
  });
  await waitForQuietNetwork(page);
  await page.waitForTimeout(300); // let skeletons and images settle
  const width = page.viewportSize()!.width;
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `${url} is ${scrollWidth}px wide on a ${width}px screen (horizontal scrolling)`).toBeLessThanOrEqual(width + 1);
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, file), fullPage: true });
}

for (const shot of shots) {
  // The accounts are worker fixtures: made once per project, whichever page needs them.
  test(`screenshot ${shot.name}`, async ({ page, runId, product, customer, admin }, testInfo) => {
    if (shot.as) await signIn(page.context(), shot.as === 'admin' ? admin : customer);
    const url = shot.url.replace('{runId}', runId).replace('{productId}', product.id).replace('{orderId}', customer.orderId);
    await shoot(page, url, shot.ready, `${shot.name}-${testInfo.project.name}.png`);
  });
}
