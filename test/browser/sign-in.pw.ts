/// <reference lib="dom" />
import { expect, test } from '@playwright/test';
import { api, openAccountMenuItem, signInAs } from './support';

test.describe('signing in', () => {
  const coordinator = 'coordinator@demo.waterbridge.org';

  test('a wrong password shows the server message; the right one signs in and comes back to the page', async ({ page }) => {
    await page.goto('/needs/00000000-0000-4000-8000-000000000000');
    await page.getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fneeds%2F/);
    await page.getByLabel('E-mail').fill(coordinator);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('UNAUTHENTICATED');

    await page.getByLabel('Password').fill('waterbridge-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Demo Coordinator');
    await expect(page).toHaveURL(/\/needs\/00000000-0000-4000-8000-000000000000$/);
  });

  test('in demo mode the sign-in page lists one account per role, and choosing one fills in its e-mail', async ({ page }) => {
    await page.goto('/sign-in');
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    await expect(demo.getByRole('button')).toHaveCount(4);
    await demo.getByRole('button', { name: /Agency member/ }).click();
    await expect(page.getByLabel('E-mail')).toHaveValue(/^agency-[a-z-]+@demo\.waterbridge\.org$/);
    await page.getByLabel('Password').fill('waterbridge-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
  });

  test('a session that has expired sends the person to sign in, and back where they were', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('waterbridge.token', 'expired-or-forged'));
    await page.goto('/?q=water');
    await expect(page).toHaveURL(/\/sign-in\?next=%2F%3Fq%3Dwater$/);
    await page.getByLabel('E-mail').fill(coordinator);
    await page.getByLabel('Password').fill('waterbridge-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page).toHaveURL(/\/\?q=water$/);
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
  });
});

test('the language follows the account: chosen once signed in, it is saved and comes back at the next sign-in', async ({ page }) => {
  const signIn = async () => {
    await page.goto('/sign-in');
    await page.getByLabel(/E-mail|电子邮箱/).fill('admin@demo.waterbridge.org');
    await page.getByLabel(/Password|密码/).fill('waterbridge-demo');
    await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
    await expect(page.getByTestId('signed-in-as')).toBeVisible();
  };
  await page.goto('/');
  await signIn();
  await expect(page.getByRole('link', { name: 'Open needs' })).toBeVisible();

  const saved = page.waitForResponse((response) => response.request().postData()?.includes('SaveLanguage') ?? false);
  await page.getByText('中文', { exact: true }).click();
  await expect(page.getByRole('link', { name: '开放需求' })).toBeVisible();
  expect((await saved).ok()).toBe(true);
  await openAccountMenuItem(page, '退出');
  await expect(page.getByRole('link', { name: '登录' })).toBeVisible();

  // Signed out, this browser goes back to English; signing in brings the account's Chinese back.
  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('link', { name: 'Open needs' })).toBeVisible();
  await signIn();
  await expect(page.getByRole('link', { name: '开放需求' })).toBeVisible();
});

test('signing out ends the session on the server: its token no longer works anywhere', async ({ page }) => {
  await signInAs(page, 'Coordinator');
  const token = await page.evaluate(() => localStorage.getItem('waterbridge.token'));
  expect((await api<{ me: { id: string } }>(page.request, token, '{ me { id } }')).me.id).toBeTruthy();
  await openAccountMenuItem(page, 'Sign out');
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect
    .poll(() =>
      api(page.request, token, '{ me { id } }').then(
        () => 'still accepted',
        (error: Error) => error.message,
      ),
    )
    .toMatch(/UNAUTHENTICATED/);
});
