/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test';

/** The demo accounts' password (the embedded demo seed's default; printed when WaterBridge starts). */
export const DEMO_PASSWORD = 'waterbridge-demo';

export type DemoRole = 'Coordinator' | 'Administrator' | 'Enterprise member' | 'Agency member';

/**
 * Signs in with the demo account of a role, as a person would: the sign-in page's demo list fills in the e-mail.
 * Returns that e-mail. The page ends where it was sent (`next`, default the home page).
 */
export async function signInAs(page: Page, role: DemoRole, next = '/'): Promise<string> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page
    .getByRole('region', { name: 'Demo accounts' })
    .getByRole('button', { name: new RegExp(role) })
    .click();
  const email = await page.getByLabel('E-mail').inputValue();
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
  return email;
}
