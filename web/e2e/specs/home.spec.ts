import { test, expect } from '../fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
});

test('home shows categories and products', async ({ page }) => {
  await expect(page.locator('[data-testid="featured-categories"] [data-testid="category-card"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="featured-products"] [data-testid="product-card"]').first()).toBeVisible();
});

// antd runs without its CSS-in-JS (theme.zeroRuntime): a component whose styles the build did not give to
// the page's chunk (build/antd-css.ts) would render unstyled, which no other test would notice.
test("antd's build-time styles style the page in the theme", async ({ page }) => {
  // The header's register button (the home page's search is a plain form, drawn as the server draws it).
  const button = page.getByTestId('header-register');
  await expect(button, 'register button border').toHaveCSS('border-top-color', 'rgb(196, 51, 10)');
  await expect(button, 'register button corners').not.toHaveCSS('border-top-right-radius', '0px');
  await expect(button, 'register button cursor').toHaveCSS('cursor', 'pointer');
  await expect(page.locator('.ant-layout').first(), 'antd layout').toHaveCSS('display', 'flex');
});
