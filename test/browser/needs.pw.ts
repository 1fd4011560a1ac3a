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

test.describe('the enterprise directory', () => {
  test('finds an enterprise in English and in Chinese, and shows its track record by country', async ({ page }) => {
    await page.goto('/enterprises');
    await page.getByRole('searchbox').fill('Sinohydro');
    await page.getByRole('searchbox').press('Enter');
    await page
      .getByRole('link', { name: /Sinohydro/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 2 })).toContainText('Sinohydro');
    await expect(page.getByTestId('countries-worked').locator('.ant-tag').first()).toHaveText(/ · \d+$/);
    // The same countries on the world map (ECharts, loaded with the map only).
    await expect(page.getByRole('img', { name: /World map of the countries .* worked in/ }).locator('canvas')).toBeVisible();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();

    await page.getByText('中文', { exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 })).toContainText('水电');
    await expect(page.getByRole('img', { name: /项目所在国家的世界地图/ }).locator('canvas')).toBeVisible();
  });
});
