import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { CARD_OK, expect, LANGUAGE, OTHER_LANGUAGE, SHOTS_DIR, signIn, test, useLanguage, waitForQuietNetwork, type Account, type Order, type Product } from '../fixtures';

// Reviews: a buyer reviews a delivered line from the order page; the product page shows it with the
// average; the author edits it; an admin hides it with a reason and shoppers no longer see it.

const address = { name: 'E2E Shopper', phone: '13800138000', line1: '人民路 1 号', city: '上海', province: '上海' };

test('a buyer reviews a delivered order line, edits it, and an admin hides it', async ({ page, browser, api, admin, shopper, runId }) => {
  const [category] = await api.call<{ id: string }[]>('GET', '/api/categories');
  const product = await api.call<Product>('POST', '/api/admin/products', {
    token: admin.token,
    body: { name: `E2E Review Kettle ${runId}`, description: '', price: 15_900, stock: 5, category: category.id },
  });
  const order = await test.step('the shopper buys it; the shop ships and delivers it', async () => {
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
    const placed = await api.call<Order>('POST', '/api/orders', { token: shopper.token, body: { shippingAddress: address } });
    await api.call('POST', `/api/orders/${placed.id}/pay`, { token: shopper.token, body: { method: 'card', cardNumber: CARD_OK } });
    await api.call('POST', `/api/admin/orders/${placed.id}/ship`, { token: admin.token, body: { carrier: 'SF', trackingNumber: 'SF1' } });
    await api.call('POST', `/api/admin/orders/${placed.id}/deliver`, { token: admin.token });
    return placed;
  });

  await signIn(page.context(), shopper);
  await test.step('four stars and a text, from the order page', async () => {
    await page.goto(`/account/orders/${order.id}`);
    await page.getByTestId('write-review').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').nth(3).click();
    await dialog.getByTestId('review-text').fill(`烧水快，很安静 ${runId}`);
    await dialog.getByTestId('review-submit').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('edit-review')).toBeVisible();
  });

  await test.step('the product page shows the average and the review, marked verified', async () => {
    await page.goto(`/products/${product.id}`);
    // The review count under the title leads to the reviews (they render as the reader comes near).
    await page.getByTestId('product-rating').getByRole('link').click();
    await expect(page.getByTestId('rating-summary')).toHaveAttribute('data-average', '4');
    await expect(page.getByTestId('rating-summary')).toBeInViewport();
    const review = page.getByTestId('review').filter({ hasText: runId });
    await expect(review.getByTestId('review-verified')).toBeVisible();
    await expect(page.getByTestId('product-rating')).toBeVisible();
  });

  await test.step('the author changes it to five stars', async () => {
    await page.getByTestId('review').filter({ hasText: runId }).getByTestId('review-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').nth(4).click();
    await dialog.getByTestId('review-submit').click();
    await expect(page.getByTestId('rating-summary')).toHaveAttribute('data-average', '5');
  });

  await test.step('an admin hides it with a reason; shoppers see no review', async () => {
    const context = await browser.newContext();
    await useLanguage(context);
    await signIn(context, admin);
    const adminPage = await context.newPage();
    await adminPage.goto('/admin/reviews');
    const row = adminPage.getByTestId('admin-review-row').filter({ hasText: runId });
    await row.getByTestId('hide-review').click();
    await adminPage.getByTestId('hide-reason').fill('E2E: 测试隐藏');
    await adminPage.getByTestId('hide-review-confirm').click();
    await expect(row).toHaveAttribute('data-hidden', 'true');
    await context.close();

    await page.reload();
    await showReviews(page);
    await expect(page.getByTestId('reviews-empty')).toBeVisible();
  });
});

test('reviews and their moderation in both languages, desktop and phone', async ({ browser, api, admin }) => {
  // The demo catalog's best-rated product: its reviews come from the demo buyers' delivered orders.
  const best = (await api.call<{ items: Product[] }>('GET', '/api/products?sort=rating&pageSize=1')).items[0];
  for (const language of [LANGUAGE, OTHER_LANGUAGE]) {
    for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      await shoot(browser, language, device, viewport, `/products/${best.id}`, 'product-reviews', `reviews-${language}-${device}.png`);
      await shoot(browser, language, device, viewport, '/admin/reviews', 'admin-reviews', `admin-reviews-${language}-${device}.png`, admin);
    }
  }
});

/** The product page's reviews render as the reader comes near them. */
async function showReviews(page: Page) {
  await page.getByTestId('reviews-place').scrollIntoViewIfNeeded();
}

async function shoot(browser: Browser, language: string, device: string, viewport: { width: number; height: number }, url: string, testId: string, file: string, account?: Account) {
  const context = await browser.newContext({ viewport, isMobile: device === 'phone' });
  await useLanguage(context, language);
  if (account) await signIn(context, account);
  const page = await context.newPage();
  await page.goto(url);
  if (testId === 'product-reviews') await showReviews(page);
  const section = page.getByTestId(testId);
  await expect(section.getByTestId(testId === 'admin-reviews' ? 'admin-review-row' : 'review').first()).toBeVisible();
  await waitForQuietNetwork(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${url} is ${width}px wide on a ${viewport.width}px screen`).toBeLessThanOrEqual(viewport.width + 1);
  // The section at the top of the screen, under the sticky header, as a reader scrolled to it sees it.
  await section.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 72));
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, file) });
  await context.close();
}
