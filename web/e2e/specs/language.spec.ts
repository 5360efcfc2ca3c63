import { test, expect, signIn, LANGUAGE, OTHER_LANGUAGE } from '../fixtures';

test('switching language updates the page and is remembered', async ({ page, shopper }) => {
  await signIn(page.context(), shopper);
  await page.goto('/account');
  await expect(page.getByTestId('account-page')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', LANGUAGE);
  await page.getByTestId(`lang-${OTHER_LANGUAGE}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', OTHER_LANGUAGE);
  await page.reload();
  await expect(page.locator('html'), 'language after a reload').toHaveAttribute('lang', OTHER_LANGUAGE);
  await page.getByTestId(`lang-${LANGUAGE}`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', LANGUAGE);
});
