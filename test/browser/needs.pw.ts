/// <reference lib="dom" />
import { expect, test } from '@playwright/test';

test.describe('anyone, signed out', () => {
  test('finds open needs on the home page, in English or Chinese, and opens one', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Open needs' })).toBeVisible();
    await expect(page.getByTestId('needs-found')).toHaveText(/\d+ needs found/);

    await page.getByRole('searchbox', { name: /Search needs/ }).fill('desalination');
    await page.getByRole('searchbox', { name: /Search needs/ }).press('Enter');
    await expect(page).toHaveURL(/q=desalination/);
    await expect(page.locator('mark').first()).toBeVisible();

    await page
      .getByRole('link')
      .filter({ has: page.locator('mark') })
      .first()
      .click();
    await expect(page).toHaveURL(/\/needs\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Description', { exact: true })).toBeVisible();
  });

  test('switches the console to Chinese, and a Chinese query finds needs', async ({ page }) => {
    await page.goto('/');
    await page.getByText('中文', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '开放需求' })).toBeVisible();
    await page.getByRole('searchbox').fill('海水淡化');
    await page.getByRole('searchbox').press('Enter');
    await expect(page.getByTestId('needs-found')).toHaveText(/找到 [1-9]\d* 条需求/);
    await expect(page.locator('mark').first()).toBeVisible();
  });

  test('a page that does not exist says so, and an unknown need shows the server error with its code', async ({ page }) => {
    await page.goto('/nowhere');
    await expect(page.getByText('This page does not exist.')).toBeVisible();
    await page.goto('/needs/00000000-0000-4000-8000-000000000000');
    await expect(page.getByRole('alert')).toContainText('NOT_FOUND');
  });
});

test.describe('signing in', () => {
  const coordinator = 'coordinator@demo.waterbridge.org';

  test('a wrong password shows the server message; the right one signs in and comes back to the page', async ({ page }) => {
    await page.goto('/needs/00000000-0000-4000-8000-000000000000');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fneeds%2F/);
    await page.getByLabel('E-mail').fill(coordinator);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('UNAUTHENTICATED');

    await page.getByLabel('Password').fill('waterbridge-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Demo Coordinator');
    await expect(page).toHaveURL(/\/needs\/00000000-0000-4000-8000-000000000000$/);
  });

  test('a session that has expired sends the person to sign in, and back where they were', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('waterbridge.token', 'expired-or-forged'));
    await page.goto('/?q=water');
    await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fq%3Dwater$/);
    await page.getByLabel('E-mail').fill(coordinator);
    await page.getByLabel('Password').fill('waterbridge-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/\?q=water$/);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
  });
});
