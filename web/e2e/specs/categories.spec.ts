import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { choose, expect, LANGUAGE, OTHER_LANGUAGE, SHOTS_DIR, signIn, test, useLanguage, waitForQuietNetwork, type Product } from '../fixtures';

// Categories that admins manage: a new category and subcategory made in the admin page reach the
// shop's filters and lists; archiving the subcategory moves its product to the category chosen.

test('an admin adds a category with a subcategory, shoppers find its products, and archiving moves them', async ({ page, browser, api, admin, runId }) => {
  const parentId = `e2e-${runId}`.toLowerCase().slice(0, 30);
  const childId = `${parentId}-sub`;
  await signIn(page.context(), admin);
  await page.goto('/admin/categories');

  await test.step('a top-level category and a subcategory, from the admin page', async () => {
    for (const [id, name, nameEn, parent] of [[parentId, `测试宠物 ${runId}`, `E2E Pets ${runId}`, null], [childId, `测试猫粮 ${runId}`, `E2E Cat food ${runId}`, parentId]] as const) {
      await page.getByTestId('new-category').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('category-name').fill(name);
      await dialog.getByTestId('category-name-en').fill(nameEn);
      await dialog.getByTestId('category-id').fill(id);
      if (parent) await choose(page, 'category-parent', `parent-option-${parent}`);
      await dialog.getByTestId('category-form-submit').click();
      await expect(dialog).toBeHidden();
      await expect(page.locator(`[data-testid="admin-category-row"][data-category-id="${id}"]`)).toBeVisible();
    }
  });

  const product = await api.call<Product>('POST', '/api/admin/products', {
    token: admin.token,
    body: { name: `E2E Kibble ${runId}`, description: '', price: 5900, stock: 9, category: childId },
  });

  await test.step('shoppers find it under the subcategory and under its parent', async () => {
    const shopper = await browser.newContext();
    await useLanguage(shopper);
    const shop = await shopper.newPage();
    for (const category of [childId, parentId]) {
      await shop.goto(`/products?category=${category}`);
      await expect(shop.getByTestId('product-card').filter({ hasText: product.name })).toBeVisible();
    }
    await shop.goto('/');
    await expect(shop.locator(`[data-testid="category-card"][data-category-id="${parentId}"]`)).toBeVisible();
    await expect(shop.locator(`[data-testid="category-card"][data-category-id="${childId}"]`)).toHaveCount(0); // top level only
    await shopper.close();
  });

  await test.step('the admin page in both languages, desktop and phone', async () => {
    for (const language of [LANGUAGE, OTHER_LANGUAGE]) {
      for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
        const context = await browser.newContext({ viewport, isMobile: device === 'phone' });
        await useLanguage(context, language);
        await signIn(context, admin);
        const shot = await context.newPage();
        await shot.goto('/admin/categories');
        await expect(shot.locator(`[data-testid="admin-category-row"][data-category-id="${childId}"]`)).toBeVisible();
        await waitForQuietNetwork(shot);
        await mkdir(SHOTS_DIR, { recursive: true });
        await shot.screenshot({ path: path.join(SHOTS_DIR, `admin-categories-${language}-${device}.png`) });
        await context.close();
      }
    }
  });

  await test.step('archiving the subcategory asks where its product goes, and moves it there', async () => {
    await page.reload();
    await page.locator(`[data-testid="admin-category-row"][data-category-id="${childId}"]`).getByTestId('archive-category').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('1');
    await choose(page, 'archive-move-to', `move-option-${parentId}`);
    await dialog.getByTestId('archive-category-confirm').click();
    await expect(page.locator(`[data-testid="admin-category-row"][data-category-id="${childId}"]`)).toHaveAttribute('data-archived', 'true');
    expect((await api.call<Product>('GET', `/api/products/${product.id}`)).category).toBe(parentId);
  });

  // Leave the shop's categories as they were for the other tests: the product goes home, the category to the archive.
  await api.call('POST', `/api/admin/categories/${parentId}/archive`, { token: admin.token, body: { moveTo: 'home' } });
});
