import { CARD_OK, expect, signIn, test, type Order } from '../fixtures';

// Live updates (GET /api/live): changes made elsewhere reach an open page without a reload.

const address = { name: 'E2E Shopper', phone: '13800138000', line1: '人民路 1 号', city: '上海', province: '上海' };

test('an order page shows the shipment an admin makes, and the cart badge follows another tab', async ({
  page, api, admin, product, shopper,
}) => {
  await signIn(page.context(), shopper);
  const order = await test.step('the shopper has a paid order', async () => {
    await api.call('POST', '/api/cart/items', { token: shopper.token, body: { productId: product.id, quantity: 1 } });
    const placed = await api.call<Order>('POST', '/api/orders', { token: shopper.token, body: { shippingAddress: address } });
    await api.call('POST', `/api/orders/${placed.id}/pay`, { token: shopper.token, body: { method: 'card', cardNumber: CARD_OK } });
    return placed;
  });

  await test.step('an admin ships it while the shopper looks at it', async () => {
    // The stream is open once the API has answered its request (its first event, resync, follows at once).
    const streamOpen = page.waitForResponse((response) => response.url().endsWith('/api/live') && response.ok());
    await page.goto(`/account/orders/${order.id}`);
    const detail = page.getByTestId('order-detail');
    await expect(detail).toHaveAttribute('data-status', 'Paid');
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await streamOpen;

    await api.call('POST', `/api/admin/orders/${order.id}/ship`, { token: admin.token, body: { carrier: 'SF', trackingNumber: 'SF-LIVE' } });

    await expect(detail, 'the page shows the shipment without a reload').toHaveAttribute('data-status', 'Shipped', { timeout: 5000 });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  await test.step('a cart change in another tab shows in this one', async () => {
    const badge = page.getByTestId('cart-badge').first();
    await expect(badge).toHaveAttribute('data-count', '0');
    const other = await page.context().newPage();
    await other.goto(`/products/${product.id}`);
    await other.getByTestId('add-to-cart').click();
    await expect(other.locator('[data-testid="cart-badge"]:not([data-count="0"])').first()).toBeVisible();
    await other.close();
    // No reload, and the cart read at load is still fresh (staleTime): only the live event refreshes it.
    await expect(badge, 'the first tab counts the item added in the second').not.toHaveAttribute('data-count', '0', { timeout: 5000 });
  });
});
