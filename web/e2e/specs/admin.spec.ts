import { test, expect, field, choose, expectSearchHit } from '../fixtures';

test('admin creates a product in the admin pages and shoppers can find it', async ({ page, api, admin, runId }) => {
  const name = `E2E Desk Lamp ${runId}`;

  await test.step('admin logs in', async () => {
    await page.goto('/login');
    await field(page, 'login-email').fill(admin.email);
    await field(page, 'login-password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    await expect(page).not.toHaveURL(/\/login/);
    await expect(page.locator('[data-testid="account-menu"][data-role="admin"]')).toBeVisible();
  });

  await test.step('admin sees admin navigation', async () => {
    await page.getByTestId('nav-admin-products').click();
    await expect(page.getByTestId('admin-products')).toBeVisible();
  });

  await test.step('admin creates a product', async () => {
    await page.getByTestId('admin-product-create').click();
    await field(page, 'product-form-name').fill(name);
    await field(page, 'product-form-description').fill(`Created by the end-to-end run ${runId}.`);
    await field(page, 'product-form-price').fill('45.50');
    await field(page, 'product-form-stock').fill('20');
    await choose(page, 'product-form-category');
    await field(page, 'product-form-brand').fill('E2E');
    await page.getByTestId('product-form-submit').click();
    await expect(page.getByTestId('product-form')).toBeHidden();
  });

  const product = await test.step('the new product is in the catalog', async () => {
    await expect
      .poll(async () => (await api.search(runId)).items.find((p) => p.name === name), {
        message: `GET /api/products?q=${runId} lists "${name}"`,
        intervals: [1000],
        timeout: 10_000,
      })
      .toBeTruthy();
    const found = (await api.search(runId)).items.find((p) => p.name === name)!;
    expect(found.price, 'price in fen').toBe(4550);
    return found;
  });

  await test.step('admin orders page loads', async () => {
    await page.getByTestId('nav-admin-orders').click();
    await expect(page.getByTestId('admin-orders')).toBeVisible();
  });

  await test.step('the storefront search lists the new product', async () => {
    await expectSearchHit(page, `/products?q=${runId}`, product.id);
  });
});
