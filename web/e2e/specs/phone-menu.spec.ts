// The phone project only: the header's menu drawer.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { test, expect, SHOTS_DIR } from '../fixtures';

test('screenshot menu-phone (header drawer)', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-testid="featured-products"] [data-testid="product-card"]').first()).toBeVisible();
  await page.getByTestId('mobile-menu-button').click();
  await expect(
    page.locator('.ant-drawer-open [data-testid="drawer-nav-products"], .ant-drawer-content [data-testid="drawer-nav-products"]').first(),
  ).toBeVisible();
  await page.waitForTimeout(400); // the drawer slides in
  await mkdir(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, 'menu-phone.png') });
});
