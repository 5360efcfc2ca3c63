// A shopper finds the run's product (made by the `product` fixture) and buys two of it.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import {
  test, expect, field, choose, productCard, expectSearchHit, signIn, formatFen, orderTotal, CARD_DECLINED, CARD_OK, SHOTS_DIR,
} from '../fixtures';

test('finds the product by search and filters, all in the URL', async ({ page, product, runId }) => {
  const minYuan = Math.floor(product.price / 100);
  const maxYuan = Math.ceil(product.price / 100) + 1;

  await test.step('searches from the home page', async () => {
    await page.goto('/');
    const box = page.getByTestId('home-search').locator('input');
    await box.fill(runId);
    await box.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === '/products' && url.searchParams.get('q') === runId);
    await expectSearchHit(page, `/products?q=${runId}`, product.id);
  });

  await test.step('filters by category, stock, price and sort (all in the URL)', async () => {
    await choose(page, 'filter-category', `category-option-${product.category}`);
    await expect(page).toHaveURL((url) => url.searchParams.get('category') === product.category);
    await page.getByTestId('filter-in-stock').click(); // not check(): the box follows the URL, a moment later
    await expect(page).toHaveURL((url) => url.searchParams.get('inStock') === 'true');
    await field(page, 'filter-min-price').fill(String(minYuan));
    await field(page, 'filter-max-price').fill(String(maxYuan));
    await page.getByTestId('filter-price-apply').click();
    await expect(page).toHaveURL(
      (url) => url.searchParams.get('minPrice') === String(minYuan) && url.searchParams.get('maxPrice') === String(maxYuan),
    );
    await choose(page, 'sort-select', 'sort-option-price_asc');
    await expect(page).toHaveURL((url) => url.searchParams.get('sort') === 'price_asc');
    await expect(productCard(page, product.id)).toBeVisible();
  });

  await test.step('the filtered URL survives a reload', async () => {
    await page.reload();
    await expect(productCard(page, product.id)).toBeVisible();
    await expect(field(page, 'filter-min-price'), 'min price restored from the URL').toHaveValue(String(minYuan));
    await expect(page.getByTestId('filter-in-stock'), 'in-stock restored from the URL').toBeChecked();
  });
});

test('buys two: a declined card, then a good one; the paid order is in the personal center and cancelling refunds it', async ({
  page, api, product, runId, shopper,
}) => {
  await signIn(page.context(), shopper);
  const subtotal = product.price * 2;

  await test.step('opens the product', async () => {
    await expectSearchHit(page, `/products?q=${runId}`, product.id);
    await productCard(page, product.id).click();
    await expect(page).toHaveURL(new RegExp(`/products/${product.id}$`));
    await expect(page.getByTestId('product-detail')).toBeVisible();
    await expect(page.getByTestId('product-detail-price')).toContainText(formatFen(product.price));
  });

  await test.step('adds it to the cart', async () => {
    await page.getByTestId('add-to-cart').click();
    await expect(page.locator('[data-testid="cart-badge"]:not([data-count="0"])'), 'cart badge counts the item').toBeVisible();
    await expect(page.locator('.ant-message .ant-message-success'), 'a toast says it is in the cart').toBeVisible();
  });

  await test.step('changes the quantity in the cart', async () => {
    await page.getByTestId('cart-badge').click();
    await expect(page).toHaveURL(/\/cart$/);
    const line = page.locator(`[data-testid="cart-line"][data-product-id="${product.id}"]`);
    await line.getByTestId('quantity-increase').click();
    await expect(line.getByTestId('cart-line-total')).toContainText(formatFen(subtotal));
    await expect(page.getByTestId('cart-subtotal')).toContainText(formatFen(subtotal));
  });

  const orderId = await test.step('checks out with an address', async () => {
    await page.getByTestId('checkout-button').click();
    await expect(page).toHaveURL(/\/checkout$/);
    await field(page, 'address-name').fill('E2E Shopper');
    await field(page, 'address-phone').fill('13800138000');
    await field(page, 'address-province').fill('上海');
    await field(page, 'address-city').fill('上海市');
    await field(page, 'address-line1').fill('人民路 1 号');
    await field(page, 'address-postal-code').fill('200000');
    await page.getByTestId('place-order').click();
    await expect(page).toHaveURL((url) => url.searchParams.has('order'));
    await expect(page.getByTestId('payment-panel')).toBeVisible();
    return new URL(page.url()).searchParams.get('order')!;
  });

  await test.step('a declined card is shown and the order stays payable', async () => {
    await field(page, 'card-number').fill(CARD_DECLINED);
    await page.getByTestId('pay-button').click();
    await expect(page.getByTestId('payment-declined')).toBeVisible();
    await expect(page.getByTestId('payment-panel')).toBeVisible();
    await mkdir(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, 'payment-declined-desktop.png'), fullPage: true });
    expect((await api.order(orderId, shopper.token)).status, 'order status after the decline').toBe('PendingPayment');
  });

  await test.step('pays with a good card', async () => {
    await field(page, 'card-number').fill(CARD_OK);
    await page.getByTestId('pay-button').click();
    await expect(page.getByTestId('payment-success')).toBeVisible();
  });

  await test.step('the paid order is in the personal center', async () => {
    await page.goto('/account/orders');
    const row = page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
    await expect(row).toHaveAttribute('data-status', 'Paid');
    await row.getByTestId('order-details-link').click();
    await expect(page.getByTestId('order-detail')).toHaveAttribute('data-status', 'Paid');
    await expect(page.getByTestId('order-total'), 'order total = subtotal + shipping rule').toContainText(formatFen(orderTotal(subtotal)));
    await expect(page.locator('[data-testid="timeline-entry"][data-status="Paid"]')).toBeVisible();
  });

  await test.step('cancelling the paid order refunds it', async () => {
    await page.getByTestId('cancel-order').click();
    await page.getByTestId('cancel-order-confirm').click();
    await expect(page.getByTestId('order-detail')).toHaveAttribute('data-status', 'Refunded');
    await expect(page.locator('.ant-message .ant-message-success'), 'a toast says it is cancelled and refunded').toBeVisible();
    await expect(page.locator('[data-testid="timeline-entry"][data-status="Refunded"]')).toBeVisible();
  });
});
