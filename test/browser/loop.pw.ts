/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { choose, confirmInPopup, signInAs } from './support';

/** The number the inbox badge shows, from the link's accessible name ("Inbox, 3 unread" / "消息，3 条未读"). */
async function unread(page: Page): Promise<number> {
  const name = (await page.getByTestId('inbox-link').getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1] ?? NaN);
}

/** The count of a stage in the dashboard's funnel table. */
async function funnelCount(page: Page, stage: string): Promise<number> {
  const row = page.getByTestId('funnel-table').getByRole('row', { name: new RegExp(`^${stage} `) });
  return Number(((await row.innerText()).match(/\d[\d,]*/g) ?? ['NaN']).at(-1)?.replace(/,/g, ''));
}

/**
 * The whole loop, three people at once, each in their own browser: an agency publishes a need; a coordinator finds it
 * in the review queue, reads the candidates' explanations and approves the demo enterprise; the enterprise's inbox
 * badge rises without a reload and they accept — in Chinese, their account's language; the agency accepts; both read
 * the other's contacts; the coordinator records an outcome and finds it on the dashboard.
 */
test('agency publishes, coordinator approves, enterprise (in Chinese) and agency accept, contacts, outcome on the dashboard', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const [agency, coordinator, enterprise] = await Promise.all(
    [0, 1, 2].map(async () => (await browser.newContext({ locale: 'en-GB' })).newPage()),
  );
  await Promise.all([
    signInAs(agency, 'Agency member', '/my/needs/new'),
    signInAs(coordinator, 'Coordinator', '/statistics'),
    signInAs(enterprise, 'Enterprise member', '/'),
  ]);
  const outcomesBefore = await funnelCount(coordinator, 'Outcome recorded');

  // 1. The agency writes and publishes a need.
  const title = `Hydropower dam and reservoir on the Kunar river ${Date.now()}`;
  await agency.getByLabel('Title', { exact: true }).fill(title);
  await agency
    .getByLabel('Description', { exact: true })
    .fill('A 60 MW hydroelectric power plant with a concrete dam and reservoir, built under an EPC contract, with operator training.');
  await choose(agency.getByLabel('Water sector', { exact: true }), 'River basins development');
  await choose(agency.getByLabel('Technology categories', { exact: true }), 'Hydropower');
  await agency.getByLabel('Deadline for proposals', { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-06-30`);
  await agency.getByRole('button', { name: 'Save and publish' }).click();
  await expect(agency).toHaveURL(/\/needs\/[0-9a-f-]{36}$/);
  const needUrl = new URL(agency.url()).pathname;

  // 2. The coordinator finds it in the review queue (its candidates are ranked by a background job) and approves the
  //    demo enterprise after reading the candidates' explanations side by side.
  await coordinator.goto('/review?country=AF');
  await expect(async () => {
    await coordinator.reload();
    await expect(coordinator.getByRole('link', { name: title })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await coordinator.getByRole('link', { name: title }).click();
  const cards = coordinator.getByTestId('candidate');
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(1);
  for (const card of [cards.nth(0), cards.nth(1)]) await expect(card.getByRole('img', { name: /: \+\d/ }).first()).toBeVisible();
  const chosen = cards.filter({ hasText: /Sinohydro/ });
  await expect(chosen).toHaveCount(1);
  await expect(chosen.getByText('Projects cited as evidence')).toBeVisible();
  const badgeBefore = await unread(enterprise);
  await chosen.getByRole('button', { name: 'Approve' }).click();
  await expect(coordinator.getByTestId('review-notice')).toContainText('are introduced');

  // 3. The enterprise's badge rises, no reload; its member works in Chinese.
  await expect.poll(() => unread(enterprise), { timeout: 20_000 }).toBeGreaterThan(badgeBefore);
  await enterprise.getByTestId('inbox-link').click();
  await expect(enterprise.getByRole('heading', { name: '消息' })).toBeVisible();
  await enterprise.getByTestId('notification').filter({ hasText: title }).first().getByRole('link').first().click();
  await expect(enterprise).toHaveURL(/\/matches\/[0-9a-f-]{36}$/);
  const matchUrl = new URL(enterprise.url()).pathname;
  await expect(enterprise.getByTestId('match-status')).toHaveText('已引荐');
  await enterprise.getByRole('button', { name: '接受' }).click();
  await confirmInPopup(enterprise, '确定');
  await expect(enterprise.getByTestId('enterprise-response')).toHaveText('已接受');
  await expect(enterprise.getByTestId('match-contacts')).toContainText('双方都接受后');

  // 4. The agency accepts, from its need's page.
  await agency.goto(needUrl);
  await agency.getByTestId('agency-panel').getByRole('link', { name: 'Open the match' }).click();
  await expect(agency).toHaveURL(new RegExp(`${matchUrl}$`));
  await agency.getByRole('button', { name: 'Accept' }).click();
  await confirmInPopup(agency, 'Yes');
  await expect(agency.getByTestId('match-status')).toHaveText('Engaged');

  // 5. Each side now reads the other's contacts.
  await expect(agency.getByTestId('match-contacts')).toContainText('Sinohydro');
  await enterprise.reload();
  await expect(enterprise.getByTestId('match-status')).toHaveText('已对接');
  await expect(enterprise.getByTestId('match-contacts')).toContainText('Afghanistan');

  // 6. The coordinator records an outcome and sees it on the dashboard.
  await coordinator.goto(matchUrl);
  const form = coordinator.getByRole('form', { name: 'Record an outcome' });
  await choose(coordinator.getByLabel('Outcome', { exact: true }), 'MoU signed');
  await form.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(coordinator.getByTestId('match-outcomes')).toContainText('MoU signed');
  await coordinator.getByRole('link', { name: 'Statistics' }).click();
  await expect.poll(() => funnelCount(coordinator, 'Outcome recorded')).toBe(outcomesBefore + 1);
  // Closed, so that their live connections do not run on through the next spec files.
  for (const page of [agency, coordinator, enterprise]) await page.context().close();
});
