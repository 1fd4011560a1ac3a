import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** axe-core's WCAG 2.1 A and AA rules on the console's pages, in both languages: no serious or critical violation. */
const PAGES = ['/', '/enterprises', '/sign-in', '/nowhere'];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help}`);
}

for (const language of ['EN', 'ZH'] as const) {
  test(`no serious accessibility violation on the public pages (${language})`, async ({ page }) => {
    await page.addInitScript((lang) => localStorage.setItem('waterbridge.language', lang), language);
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.locator('#root main, #root .ant-layout-content').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await violations(page) }).toEqual({ path, violations: [] });
    }
  });
}
