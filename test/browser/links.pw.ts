/// <reference lib="dom" />
import { expect, test, type Browser, type Page } from '@playwright/test';
import { introducedMatch, signInAs, type DemoRole } from './support';

/**
 * What a notification e-mail links to (src/notifications/email/notification-texts.ts; its spec pins which event links
 * where): /matches/:id for every event about a match, /needs/:id for opportunity alerts (enterprises) and candidates to
 * review (coordinators), /settings/notifications in every footer. Each is opened here as its reader would: a fresh
 * browser, signed out, sent to sign in and back.
 */
async function openFromEmail(browser: Browser, path: string, role: DemoRole): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await page.goto(path);
  if (new URL(page.url()).pathname === '/sign-in') expect(new URL(page.url()).searchParams.get('next')).toBe(path);
  await signInAs(page, role, path);
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return page;
}

test('every link of a notification e-mail opens the console page it names, for each reader', async ({ browser, request }) => {
  // A match between the demo agency and the demo enterprise, introduced: every reader may open it.
  const title = `Flood early warning for the lower valley ${Date.now()}`;
  const { needId, matchId } = await introducedMatch(request, {
    title,
    description: 'River gauges, rain radar and a warning service for twelve villages on the lower valley.',
    sectorCode: '14040',
    message: 'We built such systems.',
  });
  const matchPath = `/matches/${matchId}`;

  // A match's e-mails, for each of the three readers.
  for (const role of ['Agency member', 'Enterprise member', 'Coordinator'] as const) {
    const page = await openFromEmail(browser, matchPath, role);
    await expect(page.getByRole('heading', { level: 2 })).toContainText(title);
    await expect(page.getByTestId('match-status')).toBeVisible();
    await page.context().close();
  }
  // An opportunity alert (enterprise) and candidates to review (coordinator) open the need, with what each does there.
  const alert = await openFromEmail(browser, `/needs/${needId}`, 'Enterprise member');
  await expect(alert.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(alert.getByTestId('my-match')).toBeVisible();
  const review = await openFromEmail(browser, `/needs/${needId}`, 'Coordinator');
  await expect(review.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(review.getByRole('link', { name: 'Review the candidates' })).toBeVisible();
  // Every footer: the reader's notification settings.
  const settings = await openFromEmail(browser, '/settings/notifications', 'Agency member');
  await expect(settings.getByRole('heading', { name: 'Notification settings' })).toBeVisible();
  for (const page of [alert, review, settings]) await page.context().close();
});

test('an enterprise member who opens the review queue is told it is for the secretariat', async ({ page }) => {
  await signInAs(page, 'Enterprise member', '/review');
  // The demo enterprise member reads the console in Chinese, the account's language.
  await expect(page.getByTestId('refused')).toHaveText(/^此页面仅供：协调员（秘书处）和管理员。您当前的身份：企业成员。$/);
  await expect(page.getByRole('link', { name: '审核队列' })).toHaveCount(0);
});
