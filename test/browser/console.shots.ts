import { test, type Page } from '@playwright/test';
import { join } from 'node:path';

/** The screenshots of docs/console (npm run screenshots): the main pages, in English and in Chinese. */
const OUT = join(__dirname, '..', '..', 'docs', 'console');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: false });
}

for (const language of ['en', 'zh'] as const) {
  test(`the main pages (${language})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.addInitScript((lang) => localStorage.setItem('waterbridge.language', lang), language === 'zh' ? 'ZH' : 'EN');
    await page.goto(language === 'zh' ? '/?q=海水淡化' : '/?q=desalination');
    await page.getByTestId('needs-found').waitFor();
    await shoot(page, `needs-${language}`);
    await page.locator('.ant-list-item a').first().click();
    await page.locator('.ant-descriptions').waitFor();
    await shoot(page, `need-${language}`);
    await page.goto('/enterprises?q=Sinohydro');
    await page.locator('.ant-list-item a').first().click();
    await page.getByTestId('countries-worked').waitFor();
    await shoot(page, `enterprise-${language}`);
    await page.goto('/sign-in');
    await page.locator('section').waitFor();
    await shoot(page, `sign-in-${language}`);
  });
}
