/// <reference lib="dom" />
import { expect, test, type Page } from '@playwright/test';
import { api, confirmInPopup, signInAs, tokenOf } from './support';

/** A date `years` from today, as a date field takes it. */
const yearsAhead = (years: number) => `${new Date().getUTCFullYear() + years}-06-30`;

/** The form item (label, field and its messages) of a labelled field. */
const formItem = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });

test('an agency member writes a need: the server refuses a past deadline at the field, the draft is saved, then published', async ({
  page,
}) => {
  const title = `Solar pumping for village wells ${Date.now()}`;
  await signInAs(page, 'Agency member', '/my/needs');
  await expect(page.getByRole('heading', { name: 'My needs' })).toBeVisible();
  await page.getByRole('button', { name: 'New need' }).click();

  await expect(page.getByRole('heading', { name: 'New need' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill('Forty village wells need solar pumps and two years of operator training.');
  await page.getByLabel('Water sector', { exact: true }).fill('Basic drinking water supply');
  // antd's options for screen readers are hidden; the visible one carries its label as title.
  await page.getByTitle('Basic drinking water supply', { exact: true }).click();
  await page.getByLabel('Budget up to', { exact: true }).fill('250000');
  await page.getByLabel('Currency', { exact: true }).fill('usd');
  await page.getByLabel('Financing instrument', { exact: true }).click();
  await page.getByTitle('Grant or donation', { exact: true }).click();
  await page.getByLabel('Deadline for proposals', { exact: true }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Save as draft' }).click();

  // The server's refusal, next to the field it names.
  await expect(formItem(page, 'Deadline for proposals')).toContainText('deadline 2020-01-01 is already past');
  await expect(page).toHaveURL(/\/my\/needs\/new$/);

  await page.getByLabel('Deadline for proposals', { exact: true }).fill(yearsAhead(1));
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/needs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(title);
  await expect(page.getByText('US$250,000')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Financing instrument' })).toContainText('Grant or donation');

  await page.getByRole('link', { name: 'My needs' }).first().click();
  await page.getByRole('tab', { name: 'Draft', exact: true }).click();
  await expect(page).toHaveURL(/status=DRAFT/);
  await page.getByRole('link', { name: title }).click();

  const panel = page.getByTestId('agency-panel');
  await panel.getByRole('button', { name: 'Publish' }).click();
  await confirmInPopup(page, 'Yes');
  await expect(page.getByRole('row').filter({ hasText: 'Status' }).first()).toContainText('Open');
  await expect(panel.getByRole('button', { name: 'Publish' })).toHaveCount(0);

  await page.getByRole('link', { name: 'My needs' }).first().click();
  await page.getByRole('tab', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: title })).toContainText('Open');
});

test('a match page: the agency reads an introduction and its timeline, accepts one and declines another with a reason', async ({
  page,
}) => {
  // Set-up through the API: the agency publishes a need, the secretariat introduces two candidates.
  const agency = await tokenOf(page.request, 'AGENCY_MEMBER');
  const coordinator = await tokenOf(page.request, 'COORDINATOR');
  const title = `Leak detection for the city network ${Date.now()}`;
  const { me } = await api<{ me: { organization: { country: { code: string } } } }>(
    page.request,
    agency,
    '{ me { organization { country { code } } } }',
  );
  const { createNeed } = await api<{ createNeed: { id: string } }>(
    page.request,
    agency,
    'mutation($input: CreateNeedInput!) { createNeed(input: $input) { id } }',
    {
      input: {
        title,
        description: 'Acoustic leak detection and district metering for the city water network; non-revenue water is above 40%.',
        countryCode: me.organization.country.code,
        sectorCode: '14020',
        deadline: yearsAhead(1),
      },
    },
  );
  await api(page.request, agency, 'mutation($id: ID!) { publishNeed(id: $id) { id } }', { id: createNeed.id });
  const { suggestMatches } = await api<{ suggestMatches: Array<{ id: string; version: number; status: string }> }>(
    page.request,
    coordinator,
    'mutation($needId: ID!) { suggestMatches(needId: $needId, first: 2) { id version status } }',
    { needId: createNeed.id },
  );
  const [first, second] = suggestMatches.filter((match) => match.status === 'SUGGESTED');
  for (const match of [first, second])
    await api(page.request, coordinator, 'mutation($input: MatchVersionInput!) { approveMatch(input: $input) { id } }', {
      input: { id: match.id, version: match.version },
    });

  await signInAs(page, 'Agency member', `/needs/${createNeed.id}`);
  // The need's page lists its introductions, each linking to its match page.
  await expect(page.getByTestId('agency-panel').getByRole('link', { name: 'Open the match' })).toHaveCount(2);
  await page.goto(`/matches/${first.id}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`Match: ${title}`);
  await expect(page.getByTestId('match-status')).toHaveText('Introduced');
  await expect(page.getByTestId('match-timeline')).toContainText('Introduced to each other');
  await expect(page.getByTestId('explanation')).toBeVisible();
  await page.getByRole('button', { name: 'Accept' }).click();
  await confirmInPopup(page, 'Yes');
  await expect(page.getByTestId('agency-response')).toHaveText('Accepted');
  await expect(page.getByTestId('match-timeline')).toContainText('Accepted');
  await expect(page.getByTestId('match-actions')).toHaveCount(0);

  await page.goto(`/matches/${second.id}`);
  await page.getByRole('button', { name: 'Decline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Decline' });
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toContainText('Please give a reason');
  await dialog.getByLabel(/Why\?/).fill('We already work with a supplier for this network.');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('match-status')).toHaveText('Declined');
  await expect(page.getByTestId('match-timeline')).toContainText('We already work with a supplier for this network.');
});
