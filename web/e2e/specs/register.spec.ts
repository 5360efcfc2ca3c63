import { test, expect, field, mailedLink } from '../fixtures';

test('shopper registers', async ({ page, runId }) => {
  const email = `${runId}-register@example.com`;
  const password = `Pw-${runId}-ok`;
  await page.goto('/');
  await page.getByTestId('header-register').click();
  await expect(page).toHaveURL(/\/register$/);
  await field(page, 'register-name').fill('E2E Shopper');
  await field(page, 'register-email').fill(email);
  await field(page, 'register-password').fill(password);
  await field(page, 'register-confirm').fill(password);
  await page.getByTestId('register-submit').click();
  await expect(page.getByTestId('account-menu')).toBeVisible();
  await expect(page, 'left the register page').toHaveURL((url) => !url.pathname.startsWith('/register'));

  await test.step('the personal center asks to verify the address; the mailed link does', async () => {
    await page.goto('/account');
    await expect(page.getByTestId('verify-banner')).toContainText(email);
    await page.goto(await mailedLink(email, 'email-verification', '/verify-email'));
    await expect(page.getByTestId('verify-done')).toBeVisible();
    await page.goto('/account');
    await expect(page.getByTestId('account-layout')).toBeVisible();
    await expect(page.getByTestId('verify-banner')).toHaveCount(0);
  });
});
